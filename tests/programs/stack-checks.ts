import * as assert from "assert";
import { sharedPolicyPack } from "../policies/shared-pack";
import { expectCredentialsOnlyInSecrets, expectValidObjects } from "../components/services";
import { RunResult } from "../../scripts/harness/mock-engine";
import { PolicyPackProcess } from "../../scripts/harness/policy-runner";
import { runStack } from "../../scripts/harness/stacks";
import { T, inputsOf, one, ofType } from "../helpers";

/** Runs of a stack shared by a describe block: preview and update, and the run's policy pack. */
export function useStack(stack: string): { pack: PolicyPackProcess; preview: RunResult; update: RunResult } {
    const runs = {} as { pack: PolicyPackProcess; preview: RunResult; update: RunResult };
    before(async () => {
        runs.pack = await sharedPolicyPack();
        runs.preview = await runStack(stack, { preview: true });
        runs.update = await runStack(stack, { preview: false });
    });
    return runs;
}

/** Resource counts by type. */
export function countsByType(run: RunResult): Record<string, number> {
    return Object.fromEntries(
        [...new Set(run.resources.map((r) => r.type))].sort().map((t) => [t, ofType(run, t).length]),
    );
}

/** The whole pack passes, with no "can't run during preview" notice either. */
export async function expectCleanVerdict(pack: PolicyPackProcess, ...runs: RunResult[]): Promise<void> {
    for (const run of runs) {
        const v = await pack.evaluate(run.resources);
        assert.deepStrictEqual(v.violations, [], JSON.stringify(v.violations, null, 1));
        assert.deepStrictEqual(v.notices, []);
    }
}

/** The mandatory violations of a stack run with config overrides, as [policy, resource name]. */
export async function mandatoryWith(
    pack: PolicyPackProcess,
    stack: string,
    overrides: Record<string, unknown>,
): Promise<string[][]> {
    const run = await runStack(stack, { overrides });
    return (await pack.evaluate(run.resources)).mandatory.map((d) => [d.policy, d.urn.split("::").pop()!]);
}

/** Every object valid; every password only inside secrets, including the stack outputs. */
export function expectValidAndSecret(update: RunResult): void {
    expectValidObjects(update);
    const { passwords, privateKeys } = expectCredentialsOnlyInSecrets(update);
    const outputs = JSON.stringify(update.stackOutputs);
    for (const p of [...passwords, ...privateKeys])
        assert.ok(!outputs.includes(p), "stack outputs hold no password or key");
}

/** The app container's env entries by name. */
export function appEnv(run: RunResult): Record<string, any> {
    const env = inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0].env;
    return Object.fromEntries(env.map((e: any) => [e.name, e]));
}
