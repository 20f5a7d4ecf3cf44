// Tests run as JavaScript compiled by `tsc -p .` (npm test compiles first): type-checked
// once, and no ts-node cost per run.
//
// Test files run in two (or more) worker processes: much of the suite waits on processes of its
// own (the policy pack, the plan, the component plugin, tsc), so two workers nearly halve the
// wall time even on CI's 2 cores. Each worker starts its own policy pack process.
const os = require("os");

module.exports = {
    spec: ["build/tests/**/*.test.js"],
    reporter: "./build/tests/reporter.js",
    timeout: 60000,
    exit: true,
    parallel: true,
    jobs: Math.max(2, os.cpus().length - 1),
};
