import * as assert from "assert";
import * as random from "@pulumi/random";
import { AppTier } from "../../components";
import { deployment, service, statefulSet } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

const policy = "k8s-probes";
const live = { httpGet: { path: "/live", port: 8080 } };
const ready = { httpGet: { path: "/ready", port: 8080 } };
/** A container with no port: a worker, or a server that does not declare what it listens on. */
const portless = (extra: object = {}) => ({ name: "worker", image: "busybox:1.37", ...extra });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the AppTier defaults", async () => {
        expectNoViolation(await judge(() => new AppTier("app", { image: "nginx:1.27" })), policy);
    });

    it("fails a served container without probes, naming container, workload and both probes", async () => {
        const d = expectOneViolation(
            await judge(() =>
                deployment("web", {
                    replicas: 2,
                    containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }],
                }),
            ),
            policy,
            "web",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            'Container "web" of Deployment web has no readinessProbe (it declares a port) and no livenessProbe (a hung process is never restarted).',
        );
    });

    it("asks every container for a liveness probe, ports or not, in Deployments and StatefulSets", async () => {
        const d = expectOneViolation(
            await judge(() => deployment("worker", { replicas: 2, containers: [portless()] })),
            policy,
            "worker",
        );
        assert.strictEqual(
            d.message,
            'Container "worker" of Deployment worker has no livenessProbe (a hung process is never restarted).',
        );
        const sidecar = expectOneViolation(
            await judge(() =>
                statefulSet("db", {
                    replicas: 3,
                    containers: [
                        {
                            name: "db",
                            image: "postgres:17.6",
                            ports: [{ containerPort: 5432 }],
                            livenessProbe: live,
                            readinessProbe: ready,
                        },
                        { name: "exporter", image: "exporter:1.0" },
                    ],
                }),
            ),
            policy,
            "db",
        );
        assert.match(sidecar.message, /^Container "exporter" of StatefulSet db has no livenessProbe/);
    });

    it("does not ask a portless container no Service selects for a readiness probe", async () => {
        expectNoViolation(
            await judge(() => deployment("worker", { replicas: 2, containers: [portless({ livenessProbe: live })] })),
            policy,
        );
    });

    it("asks a portless container for readiness when a Service in its namespace selects its pods", async () => {
        const program =
            (selector: Record<string, string>, namespace = "default") =>
            () => {
                deployment("web", {
                    replicas: 2,
                    labels: { app: "web", tier: "front" },
                    containers: [portless({ name: "web", livenessProbe: live })],
                });
                service("web-svc", selector, namespace);
            };
        const d = expectOneViolation(await judge(program({ app: "web" })), policy, "web");
        assert.strictEqual(
            d.message,
            'Container "web" of Deployment web has no readinessProbe (Service "web-svc" sends its pods traffic).',
        );
        // The selector must be a subset of the pod labels, and the Service in the same namespace.
        expectNoViolation(await judge(program({ app: "web", tier: "back" })), policy);
        expectNoViolation(await judge(program({ app: "web" }, "other")), policy);
    });

    it("a probe without a handler is no probe", async () => {
        const d = expectOneViolation(
            await judge(() =>
                deployment("worker", { replicas: 2, containers: [portless({ livenessProbe: { periodSeconds: 10 } })] }),
            ),
            policy,
            "worker",
        );
        assert.match(d.message, /has no livenessProbe/);
    });

    it("takes which probes are required from policy config", async () => {
        const program = () =>
            deployment("web", {
                replicas: 2,
                containers: [
                    {
                        name: "web",
                        image: "nginx",
                        ports: [{ containerPort: 80 }],
                        readinessProbe: { httpGet: { path: "/", port: 80 } },
                    },
                ],
            });
        expectOneViolation(await judge(program), policy, "web");
        expectNoViolation(await judge(program, { [policy]: { requireLiveness: false } }), policy);
        const unready = () =>
            deployment("web", {
                replicas: 2,
                containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }], livenessProbe: live }],
            });
        expectOneViolation(await judge(unready), policy, "web");
        expectNoViolation(await judge(unready, { [policy]: { requireReadiness: false } }), policy);
    });

    it("a Service selector unknown at preview gives a notice, not a violation; at update it is judged", async () => {
        const program = () => {
            deployment("web", { replicas: 2, containers: [portless({ name: "web", livenessProbe: live })] });
            // Known only after create: unknown at preview, "web" at update.
            service("web-svc", { app: new random.RandomInteger("n", { min: 1, max: 1 }).result.apply(() => "web") });
        };
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        assert.strictEqual(violationsOf(await judge(program), policy).length, 1);
    });
});
