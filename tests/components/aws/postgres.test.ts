import * as assert from "assert";
import * as fc from "fast-check";
import { awsPostgres } from "../../../components/backends/aws/postgres";
import { postgresUrl } from "../../../components/backends/postgres-client";
import { PostgresClusterArgs, Profile, Target } from "../../../components";
import { AwsPostgresDeployment, AwsPostgresStorageType } from "../../../components/core/postgres-aws-contract";
import { RecordedResource, RunResult } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { inputsOf, ofType, one } from "../../helpers";
import { expectCredentialsOnlyInSecrets } from "../services";
import {
    BackendRun,
    expectPlanRejected,
    passwordAlphabet,
    passwordMinimums,
    resolvedPostgres,
    runBackend,
    testParentType,
    expectClientOnlyIngress,
    expectTagged,
} from "./run-backend";

// What these tests prove: the inputs the Postgres backend sends to the AWS and random providers,
// and what it refuses before registering anything; not that AWS accepts them (the mock engine
// accepts anything) nor that Aurora fails over as configured.

const A = {
    Cluster: "aws:rds/cluster:Cluster",
    Instance: "aws:rds/clusterInstance:ClusterInstance",
    ClusterParams: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    SubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    Ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    Key: "aws:kms/key:Key",
    Password: "random:index/randomPassword:RandomPassword",
    RandomId: "random:index/randomId:RandomId",
} as const;

const zones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"];
const placement = {
    vpcId: "vpc-0123",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: zones,
    clientSecurityGroupIds: ["sg-eks"],
};
const prod: PostgresClusterArgs = { target: Target.Aws, aws: placement };
const dev: PostgresClusterArgs = { ...prod, profile: Profile.Development };

function runPostgres(
    args: PostgresClusterArgs,
    opts: { region?: string; preview?: boolean } = {},
): Promise<BackendRun> {
    return runBackend(awsPostgres, "pg", args, resolvedPostgres("pg", args), opts);
}

function rejects(args: PostgresClusterArgs, ...patterns: RegExp[]): Promise<string[]> {
    return expectPlanRejected(awsPostgres, args, resolvedPostgres("pg", args), ...patterns);
}

/**
 * Whether an input of `r` is made from an output of `on`, read in a preview run: there every computed
 * value (an ARN, a generated name) is unknown and still sent with its dependency, where an update
 * under a mock that does not compute it would leave the input out.
 */
function wiredTo(preview: RunResult, r: RecordedResource, input: string, on: RecordedResource): boolean {
    const same = preview.resources.find((x) => x.urn === r.urn);
    assert.ok(same, `${r.urn} is registered in preview too`);
    return (same.propertyDependencies[input] ?? []).includes(on.urn);
}

/** The RDS master password rule (CreateDBCluster): 8–41 printable ASCII, none of / " @ (nor a space, ours). */
function rdsAcceptsPassword(p: string): boolean {
    return p.length >= 8 && p.length <= 41 && /^[\x21-\x7e]+$/.test(p) && !/[/"@]/.test(p);
}

describe("Postgres on AWS (Aurora PostgreSQL, RDS Multi-AZ DB cluster)", () => {
    describe("production defaults (Aurora)", () => {
        let r: BackendRun;
        let run: RunResult;
        let preview: RunResult;
        before(async () => {
            r = await runPostgres(prod);
            run = r.run;
            preview = (await runPostgres(prod, { preview: true })).run;
        });

        it("creates a KMS key, a security group with one client rule, a subnet group, a parameter group, a password, a cluster and 3 instances, all children of the component", () => {
            const children = run.resources.filter((x) => x.parent === r.parent.urn).map((x) => x.type);
            assert.deepStrictEqual(
                children.sort(),
                [
                    A.Key,
                    A.SecurityGroup,
                    A.Ingress,
                    A.SubnetGroup,
                    A.ClusterParams,
                    A.Password,
                    A.RandomId,
                    A.Cluster,
                    A.Instance,
                    A.Instance,
                    A.Instance,
                ].sort(),
            );
            assert.ok(run.resources.every((x) => x.type === "pulumi:pulumi:Stack" || x.parent !== undefined));
        });

        it("runs aurora-postgresql (provisioned) at the pinned 17.10, encrypted with the component's KMS key", () => {
            const cluster = one(run, A.Cluster);
            const c = inputsOf(cluster);
            assert.strictEqual(c.engine, "aurora-postgresql");
            assert.strictEqual(c.engineMode, "provisioned");
            assert.strictEqual(c.engineVersion, "17.10");
            assert.strictEqual(c.storageEncrypted, true);
            assert.ok(wiredTo(preview, cluster, "kmsKeyId", one(run, A.Key)), "kmsKeyId is the key's ARN");
            const key = inputsOf(one(run, A.Key));
            assert.strictEqual(key.enableKeyRotation, true);
            assert.strictEqual(key.deletionWindowInDays, 30);
            assert.strictEqual(one(run, A.Key).options.protect, true);
        });

        it("keeps backups 14 days, protects from deletion and takes a final snapshot", () => {
            const cluster = one(run, A.Cluster);
            const c = inputsOf(cluster);
            assert.strictEqual(c.backupRetentionPeriod, 14);
            assert.strictEqual(c.preferredBackupWindow, "02:00-03:00");
            assert.strictEqual(c.preferredMaintenanceWindow, "sun:04:00-sun:05:00");
            assert.strictEqual(c.deletionProtection, true);
            assert.strictEqual(cluster.options.protect, true);
            assert.strictEqual(c.skipFinalSnapshot, false);
            assert.match(c.finalSnapshotIdentifier, /^pg-final-/);
            assert.ok(
                wiredTo(preview, cluster, "finalSnapshotIdentifier", one(run, A.RandomId)),
                "a suffix per cluster",
            );
            assert.strictEqual(c.copyTagsToSnapshot, true);
        });

        it("forces TLS with rds.force_ssl = 1 in a cluster parameter group of family aurora-postgresql17", () => {
            const params = one(run, A.ClusterParams);
            const p = inputsOf(params);
            assert.strictEqual(p.family, "aurora-postgresql17");
            assert.deepStrictEqual(p.parameters, [
                { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
            ]);
            assert.ok(wiredTo(preview, one(run, A.Cluster), "dbClusterParameterGroupName", params));
        });

        it("logs in as the owner with the generated password (secret) into the database, on port 5432, IAM auth off", () => {
            const cluster = one(run, A.Cluster);
            const c = inputsOf(cluster);
            assert.strictEqual(c.masterUsername, "app");
            assert.strictEqual(c.databaseName, "app");
            assert.strictEqual(c.port, 5432);
            assert.strictEqual(c.iamDatabaseAuthenticationEnabled, false);
            assert.ok(isSecret(cluster.inputs.masterPassword), "masterPassword is sent as a secret");
            assert.strictEqual(c.masterPassword, plain(one(run, A.Password).outputs).result);
            assert.strictEqual(c.manageMasterUserPassword, undefined, "not both a password and a managed one");
        });

        it("places one instance per zone, the intended writer at promotion tier 0 and readers 1, 2 created after it", () => {
            const instances = ofType(run, A.Instance);
            const byName = (n: string) => instances.find((x) => x.name === n)!;
            const [w, r1, r2] = ["pg-1", "pg-2", "pg-3"].map(byName);
            assert.deepStrictEqual(
                [w, r1, r2].map((x) => inputsOf(x).availabilityZone),
                zones,
            );
            assert.deepStrictEqual(
                [w, r1, r2].map((x) => inputsOf(x).promotionTier),
                [0, 1, 2],
            );
            assert.ok(
                r1.dependencies.includes(w.urn) && r2.dependencies.includes(w.urn),
                "readers wait for the writer",
            );
            for (const x of instances) {
                const i = inputsOf(x);
                assert.strictEqual(i.engine, "aurora-postgresql");
                assert.strictEqual(i.instanceClass, "db.r7g.large");
                assert.strictEqual(i.publiclyAccessible, false);
                assert.strictEqual(i.performanceInsightsEnabled, true);
                assert.strictEqual(i.performanceInsightsRetentionPeriod, 7);
                assert.ok(wiredTo(preview, x, "performanceInsightsKmsKeyId", one(run, A.Key)));
                assert.ok(wiredTo(preview, x, "clusterIdentifier", one(run, A.Cluster)));
                assert.ok(
                    wiredTo(preview, x, "dbSubnetGroupName", one(run, A.SubnetGroup)),
                    "the cluster's subnet group",
                );
                assert.strictEqual(x.options.protect, true);
            }
        });

        it("sits in the given subnets (one per distinct zone) behind a security group admitting only the client group on 5432, no CIDR", () => {
            const subnets = inputsOf(one(run, A.SubnetGroup));
            assert.deepStrictEqual(subnets.subnetIds, placement.subnetIds);
            assert.strictEqual(new Set(placement.availabilityZones).size, subnets.subnetIds.length);
            const sg = expectClientOnlyIngress(run, 5432);
            assert.strictEqual(inputsOf(sg).vpcId, "vpc-0123");
            assert.ok(wiredTo(preview, one(run, A.Cluster), "vpcSecurityGroupIds", sg));
        });

        it("tags every AWS resource with the component and instance, and no secret", () => {
            expectTagged(run, "postgres", "pg");
        });

        it("outputs port 5432, the database, and credentials and URLs as secrets; the URLs parse back to the credentials", () => {
            const o = r.outputs;
            assert.strictEqual(plain(o.port), 5432);
            assert.strictEqual(plain(o.database), "app");
            assert.ok(isSecret(o.credentials) && isSecret(o.writerUrl) && isSecret(o.readerUrl));
            assert.strictEqual(o.anyEndpoint, undefined);
            const password = plain(one(run, A.Password).outputs).result as string;
            assert.deepStrictEqual(plain(o.credentials), { username: "app", password });
            for (const key of ["writerUrl", "readerUrl"]) {
                const url = new URL(plain(o[key]));
                assert.strictEqual(url.protocol, "postgres:");
                assert.strictEqual(decodeURIComponent(url.username), "app");
                assert.strictEqual(decodeURIComponent(url.password), password);
                assert.strictEqual(url.port, "5432");
                assert.strictEqual(url.pathname, "/app");
                assert.strictEqual(url.searchParams.get("sslmode"), "require");
            }
        });

        it("shows the password nowhere outside a secret", () => {
            const { passwords } = expectCredentialsOnlyInSecrets(run);
            assert.strictEqual(passwords.length, 1);
        });

        it("registers the same resources in preview", () => {
            assert.deepStrictEqual(preview.resources.map((x) => x.urn).sort(), run.resources.map((x) => x.urn).sort());
        });
    });

    describe("overrides", () => {
        it("maps a bare major to its pinned minor and parameter family, and sends a major.minor as given", async () => {
            const v16 = (await runPostgres({ ...prod, version: "16" })).run;
            assert.strictEqual(inputsOf(one(v16, A.Cluster)).engineVersion, "16.14");
            assert.strictEqual(inputsOf(one(v16, A.ClusterParams)).family, "aurora-postgresql16");
            const v18 = (await runPostgres({ ...prod, version: "18" })).run;
            assert.strictEqual(inputsOf(one(v18, A.Cluster)).engineVersion, "18.4");
            const v176 = (await runPostgres({ ...prod, version: "17.6" })).run;
            assert.strictEqual(inputsOf(one(v176, A.Cluster)).engineVersion, "17.6");
            assert.strictEqual(inputsOf(one(v176, A.ClusterParams)).family, "aurora-postgresql17");
        });

        it("takes an instance class, an instance count, a retention, IAM auth and a given KMS key (then creates none)", async () => {
            const { run } = await runPostgres({
                ...prod,
                instances: 2,
                backup: { retentionDays: 35 },
                aws: {
                    ...placement,
                    instanceClass: "db.r8g.xlarge",
                    iamAuthentication: true,
                    kmsKeyArn: "arn:aws:kms:k",
                },
            });
            assert.strictEqual(ofType(run, A.Instance).length, 2);
            assert.ok(ofType(run, A.Instance).every((x) => inputsOf(x).instanceClass === "db.r8g.xlarge"));
            assert.ok(
                ofType(run, A.Instance).every((x) => inputsOf(x).performanceInsightsKmsKeyId === "arn:aws:kms:k"),
            );
            const c = inputsOf(one(run, A.Cluster));
            assert.strictEqual(c.backupRetentionPeriod, 35);
            assert.strictEqual(c.iamDatabaseAuthenticationEnabled, true);
            assert.strictEqual(c.kmsKeyId, "arn:aws:kms:k");
            assert.strictEqual(ofType(run, A.Key).length, 0);
        });

        it("puts more instances than zones round the zones, tiers capped at 15", async () => {
            const { run } = await runPostgres({ ...prod, instances: 5 });
            const byName = ofType(run, A.Instance).sort((a, b) => a.name.localeCompare(b.name));
            assert.deepStrictEqual(
                byName.map((x) => inputsOf(x).availabilityZone),
                [zones[0], zones[1], zones[2], zones[0], zones[1]],
            );
            assert.deepStrictEqual(
                byName.map((x) => inputsOf(x).promotionTier),
                [0, 1, 2, 3, 4],
            );
        });

        it("development: one instance, 7-day backups, no deletion protection", async () => {
            const { run } = await runPostgres(dev);
            assert.strictEqual(ofType(run, A.Instance).length, 1);
            const cluster = one(run, A.Cluster);
            assert.strictEqual(inputsOf(cluster).backupRetentionPeriod, 7);
            assert.strictEqual(inputsOf(cluster).deletionProtection, false);
            assert.strictEqual(cluster.options.protect, false);
            assert.strictEqual(inputsOf(cluster).skipFinalSnapshot, false, "a final snapshot even in development");
        });

        it("development with backups disabled keeps RDS's minimum of 1 day (RDS cannot turn them off)", async () => {
            const { run } = await runPostgres({ ...dev, backup: { enabled: false } });
            assert.strictEqual(inputsOf(one(run, A.Cluster)).backupRetentionPeriod, 1);
        });

        it("makes the cluster wait for the component's own dependsOn", async () => {
            const { run } = await runBackend(awsPostgres, "pg", prod, resolvedPostgres("pg", prod), {
                withDependency: true,
            });
            const operators = run.resources.find((x) => x.name === "operators")!;
            assert.ok(one(run, A.Cluster).dependencies.includes(operators.urn));
        });

        it("sends the region to every AWS resource when the scope names one", async () => {
            const { run } = await runPostgres(prod, { region: "eu-west-1" });
            const awsResources = run.resources.filter((x) => x.type.startsWith("aws:"));
            assert.ok(awsResources.length >= 8);
            for (const x of awsResources) assert.strictEqual(inputsOf(x).region, "eu-west-1", x.type);
        });
    });

    describe("RDS Multi-AZ DB cluster", () => {
        const multiAz: PostgresClusterArgs = {
            ...prod,
            aws: { ...placement, deployment: AwsPostgresDeployment.MultiAzCluster },
        };

        it("creates one postgres cluster of 3 instances over the 3 zones on io2 (100 GiB, 3000 IOPS), and no separate instances", async () => {
            const { run } = await runPostgres(multiAz);
            const preview = (await runPostgres(multiAz, { preview: true })).run;
            assert.strictEqual(ofType(run, A.Instance).length, 0);
            const cluster = one(run, A.Cluster);
            const c = inputsOf(cluster);
            assert.strictEqual(c.engine, "postgres");
            assert.strictEqual(c.engineMode, undefined);
            assert.strictEqual(c.engineVersion, "17.10");
            assert.strictEqual(c.dbClusterInstanceClass, "db.m6gd.large");
            assert.deepStrictEqual([c.storageType, c.allocatedStorage, c.iops], ["io2", 100, 3000]);
            assert.deepStrictEqual(c.availabilityZones, zones);
            assert.strictEqual(c.performanceInsightsEnabled, true);
            assert.ok(wiredTo(preview, cluster, "performanceInsightsKmsKeyId", one(run, A.Key)));
            assert.strictEqual(c.storageEncrypted, true);
            assert.strictEqual(c.backupRetentionPeriod, 14);
            assert.strictEqual(inputsOf(one(run, A.ClusterParams)).family, "postgres17");
            assert.deepStrictEqual(inputsOf(one(run, A.ClusterParams)).parameters[0], {
                name: "rds.force_ssl",
                value: "1",
                applyMethod: "pending-reboot",
            });
        });

        it("takes gp3 from 400 GiB with 12000 IOPS by default, and a given size and IOPS", async () => {
            const gp3 = await runPostgres({
                ...multiAz,
                storageGiB: 500,
                aws: { ...multiAz.aws, storageType: AwsPostgresStorageType.Gp3 },
            });
            const c = inputsOf(one(gp3.run, A.Cluster));
            assert.deepStrictEqual([c.storageType, c.allocatedStorage, c.iops], ["gp3", 500, 12000]);
            const io2 = await runPostgres({ ...multiAz, storageGiB: 200, aws: { ...multiAz.aws, iops: 20000 } });
            const d = inputsOf(one(io2.run, A.Cluster));
            assert.deepStrictEqual([d.storageType, d.allocatedStorage, d.iops], ["io2", 200, 20000]);
        });
    });

    describe("what it refuses (nothing registered)", () => {
        it("an instance class of an unknown family, naming aws.instanceClass and the allowed families", async () => {
            const [p] = await rejects(
                { ...prod, aws: { ...placement, instanceClass: "db.x99.large" } },
                /^aws\.instanceClass: .*db\.r7g.*db\.t4g.*\(got "db\.x99\.large"\)/,
            );
            assert.match(p, /db\.r8g/);
        });

        it("a class that is not a DB instance class, and db.serverless (not offered yet)", async () => {
            await rejects(
                { ...prod, aws: { ...placement, instanceClass: "r7g.large" } },
                /^aws\.instanceClass: must be/,
            );
            await rejects({ ...prod, aws: { ...placement, instanceClass: "db.r7g" } }, /^aws\.instanceClass: must be/);
            await rejects(
                { ...prod, aws: { ...placement, instanceClass: "db.serverless" } },
                /^aws\.instanceClass: "db\.serverless" .*not offered yet/,
            );
            await rejects(
                {
                    ...prod,
                    aws: {
                        ...placement,
                        deployment: AwsPostgresDeployment.MultiAzCluster,
                        instanceClass: "db.t4g.large",
                    },
                },
                /^aws\.instanceClass: .*multi-az-cluster.*db\.m6gd/,
            );
        });

        it("1 instance in production", async () => {
            await rejects(
                { ...prod, instances: 1, syncReplication: false },
                /^instances: must be at least 2 in production on target aws/,
            );
        });

        it("backups kept 5 days in production, or beyond RDS's 35", async () => {
            // Core refuses 5 in production too; the backend's own rule is checked on the raw args.
            await expectPlanRejected(
                awsPostgres,
                { ...prod, backup: { retentionDays: 5 } },
                resolvedPostgres("pg", prod),
                /^backup\.retentionDays: must be an integer from 7 to 35 on target aws .*at least 7 in production/,
            );
            await rejects(
                { ...dev, backup: { retentionDays: 36 } },
                /^backup\.retentionDays: must be an integer from 1 to 35/,
            );
        });

        it("one zone (and the placement's other gaps), through checkAwsPlacement", async () => {
            await rejects(
                { ...prod, aws: { ...placement, subnetIds: ["subnet-a"], availabilityZones: ["eu-central-1a"] } },
                /^aws\.availabilityZones: must name at least 3 zones in production/,
            );
            await rejects(
                { ...prod, aws: undefined },
                /^aws\.vpcId: is required/,
                /^aws\.subnetIds: is required/,
                /^aws\.availabilityZones: is required/,
                /^aws\.clientSecurityGroupIds: is required/,
            );
        });

        it("two subnets in the same zone (a zone's loss would take both), through checkAwsPlacement", async () => {
            await rejects(
                { ...prod, aws: { ...placement, availabilityZones: [zones[0], zones[0], zones[1]] } },
                /^aws\.availabilityZones: must all differ/,
            );
        });

        it("a Multi-AZ DB cluster of other than 3 instances, or over fewer than 3 zones, saying why", async () => {
            await rejects(
                { ...prod, instances: 2, aws: { ...placement, deployment: AwsPostgresDeployment.MultiAzCluster } },
                /^instances: must be 3 .*one writer and two readable standbys/,
            );
            await rejects(
                {
                    ...dev,
                    aws: {
                        ...placement,
                        subnetIds: ["subnet-a", "subnet-b"],
                        availabilityZones: ["eu-central-1a", "eu-central-1b"],
                        deployment: AwsPostgresDeployment.MultiAzCluster,
                    },
                },
                /^aws\.availabilityZones: must name at least 3 zones with aws\.deployment "multi-az-cluster"/,
            );
        });

        it("Multi-AZ storage below the service minimum or IOPS beyond the type's ratio; storage settings on Aurora", async () => {
            const multiAz = { ...placement, deployment: AwsPostgresDeployment.MultiAzCluster };
            await rejects({ ...prod, storageGiB: 50, aws: multiAz }, /^storageGiB: must be 100–65536 .*io2/);
            await rejects(
                { ...prod, storageGiB: 100, aws: { ...multiAz, storageType: AwsPostgresStorageType.Gp3 } },
                /^storageGiB: must be 400.*gp3 takes provisioned IOPS/,
            );
            await rejects(
                { ...prod, storageGiB: 100, aws: { ...multiAz, iops: 200000 } },
                /^aws\.iops: must be at most 1000 per GiB/,
            );
            await rejects(
                { ...prod, aws: { ...placement, iops: 3000 } },
                /^aws\.iops: applies only to aws\.deployment "multi-az-cluster"/,
            );
        });

        it("the pooler, naming pooler and RDS Proxy", async () => {
            await rejects(
                { ...prod, pooler: { enabled: true } },
                /^pooler\.enabled: is not offered on target aws yet \(RDS Proxy/,
            );
        });

        it("a major RDS does not offer, and an owner or database RDS refuses", async () => {
            await rejects(
                { ...prod, version: "13.5" },
                /^version: must be a PostgreSQL major Aurora and RDS offer \(14, 15, 16, 17, 18\)/,
            );
            await rejects({ ...prod, version: "15" }, /^version: must name a minor such as "15\.12" on target aws/);
            await rejects({ ...prod, owner: "_app" }, /^owner: must start with a letter/);
            await rejects({ ...prod, database: "user" }, /^database: .*reserved word/);
        });

        it("every problem at once", async () => {
            await rejects(
                {
                    ...prod,
                    pooler: { enabled: true },
                    backup: { retentionDays: 40 },
                    aws: { ...placement, instanceClass: "x" },
                },
                /^pooler\.enabled/,
                /^backup\.retentionDays/,
                /^aws\.instanceClass/,
            );
        });
    });

    describe("what AWS would reject (§6)", () => {
        let inputs: Record<string, unknown>;
        before(async () => {
            const { run } = await runPostgres(prod);
            inputs = inputsOf(one(run, A.Password));
        });

        it("the rule check itself refuses what RDS refuses (so the properties below can fail)", () => {
            assert.ok(rdsAcceptsPassword("Abcdefgh1!"));
            for (const bad of [
                "short1!",
                "A".repeat(42),
                "abc/defgh",
                'abc"defgh',
                "abc@defgh",
                "abc defgh",
                "abcdéfghi",
            ])
                assert.ok(!rdsAcceptsPassword(bad), bad);
        });

        it("the RandomPassword's alphabet is within RDS's characters and its length within 8–41 (64 would be refused)", () => {
            const alphabet = passwordAlphabet(inputs);
            assert.ok(alphabet.length > 62, "specials are used");
            for (const ch of alphabet)
                assert.ok(rdsAcceptsPassword(`Abcdefg1${ch}`), `RDS refuses ${JSON.stringify(ch)}`);
            const length = Number(inputs.length);
            assert.ok(length >= 8 && length <= 41, `length ${length}`);
            assert.ok(passwordMinimums(inputs) <= length, "the minimums fit in the length");
        });

        it("any password those inputs can produce is one RDS accepts (5000 generated)", () => {
            const alphabet = [...passwordAlphabet(inputs)];
            const length = Number(inputs.length);
            fc.assert(
                fc.property(
                    fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length }),
                    (p) => rdsAcceptsPassword(p),
                ),
                { numRuns: 5000 },
            );
        });

        it("every URL built from adversarial credentials parses back to the same credentials", () => {
            const adversarial = [..."#$&<>!^%/@:?=+ []{}'\"\\`~;,"];
            const chars = [...new Set([...passwordAlphabet(inputs), ...adversarial])];
            const credential = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 64 });
            fc.assert(
                fc.property(credential, credential, (user, pass) => {
                    const url = new URL(postgresUrl(user, pass, "pg.cluster-x.eu-central-1.rds.amazonaws.com", "app"));
                    return (
                        decodeURIComponent(url.username) === user &&
                        decodeURIComponent(url.password) === pass &&
                        url.hostname === "pg.cluster-x.eu-central-1.rds.amazonaws.com" &&
                        url.port === "5432" &&
                        url.pathname === "/app" &&
                        url.searchParams.get("sslmode") === "require"
                    );
                }),
                { numRuns: 2000 },
            );
            const url = new URL(postgresUrl("app", "#$&<>!^", "h", "app"));
            assert.strictEqual(decodeURIComponent(url.password), "#$&<>!^");
        });
    });

    describe("values pinned against the provider's documentation", () => {
        it("engine names, storage types, engine mode, parameter apply method (pulumi-aws 7.48 rds TSDoc)", async () => {
            // rds.Cluster: engine "aurora-mysql, aurora-postgresql, mysql, postgres"; storageType "io1, io2, gp3"
            // for Multi-AZ DB clusters; engineMode "provisioned"; applyMethod "immediate, pending-reboot";
            // enabledCloudwatchLogsExports includes "postgresql".
            const documented = {
                engine: ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"],
                storageType: ["io1", "io2", "gp3"],
                engineMode: ["provisioned"],
                applyMethod: ["immediate", "pending-reboot"],
                logs: ["audit", "error", "general", "iam-db-auth-error", "instance", "postgresql", "slowquery"],
            };
            for (const args of [
                prod,
                { ...prod, aws: { ...placement, deployment: AwsPostgresDeployment.MultiAzCluster } },
            ]) {
                const { run } = await runPostgres(args);
                const c = inputsOf(one(run, A.Cluster));
                assert.ok(documented.engine.includes(c.engine));
                if (c.engineMode !== undefined) assert.ok(documented.engineMode.includes(c.engineMode));
                if (c.storageType !== undefined) assert.ok(documented.storageType.includes(c.storageType));
                assert.ok(c.enabledCloudwatchLogsExports.every((l: string) => documented.logs.includes(l)));
                for (const p of inputsOf(one(run, A.ClusterParams)).parameters)
                    assert.ok(documented.applyMethod.includes(p.applyMethod));
                for (const i of ofType(run, A.Instance)) assert.ok(documented.engine.includes(inputsOf(i).engine));
            }
            assert.deepStrictEqual(Object.values(AwsPostgresStorageType).sort(), ["gp3", "io2"]);
        });

        it("windows, promotion tiers and Performance Insights retention in their documented forms", async () => {
            // preferredBackupWindow "hh24:mi-hh24:mi"; preferredMaintenanceWindow "ddd:hh24:mi-ddd:hh24:mi";
            // promotionTier 0–15; performanceInsightsRetentionPeriod 7, 731 or a multiple of 31.
            const { run } = await runPostgres({ ...prod, instances: 9 });
            const c = inputsOf(one(run, A.Cluster));
            assert.match(c.preferredBackupWindow, /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/);
            assert.match(
                c.preferredMaintenanceWindow,
                /^(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d-(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d$/,
            );
            for (const i of ofType(run, A.Instance).map(inputsOf)) {
                assert.ok(Number.isInteger(i.promotionTier) && i.promotionTier >= 0 && i.promotionTier <= 15);
                const days = i.performanceInsightsRetentionPeriod;
                assert.ok(days === 7 || days === 731 || days % 31 === 0);
                assert.strictEqual(i.preferredMaintenanceWindow, c.preferredMaintenanceWindow);
            }
        });

        it("the parent stand-in is the only component (the backend registers no component of its own)", async () => {
            const { run } = await runPostgres(prod);
            assert.deepStrictEqual(
                run.resources.filter((x) => !x.custom).map((x) => x.type),
                ["pulumi:pulumi:Stack", testParentType],
            );
        });
    });
});
