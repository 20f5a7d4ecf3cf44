import * as pulumi from "@pulumi/pulumi";

/**
 * Declarative shapes of the public argument interfaces: what type each key holds, checked
 * before any other rule so that a JavaScript caller or a YAML stack config gets an argument
 * error (`tls: must be a boolean, true or false (got "false")`) instead of a TypeError or
 * a silently truthy string. Ranges and cross-field rules stay in the resolvers.
 *
 * A shape is tied to the TypeScript type it checks: `ShapeFields<T>` demands one entry per
 * key of `T` (a new argument does not compile until its shape is declared), and each entry
 * must check that key's type (a `boolean` key cannot be given a string shape).
 */

/** The largest integer Kubernetes (int32 fields) and most providers accept. */
export const int32Max = 2147483647;

/** Receives what a shape check finds. */
export interface ShapeReporter {
    /** `path` holds a value its shape does not allow; `message` says what it must be and what it got. */
    invalid(path: string, message: string): void;
    /** The object at `path` (an object of `typeName`) has keys its shape does not list. */
    unknownKeys(path: string, typeName: string, keys: string[], allowed: string[]): void;
}

/** What a check returns for a value it reported: the caller leaves it out, so defaults apply. */
export const dropped: unique symbol = Symbol("dropped");

/**
 * The shape of a value of type `T`. `R` is true for a shape that may only check a required key.
 */
export interface Shape<T, R extends boolean = false> {
    /** What the value must be, completing "must be …": "a boolean", "an integer from 0 to 2147483647". */
    readonly expected: string;
    /** Whether the key must be present (only meaningful inside an object). */
    readonly required: R;
    /**
     * Checks `value` (never undefined) at `path`; reports each problem. Returns the value to keep
     * (objects without their unknown or invalid optional keys) or `dropped`.
     */
    check(value: unknown, path: string, report: ShapeReporter): unknown;
    /** Type-level only, never set: makes `Shape<T>` invariant in `T`. */
    readonly __type?: (t: T) => T;
}

/** One shape per key of `T`: optional keys take a plain shape, required keys `required(shape)`. */
export type ShapeFields<T> = {
    [K in keyof T]-?: object extends Pick<T, K> ? Shape<Exclude<T[K], undefined>> : Shape<T[K], true>;
};

/** The shape of an object type, with its fields (for config readers that reuse a contract's fields). */
export interface ObjectShape<T> extends Shape<T> {
    readonly typeName: string;
    readonly fields: ShapeFields<T>;
}

/** How a value shows in a message: JSON where possible, never `[object Object]`. */
export function show(value: unknown): string {
    if (value === undefined) return "undefined";
    if (pulumi.Output.isInstance(value)) return "an Output";
    if (typeof value === "function") return "a function";
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    try {
        const json = JSON.stringify(value) as string | undefined;
        if (json === undefined) return String(value); // a symbol
        return json.length > 80 ? `${json.slice(0, 77)}…` : json;
    } catch {
        // Circular (e.g. a resource object): its class says more than "[object Object]".
        const type = (value as object).constructor?.name;
        return type && type !== "Object" ? `a ${type}` : "an object";
    }
}

/** A plain object (not an array, Output or Promise). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        !pulumi.Output.isInstance(value) &&
        !isPromise(value)
    );
}

function isPromise(value: unknown): boolean {
    return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** `a.b`, `a[0]`, or `b` at the root. */
export function joinPath(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return path ? `${path}.${key}` : key;
}

function leaf<T>(expected: string, ok: (v: unknown) => boolean): Shape<T> {
    return {
        expected,
        required: false,
        check(value, path, report) {
            if (ok(value)) return value;
            report.invalid(path, `must be ${expected} (got ${show(value)})`);
            return dropped;
        },
    };
}

/** true or false; a string such as "false" is an error, never truthy. */
export function boolean(): Shape<boolean> {
    return leaf("a boolean, true or false", (v) => typeof v === "boolean");
}

/** Any string; what it must look like is the resolver's to check. */
export function string(): Shape<string> {
    return leaf("a string", (v) => typeof v === "string");
}

/** A whole number in [min, max]; max defaults to int32 (Kubernetes replicas, seconds, ids). */
export function int(min = 0, max = int32Max): Shape<number> {
    return leaf(
        `an integer from ${min} to ${max}`,
        (v) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max,
    );
}

/** One value of an `as const` enum object. */
export function oneOf<E extends Record<string, string>>(e: E): Shape<E[keyof E]> {
    const allowed = Object.values(e);
    return leaf(
        `one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
        (v) => typeof v === "string" && allowed.includes(v),
    );
}

/** A `pulumi.Input<T>`: an Output or a Promise passes as it is (checked when known, by the resolver if at all). */
export function input<T>(inner: Shape<T>): Shape<pulumi.Input<T>> {
    return {
        expected: `${inner.expected} (or an Output of one)`,
        required: false,
        check(value, path, report) {
            return pulumi.Output.isInstance(value) || isPromise(value) ? value : inner.check(value, path, report);
        },
    };
}

/** Marks an object key as required: a missing value is reported, and drops the object holding it. */
export function required<T>(inner: Shape<T>): Shape<T, true> {
    return { ...inner, check: inner.check.bind(inner), required: true };
}

/** A list whose every item has `item`'s shape; any bad item drops the whole list (half a command is worse than none). */
export function array<T>(item: Shape<T>): Shape<T[]> {
    const expected = `a list, each item ${item.expected}`;
    return {
        expected,
        required: false,
        check(value, path, report) {
            if (!Array.isArray(value)) {
                report.invalid(path, `must be ${expected} (got ${show(value)})`);
                return dropped;
            }
            const items = value.map((v, i) => {
                if (v === undefined || v === null) {
                    report.invalid(joinPath(path, i), `must be ${item.expected} (got ${show(v)})`);
                    return dropped;
                }
                return item.check(v, joinPath(path, i), report);
            });
            return items.includes(dropped) ? dropped : items;
        },
    };
}

/** An object used as a map from names to values of `value`'s shape; bad entries are left out. */
export function map<T>(value: Shape<T>): Shape<Record<string, T>> {
    const expected = `an object mapping names to values, each ${value.expected}`;
    return {
        expected,
        required: false,
        check(given, path, report) {
            if (!isPlainObject(given)) {
                report.invalid(path, `must be ${expected} (got ${show(given)})`);
                return dropped;
            }
            const kept: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(given)) {
                if (v === undefined) continue;
                const checked =
                    v === null
                        ? nullValue(value, joinPath(path, k), report)
                        : value.check(v, joinPath(path, k), report);
                // defineProperty: a key named "__proto__" (valid JSON) stays a key, not the prototype.
                if (checked !== dropped)
                    Object.defineProperty(kept, k, {
                        value: checked,
                        enumerable: true,
                        writable: true,
                        configurable: true,
                    });
            }
            return kept;
        },
    };
}

function nullValue(shape: { expected: string }, path: string, report: ShapeReporter): typeof dropped {
    report.invalid(path, `must be ${shape.expected} (got null)`);
    return dropped;
}

/**
 * An object of `typeName` with exactly `fields`. Unknown keys are reported (a misspelt key
 * would otherwise be ignored silently) and left out; an invalid optional key is left out;
 * a missing or invalid required key drops the whole object.
 */
export function object<T>(typeName: string, fields: ShapeFields<T>): ObjectShape<T> {
    const expected = `an object of ${typeName}`;
    const entries = Object.entries(fields) as Array<[string, Shape<unknown, boolean>]>;
    const allowed = entries.map(([k]) => k);
    return {
        expected,
        typeName,
        fields,
        required: false,
        check(value, path, report) {
            if (!isPlainObject(value)) {
                report.invalid(path || "args", `must be ${expected} (got ${show(value)})`);
                return dropped;
            }
            const unknown = Object.keys(value).filter((k) => !allowed.includes(k) && value[k] !== undefined);
            if (unknown.length > 0) report.unknownKeys(path, typeName, unknown, allowed);
            const kept: Record<string, unknown> = {};
            let complete = true;
            for (const [key, shape] of entries) {
                const given = value[key];
                const at = joinPath(path, key);
                if (given === undefined) {
                    if (shape.required) {
                        report.invalid(at, `is required: ${shape.expected}`);
                        complete = false;
                    }
                    continue;
                }
                const checked = given === null ? nullValue(shape, at, report) : shape.check(given, at, report);
                if (checked !== dropped) kept[key] = checked;
                else if (shape.required) complete = false;
            }
            return complete ? kept : dropped;
        },
    };
}

/**
 * Another component's arguments (e.g. `Platform.app`): only "an object" is checked here; the
 * part's own resolver checks every key, with the part's name as the prefix of each problem.
 */
export function delegated<T>(typeName: string): Shape<T> {
    return leaf(`an object of ${typeName}`, isPlainObject);
}
