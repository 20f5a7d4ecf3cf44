// Proves the inputs the PUBLIC components send on target aws, not that AWS accepts them (mock engine).
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import {
    ObjectStorage,
    ObjectStorageArgs,
    PostgresCluster,
    PostgresClusterArgs,
    RabbitMQCluster,
    RabbitMQClusterArgs,
    RedisCluster,
    RedisClusterArgs,
    RedisMode,
    Target,
} from "../../../components";
import { RunResult } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../../helpers";
import { expectCredentialsOnlyInSecrets, expectRejected } from "../services";
import { AT, awsResources, expectShownNowhere, generatedValues, placement, run, zones } from "./public";

const pg =
    (args: Partial<PostgresClusterArgs> = {}) =>
    () =>
        void new PostgresCluster("pg", { target: Target.Aws, aws: placement, ...args });
const redis =
    (args: Partial<RedisClusterArgs> = {}) =>
    () =>
        void new RedisCluster("cache", { target: Target.Aws, aws: placement, ...args });
const mq =
    (args: Partial<RabbitMQClusterArgs> = {}) =>
    () =>
        void new RabbitMQCluster("mq", { target: Target.Aws, aws: placement, ...args });
const s3 =
    (args: Partial<ObjectStorageArgs> = {}) =>
    () =>
        void new ObjectStorage("files", { target: Target.Aws, bucket: "files-bucket", ...args });

/** The component's registered outputs, in wire form (secrets marked). */
const outputsOf = (r: RunResult, type: string) => one(r, type).outputs;

/** Nothing of the Kubernetes target, and every AWS resource and password is a child of the one component. */
function expectOnlyAwsUnder(r: RunResult, type: string): void {
    const component = one(r, type);
    assert.deepStrictEqual(
        r.resources.filter((x) => x.type.startsWith("kubernetes:")),
        [],
    );
    for (const x of r.resources.filter((y) => y.type !== T.Stack && y.type !== type))
        assert.strictEqual(x.parent, component.urn, `${x.type} ${x.name} is a child of ${type}`);
}

/** What a PostgresCluster on aws creates besides its instances (Aurora's are separate resources). */
const postgresChildren = [
    AT.Key,
    AT.SecurityGroup,
    AT.Ingress,
    AT.RdsSubnets,
    AT.RdsParams,
    T.RandomPassword,
    AT.RandomId,
    AT.RdsCluster,
];

describe("public data services on target aws", () => {
    describe("PostgresCluster, production defaults (Aurora)", () => {
        let r: RunResult;
        before(async () => {
            r = await run(pg());
        });

        it("registers the Aurora cluster, 3 instances, parameter and subnet groups, security group and rule, KMS key and password under the component", () => {
            assert.deepStrictEqual(
                childTypes(r, one(r, T.PostgresCluster)),
                [...postgresChildren, AT.RdsInstance, AT.RdsInstance, AT.RdsInstance].sort(),
            );
            expectOnlyAwsUnder(r, T.PostgresCluster);
            assert.strictEqual(inputsOf(one(r, AT.RdsCluster)).engine, "aurora-postgresql");
        });

        it("puts each instance in a different zone, the writer first, in the given subnets behind a client-only rule", () => {
            const instances = ofType(r, AT.RdsInstance).map(inputsOf);
            assert.deepStrictEqual(
                instances.map((i) => i.availabilityZone),
                zones,
            );
            assert.deepStrictEqual(
                instances.map((i) => i.promotionTier),
                [0, 1, 2],
            );
            assert.deepStrictEqual(inputsOf(one(r, AT.RdsSubnets)).subnetIds, placement.subnetIds);
            assert.strictEqual(inputsOf(one(r, AT.SecurityGroup)).vpcId, placement.vpcId);
            const rule = inputsOf(one(r, AT.Ingress));
            assert.deepStrictEqual(
                [rule.referencedSecurityGroupId, rule.fromPort, rule.toPort, rule.cidrIpv4],
                ["sg-eks", 5432, 5432, undefined],
            );
        });

        it("protects the cluster, its instances and key (production deletionProtection reaches the backend's scope)", () => {
            for (const x of [one(r, AT.RdsCluster), one(r, AT.Key), ...ofType(r, AT.RdsInstance)])
                assert.strictEqual(x.options.protect, true, `${x.type} ${x.name}`);
            assert.strictEqual(inputsOf(one(r, AT.RdsCluster)).deletionProtection, true);
        });

        it("registers writerEndpoint and readerEndpoint in the clear and credentials, writerUrl, readerUrl as secrets", () => {
            const out = outputsOf(r, T.PostgresCluster);
            const cluster = plain(one(r, AT.RdsCluster).outputs);
            assert.deepStrictEqual(
                [out.writerEndpoint, out.readerEndpoint, out.port, out.database],
                [cluster.endpoint, cluster.readerEndpoint, 5432, "app"],
            );
            assert.match(cluster.endpoint, /\.cluster-[a-z0-9]+\.eu-central-1\.rds\.amazonaws\.com$/);
            for (const key of ["credentials", "writerUrl", "readerUrl"])
                assert.ok(isSecret(out[key]), `${key} is secret`);
            const { username, password } = plain(out.credentials);
            const url = new URL(plain(out.writerUrl));
            assert.deepStrictEqual(
                [url.username, decodeURIComponent(url.password), url.hostname, url.port],
                [username, password, cluster.endpoint, "5432"],
            );
            assert.strictEqual(new URL(plain(out.readerUrl)).hostname, cluster.readerEndpoint);
        });

        it("shows the generated password nowhere outside a secret (every recorded resource, AWS ones included)", () => {
            const { passwords } = expectCredentialsOnlyInSecrets(r);
            assert.deepStrictEqual(passwords, [plain(one(r, T.RandomPassword).outputs).result]);
            expectShownNowhere(r, passwords);
        });
    });

    it('PostgresCluster aws.deployment "multi-az-cluster": one RDS postgres cluster over the 3 zones, no separate instances', async () => {
        const r = await run(pg({ aws: { ...placement, deployment: "multi-az-cluster" } }));
        assert.deepStrictEqual(childTypes(r, one(r, T.PostgresCluster)), [...postgresChildren].sort());
        const c = inputsOf(one(r, AT.RdsCluster));
        assert.deepStrictEqual(
            [c.engine, c.availabilityZones, c.dbClusterInstanceClass, c.storageType],
            ["postgres", zones, "db.m6gd.large", "io2"],
        );
        assert.ok(isSecret(outputsOf(r, T.PostgresCluster).writerUrl));
        expectCredentialsOnlyInSecrets(r);
    });

    describe("RedisCluster", () => {
        it("cluster mode, 3 shards × 1 replica: each shard's primary and replica in different zones, the primaries in all three", async () => {
            const r = await run(redis({ mode: RedisMode.Cluster, shards: 3, replicasPerShard: 1 }));
            assert.deepStrictEqual(
                childTypes(r, one(r, T.RedisCluster)),
                [
                    AT.Key,
                    AT.SecurityGroup,
                    AT.Ingress,
                    AT.CacheSubnets,
                    AT.CacheParams,
                    T.RandomPassword,
                    AT.RandomId,
                    AT.CacheGroup,
                ].sort(),
            );
            expectOnlyAwsUnder(r, T.RedisCluster);
            const g = inputsOf(one(r, AT.CacheGroup));
            assert.deepStrictEqual(
                [g.clusterMode, g.numNodeGroups, g.replicasPerNodeGroup, g.automaticFailoverEnabled, g.multiAzEnabled],
                ["enabled", 3, 1, true, true],
            );
            const shards: Array<{ primaryAvailabilityZone: string; replicaAvailabilityZones: string[] }> =
                g.nodeGroupConfigurations;
            assert.strictEqual(shards.length, 3);
            for (const s of shards) assert.ok(!s.replicaAvailabilityZones.includes(s.primaryAvailabilityZone));
            assert.deepStrictEqual(shards.map((s) => s.primaryAvailabilityZone).sort(), zones);
            const out = outputsOf(r, T.RedisCluster);
            assert.strictEqual(out.primaryEndpoint, plain(one(r, AT.CacheGroup).outputs).configurationEndpointAddress);
            assert.strictEqual(out.readerEndpoint, undefined, "cluster mode has no reader endpoint");
            for (const key of ["authToken", "url"]) assert.ok(isSecret(out[key]), `${key} is secret`);
            expectShownNowhere(r, expectCredentialsOnlyInSecrets(r).passwords);
        });

        it("replicated (default): 3 nodes, one per zone, failover and Multi-AZ on, primary and reader endpoints", async () => {
            const r = await run(redis());
            const g = inputsOf(one(r, AT.CacheGroup));
            assert.deepStrictEqual(
                [
                    g.clusterMode,
                    g.numCacheClusters,
                    g.preferredCacheClusterAzs,
                    g.automaticFailoverEnabled,
                    g.multiAzEnabled,
                ],
                ["disabled", 3, zones, true, true],
            );
            const group = plain(one(r, AT.CacheGroup).outputs);
            const out = outputsOf(r, T.RedisCluster);
            assert.deepStrictEqual(
                [out.primaryEndpoint, out.readerEndpoint],
                [group.primaryEndpointAddress, group.readerEndpointAddress],
            );
            expectShownNowhere(r, expectCredentialsOnlyInSecrets(r).passwords);
        });
    });

    it("RabbitMQCluster: a CLUSTER_MULTI_AZ broker over every subnet, private, with secret credentials", async () => {
        const r = await run(mq());
        assert.deepStrictEqual(
            childTypes(r, one(r, T.RabbitMQCluster)),
            [AT.Broker, AT.SecurityGroup, AT.Ingress, T.RandomPassword].sort(),
        );
        expectOnlyAwsUnder(r, T.RabbitMQCluster);
        const b = inputsOf(one(r, AT.Broker));
        assert.deepStrictEqual(
            [b.engineType, b.deploymentMode, b.subnetIds, b.publiclyAccessible],
            ["RabbitMQ", "CLUSTER_MULTI_AZ", placement.subnetIds, false],
        );
        const out = outputsOf(r, T.RabbitMQCluster);
        for (const key of ["credentials", "url"]) assert.ok(isSecret(out[key]), `${key} is secret`);
        assert.strictEqual(new URL(plain(out.url)).hostname, out.amqpEndpoint);
        const endpoints: string[] = plain(one(r, AT.Broker).outputs).instances.flatMap((i: any) => i.endpoints);
        assert.ok(endpoints.includes(`amqps://${out.amqpEndpoint}:5671`), JSON.stringify(endpoints));
        expectShownNowhere(r, expectCredentialsOnlyInSecrets(r).passwords);
    });

    describe("ObjectStorage", () => {
        it("a bucket with versioning on, every public access blocked, owner-enforced, encrypted, TLS-only, and its access role", async () => {
            const r = await run(s3());
            assert.deepStrictEqual(
                childTypes(r, one(r, T.ObjectStorage)),
                [
                    AT.Bucket,
                    AT.Versioning,
                    AT.PublicAccessBlock,
                    AT.Ownership,
                    AT.Encryption,
                    AT.Lifecycle,
                    AT.BucketPolicy,
                    AT.Role,
                    AT.RolePolicy,
                    AT.Key,
                ].sort(),
            );
            expectOnlyAwsUnder(r, T.ObjectStorage);
            assert.deepStrictEqual(inputsOf(one(r, AT.Versioning)).versioningConfiguration, { status: "Enabled" });
            const block = inputsOf(one(r, AT.PublicAccessBlock));
            assert.deepStrictEqual(
                [block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
                [true, true, true, true],
            );
            assert.strictEqual(inputsOf(one(r, AT.Ownership)).rule.objectOwnership, "BucketOwnerEnforced");
            assert.deepStrictEqual(ofType(r, AT.PodIdentity), []);
            const out = plain(outputsOf(r, T.ObjectStorage));
            assert.deepStrictEqual(
                [out.bucket, out.region, out.endpoint, out.forcePathStyle],
                ["files-bucket", "eu-central-1", "https://s3.eu-central-1.amazonaws.com", false],
            );
        });

        it("aws.podIdentity binds the ServiceAccount to the access role through a PodIdentityAssociation", async () => {
            const r = await run(
                s3({ aws: { podIdentity: { clusterName: "prod", namespace: "app", serviceAccount: "web" } } }),
            );
            const role = plain(one(r, AT.Role).outputs);
            const binding = inputsOf(one(r, AT.PodIdentity));
            assert.deepStrictEqual(
                [binding.clusterName, binding.namespace, binding.serviceAccount, binding.roleArn],
                ["prod", "app", "web", role.arn],
            );
            assert.strictEqual(plain(outputsOf(r, T.ObjectStorage)).workloadIdentity, role.arn);
        });
    });

    describe("rejected at the public level, naming the argument, nothing registered but the Stack", () => {
        const twoZones = { ...placement, subnetIds: ["subnet-a", "subnet-b"], availabilityZones: zones.slice(0, 2) };
        const missing = ["vpcId", "subnetIds", "availabilityZones", "clientSecurityGroupIds"].map(
            (k) => new RegExp(`^aws\\.${k}: is required on target aws`),
        );

        it("RabbitMQ nodes: 5 in production (Amazon MQ's cluster is always 3)", async () => {
            await expectRejected(mq({ nodes: 5 }), /^nodes: must be 3 on target aws in production.*\(got 5\)/);
        });

        it("only 2 zones in production, for each placed service", async () => {
            const twoZoneProblem = /^aws\.availabilityZones: must name at least 3 zones in production.*\(got 2\)/;
            await expectRejected(pg({ aws: twoZones }), twoZoneProblem);
            await expectRejected(redis({ aws: twoZones }), twoZoneProblem);
            await expectRejected(mq({ aws: twoZones }), twoZoneProblem);
        });

        it('an instance class of an unknown family (postgres aws.instanceClass "db.q9.large")', async () => {
            await expectRejected(
                pg({ aws: { ...placement, instanceClass: "db.q9.large" } }),
                /^aws\.instanceClass: must be a DB instance class .*db\.r7g.*\(got "db\.q9\.large"\)/,
            );
        });

        it("the aws placement missing, each part named", async () => {
            await expectRejected(pg({ aws: undefined }), ...missing);
            await expectRejected(redis({ aws: {} }), ...missing);
            await expectRejected(mq({ aws: undefined }), ...missing);
        });

        it("a JavaScript caller's wrong types: a string for a list, for the aws object, for the pod identity", async () => {
            const notAList = /^aws\.subnetIds: must be a list, each item a string .*\(got "subnet-a"\)/;
            await expectRejected(
                pg({ aws: { subnetIds: "subnet-a" } as any }),
                notAList,
                ...missing.slice(0, 1),
                ...missing.slice(2),
            );
            await expectRejected(redis({ aws: { ...placement, subnetIds: "subnet-a" } as any }), notAList);
            await expectRejected(
                pg({ aws: "vpc-1" as any }),
                /^aws: must be an object of PostgresAwsArgs \(got "vpc-1"\)/,
            );
            await expectRejected(
                s3({ aws: { podIdentity: "prod" } as any }),
                /^aws\.podIdentity: must be an object of ObjectStoragePodIdentityArgs/,
            );
        });

        it("neutral and target problems together, in one error", async () => {
            await expectRejected(
                redis({ evictionPolicy: "bogus" as any, aws: { ...placement, nodeType: "m5.large" } }),
                /^evictionPolicy: must be one of/,
                /^aws\.nodeType: must be an ElastiCache node type/,
            );
            await expectRejected(
                pg({ database: "1bad", aws: { ...twoZones, instanceClass: "db.q9.large" } }),
                /^database: must be a lower-case SQL identifier/,
                /^database: must start with a letter and not be a reserved word .*on target aws/,
                /^aws\.availabilityZones: must name at least 3 zones in production/,
                /^aws\.instanceClass: .*\(got "db\.q9\.large"\)/,
            );
        });
    });

    it("the secrecy scan itself fails on a password leaked into an AWS resource's tags", async () => {
        const r = await run(() => {
            const password = new random.RandomPassword("leak", { length: 24, special: false });
            new aws.s3.Bucket("leaky", { tags: { note: pulumi.unsecret(password.result) } });
        });
        assert.strictEqual(awsResources(r).length, 1);
        assert.throws(() => expectCredentialsOnlyInSecrets(r), /aws:s3\/bucket:Bucket leaky shows a password/);
        assert.throws(() => expectShownNowhere(r, generatedValues(r)), /aws:s3\/bucket:Bucket leaky shows/);
    });
});
