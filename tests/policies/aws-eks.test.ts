import * as assert from "assert";
import { exempt, nodeGroup, rawAws, subnet, unknownAtPreview, zones } from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/** The EKS node group policies through the real analyzer, on the inputs a program sends (not what AWS accepts). */

describe("policy aws-eks-nodegroup-zones", () => {
    const policy = "aws-eks-nodegroup-zones";
    const judge = usePolicyPack();

    it("passes a node group over subnets of the stack in three zones (matched through subnetIds' references)", async () => {
        expectNoViolation(
            await judge(() =>
                nodeGroup(
                    "nodes",
                    zones.map((z, i) => subnet(`private-${i}`, z).id),
                ),
            ),
            policy,
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
