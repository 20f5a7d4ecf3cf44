import * as assert from "assert";
import { unknownAtPreview } from "./aws-fixtures";
import { exemptLabel, gcpZones, gkeCluster, nodePool, rawGcp } from "./gcp-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, useRawPack } from "./raw-pack";

/** The GKE policies through the real analyzer, on what a program sends under the mock engine. */

const emptyReason = (policy: string) => ({ [`pulumi-ha-exempt-${policy}`]: "" });

describe("policy gcp-gke-regional", () => {
    const policy = "gcp-gke-regional";
    const judge = usePolicyPack();

    it("passes a regional cluster; fails a zonal one and an unset location, naming the cluster", async () => {
        expectNoViolation(await judge(() => gkeCluster("main")), policy);
        expectNoViolation(await judge(() => gkeCluster("main", { nodeLocations: gcpZones })), policy);
        const d = expectOneViolation(
            await judge(() => gkeCluster("main", { location: "europe-west1-b" })),
            policy,
            "main",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "GKE Cluster main is zonal: its location is a zone (europe-west1-b), so its control plane runs in one zone; needs a region such as europe-west1.",
        );
        // A zonal cluster with nodes in several zones is still zonal.
        expectOneViolation(
            await judge(() => gkeCluster("main", { location: "europe-west1-b", nodeLocations: gcpZones })),
            policy,
            "main",
        );
        assert.match(
            expectOneViolation(await judge(() => gkeCluster("main", { location: undefined })), policy, "main").message,
            /not a region \(unset: the provider's default location\)/,
        );
    });

    it("takes minNodeZones from config for an explicit nodeLocations", async () => {
        const one = () => gkeCluster("main", { nodeLocations: [gcpZones[0]] });
        assert.strictEqual(
            expectOneViolation(await judge(one), policy, "main").message,
            "GKE Cluster main places its nodes in 1 zone(s) (nodeLocations: europe-west1-b); needs at least 2.",
        );
        expectNoViolation(await judge(one, { [policy]: { minNodeZones: 1 } }), policy);
        expectOneViolation(
            await judge(() => gkeCluster("main", { nodeLocations: gcpZones.slice(0, 2) }), {
                [policy]: { minNodeZones: 3 },
            }),
            policy,
            "main",
        );
    });

    it("honours the exemption label in resourceLabels, not an empty reason; never fails on an unknown", async () => {
        const zonal = (labels: Record<string, string>) => () =>
            gkeCluster("main", { location: "europe-west1-b", resourceLabels: labels });
        expectNoViolation(await judge(zonal(exemptLabel(policy))), policy);
        expectOneViolation(await judge(zonal(emptyReason(policy))), policy, "main");
        const program = () => gkeCluster("main", { location: unknownAtPreview("loc", "europe-west1-b") });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "main");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing cluster", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.gkeCluster("main")])) > 50);
        });
    });
});

describe("policy gcp-gke-nodepool-min-nodes", () => {
    const policy = "gcp-gke-nodepool-min-nodes";
    const judge = usePolicyPack();

    it("passes min 1 per zone, or a total of one per zone; fails 0, no autoscaling and a short total, naming the pool", async () => {
        expectNoViolation(
            await judge(() => {
                const c = gkeCluster("main");
                nodePool("apps", c);
                nodePool("batch", c, { autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9 } });
            }),
            policy,
        );
        const d = expectOneViolation(
            await judge(() => nodePool("apps", "main", { autoscaling: { minNodeCount: 0, maxNodeCount: 3 } })),
            policy,
            "apps",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "GKE NodePool apps may scale down to 0 node(s) per zone (autoscaling.minNodeCount); needs at least 1.",
        );
        assert.strictEqual(
            expectOneViolation(
                await judge(() => nodePool("apps", "main", { autoscaling: undefined, nodeCount: 1 })),
                policy,
                "apps",
            ).message,
            "GKE NodePool apps does not autoscale (no autoscaling block); needs at least 1 node(s) per zone.",
        );
        assert.strictEqual(
            expectOneViolation(
                await judge(() =>
                    nodePool("apps", "main", { autoscaling: { totalMinNodeCount: 2, totalMaxNodeCount: 9 } }),
                ),
                policy,
                "apps",
            ).message,
            "GKE NodePool apps may scale down to 2 node(s) in all (autoscaling.totalMinNodeCount) over 3 zone(s) (GKE's default of three zones for a regional pool); needs at least 3, 1 per zone.",
        );
        // Two zones named: a total of 2 is one per zone.
        expectNoViolation(
            await judge(() =>
                nodePool("apps", "main", {
                    nodeLocations: gcpZones.slice(0, 2),
                    autoscaling: { totalMinNodeCount: 2, totalMaxNodeCount: 9 },
                }),
            ),
            policy,
        );
    });

    it("judges a cluster's inline node pools, and passes an Autopilot cluster", async () => {
        const inline = violationsOf(
            await judge(() =>
                gkeCluster("main", {
                    removeDefaultNodePool: undefined,
                    initialNodeCount: undefined,
                    nodePools: [
                        { name: "ok", autoscaling: { minNodeCount: 1, maxNodeCount: 3 } },
                        { name: "zero", autoscaling: { minNodeCount: 0, maxNodeCount: 3 } },
                    ],
                }),
            ),
            policy,
        );
        assert.deepStrictEqual(
            inline.map((x) => x.message),
            [
                "GKE Cluster main's node pool zero may scale down to 0 node(s) per zone (autoscaling.minNodeCount); needs at least 1.",
            ],
        );
        expectNoViolation(
            await judge(() =>
                gkeCluster("auto", {
                    enableAutopilot: true,
                    removeDefaultNodePool: undefined,
                    initialNodeCount: undefined,
                }),
            ),
            policy,
        );
    });

    it("takes minNodesPerZone and requireAutoscaling from config", async () => {
        expectOneViolation(
            await judge(() => nodePool("apps", "main"), { [policy]: { minNodesPerZone: 2 } }),
            policy,
            "apps",
        );
        const fixed = (nodeCount: number) => () => nodePool("apps", "main", { autoscaling: undefined, nodeCount });
        expectNoViolation(await judge(fixed(1), { [policy]: { requireAutoscaling: false } }), policy);
        expectOneViolation(await judge(fixed(0), { [policy]: { requireAutoscaling: false } }), policy, "apps");
    });

    it("honours the exemption label in nodeConfig.resourceLabels, not an empty reason; never fails on an unknown", async () => {
        const zero = (labels: Record<string, string>) => () =>
            nodePool("apps", "main", {
                autoscaling: { minNodeCount: 0, maxNodeCount: 3 },
                nodeConfig: { machineType: "e2-standard-4", resourceLabels: labels },
            });
        expectNoViolation(await judge(zero(exemptLabel(policy, "batch_only"))), policy);
        expectOneViolation(await judge(zero(emptyReason(policy))), policy, "apps");
        const program = () =>
            nodePool("apps", "main", { autoscaling: { minNodeCount: unknownAtPreview("min", 0), maxNodeCount: 3 } });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "apps");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing pool", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.nodePool("apps"), rawGcp.gkeCluster("main")])) > 100);
        });
    });
});

describe("policy gcp-gke-nodepool-auto-repair", () => {
    const policy = "gcp-gke-nodepool-auto-repair";
    const judge = usePolicyPack();

    it("passes autoRepair true or unset (on by default); fails false, naming the pool", async () => {
        expectNoViolation(await judge(() => nodePool("apps", "main")), policy);
        expectNoViolation(await judge(() => nodePool("apps", "main", { management: undefined })), policy);
        const d = expectOneViolation(
            await judge(() => nodePool("apps", "main", { management: { autoRepair: false } })),
            policy,
            "apps",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "GKE NodePool apps leaves failing nodes broken (management.autoRepair is false).",
        );
        expectOneViolation(
            await judge(() => gkeCluster("main", { nodePools: [{ name: "apps", management: { autoRepair: false } }] })),
            policy,
            "main",
        );
        expectNoViolation(
            await judge(() =>
                gkeCluster("auto", {
                    enableAutopilot: true,
                    nodePools: [{ name: "x", management: { autoRepair: false } }],
                }),
            ),
            policy,
        );
    });

    it("requireExplicit demands autoRepair: true", async () => {
        const program = () => nodePool("apps", "main", { management: undefined });
        expectOneViolation(await judge(program, { [policy]: { requireExplicit: true } }), policy, "apps");
        expectNoViolation(await judge(() => nodePool("apps", "main"), { [policy]: { requireExplicit: true } }), policy);
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const off = (labels: Record<string, string>) => () =>
            nodePool("apps", "main", {
                management: { autoRepair: false },
                nodeConfig: { machineType: "e2-standard-4", resourceLabels: labels },
            });
        expectNoViolation(await judge(off(exemptLabel(policy))), policy);
        expectOneViolation(await judge(off(emptyReason(policy))), policy, "apps");
        const program = () => nodePool("apps", "main", { management: { autoRepair: unknownAtPreview("ar", false) } });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "apps");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing pool", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.nodePool("apps"), rawGcp.gkeCluster("main")])) > 100);
        });
    });
});
