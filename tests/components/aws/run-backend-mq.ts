import * as assert from "assert";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentsError } from "../../../components";
import { ArgChecker } from "../../../components/core/arg-checker";
import { Target } from "../../../components/core/enums";
import { BackendScope, ServiceBackend } from "../../../components/backends/backend";
import { ProgramError, RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { plain } from "../../../scripts/harness/wire";
import { T, one } from "../../helpers";

// Runs one backend (its plan, then its creator) under the mock engine inside a test component,
// so a backend is tested before any public component is wired to it.

export const testParentType = "pulumi-ha:test:BackendParent";

/** The public component's stand-in: the parent of everything the backend creates, holding its outputs. */
class TestParent extends pulumi.ComponentResource {
    constructor(name: string) {
        super(testParentType, name, {}, {});
    }

    /** What a public component does with its backend's outputs. */
    finish(outputs: object): void {
        this.registerOutputs(outputs as pulumi.Inputs);
    }
}

export interface BackendRunOptions {
    /** The component's name. Default "svc". */
    name?: string;
    /** `scope.region`. Default none (the provider's region). */
    region?: string;
    /** `scope.protect`. Default true. */
    protect?: boolean;
    preview?: boolean;
}

export interface BackendRun {
    run: RunResult;
    /** The test parent: its outputs are the backend's, in wire form (secrets marked). */
    parent: RecordedResource;
    /** The backend's outputs without secret markers. */
    outputs: Record<string, unknown>;
}

/** A neutral resolved service moved to target aws (core does not accept the target yet). */
export function onAws<R extends { target: Target }>(resolved: R): R {
    return { ...resolved, target: Target.Aws };
}

/** Runs `plan` (throwing its problems, as a public component does) and then its creator. */
export async function runPlanned<O extends object>(
    plan: (check: ArgChecker) => (scope: BackendScope) => O,
    opts: BackendRunOptions = {},
): Promise<BackendRun> {
    const name = opts.name ?? "svc";
    const run = await runProgram(
        () => {
            const check = new ArgChecker(`Test "${name}"`);
            const create = plan(check);
            check.throwIfAny();
            const parent = new TestParent(name);
            const out = create({ parent, name, protect: opts.protect ?? true, region: opts.region });
            parent.finish(out);
        },
        { preview: opts.preview },
    );
    const parent = one(run, testParentType);
    return { run, parent, outputs: plain(parent.outputs) };
}

/** {@link runPlanned} for a {@link ServiceBackend}. */
export function runBackend<A, R, O extends object>(
    backend: ServiceBackend<A, R, O>,
    args: A,
    resolved: R,
    opts: BackendRunOptions = {},
): Promise<BackendRun> {
    return runPlanned((check) => backend.plan(check, args, resolved), opts);
}

/**
 * Runs `plan` and asserts it is rejected before anything but the Stack registers, with exactly
 * one problem matching each pattern. Returns the problems.
 */
export async function expectPlanRejected(
    plan: (check: ArgChecker) => unknown,
    ...patterns: RegExp[]
): Promise<string[]> {
    let caught: unknown;
    try {
        await runProgram(() => {
            const check = new ArgChecker("Test");
            const create = plan(check);
            check.throwIfAny();
            // Reached only when no problem was found: the test fails below.
            return { planned: typeof create };
        });
    } catch (err) {
        caught = err;
    }
    assert.ok(caught instanceof ProgramError, `expected the arguments to be rejected, got ${String(caught)}`);
    assert.ok(caught.reason instanceof InvalidArgumentsError, `expected InvalidArgumentsError, got ${caught.reason}`);
    assert.deepStrictEqual(
        caught.resources.map((r) => r.type),
        [T.Stack],
        "nothing but the Stack may be registered",
    );
    const problems = caught.reason.problems;
    for (const p of patterns)
        assert.ok(
            problems.some((x) => p.test(x)),
            `no problem matches ${p}: ${JSON.stringify(problems)}`,
        );
    assert.strictEqual(
        problems.length,
        patterns.length,
        `expected ${patterns.length} problem(s): ${JSON.stringify(problems)}`,
    );
    return problems;
}

/** The problems `plan` reports, without running anything. */
export function planProblems(plan: (check: ArgChecker) => unknown): string[] {
    const check = new ArgChecker("Test");
    plan(check);
    try {
        check.throwIfAny();
    } catch (err) {
        if (err instanceof InvalidArgumentsError) return err.problems;
        throw err;
    }
    return [];
}

/**
 * The values a provider's TSDoc lists after "Valid values" for `prop` of `iface` (a resource's
 * args interface, or a nested input type in types/input.d.ts), e.g. `deploymentMode` of
 * `BrokerArgs` → SINGLE_INSTANCE, ACTIVE_STANDBY_MULTI_AZ, CLUSTER_MULTI_AZ. Fails the test when
 * the interface, the property or the list is not found.
 */
export function documentedValues(dts: string, iface: string, prop: string): string[] {
    const text = fs.readFileSync(require.resolve(`@pulumi/aws/${dts}`), "utf8");
    const start = text.search(new RegExp(`interface ${iface} \\{`));
    assert.ok(start >= 0, `${dts} declares no interface ${iface}`);
    const body = text.slice(start);
    const end = body.search(/\n {0,4}\}\n/);
    const block = end >= 0 ? body.slice(0, end) : body;
    const docs = [...block.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)\??:/g)];
    const doc = docs.find((m) => m[2] === prop)?.[1];
    assert.ok(doc !== undefined, `${iface} in ${dts} documents no ${prop}`);
    const after = doc.split(/Valid values/)[1];
    assert.ok(after !== undefined, `${iface}.${prop} lists no valid values: ${doc}`);
    return [...new Set([...after.matchAll(/`([^`]+)`/g)].map((m) => m[1]))];
}
