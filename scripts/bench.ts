/**
 * Benchmark (not a test): how long the offline plans of `local` (GOTRS), `safeshare`, `aws`
 * (GOTRS on AWS: VPC, EKS, Aurora, ElastiCache, Amazon MQ, S3) and `gcp` (GOTRS on GCP: VPC,
 * GKE, Cloud SQL, Memorystore, RabbitMQ on GKE, GCS) take and how many resources they register, with the share of each step; and what the policy
 * pack costs per resource on synthetic stacks of 1,000 and 10,000 Kubernetes resources.
 * Time is printed as measured on this machine and, more usefully, as ratios within this
 * one run: per-resource cost at 10,000 over that at 1,000 should stay near 1 (linear).
 */
import { performance } from "perf_hooks";
import { validateCustomResources } from "./harness/crd-validate";
import { customResource } from "./harness/custom-resource";
import { kubernetesObjects, validateKubernetesObjects } from "./harness/k8s-validate";
import { RecordedResource } from "./harness/mock-engine";
import { PolicyPackProcess, evaluatePolicies } from "./harness/policy-runner";
import { runStack } from "./harness/stacks";

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
    const start = performance.now();
    const result = await work();
    return [result, performance.now() - start];
}

function resource(type: string, name: string, ns: string, body: Record<string, unknown>): RecordedResource {
    return customResource(type, name, `urn:pulumi:bench::pulumi-ha::${type}::${ns}-${name}`, body);
}

/** `count` resources: apps of Deployment + Service + PDB + HPA, spread over 20 namespaces. */
export function syntheticStack(count: number): RecordedResource[] {
    const out: RecordedResource[] = [];
    for (let i = 0; out.length < count; i++) {
        const ns = `team-${i % 20}`;
        const name = `app-${i}`;
        const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/instance": name };
        const container = {
            name,
            image: "nginx:1.27",
            ports: [{ containerPort: 8080 }],
            readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
            livenessProbe: { httpGet: { path: "/live", port: 8080 } },
            env: [
                { name: "LOG_LEVEL", value: "info" },
                { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
            ],
        };
        const meta = { name, namespace: ns, labels };
        out.push(
            resource("kubernetes:apps/v1:Deployment", name, ns, {
                metadata: meta,
                spec: {
                    replicas: 3,
                    selector: { matchLabels: labels },
                    template: { metadata: { labels }, spec: { containers: [container] } },
                },
            }),
            resource("kubernetes:core/v1:Service", name, ns, {
                metadata: meta,
                spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
            }),
            resource("kubernetes:policy/v1:PodDisruptionBudget", name, ns, {
                metadata: meta,
                spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
            }),
            resource("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", name, ns, {
                metadata: meta,
                spec: {
                    minReplicas: 2,
                    maxReplicas: 10,
                    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
                },
            }),
        );
    }
    return out.slice(0, count);
}

function pct(part: number, total: number): string {
    return `${((100 * part) / total).toFixed(0)} %`;
}

async function main(): Promise<void> {
    for (const stack of ["local", "safeshare", "aws", "gcp"]) {
        const [run, programMs] = await timed(() => runStack(stack, { preview: true }));
        const [, policyMs] = await timed(() => evaluatePolicies(run.resources));
        const [custom, schemaMs] = await timed(async () =>
            validateCustomResources(validateKubernetesObjects(kubernetesObjects(run.resources, false)).unknownKinds),
        );
        const total = programMs + policyMs + schemaMs;
        const onCloud = run.resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("gcp:")).length;
        console.log(
            `plan of ${stack}: ${run.resources.length} resources registered (${onCloud} AWS or GCP, ${custom.validated} custom resources); ` +
                `${total.toFixed(0)} ms = program under the mock engine ${pct(programMs, total)}, policy pack (start + judge + stop) ${pct(policyMs, total)}, ` +
                `Kubernetes + CRD schema validation ${pct(schemaMs, total)}`,
        );
    }

    const pack = await PolicyPackProcess.start();
    try {
        await pack.configure();
        await pack.analyze(syntheticStack(200)); // warm up the pack's JIT
        const rows: Array<{ n: number; analyze: number; stack: number; violations: number }> = [];
        for (const n of [1_000, 10_000]) {
            const resources = syntheticStack(n);
            const [perResource, analyzeMs] = await timed(() => pack.analyze(resources));
            const [stack, stackMs] = await timed(() => pack.analyzeStack(resources));
            rows.push({ n, analyze: analyzeMs, stack: stackMs, violations: perResource.length + stack.length });
        }
        for (const r of rows) {
            console.log(
                `${String(r.n).padStart(6)} resources: analyze ${((r.analyze / r.n) * 1000).toFixed(1)} µs/resource, analyzeStack ${((r.stack / r.n) * 1000).toFixed(1)} µs/resource, total ${(r.analyze + r.stack).toFixed(0)} ms, ${r.violations} violation(s)`,
            );
        }
        const [small, large] = rows;
        const ratio = (large.analyze + large.stack) / large.n / ((small.analyze + small.stack) / small.n);
        console.log(`per-resource cost at 10,000 / at 1,000: ${ratio.toFixed(2)} (≈1 means linear)`);
    } finally {
        pack.stop();
    }
}

main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
});
