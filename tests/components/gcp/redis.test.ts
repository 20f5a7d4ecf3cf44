// Proves the inputs RedisCluster sends to the GCP provider on target gcp under the mock engine, what
// it refuses before anything registers, and that the real policy pack passes its production
// defaults; not that Memorystore accepts them (the mock engine accepts anything: the values are
// pinned against the provider's documentation below), nor that it fails over as configured.
import * as assert from "assert";
import * as fs from "fs";
import * as gcp from "@pulumi/gcp";
import {
    GcpMemorystoreNodeType,
    GcpRdbSnapshotPeriod,
    GcpRedisAuthorization,
    GcpWeekday,
    Profile,
    RedisCluster,
    RedisClusterArgs,
    RedisEngine,
    RedisEvictionPolicy,
    RedisMode,
    Target,
} from "../../../components";
import { gcpRedis } from "../../../components/backends/gcp/redis";
import { nameStem } from "../../../components/backends/gcp/redis-common";
import * as pins from "../../../components/backends/gcp/redis-pins";
import { RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain, redacted } from "../../../scripts/harness/wire";
import { sharedPolicyPack } from "../../policies/shared-pack";
import { T, inputsOf, one, ofType } from "../../helpers";
import { resolvedRedis, runPlanned } from "../aws/run-backend";
import { expectRejected } from "../services";
import { documented } from "./provider-docs";

const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const G = {
    Component: "pulumi-ha:index:RedisCluster",
    Instance: type(gcp.redis.Instance),
    Cluster: type(gcp.redis.Cluster),
    Valkey: type(gcp.memorystore.Instance),
    Policy: type(gcp.networkconnectivity.ServiceConnectionPolicy),
    RandomId: "random:index/randomId:RandomId",
};
const PROJECT = "pulumi-ha-demo";
const REGION = "europe-west1";
const zones = [`${REGION}-b`, `${REGION}-c`, `${REGION}-d`];
const networkPath = `projects/${PROJECT}/global/networks/vpc`;
const subnetPath = `projects/${PROJECT}/regions/${REGION}/subnetworks/nodes`;
const selfLink = (path: string) => `https://www.googleapis.com/compute/v1/${path}`;
const placement = { network: selfLink(networkPath), availabilityZones: zones, privateServicesRangeName: "vpc-psa" };
const prod: RedisClusterArgs = { target: Target.Gcp, gcp: placement };
const dev: RedisClusterArgs = { ...prod, profile: Profile.Development };
const redisCluster: RedisClusterArgs = {
    ...prod,
    mode: RedisMode.Cluster,
    gcp: { ...placement, subnetwork: selfLink(subnetPath) },
};
const valkey: RedisClusterArgs = { ...redisCluster, engine: RedisEngine.Valkey };

function runRedis(args: RedisClusterArgs, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            new RedisCluster("cache", args);
        },
        { preview },
    );
}

const rejects = (args: RedisClusterArgs, ...patterns: RegExp[]) =>
    expectRejected(
        () => {
            new RedisCluster("cache", args);
        },
        ...patterns,
    );

/** The component's registered outputs in wire form (secrets still marked). */
const outputsOf = (run: RunResult) => one(run, G.Component).outputs;

/** Every value of the run outside a secret, as JSON (secrets replaced). */
const plainText = (run: RunResult) =>
    JSON.stringify(run.resources.map((r) => [redacted(r.inputs as never), redacted(r.outputs as never)]));

function childrenOf(run: RunResult): string[] {
    const component = one(run, G.Component);
    return run.resources
        .filter((r) => r.type !== T.Stack && r !== component)
        .map((r) => {
            assert.strictEqual(r.parent, component.urn, `${r.type} is the component's child`);
            return r.type;
        })
        .sort();
}

const protectedAs = (r: RecordedResource) => r.options.protect;

describe("RedisCluster on GCP (Memorystore)", () => {
    describe("production defaults, mode replicated: a Memorystore for Redis instance", () => {
        let run: RunResult;
        let i: any;
        before(async () => {
            run = await runRedis(prod);
            i = inputsOf(one(run, G.Instance));
        });

        it("creates one instance, the component's child, and looks nothing up (region from the zones)", () => {
            assert.deepStrictEqual(childrenOf(run), [G.Instance]);
            assert.deepStrictEqual(run.calls, []);
            assert.match(plain(one(run, G.Instance).outputs).name, /^cache-[0-9a-f]{7}$/, "auto-named from the stem");
        });

        it("is STANDARD_HA with read replicas (nodes 3 → 2 replicas), 5 GB, Redis 7.2, primary and failover in the first two zones", () => {
            assert.deepStrictEqual(
                [i.tier, i.readReplicasMode, i.replicaCount, i.memorySizeGb, i.redisVersion],
                ["STANDARD_HA", "READ_REPLICAS_ENABLED", 2, 5, "REDIS_7_2"],
            );
            assert.deepStrictEqual([i.locationId, i.alternativeLocationId, i.region], [zones[0], zones[1], REGION]);
        });

        it("takes a private IP through private services access on the network's allocated range", () => {
            assert.deepStrictEqual(
                [i.connectMode, i.authorizedNetwork, i.reservedIpRange],
                ["PRIVATE_SERVICE_ACCESS", networkPath, "vpc-psa"],
            );
        });

        it("has AUTH and TLS on, RDB snapshots hourly, noeviction, a Sunday 04:00 window, both deletion protections, labels", () => {
            assert.deepStrictEqual([i.authEnabled, i.transitEncryptionMode], [true, "SERVER_AUTHENTICATION"]);
            assert.deepStrictEqual(i.persistenceConfig, { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" });
            assert.deepStrictEqual(i.redisConfigs, { "maxmemory-policy": "noeviction" });
            assert.deepStrictEqual(i.maintenancePolicy.weeklyMaintenanceWindows, [
                { day: "SUNDAY", startTime: { hours: 4, minutes: 0, seconds: 0, nanos: 0 } },
            ]);
            assert.deepStrictEqual([i.deletionProtection, protectedAs(one(run, G.Instance))], [true, true]);
            assert.strictEqual(i.customerManagedKey, undefined, "Google-managed encryption unless a key is given");
            assert.deepStrictEqual(i.labels, {
                "pulumi-ha-component": "redis",
                "pulumi-ha-instance": "cache",
                "managed-by": "pulumi-ha",
            });
        });

        it("outputs the host, the read endpoint, port 6378 and the CA; the AUTH string only in secrets", () => {
            const o = outputsOf(run);
            const instance = plain(one(run, G.Instance).outputs);
            assert.deepStrictEqual(
                [o.primaryEndpoint, o.readerEndpoint, o.port],
                [instance.host, instance.readEndpoint, 6378],
            );
            assert.match(String(o.caCertificate), /^-----BEGIN CERTIFICATE-----/);
            assert.ok(isSecret(o.authToken) && isSecret(o.url), "authToken and url are secrets on the wire");
            const auth = instance.authString;
            assert.match(auth, /^[0-9a-f-]{36}$/);
            assert.strictEqual(plain(o.url), `rediss://:${auth}@${instance.host}:6378`);
            assert.strictEqual(plain(o.authToken), auth);
            assert.ok(!plainText(run).includes(auth), "the AUTH string appears nowhere outside a secret");
        });
    });

    describe("production defaults, mode cluster", () => {
        let rc: RunResult;
        let vk: RunResult;
        before(async () => {
            rc = await runRedis(redisCluster);
            vk = await runRedis(valkey);
        });

        it("Redis Cluster: a service connection policy of class gcp-memorystore-redis on the network, region and subnet, and the cluster after it", () => {
            assert.deepStrictEqual(childrenOf(rc), [G.Policy, G.Cluster].sort());
            const policy = one(rc, G.Policy);
            const p = inputsOf(policy);
            assert.deepStrictEqual(
                [p.serviceClass, p.location, p.network, p.pscConfig.subnetworks],
                ["gcp-memorystore-redis", REGION, networkPath, [subnetPath]],
            );
            assert.ok(one(rc, G.Cluster).dependencies.includes(policy.urn), "the cluster depends on the policy");
            assert.strictEqual(protectedAs(policy), false, "the policy is not state: it may be replaced");
        });

        it("Redis Cluster: 3 shards × 1 replica, highmem-medium, multi-zone, TLS, IAM, AOF every second, backups 7 days, deletion protection", () => {
            const c = inputsOf(one(rc, G.Cluster));
            assert.deepStrictEqual(
                [c.shardCount, c.replicaCount, c.nodeType, c.zoneDistributionConfig, c.region],
                [3, 1, "REDIS_HIGHMEM_MEDIUM", { mode: "MULTI_ZONE" }, REGION],
            );
            assert.deepStrictEqual(
                [c.transitEncryptionMode, c.authorizationMode],
                ["TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION", "AUTH_MODE_IAM_AUTH"],
            );
            assert.deepStrictEqual(c.persistenceConfig, { mode: "AOF", aofConfig: { appendFsync: "EVERYSEC" } });
            assert.deepStrictEqual(c.automatedBackupConfig, {
                fixedFrequencySchedule: { startTime: { hours: 2 } },
                retention: "604800s",
            });
            assert.deepStrictEqual(c.pscConfigs, [{ network: networkPath }]);
            assert.deepStrictEqual(c.redisConfigs, { "maxmemory-policy": "noeviction" });
            assert.deepStrictEqual([c.deletionProtectionEnabled, protectedAs(one(rc, G.Cluster))], [true, true]);
        });

        it("Redis Cluster: the discovery endpoint, TLS URL and CA as outputs; no static password (IAM), still secret", () => {
            const o = outputsOf(rc);
            const d = plain(one(rc, G.Cluster).outputs).discoveryEndpoints[0];
            assert.deepStrictEqual([o.primaryEndpoint, o.port, o.readerEndpoint], [d.address, 6379, undefined]);
            assert.ok(isSecret(o.url) && isSecret(o.authToken));
            assert.deepStrictEqual([plain(o.url), plain(o.authToken)], [`rediss://${d.address}:6379`, ""]);
            assert.match(String(o.caCertificate), /^-----BEGIN CERTIFICATE-----/);
        });

        it("Valkey: class gcp-memorystore policy and a Memorystore for Valkey cluster, 3 × 1, Valkey 8.0, IAM, TLS, AOF, multi-zone", () => {
            assert.deepStrictEqual(childrenOf(vk), [G.Policy, G.RandomId, G.Valkey].sort());
            assert.strictEqual(inputsOf(one(vk, G.Policy)).serviceClass, "gcp-memorystore");
            const valkeyResource = one(vk, G.Valkey);
            const v = inputsOf(valkeyResource);
            assert.match(v.instanceId, /^cache-[0-9a-f]{6}$/);
            assert.deepStrictEqual(
                [v.location, v.mode, v.engineVersion, v.shardCount, v.replicaCount, v.nodeType],
                [REGION, "CLUSTER", "VALKEY_8_0", 3, 1, "HIGHMEM_MEDIUM"],
            );
            assert.deepStrictEqual(v.desiredAutoCreatedEndpoints, [{ network: networkPath, projectId: PROJECT }]);
            assert.deepStrictEqual(
                [v.transitEncryptionMode, v.authorizationMode, v.zoneDistributionConfig],
                ["SERVER_AUTHENTICATION", "IAM_AUTH", { mode: "MULTI_ZONE" }],
            );
            assert.deepStrictEqual(v.persistenceConfig, { mode: "AOF", aofConfig: { appendFsync: "EVERY_SEC" } });
            assert.deepStrictEqual(v.engineConfigs, { "maxmemory-policy": "noeviction" });
            assert.deepStrictEqual([v.deletionProtectionEnabled, protectedAs(valkeyResource)], [true, true]);
            assert.ok(valkeyResource.dependencies.includes(one(vk, G.Policy).urn));
            const o = outputsOf(vk);
            const discovery = plain(valkeyResource.outputs).pscAutoConnections[0];
            assert.strictEqual(discovery.connectionType, "CONNECTION_TYPE_DISCOVERY");
            assert.deepStrictEqual([o.primaryEndpoint, o.port], [discovery.ipAddress, 6379]);
            assert.strictEqual(plain(o.url), `rediss://${discovery.ipAddress}:6379`);
        });

        it("the real policy pack finds no violation in the three production defaults", async () => {
            const pack = await sharedPolicyPack();
            const replicated = await runRedis(prod);
            for (const run of [replicated, rc, vk]) {
                const verdict = await pack.evaluate(run.resources, {});
                assert.deepStrictEqual(verdict.violations, [], JSON.stringify(verdict.violations, null, 1));
            }
            // The pack does read these resources: a development cluster without replicas is flagged.
            const bare = await runRedis({ ...redisCluster, profile: Profile.Development, replicasPerShard: 0 });
            const flagged = (await pack.evaluate(bare.resources, {})).violations.map((d) => d.policy);
            assert.deepStrictEqual(flagged, ["gcp-memorystore-cluster-replicas"]);
        });
    });

    describe("development", () => {
        it("replicated: one BASIC node of 1 GB, no TLS by default (port 6379, redis://), AUTH still on, no deletion protection", async () => {
            const run = await runRedis(dev);
            const i = inputsOf(one(run, G.Instance));
            assert.deepStrictEqual(
                [i.tier, i.memorySizeGb, i.readReplicasMode, i.replicaCount, i.alternativeLocationId],
                ["BASIC", 1, undefined, undefined, undefined],
            );
            assert.deepStrictEqual([i.transitEncryptionMode, i.authEnabled], ["DISABLED", true]);
            assert.deepStrictEqual([i.deletionProtection, protectedAs(one(run, G.Instance))], [false, false]);
            const o = outputsOf(run);
            const host = plain(one(run, G.Instance).outputs).host;
            assert.deepStrictEqual([o.port, o.readerEndpoint, o.caCertificate], [6379, undefined, undefined]);
            assert.match(plain(o.url), new RegExp(`^redis://:[0-9a-f-]{36}@${host.replace(/\./g, "\\.")}:6379$`));
        });

        it("cluster: 0 replicas sent explicitly, no backups when retention is 0, deletion protection off", async () => {
            const run = await runRedis({
                ...redisCluster,
                profile: Profile.Development,
                replicasPerShard: 0,
                gcp: { ...redisCluster.gcp, backupRetentionDays: 0 },
            });
            const c = inputsOf(one(run, G.Cluster));
            assert.deepStrictEqual(
                [c.replicaCount, c.automatedBackupConfig, c.deletionProtectionEnabled, c.transitEncryptionMode],
                [0, undefined, false, "TRANSIT_ENCRYPTION_MODE_DISABLED"],
            );
            assert.strictEqual(protectedAs(one(run, G.Cluster)), false);
        });
    });

    describe("overrides", () => {
        it("replicated: 6 nodes, 10 GB, Redis 7.0, an eviction policy, a snapshot period, a window, a KMS key, AUTH off", async () => {
            const kms = `projects/${PROJECT}/locations/${REGION}/keyRings/r/cryptoKeys/k`;
            const run = await runRedis({
                ...prod,
                nodes: 6,
                version: "7.0.15",
                evictionPolicy: RedisEvictionPolicy.AllKeysLru,
                gcp: {
                    ...placement,
                    memorySizeGb: 10,
                    kmsKeyName: kms,
                    authorization: GcpRedisAuthorization.Disabled,
                    snapshotPeriod: GcpRdbSnapshotPeriod.SixHours,
                    maintenanceDay: GcpWeekday.Tuesday,
                    maintenanceHour: 22,
                },
            });
            const i = inputsOf(one(run, G.Instance));
            assert.deepStrictEqual(
                [i.replicaCount, i.memorySizeGb, i.redisVersion, i.customerManagedKey, i.authEnabled],
                [5, 10, "REDIS_7_0", kms, false],
            );
            assert.deepStrictEqual(i.redisConfigs, { "maxmemory-policy": "allkeys-lru" });
            assert.strictEqual(i.persistenceConfig.rdbSnapshotPeriod, "SIX_HOURS");
            assert.deepStrictEqual(i.maintenancePolicy.weeklyMaintenanceWindows[0].day, "TUESDAY");
            assert.strictEqual(i.maintenancePolicy.weeklyMaintenanceWindows[0].startTime.hours, 22);
            const o = outputsOf(run);
            const host = plain(one(run, G.Instance).outputs).host;
            assert.deepStrictEqual([plain(o.url), plain(o.authToken)], [`rediss://${host}:6378`, ""]);
        });

        it("cluster: no policy when opted out (no subnet needed), a node type, Valkey 9.0, no auth, no persistence, a KMS key, a 30-day retention", async () => {
            const kms = `projects/${PROJECT}/locations/${REGION}/keyRings/r/cryptoKeys/k`;
            const gcpArgs = {
                ...placement,
                serviceConnectionPolicy: false,
                nodeType: GcpMemorystoreNodeType.StandardSmall,
                authorization: GcpRedisAuthorization.Disabled,
                kmsKeyName: kms,
                backupRetentionDays: 30,
            };
            const rc = await runRedis({ ...prod, mode: RedisMode.Cluster, persistence: false, gcp: gcpArgs });
            const vk = await runRedis({
                ...prod,
                mode: RedisMode.Cluster,
                engine: RedisEngine.Valkey,
                version: "9.0",
                gcp: gcpArgs,
            });
            assert.deepStrictEqual([ofType(rc, G.Policy).length, ofType(vk, G.Policy).length], [0, 0]);
            const c = inputsOf(one(rc, G.Cluster));
            assert.deepStrictEqual(
                [c.nodeType, c.authorizationMode, c.persistenceConfig, c.kmsKey, c.automatedBackupConfig.retention],
                ["REDIS_STANDARD_SMALL", "AUTH_MODE_DISABLED", { mode: "DISABLED" }, kms, "2592000s"],
            );
            const v = inputsOf(one(vk, G.Valkey));
            assert.deepStrictEqual(
                [v.nodeType, v.engineVersion, v.authorizationMode, v.kmsKey],
                ["STANDARD_SMALL", "VALKEY_9_0", "AUTH_DISABLED", kms],
            );
        });

        it("without a known region, asks the provider's configuration (no API call) for the required locations", async () => {
            const run = await runRedis({ ...valkey, gcp: { network: placement.network, subnetwork: subnetPath } });
            const clientConfig = "gcp:organizations/getClientConfig:getClientConfig";
            assert.ok(run.calls.length > 0 && run.calls.every((c) => c === clientConfig), run.calls.join());
            assert.strictEqual(inputsOf(one(run, G.Valkey)).location, REGION);
            assert.strictEqual(inputsOf(one(run, G.Policy)).location, REGION);
            assert.strictEqual(inputsOf(one(run, G.Policy)).pscConfig.subnetworks[0], subnetPath);
        });

        it("under a Platform: network, subnet, zones, region and project come from its placement", async () => {
            const args: RedisClusterArgs = { target: Target.Gcp, mode: RedisMode.Cluster };
            const context = {
                gcp: {
                    zoneCount: 3,
                    region: "us-central1",
                    project: "platform-proj",
                    placement: () => ({
                        network: selfLink("projects/platform-proj/global/networks/p"),
                        subnetwork: selfLink("projects/platform-proj/regions/us-central1/subnetworks/s"),
                        availabilityZones: ["us-central1-a", "us-central1-b", "us-central1-c"],
                        privateServicesRangeName: "p-psa",
                        clusterName: "p-gke",
                    }),
                },
            };
            const r = await runPlanned("cache", (check) =>
                gcpRedis.plan(check, args, resolvedRedis("cache", args), context),
            );
            const p = inputsOf(one(r.run, G.Policy));
            assert.deepStrictEqual(
                [p.location, p.project, p.network, p.pscConfig.subnetworks],
                [
                    "us-central1",
                    "platform-proj",
                    "projects/platform-proj/global/networks/p",
                    ["projects/platform-proj/regions/us-central1/subnetworks/s"],
                ],
            );
            const c = inputsOf(one(r.run, G.Cluster));
            assert.deepStrictEqual([c.region, c.project], ["us-central1", "platform-proj"]);
        });
    });

    describe("refusals, each naming its argument, with nothing registered", () => {
        it("Valkey in mode replicated; more than 5 read replicas; too little memory for read replicas", async () => {
            await rejects({ ...prod, engine: RedisEngine.Valkey }, /^engine: "valkey" needs mode "cluster"/);
            await rejects({ ...prod, nodes: 7 }, /^nodes: must be at most 6 on target gcp/);
            await rejects(
                { ...prod, gcp: { ...placement, memorySizeGb: 4 } },
                /^gcp\.memorySizeGb: must be at least 5 with read replicas/,
            );
            await rejects(
                { ...prod, gcp: { ...placement, memorySizeGb: 301 } },
                /^gcp\.memorySizeGb: must be an integer from 1 to 300/,
            );
        });

        it("more than 2 replicas per shard; more than 250 nodes; a shared-core node in production", async () => {
            await rejects({ ...redisCluster, replicasPerShard: 3 }, /^replicasPerShard: must be at most 2/);
            await rejects(
                { ...redisCluster, shards: 100, replicasPerShard: 2 },
                /^shards: must keep shards × \(1 \+ replicasPerShard\) at most 250.*100 × 3 = 300/,
            );
            await rejects(
                { ...redisCluster, gcp: { ...redisCluster.gcp, nodeType: GcpMemorystoreNodeType.SharedCoreNano } },
                /^gcp\.nodeType: cannot be "shared-core-nano" in production/,
            );
        });

        it("an authorization the product lacks; TLS off in production; a version the product lacks", async () => {
            await rejects(
                { ...prod, gcp: { ...placement, authorization: GcpRedisAuthorization.Iam } },
                /^gcp\.authorization: cannot be "iam" in mode replicated/,
            );
            await rejects(
                { ...valkey, gcp: { ...valkey.gcp, authorization: GcpRedisAuthorization.Password } },
                /^gcp\.authorization: cannot be "password" in mode cluster/,
            );
            await rejects({ ...prod, tls: false }, /^tls: cannot be false in production on target gcp/);
            await rejects(
                { ...prod, version: "6.2.13" },
                /^version: must be a version Memorystore for Redis offers.*7\.0, 7\.2/,
            );
            await rejects({ ...redisCluster, version: "8.0" }, /^version: must be a Redis 7\.x version or unset/);
            await rejects(
                { ...valkey, version: "7.0" },
                /^version: must be a version Memorystore for Valkey offers.*7\.2, 8\.0, 9\.0/,
            );
        });

        it("one mode's settings in the other; a cluster without a subnet for its policy; no network; zones of another region", async () => {
            await rejects(
                {
                    ...prod,
                    gcp: { ...placement, nodeType: GcpMemorystoreNodeType.StandardSmall, subnetwork: subnetPath },
                },
                /^gcp\.subnetwork: applies only in mode "cluster"/,
                /^gcp\.nodeType: applies only in mode "cluster"/,
            );
            await rejects(
                { ...redisCluster, gcp: { ...redisCluster.gcp, memorySizeGb: 5 } },
                /^gcp\.memorySizeGb: applies only in mode "replicated"/,
            );
            await rejects({ ...redisCluster, gcp: placement }, /^gcp\.subnetwork: is required in mode cluster/);
            await rejects({ target: Target.Gcp }, /^gcp\.network: is required on target gcp/);
            await rejects(
                { ...prod, gcp: { ...placement, region: "us-central1" } },
                /^gcp\.availabilityZones: must be zones of gcp\.region "us-central1"/,
            );
        });

        it("a short backup retention in production; a maintenance hour out of range; a subnet beside a Platform's", async () => {
            await rejects(
                { ...redisCluster, gcp: { ...redisCluster.gcp, backupRetentionDays: 3, maintenanceHour: 24 } },
                /^gcp\.backupRetentionDays: must be an integer from 7 to 365/,
                /^gcp\.maintenanceHour: must be an integer from 0 to 23/,
            );
            const args: RedisClusterArgs = { target: Target.Gcp, mode: RedisMode.Cluster, gcp: { subnetwork: "s" } };
            const context = {
                gcp: {
                    zoneCount: 3,
                    placement: () => ({ network: "n", subnetwork: "s", availabilityZones: zones, clusterName: "c" }),
                },
            };
            await assert.rejects(
                runPlanned("cache", (check) => gcpRedis.plan(check, args, resolvedRedis("cache", args), context)),
                (err: any) =>
                    JSON.stringify(err.reason?.problems) ===
                    JSON.stringify([
                        "gcp.subnetwork: is filled by the Platform from its gcp settings and Network; leave it out",
                    ]),
            );
        });
    });

    describe("values sent to GCP, against the provider's documentation", () => {
        const valid = (file: string, iface: string, arg: string, value: string) =>
            assert.ok(
                documented(file, iface, arg).includes(`\`${value}\``),
                `${iface}.${arg}: ${value} is not documented`,
            );
        const listed = (file: string, iface: string, arg: string, value: string) =>
            assert.match(
                documented(file, iface, arg),
                new RegExp(`\\n\\s+\\*\\s+${value}\\n`),
                `${iface}.${arg}: ${value}`,
            );

        it("Memorystore for Redis instance: tier, read replicas, connect mode, transit encryption, persistence, weekday", () => {
            const v = pins.redisInstanceValues;
            valid("redis/instance", "InstanceArgs", "tier", v.tierHa);
            valid("redis/instance", "InstanceArgs", "tier", v.tierBasic);
            valid("redis/instance", "InstanceArgs", "readReplicasMode", v.readReplicasEnabled);
            valid("redis/instance", "InstanceArgs", "connectMode", v.connectMode);
            valid("redis/instance", "InstanceArgs", "transitEncryptionMode", v.transitEncryption);
            valid("redis/instance", "InstanceArgs", "transitEncryptionMode", v.transitDisabled);
            valid("types/input:redis", "InstancePersistenceConfig", "persistenceMode", v.persistenceRdb);
            valid("types/input:redis", "InstancePersistenceConfig", "persistenceMode", v.persistenceDisabled);
            for (const period of Object.values(GcpRdbSnapshotPeriod))
                valid("types/input:redis", "InstancePersistenceConfig", "rdbSnapshotPeriod", period);
            for (const day of Object.values(GcpWeekday))
                valid("types/input:redis", "InstanceMaintenancePolicyWeeklyMaintenanceWindow", "day", day);
            // "The valid range for the Standard Tier with read replicas enabled is [1-5]".
            assert.match(
                documented("redis/instance", "InstanceArgs", "replicaCount"),
                /read replicas enabled is \[1-5\]/,
            );
            assert.strictEqual(pins.readReplicasMax, 5);
            // Versions: the provider defers to the API; Google's "Supported versions" lists 7.0 and 7.2 (and older).
            assert.deepStrictEqual(Object.values(pins.redisInstanceVersions), ["REDIS_7_0", "REDIS_7_2"]);
        });

        it("Redis Cluster and Valkey: transit encryption, auth, persistence, fsync, node types, zone mode, service classes, versions", () => {
            const r = pins.redisClusterValues;
            valid("redis/cluster", "ClusterArgs", "transitEncryptionMode", r.transitEncryption);
            valid("redis/cluster", "ClusterArgs", "transitEncryptionMode", r.transitDisabled);
            valid("redis/cluster", "ClusterArgs", "authorizationMode", r.authIam);
            valid("redis/cluster", "ClusterArgs", "authorizationMode", r.authDisabled);
            valid("types/input:redis", "ClusterPersistenceConfig", "mode", r.persistenceAof);
            valid("types/input:redis", "ClusterPersistenceConfig", "mode", r.persistenceDisabled);
            valid("types/input:redis", "ClusterPersistenceConfigAofConfig", "appendFsync", r.appendFsync);
            valid("types/input:redis", "ClusterZoneDistributionConfig", "mode", pins.multiZone);
            const v = pins.valkeyValues;
            listed("memorystore/instance", "InstanceArgs", "transitEncryptionMode", v.transitEncryption);
            listed("memorystore/instance", "InstanceArgs", "transitEncryptionMode", v.transitDisabled);
            assert.match(documented("memorystore/instance", "InstanceArgs", "authorizationMode"), /\* IAM_AUTH\.?\n/);
            assert.match(
                documented("memorystore/instance", "InstanceArgs", "authorizationMode"),
                /\n\s+\* AUTH_DISABLED\n/,
            );
            valid("memorystore/instance", "InstanceArgs", "mode", v.mode);
            valid("types/input:memorystore", "InstanceZoneDistributionConfig", "mode", pins.multiZone);
            listed("types/input:memorystore", "InstancePersistenceConfigAofConfig", "appendFsync", v.appendFsync);
            valid("types/input:memorystore", "InstancePersistenceConfig", "mode", v.persistenceAof);
            for (const t of Object.values(GcpMemorystoreNodeType)) {
                const api = t.toUpperCase().replace(/-/g, "_");
                valid("redis/cluster", "ClusterArgs", "nodeType", `REDIS_${api}`);
                listed("memorystore/instance", "InstanceArgs", "nodeType", api);
            }
            // The service classes as the provider's examples give them to the policy.
            const doc = (f: string) => fs.readFileSync(require.resolve(`@pulumi/gcp/${f}.d.ts`), "utf8");
            assert.ok(doc("redis/cluster").includes(`serviceClass: "${r.serviceClass}"`));
            assert.ok(doc("memorystore/instance").includes(`serviceClass: "${v.serviceClass}"`));
            // Valkey versions: Google's "Supported versions" (7.2, 8.0, 9.0); the provider's example uses VALKEY_7_2.
            assert.ok(doc("memorystore/instance").includes('engineVersion: "VALKEY_7_2"'));
            assert.deepStrictEqual(Object.values(pins.valkeyVersions), ["VALKEY_7_2", "VALKEY_8_0", "VALKEY_9_0"]);
        });

        it("names: every stem fits its product's id rule with the suffix it gets", () => {
            const names = [
                "cache",
                "Gotrs_Redis.Prod",
                "9lives",
                "a".repeat(80),
                `${"x".repeat(30)}-tail-${"y".repeat(30)}`,
            ];
            const scope = (name: string) => ({ name }) as never;
            for (const n of names) {
                const instance = `${nameStem(scope(n), pins.instanceNameMax)}-abcdef0`;
                assert.match(instance, /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, `instance id from ${n}`);
                const cluster = `${nameStem(scope(n), pins.clusterNameMax)}-abcdef0`;
                assert.match(cluster, /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/, `cluster id from ${n}`);
                const valkeyId = `${nameStem(scope(n), pins.valkeyNameMax)}-abcdef`;
                assert.match(valkeyId, /^[a-z][a-z0-9-]{2,61}[a-z0-9]$/, `valkey id from ${n}`);
            }
            assert.notStrictEqual(
                nameStem(scope(`${"a".repeat(50)}-one`), 40),
                nameStem(scope(`${"a".repeat(50)}-two`), 40),
                "two long names sharing a prefix stay apart",
            );
        });

        it("every neutral eviction policy is a maxmemory-policy Memorystore accepts", () => {
            // Memorystore's "Supported Redis configurations": maxmemory-policy takes the 8 Redis policies.
            const accepted = [
                "noeviction",
                "allkeys-lru",
                "allkeys-lfu",
                "allkeys-random",
                "volatile-lru",
                "volatile-lfu",
                "volatile-random",
                "volatile-ttl",
            ];
            assert.deepStrictEqual(Object.values(RedisEvictionPolicy).sort(), accepted.sort());
        });
    });
});
