import * as assert from "assert";
import * as fc from "fast-check";
import { notJudged } from "../../policies/common/define";
import { policies } from "../../policies/all-policies";
import { listStacks, runStack } from "../../scripts/harness/stacks";
import { JudgedResource, evaluateInProcess, judged } from "./in-process";
import { parentExists, recordingProxy } from "./read-recorder";

/**
 * Issue 7 §4b/§4c: no shape of a resource makes a policy throw (the analyzer would turn the
 * throw into a gRPC error that fails the user's whole preview), reach the safety net of
 * define.ts, or write "undefined" / "[object Object]" in a message. Every policy of the pack
 * (all-policies.ts, so policies added later are covered) is fed thousands of malformed
 * variants of the real stacks' resources, in process. Seeded: set FC_SEED to replay a run.
 */

const seed = Number(process.env.FC_SEED ?? 20261123);
const numRuns = Number(process.env.FC_RUNS ?? 1500);

/** Types whose siblings the stacks lack but the pack judges: a retyped copy stands in for them. */
const twins: Record<string, string> = {
    "kubernetes:apps/v1:Deployment": "kubernetes:apps/v1:StatefulSet",
    "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisReplication":
        "kubernetes:redis.redis.opstreelabs.in/v1beta2:Redis",
};

type Path = string[];

/** Every path in a value, objects and arrays included (the root excluded). */
function allPaths(v: unknown, path: Path = []): Path[] {
    if (typeof v !== "object" || v === null) return [];
    return Object.entries(v).flatMap(([k, x]) => [[...path, k], ...allPaths(x, [...path, k])]);
}

interface Stack {
    name: string;
    resources: JudgedResource[];
    /** Indices of the resources some policy reads. */
    judged: number[];
    /** Per resource: the paths policies read (absent ones too), and every path it holds. */
    reads: Path[][];
    paths: Path[][];
}

async function loadStack(name: string): Promise<Stack> {
    const base = (await runStack(name, { preview: false })).resources.map(judged);
    const extra = base
        .filter((r) => twins[r.type])
        .map((r) => ({ ...r, type: twins[r.type], urn: `${r.urn}-twin`, name: `${r.name}-twin` }));
    const resources = [...base, ...extra];
    const reads: Path[][] = resources.map(() => []);
    const seen = new Set<string>();
    evaluateInProcess(policies, resources, {
        wrap: (props, r, phase) =>
            recordingProxy(props, (path) => {
                const i = resources.indexOf(r);
                const id = `${i}\u0000${phase}\u0000${path.join("\u0000")}`;
                if (!seen.has(id)) {
                    seen.add(id);
                    reads[i].push(path);
                }
            }),
    });
    const judgedIdx = resources.map((_, i) => i).filter((i) => reads[i].length > 0);
    return {
        name,
        resources,
        judged: judgedIdx,
        reads,
        paths: resources.map((r) => [...allPaths(r.inputs), ...allPaths(r.stackProps)]),
    };
}

const deleted = Symbol("deleted");

/** Values a field may hold by mistake: every wrong type, holes in arrays, and deep garbage. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom<unknown>(
        null,
        deleted,
        {},
        [],
        [null],
        [[]],
        [{}],
        "",
        " ",
        0,
        -1,
        1.5,
        2147483648,
        true,
        false,
        "true",
        "3",
        "50%",
    ),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 12 }),
    fc.array(fc.constantFrom<unknown>(null, 1, "x", {}, []), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
        fc.constantFrom("name", "namespace", "key", "value", "selector", "matchLabels", "spec", "containers", "env"),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 3 },
    ),
);

interface Mutation {
    resource: number;
    fromReads: boolean;
    path: number;
    value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
    resource: fc.nat(),
    fromReads: fc.boolean(),
    path: fc.nat(),
    value: garbage,
});

function setAt(props: Record<string, unknown>, path: Path, value: unknown): void {
    if (!parentExists(props, path)) return;
    let cur: any = props;
    for (const k of path.slice(0, -1)) cur = cur[k];
    if (value === deleted) delete cur[path[path.length - 1]];
    else cur[path[path.length - 1]] = structuredClone(value);
}

/** The stack with the mutations applied (the same path in what Analyze and AnalyzeStack see). */
function mutate(
    stack: Stack,
    mutations: Mutation[],
): { resources: JudgedResource[]; changed: Set<JudgedResource>; described: string[] } {
    const resources = [...stack.resources];
    const changed = new Set<JudgedResource>();
    const described: string[] = [];
    for (const m of mutations) {
        const i = stack.judged[m.resource % stack.judged.length];
        const pool = m.fromReads ? stack.reads[i] : stack.paths[i];
        if (pool.length === 0) continue;
        const path = pool[m.path % pool.length];
        const r = changed.has(resources[i])
            ? resources[i]
            : {
                  ...resources[i],
                  inputs: structuredClone(resources[i].inputs),
                  stackProps: structuredClone(resources[i].stackProps),
              };
        setAt(r.inputs, path, m.value);
        setAt(r.stackProps, path, m.value);
        resources[i] = r;
        changed.add(r);
        described.push(
            `${r.type} ${r.name}: ${path.join(".")} = ${m.value === deleted ? "(deleted)" : JSON.stringify(m.value)}`,
        );
    }
    return { resources, changed, described };
}

describe("policies: malformed resources never make a policy throw or write undefined", function () {
    const stacks: Stack[] = [];
    before(async () => {
        for (const name of listStacks()) stacks.push(await loadStack(name));
    });

    it(`${numRuns} runs of 1-4 malformed fields over every judged resource of every stack: no exception, no safety net, no "undefined" or "[object Object]" in a message`, () => {
        assert.ok(
            stacks.every((s) => s.judged.length > 0),
            "the policies read some resources of every stack",
        );
        let shapes = 0;
        const property = fc.property(
            fc.nat(),
            fc.array(mutation, { minLength: 1, maxLength: 4 }),
            (stackIndex, mutations) => {
                const stack = stacks[stackIndex % stacks.length];
                const { resources, changed, described } = mutate(stack, mutations);
                shapes += described.length;
                const v = evaluateInProcess(policies, resources, { analyze: (r) => changed.has(r) });
                const bad = [
                    ...v.errors.map(
                        (e) => `${e.policy} threw ${e.error instanceof Error ? e.error.stack : String(e.error)}`,
                    ),
                    ...v.diagnostics
                        .filter((d) => /undefined|\[object Object\]/.test(d.message) || d.message.includes(notJudged))
                        .map((d) => `${d.policy}: ${d.message}`),
                ];
                if (bad.length > 0) throw new Error(`${stack.name} with ${described.join("; ")}:\n${bad.join("\n")}`);
            },
        );
        const result = fc.check(property, { seed, numRuns });
        if (result.failed) {
            assert.fail(
                `seed ${seed} (replay with FC_SEED=${seed}), counterexample path ${result.counterexamplePath}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
            );
        }
        console.log(`      seed ${seed}: ${result.numRuns} runs, ${shapes} malformed fields`);
        assert.ok(shapes >= numRuns, "every run mutated at least one field");
    });
});
