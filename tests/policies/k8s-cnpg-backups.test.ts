import * as assert from "assert";
import { PostgresCluster, Profile } from "../../components";
import { backupTo, cnpg, customResource } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-cnpg-backups";
const plugin = "barman-cloud.cloudnative-pg.io";
const cluster = (plugins?: unknown[]) => customResource("pg", cnpg, "Cluster", { instances: 3, storage: { size: "1Gi" }, plugins });
const archiving = [{ name: plugin, isWALArchiver: true, parameters: { barmanObjectName: "store" } }];
const store = (retentionPolicy?: string) => customResource("store", "barmancloud.cnpg.io/v1", "ObjectStore", { configuration: { destinationPath: "s3://b/pg" }, retentionPolicy });
const scheduled = (clusterName = "pg") => customResource("daily", cnpg, "ScheduledBackup", { schedule: "0 0 2 * * *", cluster: { name: clusterName }, method: "plugin" });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the PostgresCluster defaults (plugin WAL archiving, 7-day ObjectStore, daily ScheduledBackup)", async () => {
        expectNoViolation(await judge(() => { new PostgresCluster("pg", { backup: backupTo }); }), policy);
    });

    it("passes hand-written resources that do the same", async () => {
        expectNoViolation(await judge(() => { cluster(archiving); store("14d"); scheduled(); }), policy);
    });

    it("fails a Cluster with no backups at all, naming it (mandatory), with both reasons", async () => {
        const v = violationsOf(await judge(() => cluster()), policy);
        assert.strictEqual(v.length, 2);
        assert.ok(v.every((d) => d.urn.endsWith("::pg") && d.level === "mandatory"));
        assert.match(v[0].message, /archives no WAL/);
        assert.match(v[1].message, /has no ScheduledBackup/);
    });

    it("fails retention under 7 days, and a ScheduledBackup of another cluster does not count", async () => {
        const d = expectOneViolation(await judge(() => { cluster(archiving); store("3d"); scheduled(); }), policy, "pg");
        assert.match(d.message, /keeps backups 3 day\(s\); needs at least 7/);
        const other = expectOneViolation(await judge(() => { cluster(archiving); store("1w"); scheduled("other"); }), policy, "pg");
        assert.match(other.message, /has no ScheduledBackup/);
    });

    it("fails archiving to an ObjectStore that is not in the stack", async () => {
        const d = expectOneViolation(await judge(() => { cluster(archiving); scheduled(); }), policy, "pg");
        assert.match(d.message, /archives to ObjectStore "store", which is not in the stack or has no retentionPolicy/);
    });

    it("fails a development PostgresCluster without backups; a development policy config relaxes retention", async () => {
        assert.strictEqual(violationsOf(await judge(() => { new PostgresCluster("pg", { profile: Profile.Development }); }), policy).length, 2);
        expectNoViolation(await judge(() => { cluster(archiving); store("2d"); scheduled(); }, { [policy]: { minRetentionDays: 1 } }), policy);
    });
});
