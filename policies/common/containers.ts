import { Rec, asArray, asNonEmptyString, asRecord, at } from "./read";

/** A container of a pod template, with how messages name it. */
export interface PodContainer {
    container: Rec;
    /** `Container "web"`, or `Container #2` / `Init container #1` when it has no usable name. */
    label: string;
    init: boolean;
}

/**
 * The containers (and, with `withInit`, init containers) of a Deployment's or StatefulSet's
 * pod template. Items that are not objects are skipped: there is nothing in them to judge.
 */
export function podContainers(props: unknown, withInit = false): PodContainer[] {
    const pod = at(props, "spec", "template", "spec");
    const list = (field: string, init: boolean): PodContainer[] => asArray(at(pod, field)).flatMap((item, i) => {
        const container = asRecord(item);
        if (!container) return [];
        const name = asNonEmptyString(container.name);
        const kind = init ? "Init container" : "Container";
        // Numbered from 1 by its place in the list, as a user counts them.
        return [{ container, label: name !== undefined ? `${kind} "${name}"` : `${kind} #${i + 1}`, init }];
    });
    return [...list("containers", false), ...(withInit ? list("initContainers", true) : [])];
}
