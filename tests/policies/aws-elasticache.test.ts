import * as assert from "assert";
import { exempt, rawAws, replicationGroup, unknownAtPreview } from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/** The ElastiCache policies through the real analyzer, on the inputs a program sends (not what AWS accepts). */

const urnsAndMessages = (v: Awaited<ReturnType<ReturnType<typeof usePolicyPack>>>, policy: string) =>
    violationsOf(v, policy).map((d) => [d.urn.split("::").pop(), d.message]);

describe("policy aws-elasticache-failover", () => {
    const policy = "aws-elasticache-failover";
    const judge = usePolicyPack();

    it("passes two nodes with failover and Multi-AZ, and a sharded group with a replica per shard", async () => {
        expectNoViolation(await judge(() => replicationGroup("cache")), policy);
        expectNoViolation(
            await judge(() =>
                replicationGroup("sharded", {
                    numCacheClusters: undefined,
                    clusterMode: "enabled",
                    numNodeGroups: 3,
                    replicasPerNodeGroup: 1,
                }),
            ),
            policy,
        );
    });

    it("fails the defaults (one node, no failover, single-AZ) with one message per problem, naming the group", async () => {
        const v = await judge(() =>
            replicationGroup("cache", {
                numCacheClusters: undefined,
                automaticFailoverEnabled: undefined,
                multiAzEnabled: undefined,
            }),
        );
        assert.deepStrictEqual(urnsAndMessages(v, policy), [
            [
                "cache",
                "ElastiCache ReplicationGroup cache does not fail over by itself (automaticFailoverEnabled is not true).",
            ],
            [
                "cache",
                "ElastiCache ReplicationGroup cache is not Multi-AZ (multiAzEnabled is not true): its replicas may share the primary's zone.",
            ],
            ["cache", "ElastiCache ReplicationGroup cache runs 1 node(s) (numCacheClusters); needs at least 2."],
        ]);
        assert.ok(violationsOf(v, policy).every((d) => d.level === "mandatory"));
    });

    it("fails shards without replicas, and takes the node count from config", async () => {
        const sharded = () =>
            replicationGroup("sharded", { numCacheClusters: undefined, numNodeGroups: 2, replicasPerNodeGroup: 0 });
        assert.strictEqual(
            expectOneViolation(await judge(sharded), policy, "sharded").message,
            "ElastiCache ReplicationGroup sharded runs 1 node(s) per shard (replicasPerNodeGroup 0); needs at least 2.",
        );
        expectOneViolation(
            await judge(() => replicationGroup("cache"), { [policy]: { minNodesPerShard: 3 } }),
            policy,
            "cache",
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => replicationGroup("cache", { numCacheClusters: 1, tags: exempt(policy) })),
            policy,
        );
        const program = () => replicationGroup("cache", { multiAzEnabled: unknownAtPreview("maz", false) });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "cache");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing group", async () => {
            const sharded = rawAws.replicationGroup("sharded", {
                numCacheClusters: undefined,
                numNodeGroups: 2,
                replicasPerNodeGroup: 1,
            });
            assert.ok((await expectRobust(raw, policy, [rawAws.replicationGroup("cache"), sharded])) > 100);
            // Booleans and counts given as strings are read as the provider coerces them.
            expectNoViolation(
                await raw(
                    [
                        rawAws.replicationGroup("cache", {
                            automaticFailoverEnabled: "true",
                            multiAzEnabled: "TRUE",
                            numCacheClusters: "3",
                        }),
                    ],
                    only(policy, "mandatory"),
                ),
                policy,
            );
        });
    });
});

describe("policy aws-elasticache-encryption", () => {
    const policy = "aws-elasticache-encryption";
    const judge = usePolicyPack();

    it("passes encryption at rest and in transit, and valkey's default at-rest encryption", async () => {
        expectNoViolation(await judge(() => replicationGroup("cache")), policy);
        expectNoViolation(
            await judge(() => replicationGroup("valkey", { engine: "valkey", atRestEncryptionEnabled: undefined })),
            policy,
        );
    });

    it("fails a redis group without encryption, naming it, and transitEncryptionMode preferred", async () => {
        const v = await judge(() => {
            replicationGroup("cache", { atRestEncryptionEnabled: undefined, transitEncryptionEnabled: false });
            replicationGroup("migrating", { transitEncryptionMode: "preferred" });
        });
        assert.deepStrictEqual(urnsAndMessages(v, policy), [
            [
                "cache",
                "ElastiCache ReplicationGroup cache stores data unencrypted (atRestEncryptionEnabled is not true).",
            ],
            [
                "cache",
                "ElastiCache ReplicationGroup cache serves clients without TLS (transitEncryptionEnabled is not true).",
            ],
            [
                "migrating",
                "ElastiCache ReplicationGroup migrating still admits plain-text clients (transitEncryptionMode is preferred, not required).",
            ],
        ]);
        expectNoViolation(
            await judge(() => replicationGroup("migrating", { transitEncryptionMode: "preferred" }), {
                [policy]: { allowPreferredTransit: true },
            }),
            policy,
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => replicationGroup("cache", { transitEncryptionEnabled: false, tags: exempt(policy) })),
            policy,
        );
        const program = () => replicationGroup("cache", { atRestEncryptionEnabled: unknownAtPreview("rest", false) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "cache");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing group; string booleans are read", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.replicationGroup("cache")])) > 50);
            const v = await raw(
                [
                    rawAws.replicationGroup("strings", {
                        atRestEncryptionEnabled: "true",
                        transitEncryptionEnabled: "True",
                    }),
                    rawAws.replicationGroup("off", {
                        atRestEncryptionEnabled: "false",
                        transitEncryptionEnabled: "yes",
                    }),
                ],
                only(policy, "mandatory"),
            );
            assert.deepStrictEqual(
                violationsOf(v, policy).map((d) => d.urn.split("::").pop()),
                ["off", "off"],
            );
        });
    });
});
