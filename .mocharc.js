// Tests run as JavaScript compiled by `tsc -p .` (npm test compiles first): type-checked
// once, and no ts-node cost per run.
module.exports = {
    spec: ["build/tests/**/*.test.js"],
    reporter: "./build/tests/reporter.js",
    timeout: 60000,
    exit: true,
};
