/**
 * Safe readers for resource properties. Resources reach the pack as whatever a program
 * sent: any value may be null, of another type, or an array holding nulls, and a policy
 * that throws on such a shape fails the user's whole preview. These return a value of
 * the asked type, or a neutral one, and never throw on shape.
 *
 * They read through the SDK's proxy like any other code, so a value unknown at preview
 * still throws UnknownValueError when it is reached: never catch that here (it must
 * become the analyzer's "can't run during preview" notice, not a guess; unknowns.ts holds
 * the few places that set such an item aside). Object names and keys: metadata.ts.
 */
import { UnknownValueError } from "@pulumi/policy";

export type Rec = Record<string, unknown>;

/** `v` when it is an object (not an array, not null). */
export function asRecord(v: unknown): Rec | undefined {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

/** `v` when it is an object, else an empty one (read-only use). */
export function record(v: unknown): Rec {
    return asRecord(v) ?? {};
}

/** `v` when it is an array, else an empty one. */
export function asArray(v: unknown): readonly unknown[] {
    return Array.isArray(v) ? v : [];
}

/** The object items of `v` (nulls, scalars and nested arrays dropped). */
export function records(v: unknown): Rec[] {
    const out: Rec[] = [];
    for (const item of asArray(v)) {
        const r = asRecord(item);
        if (r) out.push(r);
    }
    return out;
}

export function asString(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/** A string with something in it besides spaces. */
export function asNonEmptyString(v: unknown): string | undefined {
    return typeof v === "string" && v.trim().length > 0 ? v : undefined;
}

/** A finite number (NaN and ±Infinity are not numbers a field can hold). */
export function asNumber(v: unknown): number | undefined {
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A count field (replicas, instances, a uid): a non-negative integer. */
export function asCount(v: unknown): number | undefined {
    const n = asNumber(v);
    return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function asBoolean(v: unknown): boolean | undefined {
    return typeof v === "boolean" ? v : undefined;
}

/** Follows object keys (`at(props, "spec", "template")`); undefined as soon as a step is not an object. */
export function at(v: unknown, ...path: string[]): unknown {
    let cur: unknown = v;
    for (const key of path) {
        const r = asRecord(cur);
        if (!r) return undefined;
        cur = r[key];
    }
    return cur;
}

/**
 * A string-to-string map (labels, selectors), or undefined when `v` is not an object or
 * holds a value that is not a string: callers decide what a malformed map means, since
 * dropping one entry of a selector would widen what it selects.
 */
export function asStringMap(v: unknown): Record<string, string> | undefined {
    const r = asRecord(v);
    if (!r) return undefined;
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(r)) {
        if (typeof x !== "string") return undefined;
        out[k] = x;
    }
    return out;
}

/** The strings of an array (other items dropped). */
export function strings(v: unknown): string[] {
    return asArray(v).filter((x): x is string => typeof x === "string");
}

/** `value` for a message: strings as they are, anything else as JSON (never "[object Object]" or "undefined"). */
export function shown(value: unknown): string {
    if (typeof value === "string") return value;
    if (value === undefined) return "(unset)";
    try {
        return JSON.stringify(value) ?? String(value);
    } catch (err) {
        if (err instanceof UnknownValueError) throw err;
        return typeof value;
    }
}
