import { sharedPolicyPack } from "./shared-pack";
import * as assert from "assert";
import { customResource } from "../../scripts/harness/custom-resource";
import { RecordedResource } from "../../scripts/harness/mock-engine";
import { PolicyConfigFile, PolicyPackProcess, PolicyVerdict } from "../../scripts/harness/policy-runner";
import { UNKNOWN } from "../../scripts/harness/wire";

/**
 * Resources the mock engine could not produce (a Pulumi program cannot register `null` in
 * an array, or an unknown in a chosen field), sent to the real pack as the engine sends
 * them: inputs to Analyze, the same values as outputs to AnalyzeStack.
 */
export interface RawResource {
    type: string;
    name: string;
    props: unknown;
}

export function recorded(r: RawResource): RecordedResource {
    // As a Pulumi program would send them: fields set to undefined are left out.
    const props = JSON.parse(JSON.stringify(r.props)) as Record<string, unknown>;
    return customResource(r.type, r.name, `urn:pulumi:test::pulumi-ha::${r.type}::${r.name}`, props);
}

export type RawJudge = (resources: RawResource[], config?: PolicyConfigFile) => Promise<PolicyVerdict>;

/** Config that runs `policy` alone (at its level): malformed shapes are judged by one policy at a time. */
export function only(
    policy: string,
    level: "advisory" | "mandatory",
    config: Record<string, unknown> = {},
): PolicyConfigFile {
    return { all: "disabled", [policy]: { enforcementLevel: level, ...config } };
}

/** Judges raw resources with the real pack (the run's shared process). */
export function useRawPack(): RawJudge {
    let pack: PolicyPackProcess | undefined;
    before(async () => {
        pack = await sharedPolicyPack();
    });
    return (resources, config = {}) => pack!.evaluate(resources.map(recorded), config);
}

/** Every path into a value (objects' keys, arrays' indexes), the root excluded. */
export function pathsOf(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
    const children: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : typeof v === "object" && v !== null
          ? Object.entries(v)
          : [];
    return children.flatMap(([k, x]) => [[...prefix, k], ...pathsOf(x, [...prefix, k])]);
}

/** A deep copy of `v` with the value at `path` replaced. */
export function replacedAt(v: unknown, path: Array<string | number>, value: unknown): unknown {
    if (path.length === 0) return value;
    const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
    copy[path[0]] = replacedAt(copy[path[0]], path.slice(1), value);
    return copy;
}

/** Values a careless or hostile stack might put anywhere. */
export const malformedValues: unknown[] = [null, [], {}, [null], [{}], "", "x", 0, -1, 1.5, true, { a: [null] }];

export { UNKNOWN };

/**
 * Feeds the pack, for every path of every fixture, each malformed value and the unknown,
 * and asserts what must always hold: no error (a throw fails the whole preview), messages
 * without `undefined` or `[object Object]`, and no violation of `policy` from an unknown
 * substituted into a fixture that passes. Runs `policy` alone (other policies have their own
 * tests). Batches one fixture's variants per call; on an error, judges them one by one to
 * name the culprit.
 */
export async function expectRobust(
    raw: RawJudge,
    policy: string,
    fixtures: RawResource[],
    context: RawResource[] = [],
): Promise<number> {
    const judge = (resources: RawResource[]) => raw(resources, only(policy, "advisory"));
    let checked = 0;
    for (const f of fixtures) {
        const variants: Array<{ label: string; unknown: boolean; resource: RawResource }> = [];
        pathsOf(f.props).forEach((path, i) => {
            [...malformedValues, UNKNOWN].forEach((value, j) => {
                variants.push({
                    label: `${f.name} ${path.join(".")} = ${value === UNKNOWN ? "<unknown>" : JSON.stringify(value)}`,
                    unknown: value === UNKNOWN,
                    resource: { type: f.type, name: `${f.name}-${i}-${j}`, props: replacedAt(f.props, path, value) },
                });
            });
        });
        const baseline = await judge([...context, f]);
        const passes = !baseline.violations.some((d) => d.policy === policy);
        let verdict: PolicyVerdict;
        try {
            verdict = await judge([...context, ...variants.map((v) => v.resource)]);
        } catch {
            for (const v of variants) {
                await judge([...context, v.resource]).catch((err) =>
                    assert.fail(`${policy} failed on ${v.label}: ${err}`),
                );
            }
            throw new Error("unreachable: the batch failed but no variant alone did");
        }
        for (const d of verdict.diagnostics.filter((x) => x.policy === policy)) {
            assert.doesNotMatch(d.message, /undefined|\[object Object\]/, `${policy} message: ${d.message}`);
        }
        if (passes) {
            const fromUnknown = new Set(variants.filter((v) => v.unknown).map((v) => v.resource.name));
            const bad = verdict.violations.filter(
                (d) => d.policy === policy && fromUnknown.has(d.urn.split("::").pop()!),
            );
            assert.deepStrictEqual(
                bad.map((d) => d.message),
                [],
                `${policy}: an unknown value made a passing ${f.name} fail`,
            );
        }
        checked += variants.length;
    }
    return checked;
}
