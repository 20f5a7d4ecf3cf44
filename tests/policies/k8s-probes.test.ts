import * as assert from "assert";
import { AppTier } from "../../components";
import { deployment } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";

const policy = "k8s-probes";

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the AppTier defaults", async () => {
        expectNoViolation(await judge(() => new AppTier("app", { image: "nginx:1.27" })), policy);
    });

    it("fails a served container without probes, naming container and workload", async () => {
        const d = expectOneViolation(await judge(() => deployment("web", { replicas: 2, containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] })), policy, "web");
        assert.match(d.message, /Container "web" of Deployment web serves a port but has no readinessProbe and no livenessProbe/);
    });

    it("does not ask a worker without ports for probes", async () => {
        expectNoViolation(await judge(() => deployment("worker", { replicas: 2, containers: [{ name: "worker", image: "busybox" }] })), policy);
    });

    it("takes which probes are required from policy config", async () => {
        const program = () => deployment("web", { replicas: 2, containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: "/", port: 80 } } }] });
        expectOneViolation(await judge(program), policy, "web");
        expectNoViolation(await judge(program, { [policy]: { requireLiveness: false } }), policy);
    });
});
