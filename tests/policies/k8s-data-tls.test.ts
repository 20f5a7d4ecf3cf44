import * as assert from "assert";
import { PostgresCluster, RabbitMQCluster, RedisCluster, RedisMode } from "../../components";
import { backupTo, cnpg, customResource, otRedis } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-data-tls";
const kubernetesConfig = { image: "quay.io/opstree/redis:v8.2.2" };
const TLS = { ca: "ca.crt", cert: "tls.crt", key: "tls.key", secret: { secretName: "redis-tls" } };

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the production defaults of Redis (both modes), RabbitMQ and Postgres", async () => {
        expectNoViolation(
            await judge(() => {
                new RedisCluster("a", {});
                new RedisCluster("b", { mode: RedisMode.Cluster });
                new RabbitMQCluster("mq", {});
                new PostgresCluster("pg", { kubernetes: { backup: backupTo } });
            }),
            policy,
        );
    });

    it("fails Redis without TLS, naming the resource (mandatory)", async () => {
        const d = expectOneViolation(
            await judge(() =>
                customResource("cache", otRedis, "RedisReplication", { clusterSize: 3, kubernetesConfig }),
            ),
            policy,
            "cache",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "RedisReplication default/cache serves Redis without TLS (no spec.TLS.secret.secretName).",
        );
        expectNoViolation(
            await judge(() =>
                customResource("cache", otRedis, "RedisReplication", { clusterSize: 3, kubernetesConfig, TLS }),
            ),
            policy,
        );
    });

    it("fails RabbitMQ without TLS, and with plain listeners left on unless allowed", async () => {
        const mq = (tls?: Record<string, unknown>) => () =>
            customResource("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", { replicas: 3, tls });
        assert.match(expectOneViolation(await judge(mq()), policy, "mq").message, /serves AMQP without TLS/);
        assert.match(
            expectOneViolation(await judge(mq({ secretName: "mq-tls" })), policy, "mq").message,
            /keeps its plain AMQP listeners/,
        );
        expectNoViolation(
            await judge(mq({ secretName: "mq-tls" }), { [policy]: { allowPlainListeners: true } }),
            policy,
        );
        expectNoViolation(await judge(mq({ secretName: "mq-tls", disableNonTLSListeners: true })), policy);
    });

    it("fails a Postgres pg_hba rule that admits clients without TLS", async () => {
        const d = expectOneViolation(
            await judge(() =>
                customResource("pg", cnpg, "Cluster", {
                    instances: 3,
                    storage: { size: "1Gi" },
                    postgresql: { pg_hba: ["hostssl all all 10.0.0.0/8 scram-sha-256", "host all all 0.0.0.0/0 md5"] },
                }),
            ),
            policy,
            "pg",
        );
        assert.match(d.message, /admits clients without TLS: pg_hba "host all all 0\.0\.0\.0\/0 md5" \(use hostssl\)/);
    });

    it("a development RedisCluster (TLS off) fails it on the replication and its Sentinels", async () => {
        const v = violationsOf(
            await judge(() => {
                new RedisCluster("dev", { profile: "development" });
            }),
            policy,
        );
        assert.deepStrictEqual(v.map((d) => d.urn.split("::").pop()).sort(), ["dev", "dev-sentinel"]);
    });
});
