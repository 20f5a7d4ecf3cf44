// Proves the inputs SharedSecret (target aws) sends, not that AWS accepts, replicates or encrypts them (mock engine).
import * as assert from "assert";
import { SecretEncoding, SharedSecret, SharedSecretArgs, Target } from "../../../components";
import { RecordedResource, RunResult } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";
import { AT, awsResources, expectShownNowhere, generatedValues, run } from "./public";

const supplied = { "api-url-token": 'sup#plied&"value"/ünïcode' };
const base: SharedSecretArgs = {
    target: Target.Aws,
    generated: { password: {}, "encryption-key": { encoding: SecretEncoding.Hex } },
    values: supplied,
};
const westKey = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const centralKey = "arn:aws:kms:eu-central-1:111122223333:key/abcd1234-12ab-34cd-56ef-1234567890ab";
const kubeconfig = (n: number) => `apiVersion: v1\nkind: Config\nclusters: []\n# cluster ${n}\n`;

function runSecret(args: Partial<SharedSecretArgs> = {}, preview = false): Promise<RunResult> {
    return run(() => void new SharedSecret("app", { ...base, ...args }), preview);
}

/** The values a Kubernetes Secret holds, as bytes: its stringData, and the base64 data the API server keeps. */
function kubernetesBytes(s: RecordedResource): { stringData: Record<string, Buffer>; data: Record<string, Buffer> } {
    assert.ok(isSecret(s.inputs.stringData), "stringData is a secret on the wire");
    const bytes = (o: Record<string, string>, encoding: BufferEncoding) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Buffer.from(v, encoding)]));
    return {
        stringData: bytes(plain(s.inputs.stringData), "utf8"),
        data: bytes(plain(s.outputs).data, "base64"),
    };
}

/** The Secrets Manager value, parsed, each value as bytes. */
function secretsManagerBytes(r: RunResult): Record<string, Buffer> {
    const version = one(r, AT.SmVersion);
    assert.ok(isSecret(version.inputs.secretString), "secretString is a secret on the wire");
    const parsed: Record<string, string> = JSON.parse(plain(version.inputs.secretString));
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Buffer.from(v, "utf8")]));
}

describe("SharedSecret on target aws (Secrets Manager beside the Kubernetes Secret)", () => {
    describe("defaults", () => {
        let r: RunResult;
        before(async () => {
            r = await runSecret();
        });

        it("registers one Secrets Manager secret, one version, a KMS key, beside the Kubernetes Secret and generators", () => {
            assert.deepStrictEqual(
                childTypes(r, one(r, T.SharedSecret)),
                [AT.Key, AT.SmSecret, AT.SmVersion, T.Secret, T.RandomPassword, T.RandomBytes].sort(),
            );
        });

        it("encrypts with the key it created (yearly rotation) and keeps a deleted secret 30 days, no replicas", () => {
            const key = one(r, AT.Key);
            const secret = inputsOf(one(r, AT.SmSecret));
            assert.strictEqual(inputsOf(key).enableKeyRotation, true);
            assert.deepStrictEqual(
                [secret.kmsKeyId, secret.recoveryWindowInDays, secret.replicas],
                [plain(key.outputs).arn, 30, undefined],
            );
            assert.strictEqual(inputsOf(one(r, AT.SmVersion)).secretId, one(r, AT.SmSecret).id);
        });

        it("stores the JSON of exactly the Kubernetes Secret's values: same keys, same bytes (stringData and decoded data)", () => {
            const inAws = secretsManagerBytes(r);
            const { stringData, data } = kubernetesBytes(one(r, T.Secret));
            assert.deepStrictEqual(Object.keys(inAws).sort(), ["api-url-token", "encryption-key", "password"]);
            assert.deepStrictEqual(Object.keys(stringData).sort(), Object.keys(inAws).sort());
            assert.deepStrictEqual(Object.keys(data).sort(), Object.keys(inAws).sort());
            for (const k of Object.keys(inAws)) {
                assert.ok(inAws[k].equals(stringData[k]), `${k}: stringData holds the same bytes`);
                assert.ok(inAws[k].equals(data[k]), `${k}: data decodes to the same bytes`);
            }
            assert.strictEqual(inAws["api-url-token"].toString("utf8"), supplied["api-url-token"]);
            const component = plain(one(r, T.SharedSecret).outputs).values;
            assert.deepStrictEqual(JSON.parse(plain(one(r, AT.SmVersion).inputs.secretString)), component);
        });

        it("outputs the secret's ARN and name in the clear, and its values nowhere outside a secret", () => {
            const out = one(r, T.SharedSecret).outputs;
            const secret = plain(one(r, AT.SmSecret).outputs);
            assert.deepStrictEqual([out.awsSecretArn, out.awsSecretName], [secret.arn, secret.name]);
            assert.ok(isSecret(out.values));
            const generated = generatedValues(r);
            assert.strictEqual(generated.length, 3, "one password, one hex and base64 of the bytes");
            expectShownNowhere(r, [...generated, supplied["api-url-token"]]);
        });
    });

    it("one Secrets Manager secret whatever the number of clusters, holding what each cluster's Secret holds", async () => {
        const r = await runSecret({ kubernetes: { kubeconfigs: [kubeconfig(1), kubeconfig(2)] } });
        assert.deepStrictEqual([ofType(r, AT.SmSecret).length, ofType(r, AT.SmVersion).length], [1, 1]);
        const inAws = secretsManagerBytes(r);
        const secrets = ofType(r, T.Secret);
        assert.strictEqual(secrets.length, 2);
        for (const s of secrets) {
            const { data } = kubernetesBytes(s);
            assert.deepStrictEqual(Object.keys(data).sort(), Object.keys(inAws).sort());
            for (const k of Object.keys(inAws)) assert.ok(inAws[k].equals(data[k]), `${s.name} ${k}`);
        }
    });

    it("takes a region, a key (then creates none), replicas with a regional key or AWS's, a recovery window", async () => {
        const r = await runSecret({
            aws: {
                region: "eu-central-1",
                kmsKeyArn: centralKey,
                replicaRegions: ["eu-west-1", "us-east-2"],
                replicaKmsKeyArns: { "eu-west-1": westKey },
                recoveryWindowInDays: 7,
            },
        });
        assert.deepStrictEqual(ofType(r, AT.Key), []);
        const secret = inputsOf(one(r, AT.SmSecret));
        assert.deepStrictEqual(
            [secret.region, secret.kmsKeyId, secret.recoveryWindowInDays, secret.replicas],
            ["eu-central-1", centralKey, 7, [{ region: "eu-west-1", kmsKeyId: westKey }, { region: "us-east-2" }]],
        );
        assert.strictEqual(inputsOf(one(r, AT.SmVersion)).region, "eu-central-1");
        const immediate = await runSecret({ aws: { recoveryWindowInDays: 0 } });
        assert.strictEqual(inputsOf(one(immediate, AT.SmSecret)).recoveryWindowInDays, 0);
    });

    it("in preview registers the same resources, secretString (unknown) made from every generator", async () => {
        const r = await runSecret({}, true);
        const update = await runSecret();
        assert.deepStrictEqual(
            r.resources.map((x) => x.urn),
            update.resources.map((x) => x.urn),
        );
        const generators = [...ofType(r, T.RandomPassword), ...ofType(r, T.RandomBytes)].map((x) => x.urn);
        assert.deepStrictEqual(one(r, AT.SmVersion).propertyDependencies.secretString.sort(), generators.sort());
    });

    it("registers no AWS resource by default (no target) nor with target kubernetes", async () => {
        for (const target of [undefined, Target.Kubernetes]) {
            const r = await runSecret({ target });
            assert.deepStrictEqual(
                awsResources(r).map((x) => x.type),
                [],
            );
            assert.deepStrictEqual(
                childTypes(r, one(r, T.SharedSecret)),
                [T.Secret, T.RandomPassword, T.RandomBytes].sort(),
            );
            const out = one(r, T.SharedSecret).outputs;
            assert.deepStrictEqual([out.awsSecretArn, out.awsSecretName], [undefined, undefined]);
        }
    });

    describe("rejected, naming the argument, nothing registered but the Stack", () => {
        it("aws given with target kubernetes, or with no target (kubernetes by default)", async () => {
            const onlyAws = /^aws: applies only with target "aws" \(got target "kubernetes"\)/;
            await expectRejected(
                () => void new SharedSecret("app", { ...base, target: Target.Kubernetes, aws: {} }),
                onlyAws,
            );
            await expectRejected(
                () => void new SharedSecret("app", { ...base, target: undefined, aws: { recoveryWindowInDays: 7 } }),
                onlyAws,
            );
        });

        it("a replica region equal to aws.region", async () => {
            await expectRejected(
                () =>
                    void new SharedSecret("app", {
                        ...base,
                        aws: { region: "eu-west-1", replicaRegions: ["eu-west-1"] },
                    }),
                /^aws\.replicaRegions: must not hold the secret's own region "eu-west-1"/,
            );
        });

        it("recoveryWindowInDays 3", async () => {
            await expectRejected(
                () => void new SharedSecret("app", { ...base, aws: { recoveryWindowInDays: 3 } }),
                /^aws\.recoveryWindowInDays: must be 0 \(delete at once, unrecoverable\) or an integer from 7 to 30 \(got 3\)/,
            );
        });

        it("a target that is not kubernetes, aws or gcp", async () => {
            for (const target of ["azure", "AWS"])
                await expectRejected(
                    () => void new SharedSecret("app", { ...base, target: target as Target }),
                    new RegExp(`^target: must be one of "kubernetes", "aws", "gcp" \\(got "${target}"\\)`),
                );
        });

        it("neutral and aws problems together, in one error", async () => {
            await expectRejected(
                () =>
                    void new SharedSecret("app", {
                        ...base,
                        generated: { password: { length: 8 } },
                        aws: { region: "eu-west-1", replicaRegions: ["eu-west-1"], recoveryWindowInDays: 3 },
                    }),
                /^generated\.password\.length: must be an integer from 16 to 1024 \(got 8\)/,
                /^aws\.replicaRegions: must not hold the secret's own region/,
                /^aws\.recoveryWindowInDays: must be 0/,
            );
        });
    });
});
