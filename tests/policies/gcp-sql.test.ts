import * as assert from "assert";
import { unknownAtPreview } from "./aws-fixtures";
import { exemptLabel, rawGcp, sqlInstance, sqlSettings } from "./gcp-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/**
 * The Cloud SQL policies through the real analyzer, on what a program sends under the mock
 * engine (inputs, and the mock's echo of them as outputs): not proof of what GCP does.
 */

const label = (policy: string, reason: string) => ({ [`pulumi-ha-exempt-${policy}`]: reason });

describe("policy gcp-sql-ha", () => {
    const policy = "gcp-sql-ha";
    const judge = usePolicyPack();

    it("passes REGIONAL; fails ZONAL and unset, naming the instance", async () => {
        expectNoViolation(await judge(() => sqlInstance("orders")), policy);
        const d = expectOneViolation(
            await judge(() => sqlInstance("orders", { settings: sqlSettings({ availabilityType: "ZONAL" }) })),
            policy,
            "orders",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Cloud SQL DatabaseInstance orders runs in one zone (settings.availabilityType is ZONAL): losing that zone loses the database; needs REGIONAL.",
        );
        assert.match(
            expectOneViolation(
                await judge(() => sqlInstance("orders", { settings: sqlSettings({ availabilityType: undefined }) })),
                policy,
                "orders",
            ).message,
            /unset: the default is ZONAL/,
        );
    });

    it("does not judge read replicas (masterInstanceName), unless judgeReadReplicas", async () => {
        const replica = () =>
            sqlInstance("orders-replica", {
                masterInstanceName: "orders",
                settings: sqlSettings({ availabilityType: "ZONAL", backupConfiguration: { enabled: false } }),
            });
        expectNoViolation(await judge(replica), policy);
        expectOneViolation(await judge(replica, { [policy]: { judgeReadReplicas: true } }), policy, "orders-replica");
    });

    it("honours the exemption label in settings.userLabels, not an empty reason; never fails on an unknown", async () => {
        const zonal = (labels: Record<string, string>) => () =>
            sqlInstance("orders", { settings: sqlSettings({ availabilityType: "ZONAL", userLabels: labels }) });
        expectNoViolation(await judge(zonal(exemptLabel(policy))), policy);
        expectOneViolation(await judge(zonal(label(policy, ""))), policy, "orders");
        const program = () =>
            sqlInstance("orders", { settings: sqlSettings({ availabilityType: unknownAtPreview("at", "ZONAL") }) });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "orders");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.sqlInstance("pg")])) > 100);
        });
    });
});

describe("policy gcp-sql-backups", () => {
    const policy = "gcp-sql-backups";
    const judge = usePolicyPack();

    it("passes backups with PITR; fails backups off or unset, naming the instance", async () => {
        expectNoViolation(await judge(() => sqlInstance("orders")), policy);
        const off = expectOneViolation(
            await judge(() =>
                sqlInstance("orders", {
                    settings: sqlSettings({ availabilityType: "ZONAL", backupConfiguration: { enabled: false } }),
                }),
            ),
            policy,
            "orders",
        );
        assert.strictEqual(
            off.message,
            "Cloud SQL DatabaseInstance orders takes no automated backups (settings.backupConfiguration.enabled is false).",
        );
        expectOneViolation(
            await judge(() => sqlInstance("orders", { settings: sqlSettings({ backupConfiguration: undefined }) })),
            policy,
            "orders",
        );
    });

    it("fails Postgres without PITR (unset or false), not MySQL; ENTERPRISE_PLUS has PITR by default", async () => {
        const noPitr =
            (pitr: boolean | undefined, over: Record<string, unknown> = {}) =>
            () =>
                sqlInstance("orders", {
                    ...over,
                    settings: sqlSettings({
                        edition: (over.edition as string) ?? "ENTERPRISE",
                        backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: pitr },
                    }),
                });
        assert.match(
            expectOneViolation(await judge(noPitr(undefined)), policy, "orders").message,
            /has no point-in-time recovery \(settings.backupConfiguration.pointInTimeRecoveryEnabled is unset/,
        );
        expectOneViolation(await judge(noPitr(false)), policy, "orders");
        expectNoViolation(await judge(noPitr(false, { databaseVersion: "MYSQL_8_0" })), policy);
        expectNoViolation(await judge(noPitr(undefined, { edition: "ENTERPRISE_PLUS" })), policy);
        expectNoViolation(await judge(noPitr(false), { [policy]: { requirePointInTimeRecovery: false } }), policy);
    });

    it("takes retained backups and transaction log days from config; skips read replicas", async () => {
        const short = () =>
            sqlInstance("orders", {
                settings: sqlSettings({
                    backupConfiguration: {
                        enabled: true,
                        pointInTimeRecoveryEnabled: true,
                        transactionLogRetentionDays: 3,
                        backupRetentionSettings: { retainedBackups: 3 },
                    },
                }),
            });
        const v = violationsOf(await judge(short), policy);
        assert.deepStrictEqual(
            v.map((d) => d.message),
            [
                "Cloud SQL DatabaseInstance orders keeps 3 automated backup(s) (settings.backupConfiguration.backupRetentionSettings.retainedBackups); needs at least 7.",
                "Cloud SQL DatabaseInstance orders keeps 3 day(s) of transaction logs (settings.backupConfiguration.transactionLogRetentionDays); needs at least 7.",
            ],
        );
        expectNoViolation(
            await judge(short, { [policy]: { minRetainedBackups: 3, minTransactionLogDays: 3 } }),
            policy,
        );
        expectNoViolation(
            await judge(() =>
                sqlInstance("replica", {
                    masterInstanceName: "orders",
                    settings: sqlSettings({ backupConfiguration: { enabled: false } }),
                }),
            ),
            policy,
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const off = (labels: Record<string, string>) => () =>
            sqlInstance("orders", {
                settings: sqlSettings({ backupConfiguration: { enabled: false }, userLabels: labels }),
            });
        expectNoViolation(await judge(off(exemptLabel(policy))), policy);
        expectOneViolation(await judge(off(label(policy, " "))), policy, "orders");
        const program = () =>
            sqlInstance("orders", {
                settings: sqlSettings({
                    backupConfiguration: { enabled: unknownAtPreview("b", false), pointInTimeRecoveryEnabled: true },
                }),
            });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "orders");
        // A database version unknown at preview: PITR is judged at update.
        const version = () =>
            sqlInstance("orders", {
                databaseVersion: unknownAtPreview("v", "POSTGRES_16"),
                settings: sqlSettings({ backupConfiguration: { enabled: true } }),
            });
        expectNoViolation(await judge(version, {}, true), policy);
        expectOneViolation(await judge(version), policy, "orders");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.sqlInstance("pg")])) > 100);
            const v = await raw(
                [
                    rawGcp.sqlInstance("db", {
                        settings: { backupConfiguration: { enabled: "true", pointInTimeRecoveryEnabled: "true" } },
                    }),
                    rawGcp.sqlInstance("db2", { settings: { backupConfiguration: { enabled: "yes" } } }),
                ],
                only(policy, "mandatory"),
            );
            expectOneViolation(v, policy, "db2");
        });
    });
});

describe("policy gcp-sql-deletion-protection", () => {
    const policy = "gcp-sql-deletion-protection";
    const judge = usePolicyPack();

    it("passes either protection (the provider's defaults to true); reports both off as advisory", async () => {
        expectNoViolation(await judge(() => sqlInstance("orders")), policy);
        expectNoViolation(
            await judge(() =>
                sqlInstance("orders", {
                    deletionProtection: undefined,
                    settings: sqlSettings({ deletionProtectionEnabled: undefined }),
                }),
            ),
            policy,
        );
        expectNoViolation(await judge(() => sqlInstance("orders", { deletionProtection: false })), policy);
        const d = expectOneViolation(
            await judge(() =>
                sqlInstance("orders", {
                    deletionProtection: false,
                    settings: sqlSettings({ deletionProtectionEnabled: false }),
                }),
            ),
            policy,
            "orders",
        );
        assert.strictEqual(d.level, "advisory");
        assert.strictEqual(
            d.message,
            "Cloud SQL DatabaseInstance orders can be deleted (deletionProtection is false and settings.deletionProtectionEnabled is not true).",
        );
    });

    it("with requireApiSide demands settings.deletionProtectionEnabled", async () => {
        const providerOnly = () =>
            sqlInstance("orders", { settings: sqlSettings({ deletionProtectionEnabled: undefined }) });
        expectNoViolation(await judge(providerOnly), policy);
        expectOneViolation(await judge(providerOnly, { [policy]: { requireApiSide: true } }), policy, "orders");
    });

    it("honours the exemption label; never fails on an unknown", async () => {
        const off =
            (labels: Record<string, string>, dp: boolean | ReturnType<typeof unknownAtPreview<boolean>>) => () =>
                sqlInstance("orders", {
                    deletionProtection: dp,
                    settings: sqlSettings({ deletionProtectionEnabled: false, userLabels: labels }),
                });
        expectNoViolation(await judge(off(exemptLabel(policy), false)), policy);
        expectOneViolation(await judge(off(label(policy, ""), false)), policy, "orders");
        const unknown = () => off({}, unknownAtPreview("dp", false))();
        expectNoViolation(await judge(unknown, {}, true), policy);
        expectOneViolation(await judge(unknown), policy, "orders");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.sqlInstance("pg")])) > 100);
        });
    });
});

describe("policy gcp-sql-public-access", () => {
    const policy = "gcp-sql-public-access";
    const judge = usePolicyPack();
    const ip = (over: Record<string, unknown>) => () =>
        sqlInstance("orders", {
            settings: sqlSettings({
                ipConfiguration: { privateNetwork: "projects/demo/global/networks/main", ...over },
            }),
        });

    it("passes a private IP only; fails a public IP (true or unset) and 0.0.0.0/0, naming the instance", async () => {
        expectNoViolation(await judge(() => sqlInstance("orders")), policy);
        expectNoViolation(await judge(ip({ ipv4Enabled: false })), policy);
        const d = expectOneViolation(await judge(ip({ ipv4Enabled: true })), policy, "orders");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Cloud SQL DatabaseInstance orders has a public IPv4 address (settings.ipConfiguration.ipv4Enabled is true); use a private IP only.",
        );
        assert.match(
            expectOneViolation(await judge(ip({})), policy, "orders").message,
            /not false: Cloud SQL assigns one by default/,
        );
        expectOneViolation(
            await judge(() => sqlInstance("orders", { settings: sqlSettings({ ipConfiguration: undefined }) })),
            policy,
            "orders",
        );
        const world = violationsOf(
            await judge(ip({ ipv4Enabled: true, authorizedNetworks: [{ name: "all", value: "0.0.0.0/0" }] })),
            policy,
        );
        assert.deepStrictEqual(
            world.map((x) => x.message),
            [
                "Cloud SQL DatabaseInstance orders admits the whole internet (settings.ipConfiguration.authorizedNetworks holds 0.0.0.0/0).",
                "Cloud SQL DatabaseInstance orders has a public IPv4 address (settings.ipConfiguration.ipv4Enabled is true); use a private IP only.",
            ],
        );
    });

    it("allowPublicIp accepts a public IP with listed networks, never 0.0.0.0/0", async () => {
        const config = { [policy]: { allowPublicIp: true } };
        expectNoViolation(
            await judge(ip({ ipv4Enabled: true, authorizedNetworks: [{ value: "203.0.113.0/24" }] }), config),
            policy,
        );
        assert.match(
            expectOneViolation(
                await judge(
                    ip({
                        ipv4Enabled: true,
                        authorizedNetworks: [{ value: "203.0.113.0/24" }, { value: "0.0.0.0/0" }],
                    }),
                    config,
                ),
                policy,
                "orders",
            ).message,
            /admits the whole internet/,
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const pub = (labels: Record<string, string>) => () =>
            sqlInstance("orders", {
                settings: sqlSettings({ ipConfiguration: { ipv4Enabled: true }, userLabels: labels }),
            });
        expectNoViolation(await judge(pub(exemptLabel(policy, "public_demo"))), policy);
        expectOneViolation(await judge(pub(label(policy, ""))), policy, "orders");
        const program = () =>
            ip({ ipv4Enabled: false, authorizedNetworks: [{ value: unknownAtPreview("cidr", "0.0.0.0/0") }] })();
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "orders");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.sqlInstance("pg")])) > 100);
        });
    });
});
