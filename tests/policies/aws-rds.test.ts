import * as assert from "assert";
import {
    aurora,
    auroraCluster,
    clusterInstance,
    exempt,
    rawAws,
    rdsInstance,
    unknownAtPreview,
    zones,
} from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/**
 * The RDS/Aurora policies through the real analyzer, on what a program sends under the mock
 * engine (inputs, and the mock's echo of them as outputs): not proof of what AWS does.
 */

describe("policy aws-rds-cluster-ha", () => {
    const policy = "aws-rds-cluster-ha";
    const judge = usePolicyPack();

    it("passes a writer and a reader in two zones (instances naming the cluster by its id)", async () => {
        expectNoViolation(await judge(() => aurora("orders", [zones[0], zones[1]])), policy);
    });

    it("fails a cluster with one instance, and one with none, naming each", async () => {
        const one = expectOneViolation(await judge(() => aurora("orders", [zones[0]])), policy, "orders");
        assert.strictEqual(one.level, "mandatory");
        assert.strictEqual(
            one.message,
            "RDS Cluster orders runs 1 instance(s) (ClusterInstances naming it by clusterIdentifier); needs at least 2 in 2 Availability Zones, so a failover has a reader to promote.",
        );
        assert.match(
            expectOneViolation(await judge(() => aurora("orders", [])), policy, "orders").message,
            /RDS Cluster orders runs 0 instance\(s\)/,
        );
    });

    it("fails two instances in one zone, and instances left for AWS to place", async () => {
        assert.strictEqual(
            expectOneViolation(await judge(() => aurora("orders", [zones[0], zones[0]])), policy, "orders").message,
            "RDS Cluster orders places its 2 instances in 1 Availability Zone(s) (eu-west-1a); needs at least 2 distinct zones.",
        );
        // An instance without availabilityZone: AWS picks its zone, so at preview the zone is unknown
        // (a notice, never a violation); once created, the zone AWS reports is judged. The mock
        // places it in the region's first zone (eu-central-1a), where the other instance already is.
        const unplaced = () => aurora("orders", ["eu-central-1a", undefined]);
        const preview = await judge(unplaced, {}, true);
        assert.strictEqual(violationsOf(preview, policy).length, 0);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        assert.match(
            expectOneViolation(await judge(unplaced), policy, "orders").message,
            /places its 2 instances in 1 Availability Zone\(s\) \(eu-central-1a\)/,
        );
    });

    it("counts only the instances of each cluster (joined by clusterIdentifier, by value or by reference)", async () => {
        const v = await judge(() => {
            aurora("orders", [zones[0], zones[1]]);
            const lonely = auroraCluster("lonely");
            clusterInstance("lonely-1", lonely, zones[2]);
            // Named by the literal identifier, not by an output: joined by value.
            const byName = auroraCluster("by-name");
            clusterInstance("by-name-1", byName, zones[0], { clusterIdentifier: "by-name" });
            clusterInstance("by-name-2", byName, zones[1], { clusterIdentifier: "by-name" });
        });
        assert.deepStrictEqual(
            violationsOf(v, policy).map((d) => d.urn.split("::").pop()),
            ["lonely"],
        );
    });

    it("passes an RDS Multi-AZ DB cluster (postgres with dbClusterInstanceClass) without ClusterInstances", async () => {
        expectNoViolation(
            await judge(() =>
                auroraCluster("multi", {
                    engine: "postgres",
                    dbClusterInstanceClass: "db.m6gd.large",
                    storageType: "io1",
                    allocatedStorage: 100,
                    iops: 1000,
                }),
            ),
            policy,
        );
        // Without the instance class it is not one: judged as an Aurora-style cluster.
        expectOneViolation(await judge(() => auroraCluster("multi", { engine: "postgres" })), policy, "multi");
    });

    it("takes its thresholds from policy config", async () => {
        const three = () => aurora("orders", [zones[0], zones[1]]);
        expectOneViolation(await judge(three, { [policy]: { minInstances: 3 } }), policy, "orders");
        expectNoViolation(
            await judge(() => aurora("orders", [zones[0]]), { [policy]: { minInstances: 1, minZones: 1 } }),
            policy,
        );
    });

    it("honours the exemption tag on the cluster, and not an empty reason", async () => {
        expectNoViolation(await judge(() => aurora("orders", [zones[0]], { tags: exempt(policy) })), policy);
        expectOneViolation(
            await judge(() => aurora("orders", [zones[0]], { tags: { [`pulumi-ha.io/exempt-${policy}`]: " " } })),
            policy,
            "orders",
        );
    });

    it("never fails on a zone or a cluster identifier unknown at preview; judges them at update", async () => {
        const sameZone = () => {
            const c = auroraCluster("orders");
            clusterInstance("orders-1", c, zones[0]);
            clusterInstance("orders-2", c, unknownAtPreview("zone", zones[0]));
        };
        const preview = await judge(sameZone, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(sameZone), policy, "orders");
        // An auto-named cluster (no clusterIdentifier): at preview its instances are still found by reference.
        const autoNamed = () => {
            const c = auroraCluster("auto", { clusterIdentifier: undefined });
            clusterInstance("auto-1", c, zones[0]);
        };
        expectOneViolation(await judge(autoNamed, {}, true), policy, "auto");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing cluster", async () => {
            const context = [
                rawAws.clusterInstance("i1", "pg", zones[0]),
                rawAws.clusterInstance("i2", "pg", zones[1]),
            ];
            const checked = await expectRobust(raw, policy, [rawAws.cluster("pg")], context);
            assert.ok(checked > 50, `checked ${checked}`);
            // Malformed instances: a null zone counts as unplaced, a numeric identifier names nothing.
            const v = await raw(
                [
                    rawAws.cluster("pg"),
                    { ...rawAws.clusterInstance("i1", "pg", zones[0]) },
                    {
                        type: "aws:rds/clusterInstance:ClusterInstance",
                        name: "i2",
                        props: { clusterIdentifier: "pg", availabilityZone: null },
                    },
                    { type: "aws:rds/clusterInstance:ClusterInstance", name: "i3", props: { clusterIdentifier: 7 } },
                    { type: "aws:rds/clusterInstance:ClusterInstance", name: "i4", props: null },
                ],
                only(policy, "mandatory"),
            );
            assert.match(expectOneViolation(v, policy, "pg").message, /1 without availabilityZone/);
        });
    });
});

describe("policy aws-rds-instance-multi-az", () => {
    const policy = "aws-rds-instance-multi-az";
    const judge = usePolicyPack();

    it("passes multiAz true, fails it unset (single-AZ by default), naming the instance", async () => {
        expectNoViolation(await judge(() => rdsInstance("db")), policy);
        const d = expectOneViolation(await judge(() => rdsInstance("db", { multiAz: undefined })), policy, "db");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "RDS Instance db runs in one Availability Zone (multiAz is not true): losing that zone loses the database.",
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(await judge(() => rdsInstance("db", { multiAz: false, tags: exempt(policy) })), policy);
        const program = () => rdsInstance("db", { multiAz: unknownAtPreview("multi", false) });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "db");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.instance("db")])) > 50);
            const v = await raw(
                [rawAws.instance("db", { multiAz: "true" }), rawAws.instance("db2", { multiAz: "yes" })],
                only(policy, "mandatory"),
            );
            expectOneViolation(v, policy, "db2");
        });
    });
});

describe("policy aws-rds-encryption", () => {
    const policy = "aws-rds-encryption";
    const judge = usePolicyPack();

    it("passes encrypted clusters and instances, fails unencrypted ones, naming each", async () => {
        expectNoViolation(
            await judge(() => {
                aurora("orders", [zones[0], zones[1]]);
                rdsInstance("db");
            }),
            policy,
        );
        const v = violationsOf(
            await judge(() => {
                auroraCluster("orders", { storageEncrypted: false });
                rdsInstance("db", { storageEncrypted: undefined });
            }),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => [d.urn.split("::").pop(), d.level, d.message]),
            [
                [
                    "orders",
                    "mandatory",
                    "RDS Cluster orders stores its data unencrypted (storageEncrypted is not true).",
                ],
                ["db", "mandatory", "RDS Instance db stores its data unencrypted (storageEncrypted is not true)."],
            ],
        );
    });

    it("does not judge a read replica (it inherits its source's encryption); Aurora Serverless v1 is encrypted by default", async () => {
        expectNoViolation(
            await judge(() => {
                rdsInstance("replica", { storageEncrypted: undefined, replicateSourceDb: "db" });
                auroraCluster("sls", { engineMode: "serverless", storageEncrypted: undefined });
            }),
            policy,
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => auroraCluster("orders", { storageEncrypted: false, tags: exempt(policy) })),
            policy,
        );
        const program = () => auroraCluster("orders", { storageEncrypted: unknownAtPreview("enc", false) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "orders");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing resource", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.cluster("pg"), rawAws.instance("db")])) > 100);
        });
    });
});

describe("policy aws-rds-backups", () => {
    const policy = "aws-rds-backups";
    const judge = usePolicyPack();

    it("passes 7 days, fails the default and 3 days, naming each", async () => {
        expectNoViolation(await judge(() => aurora("orders", [zones[0], zones[1]])), policy);
        const v = violationsOf(
            await judge(() => {
                auroraCluster("orders", { backupRetentionPeriod: undefined });
                rdsInstance("db", { backupRetentionPeriod: 3 });
            }),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => [d.urn.split("::").pop(), d.level, d.message]),
            [
                [
                    "orders",
                    "mandatory",
                    "RDS Cluster orders keeps automated backups for the default (1 day for a cluster, 0 for an instance) (backupRetentionPeriod); needs at least 7 days.",
                ],
                [
                    "db",
                    "mandatory",
                    "RDS Instance db keeps automated backups for 3 day(s) (backupRetentionPeriod); needs at least 7 days.",
                ],
            ],
        );
    });

    it("takes the retention from policy config, and skips read replicas", async () => {
        expectNoViolation(
            await judge(() => rdsInstance("db", { backupRetentionPeriod: 3 }), { [policy]: { minRetentionDays: 3 } }),
            policy,
        );
        expectNoViolation(
            await judge(() => rdsInstance("replica", { backupRetentionPeriod: 0, replicateSourceDb: "db" })),
            policy,
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => rdsInstance("db", { backupRetentionPeriod: 1, tags: exempt(policy) })),
            policy,
        );
        const program = () => rdsInstance("db", { backupRetentionPeriod: unknownAtPreview("days", 1) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "db");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing resource", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.cluster("pg"), rawAws.instance("db")])) > 100);
            const v = await raw(
                [
                    rawAws.instance("db", { backupRetentionPeriod: "14" }),
                    rawAws.instance("db2", { backupRetentionPeriod: {} }),
                ],
                only(policy, "mandatory"),
            );
            assert.strictEqual(
                expectOneViolation(v, policy, "db2").message,
                "RDS Instance db2 keeps automated backups for no readable period (backupRetentionPeriod); needs at least 7 days.",
            );
        });
    });
});

describe("policy aws-rds-deletion-protection", () => {
    const policy = "aws-rds-deletion-protection";
    const judge = usePolicyPack();

    it("passes protected databases, reports unprotected ones as advisory, naming each", async () => {
        expectNoViolation(await judge(() => aurora("orders", [zones[0], zones[1]])), policy);
        const v = violationsOf(
            await judge(() => {
                auroraCluster("orders", { deletionProtection: false });
                rdsInstance("db", { deletionProtection: undefined });
            }),
            policy,
        );
        assert.deepStrictEqual(
            v.map((d) => [d.urn.split("::").pop(), d.level, d.message]),
            [
                ["orders", "advisory", "RDS Cluster orders can be deleted (deletionProtection is not true)."],
                ["db", "advisory", "RDS Instance db can be deleted (deletionProtection is not true)."],
            ],
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => rdsInstance("db", { deletionProtection: false, tags: exempt(policy) })),
            policy,
        );
        const program = () => rdsInstance("db", { deletionProtection: unknownAtPreview("dp", false) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "db");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing resource", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.cluster("pg"), rawAws.instance("db")])) > 100);
        });
    });
});

describe("aws RDS policies: their config switches", () => {
    const judge = usePolicyPack();

    it("aws-rds-encryption with requireCustomerKey fails an instance without kmsKeyId, passes one with it", async () => {
        const config = { "aws-rds-encryption": { requireCustomerKey: true } };
        assert.strictEqual(
            expectOneViolation(await judge(() => rdsInstance("db"), config), "aws-rds-encryption", "db").message,
            "RDS Instance db is encrypted with the AWS-managed key (no kmsKeyId); this stack demands its own KMS key.",
        );
        expectNoViolation(
            await judge(() => rdsInstance("db", { kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k" }), config),
            "aws-rds-encryption",
        );
    });

    it("aws-rds-deletion-protection reports skipFinalSnapshot, unless requireFinalSnapshot is false", async () => {
        const program = () => auroraCluster("orders", { skipFinalSnapshot: true });
        assert.strictEqual(
            expectOneViolation(await judge(program), "aws-rds-deletion-protection", "orders").message,
            "RDS Cluster orders leaves no snapshot when it is deleted (skipFinalSnapshot is true).",
        );
        expectNoViolation(
            await judge(program, { "aws-rds-deletion-protection": { requireFinalSnapshot: false } }),
            "aws-rds-deletion-protection",
        );
    });

    it("aws-rds-instance-multi-az judges read replicas unless judgeReadReplicas is false", async () => {
        const program = () => rdsInstance("replica", { multiAz: false, replicateSourceDb: "db" });
        expectOneViolation(await judge(program), "aws-rds-instance-multi-az", "replica");
        expectNoViolation(
            await judge(program, { "aws-rds-instance-multi-az": { judgeReadReplicas: false } }),
            "aws-rds-instance-multi-az",
        );
    });
});
