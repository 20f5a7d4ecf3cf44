// Proves the inputs PostgresCluster (target gcp) sends to the GCP and random providers, and what it
// refuses before registering anything; not that Cloud SQL accepts them (the mock engine accepts
// anything) nor that it fails over or restores as configured.
import * as assert from "assert";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import {
    CloudSqlEdition,
    CloudSqlSslMode,
    PostgresCluster,
    PostgresClusterArgs,
    PostgresGcpArgs,
    Platform,
    Profile,
    Target,
} from "../../../components";
import { gcpPostgres, replicaZones } from "../../../components/backends/gcp/postgres";
import { PostgresPlanContext } from "../../../components/backends/backend";
import {
    cloudSqlAvailability,
    cloudSqlDiskType,
    cloudSqlPostgresMajors,
    cloudSqlUpdateTracks,
    cloudSqlUserAbandon,
    databaseVersionOf,
} from "../../../components/backends/gcp/postgres-pins";
import { RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { inputsOf, ofType, one } from "../../helpers";
import { sharedPolicyPack } from "../../policies/shared-pack";
import { expectCredentialsOnlyInSecrets, expectRejected } from "../services";
import { passwordAlphabet, passwordMinimums, planRejection, resolvedPostgres, runPlanned } from "../aws/run-backend";
import { documented as documentedIn } from "./provider-docs";

const G = {
    Instance: "gcp:sql/databaseInstance:DatabaseInstance",
    Database: "gcp:sql/database:Database",
    User: "gcp:sql/user:User",
    Password: "random:index/randomPassword:RandomPassword",
    Component: "pulumi-ha:index:PostgresCluster",
} as const;

const zones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];
const network = "projects/ha-demo-123/global/networks/ha";
const base: PostgresGcpArgs = {
    project: "ha-demo-123",
    network,
    availabilityZones: zones,
    privateServicesRangeName: "ha-psa",
};
const prod: PostgresClusterArgs = { target: Target.Gcp, gcp: base };
const dev: PostgresClusterArgs = { ...prod, profile: Profile.Development };
const westKey = "projects/ha-demo-123/locations/europe-west1/keyRings/ha/cryptoKeys/sql";

function runPostgres(args: PostgresClusterArgs, preview = false): Promise<RunResult> {
    return runProgram(() => void new PostgresCluster("orders", args), { preview });
}

function rejects(args: PostgresClusterArgs, ...patterns: RegExp[]): Promise<string[]> {
    return expectRejected(() => void new PostgresCluster("orders", args), ...patterns);
}

const instances = (run: RunResult) => ofType(run, G.Instance);
const primaryOf = (run: RunResult) => instances(run).find((x) => inputsOf(x).masterInstanceName === undefined)!;
const replicasOf = (run: RunResult) =>
    instances(run)
        .filter((x) => inputsOf(x).masterInstanceName !== undefined)
        .sort((x, y) => x.name.localeCompare(y.name));
const settingsOf = (r: RecordedResource) => inputsOf(r).settings;

/** The TSDoc of a nested input type's argument (types/input.d.ts). */
const documented = (iface: string, arg: string) => documentedIn("types/input", iface, arg);

describe("PostgresCluster on GCP (Cloud SQL for PostgreSQL)", () => {
    describe("production defaults", () => {
        let run: RunResult;
        let preview: RunResult;
        before(async () => {
            run = await runPostgres(prod);
            preview = await runPostgres(prod, true);
        });

        it("creates a primary and 2 read replicas, a database, a user and a password, all children of the component", () => {
            const component = one(run, G.Component);
            const children = run.resources.filter((x) => x.parent === component.urn).map((x) => x.type);
            assert.deepStrictEqual(
                children.sort(),
                [G.Instance, G.Instance, G.Instance, G.Database, G.User, G.Password].sort(),
            );
            assert.strictEqual(replicasOf(run).length, 2);
        });

        it("runs POSTGRES_17 on ENTERPRISE db-custom-2-7680, REGIONAL with its standby in the second zone, 20 GB of SSD growing by itself", () => {
            const p = primaryOf(run);
            const i = inputsOf(p);
            assert.deepStrictEqual(
                [i.databaseVersion, i.project, i.region],
                ["POSTGRES_17", "ha-demo-123", "europe-west1"],
            );
            const s = settingsOf(p);
            assert.deepStrictEqual(
                [s.edition, s.tier, s.availabilityType, s.diskType, s.diskSize, s.diskAutoresize],
                ["ENTERPRISE", "db-custom-2-7680", "REGIONAL", "PD_SSD", 20, true],
            );
            assert.deepStrictEqual(s.locationPreference, { zone: zones[0], secondaryZone: zones[1] });
            assert.deepStrictEqual(p.options.ignoreChanges, ["settings.diskSize"]);
            assert.strictEqual(i.encryptionKeyName, undefined, "Google-managed encryption unless a key is given");
        });

        it("takes daily backups at 02:00, keeps 7, with point-in-time recovery over 7 days of logs, and keeps them after deletion", () => {
            const s = settingsOf(primaryOf(run));
            assert.deepStrictEqual(s.backupConfiguration, {
                enabled: true,
                startTime: "02:00",
                pointInTimeRecoveryEnabled: true,
                transactionLogRetentionDays: 7,
                backupRetentionSettings: { retainedBackups: 14, retentionUnit: "COUNT" },
            });
            assert.strictEqual(s.retainBackupsOnDelete, true);
        });

        it("gives every instance a private IP only (no public IP, no authorized network), in the given range, TLS only", () => {
            for (const x of instances(run))
                assert.deepStrictEqual(settingsOf(x).ipConfiguration, {
                    ipv4Enabled: false,
                    privateNetwork: network,
                    allocatedIpRange: "ha-psa",
                    sslMode: "ENCRYPTED_ONLY",
                });
        });

        it("protects every instance three ways (Pulumi protect, the provider's flag, Cloud SQL's own) and the database", () => {
            for (const x of instances(run)) {
                assert.strictEqual(x.options.protect, true, x.name);
                assert.strictEqual(inputsOf(x).deletionProtection, true, x.name);
                assert.strictEqual(settingsOf(x).deletionProtectionEnabled, true, x.name);
            }
            assert.strictEqual(one(run, G.Database).options.protect, true);
        });

        it("puts the replicas, ZONAL and without backups, in the zones after the primary's: the third zone first, then the standby's", () => {
            const primaryName = plain(primaryOf(run).outputs).name;
            const replicas = replicasOf(run);
            assert.deepStrictEqual(
                replicas.map((x) => settingsOf(x).locationPreference),
                [{ zone: zones[2] }, { zone: zones[1] }],
            );
            for (const x of replicas) {
                const i = inputsOf(x);
                assert.strictEqual(i.masterInstanceName, primaryName);
                assert.strictEqual(i.settings.availabilityType, "ZONAL");
                assert.strictEqual(i.settings.backupConfiguration, undefined);
                assert.notStrictEqual(i.settings.locationPreference.zone, zones[0], "never the primary's zone");
                assert.deepStrictEqual([i.databaseVersion, i.settings.tier], ["POSTGRES_17", "db-custom-2-7680"]);
            }
            assert.deepStrictEqual(replicaZones(["a", "b"]), ["b"]);
            assert.strictEqual(replicaZones(undefined), undefined);
        });

        it("turns Query Insights on, keeps maintenance to Sunday 04:00 UTC on the stable track, labels every instance", () => {
            for (const x of instances(run)) {
                const s = settingsOf(x);
                assert.deepStrictEqual(s.insightsConfig, {
                    queryInsightsEnabled: true,
                    recordApplicationTags: true,
                    recordClientAddress: false,
                });
                assert.deepStrictEqual(s.maintenanceWindow, { day: 7, hour: 4, updateTrack: "stable" });
                assert.deepStrictEqual(s.userLabels, {
                    "pulumi-ha-component": "postgres",
                    "pulumi-ha-instance": "orders",
                    "managed-by": "pulumi-ha",
                });
            }
        });

        it("names every instance as Cloud SQL requires (lowercase, digits, '-', a letter first, ≤ 98 with the provider's suffix)", () => {
            for (const x of instances(run)) {
                const name = plain(x.outputs).name as string;
                assert.match(name, /^[a-z][a-z0-9-]*$/);
                assert.ok(name.length <= 98, name);
            }
        });

        it("creates the database and the built-in owner on the primary, the owner's password the generated one, as a secret", () => {
            const primaryName = plain(primaryOf(run).outputs).name;
            const db = inputsOf(one(run, G.Database));
            assert.deepStrictEqual([db.name, db.instance, db.project], ["app", primaryName, "ha-demo-123"]);
            const user = one(run, G.User);
            const u = inputsOf(user);
            assert.deepStrictEqual(
                [u.name, u.instance, u.type, u.deletionPolicy, u.project],
                ["app", primaryName, "BUILT_IN", "ABANDON", "ha-demo-123"],
            );
            assert.ok(isSecret(user.inputs.password), "password is sent as a secret");
            const pw = inputsOf(one(run, G.Password));
            assert.strictEqual(u.password, plain(one(run, G.Password).outputs).result);
            assert.ok(pw.length >= passwordMinimums(pw));
            assert.ok([...u.password].every((c: string) => passwordAlphabet(pw).includes(c)));
            assert.ok(!/['"\\`/@ ]/.test(passwordAlphabet(pw)), "no character that needs quoting in a URL or shell");
        });

        it("outputs the primary's private IP as writer, the first replica's as reader, port 5432, and secrets that parse back", () => {
            const o = one(run, G.Component).outputs;
            const [r1] = replicasOf(run);
            assert.strictEqual(plain(o.writerEndpoint), plain(primaryOf(run).outputs).privateIpAddress);
            assert.strictEqual(plain(o.readerEndpoint), plain(r1.outputs).privateIpAddress);
            assert.notStrictEqual(plain(o.readerEndpoint), plain(o.writerEndpoint));
            assert.match(plain(o.writerEndpoint), /^10\.100\.\d+\.\d+$/);
            assert.strictEqual(plain(o.port), 5432);
            assert.strictEqual(plain(o.database), "app");
            assert.ok(isSecret(o.credentials) && isSecret(o.writerUrl) && isSecret(o.readerUrl));
            const password = plain(one(run, G.Password).outputs).result as string;
            assert.deepStrictEqual(plain(o.credentials), { username: "app", password });
            for (const [key, host] of [
                ["writerUrl", o.writerEndpoint],
                ["readerUrl", o.readerEndpoint],
            ] as const) {
                const url = new URL(plain(o[key]));
                assert.deepStrictEqual(
                    [url.protocol, decodeURIComponent(url.username), decodeURIComponent(url.password)],
                    ["postgres:", "app", password],
                );
                assert.deepStrictEqual(
                    [url.hostname, url.port, url.pathname, url.searchParams.get("sslmode")],
                    [plain(host), "5432", "/app", "require"],
                );
            }
        });

        it("shows the password nowhere outside a secret", () => {
            assert.strictEqual(expectCredentialsOnlyInSecrets(run).passwords.length, 1);
        });

        it("passes every policy of the pack (0 violations)", async () => {
            const verdict = await (await sharedPolicyPack()).evaluate(run.resources);
            assert.deepStrictEqual(
                verdict.violations.map((d) => `${d.policy}: ${d.message}`),
                [],
            );
        });

        it("registers the same resources in preview", () => {
            assert.deepStrictEqual(preview.resources.map((x) => x.urn).sort(), run.resources.map((x) => x.urn).sort());
        });
    });

    describe("development", () => {
        it("one ZONAL instance in the first zone, no backups, no deletion protection; the reader is the writer", async () => {
            const run = await runPostgres(dev);
            const all = instances(run);
            assert.strictEqual(all.length, 1);
            const s = settingsOf(all[0]);
            assert.deepStrictEqual(
                [s.availabilityType, s.locationPreference, s.backupConfiguration, s.retainBackupsOnDelete],
                ["ZONAL", { zone: zones[0] }, { enabled: false }, undefined],
            );
            assert.deepStrictEqual(
                [all[0].options.protect, inputsOf(all[0]).deletionProtection, s.deletionProtectionEnabled],
                [false, false, false],
            );
            const o = one(run, G.Component).outputs;
            assert.strictEqual(plain(o.readerEndpoint), plain(o.writerEndpoint));
        });

        it("REGIONAL with syncReplication turns backups and PITR on, which development leaves off otherwise", async () => {
            const s = settingsOf(primaryOf(await runPostgres({ ...dev, instances: 2, syncReplication: true })));
            assert.strictEqual(s.availabilityType, "REGIONAL");
            assert.deepStrictEqual(
                [
                    s.backupConfiguration.enabled,
                    s.backupConfiguration.pointInTimeRecoveryEnabled,
                    s.backupConfiguration.transactionLogRetentionDays,
                    s.backupConfiguration.backupRetentionSettings.retainedBackups,
                ],
                [true, true, 6, 7],
            );
        });

        it("REGIONAL with syncReplication, backups of 3 days with 2 days of logs, and a shared-core tier", async () => {
            const run = await runPostgres({
                ...dev,
                instances: 2,
                syncReplication: true,
                backup: { enabled: true, retentionDays: 3, pointInTimeRecovery: true },
                gcp: { ...base, tier: "db-g1-small" },
            });
            const s = settingsOf(primaryOf(run));
            assert.deepStrictEqual([s.availabilityType, s.tier], ["REGIONAL", "db-g1-small"]);
            assert.deepStrictEqual(
                [s.backupConfiguration.transactionLogRetentionDays, s.backupConfiguration.backupRetentionSettings],
                // Cloud SQL refuses as many days of logs as backups.
                [2, { retainedBackups: 3, retentionUnit: "COUNT" }],
            );
            assert.deepStrictEqual(settingsOf(replicasOf(run)[0]).locationPreference, { zone: zones[2] });
        });
    });

    describe("overrides", () => {
        it("takes a version, Enterprise Plus with its tier and up to 35 days of logs, a client-certificate TLS mode, a key, a disk size, 5 instances", async () => {
            const run = await runPostgres({
                ...prod,
                version: "16",
                instances: 5,
                storageGiB: 100,
                backup: { retentionDays: 30 },
                gcp: {
                    ...base,
                    edition: CloudSqlEdition.EnterprisePlus,
                    tier: "db-perf-optimized-N-8",
                    sslMode: CloudSqlSslMode.TrustedClientCertificateRequired,
                    kmsKeyName: westKey,
                },
            });
            const p = primaryOf(run);
            const s = settingsOf(p);
            assert.deepStrictEqual(
                [inputsOf(p).databaseVersion, s.edition, s.tier, s.diskSize],
                ["POSTGRES_16", "ENTERPRISE_PLUS", "db-perf-optimized-N-8", 100],
            );
            assert.deepStrictEqual(
                [
                    s.backupConfiguration.transactionLogRetentionDays,
                    s.backupConfiguration.backupRetentionSettings.retainedBackups,
                ],
                [29, 30],
            );
            for (const x of instances(run)) {
                assert.strictEqual(inputsOf(x).encryptionKeyName, westKey);
                assert.strictEqual(settingsOf(x).ipConfiguration.sslMode, "TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
            }
            assert.deepStrictEqual(
                replicasOf(run).map((x) => settingsOf(x).locationPreference.zone),
                [zones[2], zones[1], zones[2], zones[1]],
            );
        });

        it("folds a long, mixed-case component name into instance names Cloud SQL takes, with 9 instances", async () => {
            const name = `Orders_DB.${"x".repeat(90)}`;
            const run = await runProgram(() => void new PostgresCluster(name, { ...prod, instances: 9 }));
            assert.strictEqual(instances(run).length, 9);
            for (const x of instances(run)) {
                const id = plain(x.outputs).name as string;
                assert.match(id, /^[a-z][a-z0-9-]*$/);
                assert.ok(id.length <= 98, id);
            }
        });

        it("without zones lets Google choose (no location preference) in the provider's region and project", async () => {
            const run = await runPostgres({ ...prod, gcp: { network } });
            for (const x of instances(run)) {
                assert.strictEqual(settingsOf(x).locationPreference, undefined);
                assert.strictEqual(settingsOf(x).ipConfiguration.allocatedIpRange, undefined);
                assert.deepStrictEqual([inputsOf(x).project, inputsOf(x).region], [undefined, undefined]);
            }
        });

        it("in a Platform, takes the network (once its peering exists), range, zones, region and project from the Platform", async () => {
            const platformZones = ["europe-west4-a", "europe-west4-b", "europe-west4-c"];
            const context: PostgresPlanContext = {
                gcp: {
                    zoneCount: 3,
                    region: "europe-west4",
                    project: "plat-proj-1",
                    placement: () => ({
                        network: pulumi.output("projects/plat-proj-1/global/networks/plat"),
                        subnetwork: "projects/plat-proj-1/regions/europe-west4/subnetworks/plat",
                        availabilityZones: platformZones,
                        privateServicesRangeName: "plat-psa",
                        clusterName: "plat-gke",
                    }),
                },
            };
            const args: PostgresClusterArgs = { target: Target.Gcp };
            const { run } = await runPlanned("orders", (check) =>
                gcpPostgres.plan(check, args, resolvedPostgres("orders", args), context),
            );
            const p = primaryOf(run);
            assert.deepStrictEqual([inputsOf(p).project, inputsOf(p).region], ["plat-proj-1", "europe-west4"]);
            assert.deepStrictEqual(
                settingsOf(p).ipConfiguration.privateNetwork,
                "projects/plat-proj-1/global/networks/plat",
            );
            assert.strictEqual(settingsOf(p).ipConfiguration.allocatedIpRange, "plat-psa");
            assert.deepStrictEqual(settingsOf(p).locationPreference, {
                zone: platformZones[0],
                secondaryZone: platformZones[1],
            });
            await planRejection(
                (check) =>
                    gcpPostgres.plan(check, { ...args, gcp: { network } }, resolvedPostgres("orders", args), context),
                /^gcp\.network: is filled by the Platform/,
            );
        });
    });

    describe("in a Platform on target gcp", () => {
        let run: RunResult;
        before(async () => {
            run = await runProgram(
                () =>
                    void new Platform("shop", {
                        target: Target.Gcp,
                        app: { image: "ghcr.io/acme/shop:2.3.1", security: { runAsUser: 1000, runAsGroup: 1000 } },
                        postgres: {},
                        gcp: { project: "shop-prod-1", network: { availabilityZones: zones } },
                        kubernetes: { namespace: "shop" },
                    }),
            );
        });

        it("puts Cloud SQL on the Platform's network through its private services range, in its project, region and zones", () => {
            const p = primaryOf(run);
            const network = plain(one(run, "gcp:compute/network:Network").outputs).selfLink;
            const range = plain(one(run, "gcp:compute/globalAddress:GlobalAddress").outputs).name;
            assert.deepStrictEqual(
                [inputsOf(p).project, inputsOf(p).region, settingsOf(p).locationPreference],
                ["shop-prod-1", "europe-west1", { zone: zones[0], secondaryZone: zones[1] }],
            );
            for (const x of instances(run))
                assert.deepStrictEqual(
                    [settingsOf(x).ipConfiguration.privateNetwork, settingsOf(x).ipConfiguration.allocatedIpRange],
                    [network, range],
                );
            assert.strictEqual(instances(run).length, 3);
        });

        it("leaves no policy of the pack violated", async () => {
            const verdict = await (await sharedPolicyPack()).evaluate(run.resources);
            assert.deepStrictEqual(
                verdict.violations.map((d) => `${d.policy}: ${d.message}`),
                [],
            );
        });
    });

    describe("refuses, naming the argument and registering nothing", () => {
        it("no network, zones of two regions", () =>
            rejects(
                {
                    target: Target.Gcp,
                    gcp: { availabilityZones: ["europe-west1-b", "europe-west4-a", "europe-west1-d"] },
                },
                /^gcp\.network: is required on target gcp/,
                /^gcp\.availabilityZones: must all be zones of one region/,
            ));

        it("a minor version, and a major Cloud SQL does not offer", async () => {
            await rejects({ ...prod, version: "17.6" }, /^version: must be a bare major such as "17" on target gcp/);
            await rejects(
                { ...prod, version: "12" },
                /^version: must be a PostgreSQL major Cloud SQL offers \(14, 15, 16, 17, 18\)/,
            );
        });

        it("tiers outside their edition's rules, shared-core in production, an unknown edition or TLS mode", async () => {
            await rejects(
                { ...prod, gcp: { ...base, tier: "db-g1-small" } },
                /^gcp\.tier: "db-g1-small" is shared-core.*development only/,
            );
            for (const tier of [
                "db-custom-3-7680",
                "db-custom-2-7000",
                "db-custom-2-1024",
                "db-custom-1-7168",
                "db-n1-standard-2",
                "db-perf-optimized-N-2",
            ])
                await rejects(
                    { ...prod, gcp: { ...base, tier } },
                    /^gcp\.tier: must be "db-custom-<vCPUs>-<MiB>" with gcp\.edition "ENTERPRISE"/,
                );
            await rejects(
                { ...prod, gcp: { ...base, edition: CloudSqlEdition.EnterprisePlus, tier: "db-custom-2-7680" } },
                /^gcp\.tier: must be "db-perf-optimized-N-<vCPUs>" with 2, 4, 8/,
            );
            await rejects(
                {
                    ...prod,
                    gcp: { ...base, edition: "STANDARD" as CloudSqlEdition, sslMode: "REQUIRED" as CloudSqlSslMode },
                },
                /^gcp\.edition: must be one of "ENTERPRISE", "ENTERPRISE_PLUS"/,
                /^gcp\.sslMode: must be one of "ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"/,
            );
        });

        it("a ZONAL or unrecoverable production instance, and REGIONAL without backups in development", async () => {
            await rejects(
                { ...prod, syncReplication: false, backup: { pointInTimeRecovery: false, retentionDays: 400 } },
                /^syncReplication: cannot be false in production on target gcp/,
                /^backup\.pointInTimeRecovery: cannot be false in production on target gcp/,
                /^backup\.retentionDays: must be at most 365 on target gcp/,
            );
            // A week of backups leaves no room for a week of logs: Cloud SQL wants fewer days of logs than backups.
            await rejects(
                { ...prod, backup: { retentionDays: 7 } },
                /^backup\.retentionDays: must be at least 8 with point-in-time recovery on target gcp in production: Cloud SQL keeps transaction logs for fewer days than it keeps backups, and production keeps 7 days of logs \(got 7\)/,
            );
            await rejects(
                { ...dev, backup: { enabled: true, retentionDays: 1, pointInTimeRecovery: true } },
                /^backup\.retentionDays: must be at least 2 with point-in-time recovery on target gcp: /,
            );
            await rejects(
                { ...dev, instances: 2, syncReplication: true, backup: { enabled: false } },
                /^backup\.enabled: cannot be false with syncReplication on target gcp/,
            );
            await rejects(
                { ...dev, instances: 2, syncReplication: true, backup: { enabled: true, pointInTimeRecovery: false } },
                /^backup\.pointInTimeRecovery: cannot be false with syncReplication on target gcp/,
            );
        });

        it("the pooler, reserved owner and database names, a disk under 10 GB, a key of another region", () =>
            rejects(
                {
                    ...prod,
                    pooler: { enabled: true },
                    owner: "postgres",
                    database: "template1",
                    storageGiB: 5,
                    gcp: { ...base, kmsKeyName: "projects/p/locations/us-east1/keyRings/r/cryptoKeys/k" },
                },
                /^pooler\.enabled: is not offered on target gcp: Cloud SQL runs no PgBouncer/,
                /^owner: must not be postgres/,
                /^database: must not be postgres, template0, template1/,
                /^storageGiB: must be 10–65536 on target gcp/,
                /^gcp\.kmsKeyName: must be a key in the instance's region europe-west1/,
            ));
    });

    describe("values pinned against the provider's documentation", () => {
        it("databaseVersion, availabilityType, edition, sslMode, diskType, updateTrack, user deletionPolicy and log days", () => {
            const instanceDoc = fs.readFileSync(require.resolve("@pulumi/gcp/sql/databaseInstance.d.ts"), "utf8");
            for (const major of cloudSqlPostgresMajors)
                assert.ok(
                    instanceDoc.includes(`\`${databaseVersionOf(major)}\``),
                    `${databaseVersionOf(major)} documented`,
                );
            const availability = documented("DatabaseInstanceSettings", "availabilityType");
            for (const v of Object.values(cloudSqlAvailability)) assert.ok(availability.includes(`\`${v}\``), v);
            const edition = documented("DatabaseInstanceSettings", "edition");
            for (const v of Object.values(CloudSqlEdition)) assert.ok(edition.includes(`\`${v}\``), v);
            assert.ok(
                edition.includes('`db-custom-*` require `edition = "ENTERPRISE"`'),
                "custom tiers are Enterprise's",
            );
            const ssl = documented("DatabaseInstanceSettingsIpConfiguration", "sslMode");
            for (const v of Object.values(CloudSqlSslMode)) assert.ok(ssl.includes(`\`${v}\``), v);
            assert.ok(documented("DatabaseInstanceSettings", "diskType").includes(`\`${cloudSqlDiskType}\``));
            assert.ok(
                documented("DatabaseInstanceSettings", "diskSize").includes("minimum value is 10GB for `PD_SSD`"),
            );
            const track = documented("DatabaseInstanceSettingsMaintenanceWindow", "updateTrack");
            for (const v of cloudSqlUpdateTracks) assert.ok(track.includes(`(\`${v}\`)`), v);
            assert.ok(
                documented("DatabaseInstanceSettingsMaintenanceWindow", "day").includes("`1-7`), starting on Monday"),
            );
            assert.ok(
                documented("DatabaseInstanceSettingsBackupConfiguration", "transactionLogRetentionDays").includes(
                    "from 1-7. For PostgreSQL Enterprise Plus and SQL Server Enterprise Plus instances, the number of days of retained transaction logs can be set from 1 to 35",
                ),
            );
            const userDoc = fs.readFileSync(require.resolve("@pulumi/gcp/sql/user.d.ts"), "utf8");
            assert.ok(userDoc.includes(`When set to "${cloudSqlUserAbandon}", the command will remove the resource`));
            assert.ok(userDoc.includes('include "BUILT_IN"'));
        });
    });
});
