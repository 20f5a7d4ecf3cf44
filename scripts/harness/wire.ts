/**
 * The engine's wire form of property values, as `Struct.toJavaScript()` gives it:
 * secrets are `{ [SIG_KEY]: SECRET_SIG, value }` objects and unknowns are a sentinel
 * string. These helpers read that form without losing where the markers were.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export type Wire = unknown;

export function isSecret(v: Wire): v is { value: Wire } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

export function secret(value: Wire): Wire {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** The value with every secret wrapper removed (unknown sentinels stay). */
export function plain(v: Wire): any {
    if (isSecret(v)) return plain(v.value);
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    }
    return v;
}

/**
 * Like {@link plain}, but every value inside a secret becomes `replacement`: what may be
 * shown or written. Keys and shapes stay, so a redacted Secret is still a valid object.
 */
export function redacted(v: Wire, replacement = "[secret]", inSecret = false): any {
    if (isSecret(v)) return redacted(v.value, replacement, true);
    if (Array.isArray(v)) return v.map((x) => redacted(x, replacement, inSecret));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redacted(x, replacement, inSecret)]));
    }
    return inSecret ? replacement : v;
}

/** The value with every unknown field left out (unknown array items become null). */
export function withoutUnknowns(v: Wire): Wire {
    const unknown = (x: Wire) => x === UNKNOWN || (isSecret(x) && x.value === UNKNOWN);
    if (isSecret(v)) return secret(withoutUnknowns(v.value));
    if (Array.isArray(v)) return v.map((x) => (unknown(x) ? null : withoutUnknowns(x)));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(
            Object.entries(v)
                .filter(([, x]) => !unknown(x))
                .map(([k, x]) => [k, withoutUnknowns(x)]),
        );
    }
    return v;
}

/** Paths (`a.b[0].c`) at which a secret wrapper sits. */
export function secretPaths(v: Wire, path = ""): string[] {
    if (isSecret(v)) return [path || "(root)"];
    return childEntries(v, path).flatMap(([p, x]) => secretPaths(x, p));
}

/** Paths at which a value is unknown (preview). */
export function unknownPaths(v: Wire, path = ""): string[] {
    if (v === UNKNOWN) return [path || "(root)"];
    if (isSecret(v)) return unknownPaths(v.value, path);
    return childEntries(v, path).flatMap(([p, x]) => unknownPaths(x, p));
}

/** True when `v` holds a secret anywhere inside. */
export function containsSecret(v: Wire): boolean {
    return secretPaths(v).length > 0;
}

function childEntries(v: Wire, path: string): Array<[string, Wire]> {
    if (Array.isArray(v)) return v.map((x, i) => [`${path}[${i}]`, x]);
    if (typeof v === "object" && v !== null) {
        return Object.entries(v).map(([k, x]) => [path ? `${path}.${k}` : k, x]);
    }
    return [];
}

/** Reads a dotted path (`spec.template.spec`) from a plain value. */
export function at(v: any, path: string): any {
    return path.split(".").reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), v);
}
