import { UnknownValueError } from "@pulumi/policy";
import { at, isRecord, listAt } from "./untrusted";

/** Kubernetes kinds that run pods from a pod spec, and where each keeps it. */
export const podSpecPaths: Readonly<Record<string, readonly string[]>> = {
    "kubernetes:apps/v1:Deployment": ["spec", "template", "spec"],
    "kubernetes:apps/v1:StatefulSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:DaemonSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:ReplicaSet": ["spec", "template", "spec"],
    "kubernetes:batch/v1:Job": ["spec", "template", "spec"],
    "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
    "kubernetes:core/v1:Pod": ["spec"],
};

export const podWorkloadTypes: readonly string[] = Object.keys(podSpecPaths);

/** The pod spec of a workload of type `type` (undefined when it has none or is not an object). */
export function podSpecOf(type: string, props: unknown): Record<string, unknown> | undefined {
    const path = Object.prototype.hasOwnProperty.call(podSpecPaths, type) ? podSpecPaths[type] : undefined;
    const spec = path ? at(props, ...path) : undefined;
    return isRecord(spec) ? spec : undefined;
}

/** One container of a pod spec, with a label for messages that never prints `undefined`. */
export interface PodContainer {
    /** `container "app"`, or `initContainers[0]` when it has no name. */
    label: string;
    container: Record<string, unknown>;
}

/** The containers and init containers of a pod spec that are objects; null and malformed entries are skipped. */
export function containersOf(pod: unknown): PodContainer[] {
    const out: PodContainer[] = [];
    for (const field of ["initContainers", "containers"]) {
        listAt(pod, field).forEach((c, i) => {
            if (!isRecord(c)) return;
            const name = knownOrUndefined(() => c.name);
            const kind = field === "initContainers" ? "init container" : "container";
            out.push({ label: typeof name === "string" && name.length > 0 ? `${kind} "${name}"` : `${field}[${i}]`, container: c });
        });
    }
    return out;
}

/** The value, or undefined when it is unknown at preview (for labels only: a name must not stop the judging). */
function knownOrUndefined(read: () => unknown): unknown {
    try {
        return read();
    } catch (err) {
        if (err instanceof UnknownValueError) return undefined;
        throw err;
    }
}
