import * as assert from "assert";
import { PostgresCluster, Profile } from "../../components";
import { backupTo, cnpg, customResource } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-cnpg-backups";
const plugin = "barman-cloud.cloudnative-pg.io";
const cluster = (plugins?: unknown[]) =>
    customResource("pg", cnpg, "Cluster", { instances: 3, storage: { size: "1Gi" }, plugins });
const archiving = [{ name: plugin, isWALArchiver: true, parameters: { barmanObjectName: "store" } }];
const store = (retentionPolicy?: string, endpointURL?: string, annotations?: Record<string, string>) =>
    customResource(
        "store",
        "barmancloud.cnpg.io/v1",
        "ObjectStore",
        { configuration: { destinationPath: "s3://b/pg", endpointURL }, retentionPolicy },
        annotations,
    );
const reasonKey = "pulumi-ha.io/backup-in-cluster-reason";
/** A complete, valid backup setup whose ObjectStore sends to `endpointURL`. */
const backedUpTo = (endpointURL?: string, annotations?: Record<string, string>) => () => {
    cluster(archiving);
    store("14d", endpointURL, annotations);
    scheduled();
};
const scheduled = (clusterName = "pg") =>
    customResource("daily", cnpg, "ScheduledBackup", {
        schedule: "0 0 2 * * *",
        cluster: { name: clusterName },
        method: "plugin",
    });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the PostgresCluster defaults (plugin WAL archiving, 7-day ObjectStore, daily ScheduledBackup)", async () => {
        expectNoViolation(
            await judge(() => {
                new PostgresCluster("pg", { kubernetes: { backup: backupTo } });
            }),
            policy,
        );
    });

    it("passes hand-written resources that do the same", async () => {
        expectNoViolation(
            await judge(() => {
                cluster(archiving);
                store("14d");
                scheduled();
            }),
            policy,
        );
    });

    it("fails a Cluster with no backups at all, naming it (mandatory), with both reasons", async () => {
        const v = violationsOf(await judge(() => cluster()), policy);
        assert.strictEqual(v.length, 2);
        assert.ok(v.every((d) => d.urn.endsWith("::pg") && d.level === "mandatory"));
        assert.match(v[0].message, /archives no WAL/);
        assert.match(v[1].message, /has no ScheduledBackup/);
    });

    it("fails retention under 7 days, and a ScheduledBackup of another cluster does not count", async () => {
        const d = expectOneViolation(
            await judge(() => {
                cluster(archiving);
                store("3d");
                scheduled();
            }),
            policy,
            "pg",
        );
        assert.match(d.message, /keeps backups 3 day\(s\); needs at least 7/);
        const other = expectOneViolation(
            await judge(() => {
                cluster(archiving);
                store("1w");
                scheduled("other");
            }),
            policy,
            "pg",
        );
        assert.match(other.message, /has no ScheduledBackup/);
    });

    it("fails archiving to an ObjectStore that is not in the stack", async () => {
        const d = expectOneViolation(
            await judge(() => {
                cluster(archiving);
                scheduled();
            }),
            policy,
            "pg",
        );
        assert.match(d.message, /archives to ObjectStore "store", which is not in the stack or has no retentionPolicy/);
    });

    it("fails a development PostgresCluster without backups; a development policy config relaxes retention", async () => {
        assert.strictEqual(
            violationsOf(
                await judge(() => {
                    new PostgresCluster("pg", { profile: Profile.Development });
                }),
                policy,
            ).length,
            2,
        );
        expectNoViolation(
            await judge(
                () => {
                    cluster(archiving);
                    store("2d");
                    scheduled();
                },
                { [policy]: { minRetentionDays: 1 } },
            ),
            policy,
        );
    });

    it("passes an external https endpoint, and no endpoint at all (AWS S3)", async () => {
        expectNoViolation(await judge(backedUpTo("https://s3.eu-west-1.example.com")), policy);
        expectNoViolation(await judge(backedUpTo(undefined)), policy);
    });

    it("fails a destination inside the cluster, naming the Cluster and the ObjectStore", async () => {
        for (const endpoint of [
            "https://minio.minio.svc:9000",
            "https://rgw.rook-ceph.svc.cluster.local",
            "https://minio:9000",
        ]) {
            const d = expectOneViolation(await judge(backedUpTo(endpoint)), policy, "pg");
            assert.strictEqual(d.level, "mandatory");
            assert.strictEqual(
                d.message,
                `Cluster default/pg backs up to ObjectStore "store" at ${endpoint}, which is inside the cluster (losing the cluster loses its backups). ` +
                    `Use an https endpoint outside the cluster, or accept it with the annotation ${reasonKey}: "<reason>" on the ObjectStore.`,
            );
        }
    });

    it("fails a destination over plain http, even outside the cluster", async () => {
        const d = expectOneViolation(await judge(backedUpTo("http://s3.example.com")), policy, "pg");
        assert.match(
            d.message,
            /at http:\/\/s3\.example\.com, which is plain http \(backups and WAL travel unencrypted\)\./,
        );
        const both = expectOneViolation(await judge(backedUpTo("http://rook-ceph-rgw.rook-ceph.svc")), policy, "pg");
        assert.match(both.message, /which is plain http \(backups and WAL travel unencrypted\) and inside the cluster/);
    });

    it("accepts an in-cluster or http destination the ObjectStore gives a reason for; an empty reason accepts nothing", async () => {
        expectNoViolation(
            await judge(
                backedUpTo("http://rgw.rook-ceph.svc", {
                    [reasonKey]: "a second Ceph cluster mirrors the bucket off-site",
                }),
            ),
            policy,
        );
        const d = expectOneViolation(
            await judge(backedUpTo("http://rgw.rook-ceph.svc", { [reasonKey]: "  " })),
            policy,
            "pg",
        );
        assert.match(
            d.message,
            /or give a reason: the pulumi-ha\.io\/backup-in-cluster-reason annotation on the ObjectStore is empty\.$/,
        );
    });

    it("flags an endpoint that is not a URL, and a development policy config can allow in-cluster destinations", async () => {
        assert.match(
            expectOneViolation(await judge(backedUpTo("s3 bucket")), policy, "pg").message,
            /at s3 bucket, which is not a URL/,
        );
        expectNoViolation(
            await judge(backedUpTo("http://minio:9000"), { [policy]: { requireExternalDestination: false } }),
            policy,
        );
    });
});
