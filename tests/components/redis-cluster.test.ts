import * as assert from "assert";
import { RedisCluster, RedisClusterArgs, RedisEngine, RedisEvictionPolicy, RedisMode, Profile } from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../helpers";
import { expectCredentialsOnlyInSecrets, expectRejected, expectValidObjects } from "./services";

// The inputs sent to the Kubernetes provider and their validity against the
// redis-operator's CRDs, not that the operator reconciles them on a cluster.

const zone = "topology.kubernetes.io/zone";

function runRedis(args: RedisClusterArgs = {}): Promise<RunResult> {
    return runProgram(() => {
        new RedisCluster("cache", { kubernetes: { namespace: "data" }, ...args });
    });
}

describe("RedisCluster (Kubernetes, OT redis-operator)", () => {
    describe("replicated mode (default, seed 001)", () => {
        let run: RunResult;
        before(async () => {
            run = await runRedis();
        });

        it("registers a RedisReplication, a RedisSentinel, the redis.conf ConfigMap, the AUTH password and Secret, and its TLS material", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, T.RedisCluster)),
                [
                    T.ConfigMap,
                    T.NetworkPolicy,
                    T.NetworkPolicy,
                    T.RedisReplication,
                    T.RedisSentinel,
                    T.RandomPassword,
                    T.Secret,
                    T.TlsPrivateKey,
                    T.TlsPrivateKey,
                    T.TlsSelfSignedCert,
                    T.TlsCertRequest,
                    T.TlsLocallySignedCert,
                    T.Secret,
                ].sort(),
            );
        });

        it("serves TLS with a generated CA: server cert for every service name, renewed a month before expiry", () => {
            const tlsSecret = ofType(run, T.Secret).find((s) => plain(s.inputs).type === "kubernetes.io/tls")!;
            assert.ok(isSecret(tlsSecret.inputs.stringData));
            assert.deepStrictEqual(Object.keys(plain(tlsSecret.inputs).stringData).sort(), [
                "ca.crt",
                "tls.crt",
                "tls.key",
            ]);
            const TLS = { ca: "ca.crt", cert: "tls.crt", key: "tls.key", secret: { secretName: "cache-tls" } };
            assert.deepStrictEqual(inputsOf(one(run, T.RedisReplication)).spec.TLS, TLS);
            assert.deepStrictEqual(inputsOf(one(run, T.RedisSentinel)).spec.TLS, TLS);
            const dnsNames: string[] = inputsOf(one(run, T.TlsCertRequest)).dnsNames;
            for (const name of [
                "cache-master.data.svc.cluster.local",
                "cache-replica.data.svc",
                "cache-sentinel.data.svc.cluster.local",
                "*.cache-headless.data.svc.cluster.local",
            ]) {
                assert.ok(dnsNames.includes(name), name);
            }
            const cert = inputsOf(one(run, T.TlsLocallySignedCert));
            assert.deepStrictEqual([cert.validityPeriodHours, cert.earlyRenewalHours], [8760, 720]);
            assert.ok(inputsOf(one(run, T.TlsSelfSignedCert)).isCaCertificate);
            assert.match(plain(one(run, T.RedisCluster).outputs).caCertificate, /^-----BEGIN CERTIFICATE-----/);
        });

        it("runs 3 Redis nodes and 3 Sentinels with quorum 2 watching them, both with operator PDBs", () => {
            const repl = inputsOf(one(run, T.RedisReplication));
            const sentinel = inputsOf(one(run, T.RedisSentinel));
            assert.strictEqual(repl.spec.clusterSize, 3);
            assert.strictEqual(sentinel.spec.clusterSize, 3);
            assert.deepStrictEqual(sentinel.spec.redisSentinelConfig.redisReplicationName, "cache");
            assert.strictEqual(sentinel.spec.redisSentinelConfig.quorum, "2");
            assert.deepStrictEqual(repl.spec.pdb, { enabled: true, maxUnavailable: 1 });
            assert.deepStrictEqual(sentinel.spec.pdb, { enabled: true, maxUnavailable: 1 });
        });

        it("spreads Redis and Sentinel pods over at least 3 zones, strictly", () => {
            const repl = inputsOf(one(run, T.RedisReplication)).spec.topologySpreadConstraints[0];
            const sentinel = inputsOf(one(run, T.RedisSentinel)).spec.topologySpreadConstraints[0];
            assert.deepStrictEqual(repl, {
                maxSkew: 1,
                topologyKey: zone,
                whenUnsatisfiable: "DoNotSchedule",
                minDomains: 3,
                labelSelector: { matchLabels: { app: "cache" } },
            });
            assert.deepStrictEqual(sentinel.labelSelector.matchLabels, { app: "cache-sentinel" });
        });

        it("turns on append-only persistence on 8Gi volumes", () => {
            const repl = inputsOf(one(run, T.RedisReplication)).spec;
            assert.strictEqual(repl.storage.volumeClaimTemplate.spec.resources.requests.storage, "8Gi");
            assert.match(
                inputsOf(one(run, T.ConfigMap)).data["redis-additional.conf"],
                /^appendonly yes\nappendfsync everysec\nmaxmemory 805306368\nmaxmemory-policy noeviction\n$/,
            );
            assert.strictEqual(
                repl.redisConfig.additionalRedisConfig,
                plain(one(run, T.ConfigMap).outputs).metadata.name,
            );
        });

        it("takes the AUTH password from its own Secret, for Redis and the Sentinels alike", () => {
            const auth = one(run, T.Secret, "cache-auth");
            assert.strictEqual(plain(auth.outputs).metadata.name, "cache-auth");
            // The password and Secret were children of a SharedSecret "cache-auth" before issue 8:
            // aliases carry their URNs over, so the password is not generated anew.
            const parentOfOld = "pulumi-ha:index:RedisCluster$pulumi-ha:index:SharedSecret";
            for (const r of [auth, one(run, T.RandomPassword, "cache-auth-password")])
                assert.ok(
                    r.options.aliases.some((a) => a.includes(parentOfOld)),
                    `${r.name} keeps its old URN as an alias: ${r.options.aliases}`,
                );
            assert.deepStrictEqual(inputsOf(one(run, T.RedisReplication)).spec.kubernetesConfig.redisSecret, {
                name: "cache-auth",
                key: "password",
            });
            assert.deepStrictEqual(
                inputsOf(one(run, T.RedisSentinel)).spec.redisSentinelConfig.redisReplicationPassword,
                { secretKeyRef: { name: "cache-auth", key: "password" } },
            );
        });

        it("outputs the primary, replica and Sentinel hosts, and a secret token and URL", () => {
            const out = one(run, T.RedisCluster).outputs;
            assert.deepStrictEqual(plain([out.primaryEndpoint, out.readerEndpoint, out.sentinelEndpoint]), [
                "cache-master.data.svc.cluster.local",
                "cache-replica.data.svc.cluster.local",
                "cache-sentinel.data.svc.cluster.local",
            ]);
            assert.ok(isSecret(out.authToken) && isSecret(out.url));
            assert.match(plain(out.url), /^rediss:\/\/:[A-Za-z0-9]{32}@cache-master\.data\.svc\.cluster\.local:6379$/);
            expectCredentialsOnlyInSecrets(run);
        });

        it("protects the Redis resources and emits objects valid against the Kubernetes schema and CRDs", () => {
            assert.strictEqual(one(run, T.RedisReplication).options.protect, true);
            assert.deepStrictEqual(expectValidObjects(run), { core: 5, custom: 2 });
        });
    });

    describe("cluster mode (seed 004)", () => {
        let run: RunResult;
        before(async () => {
            run = await runRedis({ mode: RedisMode.Cluster, evictionPolicy: "allkeys-lru" });
        });

        it("runs 3 leaders and 3 followers, each set with an operator PDB and a strict zone spread", () => {
            const spec = inputsOf(one(run, T.RedisClusterCR)).spec;
            assert.deepStrictEqual([spec.clusterSize, spec.clusterVersion, spec.persistenceEnabled], [3, "v7", true]);
            for (const [role, set] of [
                ["leader", spec.redisLeader],
                ["follower", spec.redisFollower],
            ]) {
                assert.strictEqual(set.replicas, 3);
                assert.deepStrictEqual(set.pdb, { enabled: true, maxUnavailable: 1 });
                assert.deepStrictEqual(set.topologySpreadConstraints[0].labelSelector.matchLabels, {
                    app: `cache-${role}`,
                });
                assert.strictEqual(set.topologySpreadConstraints[0].whenUnsatisfiable, "DoNotSchedule");
            }
            assert.match(inputsOf(one(run, T.ConfigMap)).data["redis-additional.conf"], /maxmemory-policy allkeys-lru/);
        });

        it("outputs the leader service and a secret URL; CRs valid", () => {
            const out = one(run, T.RedisCluster).outputs;
            assert.strictEqual(plain(out.primaryEndpoint), "cache-leader.data.svc.cluster.local");
            assert.match(plain(out.url), /^rediss:\/\/.*@cache-leader\.data\.svc\.cluster\.local:6379$/);
            assert.strictEqual(inputsOf(one(run, T.RedisClusterCR)).spec.TLS.secret.secretName, "cache-tls");
            assert.deepStrictEqual(expectValidObjects(run), { core: 5, custom: 1 });
        });
    });

    it("runs Valkey from the image given, and development relaxes spread, count and TLS", async () => {
        const run = await runRedis({
            engine: RedisEngine.Valkey,
            profile: Profile.Development,
            kubernetes: { image: "ghcr.io/acme/valkey-ot:8.1" },
        });
        const spec = inputsOf(one(run, T.RedisReplication)).spec;
        assert.deepStrictEqual(
            [spec.kubernetesConfig.image, spec.clusterSize, spec.topologySpreadConstraints[0].whenUnsatisfiable],
            ["ghcr.io/acme/valkey-ot:8.1", 1, "ScheduleAnyway"],
        );
        assert.ok(!one(run, T.RedisReplication).options.protect);
        assert.strictEqual(spec.TLS, undefined);
        assert.strictEqual(ofType(run, T.TlsPrivateKey).length, 0);
        assert.match(plain(one(run, T.RedisCluster).outputs).url, /^redis:\/\//);
    });

    describe("rejects bad arguments before registering anything", () => {
        const reject = (args: RedisClusterArgs, ...patterns: RegExp[]) =>
            expectRejected(
                () => {
                    new RedisCluster("cache", args);
                },
                ...patterns,
            );

        it("cluster mode with fewer than 3 shards", () =>
            reject({ mode: RedisMode.Cluster, shards: 2 }, /^shards: must be an integer from 3 to 100 \(got 2\)/));
        it("cluster mode without replicas in production", () =>
            reject(
                { mode: RedisMode.Cluster, replicasPerShard: 0 },
                /^replicasPerShard: must be an integer from 1 to 5/,
                /^replicasPerShard: must be 1 on target "kubernetes"/,
            ));
        it("two replicas per shard on Kubernetes", () =>
            reject(
                { mode: RedisMode.Cluster, replicasPerShard: 2 },
                /^replicasPerShard: must be 1 on target "kubernetes": the redis-operator pairs one follower with each leader \(got 2\)/,
            ));
        it("an even number of Sentinels", () =>
            reject(
                { kubernetes: { sentinels: 2 } },
                /^kubernetes\.sentinels: must be odd so a majority can agree on failover \(got 2\)/,
            ));
        it("node and Sentinel counts out of range", () =>
            reject(
                { nodes: 21, kubernetes: { sentinels: 11 } },
                /^nodes: must be an integer from 1 to 20 \(got 21\)/,
                /^kubernetes\.sentinels: must be an integer from 1 to 9 \(got 11\)/,
            ));
        it("a single node in production", () => reject({ nodes: 1 }, /^nodes: must be at least 2 in production/));
        it("valkey without an image", () =>
            reject({ engine: RedisEngine.Valkey }, /^kubernetes\.image: is required for the valkey engine/));
        it("an unknown mode, engine and eviction policy", () =>
            reject(
                {
                    mode: "sharded" as RedisMode,
                    engine: "keydb" as RedisEngine,
                    evictionPolicy: "lru" as RedisEvictionPolicy,
                },
                /^mode: must be one of "replicated", "cluster" \(got "sharded"\)/,
                /^engine: must be one of "redis", "valkey"/,
                /^evictionPolicy: must be one of "noeviction", "allkeys-lru"/,
            ));
        it("a bad version and storage size", () =>
            reject({ version: "8", storageGiB: -1 }, /^version: must be/, /^storageGiB: must be an integer/));
    });
});
