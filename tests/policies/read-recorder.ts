/**
 * A Proxy that records every property path a policy reads (`spec.template.spec.containers.0.env`),
 * including reads of fields that are absent: an Output the program had not resolved at
 * preview could sit at any of them. Array lengths, methods and symbols are not fields.
 */
export function recordingProxy<T extends object>(target: T, onRead: (path: string[]) => void, path: string[] = []): T {
    return new Proxy(target, {
        get(obj, prop, receiver) {
            const value = Reflect.get(obj, prop, receiver);
            if (typeof prop !== "string") return value;
            const own = Object.prototype.hasOwnProperty.call(obj, prop);
            const isArray = Array.isArray(obj);
            const field = isArray ? own && /^\d+$/.test(prop) : own || !(prop in obj);
            if (!field) return value;
            const at = [...path, prop];
            onRead(at);
            // The Proxy invariant: a non-writable, non-configurable own value must be returned as is.
            const desc = Object.getOwnPropertyDescriptor(obj, prop);
            if (desc && desc.configurable === false && desc.writable === false) return value;
            return typeof value === "object" && value !== null ? recordingProxy(value, onRead, at) : value;
        },
    });
}

/** A deep copy of `value` with `path` set to `replacement` (parents must exist). */
export function withValueAt(
    value: Record<string, unknown>,
    path: string[],
    replacement: unknown,
): Record<string, unknown> {
    const copy = structuredClone(value);
    let cur: any = copy;
    for (const key of path.slice(0, -1)) cur = cur[key];
    cur[path[path.length - 1]] = replacement;
    return copy;
}

/** Whether every parent of `path` exists (is an object or array) in `value`, so the leaf can be set. */
export function parentExists(value: unknown, path: string[]): boolean {
    let cur: any = value;
    for (const key of path.slice(0, -1)) {
        if (typeof cur !== "object" || cur === null) return false;
        cur = cur[key];
    }
    return typeof cur === "object" && cur !== null;
}

/** The value at `path`, or undefined. */
export function valueAt(value: unknown, path: string[]): unknown {
    let cur: any = value;
    for (const key of path) {
        if (typeof cur !== "object" || cur === null) return undefined;
        cur = cur[key];
    }
    return cur;
}
