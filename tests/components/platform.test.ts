import * as assert from "assert";
import { ObjectStorageMode, Platform, PlatformArgs, RedisMode } from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../helpers";
import { expectCredentialsOnlyInSecrets, expectRejected, expectValidObjects } from "./services";

// What the Platform registers and wires, under the mock engine; not a deployment.

const full: PlatformArgs = {
    kubernetes: { namespace: "shop" },
    app: { image: "ghcr.io/acme/shop:1.0.0" },
    // Backups in the in-cluster bucket must be accepted explicitly, with a reason.
    postgres: {
        kubernetes: { backup: { inClusterReason: "the Ceph cluster mirrors the bucket to a second site" } },
    },
    redis: { mode: RedisMode.Cluster },
    rabbitmq: {},
    objectStorage: { bucket: "shop-files", kubernetes: { mode: ObjectStorageMode.InCluster } },
};

function runPlatform(args: PlatformArgs = full): Promise<RunResult> {
    return runProgram(() => {
        new Platform("shop", args);
    });
}

const connectionKeys = [
    "AMQP_CA_CERT",
    "AMQP_URL",
    "DATABASE_READ_URL",
    "DATABASE_URL",
    "REDIS_CA_CERT",
    "REDIS_URL",
    "S3_BUCKET",
    "S3_ENDPOINT",
    "S3_FORCE_PATH_STYLE",
    "S3_REGION",
];

describe("Platform (Kubernetes)", () => {
    describe("an app with Postgres, Redis, RabbitMQ and object storage", () => {
        let run: RunResult;
        before(async () => {
            run = await runPlatform();
        });

        it("creates the operators, each service, one SharedSecret and the AppTier under one component", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, T.Platform)),
                [
                    T.AppTier,
                    T.KubernetesOperators,
                    T.NetworkPolicy,
                    T.ObjectStorage,
                    T.PostgresCluster,
                    T.RabbitMQCluster,
                    T.RedisCluster,
                    T.SharedSecret,
                ].sort(),
            );
            const operators = childTypes(run, one(run, T.KubernetesOperators));
            assert.deepStrictEqual(
                operators,
                [T.HelmRelease, T.HelmRelease, T.HelmRelease, T.HelmRelease, T.HelmRelease, T.ConfigFile].sort(),
            );
            assert.deepStrictEqual(
                ofType(run, T.HelmRelease)
                    .map((r) => plain(r.inputs).chart)
                    .sort(),
                ["cert-manager", "cloudnative-pg", "plugin-barman-cloud", "redis-operator", "rook-ceph"],
            );
        });

        it("holds one Secret with every connection setting and the app's generated secrets (JWT, encryption key)", () => {
            const env = ofType(run, T.SharedSecret).find((s) => s.name === "shop-env")!;
            const secret = ofType(run, T.Secret).find((s) => s.parent === env.urn)!;
            assert.ok(isSecret(secret.inputs.stringData));
            const data = plain(secret.inputs).stringData;
            assert.deepStrictEqual(
                Object.keys(data).sort(),
                [...connectionKeys, "ENCRYPTION_KEY", "JWT_SECRET"].sort(),
            );
            assert.match(
                data.DATABASE_URL,
                /^postgres:\/\/app:[A-Za-z0-9]{32}@shop-postgres-rw\.shop\.svc\.cluster\.local:5432\/app\?sslmode=require$/,
            );
            assert.match(data.DATABASE_READ_URL, /@shop-postgres-ro\.shop\.svc/);
            assert.match(
                data.REDIS_URL,
                /^rediss:\/\/:[A-Za-z0-9]{32}@shop-redis-leader\.shop\.svc\.cluster\.local:6379$/,
            );
            assert.match(
                data.AMQP_URL,
                /^amqps:\/\/app:[A-Za-z0-9]{32}@shop-rabbitmq\.shop\.svc\.cluster\.local:5671\/$/,
            );
            assert.match(data.REDIS_CA_CERT, /^-----BEGIN CERTIFICATE-----\n/);
            assert.notStrictEqual(data.REDIS_CA_CERT, data.AMQP_CA_CERT, "each service has its own CA");
            assert.deepStrictEqual(
                [data.S3_BUCKET, data.S3_ENDPOINT, data.S3_FORCE_PATH_STYLE],
                ["shop-files", "http://rook-ceph-rgw-shop-storage.rook-ceph.svc.cluster.local:80", "true"],
            );
            assert.match(data.ENCRYPTION_KEY, /^[0-9a-f]{64}$/);
            assert.strictEqual(data.JWT_SECRET.length, 64);
        });

        it("the same password reaches Postgres and the app: DATABASE_URL carries the Cluster's own credentials", () => {
            const pgSecret = ofType(run, T.Secret).find((s) => s.name === "shop-postgres-app-credentials")!;
            const { password } = plain(pgSecret.inputs).stringData;
            const env = plain(ofType(run, T.Secret).find((s) => s.name === "shop-env")!.inputs).stringData;
            assert.ok(env.DATABASE_URL.includes(`:${password}@`));
        });

        it("gives the app every setting only through secretKeyRef (no literal, no ConfigMap)", () => {
            const container = inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0];
            const byName = Object.fromEntries(container.env.map((e: any) => [e.name, e]));
            for (const key of [...connectionKeys, "ENCRYPTION_KEY", "JWT_SECRET"]) {
                assert.deepStrictEqual(
                    byName[key],
                    { name: key, valueFrom: { secretKeyRef: { name: "shop-env", key } } },
                    key,
                );
            }
            // The bucket keys stay in the claim's Secret, which Rook writes.
            assert.deepStrictEqual(byName.AWS_ACCESS_KEY_ID.valueFrom.secretKeyRef, {
                name: "shop-storage",
                key: "AWS_ACCESS_KEY_ID",
            });
            assert.deepStrictEqual(byName.AWS_SECRET_ACCESS_KEY.valueFrom.secretKeyRef, {
                name: "shop-storage",
                key: "AWS_SECRET_ACCESS_KEY",
            });
            assert.ok(
                container.env.every((e: any) => e.value === undefined),
                "no env var has a literal value",
            );
        });

        it("backs Postgres up to the platform's bucket with the bucket's keys, recording why that may stay in the cluster", () => {
            const objectStore = inputsOf(one(run, T.BarmanObjectStore));
            assert.strictEqual(
                objectStore.metadata.annotations["pulumi-ha.io/backup-in-cluster-reason"],
                "the Ceph cluster mirrors the bucket to a second site",
            );
            const store = objectStore.spec.configuration;
            assert.strictEqual(store.destinationPath, "s3://shop-files/postgres");
            assert.strictEqual(store.endpointURL, "http://rook-ceph-rgw-shop-storage.rook-ceph.svc.cluster.local:80");
            assert.deepStrictEqual(store.s3Credentials.secretAccessKey, {
                name: "shop-storage",
                key: "AWS_SECRET_ACCESS_KEY",
            });
        });

        it("makes each service's custom resources wait for its operator", () => {
            const release = (chart: string) =>
                ofType(run, T.HelmRelease).find((r) => plain(r.inputs).chart === chart)!.urn;
            assert.ok(one(run, T.CnpgCluster).dependencies.includes(release("cloudnative-pg")));
            assert.ok(one(run, T.CnpgCluster).dependencies.includes(release("plugin-barman-cloud")));
            assert.ok(one(run, T.RedisClusterCR).dependencies.includes(release("redis-operator")));
            assert.ok(one(run, T.RabbitmqClusterCR).dependencies.includes(one(run, T.ConfigFile).urn));
            assert.ok(one(run, T.CephObjectStore).dependencies.includes(release("rook-ceph")));
            const barman = ofType(run, T.HelmRelease).find((r) => plain(r.inputs).chart === "plugin-barman-cloud")!;
            assert.ok(
                barman.dependencies.includes(release("cert-manager")),
                "the Barman plugin waits for cert-manager",
            );
        });

        it("puts everything in the platform's namespace, labelled part-of the platform", () => {
            for (const t of [T.CnpgCluster, T.RedisClusterCR, T.RabbitmqClusterCR, T.ObjectBucketClaim, T.Deployment]) {
                const md = inputsOf(one(run, t)).metadata;
                assert.deepStrictEqual([md.namespace, md.labels["app.kubernetes.io/part-of"]], ["shop", "shop"], t);
            }
        });

        it("keeps every password and URL secret in every recorded input and output", () => {
            const { passwords, privateKeys } = expectCredentialsOnlyInSecrets(run);
            assert.deepStrictEqual(
                [passwords.length, privateKeys.length],
                [4, 4],
                "passwords: Postgres, Redis, RabbitMQ, JWT; keys: a CA and a server key each for Redis and RabbitMQ",
            );
            const out = one(run, T.Platform).outputs;
            assert.deepStrictEqual(
                plain([out.databaseWriterEndpoint, out.redisEndpoint, out.amqpEndpoint, out.bucket]),
                [
                    "shop-postgres-rw.shop.svc.cluster.local",
                    "shop-redis-leader.shop.svc.cluster.local",
                    "shop-rabbitmq.shop.svc.cluster.local",
                    "shop-files",
                ],
            );
        });

        it("fences the namespace: default-deny ingress, then exactly the allows each part needs", () => {
            const policies = ofType(run, T.NetworkPolicy).map((r) => inputsOf(r));
            const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress)!;
            assert.deepStrictEqual([deny.metadata.namespace, deny.spec.policyTypes], ["shop", ["Ingress"]]);
            const selecting = (labels: Record<string, string>) =>
                policies.filter(
                    (p) =>
                        Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
                        p.spec.ingress,
                );
            const clients = { podSelector: { matchLabels: { "app.kubernetes.io/part-of": "shop" } } };
            // The app: the ingress controller's namespace is not needed without an Ingress; the platform's own pods are.
            const app = selecting({
                "app.kubernetes.io/name": "shop",
                "app.kubernetes.io/instance": "shop",
                "app.kubernetes.io/component": "app",
            });
            assert.strictEqual(app.length, 1);
            assert.deepStrictEqual(app[0].spec.ingress, [
                { from: [clients], ports: [{ protocol: "TCP", port: "http" }] },
            ]);
            // Out: its namespace, and Rook's, where its bucket's gateway runs.
            assert.deepStrictEqual(app[0].spec.egress[1].to, [
                { podSelector: {} },
                { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "rook-ceph" } } },
            ]);
            const pg = selecting({ "cnpg.io/cluster": "shop-postgres" });
            assert.deepStrictEqual(pg[0].spec.ingress[0].from[0], {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "cnpg-system" } },
            });
            assert.deepStrictEqual(pg[0].spec.ingress[1], {
                from: [clients],
                ports: [{ protocol: "TCP", port: 5432 }],
            });
            for (const role of ["leader", "follower"]) {
                const redis = selecting({ app: `shop-redis-${role}` });
                assert.deepStrictEqual(
                    redis[0].spec.ingress[0].ports.map((p: any) => p.port),
                    [6379, 16379],
                    role,
                );
            }
            const mq = selecting({ "app.kubernetes.io/name": "shop-rabbitmq" });
            assert.deepStrictEqual(
                mq[0].spec.ingress[2],
                { from: [clients], ports: [{ protocol: "TCP", port: 5671 }] },
                "clients reach AMQPS only",
            );
            const rgw = selecting({ app: "rook-ceph-rgw", rook_object_store: "shop-storage" });
            assert.deepStrictEqual(
                [rgw[0].metadata.namespace, rgw[0].spec.ingress[0].ports],
                ["rook-ceph", [{ protocol: "TCP", port: 8080 }]],
            );
            // Postgres instances carry a label that admits them to the bucket they back up to, and only there.
            const backupClient = { "pulumi-ha.io/object-storage-client": "true" };
            assert.deepStrictEqual(inputsOf(one(run, T.CnpgCluster)).spec.inheritedMetadata, { labels: backupClient });
            assert.deepStrictEqual(rgw[0].spec.ingress[0].from[2].podSelector, { matchLabels: backupClient });
            const redisPeers = JSON.stringify(selecting({ app: "shop-redis-leader" })[0].spec.ingress);
            assert.ok(!redisPeers.includes("object-storage-client"), "the backup label opens no other service");
        });

        it("emits objects valid against the Kubernetes schema and every operator's CRD", () => {
            assert.deepStrictEqual(expectValidObjects(run), { core: 20, custom: 7 });
        });
    });

    it("installs only what the declared services need, or nothing when the cluster runs them already", async () => {
        const small = await runPlatform({ app: full.app, redis: {} });
        assert.deepStrictEqual(
            ofType(small, T.HelmRelease).map((r) => plain(r.inputs).chart),
            ["redis-operator"],
        );
        assert.strictEqual(ofType(small, T.ConfigFile).length, 0);
        const data = plain(ofType(small, T.Secret).find((s) => s.name === "shop-env")!.inputs).stringData;
        assert.deepStrictEqual(Object.keys(data).sort(), [
            "ENCRYPTION_KEY",
            "JWT_SECRET",
            "REDIS_CA_CERT",
            "REDIS_URL",
        ]);
        const none = await runPlatform({
            ...full,
            kubernetes: { ...full.kubernetes, installOperators: false },
            networkPolicies: false,
        });
        assert.strictEqual(ofType(none, T.NetworkPolicy).length, 0, "networkPolicies: false turns every policy off");
        assert.strictEqual(ofType(none, T.KubernetesOperators).length, 0);
        assert.strictEqual(ofType(none, T.HelmRelease).length, 0);
    });

    it("takes the app's own secrets and an external bucket", async () => {
        const run = await runPlatform({
            app: full.app,
            appSecrets: { SESSION_KEY: { length: 48 } },
            objectStorage: {
                kubernetes: {
                    mode: ObjectStorageMode.External,
                    external: { endpoint: "https://minio.example.com", credentialsSecretName: "minio-keys" },
                },
            },
        });
        const data = plain(ofType(run, T.Secret).find((s) => s.name === "shop-env")!.inputs).stringData;
        assert.deepStrictEqual(Object.keys(data).sort(), [
            "S3_BUCKET",
            "S3_ENDPOINT",
            "S3_FORCE_PATH_STYLE",
            "S3_REGION",
            "SESSION_KEY",
        ]);
        assert.strictEqual(data.S3_FORCE_PATH_STYLE, "false");
        assert.strictEqual(ofType(run, T.KubernetesOperators).length, 1);
        assert.strictEqual(ofType(run, T.HelmRelease).length, 0, "an external bucket needs no operator");
    });

    describe("rejects bad arguments of any part before registering anything", () => {
        it("lists every problem of every service and the app, prefixed by the part", () =>
            expectRejected(
                () => {
                    new Platform("shop", {
                        app: { image: "", secretEnv: { DATABASE_URL: { secretName: "mine", key: "url" } } },
                        postgres: { instances: 1 },
                        rabbitmq: { nodes: 4 },
                        redis: { mode: RedisMode.Cluster, shards: 2 },
                    });
                },
                /^postgres\.syncReplication: needs at least 2 instances/,
                /^postgres\.kubernetes\.backup\.destination: is required when backups are enabled/,
                /^redis\.shards: must be an integer from 3 to 100/,
                /^rabbitmq\.nodes: must be odd and at least 3/,
                /^app\.secretEnv\.DATABASE_URL: is set by the Platform from its services/,
                /^app\.image: must be a non-empty string/,
            ));

        it("an app secret env var that appSecrets also generates (JWT_SECRET by default)", () =>
            expectRejected(() => {
                new Platform("shop", {
                    app: { ...full.app, secretEnv: { JWT_SECRET: { secretName: "mine", key: "jwt" } } },
                });
            }, /^app\.secretEnv\.JWT_SECRET: is also generated by appSecrets; a variable has one source/));

        it("an app secret named like a connection setting, and a bad key", () =>
            expectRejected(
                () => {
                    new Platform("shop", { app: full.app, appSecrets: { REDIS_URL: {}, "bad key": {} } });
                },
                /^appSecrets\.REDIS_URL: is set by the Platform/,
                /^appSecrets\.bad key: must be a Secret key/,
            ));

        it("Postgres backups in the in-cluster bucket without a reason (losing the cluster would lose them)", () =>
            expectRejected(() => {
                new Platform("shop", { ...full, postgres: {} });
            }, /^postgres\.kubernetes\.backup\.destination: is required: the platform's bucket is inside the cluster \(Rook\)/));

        it("a cloud's settings with another target", () =>
            expectRejected(() => {
                new Platform("shop", { ...full, gcp: { region: "europe-west1" } });
            }, /^gcp: applies only with target "gcp" \(got target "kubernetes"\)/));
    });
});
