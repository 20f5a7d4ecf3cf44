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

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// Kubernetes resource.Quantity, as the API server's own regular expression accepts it.
const quantity = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const envName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const secretKey = /^[-._a-zA-Z0-9]+$/;

export class ArgChecker {
    private readonly problems: string[] = [];

    /** @param component how errors name the component, e.g. `AppTier "web"`. */
    constructor(private readonly component: string) {}

    /** Records a problem with argument `arg`. */
    fail(arg: string, message: string): void {
        this.problems.push(`${arg}: ${message}`);
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
        this.require(ok, arg, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")} (got ${JSON.stringify(value)})`);
        return ok;
    }

    dnsLabel(arg: string, value: string): boolean {
        const ok = value.length <= 63 && dnsLabel.test(value);
        return this.require(ok, arg, `must be a DNS label: lower-case letters, digits and '-', at most 63 characters (got ${JSON.stringify(value)})`);
    }

    dnsSubdomain(arg: string, value: string): boolean {
        const ok = value.length <= 253 && value.split(".").every((l) => dnsLabel.test(l));
        return this.require(ok, arg, `must be a Kubernetes object name: lower-case letters, digits, '-' and '.', at most 253 characters (got ${JSON.stringify(value)})`);
    }

    httpPath(arg: string, value: string): boolean {
        const ok = typeof value === "string" && value.startsWith("/") && !/\s/.test(value);
        return this.require(ok, arg, `must be an HTTP path starting with '/' (got ${JSON.stringify(value)})`);
    }

    quantity(arg: string, value: string): boolean {
        const ok = typeof value === "string" && quantity.test(value);
        return this.require(ok, arg, `must be a Kubernetes quantity such as "250m", "1" or "512Mi" (got ${JSON.stringify(value)})`);
    }

    envName(arg: string, value: string): boolean {
        return this.require(envName.test(value), arg, `must be a valid environment variable name (letters, digits, '_', '-', '.'; not starting with a digit)`);
    }

    secretKey(arg: string, value: string): boolean {
        const ok = secretKey.test(value) && value.length <= 253;
        return this.require(ok, arg, `must be a Secret key: letters, digits, '-', '_' or '.' (got ${JSON.stringify(value)})`);
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
