import * as assert from "assert";
import { RedisCluster, RedisMode } from "../../components";
import { customResource, otRedis } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-redis-failover";
const kubernetesConfig = { image: "quay.io/opstree/redis:v8.2.2" };
const replication = (clusterSize = 3) =>
    customResource("cache", otRedis, "RedisReplication", { clusterSize, kubernetesConfig });
const sentinel = (clusterSize: number, watches = "cache") =>
    customResource("cache-sentinel", otRedis, "RedisSentinel", {
        clusterSize,
        kubernetesConfig,
        redisSentinelConfig: { redisReplicationName: watches },
    });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes both RedisCluster modes with their defaults", async () => {
        expectNoViolation(
            await judge(() => {
                new RedisCluster("a", {});
                new RedisCluster("b", { mode: RedisMode.Cluster });
            }),
            policy,
        );
    });

    it("fails a replication no Sentinel watches, naming it (mandatory)", async () => {
        const d = expectOneViolation(await judge(() => replication()), policy, "cache");
        assert.strictEqual(d.level, "mandatory");
        assert.match(d.message, /RedisReplication default\/cache is watched by 0 Sentinel\(s\); needs at least 3/);
    });

    it("fails too few Sentinels, or Sentinels watching another replication", async () => {
        expectOneViolation(
            await judge(() => {
                replication();
                sentinel(1);
            }),
            policy,
            "cache",
        );
        expectOneViolation(
            await judge(() => {
                replication();
                sentinel(3, "other");
            }),
            policy,
            "cache",
        );
        expectNoViolation(
            await judge(() => {
                replication();
                sentinel(3);
            }),
            policy,
        );
    });

    it("accepts the embedded spec.sentinel form", async () => {
        expectNoViolation(
            await judge(() =>
                customResource("cache", otRedis, "RedisReplication", {
                    clusterSize: 3,
                    kubernetesConfig,
                    sentinel: { image: "s", size: 3 },
                }),
            ),
            policy,
        );
    });

    it("fails a single-node replication and a standalone Redis", async () => {
        const v = violationsOf(
            await judge(() => {
                replication(1);
                sentinel(3);
            }),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => d.message),
            ["RedisReplication default/cache has 1 node(s): no replica to fail over to."],
        );
        const d = expectOneViolation(
            await judge(() => customResource("solo", otRedis, "Redis", { kubernetesConfig })),
            policy,
            "solo",
        );
        assert.match(d.message, /is standalone/);
    });

    it("fails a cluster without a replica per master, or with fewer than 3 masters", async () => {
        const noReplicas = expectOneViolation(
            await judge(() =>
                customResource("rc", otRedis, "RedisCluster", {
                    clusterSize: 3,
                    kubernetesConfig,
                    redisFollower: { replicas: 0 },
                }),
            ),
            policy,
            "rc",
        );
        assert.match(noReplicas.message, /has 0 replica\(s\) for 3 masters; every master needs one/);
        const small = expectOneViolation(
            await judge(() => customResource("rc", otRedis, "RedisCluster", { clusterSize: 2, kubernetesConfig })),
            policy,
            "rc",
        );
        assert.match(small.message, /has 2 master\(s\)/);
    });
});
