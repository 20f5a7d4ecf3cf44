import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { BackendScope, ServiceBackend } from "../../../components/backends/backend";
import { ArgChecker, InvalidArgumentsError } from "../../../components/core/arg-checker";
import { PostgresClusterArgs } from "../../../components/core/postgres-contract";
import { ResolvedPostgres, resolvePostgres } from "../../../components/core/postgres-resolve";
import { RedisClusterArgs } from "../../../components/core/redis-contract";
import { ResolvedRedis, resolveRedis } from "../../../components/core/redis-resolve";
import { ProgramError, RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { Wire, plain } from "../../../scripts/harness/wire";
import { inputsOf, one } from "../../helpers";

/** The type token of the stand-in for a public component, the parent of everything a backend creates. */
export const testParentType = "test:aws:Service";

/** Stands in for the public component (PostgresCluster, RedisCluster…) until the lead wires the backends in. */
class TestParent extends pulumi.ComponentResource {
    constructor(name: string) {
        super(testParentType, name, {}, {});
    }

    /** What a public component does last. */
    finish(outputs: object): void {
        this.registerOutputs(outputs);
    }
}

export interface BackendRunOptions {
    /** The scope's `protect`. Default: the resolved deletionProtection (true for a bare plan). */
    protect?: boolean;
    /** The scope's region. Default none. */
    region?: string;
    /** Preview (computed values unknown). Default false. */
    preview?: boolean;
    /** Give the scope a `dependsOn`: a resource named "operators" registered first. Default false. */
    withDependency?: boolean;
}

export interface BackendRun {
    run: RunResult;
    /** The stand-in parent. */
    parent: RecordedResource;
    /** The backend's outputs as registered by the parent, in wire form (secrets still marked). */
    outputs: Record<string, Wire>;
}

/**
 * Runs a plan as a public component will: `plan` with a fresh ArgChecker, `throwIfAny`, and only
 * then the parent and `create(scope)`, under the mock engine. Throws the ProgramError of a rejected
 * plan (see {@link planRejection}).
 */
export async function runPlanned<O extends object>(
    name: string,
    plan: (check: ArgChecker) => (scope: BackendScope) => O,
    opts: BackendRunOptions = {},
): Promise<BackendRun> {
    const run = await runProgram(
        () => {
            const check = new ArgChecker(`test "${name}"`);
            const create = plan(check);
            check.throwIfAny();
            const dependency = opts.withDependency ? new random.RandomId("operators", { byteLength: 1 }) : undefined;
            const parent = new TestParent(name);
            const scope: BackendScope = {
                parent,
                name,
                protect: opts.protect ?? true,
                region: opts.region,
                dependsOn: dependency ? [dependency] : undefined,
            };
            parent.finish({ ...create(scope) });
        },
        { preview: opts.preview },
    );
    const parents = run.resources.filter((r) => r.type === testParentType);
    assert.strictEqual(parents.length, 1);
    return { run, parent: parents[0], outputs: parents[0].outputs };
}

/** {@link runPlanned} for a backend, with the scope protected as the resolved args say. */
export function runBackend<A, R extends { deletionProtection: boolean }, O extends object>(
    backend: ServiceBackend<A, R, O>,
    name: string,
    args: A,
    resolved: R,
    opts: BackendRunOptions = {},
): Promise<BackendRun> {
    const protect = opts.protect ?? resolved.deletionProtection;
    return runPlanned(name, (check) => backend.plan(check, args, resolved), { ...opts, protect });
}

/**
 * Runs `plan` and asserts it is rejected with an InvalidArgumentsError before anything but the
 * Stack registers, with exactly one problem matching each pattern. Returns the problems.
 */
export async function planRejection(plan: (check: ArgChecker) => unknown, ...patterns: RegExp[]): Promise<string[]> {
    let problems: string[] | undefined;
    try {
        // A plan that passes creates nothing here: the test fails below.
        await runPlanned("svc", (check) => {
            plan(check);
            return () => ({});
        });
    } catch (err) {
        assert.ok(err instanceof ProgramError, `expected ProgramError, got ${err}`);
        assert.ok(err.reason instanceof InvalidArgumentsError, `expected InvalidArgumentsError, got ${err.reason}`);
        assert.deepStrictEqual(
            err.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
            "nothing but the Stack may be registered",
        );
        problems = err.reason.problems;
    }
    if (!problems) assert.fail("expected the plan to be rejected");
    for (const p of patterns)
        assert.ok(
            problems.some((x) => p.test(x)),
            `no problem matches ${p}: ${JSON.stringify(problems)}`,
        );
    if (patterns.length > 0)
        assert.strictEqual(
            problems.length,
            patterns.length,
            `expected ${patterns.length} problem(s): ${JSON.stringify(problems)}`,
        );
    return problems;
}

/** The problems a backend's plan reports, after checking that nothing but the Stack got registered. */
export function planProblems<A, R, O extends object>(
    backend: ServiceBackend<A, R, O>,
    args: A,
    resolved: R,
): Promise<string[]> {
    return planRejection((check) => backend.plan(check, args, resolved));
}

/** Asserts a plan is rejected with exactly one problem per pattern; returns the problems. */
export function expectPlanRejected<A, R, O extends object>(
    backend: ServiceBackend<A, R, O>,
    args: A,
    resolved: R,
    ...patterns: RegExp[]
): Promise<string[]> {
    return planRejection((check) => backend.plan(check, args, resolved), ...patterns);
}

/** The neutral resolution of Postgres arguments (what core hands a backend); throws its problems. */
export function resolvedPostgres(name: string, args: PostgresClusterArgs): ResolvedPostgres {
    const check = new ArgChecker(`PostgresCluster "${name}"`);
    const resolved = resolvePostgres(check, name, args);
    check.throwIfAny();
    return resolved;
}

/** The neutral resolution of Redis arguments (what core hands a backend); throws its problems. */
export function resolvedRedis(name: string, args: RedisClusterArgs): ResolvedRedis {
    const check = new ArgChecker(`RedisCluster "${name}"`);
    const resolved = resolveRedis(check, name, args);
    check.throwIfAny();
    return resolved;
}

/** @pulumi/random's special characters when `overrideSpecial` is not given (its documentation). */
export const randomDefaultSpecials = "!@#$%&*()-_=+[]{}<>:?";

/**
 * Every character a RandomPassword with these inputs can produce, by the provider's documented
 * rules: A–Z unless `upper` false, a–z unless `lower` false, 0–9 unless `numeric` (or the deprecated
 * `number`) false, and the specials (`overrideSpecial`, else the default set) unless `special` false.
 */
export function passwordAlphabet(inputs: Record<string, unknown>): string {
    let chars = "";
    if (inputs.upper !== false) chars += "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if (inputs.lower !== false) chars += "abcdefghijklmnopqrstuvwxyz";
    if (inputs.numeric !== false && inputs.number !== false) chars += "0123456789";
    if (inputs.special !== false)
        chars += typeof inputs.overrideSpecial === "string" ? inputs.overrideSpecial : randomDefaultSpecials;
    return chars;
}

/** The fewest characters the `min*` inputs force, which the provider requires to fit in `length`. */
export function passwordMinimums(inputs: Record<string, unknown>): number {
    return ["minUpper", "minLower", "minNumeric", "minSpecial"].reduce((n, k) => n + Number(inputs[k] ?? 0), 0);
}

/**
 * The service's security group has no inline rules, and its one ingress rule admits `port`/tcp from
 * the client group only, never a CIDR or prefix list. Returns the group.
 */
export function expectClientOnlyIngress(run: RunResult, port: number, client = "sg-eks"): RecordedResource {
    const sg = one(run, "aws:ec2/securityGroup:SecurityGroup");
    assert.deepStrictEqual([inputsOf(sg).ingress, inputsOf(sg).egress], [[], []]);
    const rule = inputsOf(one(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"));
    assert.deepStrictEqual(
        {
            from: rule.referencedSecurityGroupId,
            proto: rule.ipProtocol,
            ports: [rule.fromPort, rule.toPort],
            cidr: [rule.cidrIpv4, rule.cidrIpv6, rule.prefixListId],
        },
        { from: client, proto: "tcp", ports: [port, port], cidr: [undefined, undefined, undefined] },
    );
    return sg;
}

/** Every AWS resource carries the component's tags, and none shows the generated secret. */
export function expectTagged(run: RunResult, component: string, instance: string): void {
    const secret = plain(one(run, "random:index/randomPassword:RandomPassword").outputs).result as string;
    for (const x of run.resources.filter((y) => y.type.startsWith("aws:"))) {
        const tags = inputsOf(x).tags;
        assert.strictEqual(tags["pulumi-ha.io/component"], component, x.type);
        assert.strictEqual(tags["pulumi-ha.io/instance"], instance, x.type);
        assert.strictEqual(tags["app.kubernetes.io/managed-by"], "pulumi-ha", x.type);
        assert.ok(!JSON.stringify(tags).includes(secret));
    }
}
