// Proves the inputs SharedSecret (target gcp) sends, not that Secret Manager accepts, replicates or encrypts them (mock engine).
import * as assert from "assert";
import { SecretEncoding, SharedSecret, SharedSecretArgs, Target } from "../../../components";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { T, childTypes, inputsOf, one } from "../../helpers";
import { expectRejected } from "../services";

const G = {
    Secret: "gcp:secretmanager/secret:Secret",
    Version: "gcp:secretmanager/secretVersion:SecretVersion",
} as const;

const base: SharedSecretArgs = {
    target: Target.Gcp,
    generated: { password: {}, "encryption-key": { encoding: SecretEncoding.Hex } },
    values: { "api-token": 'sup#plied&"value"' },
};
const westKey = "projects/demo/locations/europe-west1/keyRings/ha/cryptoKeys/secrets";

function runSecret(args: Partial<SharedSecretArgs> = {}): Promise<RunResult> {
    return runProgram(() => void new SharedSecret("app", { ...base, ...args }));
}

describe("SharedSecret on target gcp (Secret Manager beside the Kubernetes Secret)", () => {
    it("registers one Secret Manager secret, replicated automatically, and a version holding the Kubernetes Secret's values", async () => {
        const r = await runSecret();
        assert.deepStrictEqual(
            childTypes(r, one(r, T.SharedSecret)),
            [G.Secret, G.Version, T.Secret, T.RandomPassword, T.RandomBytes].sort(),
        );
        const secret = inputsOf(one(r, G.Secret));
        assert.deepStrictEqual([secret.secretId, secret.replication], ["app", { auto: {} }]);
        assert.strictEqual(secret.labels["pulumi-ha-component"], "shared-secret");
        const version = one(r, G.Version);
        assert.ok(isSecret(version.inputs.secretData), "secretData is a secret on the wire");
        const inGcp = JSON.parse(plain(version.inputs).secretData);
        assert.deepStrictEqual(inGcp, plain(one(r, T.Secret).inputs).stringData, "the same values, byte for byte");
        assert.deepStrictEqual(Object.keys(inGcp).sort(), ["api-token", "encryption-key", "password"]);
        assert.match(plain(one(r, T.SharedSecret).outputs).gcpSecretName, /^projects\/\d+\/secrets\/app$/);
    });

    it("replicates to the regions given, each with its own key when given", async () => {
        const r = await runSecret({
            gcp: {
                project: "ha-demo-123",
                replicaLocations: ["europe-west1", "europe-west4"],
                kmsKeyNames: { "europe-west1": westKey },
            },
        });
        const secret = inputsOf(one(r, G.Secret));
        assert.strictEqual(secret.project, "ha-demo-123");
        assert.deepStrictEqual(secret.replication, {
            userManaged: {
                replicas: [
                    { location: "europe-west1", customerManagedEncryption: { kmsKeyName: westKey } },
                    { location: "europe-west4" },
                ],
            },
        });
    });

    it("with no target, or target aws, registers no Secret Manager resource", async () => {
        for (const target of [undefined, Target.Kubernetes])
            assert.strictEqual(
                (await runSecret({ target })).resources.filter((r) => r.type.startsWith("gcp:")).length,
                0,
            );
    });

    describe("refuses, naming the argument and registering nothing", () => {
        it("gcp settings on another target", () =>
            expectRejected(
                () => void new SharedSecret("app", { ...base, target: Target.Aws, gcp: {} }),
                /^gcp: applies only with target "gcp" \(got target "aws"\)$/,
            ));

        it("bad replica locations (reported once, not again by the keys)", () =>
            expectRejected(
                () =>
                    void new SharedSecret("app", {
                        ...base,
                        gcp: {
                            replicaLocations: ["europe-west1", "europe-west1-b", "europe-west1"],
                            kmsKeyNames: {
                                "europe-west1": "projects/demo/locations/us-east1/keyRings/r/cryptoKeys/k",
                                "asia-east1": westKey,
                            },
                        },
                    }),
                /^gcp\.replicaLocations\[1\]: must be a GCP region name such as "europe-west1" \(got "europe-west1-b"\)$/,
                /^gcp\.replicaLocations: must all differ/,
            ));

        it("a key of another location, and a key for a location not replicated to", () =>
            expectRejected(
                () =>
                    void new SharedSecret("app", {
                        ...base,
                        gcp: {
                            replicaLocations: ["europe-west1"],
                            kmsKeyNames: {
                                "europe-west1": "projects/demo/locations/us-east1/keyRings/r/cryptoKeys/k",
                                "asia-east1": westKey,
                            },
                        },
                    }),
                /^gcp\.kmsKeyNames\.europe-west1: must be a key in europe-west1 .*the name says us-east1$/,
                /^gcp\.kmsKeyNames\.asia-east1: names a location not in gcp\.replicaLocations$/,
            ));

        it("keys without replica locations, a misspelt key and a bad project", () =>
            expectRejected(
                () =>
                    void new SharedSecret("app", {
                        ...base,
                        gcp: {
                            project: "X",
                            kmsKeyNames: { "europe-west1": westKey },
                            replicaLocation: ["x"],
                        } as never,
                    }),
                /^gcp\.replicaLocation: is not an argument of SharedSecretGcpArgs/,
                /^gcp\.project: /,
                /^gcp\.kmsKeyNames: applies only with gcp\.replicaLocations/,
            ));
    });
});
