import { asArray, asCount, asNumber, asRecord, asString, asStringMap, strings } from "./read";

export interface LabelRequirement {
    key: string;
    operator: string;
    values: string[];
}

/** A label selector read into plain data (no proxy left inside). */
export interface Selector {
    matchLabels: Record<string, string>;
    matchExpressions: LabelRequirement[];
}

const operators = ["In", "NotIn", "Exists", "DoesNotExist"];

/**
 * Reads a Kubernetes label selector. Undefined when it is absent or malformed (matchLabels
 * with a value that is not a string, an expression without a string key or with an unknown
 * operator): a selector the API server would refuse selects nothing, so nothing counts as
 * covered by it. Reading it whole means a value unknown at preview throws here, at once.
 */
export function readSelector(v: unknown): Selector | undefined {
    const s = asRecord(v);
    if (!s) return undefined;
    const rawLabels = s.matchLabels ?? {};
    const matchLabels = asStringMap(rawLabels);
    if (!matchLabels) return undefined;
    const rawExpressions = s.matchExpressions ?? [];
    if (!Array.isArray(rawExpressions)) return undefined;
    const matchExpressions: LabelRequirement[] = [];
    for (const raw of asArray(rawExpressions)) {
        const e = asRecord(raw);
        const key = asString(e?.key);
        const operator = asString(e?.operator);
        const values = e?.values ?? [];
        if (
            !e ||
            key === undefined ||
            operator === undefined ||
            !operators.includes(operator) ||
            !Array.isArray(values)
        )
            return undefined;
        const texts = strings(values);
        if (texts.length !== values.length) return undefined;
        matchExpressions.push({ key, operator, values: texts });
    }
    return { matchLabels, matchExpressions };
}

/**
 * Whether a Kubernetes label selector selects `labels` (matchLabels and matchExpressions).
 * Takes the raw selector or a {@link Selector}; an empty selector selects every pod in the
 * namespace, a missing or malformed one none.
 */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
    const s = readSelector(selector);
    if (!s) return false;
    for (const [k, v] of Object.entries(s.matchLabels)) if (labels[k] !== v) return false;
    return s.matchExpressions.every((e) => {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        switch (e.operator) {
            case "In":
                return has && e.values.includes(labels[e.key]);
            case "NotIn":
                return !has || !e.values.includes(labels[e.key]);
            case "Exists":
                return has;
            default:
                return !has; // DoesNotExist (readSelector admits no other operator)
        }
    });
}

/**
 * Resolves an int-or-percent budget value against a pod count, rounding up as the
 * disruption controller does; undefined when the value is neither (a budget the API
 * server would refuse).
 */
export function scaledValue(value: unknown, pods: number): number | undefined {
    if (asNumber(value) !== undefined) return asCount(value);
    const s = asString(value);
    if (s === undefined) return undefined;
    const percent = /^(\d+)%$/.exec(s);
    if (percent) return Math.ceil((Number(percent[1]) * pods) / 100);
    return /^\d+$/.test(s) ? Number(s) : undefined;
}
