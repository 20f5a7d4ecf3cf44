import * as Mocha from "mocha";

/**
 * mocha's spec reporter, plus the one closing line CI reads: `N passed, N failed`.
 * (Pending tests are listed too, so a skipped test never hides.)
 */
class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        let passed = 0;
        let failed = 0;
        let pending = 0;
        runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => {
            passed++;
        });
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => {
            failed++;
        });
        runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => {
            pending++;
        });
        // Registered after the spec reporter's epilogue, so it prints last; synchronously,
        // because mocha's `exit` option ends the process right after this event.
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}`);
        });
    }
}

export = SummaryReporter;
