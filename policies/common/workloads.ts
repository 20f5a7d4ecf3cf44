import { PolicyResource } from "@pulumi/policy";
import { Deferred, deferUnknown, isDeferred } from "./define";
import { HpaProps, K8s, WorkloadProps, workloadTypes } from "./types";

/** A Deployment or StatefulSet with the autoscaler that manages it, if any. */
export interface Workload {
    resource: PolicyResource;
    kind: string;
    name: string;
    namespace: string;
    props: WorkloadProps;
    podLabels: Record<string, string>;
    /** spec.replicas as declared; undefined when the HPA alone owns the count. */
    replicas?: number;
    hpaMinReplicas?: number;
}

function nameOf(props: { metadata?: { name?: string } }, fallback: string): string {
    return props.metadata?.name ?? fallback;
}

function namespaceOf(props: { metadata?: { namespace?: string } }): string {
    return props.metadata?.namespace ?? "default";
}

/**
 * The fewest pods the workload runs with. An HPA's minReplicas when it manages the
 * workload; but a declared spec.replicas below it is re-applied by every update before
 * the HPA reacts, so the lower of the two counts. Kubernetes defaults replicas to 1.
 */
export function replicaFloor(w: Workload): number {
    if (w.hpaMinReplicas !== undefined) {
        return w.replicas !== undefined ? Math.min(w.replicas, w.hpaMinReplicas) : w.hpaMinReplicas;
    }
    return w.replicas ?? 1;
}

/** Describes the floor for messages, e.g. "1 replica (HPA minReplicas 2)". */
export function describeFloor(w: Workload): string {
    const parts = [];
    if (w.replicas !== undefined) parts.push(`spec.replicas ${w.replicas}`);
    if (w.hpaMinReplicas !== undefined) parts.push(`HPA minReplicas ${w.hpaMinReplicas}`);
    if (parts.length === 0) parts.push("no spec.replicas (Kubernetes defaults to 1)");
    return `${replicaFloor(w)} (${parts.join(", ")})`;
}

/** HPAs by `namespace/Kind/name` of the workload they scale; HPAs unknown at preview aside. */
function indexHpas(resources: PolicyResource[]): { byTarget: Map<string, HpaProps>; unknown?: Deferred } {
    const byTarget = new Map<string, HpaProps>();
    let unknown: Deferred | undefined;
    for (const r of resources.filter((x) => x.type === K8s.Hpa)) {
        const entry = deferUnknown(r, () => {
            const props = r.props as HpaProps;
            const ref = props.spec?.scaleTargetRef;
            return { key: `${namespaceOf(props)}/${ref?.kind}/${ref?.name}`, props, min: props.spec?.minReplicas };
        });
        if (isDeferred(entry)) unknown ??= entry;
        else byTarget.set(entry.key, entry.props);
    }
    return { byTarget, unknown };
}

/**
 * Every workload in the stack, joined to the HPA whose scaleTargetRef names it. A workload
 * with a value unknown at preview is deferred on its own; the others are still judged.
 */
export function collectWorkloads(resources: PolicyResource[]): Array<Workload | Deferred> {
    const hpas = indexHpas(resources);
    return resources.filter((r) => workloadTypes.includes(r.type)).map((resource) => deferUnknown(resource, () => {
        const props = resource.props as WorkloadProps;
        const kind = resource.type.split(":").pop()!;
        const name = nameOf(props, resource.name);
        const namespace = namespaceOf(props);
        const hpa = hpas.byTarget.get(`${namespace}/${kind}/${name}`);
        // An HPA unknown at preview may be the one that scales this workload.
        if (!hpa && hpas.unknown) throw hpas.unknown.unknown;
        return {
            resource, kind, name, namespace, props,
            podLabels: props.spec?.template?.metadata?.labels ?? {},
            replicas: props.spec?.replicas,
            hpaMinReplicas: hpa ? (hpa.spec?.minReplicas ?? 1) : undefined,
        };
    }));
}
