// ESLint (flat config). Layout is Prettier's job (`npm run format`); these rules look for
// mistakes: typescript-eslint's `recommended` set (unused names, `any` leaking through, stray
// `require`, …), strict equality, and three type-aware rules about promises. The promise rules
// are the only ones that need type information: a forgotten `await` on `assert.rejects(…)` or
// on a gRPC call makes a test that cannot fail, and tsc does not report it. They run on one
// TypeScript program built from tsconfig.json (what `npm test` compiles), which is most of
// lint's time; `npm run lint` still takes a fraction of `npm test`.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
    // Compiled output, installed packages and plan output are not source.
    globalIgnores(["build/", "dist/", "node_modules/", "policies/bin/", "plan-out/"]),
    {
        // A disable comment that no longer disables anything is an error, so stale
        // exemptions cannot pile up.
        linterOptions: { reportUnusedDisableDirectives: "error" },
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        rules: {
            // Unused names are errors (tsc's noUnusedLocals/Parameters agree); a leading
            // underscore marks one that must exist, e.g. a callback's unused parameter.
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
            ],
            // `== null` (null or undefined) is the one loose comparison worth keeping.
            eqeqeq: ["error", "always", { null: "ignore" }],
        },
    },
    {
        files: ["**/*.ts"],
        languageOptions: {
            parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/await-thenable": "error",
        },
    },
    {
        // `no-explicit-any` is an error in all source: the public API (components/) and what
        // builds on it (programs/, scripts/, examples/) must stay typed, and so must the policy
        // pack. The pack does read untyped provider properties, but `any` is what let malformed
        // ones crash it (issue 7 §4b: `topologySpreadConstraints: {}` typed `any[]`, then
        // `.some`); read them as `unknown` and narrow (policies/common/read.ts).
        // Tests are exempt: they build malformed resources on purpose and read wire-format
        // outputs whose shape each assertion states. The harness (scripts/harness, which
        // `npm run plan` also runs) is exempt for the same reason: it decodes the engine's
        // wire format (protobuf Structs, mock inputs) whose shape only the caller knows.
        files: ["tests/**/*.ts", "scripts/harness/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        // Plain CommonJS run by Node directly (ensure-deps runs before anything is installed,
        // so it cannot be TypeScript); the globals are Node's.
        files: ["**/*.js", "**/*.cjs"],
        languageOptions: {
            sourceType: "commonjs",
            globals: {
                require: "readonly",
                module: "writable",
                __dirname: "readonly",
                console: "readonly",
                process: "readonly",
            },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
