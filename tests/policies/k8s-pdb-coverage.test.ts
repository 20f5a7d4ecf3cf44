import * as assert from "assert";
import * as random from "@pulumi/random";
import { AppTier } from "../../components";
import { deployment, pdb, statefulSet } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";

const policy = "k8s-pdb-coverage";

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the AppTier defaults (maxUnavailable 1 over the pod labels)", async () => {
        expectNoViolation(await judge(() => new AppTier("app", { image: "nginx:1.27" })), policy);
    });

    it("fails a multi-replica Deployment with no budget, naming it", async () => {
        const d = expectOneViolation(await judge(() => deployment("web", { replicas: 3 })), policy, "web");
        assert.match(
            d.message,
            /Deployment default\/web runs 3 pods but no PodDisruptionBudget selects its pod labels/,
        );
    });

    it("fails a budget whose selector does not match the pod labels", async () => {
        expectOneViolation(
            await judge(() => {
                deployment("web", { replicas: 3 });
                pdb("web", { maxUnavailable: 1, selector: { matchLabels: { app: "other" } } });
            }),
            policy,
            "web",
        );
    });

    it("fails a budget in another namespace", async () => {
        expectOneViolation(
            await judge(() => {
                deployment("web", { replicas: 3 });
                pdb("web", { maxUnavailable: 1, selector: { matchLabels: { app: "web" } } }, "other");
            }),
            policy,
            "web",
        );
    });

    it("fails minAvailable equal to the replicas (blocks node drains)", async () => {
        const d = expectOneViolation(
            await judge(() => {
                deployment("web", { replicas: 3 });
                pdb("web", { minAvailable: 3, selector: { matchLabels: { app: "web" } } });
            }),
            policy,
            "web",
        );
        assert.match(d.message, /keeps 3 and allows 0 disruption/);
    });

    it("fails maxUnavailable 0", async () => {
        expectOneViolation(
            await judge(() => {
                statefulSet("db", { replicas: 3 });
                pdb("db", { maxUnavailable: 0, selector: { matchLabels: { app: "db" } } });
            }),
            policy,
            "db",
        );
    });

    it("passes percentages and matchExpressions that keep one pod and allow one disruption", async () => {
        expectNoViolation(
            await judge(() => {
                deployment("web", { replicas: 3, labels: { app: "web", tier: "front" } });
                pdb("web", {
                    minAvailable: "50%",
                    selector: { matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }] },
                });
            }),
            policy,
        );
    });

    it("does not require a budget for a single pod (k8s-min-replicas reports that)", async () => {
        expectNoViolation(await judge(() => deployment("web", { replicas: 1 })), policy);
    });

    it("takes the replica count that needs a budget from policy config", async () => {
        expectNoViolation(
            await judge(() => deployment("web", { replicas: 3 }), { [policy]: { requiredFromReplicas: 4 } }),
            policy,
        );
    });

    it("fails the AppTier when its budget is switched off", async () => {
        expectOneViolation(
            await judge(() => new AppTier("app", { image: "nginx:1.27", disruptionBudget: { enabled: false } })),
            policy,
            "app",
        );
    });

    it("never fails on a budget unknown at preview; judges it at update", async () => {
        const program = () => {
            deployment("web", { replicas: 3 });
            const maxUnavailable = new random.RandomInteger("max-unavailable", { min: 0, max: 0 }).result;
            pdb("web", { maxUnavailable, selector: { matchLabels: { app: "web" } } });
            // Covered by a known good budget: passes whatever the unknown one holds.
            deployment("api", { replicas: 3 });
            pdb("api", { maxUnavailable: 1, selector: { matchLabels: { app: "api" } } });
        };
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "web");
    });
});
