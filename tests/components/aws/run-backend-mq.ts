import * as assert from "assert";
import * as fs from "fs";
import { InvalidArgumentsError } from "../../../components";
import { ArgChecker } from "../../../components/core/arg-checker";
import { Target } from "../../../components/core/enums";
import { BackendScope, ServiceBackend } from "../../../components/backends/backend";
import { RecordedResource, RunResult } from "../../../scripts/harness/mock-engine";
import { plain } from "../../../scripts/harness/wire";
import { planRejection, runPlanned as runPlannedBase } from "./run-backend";

// The RabbitMQ, S3 and Secrets Manager tests' view of run-backend.ts: outputs without secret
// markers, plans as closures, and the provider's documented values.

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

/** A neutral resolved service on target aws. */
export function onAws<R extends { target: Target }>(resolved: R): R {
    return { ...resolved, target: Target.Aws };
}

/** Runs `plan` (throwing its problems, as a public component does) and then its creator (run-backend.ts). */
export async function runPlanned<O extends object>(
    plan: (check: ArgChecker) => (scope: BackendScope) => O,
    opts: BackendRunOptions = {},
): Promise<BackendRun> {
    const done = await runPlannedBase(opts.name ?? "svc", plan, opts);
    return { run: done.run, parent: done.parent, outputs: plain(done.outputs) };
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
export function expectPlanRejected(plan: (check: ArgChecker) => unknown, ...patterns: RegExp[]): Promise<string[]> {
    return planRejection(plan, ...patterns);
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
