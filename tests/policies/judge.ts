import { sharedPolicyPack } from "./shared-pack";
import * as assert from "assert";
import { runProgram } from "../../scripts/harness/mock-engine";
import {
    PolicyConfigFile,
    PolicyDiagnostic,
    PolicyPackProcess,
    PolicyVerdict,
} from "../../scripts/harness/policy-runner";

export type Judge = (program: () => unknown, config?: PolicyConfigFile, preview?: boolean) => Promise<PolicyVerdict>;

/**
 * Starts the real policy pack once for the enclosing describe block (stopped after it)
 * and returns a function that runs a program under the mock engine and judges it.
 */
export function usePolicyPack(): Judge {
    let pack: PolicyPackProcess | undefined;
    before(async () => {
        pack = await sharedPolicyPack();
    });
    return async (program, config = {}, preview = false) => {
        // The program's value is not a stack output here: fixtures return resources.
        const run = await runProgram(
            () => {
                program();
            },
            { preview },
        );
        return pack!.evaluate(run.resources, config);
    };
}

/** The violations of one policy. */
export function violationsOf(v: PolicyVerdict, policy: string): PolicyDiagnostic[] {
    return v.violations.filter((d) => d.policy === policy);
}

/** Asserts exactly one violation of `policy`, on the resource named `resourceName`, and returns it. */
export function expectOneViolation(v: PolicyVerdict, policy: string, resourceName: string): PolicyDiagnostic {
    const found = violationsOf(v, policy);
    assert.strictEqual(
        found.length,
        1,
        `expected one ${policy} violation, got: ${JSON.stringify(v.violations, null, 1)}`,
    );
    assert.ok(
        found[0].urn.endsWith(`::${resourceName}`),
        `violation names ${found[0].urn}, expected …::${resourceName}`,
    );
    return found[0];
}

export function expectNoViolation(v: PolicyVerdict, policy: string): void {
    assert.deepStrictEqual(violationsOf(v, policy), [], `unexpected ${policy} violations`);
}
