import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import { PgBouncerPoolMode, PostgresCluster, PostgresClusterArgs, Profile, Target } from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../helpers";
import { expectCredentialsOnlyInSecrets, expectRejected, expectValidObjects } from "./services";

// The inputs sent to the Kubernetes provider and their validity against CloudNativePG's
// CRDs, not that the operator reconciles them on a cluster.

const destination = { bucket: "backups", endpoint: "https://s3.example.com", credentialsSecretName: "backup-keys" };
const prod: PostgresClusterArgs = { kubernetes: { namespace: "data", backup: { destination } } };

function runPostgres(args: PostgresClusterArgs = prod, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            new PostgresCluster("pg", args);
        },
        { preview },
    );
}

describe("PostgresCluster (Kubernetes, CloudNativePG)", () => {
    describe("production defaults", () => {
        let run: RunResult;
        before(async () => {
            run = await runPostgres();
        });

        it("registers a Cluster, its app Secret and password, a Barman ObjectStore and a ScheduledBackup", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, T.PostgresCluster, "pg")),
                [
                    T.BarmanObjectStore,
                    T.CnpgCluster,
                    T.NetworkPolicy,
                    T.ScheduledBackup,
                    T.Secret,
                    T.RandomPassword,
                ].sort(),
            );
        });

        it("runs 3 instances with synchronous replication (any 1, durability required) and operator PDBs", () => {
            const spec = inputsOf(one(run, T.CnpgCluster)).spec;
            assert.strictEqual(spec.instances, 3);
            assert.deepStrictEqual(spec.postgresql.synchronous, {
                method: "any",
                number: 1,
                dataDurability: "required",
            });
            assert.strictEqual(spec.enablePDB, true);
            assert.strictEqual(spec.primaryUpdateMethod, "switchover");
        });

        it("spreads instances over ≥ 3 zones strictly (spread constraint) and prefers other zones (anti-affinity)", () => {
            const spec = inputsOf(one(run, T.CnpgCluster)).spec;
            assert.deepStrictEqual(spec.topologySpreadConstraints, [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "DoNotSchedule",
                    minDomains: 3,
                    labelSelector: { matchLabels: { "cnpg.io/cluster": "pg" } },
                },
            ]);
            assert.deepStrictEqual(spec.affinity, {
                enablePodAntiAffinity: true,
                topologyKey: "topology.kubernetes.io/zone",
                podAntiAffinityType: "preferred",
            });
        });

        it("archives WAL through the Barman Cloud plugin to an ObjectStore with 7-day retention, and backs up daily from now", () => {
            const spec = inputsOf(one(run, T.CnpgCluster)).spec;
            assert.deepStrictEqual(spec.plugins, [
                {
                    name: "barman-cloud.cloudnative-pg.io",
                    isWALArchiver: true,
                    parameters: { barmanObjectName: "pg-backups" },
                },
            ]);
            assert.strictEqual(spec.backup, undefined, "the deprecated in-tree barmanObjectStore is not used");
            const store = inputsOf(one(run, T.BarmanObjectStore));
            assert.strictEqual(store.metadata.name, "pg-backups");
            assert.strictEqual(store.spec.retentionPolicy, "7d");
            assert.strictEqual(store.spec.configuration.destinationPath, "s3://backups/pg");
            assert.strictEqual(store.spec.configuration.endpointURL, "https://s3.example.com");
            assert.deepStrictEqual(store.spec.configuration.s3Credentials.accessKeyId, {
                name: "backup-keys",
                key: "AWS_ACCESS_KEY_ID",
            });
            const sb = inputsOf(one(run, T.ScheduledBackup)).spec;
            assert.deepStrictEqual(
                [sb.schedule, sb.cluster.name, sb.method, sb.pluginConfiguration.name, sb.immediate],
                ["0 0 2 * * *", "pg", "plugin", "barman-cloud.cloudnative-pg.io", true],
            );
        });

        it("outputs the -rw, -ro and -r endpoints and secret URLs with TLS required", () => {
            const out = plain(one(run, T.PostgresCluster).outputs);
            assert.strictEqual(out.writerEndpoint, "pg-rw.data.svc.cluster.local");
            assert.strictEqual(out.readerEndpoint, "pg-ro.data.svc.cluster.local");
            assert.strictEqual(out.anyEndpoint, "pg-r.data.svc.cluster.local");
            assert.match(
                out.writerUrl,
                /^postgres:\/\/app:[A-Za-z0-9]{32}@pg-rw\.data\.svc\.cluster\.local:5432\/app\?sslmode=require$/,
            );
            assert.match(out.readerUrl, /@pg-ro\.data\.svc\.cluster\.local:5432\/app\?sslmode=require$/);
        });

        it("keeps credentials secret: outputs, the Secret's data, and nowhere in plain text", () => {
            const outputs = one(run, T.PostgresCluster).outputs;
            for (const key of ["credentials", "writerUrl", "readerUrl"])
                assert.ok(isSecret(outputs[key]), `${key} is secret`);
            for (const key of ["writerEndpoint", "readerEndpoint", "port", "database"])
                assert.ok(!isSecret(outputs[key]), `${key} is plain`);
            const s = one(run, T.Secret);
            assert.strictEqual(plain(s.inputs).type, "kubernetes.io/basic-auth");
            assert.ok(isSecret(s.inputs.stringData));
            assert.strictEqual(
                inputsOf(one(run, T.CnpgCluster)).spec.bootstrap.initdb.secret.name,
                "pg-app-credentials",
            );
            expectCredentialsOnlyInSecrets(run);
        });

        it("protects the stateful resources (deletion protection) and not the password", () => {
            for (const t of [T.CnpgCluster, T.BarmanObjectStore, T.ScheduledBackup])
                assert.strictEqual(one(run, t).options.protect, true, t);
            assert.ok(!one(run, T.RandomPassword).options.protect);
        });

        it("emits objects valid against the Kubernetes schema and the CloudNativePG / Barman CRDs", () => {
            assert.deepStrictEqual(expectValidObjects(run), { core: 2, custom: 3 });
        });
    });

    it("lets deletion protection be switched off explicitly in production", async () => {
        const run = await runPostgres({ ...prod, deletionProtection: false });
        for (const t of [T.CnpgCluster, T.BarmanObjectStore, T.ScheduledBackup])
            assert.ok(!one(run, t).options.protect, t);
    });

    it("holds the Cluster back until the operators it depends on (the component's dependsOn) exist", async () => {
        const run = await runProgram(() => {
            const operator = new k8s.core.v1.ConfigMap("operator-stand-in", {});
            new PostgresCluster("pg", prod, { dependsOn: [operator] });
        });
        const operatorUrn = one(run, T.ConfigMap).urn;
        assert.ok(one(run, T.CnpgCluster).dependencies.includes(operatorUrn));
        assert.ok(one(run, T.BarmanObjectStore).dependencies.includes(operatorUrn));
    });

    it("adds a PgBouncer Pooler (transaction mode, 3 pods, zone spread, own PDB) and routes writerUrl through it", async () => {
        const run = await runPostgres({ ...prod, pooler: { enabled: true } });
        const pooler = inputsOf(one(run, T.Pooler));
        assert.deepStrictEqual(
            [pooler.metadata.name, pooler.spec.instances, pooler.spec.type, pooler.spec.pgbouncer.poolMode],
            ["pg-pooler-rw", 3, "rw", "transaction"],
        );
        assert.strictEqual(
            pooler.spec.template.spec.topologySpreadConstraints[0].topologyKey,
            "topology.kubernetes.io/zone",
        );
        assert.deepStrictEqual(inputsOf(one(run, T.Pdb)).spec.selector.matchLabels, {
            "cnpg.io/poolerName": "pg-pooler-rw",
        });
        const out = plain(one(run, T.PostgresCluster).outputs);
        assert.match(out.writerUrl, /@pg-pooler-rw\.data\.svc\.cluster\.local:5432\//);
        assert.strictEqual(out.writerEndpoint, "pg-rw.data.svc.cluster.local");
        expectValidObjects(run);
    });

    it("takes overrides: version, instances, storage, database, owner, retention, schedule", async () => {
        const run = await runPostgres({
            ...prod,
            version: "16.10",
            instances: 5,
            storageGiB: 100,
            database: "gotrs",
            owner: "gotrs",
            backup: { retentionDays: 30 },
            kubernetes: {
                namespace: "data",
                storageClass: "fast-ssd",
                backup: { destination, schedule: "0 30 1 * * *" },
            },
        });
        const spec = inputsOf(one(run, T.CnpgCluster)).spec;
        assert.deepStrictEqual(
            [spec.imageName, spec.instances, spec.storage],
            ["ghcr.io/cloudnative-pg/postgresql:16.10-standard-trixie", 5, { size: "100Gi", storageClass: "fast-ssd" }],
        );
        assert.deepStrictEqual(spec.bootstrap.initdb.database, "gotrs");
        assert.strictEqual(inputsOf(one(run, T.BarmanObjectStore)).spec.retentionPolicy, "30d");
        assert.strictEqual(inputsOf(one(run, T.ScheduledBackup)).spec.schedule, "0 30 1 * * *");
        assert.match(plain(one(run, T.PostgresCluster).outputs).writerUrl, /^postgres:\/\/gotrs:.*\/gotrs\?/);
    });

    it("development: one instance, no sync, no backups, best-effort spread, no protection — only when asked", async () => {
        const run = await runPostgres({ profile: Profile.Development });
        const spec = inputsOf(one(run, T.CnpgCluster)).spec;
        assert.deepStrictEqual(
            [spec.instances, spec.postgresql, spec.topologySpreadConstraints[0].whenUnsatisfiable, spec.plugins],
            [1, {}, "ScheduleAnyway", undefined],
        );
        assert.strictEqual(ofType(run, T.BarmanObjectStore).length, 0);
        assert.ok(!one(run, T.CnpgCluster).options.protect);
    });

    describe("rejects bad arguments before registering anything", () => {
        const reject = (args: PostgresClusterArgs, ...patterns: RegExp[]) =>
            expectRejected(
                () => {
                    new PostgresCluster("pg", args);
                },
                ...patterns,
            );

        it("sync replication with one instance", () =>
            reject({ ...prod, instances: 1 }, /^syncReplication: needs at least 2 instances \(got instances 1\)/));
        it("instances out of range", () =>
            reject(
                { ...prod, instances: 0 },
                /^instances: must be an integer from 1 to 9 \(got 0\)/,
                /^syncReplication/,
            ));
        it("a bad version", () =>
            reject({ ...prod, version: "latest" }, /^version: must be a PostgreSQL major version/));
        it("a bad storage size", () =>
            reject({ ...prod, storageGiB: 0 }, /^storageGiB: must be an integer from 1 to 65536 \(got 0\)/));
        it("bad database and owner names", () =>
            reject(
                { ...prod, database: "My-DB", owner: "1x" },
                /^database: must be a lower-case SQL identifier/,
                /^owner: must be a lower-case SQL identifier/,
            ));
        it("backups without a destination in production", () =>
            reject({}, /^kubernetes\.backup\.destination: is required when backups are enabled/));
        it("backups off in production", () =>
            reject({ backup: { enabled: false } }, /^backup\.enabled: cannot be false in the production profile/));
        it("retention under 7 days in production", () =>
            reject(
                { ...prod, backup: { retentionDays: 3 } },
                /^backup\.retentionDays: must be an integer from 7 to 3650 \(got 3\)/,
            ));
        it("a bad backup path, key names and Secret name", () =>
            reject(
                {
                    kubernetes: {
                        backup: {
                            destination: {
                                ...destination,
                                path: "/abs/",
                                accessKeyIdKey: "id key",
                                secretAccessKeyKey: "",
                                credentialsSecretName: "Keys!",
                            },
                        },
                    },
                },
                /^kubernetes\.backup\.destination\.path: must be a relative object prefix/,
                /^kubernetes\.backup\.destination\.accessKeyIdKey: must be a Secret key/,
                /^kubernetes\.backup\.destination\.secretAccessKeyKey: must be a Secret key/,
                /^kubernetes\.backup\.destination\.credentialsSecretName: must be a Kubernetes object name/,
            ));
        it("a five-field cron schedule", () =>
            reject(
                { kubernetes: { backup: { destination, schedule: "0 2 * * *" } } },
                /^kubernetes\.backup\.schedule: must be a six-field cron expression/,
            ));
        it("a bad pooler", () =>
            reject(
                { ...prod, pooler: { enabled: true, instances: 0, poolMode: "statement" as PgBouncerPoolMode } },
                /^pooler\.instances/,
                /^pooler\.poolMode: must be one of "session", "transaction"/,
            ));
        it("an unknown target and profile", () =>
            reject(
                { ...prod, target: "azure" as Target, profile: "prod" as Profile },
                /^target: must be one of "kubernetes", "aws", "gcp" \(got "azure"\)/,
                /^profile: must be one of "production", "development" \(got "prod"\)/,
            ));
        it("target gcp without its network, and another cloud's specifics beside it", () =>
            reject(
                { ...prod, target: Target.Gcp, aws: {} },
                /^gcp\.network: is required on target gcp/,
                /^aws: must be left out with target "gcp"/,
            ));
    });
});
