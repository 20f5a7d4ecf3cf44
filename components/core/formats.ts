/**
 * The value formats arguments must have, as the systems that finally read them define them:
 * Kubernetes (names, quantities), CloudNativePG (cron), S3 (bucket names), URLs.
 * Each returns a verdict only; ArgChecker words the problem.
 */

/** RFC 1123 label, as Kubernetes checks namespaces and most object names. */
export const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1035 label: a 1123 label that starts with a letter; Kubernetes requires it of Service names. */
export const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function isDns1123Label(value: string): boolean {
    return value.length <= 63 && dns1123Label.test(value);
}

export function isDns1123Subdomain(value: string): boolean {
    return value.length <= 253 && value.split(".").every((l) => dns1123Label.test(l));
}

// resource.Quantity's grammar: <sign><number><suffix>, suffix binary SI, decimal SI or a decimal exponent.
export const quantityGrammar = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|n|u|m|k|M|G|T|P|E)?$/;
const suffixValue: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    "": 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
};

/** The value of a Kubernetes quantity ("250m" → 0.25, "1Gi" → 1073741824), or undefined when it does not parse. */
export function parseQuantity(value: string): number | undefined {
    const m = quantityGrammar.exec(value);
    if (!m) return undefined;
    const suffix = m[2] ?? "";
    const multiplier = /^[eE][+-]?\d+$/.test(suffix) ? 10 ** Number(suffix.slice(1)) : suffixValue[suffix];
    const n = Number(m[1]) * multiplier;
    return Number.isFinite(n) ? n : undefined;
}

/**
 * The default of a limit, raised to the request when the request is larger: a caller who
 * raises only a request must not get a default limit below it (the API server refuses that).
 */
export function limitDefault(defaultLimit: string, request: string): string {
    const r = parseQuantity(request);
    const d = parseQuantity(defaultLimit);
    return r !== undefined && d !== undefined && r > d ? request : defaultLimit;
}

// One field of a six-field cron (robfig/cron with seconds, which CloudNativePG's ScheduledBackup uses).
interface CronField {
    name: string;
    min: number;
    max: number;
    names?: string[];
}
const cronFields: CronField[] = [
    { name: "seconds", min: 0, max: 59 },
    { name: "minutes", min: 0, max: 59 },
    { name: "hours", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    {
        name: "month",
        min: 1,
        max: 12,
        names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
    },
    { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];
const cronDescriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/**
 * Why `value` is not a CloudNativePG schedule (six fields, seconds first, each a list of
 * `*`, `?`, values, ranges and steps within the field's range), or undefined when it is one.
 */
export function cronProblem(value: string): string | undefined {
    const trimmed = value.trim();
    if (cronDescriptors.includes(trimmed)) return undefined;
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 6) return `has ${trimmed ? fields.length : 0} field(s)`;
    for (let i = 0; i < 6; i++) {
        const f = cronFields[i];
        if (!fields[i].split(",").every((part) => cronPartOk(part, f))) {
            return `field ${i + 1} (${f.name}) "${fields[i]}" is not within ${f.min}-${f.max}`;
        }
    }
    return undefined;
}

function cronPartOk(part: string, f: CronField): boolean {
    const [range, step, ...rest] = part.split("/");
    if (rest.length > 0) return false;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) return false;
    if (range === "*" || range === "?") return true;
    const bounds = range.split("-");
    if (bounds.length > 2) return false;
    const values = bounds.map((b) => cronValue(b, f));
    if (values.some((v) => v === undefined)) return false;
    return values.length === 1 || values[0]! <= values[1]!;
}

function cronValue(token: string, f: CronField): number | undefined {
    const named = f.names?.indexOf(token.toUpperCase()) ?? -1;
    if (named >= 0) return named + f.min;
    if (!/^\d+$/.test(token)) return undefined;
    const n = Number(token);
    return n >= f.min && n <= f.max ? n : undefined;
}

/** The scheme of an http(s) URL with a host and no credentials in it, or undefined when it is not one. */
export function urlScheme(value: string): "http" | "https" | undefined {
    if (/\s/.test(value)) return undefined;
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return undefined;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (!url.hostname || url.username || url.password) return undefined;
    return url.protocol === "https:" ? "https" : "http";
}

/** Why `value` is not a valid S3 bucket name (AWS's general-purpose bucket rules), or undefined. */
export function bucketNameProblem(value: string): string | undefined {
    if (value.length < 3 || value.length > 63) return "must be 3 to 63 characters";
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(value))
        return "may hold only lower-case letters, digits, '.' and '-', and must begin and end with a letter or digit";
    if (value.includes("..")) return "must not contain two adjacent periods";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return "must not be formatted as an IP address";
    for (const prefix of ["xn--", "sthree-", "amzn-s3-demo-"])
        if (value.startsWith(prefix)) return `must not start with "${prefix}"`;
    for (const suffix of ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"])
        if (value.endsWith(suffix)) return `must not end with "${suffix}"`;
    return undefined;
}

/** An Ingress host: a lower-case DNS name, optionally with a leading `*.` wildcard, never an IP address. */
export function isIngressHost(value: string): boolean {
    const name = value.startsWith("*.") ? value.slice(2) : value;
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(":")) return false;
    return name.length > 0 && isDns1123Subdomain(name) && name.split(".").every((l) => l.length <= 63);
}

/**
 * Whether an endpoint URL names a host inside the Kubernetes cluster: a Service name
 * (`minio`, `rgw.ceph.svc`, `….svc.cluster.local`) resolves only there. The policy pack
 * applies the same rule (policies/common/backup-destination.ts; a test keeps them equal).
 */
export function isInClusterEndpoint(endpoint: string): boolean {
    let host: string;
    try {
        host = new URL(endpoint).hostname.toLowerCase().replace(/\.$/, "");
    } catch {
        return false;
    }
    return !host.includes(".") || /\.(svc|cluster\.local)$/.test(host);
}
