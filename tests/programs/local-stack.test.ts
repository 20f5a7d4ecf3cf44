import * as assert from "assert";
import { UnknownStackError, listStacks, loadStackConfig, runStack } from "../../scripts/harness/stacks";
import { plain } from "../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../helpers";
import {
    appEnv,
    countsByType,
    expectCleanVerdict,
    expectValidAndSecret,
    mandatoryWith,
    useStack,
} from "./stack-checks";

/** The stack file's own `pulumi-ha:postgres` (the backup destination), to add a key to it. */
function stackPostgres(): Record<string, unknown> {
    return JSON.parse(loadStackConfig("local")["pulumi-ha:postgres"]);
}

describe("stack local (GOTRS, seed 004)", () => {
    const s = useStack("local");

    it("is the embedded default stack; safeshare, aws and gcp are the others", () => {
        assert.deepStrictEqual(listStacks(), ["aws", "gcp", "local", "safeshare"]);
        assert.strictEqual(loadStackConfig("local")["pulumi-ha:topology"], "gotrs");
    });

    it("registers the operators, Postgres, Redis, RabbitMQ, object storage and the app tier", () => {
        assert.deepStrictEqual(countsByType(s.preview), {
            [T.ConfigMap]: 2,
            [T.Namespace]: 1,
            [T.Secret]: 6,
            [T.Service]: 1,
            [T.Deployment]: 1,
            [T.Hpa]: 1,
            [T.Ingress]: 1,
            [T.Pdb]: 2,
            [T.HelmRelease]: 5,
            [T.ConfigFile]: 1,
            [T.StorageClass]: 1,
            [T.NetworkPolicy]: 7,
            [T.BarmanObjectStore]: 1,
            [T.CephObjectStore]: 1,
            [T.ObjectBucketClaim]: 1,
            [T.CnpgCluster]: 1,
            [T.ScheduledBackup]: 1,
            [T.RabbitmqClusterCR]: 1,
            [T.RedisClusterCR]: 1,
            [T.AppTier]: 1,
            [T.KubernetesOperators]: 1,
            [T.ObjectStorage]: 1,
            [T.Platform]: 1,
            [T.PostgresCluster]: 1,
            [T.RabbitMQCluster]: 1,
            [T.RedisCluster]: 1,
            // The Platform's; Redis's AUTH password and Secret are the RedisCluster's own children (issue 8).
            [T.SharedSecret]: 1,
            [T.Stack]: 1,
            [T.RandomBytes]: 1,
            [T.RandomPassword]: 4,
            [T.TlsPrivateKey]: 4,
            [T.TlsSelfSignedCert]: 2,
            [T.TlsCertRequest]: 2,
            [T.TlsLocallySignedCert]: 2,
        });
    });

    it("runs the app at 3-20 pods (HPA on CPU 70 % / memory 80 %) with session affinity", () => {
        assert.strictEqual(inputsOf(one(s.preview, T.Deployment)).spec.replicas, 3);
        const hpa = inputsOf(one(s.preview, T.Hpa)).spec;
        assert.deepStrictEqual(
            [hpa.minReplicas, hpa.maxReplicas, hpa.metrics.map((m: any) => m.resource.target.averageUtilization)],
            [3, 20, [70, 80]],
        );
        assert.strictEqual(inputsOf(one(s.preview, T.Service)).spec.sessionAffinity, "ClientIP");
    });

    it("runs Postgres 3 with synchronous replication and PITR (WAL archiving, daily base backups, 14 days)", () => {
        const spec = inputsOf(one(s.preview, T.CnpgCluster)).spec;
        assert.deepStrictEqual(
            [spec.instances, spec.postgresql.synchronous.number, spec.plugins[0].isWALArchiver],
            [3, 1, true],
        );
        assert.strictEqual(inputsOf(one(s.preview, T.BarmanObjectStore)).spec.retentionPolicy, "14d");
        assert.strictEqual(inputsOf(one(s.preview, T.ScheduledBackup)).spec.cluster.name, "gotrs-postgres");
    });

    it("runs Redis as a 3 + 3 cluster and RabbitMQ as 3 nodes with quorum queues", () => {
        const redis = inputsOf(one(s.preview, T.RedisClusterCR)).spec;
        assert.deepStrictEqual(
            [redis.clusterSize, redis.redisLeader.replicas, redis.redisFollower.replicas],
            [3, 3, 3],
        );
        const mq = inputsOf(one(s.preview, T.RabbitmqClusterCR)).spec;
        assert.deepStrictEqual(
            [mq.replicas, mq.rabbitmq.additionalConfig.includes("default_queue_type = quorum")],
            [3, true],
        );
    });

    it("runs GOTRS as the stack file says: numeric user 1000, read-only root with its writable paths, probes on /health", () => {
        const pod = inputsOf(one(s.preview, T.Deployment)).spec.template.spec;
        assert.deepStrictEqual(
            [pod.securityContext.runAsUser, pod.securityContext.runAsGroup, pod.securityContext.fsGroup],
            [1000, 1000, 1000],
        );
        assert.deepStrictEqual(
            pod.containers[0].volumeMounts.map((m: any) => m.mountPath),
            ["/tmp", "/app/generated", "/home/appuser/.cache", "/app/config/.versions"],
        );
        assert.strictEqual(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
        assert.deepStrictEqual(
            [pod.containers[0].livenessProbe.httpGet.path, pod.containers[0].readinessProbe.httpGet.path],
            ["/health", "/health"],
        );
        assert.strictEqual(pod.containers[0].image, "ghcr.io/gotrs-io/gotrs-ce:0.6.4");
    });

    it("backs Postgres up outside the cluster, to the stack file's https bucket", () => {
        assert.strictEqual(
            inputsOf(one(s.preview, T.BarmanObjectStore)).spec.configuration.endpointURL,
            "https://s3.eu-central-1.amazonaws.com",
        );
    });

    it("installs no operator when the stack says the cluster runs them (pulumi-ha:installOperators: false)", async () => {
        const run = await runStack("local", { overrides: { installOperators: false } });
        assert.deepStrictEqual(
            [
                ofType(run, T.KubernetesOperators).length,
                ofType(run, T.HelmRelease).length,
                ofType(run, T.ConfigFile).length,
            ],
            [0, 0, 0],
        );
        assert.strictEqual(ofType(run, T.CnpgCluster).length, 1);
    });

    it("passes the whole policy pack with 0 violations (preview and update)", async () => {
        await expectCleanVerdict(s.pack, s.preview, s.update);
    });

    it("fails k8s-cnpg-ha on the Cluster when the stack turns synchronous replication off", async () => {
        assert.deepStrictEqual(
            await mandatoryWith(s.pack, "local", { postgres: { ...stackPostgres(), syncReplication: false } }),
            [["k8s-cnpg-ha", "gotrs-postgres"]],
        );
    });

    it("fails k8s-min-replicas on the Deployment when the stack's replicas is set to 1", async () => {
        const app = JSON.parse(loadStackConfig("local")["pulumi-ha:app"]);
        assert.deepStrictEqual(await mandatoryWith(s.pack, "local", { app: { ...app, replicas: 1 } }), [
            ["k8s-min-replicas", "gotrs"],
        ]);
    });

    it("gives DATABASE_URL and friends to the app only through secretKeyRef", () => {
        const env = appEnv(s.update);
        for (const key of [
            "DATABASE_URL",
            "DATABASE_READ_URL",
            "REDIS_URL",
            "REDIS_CA_CERT",
            "AMQP_URL",
            "AMQP_CA_CERT",
            "S3_ENDPOINT",
            "S3_BUCKET",
            "JWT_SECRET",
            "ENCRYPTION_KEY",
        ]) {
            assert.deepStrictEqual(env[key].valueFrom, { secretKeyRef: { name: "gotrs-env", key } }, key);
        }
        assert.ok(Object.values(env).every((e: any) => e.value === undefined));
    });

    it("emits only schema-valid objects and keeps every credential secret (update mode)", () => {
        expectValidAndSecret(s.update);
        assert.deepStrictEqual(
            plain(s.update.stackOutputs).databaseWriter,
            "gotrs-postgres-rw.gotrs.svc.cluster.local",
        );
    });

    it("rejects an unknown stack, listing the stacks there are", () => {
        assert.throws(
            () => loadStackConfig("prod"),
            (e: Error) =>
                e instanceof UnknownStackError &&
                /unknown stack "prod"; the stacks are: aws, gcp, local, safeshare/.test(e.message),
        );
    });

    it("rejects bad stack config with the key and the allowed values", async () => {
        await assert.rejects(
            runStack("local", { overrides: { topology: "kafka" } }),
            /config pulumi-ha:topology must be one of gotrs, safeshare \(got "kafka"\)/,
        );
        await assert.rejects(
            runStack("local", { overrides: { app: { image: "x", replica: 3 } } }),
            /config pulumi-ha:app has unknown keys replica; allowed: image, replicas/,
        );
        await assert.rejects(
            runStack("local", { overrides: { redis: [3] } }),
            /config pulumi-ha:redis must be an object of redis arguments/,
        );
        await assert.rejects(
            runStack("local", { overrides: { postgres: { instancs: 5 } } }),
            /config pulumi-ha:postgres has unknown keys instancs; allowed: target, profile, deletionProtection, aws, gcp, kubernetes, version, instances,/,
        );
        await assert.rejects(
            runStack("local", { overrides: { rabbitmq: { nodes: 2 } } }),
            /rabbitmq\.nodes: must be odd and at least 3/,
        );
        assert.strictEqual(ofType(s.update, T.Namespace).length, 1);
    });
});
