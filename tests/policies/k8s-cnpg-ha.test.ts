import * as assert from "assert";
import { PostgresCluster, Profile } from "../../components";
import { backupTo, cnpg, customResource } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-cnpg-ha";
const storage = { size: "1Gi" };

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the PostgresCluster defaults (3 instances, synchronous)", async () => {
        expectNoViolation(
            await judge(() => {
                new PostgresCluster("pg", { kubernetes: { backup: backupTo } });
            }),
            policy,
        );
    });

    it("fails a Cluster of one instance (CloudNativePG's default), naming it", async () => {
        const d = expectOneViolation(
            await judge(() =>
                customResource("pg", cnpg, "Cluster", {
                    storage,
                    postgresql: { synchronous: { method: "any", number: 1 } },
                }),
            ),
            policy,
            "pg",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.match(d.message, /Cluster default\/pg runs 1 instance\(s\); needs at least 3/);
    });

    it("fails 3 instances without synchronous replication", async () => {
        const d = expectOneViolation(
            await judge(() => customResource("pg", cnpg, "Cluster", { instances: 3, storage })),
            policy,
            "pg",
        );
        assert.match(d.message, /has no synchronous replication/);
    });

    it("accepts the legacy minSyncReplicas form, and reports both problems of a bare Cluster", async () => {
        expectNoViolation(
            await judge(() =>
                customResource("pg", cnpg, "Cluster", {
                    instances: 3,
                    minSyncReplicas: 1,
                    maxSyncReplicas: 1,
                    storage,
                }),
            ),
            policy,
        );
        assert.strictEqual(
            violationsOf(await judge(() => customResource("pg", cnpg, "Cluster", { storage })), policy).length,
            2,
        );
    });

    it("fails a development PostgresCluster under production policy, and passes it with development thresholds", async () => {
        const dev = () => {
            new PostgresCluster("pg", { profile: Profile.Development });
        };
        assert.strictEqual(violationsOf(await judge(dev), policy).length, 2);
        expectNoViolation(await judge(dev, { [policy]: { minInstances: 1, requireSynchronous: false } }), policy);
    });

    it("honours an exemption annotation", async () => {
        expectNoViolation(
            await judge(() =>
                customResource(
                    "pg",
                    cnpg,
                    "Cluster",
                    { storage },
                    { "pulumi-ha.io/exempt-k8s-cnpg-ha": "scratch database for load tests" },
                ),
            ),
            policy,
        );
    });
});
