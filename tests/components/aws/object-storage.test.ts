import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ObjectStorageArgs, Profile } from "../../../components";
import { ArgChecker } from "../../../components/core/arg-checker";
import { ResolvedObjectStorage, resolveObjectStorage } from "../../../components/core/object-storage-resolve";
import {
    awsObjectStorage,
    bucketAccess,
    bucketActions,
    denyInsecureTransport,
    objectStorageAwsDefaults,
    podIdentityTrust,
    s3Endpoint,
    s3Values,
} from "../../../components/backends/aws/object-storage";
import { plain } from "../../../scripts/harness/wire";
import { childTypes, inputsOf, one, ofType } from "../../helpers";
import { BackendRun, documentedValues, expectPlanRejected, onAws, runBackend } from "./run-backend-mq";

// What the S3 backend sends to the AWS provider, and the policies it writes, read as JSON —
// not that AWS accepts them or that IAM evaluates them as intended (no cloud here).

const A = {
    Bucket: "aws:s3/bucket:Bucket",
    PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    Ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    Policy: "aws:s3/bucketPolicy:BucketPolicy",
    Role: "aws:iam/role:Role",
    RolePolicy: "aws:iam/rolePolicy:RolePolicy",
    Key: "aws:kms/key:Key",
    PodIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    AccessKey: "aws:iam/accessKey:AccessKey",
} as const;

const bucketArn = "arn:aws:s3:::files-bucket";
const keyArn = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/**
 * The arguments and their resolved form on target aws. Core resolves only target kubernetes so
 * far, where versioning defaults to false and may not be set: here it takes the aws default
 * (true in production), as the contract documents.
 */
function service(given: ObjectStorageArgs = {}): { args: ObjectStorageArgs; resolved: ResolvedObjectStorage } {
    const resolved = resolveObjectStorage(new ArgChecker("test"), "files", given);
    return { args: given, resolved: onAws(resolved) };
}

/** Runs the backend; `region` null: the scope names no region. */
function run(given: ObjectStorageArgs = {}, region: string | null = "eu-central-1"): Promise<BackendRun> {
    const { args, resolved } = service({ bucket: "files-bucket", ...given });
    return runBackend(awsObjectStorage, args, resolved, { name: "files", region: region ?? undefined });
}

/** The value as the engine records it: keys holding undefined (an output the mock does not compute) left out. */
function recorded(v: unknown): unknown {
    return JSON.parse(JSON.stringify(v)) as unknown;
}

function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action: string | string[];
    Resource?: string | string[];
    Condition?: unknown;
}

function statements(policy: string): Statement[] {
    const doc = JSON.parse(policy) as { Version: string; Statement: Statement[] };
    assert.strictEqual(doc.Version, "2012-10-17");
    return doc.Statement;
}

describe("aws ObjectStorage backend (Amazon S3)", () => {
    describe("production defaults", () => {
        let r: BackendRun;
        before(async () => {
            r = await run();
        });

        it("creates the bucket, its configuration parts, a KMS key, and an IAM role with an inline policy — no access key", () => {
            assert.deepStrictEqual(
                childTypes(r.run, r.parent),
                [
                    A.Bucket,
                    A.PublicAccessBlock,
                    A.Ownership,
                    A.Encryption,
                    A.Versioning,
                    A.Lifecycle,
                    A.Policy,
                    A.Role,
                    A.RolePolicy,
                    A.Key,
                ].sort(),
            );
            assert.deepStrictEqual(ofType(r.run, A.AccessKey), []);
            assert.deepStrictEqual(ofType(r.run, A.PodIdentity), [], "no association without aws.podIdentity");
        });

        it("names the bucket, never force-destroys it, protects it, and configures every part on it in the region", () => {
            const bucket = one(r.run, A.Bucket);
            assert.deepStrictEqual(inputsOf(bucket), {
                bucket: "files-bucket",
                forceDestroy: false,
                region: "eu-central-1",
                tags: {
                    "pulumi-ha.io/component": "object-storage",
                    "pulumi-ha.io/instance": "files",
                    "app.kubernetes.io/managed-by": "pulumi-ha",
                },
            });
            assert.strictEqual(bucket.options.protect, true);
            for (const type of [A.PublicAccessBlock, A.Ownership, A.Encryption, A.Versioning, A.Lifecycle, A.Policy]) {
                const part = inputsOf(one(r.run, type));
                assert.deepStrictEqual([part.bucket, part.region], ["files-bucket", "eu-central-1"], type);
            }
        });

        it("blocks all four kinds of public access and disables ACLs (BucketOwnerEnforced)", () => {
            const block = inputsOf(one(r.run, A.PublicAccessBlock));
            assert.deepStrictEqual(
                [block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
                [true, true, true, true],
            );
            assert.deepStrictEqual(inputsOf(one(r.run, A.Ownership)).rule, { objectOwnership: "BucketOwnerEnforced" });
        });

        it("encrypts with SSE-KMS under its own rotating key, bucket keys on, keeps versions, expires old ones after 90 days", () => {
            const key = one(r.run, A.Key);
            assert.deepStrictEqual(
                [inputsOf(key).enableKeyRotation, inputsOf(key).deletionWindowInDays, key.options.protect],
                [true, 30, true],
            );
            assert.deepStrictEqual(
                recorded(inputsOf(one(r.run, A.Encryption)).rules),
                recorded([
                    {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "aws:kms",
                            kmsMasterKeyId: plain(key.outputs).arn,
                        },
                        bucketKeyEnabled: true,
                    },
                ]),
            );
            assert.deepStrictEqual(inputsOf(one(r.run, A.Versioning)).versioningConfiguration, { status: "Enabled" });
            assert.deepStrictEqual(inputsOf(one(r.run, A.Lifecycle)).rules, [
                {
                    id: "expire-noncurrent-versions",
                    status: "Enabled",
                    filter: {},
                    noncurrentVersionExpiration: { noncurrentDays: 90 },
                },
                {
                    id: "abort-incomplete-multipart-uploads",
                    status: "Enabled",
                    filter: {},
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                },
            ]);
        });

        it("sends the TLS-only bucket policy and the role's trust and access policies built from this bucket and key", async () => {
            const arn = plain(one(r.run, A.Bucket).outputs).arn;
            const key = plain(one(r.run, A.Key).outputs).arn;
            assert.strictEqual(inputsOf(one(r.run, A.Policy)).policy, await valueOf(denyInsecureTransport(arn)));
            const role = one(r.run, A.Role);
            assert.strictEqual(inputsOf(role).assumeRolePolicy, podIdentityTrust());
            const access = inputsOf(one(r.run, A.RolePolicy));
            assert.strictEqual(access.policy, await valueOf(bucketAccess(arn, key)));
            assert.strictEqual(access.role, plain(role.outputs).name);
        });

        it("outputs the bucket, its regional endpoint and region, virtual-hosted addressing, and the role as the workload identity", () => {
            const role = one(r.run, A.Role);
            assert.deepStrictEqual(
                r.outputs,
                recorded({
                    bucket: "files-bucket",
                    endpoint: "https://s3.eu-central-1.amazonaws.com",
                    region: "eu-central-1",
                    forcePathStyle: false,
                    workloadIdentity: plain(role.outputs).arn,
                }),
            );
            assert.ok(!("credentialsSecretName" in r.outputs), "no Secret of keys");
        });
    });

    describe("the policies, read as IAM JSON", () => {
        it("the bucket policy denies every request without TLS, on the bucket and every object", async () => {
            const [deny, ...rest] = statements(await valueOf(denyInsecureTransport(bucketArn)));
            assert.deepStrictEqual(rest, []);
            assert.deepStrictEqual(deny, {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            });
        });

        it("the role trusts EKS Pod Identity only, to assume it and tag the session", () => {
            assert.deepStrictEqual(statements(podIdentityTrust()), [
                {
                    Effect: "Allow",
                    Principal: { Service: "pods.eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                },
            ]);
        });

        it("the role may list this bucket, read and write its objects, and use its key — no wildcard resource or action", async () => {
            const all = statements(await valueOf(bucketAccess(bucketArn, keyArn)));
            assert.deepStrictEqual(
                all.map((s) => [s.Effect, s.Action, s.Resource]),
                [
                    ["Allow", ["s3:ListBucket"], [bucketArn]],
                    [
                        "Allow",
                        ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
                        [`${bucketArn}/*`],
                    ],
                    ["Allow", ["kms:Decrypt", "kms:GenerateDataKey"], [keyArn]],
                ],
            );
            for (const s of all) {
                for (const res of [s.Resource].flat())
                    assert.ok(res !== "*" && !res!.startsWith("arn:aws:s3:::*"), res);
                for (const action of [s.Action].flat()) assert.ok(!action.includes("*"), action);
            }
            assert.deepStrictEqual(
                bucketActions.objects.filter((a) => a.startsWith("s3:Delete")),
                ["s3:DeleteObject"],
            );
        });
    });

    it("takes the region the bucket reports when the scope names none (no lookup call)", async () => {
        const r = await run({}, null);
        assert.deepStrictEqual(r.run.calls, []);
        assert.strictEqual(r.outputs.region, plain(one(r.run, A.Bucket).outputs).region);
        assert.strictEqual(inputsOf(one(r.run, A.Bucket)).region, undefined);
        assert.strictEqual(s3Endpoint("us-east-1"), "https://s3.us-east-1.amazonaws.com");
        assert.strictEqual(s3Endpoint("cn-north-1"), "https://s3.cn-north-1.amazonaws.com.cn");
    });

    it("development keeps no versions unless asked: versioning Suspended (declared), Enabled when asked", async () => {
        const off = await run({ profile: Profile.Development });
        assert.deepStrictEqual(inputsOf(one(off.run, A.Versioning)).versioningConfiguration, { status: "Suspended" });
        assert.strictEqual(one(off.run, A.Bucket).options.protect, true, "the scope's protect, given by the component");
        const on = await run({ profile: Profile.Development, versioning: true });
        assert.deepStrictEqual(inputsOf(one(on.run, A.Versioning)).versioningConfiguration, { status: "Enabled" });
    });

    it("takes overrides: a given KMS key (none created), the noncurrent days, a Pod Identity association for the app", async () => {
        const r = await run({
            aws: {
                kmsKeyArn: keyArn,
                noncurrentVersionDays: 30,
                podIdentity: { clusterName: "prod", namespace: "shop", serviceAccount: "web" },
            },
        });
        assert.deepStrictEqual(ofType(r.run, A.Key), []);
        assert.strictEqual(
            inputsOf(one(r.run, A.Encryption)).rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
            keyArn,
        );
        assert.strictEqual(inputsOf(one(r.run, A.Lifecycle)).rules[0].noncurrentVersionExpiration.noncurrentDays, 30);
        const access = statements(inputsOf(one(r.run, A.RolePolicy)).policy);
        assert.deepStrictEqual(access[2].Resource, [keyArn]);
        const association = inputsOf(one(r.run, A.PodIdentity));
        assert.deepStrictEqual(
            [
                association.clusterName,
                association.namespace,
                association.serviceAccount,
                association.roleArn,
                association.region,
            ],
            ["prod", "shop", "web", plain(one(r.run, A.Role).outputs).arn, "eu-central-1"],
        );
    });

    it("rejects, naming the argument, before anything registers: a dotted bucket, bad days, a bad association, a long name", async () => {
        const bad = service({
            bucket: "files.example.com",
            aws: {
                noncurrentVersionDays: 0,
                podIdentity: { clusterName: "", namespace: "Shop_NS", serviceAccount: "web" },
            },
        });
        await expectPlanRejected(
            (check: ArgChecker) => awsObjectStorage.plan(check, bad.args, bad.resolved),
            /^bucket: must not contain '\.' on target aws: S3's TLS certificate/,
            /^aws\.noncurrentVersionDays: must be an integer from 1 to 36500 \(got 0\)/,
            /^aws\.podIdentity\.clusterName: must be a non-empty string/,
            /^aws\.podIdentity\.namespace: must be a namespace name/,
        );
        const long = service();
        await expectPlanRejected(
            (check: ArgChecker) => awsObjectStorage.plan(check, long.args, { ...long.resolved, name: "f".repeat(50) }),
            /^name: .*names the bucket's IAM role.*use at most 49 characters/,
        );
    });

    it("every enumerated value sent is one the provider documents", () => {
        const input = "types/input.d.ts";
        const versioning = documentedValues(input, "BucketVersioningVersioningConfiguration", "status");
        assert.ok(versioning.includes(s3Values.versioning.on) && versioning.includes(s3Values.versioning.off));
        assert.ok(
            documentedValues(
                input,
                "BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefault",
                "sseAlgorithm",
            ).includes(s3Values.sseAlgorithm),
        );
        assert.ok(
            documentedValues(input, "BucketOwnershipControlsRule", "objectOwnership").includes(
                s3Values.objectOwnership,
            ),
        );
        assert.ok(documentedValues(input, "BucketLifecycleConfigurationRule", "status").includes(s3Values.ruleStatus));
        assert.strictEqual(objectStorageAwsDefaults.abortIncompleteMultipartUploadDays, 7);
    });
});
