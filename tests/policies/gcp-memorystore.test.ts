import * as assert from "assert";
import { unknownAtPreview } from "./aws-fixtures";
import { exemptLabel, rawGcp, redisCluster, redisInstance, valkeyInstance } from "./gcp-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/** The Memorystore policies through the real analyzer, on what a program sends under the mock engine. */

const emptyReason = (policy: string) => ({ [`pulumi-ha-exempt-${policy}`]: "" });

describe("policy gcp-redis-instance-ha", () => {
    const policy = "gcp-redis-instance-ha";
    const judge = usePolicyPack();

    it("passes STANDARD_HA; fails BASIC and unset, naming the instance", async () => {
        expectNoViolation(await judge(() => redisInstance("cache")), policy);
        const d = expectOneViolation(await judge(() => redisInstance("cache", { tier: "BASIC" })), policy, "cache");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Memorystore Instance cache has no replica to fail over to (tier is BASIC); needs STANDARD_HA.",
        );
        assert.match(
            expectOneViolation(await judge(() => redisInstance("cache", { tier: undefined })), policy, "cache").message,
            /unset: the default is BASIC/,
        );
    });

    it("requireReadReplicas demands READ_REPLICAS_ENABLED", async () => {
        const program = () => redisInstance("cache", { readReplicasMode: undefined, replicaCount: undefined });
        expectNoViolation(await judge(program), policy);
        expectOneViolation(await judge(program, { [policy]: { requireReadReplicas: true } }), policy, "cache");
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        expectNoViolation(
            await judge(() => redisInstance("cache", { tier: "BASIC", labels: exemptLabel(policy) })),
            policy,
        );
        expectOneViolation(
            await judge(() => redisInstance("cache", { tier: "BASIC", labels: emptyReason(policy) })),
            policy,
            "cache",
        );
        const program = () => redisInstance("cache", { tier: unknownAtPreview("tier", "BASIC") });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "cache");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.redisInstance("cache")])) > 50);
            const v = await raw(
                [rawGcp.redisInstance("a", { tier: "standard_ha" }), rawGcp.redisInstance("b", { tier: 2 })],
                only(policy, "mandatory"),
            );
            expectOneViolation(v, policy, "b");
        });
    });
});

describe("policy gcp-redis-instance-encryption", () => {
    const policy = "gcp-redis-instance-encryption";
    const judge = usePolicyPack();

    it("passes SERVER_AUTHENTICATION; fails DISABLED and unset, naming the instance", async () => {
        expectNoViolation(await judge(() => redisInstance("cache")), policy);
        assert.strictEqual(
            expectOneViolation(
                await judge(() => redisInstance("cache", { transitEncryptionMode: "DISABLED" })),
                policy,
                "cache",
            ).message,
            "Memorystore Instance cache serves clients without TLS (transitEncryptionMode is DISABLED); needs SERVER_AUTHENTICATION.",
        );
        assert.match(
            expectOneViolation(
                await judge(() => redisInstance("cache", { transitEncryptionMode: undefined })),
                policy,
                "cache",
            ).message,
            /unset: the default is DISABLED/,
        );
    });

    it("requireAuth demands authEnabled", async () => {
        const program = () => redisInstance("cache", { authEnabled: false });
        expectNoViolation(await judge(program), policy);
        assert.strictEqual(
            expectOneViolation(await judge(program, { [policy]: { requireAuth: true } }), policy, "cache").message,
            "Memorystore Instance cache admits clients without a password (authEnabled is not true).",
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const plain = (labels: Record<string, string>) => () =>
            redisInstance("cache", { transitEncryptionMode: "DISABLED", labels });
        expectNoViolation(await judge(plain(exemptLabel(policy))), policy);
        expectOneViolation(await judge(plain(emptyReason(policy))), policy, "cache");
        const program = () => redisInstance("cache", { transitEncryptionMode: unknownAtPreview("tls", "DISABLED") });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "cache");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing instance", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.redisInstance("cache")])) > 50);
        });
    });
});

describe("policy gcp-memorystore-cluster-replicas", () => {
    const policy = "gcp-memorystore-cluster-replicas";
    const judge = usePolicyPack();

    it("passes replicaCount 1 on Redis Cluster and Valkey; fails 0 and unset (the default is 0), naming each", async () => {
        expectNoViolation(
            await judge(() => {
                redisCluster("sessions");
                valkeyInstance("queue");
            }),
            policy,
        );
        const v = violationsOf(
            await judge(() => {
                redisCluster("sessions", { replicaCount: 0 });
                valkeyInstance("queue", { replicaCount: undefined });
            }),
            policy,
        );
        assert.deepStrictEqual(
            v
                .map((d) => [d.urn.split("::").pop(), d.level, d.message])
                .sort()
                .reverse(),
            [
                [
                    "sessions",
                    "mandatory",
                    "Memorystore Cluster sessions has 0 replica(s) per shard (replicaCount is 0); needs at least 1 per shard, so a node's failure loses no shard.",
                ],
                [
                    "queue",
                    "mandatory",
                    "Memorystore Instance (Valkey) queue has no replica per shard (replicaCount is unset: the default is 0); needs at least 1 per shard, so a node's failure loses no shard.",
                ],
            ],
        );
    });

    it("takes minReplicas from config", async () => {
        expectOneViolation(
            await judge(() => redisCluster("sessions"), { [policy]: { minReplicas: 2 } }),
            policy,
            "sessions",
        );
        expectNoViolation(
            await judge(() => redisCluster("sessions", { replicaCount: 2 }), { [policy]: { minReplicas: 2 } }),
            policy,
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        expectNoViolation(
            await judge(() => valkeyInstance("queue", { replicaCount: 0, labels: exemptLabel(policy) })),
            policy,
        );
        expectOneViolation(
            await judge(() => valkeyInstance("queue", { replicaCount: 0, labels: emptyReason(policy) })),
            policy,
            "queue",
        );
        const program = () => redisCluster("sessions", { replicaCount: unknownAtPreview("rc", 0) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "sessions");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing cluster", async () => {
            assert.ok(
                (await expectRobust(raw, policy, [rawGcp.redisCluster("sessions"), rawGcp.valkeyInstance("queue")])) >
                    50,
            );
        });
    });
});

describe("policy gcp-memorystore-cluster-zones", () => {
    const policy = "gcp-memorystore-cluster-zones";
    const judge = usePolicyPack();

    it("passes MULTI_ZONE and unset (the API's default); fails SINGLE_ZONE, naming each", async () => {
        expectNoViolation(
            await judge(() => {
                redisCluster("sessions");
                valkeyInstance("queue", { zoneDistributionConfig: undefined });
                redisCluster("other", { zoneDistributionConfig: {} });
            }),
            policy,
        );
        const v = violationsOf(
            await judge(() => {
                redisCluster("sessions", { zoneDistributionConfig: { mode: "SINGLE_ZONE", zone: "europe-west1-b" } });
                valkeyInstance("queue", { zoneDistributionConfig: { mode: "SINGLE_ZONE" } });
            }),
            policy,
        );
        assert.deepStrictEqual(
            v
                .map((d) => [d.urn.split("::").pop(), d.message])
                .sort()
                .reverse(),
            [
                [
                    "sessions",
                    "Memorystore Cluster sessions places its nodes in one zone (zoneDistributionConfig.mode is SINGLE_ZONE, zone europe-west1-b): losing that zone loses the cluster; needs MULTI_ZONE.",
                ],
                [
                    "queue",
                    "Memorystore Instance (Valkey) queue places its nodes in one zone (zoneDistributionConfig.mode is SINGLE_ZONE): losing that zone loses the cluster; needs MULTI_ZONE.",
                ],
            ],
        );
    });

    it("requireExplicitMultiZone fails an unset mode", async () => {
        const program = () => valkeyInstance("queue", { zoneDistributionConfig: undefined });
        expectOneViolation(await judge(program, { [policy]: { requireExplicitMultiZone: true } }), policy, "queue");
        expectNoViolation(
            await judge(() => valkeyInstance("queue"), { [policy]: { requireExplicitMultiZone: true } }),
            policy,
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const single = (labels: Record<string, string>) => () =>
            redisCluster("sessions", { zoneDistributionConfig: { mode: "SINGLE_ZONE" }, labels });
        expectNoViolation(await judge(single(exemptLabel(policy))), policy);
        expectOneViolation(await judge(single(emptyReason(policy))), policy, "sessions");
        const program = () =>
            redisCluster("sessions", { zoneDistributionConfig: { mode: unknownAtPreview("zd", "SINGLE_ZONE") } });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "sessions");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing cluster", async () => {
            assert.ok(
                (await expectRobust(raw, policy, [rawGcp.redisCluster("sessions"), rawGcp.valkeyInstance("queue")])) >
                    50,
            );
        });
    });
});
