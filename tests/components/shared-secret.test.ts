import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import { InvalidArgumentsError, SecretEncoding, SharedSecret, SharedSecretArgs } from "../../components";
import { ProgramError, RunResult, runProgram } from "../harness/mock-engine";
import { UNKNOWN, isSecret, plain, secretPaths } from "../harness/wire";
import { T, ofType, one } from "../helpers";

function runSecret(args: SharedSecretArgs, preview = false): Promise<RunResult> {
    return runProgram(() => {
        const s = new SharedSecret("app", args);
        return { values: s.values, name: s.secretName };
    }, { preview });
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
        assert.deepStrictEqual(ofType(run, T.RandomPassword).map((r) => [r.name, plain(r.inputs).length, plain(r.inputs).special]), [["app-jwt-secret", 32, false]]);
        assert.deepStrictEqual(ofType(run, T.RandomBytes).map((r) => [r.name, plain(r.inputs).length]), [["app-encryption-key", 32]]);
    });

    it("writes every key into one Kubernetes Secret, as a secret input and a secret output", async () => {
        const run = await runSecret(args);
        const secret = one(run, T.Secret);
        assert.deepStrictEqual(secretPaths(secret.inputs), ["stringData"]);
        assert.deepStrictEqual(secretPaths(secret.outputs).sort(), ["data", "stringData"]);
        assert.deepStrictEqual(Object.keys(plain(secret.inputs).stringData).sort(), ["encryption-key", "jwt-secret", "smtp-password"]);
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

    it("puts the same values in every cluster it is given", async () => {
        const run = await runProgram(() => {
            const east = new k8s.Provider("east", { context: "east" });
            const west = new k8s.Provider("west", { context: "west" });
            new SharedSecret("app", { generated: { "jwt-secret": {} }, kubernetes: { namespace: "apps", providers: [east, west] } });
        });
        const secrets = ofType(run, T.Secret);
        assert.deepStrictEqual(secrets.map((s) => s.name), ["app-0", "app-1"]);
        assert.deepStrictEqual(secrets.map((s) => s.provider?.split("::")[3]), ["east", "west"]);
        assert.deepStrictEqual(plain(secrets[0].inputs).stringData, plain(secrets[1].inputs).stringData);
        assert.strictEqual(ofType(run, T.RandomPassword).length, 1, "generated once, not once per cluster");
        for (const s of secrets) {
            assert.deepStrictEqual(plain(s.inputs).metadata.name, "app", "same Secret name in every cluster");
            assert.deepStrictEqual(plain(s.inputs).metadata.namespace, "apps");
        }
    });

    it("ref(key) gives a secretKeyRef and refuses a key it does not hold", async () => {
        await runProgram(() => {
            const s = new SharedSecret("app", { generated: { "jwt-secret": {} } });
            assert.strictEqual(s.ref("jwt-secret").key, "jwt-secret");
            assert.throws(() => s.ref("nope"), /SharedSecret has no key "nope"; it holds: jwt-secret/);
        });
    });

    const bad: Array<[string, SharedSecretArgs, RegExp]> = [
        ["no keys", {}, /generated\/values: give at least one key/],
        ["a short value", { generated: { k: { length: 8 } } }, /generated\.k\.length: must be an integer from 16 to 1024 \(got 8\)/],
        ["an unknown encoding", { generated: { k: { encoding: "rot13" as SecretEncoding } } }, /generated\.k\.encoding: must be one of "password", "hex", "base64"/],
        ["a key Kubernetes refuses", { generated: { "bad key": {} } }, /generated\.bad key: must be a Secret key/],
        ["a key with two sources", { generated: { k: {} }, values: { k: "v" } }, /values\.k: is also in generated/],
    ];
    for (const [what, a, message] of bad) {
        it(`rejects ${what} before registering anything`, async () => {
            await assert.rejects(runSecret(a), (err: ProgramError) => {
                assert.ok(err.reason instanceof InvalidArgumentsError);
                assert.match(err.reason.message, message);
                assert.deepStrictEqual(err.resources.map((r) => r.type), [T.Stack]);
                return true;
            });
        });
    }
});
