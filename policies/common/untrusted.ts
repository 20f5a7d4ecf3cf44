import { UnknownValueError } from "@pulumi/policy";

/*
 * Readers for resource properties whose shape nobody promised. A stack may hand the pack
 * anything (null, a string where an object belongs, arrays holding nulls), and a policy
 * that throws fails the whole `pulumi preview`. Each reader returns undefined (or an empty
 * list) for a value of the wrong type and never throws, except the SDK's
 * UnknownValueError when the value it reads is unknown at preview: that one must reach the
 * analyzer, which turns it into its "can't run during preview" notice.
 */

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value at a path of object keys; undefined as soon as a step is not an object. */
export function at(v: unknown, ...keys: string[]): unknown {
    let cur = v;
    for (const k of keys) {
        if (!isRecord(cur)) return undefined;
        cur = cur[k];
    }
    return cur;
}

/** The array at a path, or [] when there is none (or something else is there). */
export function listAt(v: unknown, ...keys: string[]): unknown[] {
    const found = at(v, ...keys);
    return Array.isArray(found) ? [...found] : [];
}

/** A non-empty string at a path. */
export function stringAt(v: unknown, ...keys: string[]): string | undefined {
    const found = at(v, ...keys);
    return typeof found === "string" && found.length > 0 ? found : undefined;
}

/** Only the string-valued entries of a map (labels, matchLabels); undefined when it is not a map. */
export function stringMap(v: unknown): Record<string, string> | undefined {
    if (!isRecord(v)) return undefined;
    const out: Record<string, string> = {};
    for (const k of Object.keys(v)) {
        const x = v[k];
        if (typeof x === "string") out[k] = x;
    }
    return out;
}

/** The object's namespace, "default" when it sets none (or not a string). */
export function namespaceOf(props: unknown): string {
    return stringAt(props, "metadata", "namespace") ?? "default";
}

/** The object's name, or `fallback` (the resource's Pulumi name) when it has none. */
export function nameOf(props: unknown, fallback: string): string {
    return stringAt(props, "metadata", "name") ?? fallback;
}

/** "Kind namespace/name" for messages, from the resource type token and its name fallback. */
export function describeObject(type: string, props: unknown, fallbackName: string): string {
    return `${type.split(":").pop() || type} ${namespaceOf(props)}/${nameOf(props, fallbackName)}`;
}

/**
 * Judges every item on its own. An item whose values are unknown at preview is skipped and
 * the others are still judged (their violations stand); the first unknown is rethrown at
 * the end so the analyzer still says the policy could not judge everything.
 */
export function judgeEach<T>(items: Iterable<T>, judge: (item: T) => void): void {
    let unknown: UnknownValueError | undefined;
    for (const item of items) {
        try {
            judge(item);
        } catch (err) {
            if (!(err instanceof UnknownValueError)) throw err;
            unknown ??= err;
        }
    }
    if (unknown) throw unknown;
}
