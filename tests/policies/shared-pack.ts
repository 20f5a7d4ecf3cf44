import { PolicyPackProcess } from "../../scripts/harness/policy-runner";

let shared: Promise<PolicyPackProcess> | undefined;

/**
 * One policy pack process for the whole test run: every `evaluate` configures every policy
 * afresh, so no test sees another's config, and the run pays one start-up (about a second)
 * instead of one per describe block. Stopped when the run exits.
 */
export function sharedPolicyPack(): Promise<PolicyPackProcess> {
    if (shared === undefined) {
        shared = PolicyPackProcess.start();
        shared.then(
            (pack) => process.once("exit", () => pack.stop()),
            () => undefined,
        );
    }
    return shared;
}
