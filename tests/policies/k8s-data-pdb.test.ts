import * as assert from "assert";
import * as random from "@pulumi/random";
import { PostgresCluster, RabbitMQCluster, RedisCluster, RedisMode } from "../../components";
import { backupTo, cnpg, customResource, otRedis, pdb } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-data-pdb";
const kubernetesConfig = { image: "quay.io/opstree/redis:v8.2.2" };
const rabbit = () => customResource("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", { replicas: 3 });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes every data component's defaults (operator budgets on, ours where the operator makes none)", async () => {
        expectNoViolation(
            await judge(() => {
                new PostgresCluster("pg", { kubernetes: { backup: backupTo }, pooler: { enabled: true } });
                new RedisCluster("a", {});
                new RedisCluster("b", { mode: RedisMode.Cluster });
                new RabbitMQCluster("mq", {});
            }),
            policy,
        );
    });

    it("fails a RabbitmqCluster no budget selects (the operator makes none), naming it", async () => {
        const d = expectOneViolation(await judge(rabbit), policy, "mq");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "RabbitmqCluster default/mq: its nodes (3) have no PodDisruptionBudget; a node drain may evict several at once.",
        );
        expectNoViolation(
            await judge(() => {
                rabbit();
                pdb("mq", { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "mq" } } });
            }),
            policy,
        );
        // A budget in another namespace does not count.
        expectOneViolation(
            await judge(() => {
                rabbit();
                pdb(
                    "mq",
                    { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "mq" } } },
                    "other",
                );
            }),
            policy,
            "mq",
        );
    });

    it("fails a CloudNativePG Cluster with enablePDB false, and a Pooler without a budget", async () => {
        const d = expectOneViolation(
            await judge(() =>
                customResource("pg", cnpg, "Cluster", { instances: 3, enablePDB: false, storage: { size: "1Gi" } }),
            ),
            policy,
            "pg",
        );
        assert.match(d.message, /its instances \(3\) have no PodDisruptionBudget/);
        expectOneViolation(
            await judge(() =>
                customResource("pool", cnpg, "Pooler", { cluster: { name: "pg" }, instances: 2, pgbouncer: {} }),
            ),
            policy,
            "pool",
        );
    });

    it("fails Redis pod sets without the operator's opt-in budget, one report per set", async () => {
        const v = violationsOf(
            await judge(() =>
                customResource("rc", otRedis, "RedisCluster", {
                    clusterSize: 3,
                    kubernetesConfig,
                    redisLeader: { pdb: { enabled: true } },
                }),
            ),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => d.message),
            [
                "RedisCluster default/rc: its followers (3) have no PodDisruptionBudget; a node drain may evict several at once.",
            ],
        );
        expectOneViolation(
            await judge(() => customResource("r", otRedis, "RedisReplication", { clusterSize: 3, kubernetesConfig })),
            policy,
            "r",
        );
    });

    it("ignores single-pod sets, and takes its threshold from config", async () => {
        expectNoViolation(
            await judge(() => customResource("r", otRedis, "RedisReplication", { clusterSize: 1, kubernetesConfig })),
            policy,
        );
        expectNoViolation(await judge(rabbit, { [policy]: { minPods: 5 } }), policy);
    });

    it("never fails on a covering budget whose selector, spec, name or namespace is unknown at preview; judges it at update", async () => {
        // Known only after create: unknown at preview, the value at update.
        const later = <T>(name: string, value: T) =>
            new random.RandomInteger(name, { min: 1, max: 1 }).result.apply(() => value);
        const budgets = {
            selector: () =>
                pdb("mq", {
                    maxUnavailable: 1,
                    selector: { matchLabels: { "app.kubernetes.io/name": later("s", "mq") } },
                }),
            spec: () =>
                pdb("mq", {
                    maxUnavailable: later("u", 1),
                    selector: later("s", { matchLabels: { "app.kubernetes.io/name": "mq" } }),
                }),
            namespace: () =>
                pdb(
                    "mq",
                    { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "mq" } } },
                    later("n", "default"),
                ),
            pooler: () =>
                pdb("pool", {
                    maxUnavailable: 1,
                    selector: { matchLabels: { "cnpg.io/poolerName": later("s", "other") } },
                }),
        };
        for (const [what, budget] of Object.entries(budgets)) {
            const program = () => {
                if (what === "pooler")
                    customResource("pool", cnpg, "Pooler", { cluster: { name: "pg" }, instances: 2, pgbouncer: {} });
                else rabbit();
                budget();
            };
            const preview = await judge(program, {}, true);
            expectNoViolation(preview, policy);
            assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1, what);
            // At update the budget is known: the RabbitMQ ones cover the nodes, the Pooler's selects another pooler.
            const update = violationsOf(await judge(program), policy);
            assert.deepStrictEqual(
                update.map((d) => d.urn.split("::").pop()),
                what === "pooler" ? ["pool"] : [],
                what,
            );
        }
    });
});
