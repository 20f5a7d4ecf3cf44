import * as assert from "assert";
import { AppTier, AppTierArgs, InvalidArgumentsError, Profile } from "../../components";
import { ProgramError, RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { rejected } from "./services";
import { T, inputsOf, ofType, one } from "../helpers";

// These tests prove the inputs the component sends to the Kubernetes provider, not that
// a cluster accepts them (schema validity is tests/components/kubernetes-schema.test.ts).

const image = "ghcr.io/acme/web:1.2.3";

function runAppTier(args: Partial<AppTierArgs> = {}, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            new AppTier("web", { image, ...args });
        },
        { preview },
    );
}

function argumentProblems(args: Partial<AppTierArgs>): Promise<{ problems: string[]; registered: string[] }> {
    return rejected(() => {
        new AppTier("web", { image, ...args });
    });
}

function container(run: RunResult): any {
    return inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0];
}

describe("AppTier", () => {
    describe("production defaults (seed 000)", () => {
        let run: RunResult;
        before(async () => {
            run = await runAppTier();
        });

        it("registers one component with exactly a Deployment, Service, PDB and HPA under it", () => {
            const component = one(run, T.AppTier, "web");
            const children = run.resources
                .filter((r) => r.parent === component.urn)
                .map((r) => r.type)
                .sort();
            assert.deepStrictEqual(children, [T.Deployment, T.Hpa, T.NetworkPolicy, T.Pdb, T.Service].sort());
        });

        it("runs 3 replicas with a 1/1 rolling update", () => {
            const spec = inputsOf(one(run, T.Deployment)).spec;
            assert.strictEqual(spec.replicas, 3);
            assert.deepStrictEqual(spec.strategy, {
                type: "RollingUpdate",
                rollingUpdate: { maxUnavailable: 1, maxSurge: 1 },
            });
        });

        it("lets the HPA own the replica count after creation (ignoreChanges spec.replicas)", () => {
            assert.deepStrictEqual(one(run, T.Deployment).options.ignoreChanges, ["spec.replicas"]);
        });

        it("probes /health/live and /health/ready with the seed timings", () => {
            const c = container(run);
            assert.deepStrictEqual(c.livenessProbe, {
                httpGet: { path: "/health/live", port: "http" },
                initialDelaySeconds: 5,
                periodSeconds: 10,
                timeoutSeconds: 2,
                failureThreshold: 3,
            });
            assert.deepStrictEqual(c.readinessProbe, {
                httpGet: { path: "/health/ready", port: "http" },
                initialDelaySeconds: 10,
                periodSeconds: 5,
                timeoutSeconds: 5,
                failureThreshold: 2,
            });
            assert.strictEqual(c.startupProbe, undefined);
        });

        it("sleeps 5 s in preStop and grants 60 s of grace (> preStop + 45 s app shutdown)", () => {
            assert.deepStrictEqual(container(run).lifecycle, { preStop: { sleep: { seconds: 5 } } });
            assert.strictEqual(inputsOf(one(run, T.Deployment)).spec.template.spec.terminationGracePeriodSeconds, 60);
        });

        it("spreads pods over at least 3 zones (DoNotSchedule) and over hosts", () => {
            const [zone, host] = inputsOf(one(run, T.Deployment)).spec.template.spec.topologySpreadConstraints;
            assert.strictEqual(zone.topologyKey, "topology.kubernetes.io/zone");
            assert.strictEqual(zone.whenUnsatisfiable, "DoNotSchedule");
            assert.strictEqual(zone.minDomains, 3);
            assert.strictEqual(zone.maxSkew, 1);
            assert.deepStrictEqual(zone.matchLabelKeys, ["pod-template-hash"]);
            assert.strictEqual(host.topologyKey, "kubernetes.io/hostname");
            assert.strictEqual(host.whenUnsatisfiable, "ScheduleAnyway");
        });

        it("keeps at least one pod with a PDB that still lets a node drain (maxUnavailable 1)", () => {
            const pdb = inputsOf(one(run, T.Pdb)).spec;
            assert.strictEqual(pdb.maxUnavailable, 1);
            assert.strictEqual(pdb.minAvailable, undefined);
            assert.deepStrictEqual(
                pdb.selector.matchLabels,
                inputsOf(one(run, T.Deployment)).spec.selector.matchLabels,
            );
        });

        it("autoscales 2-10 on CPU 70 % and memory 80 %, targeting the Deployment", () => {
            const hpa = inputsOf(one(run, T.Hpa)).spec;
            assert.strictEqual(hpa.minReplicas, 2);
            assert.strictEqual(hpa.maxReplicas, 10);
            assert.deepStrictEqual(
                hpa.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization]),
                [
                    ["cpu", 70],
                    ["memory", 80],
                ],
            );
            const deployment = one(run, T.Deployment);
            assert.strictEqual(hpa.scaleTargetRef.kind, "Deployment");
            assert.strictEqual(hpa.scaleTargetRef.name, (deployment.outputs as any).metadata.name);
        });

        it("sets requests and limits", () => {
            assert.deepStrictEqual(container(run).resources, {
                requests: { cpu: "250m", memory: "256Mi" },
                limits: { cpu: "500m", memory: "512Mi" },
            });
        });

        it("runs with least privilege (non-root, no escalation, no capabilities, no token)", () => {
            const pod = inputsOf(one(run, T.Deployment)).spec.template.spec;
            assert.deepStrictEqual(pod.securityContext, {
                runAsNonRoot: true,
                seccompProfile: { type: "RuntimeDefault" },
            });
            assert.strictEqual(pod.automountServiceAccountToken, false);
            assert.deepStrictEqual(container(run).securityContext, {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ["ALL"] },
            });
        });

        it("puts the recommended app.kubernetes.io labels on every object", () => {
            for (const r of run.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
                const labels = inputsOf(r).metadata.labels;
                assert.deepStrictEqual(
                    labels,
                    {
                        "app.kubernetes.io/name": "web",
                        "app.kubernetes.io/instance": "web",
                        "app.kubernetes.io/component": "app",
                        "app.kubernetes.io/part-of": "web",
                        "app.kubernetes.io/managed-by": "pulumi-ha",
                    },
                    r.type,
                );
            }
        });

        it("exposes an in-cluster URL on a ClusterIP Service named after the component", () => {
            const svc = inputsOf(one(run, T.Service));
            assert.strictEqual(svc.metadata.name, "web");
            assert.deepStrictEqual(svc.spec.ports, [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }]);
            assert.strictEqual(svc.spec.type, "ClusterIP");
            const outputs = one(run, T.AppTier).outputs as any;
            assert.strictEqual(outputs.url, "http://web.default.svc.cluster.local:80");
        });

        it("sets every child's parent to the component", () => {
            const component = one(run, T.AppTier);
            for (const r of run.resources.filter((x) => x.type.startsWith("kubernetes:")))
                assert.strictEqual(r.parent, component.urn);
        });
    });

    describe("environment", () => {
        it("delivers plain env through a ConfigMap and secret env only through secretKeyRef", async () => {
            const run = await runAppTier({
                env: { MODE: "production" },
                secretEnv: { DATABASE_URL: { secretName: "db-credentials", key: "url" } },
            });
            const cm = one(run, T.ConfigMap);
            assert.deepStrictEqual(inputsOf(cm).data, { MODE: "production" });
            const env = container(run).env;
            assert.deepStrictEqual(env, [
                {
                    name: "MODE",
                    valueFrom: { configMapKeyRef: { name: (cm.outputs as any).metadata.name, key: "MODE" } },
                },
                { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "db-credentials", key: "url" } } },
            ]);
            assert.ok(
                env.every((e: any) => e.value === undefined),
                "no literal env values",
            );
        });

        it("creates no ConfigMap when there is no plain env", async () => {
            assert.strictEqual(ofType(await runAppTier(), T.ConfigMap).length, 0);
        });
    });

    describe("overrides", () => {
        it("development profile: 1 replica, no PDB, no HPA, best-effort spread, surge-only rollout", async () => {
            const run = await runAppTier({ profile: Profile.Development });
            const spec = inputsOf(one(run, T.Deployment)).spec;
            assert.strictEqual(spec.replicas, 1);
            assert.deepStrictEqual(spec.strategy.rollingUpdate, { maxUnavailable: 0, maxSurge: 1 });
            assert.strictEqual(ofType(run, T.Pdb).length, 0);
            assert.strictEqual(ofType(run, T.Hpa).length, 0);
            assert.deepStrictEqual(one(run, T.Deployment).options.ignoreChanges, []);
            const zone = spec.template.spec.topologySpreadConstraints[0];
            assert.strictEqual(zone.whenUnsatisfiable, "ScheduleAnyway");
            assert.strictEqual(zone.minDomains, undefined);
        });

        it("a ServiceAccount of its own, annotated for a workload identity, with no API token mounted", async () => {
            const email = "web-storage@shop-prod-1.iam.gserviceaccount.com";
            const run = await runAppTier({
                serviceAccountName: "web",
                serviceAccountAnnotations: { "iam.gke.io/gcp-service-account": email },
            });
            const account = inputsOf(one(run, "kubernetes:core/v1:ServiceAccount"));
            assert.deepStrictEqual(
                [account.metadata.name, account.metadata.annotations, account.automountServiceAccountToken],
                ["web", { "iam.gke.io/gcp-service-account": email }, false],
            );
            assert.strictEqual(inputsOf(one(run, T.Deployment)).spec.template.spec.serviceAccountName, "web");
        });

        it("explicit args win over the profile", async () => {
            const run = await runAppTier({
                replicas: 5,
                port: 3000,
                servicePort: 8080,
                autoscaling: { minReplicas: 3, maxReplicas: 20 },
                probes: { liveness: { path: "/livez", periodSeconds: 20 }, startup: { failureThreshold: 60 } },
                shutdown: {
                    preStopSleepSeconds: 10,
                    appShutdownTimeoutSeconds: 20,
                    preStopCommand: ["/bin/sh", "-c", "sleep 10"],
                },
                zoneSpread: { minZones: 2 },
                resources: { cpuRequest: "1", memoryLimit: "2Gi" },
                sessionAffinity: true,
            });
            const spec = inputsOf(one(run, T.Deployment)).spec;
            assert.strictEqual(spec.replicas, 5);
            const c = spec.template.spec.containers[0];
            assert.strictEqual(c.ports[0].containerPort, 3000);
            assert.deepStrictEqual(c.livenessProbe.httpGet.path, "/livez");
            assert.strictEqual(c.livenessProbe.periodSeconds, 20);
            assert.strictEqual(c.livenessProbe.initialDelaySeconds, 5, "unset fields keep their defaults");
            assert.deepStrictEqual(c.startupProbe, {
                httpGet: { path: "/livez", port: "http" },
                initialDelaySeconds: 0,
                periodSeconds: 5,
                timeoutSeconds: 2,
                failureThreshold: 60,
            });
            assert.deepStrictEqual(c.lifecycle.preStop, { exec: { command: ["/bin/sh", "-c", "sleep 10"] } });
            assert.strictEqual(spec.template.spec.terminationGracePeriodSeconds, 40);
            assert.strictEqual(spec.template.spec.topologySpreadConstraints[0].minDomains, 2);
            assert.deepStrictEqual(c.resources.requests, { cpu: "1", memory: "256Mi" });
            assert.deepStrictEqual(inputsOf(one(run, T.Hpa)).spec.minReplicas, 3);
            assert.strictEqual(inputsOf(one(run, T.Service)).spec.ports[0].port, 8080);
            assert.strictEqual(inputsOf(one(run, T.Service)).spec.sessionAffinity, "ClientIP");
        });

        it("adds a TLS Ingress to the Service and reports its https URL", async () => {
            const run = await runAppTier({
                ingress: { host: "web.example.com", tlsSecretName: "web-tls", className: "nginx" },
            });
            const ingress = inputsOf(one(run, T.Ingress)).spec;
            assert.deepStrictEqual(ingress.tls, [{ hosts: ["web.example.com"], secretName: "web-tls" }]);
            assert.strictEqual(ingress.ingressClassName, "nginx");
            assert.deepStrictEqual(ingress.rules[0].http.paths[0].backend, {
                service: { name: "web", port: { name: "http" } },
            });
            assert.strictEqual((one(run, T.AppTier).outputs as any).url, "https://web.example.com");
        });

        it("without autoscaling, has no ignoreChanges and no HPA", async () => {
            const run = await runAppTier({ autoscaling: { enabled: false } });
            assert.strictEqual(ofType(run, T.Hpa).length, 0);
            assert.deepStrictEqual(one(run, T.Deployment).options.ignoreChanges, []);
            assert.strictEqual(ofType(run, T.Pdb).length, 1);
        });
    });

    describe("bad arguments are rejected before anything is registered", () => {
        const cases: Array<[string, Partial<AppTierArgs>, RegExp]> = [
            ["replicas < 1", { replicas: 0 }, /^replicas: must be an integer ≥ 1 \(got 0\)$/],
            ["fractional replicas", { replicas: 2.5 }, /^replicas: must be an integer/],
            [
                "HPA min > max",
                { autoscaling: { minReplicas: 5, maxReplicas: 3 } },
                /^autoscaling\.maxReplicas: must be ≥ autoscaling\.minReplicas \(5\), got 3$/,
            ],
            [
                "replicas above the HPA max",
                { replicas: 12 },
                /^replicas: must be ≤ autoscaling\.maxReplicas \(10\), got 12$/,
            ],
            [
                "rolling maxUnavailable ≥ replicas",
                { replicas: 3, autoscaling: { enabled: false }, rollingUpdate: { maxUnavailable: 3 } },
                /^rollingUpdate\.maxUnavailable: must be below the replica floor \(3\)/,
            ],
            [
                "rollout that cannot progress",
                { rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } },
                /^rollingUpdate: maxUnavailable and maxSurge cannot both be 0/,
            ],
            [
                "PDB maxUnavailable 0 (blocks drains)",
                { disruptionBudget: { maxUnavailable: 0 } },
                /^disruptionBudget\.maxUnavailable: must be an integer ≥ 1 \(got 0\)$/,
            ],
            [
                "PDB that lets every pod go",
                { disruptionBudget: { maxUnavailable: 2 } },
                /^disruptionBudget\.maxUnavailable: must be below the replica floor \(2\)/,
            ],
            ["bad port", { port: 70000 }, /^port: must be an integer from 1 to 65535 \(got 70000\)$/],
            ["empty image", { image: " " }, /^image: must be a non-empty string/],
            [
                "probe path without '/'",
                { probes: { readiness: { path: "ready" } } },
                /^probes\.readiness\.path: must be an HTTP path starting with '\/' \(got "ready"\)$/,
            ],
            [
                "probe period 0",
                { probes: { liveness: { periodSeconds: 0 } } },
                /^probes\.liveness\.periodSeconds: must be an integer ≥ 1/,
            ],
            [
                "grace period not above preStop + shutdown",
                { shutdown: { terminationGracePeriodSeconds: 50 } },
                /^shutdown\.terminationGracePeriodSeconds: must exceed .*\(50\).*got 50$/,
            ],
            [
                "unknown profile",
                { profile: "staging" as Profile },
                /^profile: must be one of "production", "development" \(got "staging"\)$/,
            ],
            [
                "credential in plain env",
                { env: { DB_PASSWORD: "hunter2" } },
                /^env\.DB_PASSWORD: looks like a credential; pass it in secretEnv/,
            ],
            [
                "variable in env and secretEnv",
                { env: { MODE: "x" }, secretEnv: { MODE: { secretName: "s", key: "mode" } } },
                /^secretEnv\.MODE: is also set in env/,
            ],
            [
                "bad quantity",
                { resources: { memoryLimit: "lots" } },
                /^resources\.memoryLimit: must be a Kubernetes quantity/,
            ],
            [
                "ingress without TLS in production",
                { ingress: { host: "web.example.com" } },
                /^ingress\.tlsSecretName: is required in the production profile/,
            ],
            ["app name that is not a DNS label", { appName: "Web_App" }, /^appName: must be a DNS label/],
            [
                "ServiceAccount annotations without a ServiceAccount",
                { serviceAccountAnnotations: { "iam.gke.io/gcp-service-account": "app@p.iam.gserviceaccount.com" } },
                /^serviceAccountAnnotations: needs serviceAccountName/,
            ],
            [
                "a ServiceAccount annotation key Kubernetes refuses",
                { serviceAccountName: "web", serviceAccountAnnotations: { "iam.gke.io/gcp service account": "x" } },
                /^serviceAccountAnnotations\.iam\.gke\.io\/gcp service account: must be a Kubernetes annotation key/,
            ],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const { problems, registered } = await argumentProblems(args);
                assert.ok(
                    problems.some((p) => message.test(p)),
                    `no problem matched ${message}:\n${problems.join("\n")}`,
                );
                assert.deepStrictEqual(registered, [T.Stack], "nothing but the stack may be registered");
            });
        }

        it("lists every problem at once, naming the component", async () => {
            try {
                await runAppTier({ image: "", replicas: 0, port: 0 });
                assert.fail("expected an error");
            } catch (err) {
                const reason = (err as ProgramError).reason as InvalidArgumentsError;
                assert.match(reason.message, /^AppTier "web": invalid arguments:/);
                assert.strictEqual(reason.problems.length, 3, reason.problems.join("\n"));
            }
        });
    });
});
