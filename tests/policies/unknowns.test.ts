import { sharedPolicyPack } from "./shared-pack";
import * as assert from "assert";
import { policies } from "../../policies/all-policies";
import { RecordedResource } from "../../scripts/harness/mock-engine";
import { PolicyDiagnostic, PolicyPackProcess } from "../../scripts/harness/policy-runner";
import { listStacks, runStack } from "../../scripts/harness/stacks";
import { UNKNOWN } from "../../scripts/harness/wire";
import { InProcessVerdict, JudgedResource, Phase, evaluateInProcess, judged, recorded } from "./in-process";
import { parentExists, recordingProxy, valueAt, withValueAt } from "./read-recorder";

/**
 * Issue 7 §4a: a value unknown at preview must never become a violation. For each stack,
 * in preview and in update mode, the policies are run once with a recording proxy to learn
 * every property path they read (on every resource, in Analyze and in AnalyzeStack); then
 * each of those paths in turn is replaced by the unknown value (the string sentinel the
 * engine sends) and the policies run again. No substitution may add a mandatory violation
 * (the stacks pass the pack, so that is 0 mandatory), nor throw.
 */

interface Substitution {
    index: number;
    phase: Phase;
    path: string[];
}

const key = (d: PolicyDiagnostic) => `${d.policy} ${d.urn}`;

/** Every path any policy reads, per resource and phase, that can hold an unknown and does not already. */
function readPaths(resources: JudgedResource[]): Substitution[] {
    const seen = new Set<string>();
    const found: Substitution[] = [];
    evaluateInProcess(policies, resources, {
        wrap: (props, r, phase) =>
            recordingProxy(props, (path) => {
                const index = resources.indexOf(r);
                const id = `${index}\u0000${phase}\u0000${path.join("\u0000")}`;
                if (seen.has(id)) return;
                seen.add(id);
                found.push({ index, phase, path });
            }),
    });
    return found.filter((s) => {
        const props = s.phase === "resource" ? resources[s.index].inputs : resources[s.index].stackProps;
        return parentExists(props, s.path) && valueAt(props, s.path) !== UNKNOWN;
    });
}

function substitute(resources: JudgedResource[], s: Substitution): JudgedResource[] {
    const r = resources[s.index];
    const changed =
        s.phase === "resource"
            ? { ...r, inputs: withValueAt(r.inputs, s.path, UNKNOWN) }
            : { ...r, stackProps: withValueAt(r.stackProps, s.path, UNKNOWN) };
    return resources.map((x, i) => (i === s.index ? changed : x));
}

/** The policies on the stack with one substitution: Analyze on the changed resource, or AnalyzeStack. */
function judgeWith(resources: JudgedResource[], s: Substitution): InProcessVerdict {
    const changed = substitute(resources, s);
    return s.phase === "resource"
        ? evaluateInProcess(policies, changed, { stack: false, analyze: (r) => r === changed[s.index] })
        : evaluateInProcess(policies, changed, { resources: false });
}

const where = (resources: JudgedResource[], s: Substitution) =>
    `${resources[s.index].type} ${resources[s.index].name} ${s.phase === "resource" ? "inputs" : "properties"}.${s.path.join(".")}`;

describe("policies: an unknown value anywhere a policy reads gives a notice, never a violation", () => {
    for (const stack of listStacks()) {
        for (const preview of [true, false]) {
            it(`stack ${stack} (${preview ? "preview" : "update"}): every read path substituted with the unknown, 0 added mandatory violations, 0 exceptions`, async () => {
                const resources = (await runStack(stack, { preview })).resources.map(judged);
                const base = evaluateInProcess(policies, resources);
                assert.deepStrictEqual(base.errors, []);
                const baseMandatory = new Set(base.mandatory.map(key));
                const substitutions = readPaths(resources);
                const problems: string[] = [];
                let notices = 0;
                for (const s of substitutions) {
                    const v = judgeWith(resources, s);
                    notices += v.notices.length;
                    for (const e of v.errors)
                        problems.push(`${where(resources, s)}: ${e.policy} threw ${String(e.error)}`);
                    for (const d of v.mandatory.filter((m) => !baseMandatory.has(key(m))))
                        problems.push(`${where(resources, s)}: ${d.policy} reported "${d.message}"`);
                }
                console.log(
                    `      ${stack} ${preview ? "preview" : "update"}: ${substitutions.length} substitutions over ${resources.length} resources, ${notices} notices, ${problems.length} problems`,
                );
                assert.deepStrictEqual(
                    problems.slice(0, 20),
                    [],
                    `${problems.length} substitutions of the unknown went wrong`,
                );
                // The test can fail: policies read many paths, and unknowns there do turn into notices.
                assert.ok(substitutions.length > resources.length, "the recording proxy saw the policies' reads");
                assert.ok(notices > 0, "substituted unknowns reach the policies");
            });
        }
    }

    describe("in process and through the real analyzer (gRPC) agree", () => {
        let pack: PolicyPackProcess | undefined;
        before(async () => {
            pack = await sharedPolicyPack();
        });

        const comparable = (ds: PolicyDiagnostic[]) =>
            ds.map((d) => `${d.policy} | ${d.level} | ${d.urn} | ${d.notice ? "(notice)" : d.message}`).sort();

        it("on both stacks' preview, and on one substitution per phase that yields a notice", async () => {
            for (const stack of listStacks()) {
                const run = await runStack(stack, { preview: true });
                const resources = run.resources.map(judged);
                const asRecorded = (list: JudgedResource[]): RecordedResource[] =>
                    list.map((r, i) => recorded(r, run.resources[i]));
                const cases: Array<[string, JudgedResource[]]> = [["no substitution", resources]];
                for (const phase of ["resource", "stack"] as const) {
                    const s = readPaths(resources).find(
                        (x) => x.phase === phase && judgeWith(resources, x).notices.length > 0,
                    );
                    assert.ok(s, `some ${phase} substitution of ${stack} yields a notice`);
                    cases.push([where(resources, s), substitute(resources, s)]);
                }
                for (const [what, list] of cases) {
                    const inProcess = evaluateInProcess(policies, list);
                    const grpc = await pack!.evaluate(asRecorded(list));
                    assert.deepStrictEqual(
                        comparable(inProcess.diagnostics),
                        comparable(grpc.diagnostics),
                        `${stack}, ${what}`,
                    );
                }
            }
        });
    });
});
