import * as assert from "assert";
import { InvalidArgumentsError } from "../../components";
import { StackConfig, readStackConfig } from "../../programs/config";
import { ProgramError, runProgram } from "../../scripts/harness/mock-engine";
import { loadStackConfig, projectName, runStack } from "../../scripts/harness/stacks";
import { T } from "../helpers";

// Stack config as the CLI hands it to the program (Pulumi.<stack>.yaml, objects as JSON),
// read by the real readStackConfig under the mock runtime.
async function read(overrides: Record<string, unknown>, stack = "local"): Promise<StackConfig> {
    let cfg: StackConfig | undefined;
    await runProgram(
        () => {
            cfg = readStackConfig();
        },
        { config: loadStackConfig(stack, overrides), project: projectName },
    );
    return cfg!;
}

/** The whole stack is rejected by its config, before anything but the Stack registers, with exactly these problems. */
async function expectConfigRejected(overrides: Record<string, unknown>, ...patterns: RegExp[]): Promise<void> {
    await assert.rejects(runStack("local", { overrides }), (err: unknown) => {
        assert.ok(err instanceof ProgramError, String(err));
        assert.ok(err.reason instanceof InvalidArgumentsError, `expected InvalidArgumentsError, got ${err.reason}`);
        assert.deepStrictEqual(
            err.resources.map((r) => r.type),
            [T.Stack],
            "nothing but the Stack may be registered",
        );
        const problems = err.reason.problems;
        for (const p of patterns)
            assert.ok(
                problems.some((x) => p.test(x)),
                `no problem matches ${p}: ${JSON.stringify(problems)}`,
            );
        assert.strictEqual(problems.length, patterns.length, JSON.stringify(problems));
        return true;
    });
}

const app = {
    image: "gotrs/gotrs:v2.0.0",
    replicas: 3,
    disruptionBudget: true,
    host: "gotrs.example.com",
    tlsSecretName: "gotrs-tls",
};

describe("stack config (programs/config.ts)", () => {
    describe("rejects, naming the key and what it allows", () => {
        const cases: Array<[string, Record<string, unknown>, ...RegExp[]]> = [
            [
                "an unknown top-level key, listing the keys the project reads",
                { "pulumi-ha:replicas": 3 },
                /^config has unknown keys pulumi-ha:replicas; this project reads pulumi-ha:topology, pulumi-ha:target, pulumi-ha:aws, pulumi-ha:gcp, pulumi-ha:profile, pulumi-ha:namespace, pulumi-ha:installOperators, pulumi-ha:app, pulumi-ha:postgres, pulumi-ha:redis, pulumi-ha:rabbitmq, pulumi-ha:objectStorage$/,
            ],
            [
                'a YAML string where a number belongs (replicas: "3")',
                { app: { ...app, replicas: "3" } },
                /^config pulumi-ha:app\.replicas: must be an integer from 0 to 2147483647 \(got "3"\)$/,
            ],
            [
                'a YAML string where a boolean belongs (disruptionBudget: "no")',
                { app: { ...app, disruptionBudget: "no" } },
                /^config pulumi-ha:app\.disruptionBudget: must be a boolean, true or false \(got "no"\)$/,
            ],
            [
                'a service\'s boolean given as a string (tls: "false")',
                { redis: { tls: "false" } },
                /^config pulumi-ha:redis\.tls: must be a boolean, true or false \(got "false"\)$/,
            ],
            [
                "a nested unknown key",
                { postgres: { backup: { retention: 14 } } },
                /^config pulumi-ha:postgres\.backup has unknown keys retention; allowed: enabled, retentionDays, pointInTimeRecovery$/,
            ],
            [
                "a user id as a string, and root",
                { app: { ...app, security: { runAsUser: "1000", fsGroup: -1 } } },
                /^config pulumi-ha:app\.security\.runAsUser: must be an integer from 1 to 2147483647 \(got "1000"\)$/,
                /^config pulumi-ha:app\.security\.fsGroup: must be an integer from 0 to 2147483647 \(got -1\)$/,
            ],
            [
                "a probe path given as a number",
                { app: { ...app, probes: { liveness: { path: 8080 } } } },
                /^config pulumi-ha:app\.probes\.liveness\.path: must be a string \(got 8080\)$/,
            ],
            [
                "installOperators that is not true or false",
                { installOperators: "maybe" },
                /^config pulumi-ha:installOperators must be true or false \(got "maybe"\)$/,
            ],
            [
                "a namespace Kubernetes refuses",
                { namespace: "GOTRS_prod" },
                /^config pulumi-ha:namespace must be a namespace name: a DNS-1123 label/,
            ],
            [
                "an app that is not an object",
                { app: "gotrs/gotrs:v2.0.0" },
                /^config pulumi-ha:app must be an object of app settings \(got "gotrs\/gotrs:v2\.0\.0"\)$/,
            ],
            [
                "an app without its image",
                { app: { replicas: 3 } },
                /^config pulumi-ha:app\.image: is required: a string$/,
            ],
            [
                "a target that is not one",
                { target: "azure" },
                /^config pulumi-ha:target must be one of kubernetes, aws, gcp \(got "azure"\)$/,
            ],
            [
                "GCP settings on an AWS stack",
                { target: "aws", gcp: { region: "europe-west1" } },
                /^config pulumi-ha:gcp applies only with pulumi-ha:target gcp \(got "aws"\)$/,
            ],
            [
                "GCP settings of the wrong type, named by their key",
                { target: "gcp", gcp: { network: { zones: "three" } } },
                /^config pulumi-ha:gcp\.network\.zones: must be an integer/,
            ],
            [
                "AWS settings on a Kubernetes stack",
                { aws: { region: "eu-central-1" } },
                /^config pulumi-ha:aws applies only with pulumi-ha:target aws \(got "kubernetes"\)$/,
            ],
            [
                "a mistyped AWS setting",
                { target: "aws", aws: { network: { zones: "3" }, cluster: { nodes: 3 } } },
                /^config pulumi-ha:aws\.network\.zones: must be an integer/,
                /^config pulumi-ha:aws\.cluster has unknown keys nodes; allowed: version, nodesPerZone, deletionProtection, aws$/,
            ],
            [
                "every problem at once",
                { topology: "kafka", "pulumi-ha:replica": 1, app: { ...app, replicas: 1.5 }, rabbitmq: { nodes: "3" } },
                /^config pulumi-ha:topology must be one of gotrs, safeshare \(got "kafka"\)$/,
                /^config has unknown keys pulumi-ha:replica;/,
                /^config pulumi-ha:app\.replicas: must be an integer/,
                /^config pulumi-ha:rabbitmq\.nodes: must be an integer/,
            ],
        ];
        for (const [what, overrides, ...patterns] of cases)
            it(what, () => expectConfigRejected(overrides, ...patterns));
    });

    it("reads installOperators (default true), and passes app.security and app.probes through", async () => {
        assert.strictEqual((await read({})).installOperators, true);
        const cfg = await read({
            installOperators: false,
            app: {
                ...app,
                security: { runAsUser: 1000, runAsGroup: 1000, writablePaths: ["/tmp"] },
                probes: { liveness: { path: "/health" }, readiness: { path: "/api/health" } },
            },
        });
        assert.strictEqual(cfg.installOperators, false);
        assert.deepStrictEqual(cfg.app.security, { runAsUser: 1000, runAsGroup: 1000, writablePaths: ["/tmp"] });
        assert.deepStrictEqual(cfg.app.probes, { liveness: { path: "/health" }, readiness: { path: "/api/health" } });
    });

    it("reads target aws and its settings from the aws stack", async () => {
        const cfg = await read({}, "aws");
        assert.strictEqual(cfg.target, "aws");
        assert.deepStrictEqual(cfg.aws?.network?.availabilityZones, [
            "eu-central-1a",
            "eu-central-1b",
            "eu-central-1c",
        ]);
        assert.strictEqual((await read({})).target, "kubernetes", "the default");
    });

    it("ignores other packages' config (e.g. the kubernetes provider's)", async () => {
        const cfg = await read({ "kubernetes:context": "kind-ha" }, "safeshare");
        assert.strictEqual(cfg.topology, "safeshare");
        assert.deepStrictEqual(cfg.services.objectStorage?.kubernetes?.external?.region, "auto");
    });
});
