import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { kindOf, nameOf, namespaceOf } from "./metadata";
import { asCount, asString, asStringMap, at, shown } from "./read";
import { K8s, workloadTypes } from "./types";
import { Deferred, deferUnknown, readEach } from "./unknowns";

/** A Deployment or StatefulSet with the autoscaler that manages it, if any. */
export interface Workload {
    resource: PolicyResource;
    kind: string;
    name: string;
    namespace: string;
    /** The pod template's labels; empty when absent or malformed (then nothing selects the pods). */
    podLabels: Record<string, string>;
    /** spec.replicas as declared; undefined when the HPA alone owns the count. */
    replicas?: number;
    /** spec.replicas when it is set but not a count (shown as written). */
    invalidReplicas?: string;
    hpaMinReplicas?: number;
}

/** The pod template's labels; empty when absent or malformed (then nothing selects the pods). */
export function podTemplateLabels(props: unknown): Record<string, string> {
    return asStringMap(at(props, "spec", "template", "metadata", "labels")) ?? {};
}

/** An HPA's floor: spec.minReplicas, or the HPA's own default of 1 when it is unset or not a count. */
export function hpaMinReplicas(props: unknown): number {
    return asCount(at(props, "spec", "minReplicas")) ?? 1;
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
    if (w.invalidReplicas !== undefined) parts.push(`spec.replicas ${w.invalidReplicas} is not a count`);
    if (w.hpaMinReplicas !== undefined) parts.push(`HPA minReplicas ${w.hpaMinReplicas}`);
    if (w.replicas === undefined && w.hpaMinReplicas === undefined)
        parts.push(
            w.invalidReplicas !== undefined
                ? "Kubernetes defaults to 1"
                : "no spec.replicas (Kubernetes defaults to 1)",
        );
    return `${replicaFloor(w)} (${parts.join(", ")})`;
}

/** HPAs' floors by `namespace/Kind/name` of the workload they scale; HPAs unknown at preview aside. */
function indexHpas(resources: PolicyResource[]): { byTarget: Map<string, number>; unknown?: UnknownValueError } {
    const { known, unknown } = readEach(
        resources.filter((r) => r.type === K8s.Hpa),
        (r) => {
            const ref = at(r.props, "spec", "scaleTargetRef");
            const kind = asString(at(ref, "kind"));
            const name = asString(at(ref, "name"));
            const min = hpaMinReplicas(r.props);
            return {
                key: kind !== undefined && name !== undefined ? `${namespaceOf(r.props)}/${kind}/${name}` : undefined,
                min,
            };
        },
    );
    const byTarget = new Map<string, number>();
    // Two HPAs on one workload fight each other; the lower floor is the one to judge.
    for (const { key, min } of known)
        if (key !== undefined) byTarget.set(key, Math.min(min, byTarget.get(key) ?? Infinity));
    return { byTarget, unknown };
}

/**
 * Every workload in the stack, joined to the HPA whose scaleTargetRef names it. A workload
 * with a value unknown at preview is deferred on its own; the others are still judged.
 */
export function collectWorkloads(resources: PolicyResource[]): Array<Workload | Deferred> {
    const hpas = indexHpas(resources);
    return resources
        .filter((r) => workloadTypes.includes(r.type))
        .map((resource) =>
            deferUnknown(resource, (): Workload => {
                const props: unknown = resource.props;
                const kind = kindOf(resource.type);
                const name = nameOf(props, resource.name);
                const namespace = namespaceOf(props);
                const hpaMin = hpas.byTarget.get(`${namespace}/${kind}/${name}`);
                // An HPA unknown at preview may be the one that scales this workload.
                if (hpaMin === undefined && hpas.unknown) throw hpas.unknown;
                const rawReplicas = at(props, "spec", "replicas");
                const replicas = asCount(rawReplicas);
                return {
                    resource,
                    kind,
                    name,
                    namespace,
                    podLabels: podTemplateLabels(props),
                    replicas,
                    invalidReplicas:
                        replicas === undefined && rawReplicas !== undefined && rawReplicas !== null
                            ? shown(rawReplicas)
                            : undefined,
                    hpaMinReplicas: hpaMin,
                };
            }),
        );
}
