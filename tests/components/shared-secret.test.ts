import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentsError, SecretEncoding, SharedSecret, SharedSecretArgs } from "../../components";
import { ProgramError, RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { UNKNOWN, isSecret, plain, secretPaths } from "../../scripts/harness/wire";
import { T, ofType, one } from "../helpers";

function runSecret(args: SharedSecretArgs, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            const s = new SharedSecret("app", args);
            return { values: s.values, name: s.secretName };
        },
        { preview },
    );
}

describe("SharedSecret", () => {
    const args: SharedSecretArgs = {
        generated: {
            "jwt-secret": {},
            "encryption-key": { encoding: SecretEncoding.Hex, length: 32 },
        },
        values: { "smtp-password": "supplied-by-user" },
    };

    it("generates each value once with @pulumi/random (password or bytes)", async () => {
        const run = await runSecret(args);
        assert.deepStrictEqual(
            ofType(run, T.RandomPassword).map((r) => [r.name, plain(r.inputs).length, plain(r.inputs).special]),
            [["app-jwt-secret", 32, false]],
        );
        assert.deepStrictEqual(
            ofType(run, T.RandomBytes).map((r) => [r.name, plain(r.inputs).length]),
            [["app-encryption-key", 32]],
        );
    });

    it("writes every key into one Kubernetes Secret, as a secret input and a secret output", async () => {
        const run = await runSecret(args);
        const secret = one(run, T.Secret);
        assert.deepStrictEqual(secretPaths(secret.inputs), ["stringData"]);
        assert.deepStrictEqual(secretPaths(secret.outputs).sort(), ["data", "stringData"]);
        assert.deepStrictEqual(Object.keys(plain(secret.inputs).stringData).sort(), [
            "encryption-key",
            "jwt-secret",
            "smtp-password",
        ]);
        assert.deepStrictEqual([...new Set(secret.options.additionalSecretOutputs)].sort(), ["data", "stringData"]);
        const hex = plain(secret.inputs).stringData["encryption-key"];
        assert.match(hex, /^[0-9a-f]{64}$/, "32 random bytes as hex");
    });

    it("exposes values only as a Pulumi secret (component and stack outputs)", async () => {
        const run = await runSecret(args);
        const component = one(run, T.SharedSecret);
        assert.ok(isSecret(component.outputs.values), "component output `values` is secret");
        assert.ok(!JSON.stringify(component.outputs.secretName).includes("supplied-by-user"));
        const stack = one(run, T.Stack);
        assert.ok(isSecret(stack.outputs.values), "stack output `values` is secret");
    });

    it("is unknown at preview (the SDK sends an unknown, never a value)", async () => {
        const run = await runSecret(args, true);
        assert.strictEqual(one(run, T.Secret).inputs.stringData, UNKNOWN);
    });

    it("puts the same values in every cluster it is given a kubeconfig for, through providers it owns", async () => {
        const kubeconfigs = ["apiVersion: v1\nkind: Config # east", "apiVersion: v1\nkind: Config # west"];
        const run = await runProgram(() => {
            new SharedSecret("app", {
                generated: { "jwt-secret": {} },
                kubernetes: { namespace: "apps", kubeconfigs },
            });
        });
        const component = one(run, T.SharedSecret);
        const providers = ofType(run, "pulumi:providers:kubernetes");
        assert.deepStrictEqual(
            providers.map((p) => p.name),
            ["app-cluster-0", "app-cluster-1"],
        );
        for (const [i, p] of providers.entries()) {
            assert.strictEqual(p.parent, component.urn, "each provider is the component's child");
            assert.ok(isSecret(p.inputs.kubeconfig), "a kubeconfig holds credentials: a secret input");
            assert.strictEqual(plain(p.inputs.kubeconfig), kubeconfigs[i]);
        }
        const secrets = ofType(run, T.Secret);
        assert.deepStrictEqual(
            secrets.map((s) => s.name),
            ["app-0", "app-1"],
        );
        assert.deepStrictEqual(
            secrets.map((s) => s.provider?.slice(0, s.provider.lastIndexOf("::"))),
            providers.map((p) => p.urn),
            "one Secret through each cluster's provider",
        );
        assert.deepStrictEqual(plain(secrets[0].inputs).stringData, plain(secrets[1].inputs).stringData);
        assert.strictEqual(ofType(run, T.RandomPassword).length, 1, "generated once, not once per cluster");
        for (const s of secrets) {
            assert.deepStrictEqual(secretPaths(s.inputs), ["stringData"]);
            assert.deepStrictEqual(plain(s.inputs).metadata.name, "app", "same Secret name in every cluster");
            assert.deepStrictEqual(plain(s.inputs).metadata.namespace, "apps");
        }
    });

    it("takes kubeconfigs as Outputs too (a secret from config or another language), and keeps them secret", async () => {
        const run = await runProgram(() => {
            new SharedSecret("app", {
                generated: { "jwt-secret": {} },
                kubernetes: { kubeconfigs: [pulumi.secret("kind: Config # east")] },
            });
        });
        const provider = one(run, "pulumi:providers:kubernetes", "app-cluster-0");
        assert.ok(isSecret(provider.inputs.kubeconfig));
        assert.strictEqual(plain(provider.inputs.kubeconfig), "kind: Config # east");
        assert.strictEqual(one(run, T.Secret, "app").provider?.split("::")[3], "app-cluster-0");
    });

    it("without kubeconfigs writes one Secret through the provider given in its resource options", async () => {
        const run = await runProgram(() => {
            const east = new k8s.Provider("east", { context: "east" });
            new SharedSecret("app", { generated: { "jwt-secret": {} } }, { providers: [east] });
        });
        assert.deepStrictEqual(
            ofType(run, "pulumi:providers:kubernetes").map((p) => p.name),
            ["east"],
            "no provider of its own",
        );
        assert.match(one(run, T.Secret, "app").provider ?? "", /pulumi:providers:kubernetes::east::/);
    });

    it("ref(key) gives a secretKeyRef and refuses a key it does not hold", async () => {
        await runProgram(() => {
            const s = new SharedSecret("app", { generated: { "jwt-secret": {} } });
            assert.strictEqual(s.ref("jwt-secret").key, "jwt-secret");
            assert.throws(() => s.ref("nope"), /SharedSecret has no key "nope"; it holds: jwt-secret/);
        });
    });

    it("never echoes a kubeconfig in an error", async () => {
        await assert.rejects(
            runSecret({ generated: { k: {} }, kubernetes: { kubeconfigs: "token: s3cr3t" as unknown as string[] } }),
            (err: ProgramError) => {
                assert.ok(err.reason instanceof InvalidArgumentsError);
                assert.ok(!err.reason.message.includes("s3cr3t"), err.reason.message);
                return true;
            },
        );
    });

    const bad: Array<[string, SharedSecretArgs, RegExp]> = [
        ["no keys", {}, /generated\/values: give at least one key/],
        [
            "a short value",
            { generated: { k: { length: 8 } } },
            /generated\.k\.length: must be an integer from 16 to 1024 \(got 8\)/,
        ],
        [
            "an unknown encoding",
            { generated: { k: { encoding: "rot13" as SecretEncoding } } },
            /generated\.k\.encoding: must be one of "password", "hex", "base64"/,
        ],
        ["a key Kubernetes refuses", { generated: { "bad key": {} } }, /generated\.bad key: must be a Secret key/],
        ["a key with two sources", { generated: { k: {} }, values: { k: "v" } }, /values\.k: is also in generated/],
        [
            "no kubeconfig in the list",
            { generated: { k: {} }, kubernetes: { kubeconfigs: [] } },
            /kubernetes\.kubeconfigs: must be a list of at least one kubeconfig .*got an empty list/,
        ],
        [
            "an empty kubeconfig",
            { generated: { k: {} }, kubernetes: { kubeconfigs: ["  "] } },
            /kubernetes\.kubeconfigs\[0\]: must be a kubeconfig's contents .*got an empty string/,
        ],
        [
            "one kubeconfig's text instead of a list",
            {
                generated: { k: {} },
                kubernetes: { kubeconfigs: "apiVersion: v1 token: s3cr3t" as unknown as string[] },
            },
            /kubernetes\.kubeconfigs: must be a list .*got string\)$/,
        ],
    ];
    for (const [what, a, message] of bad) {
        it(`rejects ${what} before registering anything`, async () => {
            await assert.rejects(runSecret(a), (err: ProgramError) => {
                assert.ok(err.reason instanceof InvalidArgumentsError);
                assert.match(err.reason.message, message);
                assert.deepStrictEqual(
                    err.resources.map((r) => r.type),
                    [T.Stack],
                );
                return true;
            });
        });
    }
});
