import { LabelSelector } from "./types";

/** Whether a Kubernetes label selector selects `labels` (matchLabels and matchExpressions). */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
    if (!selector) return false;
    const matchLabels = selector.matchLabels ?? {};
    const expressions = selector.matchExpressions ?? [];
    // An empty selector selects every pod in the namespace.
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
    return expressions.every((e) => {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        switch (e.operator) {
            case "In": return has && (e.values ?? []).includes(labels[e.key]);
            case "NotIn": return !has || !(e.values ?? []).includes(labels[e.key]);
            case "Exists": return has;
            case "DoesNotExist": return !has;
            default: return false;
        }
    });
}

/** Resolves an int-or-percent budget value against a pod count, rounding up as the disruption controller does. */
export function scaledValue(value: number | string, pods: number): number {
    if (typeof value === "number") return value;
    const m = /^(\d+)%$/.exec(value);
    return m ? Math.ceil((Number(m[1]) * pods) / 100) : Number(value);
}
