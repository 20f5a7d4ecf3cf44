import * as assert from "assert";
import { Platform, RedisMode } from "../../components";
import { backupTo, cnpg, customResource, otRedis, statefulSet } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-data-zone-spread";
const zone = "topology.kubernetes.io/zone";
const spread = (whenUnsatisfiable: string) => [
    { maxSkew: 1, topologyKey: zone, whenUnsatisfiable, labelSelector: { matchLabels: { app: "x" } } },
];
const kubernetesConfig = { image: "quay.io/opstree/redis:v8.2.2" };

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes a Platform with every data service (their zone spread is built in)", async () => {
        expectNoViolation(
            await judge(() => {
                new Platform("p", {
                    app: { image: "nginx:1.27" },
                    postgres: { kubernetes: { backup: backupTo } },
                    redis: { mode: RedisMode.Cluster },
                    rabbitmq: {},
                    objectStorage: {},
                });
            }),
            policy,
        );
    });

    it("fails a CloudNativePG Cluster with the operator's per-host anti-affinity, naming it", async () => {
        const d = expectOneViolation(
            await judge(() => customResource("pg", cnpg, "Cluster", { instances: 3, storage: { size: "1Gi" } })),
            policy,
            "pg",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Cluster default/pg has no zone spread: add a spec.topologySpreadConstraints entry on topology.kubernetes.io/zone or set spec.affinity.topologyKey to it.",
        );
        expectNoViolation(
            await judge(
                () =>
                    customResource("pg", cnpg, "Cluster", {
                        instances: 3,
                        storage: { size: "1Gi" },
                        topologySpreadConstraints: spread("DoNotSchedule"),
                    }),
                { [policy]: { requireHardSpread: true } },
            ),
            policy,
        );
    });

    it("fails a multi-pod StatefulSet without zone spread, ignores a single pod", async () => {
        expectOneViolation(await judge(() => statefulSet("db", { replicas: 3 })), policy, "db");
        expectNoViolation(await judge(() => statefulSet("db", { replicas: 1 })), policy);
    });

    it("checks a RedisCluster's leaders and followers separately", async () => {
        const v = violationsOf(
            await judge(() =>
                customResource("rc", otRedis, "RedisCluster", {
                    clusterSize: 3,
                    kubernetesConfig,
                    redisLeader: { topologySpreadConstraints: spread("DoNotSchedule") },
                }),
            ),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => d.message),
            ["RedisCluster default/rc: its followers (3) have no zone spread."],
        );
    });

    it("accepts RabbitMQ's own default zone spread, but not an override without the zone", async () => {
        expectNoViolation(
            await judge(() => customResource("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", { replicas: 3 })),
            policy,
        );
        expectOneViolation(
            await judge(() =>
                customResource("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", {
                    replicas: 3,
                    override: {
                        statefulSet: {
                            spec: {
                                template: {
                                    spec: { containers: [{ name: "rabbitmq" }], topologySpreadConstraints: [] },
                                },
                            },
                        },
                    },
                }),
            ),
            policy,
            "mq",
        );
    });

    it("with requireHardSpread, a preferred spread fails and an enforced one passes", async () => {
        const soft = () =>
            customResource("r", otRedis, "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig,
                topologySpreadConstraints: spread("ScheduleAnyway"),
            });
        expectNoViolation(await judge(soft), policy);
        const d = expectOneViolation(await judge(soft, { [policy]: { requireHardSpread: true } }), policy, "r");
        assert.match(d.message, /have no enforced zone spread/);
        const hard = () =>
            customResource("r", otRedis, "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig,
                topologySpreadConstraints: spread("DoNotSchedule"),
            });
        expectNoViolation(await judge(hard, { [policy]: { requireHardSpread: true } }), policy);
    });
});
