import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AWS_ACCOUNT_ID, awsTypes, regionCode } from "../../scripts/harness/aws-mocks";
import { RecordedResource, RunOptions, runProgram } from "../../scripts/harness/mock-engine";
import { UNKNOWN, isSecret, plain } from "../../scripts/harness/wire";
import { one } from "../helpers";

// What these tests prove: the shapes and formats the mock engine answers for AWS resources and
// functions (ids, ARNs, endpoints, unknowns in preview, secret outputs), written from the
// pulumi-aws v7 type definitions and AWS's documented formats. What they do not prove: that AWS
// returns exactly these values (the "random" parts are digests), nor that any backend uses them.

const A = {
    Vpc: "aws:ec2/vpc:Vpc",
    Subnet: "aws:ec2/subnet:Subnet",
    SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    Ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    Eip: "aws:ec2/eip:Eip",
    VpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    Role: "aws:iam/role:Role",
    Policy: "aws:iam/policy:Policy",
    Key: "aws:kms/key:Key",
    Alias: "aws:kms/alias:Alias",
    EksCluster: "aws:eks/cluster:Cluster",
    NodeGroup: "aws:eks/nodeGroup:NodeGroup",
    Addon: "aws:eks/addon:Addon",
    AccessEntry: "aws:eks/accessEntry:AccessEntry",
    PodIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    RdsCluster: "aws:rds/cluster:Cluster",
    RdsInstance: "aws:rds/clusterInstance:ClusterInstance",
    ReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    Broker: "aws:mq/broker:Broker",
    Bucket: "aws:s3/bucket:Bucket",
    BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    Secret: "aws:secretsmanager/secret:Secret",
    SecretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    LogGroup: "aws:cloudwatch/logGroup:LogGroup",
    Topic: "aws:sns/topic:Topic",
} as const;

const out = (r: RecordedResource): any => plain(r.outputs);
const ACCOUNT = "123456789012";

async function both(program: () => unknown, opts: RunOptions = {}) {
    return {
        preview: await runProgram(program, { ...opts, preview: true }),
        update: await runProgram(program, { ...opts, preview: false }),
    };
}

const network = () => {
    const vpc = new aws.ec2.Vpc("net", { cidrBlock: "10.0.0.0/16", tags: { team: "a" } });
    new aws.ec2.Subnet("net-b", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "eu-central-1b" });
    const sg = new aws.ec2.SecurityGroup("app-sg", { vpcId: vpc.id, description: "app" });
    new aws.vpc.SecurityGroupIngressRule("app-in", {
        securityGroupId: sg.id,
        referencedSecurityGroupId: vpc.defaultSecurityGroupId,
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
    });
};

describe("harness: AWS mocks", () => {
    it("mocks only tokens the installed pulumi-aws defines", () => {
        for (const token of Object.keys(awsTypes)) {
            const [, mod, cls] = token.split(/[:/]/).filter((_, i) => i !== 2);
            const ctor = (aws as any)[mod]?.[cls];
            assert.strictEqual(ctor?.__pulumiType, token, `${token} is not a resource of @pulumi/aws`);
        }
        assert.strictEqual(AWS_ACCOUNT_ID, ACCOUNT);
    });

    it("answers EC2 networking with AWS ids and ARNs in the account and region (update)", async () => {
        const run = await runProgram(network);
        const vpc = one(run, A.Vpc);
        assert.match(vpc.id!, /^vpc-[0-9a-f]{17}$/);
        assert.strictEqual(out(vpc).arn, `arn:aws:ec2:eu-central-1:${ACCOUNT}:vpc/${vpc.id}`);
        assert.strictEqual(out(vpc).cidrBlock, "10.0.0.0/16");
        assert.match(out(vpc).defaultSecurityGroupId, /^sg-[0-9a-f]{17}$/);
        assert.match(out(vpc).mainRouteTableId, /^rtb-[0-9a-f]{17}$/);
        assert.deepStrictEqual(out(vpc).tagsAll, { team: "a" });

        const subnet = one(run, A.Subnet);
        assert.match(subnet.id!, /^subnet-[0-9a-f]{17}$/);
        assert.strictEqual(out(subnet).vpcId, vpc.id, "a reference resolves to the VPC's id");
        assert.strictEqual(out(subnet).availabilityZone, "eu-central-1b");
        assert.strictEqual(out(subnet).availabilityZoneId, "euc1-az2");

        const sg = one(run, A.SecurityGroup);
        assert.match(sg.id!, /^sg-[0-9a-f]{17}$/);
        assert.match(out(sg).name, /^app-sg-[0-9a-f]{7}$/, "auto-named like pulumi-aws");
        assert.strictEqual(out(sg).description, "app", "an input is never replaced");
        assert.deepStrictEqual([out(sg).ingress, out(sg).egress], [[], []]);

        const rule = one(run, A.Ingress);
        assert.match(rule.id!, /^sgr-[0-9a-f]{17}$/);
        assert.strictEqual(out(rule).securityGroupRuleId, rule.id);
        assert.strictEqual(out(rule).referencedSecurityGroupId, out(vpc).defaultSecurityGroupId);
    });

    it("gives a NAT gateway the public address of the Elastic IP it is given", async () => {
        const run = await runProgram(() => {
            const ip = new aws.ec2.Eip("nat-ip", { domain: "vpc" });
            new aws.ec2.NatGateway("nat", { subnetId: "subnet-0123", allocationId: ip.allocationId });
        });
        const eip = one(run, A.Eip);
        assert.match(eip.id!, /^eipalloc-[0-9a-f]{17}$/);
        assert.strictEqual(out(eip).allocationId, eip.id);
        assert.match(out(eip).publicIp, /^3\.\d+\.\d+\.\d+$/);
        const nat = one(run, "aws:ec2/natGateway:NatGateway");
        assert.match(nat.id!, /^nat-[0-9a-f]{17}$/);
        assert.strictEqual(out(nat).publicIp, out(eip).publicIp);
        assert.match(out(nat).privateIp, /^10\.0\.\d+\.\d+$/);
    });

    it("leaves what AWS assigns at create unknown in preview, and keeps what Check computes", async () => {
        const { preview, update } = await both(network);
        const vpc = one(preview, A.Vpc);
        assert.strictEqual(vpc.id, undefined);
        for (const key of ["arn", "defaultSecurityGroupId", "mainRouteTableId", "ownerId"]) {
            assert.strictEqual(out(vpc)[key], UNKNOWN, `vpc ${key} is unknown in preview`);
        }
        assert.strictEqual(out(vpc).cidrBlock, "10.0.0.0/16", "inputs stay known");
        assert.strictEqual(out(vpc).region, "eu-central-1", "region is known in preview");
        assert.deepStrictEqual(out(vpc).tagsAll, { team: "a" }, "tagsAll is known in preview");
        assert.strictEqual(out(one(preview, A.Subnet)).availabilityZoneId, UNKNOWN);
        assert.strictEqual(out(one(preview, A.Subnet)).vpcId, UNKNOWN, "a reference to an unknown id is unknown");
        assert.strictEqual(
            out(one(preview, A.SecurityGroup)).name,
            out(one(update, A.SecurityGroup)).name,
            "the auto-name is known in preview and the same at update",
        );
        assert.strictEqual(out(one(preview, A.Ingress)).securityGroupRuleId, UNKNOWN);
    });

    it("gives the same values on every run (digests, not randomness)", async () => {
        const first = await runProgram(network);
        const second = await runProgram(network);
        assert.deepStrictEqual(
            first.resources.map((r) => [r.id, r.outputs]),
            second.resources.map((r) => [r.id, r.outputs]),
        );
    });

    it("takes the region from the resource, then the stack's aws:region, then eu-central-1", async () => {
        const program = () => {
            new aws.s3.Bucket("plain", {});
            new aws.s3.Bucket("pinned", { region: "us-west-2" });
        };
        const fallback = await runProgram(program);
        const configured = await runProgram(program, { config: { "aws:region": "eu-west-1" } });
        const regional = (run: typeof fallback, name: string) =>
            out(one(run, A.Bucket, name)).bucketRegionalDomainName.split(".")[2];
        assert.deepStrictEqual(
            [regional(fallback, "plain"), regional(fallback, "pinned")],
            ["eu-central-1", "us-west-2"],
        );
        assert.deepStrictEqual(
            [regional(configured, "plain"), regional(configured, "pinned")],
            ["eu-west-1", "us-west-2"],
        );
        assert.strictEqual(out(one(configured, A.Bucket, "plain")).region, "eu-west-1");
    });

    it("merges the provider's default tags (aws:defaultTags) under the resource's tags in tagsAll", async () => {
        const run = await runProgram(
            () => {
                new aws.ec2.Vpc("v", { cidrBlock: "10.1.0.0/16", tags: { env: "prod" } });
            },
            { config: { "aws:defaultTags": JSON.stringify({ tags: { env: "default", owner: "ops" } }) } },
        );
        assert.deepStrictEqual(out(one(run, A.Vpc)).tagsAll, { env: "prod", owner: "ops" });
    });

    it("answers IAM (global ARNs, no region) and KMS (key UUIDs, alias/ names)", async () => {
        const run = await runProgram(() => {
            new aws.iam.Role("node-role", { assumeRolePolicy: "{}" });
            new aws.iam.Role("pathed", { name: "ci", path: "/svc/", assumeRolePolicy: "{}" });
            new aws.iam.Policy("p", { policy: "{}" });
            const key = new aws.kms.Key("k", { enableKeyRotation: true });
            new aws.kms.Alias("k-alias", { targetKeyId: key.keyId });
        });
        const role = out(one(run, A.Role, "node-role"));
        assert.match(role.name, /^node-role-[0-9a-f]{7}$/);
        assert.strictEqual(role.arn, `arn:aws:iam::${ACCOUNT}:role/${role.name}`);
        assert.match(role.uniqueId, /^AROA[A-Z0-9]{17}$/);
        assert.strictEqual(role.region, undefined, "IAM is global: no region");
        assert.strictEqual(out(one(run, A.Role, "pathed")).arn, `arn:aws:iam::${ACCOUNT}:role/svc/ci`);
        const policy = one(run, A.Policy);
        assert.match(out(policy).arn, new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/p-[0-9a-f]{7}$`));
        assert.strictEqual(policy.id, out(policy).arn);

        const key = one(run, A.Key);
        assert.match(key.id!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.strictEqual(out(key).keyId, key.id);
        assert.strictEqual(out(key).arn, `arn:aws:kms:eu-central-1:${ACCOUNT}:key/${key.id}`);
        assert.strictEqual(out(key).rotationPeriodInDays, 365);
        const alias = out(one(run, A.Alias));
        assert.match(alias.name, /^alias\/k-alias-[0-9a-f]{7}$/);
        assert.strictEqual(alias.targetKeyArn, out(key).arn);
    });

    it("answers an EKS cluster with its endpoint, CA, OIDC issuer and cluster security group", async () => {
        const program = () => {
            const cluster = new aws.eks.Cluster("eks", {
                roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`,
                version: "1.33",
                vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], endpointPrivateAccess: true },
                accessConfig: { authenticationMode: "API" },
            });
            new aws.eks.NodeGroup("ng", {
                clusterName: cluster.name,
                nodeRoleArn: `arn:aws:iam::${ACCOUNT}:role/node`,
                subnetIds: ["subnet-1"],
                scalingConfig: { desiredSize: 3, minSize: 3, maxSize: 6 },
            });
            new aws.eks.Addon("cni", { clusterName: cluster.name, addonName: "vpc-cni" });
            new aws.eks.AccessEntry("admin", {
                clusterName: cluster.name,
                principalArn: `arn:aws:iam::${ACCOUNT}:role/admin`,
            });
            new aws.eks.PodIdentityAssociation("pia", {
                clusterName: cluster.name,
                namespace: "apps",
                serviceAccount: "app",
                roleArn: `arn:aws:iam::${ACCOUNT}:role/app`,
            });
        };
        const { preview, update } = await both(program);
        const c = out(one(update, A.EksCluster));
        assert.match(c.name, /^eks-[0-9a-f]{7}$/);
        assert.strictEqual(c.arn, `arn:aws:eks:eu-central-1:${ACCOUNT}:cluster/${c.name}`);
        const endpoint = /^https:\/\/([0-9A-F]{32})\.gr7\.eu-central-1\.eks\.amazonaws\.com$/.exec(c.endpoint);
        assert.ok(endpoint, c.endpoint);
        assert.strictEqual(
            c.identities[0].oidcs[0].issuer,
            `https://oidc.eks.eu-central-1.amazonaws.com/id/${endpoint[1]}`,
        );
        const pem = Buffer.from(c.certificateAuthority.data, "base64").toString();
        assert.match(pem, /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/\n]+\n-----END CERTIFICATE-----\n$/);
        assert.match(c.vpcConfig.clusterSecurityGroupId, /^sg-[0-9a-f]{17}$/);
        assert.deepStrictEqual(c.vpcConfig.subnetIds, ["subnet-1", "subnet-2"], "nested inputs stay");
        assert.strictEqual(c.vpcConfig.endpointPrivateAccess, true, "a nested input is never replaced");
        assert.strictEqual(c.accessConfig.authenticationMode, "API");
        assert.strictEqual(c.version, "1.33");
        assert.strictEqual(c.status, "ACTIVE");

        const ng = out(one(update, A.NodeGroup));
        assert.match(
            ng.arn,
            new RegExp(`^arn:aws:eks:eu-central-1:${ACCOUNT}:nodegroup/${c.name}/ng-[0-9a-f]{7}/[0-9a-f-]{36}$`),
        );
        assert.strictEqual(ng.status, "ACTIVE");
        assert.match(ng.resources[0].autoscalingGroups[0].name, /^eks-ng-[0-9a-f]{7}-[0-9a-f-]{36}$/);
        const addon = out(one(update, A.Addon));
        assert.match(addon.arn, new RegExp(`^arn:aws:eks:eu-central-1:${ACCOUNT}:addon/${c.name}/vpc-cni/`));
        assert.match(addon.addonVersion, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        assert.match(
            out(one(update, A.AccessEntry)).accessEntryArn,
            new RegExp(`:access-entry/${c.name}/role/${ACCOUNT}/admin/`),
        );
        const pia = out(one(update, A.PodIdentity));
        assert.match(pia.associationId, /^a-[a-z0-9]{17}$/);
        assert.strictEqual(
            pia.associationArn,
            `arn:aws:eks:eu-central-1:${ACCOUNT}:podidentityassociation/${c.name}/${pia.associationId}`,
        );

        const p = out(one(preview, A.EksCluster));
        for (const key of ["arn", "endpoint", "certificateAuthority", "identities", "status"]) {
            assert.strictEqual(p[key], UNKNOWN, `cluster ${key} is unknown in preview`);
        }
        assert.strictEqual(p.vpcConfig.clusterSecurityGroupId, UNKNOWN);
        assert.strictEqual(p.name, c.name);
        assert.strictEqual(out(one(preview, A.PodIdentity)).associationArn, UNKNOWN);
    });

    it("answers Aurora with cluster, reader and instance endpoints on the engine's port; the password stays secret", async () => {
        const program = () => {
            const cluster = new aws.rds.Cluster("pg", {
                clusterIdentifier: "orders-pg",
                engine: "aurora-postgresql",
                engineVersion: "16.6",
                masterUsername: "app",
                masterPassword: "s3cr3t-s3cr3t",
                storageEncrypted: true,
            });
            new aws.rds.ClusterInstance("pg-1", {
                identifier: "orders-pg-1",
                clusterIdentifier: cluster.id,
                engine: "aurora-postgresql",
                instanceClass: "db.r6g.large",
                availabilityZone: "eu-central-1b",
            });
            new aws.rds.ClusterInstance("pg-2", {
                clusterIdentifier: cluster.id,
                engine: "aurora-postgresql",
                instanceClass: "db.r6g.large",
            });
            new aws.rds.Cluster("my", { engine: "aurora-mysql", manageMasterUserPassword: true, masterUsername: "a" });
            new aws.rds.Instance("single", {
                engine: "postgres",
                instanceClass: "db.t4g.micro",
                allocatedStorage: 20,
                username: "app",
                password: "s3cr3t-s3cr3t",
            });
        };
        const { preview, update } = await both(program);
        const cluster = one(update, A.RdsCluster, "pg");
        const c = out(cluster);
        assert.strictEqual(cluster.id, "orders-pg");
        const host = /^orders-pg\.cluster-(c[a-z0-9]{11})\.eu-central-1\.rds\.amazonaws\.com$/.exec(c.endpoint);
        assert.ok(host, c.endpoint);
        assert.strictEqual(c.readerEndpoint, `orders-pg.cluster-ro-${host[1]}.eu-central-1.rds.amazonaws.com`);
        assert.strictEqual(c.port, 5432);
        assert.strictEqual(c.arn, `arn:aws:rds:eu-central-1:${ACCOUNT}:cluster:orders-pg`);
        assert.match(c.clusterResourceId, /^cluster-[A-Z0-9]{26}$/);
        assert.deepStrictEqual(c.masterUserSecrets, []);
        assert.match(c.kmsKeyId, new RegExp(`^arn:aws:kms:eu-central-1:${ACCOUNT}:key/`));
        assert.ok(isSecret(cluster.outputs.masterPassword), "masterPassword is a secret output");

        const first = out(one(update, A.RdsInstance, "pg-1"));
        assert.strictEqual(
            first.endpoint,
            `orders-pg-1.${host[1]}.eu-central-1.rds.amazonaws.com`,
            "same account hash",
        );
        assert.strictEqual(first.availabilityZone, "eu-central-1b");
        assert.strictEqual(first.clusterIdentifier, "orders-pg");
        const second = out(one(update, A.RdsInstance, "pg-2"));
        assert.match(second.identifier, /^tf-\d{26}$/, "Terraform names an instance left unnamed");
        assert.strictEqual(second.availabilityZone, "eu-central-1a");

        const mysql = out(one(update, A.RdsCluster, "my"));
        assert.strictEqual(mysql.port, 3306);
        assert.strictEqual(mysql.masterUserSecrets.length, 1);
        assert.match(mysql.masterUserSecrets[0].secretArn, /:secret:rds!cluster-[0-9a-f-]{36}-[A-Za-z0-9]{6}$/);

        const single = one(update, "aws:rds/instance:Instance");
        const i = out(single);
        assert.match(single.id!, /^db-[A-Z0-9]{26}$/, "an RDS instance's id is its resource id");
        assert.match(i.identifier, /^single-[0-9a-f]{7}$/);
        assert.strictEqual(i.address, `${i.identifier}.${host[1]}.eu-central-1.rds.amazonaws.com`);
        assert.strictEqual(i.endpoint, `${i.address}:5432`, "an instance's endpoint carries its port");
        assert.ok(isSecret(single.outputs.password));

        const p = out(one(preview, A.RdsCluster, "pg"));
        assert.deepStrictEqual([p.endpoint, p.readerEndpoint, p.arn], [UNKNOWN, UNKNOWN, UNKNOWN]);
        assert.strictEqual(p.clusterIdentifier, "orders-pg");
        assert.strictEqual(out(one(preview, A.RdsInstance, "pg-2")).identifier, UNKNOWN);
    });

    it("answers ElastiCache with primary/reader endpoints, or the configuration endpoint in cluster mode", async () => {
        const run = await runProgram(() => {
            new aws.elasticache.ReplicationGroup("cache", {
                description: "d",
                nodeType: "cache.r7g.large",
                numCacheClusters: 3,
                authToken: "a".repeat(32),
                transitEncryptionEnabled: true,
            });
            new aws.elasticache.ReplicationGroup("sharded", {
                description: "d",
                nodeType: "cache.r7g.large",
                numNodeGroups: 3,
                replicasPerNodeGroup: 2,
            });
            const params = new aws.elasticache.ParameterGroup("params", {
                family: "redis7",
                parameters: [{ name: "cluster-enabled", value: "yes" }],
            });
            new aws.elasticache.ReplicationGroup("one-shard", {
                description: "d",
                nodeType: "cache.r7g.large",
                numNodeGroups: 1,
                replicasPerNodeGroup: 1,
                parameterGroupName: params.name,
            });
        });
        const code = regionCode("eu-central-1");
        assert.strictEqual(code, "euc1");
        const cache = one(run, A.ReplicationGroup, "cache");
        const c = out(cache);
        assert.match(cache.id!, /^cache-[0-9a-f]{7}$/);
        const host = new RegExp(`^master\\.${cache.id}\\.([a-z0-9]{6})\\.euc1\\.cache\\.amazonaws\\.com$`).exec(
            c.primaryEndpointAddress,
        );
        assert.ok(host, c.primaryEndpointAddress);
        assert.strictEqual(c.readerEndpointAddress, `replica.${cache.id}.${host[1]}.euc1.cache.amazonaws.com`);
        assert.strictEqual(c.configurationEndpointAddress, "");
        assert.strictEqual(c.port, 6379);
        assert.strictEqual(c.clusterEnabled, false);
        assert.deepStrictEqual(c.memberClusters, [`${cache.id}-001`, `${cache.id}-002`, `${cache.id}-003`]);
        assert.ok(isSecret(cache.outputs.authToken), "authToken is a secret output");
        assert.strictEqual(c.arn, `arn:aws:elasticache:eu-central-1:${ACCOUNT}:replicationgroup:${cache.id}`);

        const sharded = one(run, A.ReplicationGroup, "sharded");
        const s = out(sharded);
        assert.strictEqual(
            s.configurationEndpointAddress,
            `clustercfg.${sharded.id}.${host[1]}.euc1.cache.amazonaws.com`,
        );
        assert.strictEqual(s.primaryEndpointAddress, "");
        assert.strictEqual(s.clusterEnabled, true);
        assert.strictEqual(s.memberClusters.length, 9, "3 shards × (1 primary + 2 replicas)");
        assert.ok(s.memberClusters.includes(`${sharded.id}-0003-003`));

        const oneShard = out(one(run, A.ReplicationGroup, "one-shard"));
        assert.strictEqual(oneShard.clusterEnabled, true, "cluster-enabled=yes in its parameter group");
        assert.match(oneShard.configurationEndpointAddress, /^clustercfg\./);
    });

    it("fails a replication group whose auto-name exceeds 40 characters, as the provider's Check does", async () => {
        // The mock logs the provider's message (to stderr, as the runtime does without an engine).
        const logged: string[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
        try {
            await assert.rejects(
                runProgram(() => {
                    new aws.elasticache.ReplicationGroup("a-replication-group-name-far-too-long", {
                        description: "d",
                        nodeType: "cache.t4g.small",
                    });
                }),
                /the program logged errors/,
            );
        } finally {
            console.error = original;
        }
        assert.ok(
            logged.some((l) =>
                /'a-replication-group-name-far-too-long' .*plus 7 random chars is longer than maximum length 40/.test(
                    l,
                ),
            ),
            logged.join("\n"),
        );
        const fine = await runProgram(() => {
            new aws.elasticache.ReplicationGroup("short", { description: "d", nodeType: "cache.t4g.small" });
        });
        assert.match(one(fine, A.ReplicationGroup).id!, /^short-[0-9a-f]{7}$/, "the next run is not affected");
    });

    it("answers Amazon MQ (RabbitMQ) with amqps and console endpoints; users stay secret", async () => {
        const program = () => {
            new aws.mq.Broker("mq", {
                engineType: "RabbitMQ",
                engineVersion: "3.13",
                hostInstanceType: "mq.m7g.large",
                deploymentMode: "CLUSTER_MULTI_AZ",
                users: [{ username: "app", password: "pw-0123456789" }],
            });
        };
        const { preview, update } = await both(program);
        const broker = one(update, A.Broker);
        const b = out(broker);
        assert.match(broker.id!, /^b-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.deepStrictEqual(b.instances, [
            {
                consoleUrl: `https://${broker.id}.mq.eu-central-1.on.aws`,
                endpoints: [`amqps://${broker.id}.mq.eu-central-1.on.aws:5671`],
                ipAddress: "",
            },
        ]);
        assert.strictEqual(b.arn, `arn:aws:mq:eu-central-1:${ACCOUNT}:broker:${b.brokerName}:${broker.id}`);
        assert.match(b.brokerName, /^mq-[0-9a-f]{7}$/);
        assert.ok(isSecret(broker.outputs.users), "users (with passwords) are a secret output");
        assert.doesNotThrow(() => new URL(b.instances[0].endpoints[0]));
        assert.strictEqual(out(one(preview, A.Broker)).instances, UNKNOWN);
    });

    it("answers S3 buckets (id = name, global ARN, regional domain) and their configuration resources", async () => {
        const run = await runProgram(() => {
            const bucket = new aws.s3.Bucket("Backups", {});
            new aws.s3.BucketVersioning("backups-versioning", {
                bucket: bucket.id,
                versioningConfiguration: { status: "Enabled" },
            });
        });
        const bucket = one(run, A.Bucket);
        const b = out(bucket);
        assert.match(bucket.id!, /^backups-[0-9a-f]{7}$/, "lower-cased, as pulumi-aws auto-names buckets");
        assert.strictEqual(b.bucket, bucket.id);
        assert.strictEqual(b.arn, `arn:aws:s3:::${bucket.id}`);
        assert.strictEqual(b.bucketRegionalDomainName, `${bucket.id}.s3.eu-central-1.amazonaws.com`);
        assert.strictEqual(b.region, "eu-central-1");
        assert.strictEqual(one(run, A.BucketVersioning).id, bucket.id);
    });

    it("answers Secrets Manager: a suffixed secret ARN, and a version whose secretString stays secret", async () => {
        const run = await runProgram(() => {
            const s = new aws.secretsmanager.Secret("db-creds", {});
            new aws.secretsmanager.SecretVersion("db-creds-v", { secretId: s.id, secretString: "plain-in-program" });
        });
        const s = one(run, A.Secret);
        assert.match(
            out(s).arn,
            new RegExp(`^arn:aws:secretsmanager:eu-central-1:${ACCOUNT}:secret:db-creds-[0-9a-f]{7}-[A-Za-z0-9]{6}$`),
        );
        assert.strictEqual(s.id, out(s).arn);
        const v = one(run, A.SecretVersion);
        assert.ok(isSecret(v.outputs.secretString), "secretString is a secret output even from a plain input");
        assert.strictEqual(out(v).secretArn, out(s).arn);
        assert.deepStrictEqual(out(v).versionStages, ["AWSCURRENT"]);
        assert.match(out(v).versionId, /^[0-9a-f-]{36}$/);
    });

    it("gives any other aws: type an id and an ARN in its service", async () => {
        const run = await runProgram(() => {
            new aws.sns.Topic("alerts", {});
        });
        const topic = one(run, A.Topic);
        assert.match(topic.id!, /^alerts-[a-z0-9]{8}$/);
        assert.strictEqual(out(topic).arn, `arn:aws:sns:eu-central-1:${ACCOUNT}:topic/${topic.id}`);
    });

    it("answers getAvailabilityZones with three zones of the region, and records the call", async () => {
        const program = () => {
            const zones = aws.getAvailabilityZonesOutput({ state: "available" });
            const pinned = aws.getAvailabilityZonesOutput({ region: "us-east-1", excludeNames: ["us-east-1c"] });
            return { names: zones.names, zoneIds: zones.zoneIds, pinned: pinned.names };
        };
        const run = await runProgram(program, { config: { "aws:region": "eu-west-1" } });
        assert.deepStrictEqual(run.stackOutputs.names, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        assert.deepStrictEqual(run.stackOutputs.zoneIds, ["euw1-az1", "euw1-az2", "euw1-az3"]);
        assert.deepStrictEqual(run.stackOutputs.pinned, ["us-east-1a", "us-east-1b"]);
        assert.deepStrictEqual(run.calls, [
            "aws:index/getAvailabilityZones:getAvailabilityZones",
            "aws:index/getAvailabilityZones:getAvailabilityZones",
        ]);
        const preview = await runProgram(program, { preview: true });
        assert.deepStrictEqual(preview.stackOutputs.names, ["eu-central-1a", "eu-central-1b", "eu-central-1c"]);
    });

    it("answers caller identity, region (v7 fields), partition and add-on version", async () => {
        const run = await runProgram(() => {
            const me = aws.getCallerIdentityOutput();
            const region = aws.getRegionOutput();
            const partition = aws.getPartitionOutput();
            const cni = aws.eks.getAddonVersionOutput({ addonName: "vpc-cni", kubernetesVersion: "1.33" });
            return {
                accountId: me.accountId,
                arn: me.arn,
                region: region.region,
                description: region.description,
                partition: partition.partition,
                dnsSuffix: partition.dnsSuffix,
                cni: cni.version,
            };
        });
        const o = run.stackOutputs as any;
        assert.strictEqual(o.accountId, ACCOUNT);
        assert.match(o.arn, new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/`));
        assert.deepStrictEqual([o.region, o.description], ["eu-central-1", "Europe (Frankfurt)"]);
        assert.deepStrictEqual([o.partition, o.dnsSuffix], ["aws", "amazonaws.com"]);
        assert.match(o.cni, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
    });

    it("renders getPolicyDocument as the provider does", async () => {
        const run = await runProgram(() => {
            const doc = aws.iam.getPolicyDocumentOutput({
                statements: [
                    {
                        actions: ["sts:AssumeRoleWithWebIdentity"],
                        principals: [{ type: "Federated", identifiers: ["arn:aws:iam::123456789012:oidc-provider/x"] }],
                        conditions: [
                            { test: "StringEquals", variable: "x:sub", values: ["system:serviceaccount:a:b"] },
                        ],
                    },
                    {
                        sid: "Objects",
                        effect: "Allow",
                        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                        resources: ["arn:aws:s3:::b/&{aws:username}/*"],
                    },
                ],
            });
            return { json: doc.json, minified: doc.minifiedJson, id: doc.id };
        });
        const o = run.stackOutputs as any;
        assert.deepStrictEqual(JSON.parse(o.json), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "",
                    Effect: "Allow",
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/x" },
                    Condition: { StringEquals: { "x:sub": "system:serviceaccount:a:b" } },
                },
                {
                    Sid: "Objects",
                    Effect: "Allow",
                    Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
                    Resource: "arn:aws:s3:::b/${aws:username}/*",
                },
            ],
        });
        assert.match(o.json, /^\{\n {2}"Version": "2012-10-17",\n/, "indented with two spaces");
        assert.strictEqual(o.minified, JSON.stringify(JSON.parse(o.json)));
        assert.match(o.id, /^\d+$/);
    });
});
