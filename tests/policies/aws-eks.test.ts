import * as assert from "assert";
import { clusterPerZone, eksCluster, exempt, nodeGroup, rawAws, subnet, unknownAtPreview, zones } from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";
import { UNKNOWN, expectRobust, only, useRawPack } from "./raw-pack";

/** The EKS node group policies through the real analyzer, on the inputs a program sends (not what AWS accepts). */

describe("policy aws-eks-nodegroup-zones", () => {
    const policy = "aws-eks-nodegroup-zones";
    const judge = usePolicyPack();

    it("passes a node group over subnets of the stack in three zones (matched through subnetIds' references)", async () => {
        const program = () =>
            nodeGroup(
                "nodes",
                zones.map((z, i) => subnet(`private-${i}`, z).id),
            );
        expectNoViolation(await judge(program), policy);
        // At preview the subnet ids are unknown: the references still find the subnets, with no notice.
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.deepStrictEqual(
            preview.notices.filter((d) => d.policy === policy),
            [],
        );
    });

    it("fails subnets all in one zone, and a single subnet, naming the node group", async () => {
        const d = expectOneViolation(
            await judge(() => nodeGroup("nodes", [subnet("a", zones[0]).id, subnet("b", zones[0]).id])),
            policy,
            "nodes",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "EKS NodeGroup nodes places its nodes in 1 Availability Zone(s) (eu-west-1a, from subnets a, b); needs at least 2.",
        );
        // One subnet is one zone, whatever its id: judged even while the id is unknown.
        const one = () => nodeGroup("nodes", [subnet("a", zones[0]).id]);
        for (const preview of [true, false])
            assert.strictEqual(
                expectOneViolation(await judge(one, {}, preview), policy, "nodes").message,
                "EKS NodeGroup nodes has 1 subnet(s) in subnetIds, so its nodes span at most 1 Availability Zone(s); needs at least 2.",
            );
    });

    it("matches subnets by id; subnets outside the stack cannot be judged and pass", async () => {
        const raw = [rawAws.subnet("a", "subnet-a", zones[0]), rawAws.subnet("b", "subnet-b", zones[0])];
        expectOneViolation(
            await judgeRaw([...raw, rawAws.nodeGroup("nodes", ["subnet-a", "subnet-b"])]),
            policy,
            "nodes",
        );
        expectNoViolation(await judgeRaw([...raw, rawAws.nodeGroup("nodes", ["subnet-a", "subnet-x"])]), policy);
    });

    it("takes minZones from config; honours the exemption tag", async () => {
        const two = () => nodeGroup("nodes", [subnet("a", zones[0]).id, subnet("b", zones[1]).id]);
        expectOneViolation(await judge(two, { [policy]: { minZones: 3 } }), policy, "nodes");
        expectNoViolation(
            await judge(() =>
                nodeGroup("nodes", [subnet("a", zones[0]).id, subnet("b", zones[0]).id], { tags: exempt(policy) }),
            ),
            policy,
        );
    });

    it("never fails on a subnet zone unknown at preview; judges it at update", async () => {
        const program = () =>
            nodeGroup("nodes", [subnet("a", zones[0]).id, subnet("b", unknownAtPreview("zone", zones[0])).id]);
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "nodes");
    });

    const rawPack = useRawPack();
    const judgeRaw = (resources: Parameters<typeof rawPack>[0]) => rawPack(resources, only(policy, "mandatory"));

    it("malformed shapes: never throws, never prints undefined, an unknown never fails a passing group", async () => {
        const context = zones.map((z, i) => rawAws.subnet(`s${i}`, `subnet-${i}`, z));
        const group = rawAws.nodeGroup("nodes", ["subnet-0", "subnet-1", "subnet-2"]);
        assert.ok((await expectRobust(rawPack, policy, [group], context)) > 50);
        assert.ok((await expectRobust(rawPack, policy, context, [group])) > 50);
    });
});

describe("policy aws-eks-nodegroup-min-size", () => {
    const policy = "aws-eks-nodegroup-min-size";
    const judge = usePolicyPack();
    const subnets = ["subnet-a", "subnet-b"];

    it("passes minSize 3, fails minSize 1, naming the node group; takes the floor from config", async () => {
        expectNoViolation(await judge(() => nodeGroup("nodes", subnets)), policy);
        const small = () => nodeGroup("nodes", subnets, { scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 } });
        const d = expectOneViolation(await judge(small), policy, "nodes");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(d.message, "EKS NodeGroup nodes may scale down to 1 node(s); needs at least 2.");
        expectNoViolation(await judge(small, { [policy]: { minNodes: 1 } }), policy);
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() =>
                nodeGroup("nodes", subnets, {
                    scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 3 },
                    tags: exempt(policy, "batch pool scaled to zero at night"),
                }),
            ),
            policy,
        );
        const program = () =>
            nodeGroup("nodes", subnets, {
                scalingConfig: { minSize: unknownAtPreview("min", 1), desiredSize: 1, maxSize: 3 },
            });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "nodes");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing group", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.nodeGroup("nodes", subnets)])) > 50);
            assert.strictEqual(
                expectOneViolation(
                    await raw(
                        [rawAws.nodeGroup("nodes", subnets, { scalingConfig: { minSize: "x" } })],
                        only(policy, "mandatory"),
                    ),
                    policy,
                    "nodes",
                ).message,
                "EKS NodeGroup nodes may scale down to scalingConfig.minSize x; needs at least 2.",
            );
        });
    });
});

/**
 * Both EKS policies judge the node groups of one cluster together (joined by clusterName):
 * the package's KubernetesCluster makes one node group per zone, minSize 1 each in production.
 */
describe("policies aws-eks-nodegroup-zones and aws-eks-nodegroup-min-size, per cluster", () => {
    const zonesPolicy = "aws-eks-nodegroup-zones";
    const minPolicy = "aws-eks-nodegroup-min-size";
    const both = [zonesPolicy, minPolicy];
    const judge = usePolicyPack();
    const rawPack = useRawPack();

    it("passes one node group per zone over three zones at minSize 1 each, at preview and update", async () => {
        for (const preview of [true, false]) {
            const v = await judge(() => clusterPerZone("main", zones, 1), {}, preview);
            for (const p of both) expectNoViolation(v, p);
            assert.deepStrictEqual(
                v.notices.filter((d) => both.includes(d.policy)),
                [],
            );
        }
    });

    it("fails node groups all in one zone on the cluster, naming its node groups, subnets and the zone", async () => {
        const v = await judge(() => clusterPerZone("main", [zones[0], zones[0]], 1));
        const d = expectOneViolation(v, zonesPolicy, "main");
        assert.ok(d.urn.includes("aws:eks/cluster:Cluster"), d.urn);
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "EKS Cluster main places its nodes in 1 Availability Zone(s) (eu-west-1a, from node groups main-zone-0 (subnets main-private-0); main-zone-1 (subnets main-private-1)); needs at least 2.",
        );
        // Two nodes together: enough for min-size.
        expectNoViolation(v, minPolicy);
        // One subnet over all the cluster's node groups: at most one zone.
        assert.strictEqual(
            expectOneViolation(await judge(() => clusterPerZone("main", [zones[0]], 2)), zonesPolicy, "main").message,
            "EKS Cluster main has 1 subnet(s) in its node groups' subnetIds (main-zone-0: 1), so its nodes span at most 1 Availability Zone(s); needs at least 2.",
        );
        // minZones from config applies to the cluster's zones together.
        expectOneViolation(
            await judge(() => clusterPerZone("main", zones.slice(0, 2), 1), { [zonesPolicy]: { minZones: 3 } }),
            zonesPolicy,
            "main",
        );
    });

    it("fails a cluster whose node groups' minSizes sum to 1, on the cluster", async () => {
        const program = () => {
            const subnets = zones.slice(0, 2).map((z, i) => subnet(`private-${i}`, z));
            const cluster = eksCluster(
                "main",
                subnets.map((s) => s.id),
            );
            [1, 0].forEach((minSize, i) =>
                nodeGroup(`main-zone-${i}`, [subnets[i].id], {
                    clusterName: cluster.name,
                    scalingConfig: { minSize, desiredSize: 1, maxSize: 3 },
                }),
            );
        };
        const v = await judge(program);
        expectNoViolation(v, zonesPolicy);
        const d = expectOneViolation(v, minPolicy, "main");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "EKS Cluster main may scale down to 1 node(s) across its node groups (main-zone-0: 1, main-zone-1: 0); needs at least 2.",
        );
        expectNoViolation(await judge(program, { [minPolicy]: { minNodes: 1 } }), minPolicy);
        // A single node group per zone at minSize 1 over three zones keeps three nodes; minNodes 4 does not.
        expectOneViolation(
            await judge(() => clusterPerZone("main", zones, 1), { [minPolicy]: { minNodes: 4 } }),
            minPolicy,
            "main",
        );
    });

    it("judges a node group alone, as before, when its cluster is not in the stack", async () => {
        const program = () => {
            clusterPerZone("other", zones, 1);
            nodeGroup("nodes", [subnet("a", zones[0]).id], {
                clusterName: "main",
                scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 },
            });
        };
        const v = await judge(program);
        assert.strictEqual(
            expectOneViolation(v, zonesPolicy, "nodes").message,
            "EKS NodeGroup nodes has 1 subnet(s) in subnetIds, so its nodes span at most 1 Availability Zone(s); needs at least 2.",
        );
        assert.strictEqual(
            expectOneViolation(v, minPolicy, "nodes").message,
            "EKS NodeGroup nodes may scale down to 1 node(s); needs at least 2.",
        );
    });

    it("joins by the cluster's name as a value too (no property dependency)", async () => {
        const verdict = await rawPack([
            rawAws.eksCluster("main"),
            ...zones.map((z, i) => rawAws.subnet(`s${i}`, `subnet-${i}`, z)),
            ...zones.map((_, i) =>
                rawAws.nodeGroup(`main-zone-${i}`, [`subnet-${i}`], {
                    scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 },
                }),
            ),
        ]);
        for (const p of both) expectNoViolation(verdict, p);
        const same = await rawPack([
            rawAws.eksCluster("main"),
            rawAws.subnet("s0", "subnet-0", zones[0]),
            rawAws.subnet("s1", "subnet-1", zones[0]),
            rawAws.nodeGroup("a", ["subnet-0"], { scalingConfig: { minSize: 1 } }),
            rawAws.nodeGroup("b", ["subnet-1"], { scalingConfig: { minSize: 0 } }),
        ]);
        assert.strictEqual(
            expectOneViolation(same, zonesPolicy, "main").message,
            "EKS Cluster main places its nodes in 1 Availability Zone(s) (eu-west-1a, from node groups a (subnets s0); b (subnets s1)); needs at least 2.",
        );
        assert.strictEqual(
            expectOneViolation(same, minPolicy, "main").message,
            "EKS Cluster main may scale down to 1 node(s) across its node groups (a: 1, b: 0); needs at least 2.",
        );
    });

    it("does not judge a cluster without node groups in the stack, or with EKS Auto Mode", async () => {
        const alone = await judge(() => eksCluster("main", [subnet("a", zones[0]).id]));
        for (const p of both) expectNoViolation(alone, p);
        const auto = await judge(() => {
            const s = subnet("a", zones[0]);
            const cluster = eksCluster("main", [s.id], {
                computeConfig: {
                    enabled: true,
                    nodePools: ["general-purpose", "system"],
                    nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
                },
            });
            nodeGroup("gpu", [s.id], {
                clusterName: cluster.name,
                scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 2 },
            });
        });
        for (const p of both) expectNoViolation(auto, p);
    });

    it("never fails on a clusterName unknown at preview; joins and judges at update", async () => {
        // Two groups in one zone whose clusterName waits on something: each fails alone, but may
        // belong to a cluster, so preview only notices; at update they join the cluster by value.
        const program = () => {
            const subnets = [0, 1].map((i) => subnet(`private-${i}`, zones[0]));
            eksCluster(
                "main",
                subnets.map((s) => s.id),
            );
            subnets.forEach((s, i) =>
                nodeGroup(`main-zone-${i}`, [s.id], {
                    clusterName: unknownAtPreview(`cluster-name-${i}`, "main"),
                    scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 },
                }),
            );
        };
        const preview = await judge(program, {}, true);
        for (const p of both) {
            expectNoViolation(preview, p);
            assert.ok(
                preview.notices.some((d) => d.policy === p),
                `${p} notices it could not judge at preview`,
            );
        }
        const update = await judge(program);
        expectOneViolation(update, zonesPolicy, "main");
        expectNoViolation(update, minPolicy);
    });

    it("never fails on a subnet id or a minSize unknown at preview", async () => {
        const context = [
            rawAws.eksCluster("main"),
            rawAws.subnet("s0", "subnet-0", zones[0]),
            rawAws.subnet("s1", "subnet-1", zones[0]),
            rawAws.nodeGroup("a", ["subnet-0"], { scalingConfig: { minSize: 1 } }),
        ];
        const unknownId = await rawPack([
            ...context,
            rawAws.nodeGroup("b", [UNKNOWN], { scalingConfig: { minSize: 1 } }),
        ]);
        expectNoViolation(unknownId, zonesPolicy);
        assert.ok(unknownId.notices.some((d) => d.policy === zonesPolicy));
        expectOneViolation(
            await rawPack([...context, rawAws.nodeGroup("b", ["subnet-1"], { scalingConfig: { minSize: 1 } })]),
            zonesPolicy,
            "main",
        );
        const unknownMin = await rawPack([
            ...context,
            rawAws.nodeGroup("b", ["subnet-1"], { scalingConfig: { minSize: UNKNOWN } }),
        ]);
        expectNoViolation(unknownMin, minPolicy);
        assert.ok(unknownMin.notices.some((d) => d.policy === minPolicy));
        // Known groups already enough: an unknown one cannot undo it.
        const enough = await rawPack([
            ...context.slice(0, 3),
            rawAws.nodeGroup("a", ["subnet-0"], { scalingConfig: { minSize: 2 } }),
            rawAws.nodeGroup("b", ["subnet-1"], { scalingConfig: { minSize: UNKNOWN } }),
        ]);
        expectNoViolation(enough, minPolicy);
        assert.deepStrictEqual(
            enough.notices.filter((d) => d.policy === minPolicy),
            [],
        );
    });

    it("honours the exemption on the cluster; an exempt node group is left out of its cluster's count", async () => {
        // The cluster's tag exempts its verdict.
        const single = (tags?: Record<string, string>) => () => {
            const s = subnet("a", zones[0]);
            const cluster = eksCluster("main", [s.id], { tags });
            nodeGroup("main-zone-0", [s.id], {
                clusterName: cluster.name,
                scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 },
            });
        };
        const untagged = await judge(single());
        for (const p of both) expectOneViolation(untagged, p, "main");
        const tagged = await judge(
            single({ ...exempt(zonesPolicy), ...exempt(minPolicy, "one-node development cluster") }),
        );
        for (const p of both) expectNoViolation(tagged, p);

        // A batch pool scaled to zero, exempt, neither counts nor fails the cluster.
        const batch = (minSize: number) => () => {
            const subnets = zones.map((z, i) => subnet(`private-${i}`, z));
            const cluster = eksCluster(
                "main",
                subnets.map((s) => s.id),
            );
            nodeGroup("general", [subnets[0].id, subnets[1].id], {
                clusterName: cluster.name,
                scalingConfig: { minSize, desiredSize: 2, maxSize: 6 },
            });
            nodeGroup("batch", [subnets[2].id], {
                clusterName: cluster.name,
                scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 6 },
                tags: exempt(minPolicy, "batch pool scaled to zero at night"),
            });
        };
        expectNoViolation(await judge(batch(2)), minPolicy);
        assert.strictEqual(
            expectOneViolation(await judge(batch(1)), minPolicy, "main").message,
            "EKS Cluster main may scale down to 1 node(s) across its node groups (general: 1); needs at least 2.",
        );
        // A cluster whose every node group is exempt is not judged.
        const allExempt = await judge(() => {
            const s = subnet("a", zones[0]);
            const cluster = eksCluster("main", [s.id]);
            nodeGroup("batch", [s.id], {
                clusterName: cluster.name,
                scalingConfig: { minSize: 0, desiredSize: 0, maxSize: 6 },
                tags: { ...exempt(zonesPolicy, "spot pool, one zone"), ...exempt(minPolicy, "scaled to zero") },
            });
        });
        for (const p of both) expectNoViolation(allExempt, p);
    });

    it("malformed shapes around a cluster: never throws, never prints undefined, an unknown never fails a passing cluster", async () => {
        const subnets = zones.map((z, i) => rawAws.subnet(`s${i}`, `subnet-${i}`, z));
        const groups = zones.map((_, i) =>
            rawAws.nodeGroup(`main-zone-${i}`, [`subnet-${i}`], {
                scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 3 },
            }),
        );
        const cluster = rawAws.eksCluster("main");
        for (const p of both) {
            assert.ok((await expectRobust(rawPack, p, [cluster], [...subnets, ...groups])) > 50);
            assert.ok((await expectRobust(rawPack, p, [groups[0]], [cluster, ...subnets, ...groups.slice(1)])) > 50);
        }
    });
});
