import * as assert from "assert";
import * as random from "@pulumi/random";
import { AppTier } from "../../components";
import { deployment, hpa, statefulSet } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-min-replicas";

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes a Deployment with 3 replicas and the AppTier defaults", async () => {
        const v = await judge(() => {
            deployment("web", { replicas: 3 });
            new AppTier("app", { image: "nginx:1.27" });
        });
        expectNoViolation(v, policy);
    });

    it("fails a Deployment with 1 replica, naming it (mandatory)", async () => {
        const d = expectOneViolation(await judge(() => deployment("web", { replicas: 1 })), policy, "web");
        assert.strictEqual(d.level, "mandatory");
        assert.match(
            d.message,
            /Deployment default\/web can drop to 1 \(spec\.replicas 1\) pod\(s\); needs at least 2/,
        );
    });

    it("fails a workload with no replicas and no HPA (Kubernetes defaults to 1)", async () => {
        const d = expectOneViolation(await judge(() => statefulSet("db")), policy, "db");
        assert.match(d.message, /StatefulSet default\/db .*Kubernetes defaults to 1/);
    });

    it("judges an HPA-managed workload by the HPA's minReplicas", async () => {
        expectNoViolation(
            await judge(() => {
                deployment("web");
                hpa("web", "web", 3);
            }),
            policy,
        );
        const d = expectOneViolation(
            await judge(() => {
                deployment("web");
                hpa("web", "web", 1);
            }),
            policy,
            "web",
        );
        assert.match(d.message, /HPA minReplicas 1/);
    });

    it("fails a declared spec.replicas below the HPA floor (every update re-applies it)", async () => {
        expectOneViolation(
            await judge(() => {
                deployment("web", { replicas: 1 });
                hpa("web", "web", 2);
            }),
            policy,
            "web",
        );
    });

    it("ignores an HPA that targets another workload", async () => {
        expectOneViolation(
            await judge(() => {
                deployment("web", { replicas: 1 });
                hpa("other", "other", 5);
            }),
            policy,
            "web",
        );
    });

    it("takes its threshold and enforcement level from policy config", async () => {
        const program = () => deployment("web", { replicas: 3 });
        expectNoViolation(await judge(program), policy);
        const d = expectOneViolation(
            await judge(program, { [policy]: { enforcementLevel: "advisory", minReplicas: 4 } }),
            policy,
            "web",
        );
        assert.strictEqual(d.level, "advisory");
        expectNoViolation(await judge(() => deployment("web", { replicas: 1 }), { [policy]: "disabled" }), policy);
    });

    it("rejects invalid policy config as the CLI does", async () => {
        await assert.rejects(
            judge(() => deployment("web"), { [policy]: { minReplicas: 0 } }),
            /policy config for "k8s-min-replicas" is invalid/,
        );
        await assert.rejects(
            judge(() => deployment("web"), { "no-such-policy": "mandatory" }),
            /unknown policy "no-such-policy"/,
        );
    });

    it("honours an exemption annotation with a reason, and only with one", async () => {
        const exempt = { "pulumi-ha.io/exempt-k8s-min-replicas": "singleton cron leader, restarts in seconds" };
        expectNoViolation(await judge(() => deployment("web", { replicas: 1, annotations: exempt })), policy);
        expectOneViolation(
            await judge(() =>
                deployment("web", { replicas: 1, annotations: { "pulumi-ha.io/exempt-k8s-min-replicas": " " } }),
            ),
            policy,
            "web",
        );
        // An exemption from another policy does not exempt from this one.
        expectOneViolation(
            await judge(() =>
                deployment("web", { replicas: 1, annotations: { "pulumi-ha.io/exempt-k8s-probes": "x" } }),
            ),
            policy,
            "web",
        );
    });

    it("never fails on a value unknown at preview; judges it at update", async () => {
        const program = () => {
            const replicas = new random.RandomInteger("replicas", { min: 1, max: 1 }).result;
            deployment("web", { replicas });
            deployment("known", { replicas: 1 });
        };
        const preview = await judge(program, {}, true);
        assert.deepStrictEqual(
            violationsOf(preview, policy).map((d) => d.urn.split("::").pop()),
            ["known"],
            "the known workload is still judged",
        );
        assert.strictEqual(
            preview.notices.filter((d) => d.policy === policy).length,
            1,
            "one notice for the unknown one",
        );
        const update = await judge(program);
        assert.deepStrictEqual(
            violationsOf(update, policy)
                .map((d) => d.urn.split("::").pop())
                .sort(),
            ["known", "web"],
        );
        assert.strictEqual(update.notices.length, 0);
    });
});
