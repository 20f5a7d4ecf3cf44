import { Rec, asArray, asNonEmptyString, asRecord, at } from "./read";
import { K8s } from "./types";
import { knownOrUndefined } from "./unknowns";

/** Kubernetes kinds that run pods from a pod spec, and where each keeps it. */
export const podSpecPaths: Readonly<Record<string, readonly string[]>> = {
    [K8s.Deployment]: ["spec", "template", "spec"],
    [K8s.StatefulSet]: ["spec", "template", "spec"],
    [K8s.DaemonSet]: ["spec", "template", "spec"],
    [K8s.ReplicaSet]: ["spec", "template", "spec"],
    [K8s.Job]: ["spec", "template", "spec"],
    [K8s.CronJob]: ["spec", "jobTemplate", "spec", "template", "spec"],
    [K8s.Pod]: ["spec"],
};

export const podWorkloadTypes: readonly string[] = Object.keys(podSpecPaths);

/** The pod spec of a workload of type `type` (undefined when it has none or is not an object). */
export function podSpecOf(type: string, props: unknown): Rec | undefined {
    const path = Object.prototype.hasOwnProperty.call(podSpecPaths, type) ? podSpecPaths[type] : undefined;
    return path ? asRecord(at(props, ...path)) : undefined;
}

export type ContainerField = "containers" | "initContainers";

/** One container of a pod spec, with where it stands (for messages that never print `undefined`). */
export interface PodContainer {
    container: Rec;
    field: ContainerField;
    /** Its place in `field`, from 0. */
    index: number;
}

/**
 * The containers of a pod spec, list by list in the order of `fields`. Items that are not
 * objects are skipped: there is nothing in them to judge.
 */
export function containersOf(pod: unknown, fields: readonly ContainerField[]): PodContainer[] {
    return fields.flatMap((field) =>
        asArray(at(pod, field)).flatMap((item, index) => {
            const container = asRecord(item);
            return container ? [{ container, field, index }] : [];
        }),
    );
}

/*
 * Two ways of naming a container in messages, each pinned by its policies' tests (making them
 * one would change those messages). Both fall back to the container's place in its list.
 */

/**
 * `Container "web"`, `Init container "migrate"`, or `Container #2` when it has no usable name
 * (numbered from 1, as a user counts): k8s-probes and k8s-secret-env, whose messages start with
 * it. A name unknown at preview throws, so the item waits for the update.
 */
export function containerTitle(c: PodContainer): string {
    const name = asNonEmptyString(c.container.name);
    const kind = c.field === "initContainers" ? "Init container" : "Container";
    return name !== undefined ? `${kind} "${name}"` : `${kind} #${c.index + 1}`;
}

/**
 * `container "app"`, `init container "migrate"`, or the field path `initContainers[0]` when it
 * has no name: k8s-numeric-user and k8s-image-tags. A name unknown at preview falls back to the
 * path, so it never stops the judging of what is known.
 */
export function containerLabel(c: PodContainer): string {
    const name = knownOrUndefined(() => c.container.name);
    const kind = c.field === "initContainers" ? "init container" : "container";
    return typeof name === "string" && name.length > 0 ? `${kind} "${name}"` : `${c.field}[${c.index}]`;
}
