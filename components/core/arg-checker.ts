import { ObjectShape, ShapeReporter, dropped, joinPath, show } from "./arg-shape";
import {
    bucketNameProblem,
    cronProblem,
    dns1035Label,
    isDns1123Label,
    isDns1123Subdomain,
    isIngressHost,
    parseQuantity,
    urlScheme,
} from "./formats";
import { DerivedName } from "./kubernetes-names";
import { ResourcesArgs } from "./resources";

/**
 * Argument validation that runs before a component registers anything.
 * Every problem is collected, then thrown as one error that names each argument
 * and what it allows, so a user fixes everything in one pass.
 */
export class InvalidArgumentsError extends Error {
    constructor(
        readonly component: string,
        readonly problems: string[],
    ) {
        super(`${component}: invalid arguments:\n  - ${problems.join("\n  - ")}`);
        this.name = "InvalidArgumentsError";
    }
}

const envName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const secretKey = /^[-._a-zA-Z0-9]+$/;

export class ArgChecker implements ShapeReporter {
    private readonly problems: string[] = [];
    // Arguments whose type was wrong: later rules about them (or about their parts or the
    // object holding them) would only repeat the problem with a default value, so they are muted.
    private readonly mistyped: string[] = [];

    /** @param component how errors name the component, e.g. `AppTier "web"`. */
    constructor(private readonly component: string) {}

    /** Records a problem with argument `arg` (unless its type was already reported). */
    fail(arg: string, message: string): void {
        if (this.mistyped.some((p) => related(p, arg))) return;
        this.problems.push(`${arg}: ${message}`);
    }

    /** {@link ShapeReporter}: a value of the wrong type. */
    invalid(path: string, message: string): void {
        this.mistyped.push(path);
        this.problems.push(`${path}: ${message}`);
    }

    /** {@link ShapeReporter}: keys no argument interface lists (a JavaScript caller's typo). */
    unknownKeys(path: string, typeName: string, keys: string[], allowed: string[]): void {
        for (const key of keys) {
            this.invalid(
                joinPath(path, key),
                `is not an argument of ${typeName}; its arguments are ${allowed.join(", ")}`,
            );
        }
    }

    /**
     * Checks the whole argument object against its declared shape, before any other rule.
     * Returns the arguments without every value of the wrong type (so the resolver applies
     * the default and cannot trip over it); the problems are recorded. Arguments that are not
     * an object at all are thrown at once.
     */
    args<T>(args: unknown, shape: ObjectShape<T>): T {
        const checked = shape.check(args, "", this);
        if (checked === dropped) this.throwIfAny();
        return checked as T;
    }

    /** Records a problem unless `ok`. Returns `ok`. */
    require(ok: boolean, arg: string, message: string): boolean {
        if (!ok) this.fail(arg, message);
        return ok;
    }

    integer(arg: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
        const ok = Number.isInteger(value) && value >= min && value <= max;
        const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
        return this.require(ok, arg, `must be ${range} (got ${JSON.stringify(value)})`);
    }

    port(arg: string, value: number): boolean {
        return this.integer(arg, value, 1, 65535);
    }

    nonEmpty(arg: string, value: unknown): boolean {
        const ok = typeof value === "string" && value.trim().length > 0;
        return this.require(ok, arg, `must be a non-empty string (got ${JSON.stringify(value)})`);
    }

    oneOf<T extends string>(arg: string, value: string, allowed: readonly T[]): value is T {
        const ok = (allowed as readonly string[]).includes(value);
        this.require(
            ok,
            arg,
            `must be one of ${allowed.map((a) => `"${a}"`).join(", ")} (got ${JSON.stringify(value)})`,
        );
        return ok;
    }

    dnsLabel(arg: string, value: string): boolean {
        const ok = typeof value === "string" && isDns1123Label(value);
        return this.require(
            ok,
            arg,
            `must be a DNS label: lower-case letters, digits and '-', at most 63 characters (got ${JSON.stringify(value)})`,
        );
    }

    dnsSubdomain(arg: string, value: string): boolean {
        const ok = typeof value === "string" && isDns1123Subdomain(value);
        return this.require(
            ok,
            arg,
            `must be a Kubernetes object name: lower-case letters, digits, '-' and '.', at most 253 characters (got ${JSON.stringify(value)})`,
        );
    }

    httpPath(arg: string, value: string): boolean {
        const ok = typeof value === "string" && value.startsWith("/") && !/\s/.test(value);
        return this.require(ok, arg, `must be an HTTP path starting with '/' (got ${JSON.stringify(value)})`);
    }

    /** A Kubernetes quantity greater than 0. */
    quantity(arg: string, value: string): boolean {
        const n = typeof value === "string" ? parseQuantity(value) : undefined;
        return this.require(
            n !== undefined && n > 0,
            arg,
            `must be a Kubernetes quantity greater than 0, such as "250m", "1" or "512Mi" (got ${show(value)})`,
        );
    }

    /**
     * CPU and memory of one container: each given value a positive quantity, each request at
     * most its limit (the API server refuses a request above its limit).
     * @param prefix the argument, e.g. "kubernetes.resources".
     */
    resources(prefix: string, r: ResourcesArgs | undefined): boolean {
        if (r === undefined) return true;
        let ok = true;
        for (const key of ["cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit"] as const) {
            if (r[key] !== undefined) ok = this.quantity(`${prefix}.${key}`, r[key]!) && ok;
        }
        if (!ok) return false;
        for (const kind of ["cpu", "memory"] as const) {
            const request = r[`${kind}Request`];
            const limit = r[`${kind}Limit`];
            if (request === undefined || limit === undefined) continue;
            ok =
                this.require(
                    parseQuantity(request)! <= parseQuantity(limit)!,
                    `${prefix}.${kind}Request`,
                    `must be at most ${prefix}.${kind}Limit (${limit}), got ${request}`,
                ) && ok;
        }
        return ok;
    }

    /** A CloudNativePG schedule: six-field cron, seconds first. */
    cron(arg: string, value: string): boolean {
        const problem = cronProblem(value);
        return this.require(
            problem === undefined,
            arg,
            `must be a six-field cron expression, seconds first, e.g. "0 0 2 * * *" (seconds 0-59, minutes 0-59, hours 0-23, day of month 1-31, month 1-12, day of week 0-6); ${problem} (got ${show(value)})`,
        );
    }

    /**
     * An http(s) URL with a host; https unless `allowHttp` (the development profile).
     * Values that are not plain strings (Outputs) are known only later and pass.
     */
    url(arg: string, value: unknown, allowHttp: boolean): boolean {
        if (typeof value !== "string") return true;
        const scheme = urlScheme(value);
        const ok = this.require(
            scheme !== undefined,
            arg,
            `must be an http(s) URL (got ${show(value)}) with a host and no user or password in it, e.g. "https://s3.example.com"`,
        );
        return (
            this.require(
                allowHttp || /^https:\/\//i.test(value),
                arg,
                "must be https in the production profile (encryption in transit); http only with profile development",
            ) && ok
        );
    }

    /** An S3 bucket name by AWS's rules; Outputs pass. */
    bucketName(arg: string, value: unknown): boolean {
        if (typeof value !== "string") return true;
        const problem = bucketNameProblem(value);
        return this.require(
            problem === undefined,
            arg,
            `must be an S3 bucket name: 3-63 lower-case letters, digits, '.' and '-', not an IP address, no "xn--" prefix or "-s3alias" suffix; ${problem} (got ${show(value)})`,
        );
    }

    /** An Ingress host: a DNS name, optionally `*.`-wildcarded. */
    ingressHost(arg: string, value: string): boolean {
        return this.require(
            typeof value === "string" && isIngressHost(value),
            arg,
            `must be a lower-case DNS name such as "shop.example.com" (a leading "*." wildcard allowed; not an IP address) (got ${show(value)})`,
        );
    }

    /** A namespace, when given as a plain string (an Output is known only later). */
    namespace(arg: string, value: unknown): boolean {
        if (typeof value !== "string") return true;
        return this.require(
            isDns1123Label(value),
            arg,
            `must be a namespace name: a DNS-1123 label of lower-case letters, digits and '-', at most 63 characters (got ${show(value)})`,
        );
    }

    /**
     * A component's name, which names Kubernetes objects: a DNS-1123 label itself, and short
     * enough for the longest object named after it (see kubernetes-names.ts).
     */
    kubernetesName(name: string, derived: DerivedName[]): boolean {
        // Every default and derived name starts from it: nothing else is worth checking without it.
        if (!this.require(typeof name === "string", "name", `must be a string (got ${show(name)})`)) this.throwIfAny();
        if (
            !this.require(
                isDns1123Label(name),
                "name",
                `${show(name)} names Kubernetes objects, so it must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
            )
        )
            return false;
        const mustStartWithLetter = derived.find((d) => d.dns1035 && !dns1035Label.test(d.name.slice(0, 1)));
        if (
            !this.require(
                !mustStartWithLetter,
                "name",
                `${show(name)} must start with a letter: it names ${mustStartWithLetter?.what} "${mustStartWithLetter?.name}", which must be a DNS-1035 label`,
            )
        )
            return false;
        // The derived name that leaves the component's name the least room.
        const tightest = derived.reduce((a, b) => (b.max - b.name.length < a.max - a.name.length ? b : a));
        const room = tightest.max - (tightest.name.length - name.length);
        return this.require(
            tightest.name.length <= tightest.max,
            "name",
            `${show(name)} is too long: it names ${tightest.what} "${tightest.name}" (${tightest.name.length} characters; at most ${tightest.max}: ${tightest.why}); use a name of at most ${room} characters`,
        );
    }

    envName(arg: string, value: string): boolean {
        return this.require(
            envName.test(value),
            arg,
            `must be a valid environment variable name (letters, digits, '_', '-', '.'; not starting with a digit)`,
        );
    }

    secretKey(arg: string, value: string): boolean {
        const ok = secretKey.test(value) && value.length <= 253;
        return this.require(
            ok,
            arg,
            `must be a Secret key: letters, digits, '-', '_' or '.' (got ${JSON.stringify(value)})`,
        );
    }

    /**
     * Runs another component's resolver and records its problems under `prefix`
     * (e.g. "postgres."), so a composite reports every nested problem in one error.
     */
    nested<T>(prefix: string, resolve: () => T): T | undefined {
        try {
            return resolve();
        } catch (e) {
            if (!(e instanceof InvalidArgumentsError)) throw e;
            for (const problem of e.problems) this.problems.push(`${prefix}${problem}`);
            return undefined;
        }
    }

    /** Throws every recorded problem at once; does nothing when there are none. */
    throwIfAny(): void {
        if (this.problems.length > 0) throw new InvalidArgumentsError(this.component, this.problems);
    }
}

/** Whether a problem about `arg` concerns the argument at `path`: the same, a part of it, or what holds it. */
function related(path: string, arg: string): boolean {
    const within = (inner: string, outer: string) =>
        inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    return within(arg, path) || within(path, arg);
}
