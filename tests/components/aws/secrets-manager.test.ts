import * as assert from "assert";
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../../components/core/arg-checker";
import { SharedSecretAwsArgs } from "../../../components/core/shared-secret-aws-contract";
import { regionName } from "../../../components/backends/aws/common";
import { planAwsSecret } from "../../../components/backends/aws/secrets-manager";
import { isSecret, plain, redacted } from "../../../scripts/harness/wire";
import { childTypes, inputsOf, one, ofType } from "../../helpers";
import { BackendRun, expectPlanRejected, runPlanned } from "./run-backend-mq";

// The secret the Secrets Manager half of SharedSecret sends to the AWS provider — not that
// AWS accepts it, replicates it, or that the keys named exist (no cloud here).

const A = {
    Secret: "aws:secretsmanager/secret:Secret",
    Version: "aws:secretsmanager/secretVersion:SecretVersion",
    Key: "aws:kms/key:Key",
} as const;

const values: Record<string, string> = { "encryption-key": "k#$&<>ey", "api-token": 'to:ken,"=' };
const westKey = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";

function run(
    aws: SharedSecretAwsArgs | undefined,
    opts: { region?: string; secretValues?: boolean } = {},
): Promise<BackendRun> {
    return runPlanned(
        (check) => {
            const create = planAwsSecret(check, aws);
            return (scope) => {
                const given = pulumi.output(values);
                return create(scope, opts.secretValues === false ? given : pulumi.secret(given));
            };
        },
        { name: "app-secrets", region: opts.region },
    );
}

function rejects(aws: unknown, ...patterns: RegExp[]): Promise<string[]> {
    return expectPlanRejected((check: ArgChecker) => planAwsSecret(check, aws as SharedSecretAwsArgs), ...patterns);
}

describe("aws SharedSecret half (Secrets Manager)", () => {
    describe("defaults", () => {
        let r: BackendRun;
        before(async () => {
            r = await run(undefined);
        });

        it("creates one secret, its value, and a rotating KMS key encrypting it", () => {
            assert.deepStrictEqual(childTypes(r.run, r.parent), [A.Key, A.Secret, A.Version].sort());
            const key = one(r.run, A.Key);
            assert.deepStrictEqual([inputsOf(key).enableKeyRotation, inputsOf(key).deletionWindowInDays], [true, 30]);
            const secret = one(r.run, A.Secret);
            const inputs = inputsOf(secret);
            assert.deepStrictEqual(
                JSON.parse(
                    JSON.stringify({
                        kmsKeyId: inputs.kmsKeyId,
                        recoveryWindowInDays: inputs.recoveryWindowInDays,
                        replicas: inputs.replicas,
                        name: inputs.name,
                        region: inputs.region,
                    }),
                ),
                JSON.parse(JSON.stringify({ kmsKeyId: plain(key.outputs).arn, recoveryWindowInDays: 30 })),
                "the created key, 30 days to recover, no replica, a Pulumi auto-name, the provider's region",
            );
            assert.deepStrictEqual(inputs.tags, {
                "pulumi-ha.io/component": "shared-secret",
                "pulumi-ha.io/instance": "app-secrets",
                "app.kubernetes.io/managed-by": "pulumi-ha",
            });
            assert.strictEqual(secret.options.protect, true);
        });

        it("stores every value as one JSON object, only as a secret, and outputs the secret's ARN and name", () => {
            const version = one(r.run, A.Version);
            assert.ok(isSecret(version.inputs.secretString), "secretString is a secret on the wire");
            assert.deepStrictEqual(JSON.parse(plain(version.inputs.secretString)), values);
            assert.strictEqual(inputsOf(version).secretId, one(r.run, A.Secret).id);
            for (const res of r.run.resources) {
                const shown = JSON.stringify([redacted(res.inputs), redacted(res.outputs)]);
                for (const v of Object.values(values))
                    assert.ok(!shown.includes(JSON.stringify(v).slice(1, -1)), `${res.type} ${res.name} shows a value`);
            }
            const secret = plain(one(r.run, A.Secret).outputs);
            assert.deepStrictEqual(
                r.outputs,
                JSON.parse(JSON.stringify({ secretArn: secret.arn, secretName: secret.name })),
            );
        });
    });

    it("keeps secretString secret even when handed values that are not marked secret", async () => {
        const r = await run(undefined, { secretValues: false });
        assert.ok(isSecret(one(r.run, A.Version).inputs.secretString));
    });

    it("takes a given key (none created), a recovery window, replicas with a regional key or the AWS-managed one, the region", async () => {
        const given = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const r = await run(
            {
                kmsKeyArn: given,
                recoveryWindowInDays: 7,
                replicaRegions: ["eu-west-1", "us-east-2"],
                replicaKmsKeyArns: { "eu-west-1": westKey },
            },
            { region: "eu-central-1" },
        );
        assert.deepStrictEqual(ofType(r.run, A.Key), []);
        const secret = inputsOf(one(r.run, A.Secret));
        assert.deepStrictEqual(
            [secret.kmsKeyId, secret.recoveryWindowInDays, secret.region],
            [given, 7, "eu-central-1"],
        );
        assert.deepStrictEqual(secret.replicas, [{ region: "eu-west-1", kmsKeyId: westKey }, { region: "us-east-2" }]);
        assert.strictEqual(inputsOf(one(r.run, A.Version)).region, "eu-central-1");
        const immediate = await run({ recoveryWindowInDays: 0 });
        assert.strictEqual(inputsOf(one(immediate.run, A.Secret)).recoveryWindowInDays, 0);
    });

    describe("rejects, naming the argument, before anything registers", () => {
        it("a replica region that is not a region name, or named twice", async () => {
            await rejects(
                { replicaRegions: ["EU-west-1", "eu-west", "eu-west-1", "eu-west-1"] },
                /^aws\.replicaRegions\[0\]: must be an AWS region name .*got "EU-west-1"/,
                /^aws\.replicaRegions\[1\]: must be an AWS region name .*got "eu-west"/,
                /^aws\.replicaRegions: must all differ/,
            );
            await rejects({ replicaRegions: "eu-west-1" }, /^aws\.replicaRegions: must be a list of AWS region names/);
        });

        it("a replica key for a region not replicated to, not a KMS key ARN, or in another region", async () => {
            await rejects(
                {
                    replicaRegions: ["eu-west-1", "us-east-2"],
                    replicaKmsKeyArns: {
                        "ap-south-1": westKey,
                        "eu-west-1": "alias/aws/secretsmanager",
                        "us-east-2": westKey,
                    },
                },
                /^aws\.replicaKmsKeyArns\.ap-south-1: names a region not in aws\.replicaRegions/,
                /^aws\.replicaKmsKeyArns\.eu-west-1: must be a KMS key ARN/,
                /^aws\.replicaKmsKeyArns\.us-east-2: must be a key in us-east-2 .*names eu-west-1/,
            );
        });

        it("a recovery window other than 0 or 7–30 days", async () => {
            for (const days of [3, 31, 1.5, -1])
                await rejects(
                    { recoveryWindowInDays: days },
                    /^aws\.recoveryWindowInDays: must be 0 \(delete at once, unrecoverable\) or an integer from 7 to 30/,
                );
        });
    });

    it("region names: the partitions' forms pass, near misses fail", () => {
        for (const ok of [
            "eu-central-1",
            "us-gov-west-1",
            "ap-southeast-2",
            "cn-north-1",
            "il-central-1",
            "eusc-de-east-1",
        ])
            assert.ok(regionName.test(ok), ok);
        for (const bad of ["eu-central", "eu-central-1a", "EU-central-1", "eu_central_1", "central-1", ""])
            assert.ok(!regionName.test(bad), bad);
    });

    it("the recovery window range is the one the provider documents (0, or 7 to 30)", () => {
        const dts = fs.readFileSync(require.resolve("@pulumi/aws/secretsmanager/secret.d.ts"), "utf8");
        assert.match(
            dts,
            /This value can be `0` to force deletion without recovery or range from `7` to `30` days\. The default value is `30`\./,
        );
    });
});
