import * as assert from "assert";
import { AppTier } from "../../components";
import { deployment, hpa } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";

const policy = "k8s-hpa-min-replicas";

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the AppTier's HPA (minReplicas 2)", async () => {
        expectNoViolation(await judge(() => new AppTier("app", { image: "nginx:1.27" })), policy);
    });

    it("fails minReplicas 1, naming the HPA", async () => {
        const d = expectOneViolation(
            await judge(() => {
                deployment("web");
                hpa("web-hpa", "web", 1);
            }),
            policy,
            "web-hpa",
        );
        assert.match(d.message, /HorizontalPodAutoscaler web-hpa has minReplicas 1; needs at least 2/);
    });

    it("fails an HPA without minReplicas (Kubernetes defaults it to 1)", async () => {
        expectOneViolation(
            await judge(() => {
                deployment("web");
                hpa("web-hpa", "web", undefined);
            }),
            policy,
            "web-hpa",
        );
    });

    it("takes its threshold from policy config", async () => {
        const program = () => {
            deployment("web");
            hpa("web-hpa", "web", 2);
        };
        expectNoViolation(await judge(program), policy);
        expectOneViolation(await judge(program, { [policy]: { minReplicas: 3 } }), policy, "web-hpa");
    });
});
