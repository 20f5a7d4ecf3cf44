import * as assert from "assert";
import * as fc from "fast-check";
import { awsRedis, redisUrl } from "../../../components/backends/aws/redis";
import { Profile, RedisClusterArgs, RedisEngine, RedisEvictionPolicy, RedisMode, Target } from "../../../components";
import { RecordedResource, RunResult } from "../../../scripts/harness/mock-engine";
import { UNKNOWN, isSecret, plain } from "../../../scripts/harness/wire";
import { inputsOf, one } from "../../helpers";
import { expectCredentialsOnlyInSecrets } from "../services";
import {
    BackendRun,
    expectPlanRejected,
    passwordAlphabet,
    passwordMinimums,
    resolvedRedis,
    runBackend,
    expectClientOnlyIngress,
    expectTagged,
} from "./run-backend";

// What these tests prove: the inputs the Redis backend sends to the AWS and random providers, and
// what it refuses before registering anything; not that ElastiCache accepts them (the mock engine
// accepts anything) nor that it fails over as configured.

const A = {
    Group: "aws:elasticache/replicationGroup:ReplicationGroup",
    Params: "aws:elasticache/parameterGroup:ParameterGroup",
    SubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
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
const prod: RedisClusterArgs = { target: Target.Aws, aws: placement };
const dev: RedisClusterArgs = { ...prod, profile: Profile.Development };
const cluster: RedisClusterArgs = { ...prod, mode: RedisMode.Cluster };

function runRedis(args: RedisClusterArgs, opts: { region?: string; preview?: boolean } = {}): Promise<BackendRun> {
    return runBackend(awsRedis, "cache", args, resolvedRedis("cache", args), opts);
}

function rejects(args: RedisClusterArgs, ...patterns: RegExp[]): Promise<string[]> {
    return expectPlanRejected(awsRedis, args, resolvedRedis("cache", args), ...patterns);
}

/** Whether an input of `r` is made from an output of `on`, read in a preview run (computed values unknown, dependencies kept). */
function wiredTo(preview: RunResult, r: RecordedResource, input: string, on: RecordedResource): boolean {
    const same = preview.resources.find((x) => x.urn === r.urn);
    assert.ok(same, `${r.urn} is registered in preview too`);
    return (same.propertyDependencies[input] ?? []).includes(on.urn);
}

/** ElastiCache's AUTH token rule: 16–128 printable characters, the only non-alphanumerics ! & # $ ^ < > -. */
function elasticacheAcceptsToken(t: string): boolean {
    return t.length >= 16 && t.length <= 128 && /^[A-Za-z0-9!&#$^<>-]+$/.test(t);
}

describe("Redis on AWS (ElastiCache replication group)", () => {
    describe("production defaults (replicated: one shard)", () => {
        let r: BackendRun;
        let run: RunResult;
        let preview: RunResult;
        before(async () => {
            r = await runRedis(prod);
            run = r.run;
            preview = (await runRedis(prod, { preview: true })).run;
        });

        it("creates a KMS key, a security group with one client rule, a subnet group, a parameter group, a token and one replication group, all children of the component", () => {
            const children = run.resources.filter((x) => x.parent === r.parent.urn).map((x) => x.type);
            assert.deepStrictEqual(
                children.sort(),
                [A.Key, A.SecurityGroup, A.Ingress, A.SubnetGroup, A.Params, A.Password, A.RandomId, A.Group].sort(),
            );
        });

        it("runs Redis OSS 7.1 (core's default engine) on cache.r7g.large, 3 nodes one per zone, primary in the first", () => {
            const g = inputsOf(one(run, A.Group));
            assert.strictEqual(g.engine, "redis");
            assert.strictEqual(g.engineVersion, "7.1");
            assert.strictEqual(g.nodeType, "cache.r7g.large");
            assert.strictEqual(g.port, 6379);
            assert.strictEqual(g.clusterMode, "disabled");
            assert.strictEqual(g.numCacheClusters, 3);
            assert.deepStrictEqual(g.preferredCacheClusterAzs, zones);
            assert.strictEqual(g.numNodeGroups, undefined);
            assert.strictEqual(g.nodeGroupConfigurations, undefined);
        });

        it("fails over automatically across zones (automatic failover and Multi-AZ on)", () => {
            const g = inputsOf(one(run, A.Group));
            assert.strictEqual(g.automaticFailoverEnabled, true);
            assert.strictEqual(g.multiAzEnabled, true);
        });

        it("encrypts at rest with the component's KMS key and in transit (mode required), with the generated AUTH token as a secret", () => {
            const group = one(run, A.Group);
            const g = inputsOf(group);
            assert.strictEqual(g.atRestEncryptionEnabled, true);
            assert.ok(wiredTo(preview, group, "kmsKeyId", one(run, A.Key)));
            assert.strictEqual(g.transitEncryptionEnabled, true);
            assert.strictEqual(g.transitEncryptionMode, "required");
            assert.ok(isSecret(group.inputs.authToken));
            assert.strictEqual(g.authToken, plain(one(run, A.Password).outputs).result);
        });

        it("keeps daily snapshots 7 days, a final snapshot, windows that do not overlap, minor upgrades, nothing applied immediately; protected", () => {
            const group = one(run, A.Group);
            const g = inputsOf(group);
            assert.strictEqual(g.snapshotRetentionLimit, 7);
            assert.strictEqual(g.snapshotWindow, "02:00-03:00");
            assert.strictEqual(g.maintenanceWindow, "sun:04:00-sun:05:00");
            assert.match(g.finalSnapshotIdentifier, /^cache-final-/);
            assert.ok(wiredTo(preview, group, "finalSnapshotIdentifier", one(run, A.RandomId)));
            assert.strictEqual(g.autoMinorVersionUpgrade, true);
            assert.strictEqual(g.applyImmediately, false);
            assert.strictEqual(group.options.protect, true);
        });

        it("uses its own parameter group: family redis7, cluster-enabled no, maxmemory-policy noeviction", () => {
            const params = one(run, A.Params);
            const p = inputsOf(params);
            assert.strictEqual(p.family, "redis7");
            assert.deepStrictEqual(p.parameters, [
                { name: "cluster-enabled", value: "no" },
                { name: "maxmemory-policy", value: "noeviction" },
            ]);
            assert.ok(wiredTo(preview, one(run, A.Group), "parameterGroupName", params));
        });

        it("sits in the given subnets (one per distinct zone) behind a security group admitting only the client group on 6379, no CIDR", () => {
            const subnets = one(run, A.SubnetGroup);
            assert.deepStrictEqual(inputsOf(subnets).subnetIds, placement.subnetIds);
            assert.strictEqual(new Set(placement.availabilityZones).size, placement.subnetIds.length);
            assert.ok(wiredTo(preview, one(run, A.Group), "subnetGroupName", subnets));
            const sg = expectClientOnlyIngress(run, 6379);
            assert.ok(wiredTo(preview, one(run, A.Group), "securityGroupIds", sg));
        });

        it("tags every AWS resource with the component and instance, and no secret", () => {
            expectTagged(run, "redis", "cache");
        });

        it("outputs port 6379, the token and a rediss:// URL as secrets, no Sentinel and no CA (Amazon-trusted certificates)", () => {
            const o = r.outputs;
            assert.strictEqual(plain(o.port), 6379);
            assert.ok(isSecret(o.authToken) && isSecret(o.url));
            const token = plain(one(run, A.Password).outputs).result as string;
            assert.strictEqual(plain(o.authToken), token);
            const url = new URL(plain(o.url));
            assert.strictEqual(url.protocol, "rediss:");
            assert.strictEqual(url.username, "");
            assert.strictEqual(decodeURIComponent(url.password), token);
            assert.strictEqual(url.port, "6379");
            assert.strictEqual(o.sentinelEndpoint, undefined);
            assert.strictEqual(o.caCertificate, undefined);
        });

        it("takes its endpoints from the replication group's primary and reader addresses (unknown in preview)", () => {
            const group = plain(one(run, A.Group).outputs);
            assert.strictEqual(plain(r.outputs.primaryEndpoint), group.primaryEndpointAddress);
            assert.strictEqual(plain(r.outputs.readerEndpoint), group.readerEndpointAddress);
            const previewed = preview.resources.find((x) => x.type === "test:aws:Service")!.outputs;
            assert.strictEqual(previewed.primaryEndpoint, UNKNOWN, "computed by ElastiCache, not a constant");
            assert.strictEqual(previewed.readerEndpoint, UNKNOWN);
        });

        it("shows the token nowhere outside a secret", () => {
            const { passwords } = expectCredentialsOnlyInSecrets(run);
            assert.strictEqual(passwords.length, 1);
        });
    });

    describe("cluster mode", () => {
        let run: RunResult;
        let outputs: BackendRun["outputs"];
        before(async () => {
            ({ run, outputs } = await runRedis({ ...cluster, engine: RedisEngine.Valkey }));
        });

        it("runs Valkey 8.1 with 3 shards of 1 primary + 1 replica, cluster mode enabled, failover and Multi-AZ on", () => {
            const g = inputsOf(one(run, A.Group));
            assert.deepStrictEqual([g.engine, g.engineVersion], ["valkey", "8.1"]);
            assert.strictEqual(g.clusterMode, "enabled");
            assert.deepStrictEqual([g.numNodeGroups, g.replicasPerNodeGroup], [3, 1]);
            assert.strictEqual(g.numCacheClusters, undefined);
            assert.strictEqual(g.preferredCacheClusterAzs, undefined);
            assert.deepStrictEqual([g.automaticFailoverEnabled, g.multiAzEnabled], [true, true]);
            assert.strictEqual(g.transitEncryptionMode, "required");
        });

        it("spreads each shard: its primary in one zone, its replica in the next", () => {
            const g = inputsOf(one(run, A.Group));
            assert.deepStrictEqual(g.nodeGroupConfigurations, [
                {
                    nodeGroupId: "0001",
                    primaryAvailabilityZone: zones[0],
                    replicaAvailabilityZones: [zones[1]],
                    replicaCount: 1,
                },
                {
                    nodeGroupId: "0002",
                    primaryAvailabilityZone: zones[1],
                    replicaAvailabilityZones: [zones[2]],
                    replicaCount: 1,
                },
                {
                    nodeGroupId: "0003",
                    primaryAvailabilityZone: zones[2],
                    replicaAvailabilityZones: [zones[0]],
                    replicaCount: 1,
                },
            ]);
            for (const shard of g.nodeGroupConfigurations)
                assert.ok(
                    !shard.replicaAvailabilityZones.includes(shard.primaryAvailabilityZone),
                    "never with its primary",
                );
        });

        it("uses a parameter group of family valkey8 with cluster-enabled yes", () => {
            const p = inputsOf(one(run, A.Params));
            assert.strictEqual(p.family, "valkey8");
            assert.deepStrictEqual(p.parameters[0], { name: "cluster-enabled", value: "yes" });
        });

        it("outputs the configuration endpoint and no reader endpoint (cluster clients find replicas through it)", () => {
            assert.strictEqual(
                plain(outputs.primaryEndpoint),
                plain(one(run, A.Group).outputs).configurationEndpointAddress,
            );
            assert.strictEqual(outputs.readerEndpoint, undefined);
            assert.ok(isSecret(outputs.url));
        });

        it("spreads 2 replicas per shard over the two other zones", async () => {
            const { run } = await runRedis({ ...cluster, replicasPerShard: 2 });
            const shards = inputsOf(one(run, A.Group)).nodeGroupConfigurations;
            assert.deepStrictEqual(shards[0].replicaAvailabilityZones, [zones[1], zones[2]]);
            assert.strictEqual(shards[0].replicaCount, 2);
        });
    });

    describe("overrides", () => {
        it("maps a version to major.minor and its family; takes a node type, an eviction policy, a retention and a KMS key", async () => {
            const { run } = await runRedis({
                ...prod,
                engine: RedisEngine.Valkey,
                version: "7.2.4",
                evictionPolicy: RedisEvictionPolicy.AllKeysLru,
                aws: {
                    ...placement,
                    nodeType: "cache.m7g.xlarge",
                    snapshotRetentionDays: 35,
                    kmsKeyArn: "arn:aws:kms:k",
                },
            });
            const g = inputsOf(one(run, A.Group));
            assert.deepStrictEqual([g.engine, g.engineVersion, g.nodeType], ["valkey", "7.2", "cache.m7g.xlarge"]);
            assert.strictEqual(g.snapshotRetentionLimit, 35);
            assert.strictEqual(g.kmsKeyId, "arn:aws:kms:k");
            assert.strictEqual(run.resources.filter((x) => x.type === A.Key).length, 0);
            const p = inputsOf(one(run, A.Params));
            assert.strictEqual(p.family, "valkey7");
            assert.deepStrictEqual(p.parameters[1], { name: "maxmemory-policy", value: "allkeys-lru" });
        });

        it("development: one node without failover or Multi-AZ (ElastiCache needs a replica for them), not protected, snapshots may be off", async () => {
            const { run } = await runRedis({ ...dev, aws: { ...placement, snapshotRetentionDays: 0 } });
            const group = one(run, A.Group);
            const g = inputsOf(group);
            assert.strictEqual(g.numCacheClusters, 1);
            assert.deepStrictEqual(g.preferredCacheClusterAzs, [zones[0]]);
            assert.deepStrictEqual([g.automaticFailoverEnabled, g.multiAzEnabled], [false, false]);
            assert.strictEqual(g.snapshotRetentionLimit, 0);
            assert.strictEqual(group.options.protect, false);
            assert.strictEqual(g.transitEncryptionMode, "required", "transit encryption even in development");
        });

        it("makes the replication group wait for the component's own dependsOn", async () => {
            const { run } = await runBackend(awsRedis, "cache", prod, resolvedRedis("cache", prod), {
                withDependency: true,
            });
            const operators = run.resources.find((x) => x.name === "operators")!;
            assert.ok(one(run, A.Group).dependencies.includes(operators.urn));
        });

        it("sends the region to every AWS resource when the scope names one", async () => {
            const { run } = await runRedis(prod, { region: "eu-west-1" });
            const awsResources = run.resources.filter((x) => x.type.startsWith("aws:"));
            assert.strictEqual(awsResources.length, 6);
            for (const x of awsResources) assert.strictEqual(inputsOf(x).region, "eu-west-1", x.type);
        });
    });

    describe("what it refuses (nothing registered)", () => {
        it("a node type of an unknown family, naming aws.nodeType and the allowed families", async () => {
            await rejects(
                { ...prod, aws: { ...placement, nodeType: "cache.x99.large" } },
                /^aws\.nodeType: .*cache\.r7g.*cache\.t4g.*\(got "cache\.x99\.large"\)/,
            );
            await rejects({ ...prod, aws: { ...placement, nodeType: "db.r7g.large" } }, /^aws\.nodeType: must be/);
        });

        it("tls false (transit encryption is required on aws)", async () => {
            await rejects({ ...prod, tls: false }, /^tls: cannot be false on target aws/);
        });

        it("a cluster-mode shard without a replica (failover needs one)", async () => {
            await rejects(
                { ...cluster, profile: Profile.Development, replicasPerShard: 0 },
                /^replicasPerShard: must be at least 1 on target aws: cluster mode needs automatic failover/,
            );
        });

        it("more than 6 nodes without cluster mode", async () => {
            await rejects({ ...prod, nodes: 7 }, /^nodes: must be at most 6 on target aws/);
        });

        it("snapshots kept 5 days in production, or beyond 35", async () => {
            await rejects(
                { ...prod, aws: { ...placement, snapshotRetentionDays: 5 } },
                /^aws\.snapshotRetentionDays: must be an integer from 7 to 35 \(got 5\)/,
            );
            await rejects(
                { ...dev, aws: { ...placement, snapshotRetentionDays: 36 } },
                /^aws\.snapshotRetentionDays: must be an integer from 0 to 35/,
            );
        });

        it("a version ElastiCache does not offer with required transit encryption", async () => {
            await rejects(
                { ...prod, version: "6.2.6" },
                /^version: must be a redis version ElastiCache offers .*7\.0, 7\.1/,
            );
            await rejects(
                { ...prod, engine: RedisEngine.Valkey, version: "9.9.0" },
                /^version: must be a valkey version .*7\.2, 8\.0, 8\.1/,
            );
        });

        it("one zone, through checkAwsPlacement", async () => {
            await rejects(
                { ...prod, aws: { ...placement, subnetIds: ["subnet-a"], availabilityZones: ["eu-central-1a"] } },
                /^aws\.availabilityZones: must name at least 3 zones in production/,
            );
        });

        it("two subnets in the same zone, through checkAwsPlacement", async () => {
            await rejects(
                { ...prod, aws: { ...placement, availabilityZones: [zones[0], zones[1], zones[1]] } },
                /^aws\.availabilityZones: must all differ/,
            );
        });

        it("every problem at once", async () => {
            await rejects(
                {
                    ...prod,
                    tls: false,
                    nodes: 8,
                    aws: { ...placement, nodeType: "cache.r7g", snapshotRetentionDays: 1 },
                },
                /^tls:/,
                /^nodes:/,
                /^aws\.nodeType:/,
                /^aws\.snapshotRetentionDays:/,
            );
        });
    });

    describe("what AWS would reject (§6)", () => {
        let inputs: Record<string, unknown>;
        before(async () => {
            const { run } = await runRedis(prod);
            inputs = inputsOf(one(run, A.Password));
        });

        it("the rule check itself refuses what ElastiCache refuses (so the properties below can fail)", () => {
            assert.ok(elasticacheAcceptsToken("abcdefghijklmnop"));
            for (const bad of ["short", "a".repeat(129), "abcdefghijklmnop@", "abcdefghijklmnop%", "abcdefghijklmnop "])
                assert.ok(!elasticacheAcceptsToken(bad), bad);
        });

        it("the RandomPassword's alphabet is within ElastiCache's characters and its length within 16–128", () => {
            const alphabet = passwordAlphabet(inputs);
            assert.deepStrictEqual(
                [...alphabet].filter((c) => !/[A-Za-z0-9]/.test(c)).sort(),
                [..."!&#$^<>-"].sort(),
                "every special ElastiCache allows, and no other",
            );
            const length = Number(inputs.length);
            assert.ok(length >= 16 && length <= 128, `length ${length}`);
            assert.ok(passwordMinimums(inputs) <= length);
        });

        it("any token those inputs can produce is one ElastiCache accepts (5000 generated)", () => {
            const alphabet = [...passwordAlphabet(inputs)];
            const length = Number(inputs.length);
            fc.assert(
                fc.property(
                    fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length }),
                    (t) => elasticacheAcceptsToken(t),
                ),
                { numRuns: 5000 },
            );
        });

        it("every URL built from an adversarial token parses back to the same token", () => {
            const chars = [...new Set([...passwordAlphabet(inputs), ..."#$&<>!^%/@:?= "])];
            fc.assert(
                fc.property(fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 128 }), (token) => {
                    const url = new URL(redisUrl(token, "master.cache.abc.euc1.cache.amazonaws.com"));
                    return (
                        url.protocol === "rediss:" &&
                        url.username === "" &&
                        decodeURIComponent(url.password) === token &&
                        url.hostname === "master.cache.abc.euc1.cache.amazonaws.com" &&
                        url.port === "6379"
                    );
                }),
                { numRuns: 2000 },
            );
            assert.strictEqual(decodeURIComponent(new URL(redisUrl("#$&<>!^-", "h")).password), "#$&<>!^-");
        });
    });

    describe("values pinned against the provider's documentation", () => {
        it("engine, transit mode, cluster mode, parameter names and eviction values (pulumi-aws 7.48 elasticache TSDoc, ElastiCache parameters)", async () => {
            // ReplicationGroup: engine "redis or valkey"; transitEncryptionMode "preferred and required";
            // clusterMode "enabled or disabled or compatible". Parameters (ElastiCache "Redis OSS / Valkey
            // parameters"): cluster-enabled yes|no; maxmemory-policy the 8 Redis policies.
            const documented = {
                engine: ["redis", "valkey"],
                transitEncryptionMode: ["preferred", "required"],
                clusterMode: ["enabled", "disabled", "compatible"],
                clusterEnabled: ["yes", "no"],
                maxmemoryPolicy: [
                    "volatile-lru",
                    "allkeys-lru",
                    "volatile-lfu",
                    "allkeys-lfu",
                    "volatile-random",
                    "allkeys-random",
                    "volatile-ttl",
                    "noeviction",
                ],
                families: ["redis7", "valkey7", "valkey8"],
            };
            assert.deepStrictEqual(Object.values(RedisEvictionPolicy).sort(), [...documented.maxmemoryPolicy].sort());
            for (const args of [prod, { ...cluster, engine: RedisEngine.Valkey }]) {
                const { run } = await runRedis(args);
                const g = inputsOf(one(run, A.Group));
                assert.ok(documented.engine.includes(g.engine));
                assert.ok(documented.transitEncryptionMode.includes(g.transitEncryptionMode));
                assert.ok(documented.clusterMode.includes(g.clusterMode));
                const p = inputsOf(one(run, A.Params));
                assert.ok(documented.families.includes(p.family));
                const byName = Object.fromEntries(
                    p.parameters.map((x: { name: string; value: string }) => [x.name, x.value]),
                );
                assert.deepStrictEqual(Object.keys(byName).sort(), ["cluster-enabled", "maxmemory-policy"]);
                assert.ok(documented.clusterEnabled.includes(byName["cluster-enabled"]));
                assert.ok(documented.maxmemoryPolicy.includes(byName["maxmemory-policy"]));
                // snapshotWindow "hh24:mi-hh24:mi" and maintenanceWindow "ddd:hh24:mi-ddd:hh24:mi", each ≥ 60 minutes.
                assert.match(g.snapshotWindow, /^\d\d:\d\d-\d\d:\d\d$/);
                assert.match(
                    g.maintenanceWindow,
                    /^(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d-(mon|tue|wed|thu|fri|sat|sun):\d\d:\d\d$/,
                );
                const minutes = (w: string) => {
                    const [from, to] = w.split("-").map((x) => x.split(":").slice(-2).map(Number));
                    return to[0] * 60 + to[1] - (from[0] * 60 + from[1]);
                };
                assert.ok(minutes(g.snapshotWindow) >= 60 && minutes(g.maintenanceWindow) >= 60);
            }
        });
    });
});
