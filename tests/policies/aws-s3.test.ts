import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { bucket, exempt, rawAws, unknownAtPreview } from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { RawResource, expectRobust, only, useRawPack } from "./raw-pack";

/**
 * The S3 stack policies through the real analyzer: each bucket joined with the resources
 * whose `bucket` names it, on what a program sends under the mock engine (not what AWS does).
 */

const names = (v: Awaited<ReturnType<ReturnType<typeof usePolicyPack>>>, policy: string) =>
    violationsOf(v, policy).map((d) => d.urn.split("::").pop());

describe("policy aws-s3-versioning", () => {
    const policy = "aws-s3-versioning";
    const judge = usePolicyPack();

    it("passes a bucket whose BucketVersioning (naming it by id, or by name) is Enabled", async () => {
        expectNoViolation(
            await judge(() => {
                bucket("data");
                bucket("by-name", { ref: (b) => b.bucket });
                bucket("literal", { ref: () => "literal" });
            }),
            policy,
        );
    });

    it("fails a bucket without versioning, and Suspended or Disabled, naming each bucket", async () => {
        const v = await judge(() => {
            bucket("none", { versioning: null });
            bucket("suspended", { versioning: "Suspended" });
            bucket("disabled", { versioning: "Disabled" });
            bucket("good");
        });
        assert.deepStrictEqual(
            violationsOf(v, policy).map((d) => [d.urn.split("::").pop(), d.level, d.message]),
            [
                [
                    "none",
                    "mandatory",
                    "S3 Bucket none does not keep object versions: no BucketVersioning names it (by its bucket name or id) and it enables no inline versioning.",
                ],
                [
                    "suspended",
                    "mandatory",
                    "S3 Bucket suspended does not keep object versions: its BucketVersioning suspended-versioning has status Suspended (needs Enabled).",
                ],
                [
                    "disabled",
                    "mandatory",
                    "S3 Bucket disabled does not keep object versions: its BucketVersioning disabled-versioning has status Disabled (needs Enabled).",
                ],
            ],
        );
    });

    it("does not count another bucket's versioning", async () => {
        const v = await judge(() => {
            const other = bucket("other");
            bucket("mine", { versioning: null });
            new aws.s3.BucketVersioning("second", { bucket: other.id, versioningConfiguration: { status: "Enabled" } });
        });
        assert.deepStrictEqual(names(v, policy), ["mine"]);
    });

    it("accepts the deprecated inline versioning (Bucket and BucketV2) unless acceptInline is false", async () => {
        const program = () => {
            bucket("inline", { versioning: null, args: { versioning: { enabled: true } } });
            new aws.s3.BucketV2("legacy", { bucket: "legacy", versionings: [{ enabled: true }] });
        };
        expectNoViolation(await judge(program), policy);
        const v = await judge(program, { [policy]: { acceptInline: false } });
        assert.deepStrictEqual(names(v, policy).sort(), ["inline", "legacy"]);
        const legacy = violationsOf(v, policy).find((d) => d.urn.endsWith("::legacy"));
        assert.ok(legacy?.message.startsWith("S3 BucketV2 legacy does not keep object versions"), legacy?.message);
    });

    it("honours the exemption tag on the bucket", async () => {
        expectNoViolation(
            await judge(() => bucket("logs", { versioning: null, args: { tags: exempt(policy) } })),
            policy,
        );
    });

    it("never fails on a status, or a bucket reference, unknown at preview; judges them at update", async () => {
        const program = () => bucket("data", { versioning: unknownAtPreview("status", "Suspended") });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "data");
        // A versioning whose bucket is unknown and computed from no bucket may name any bucket.
        const floating = () => {
            bucket("data", { versioning: null });
            new aws.s3.BucketVersioning("floating", {
                bucket: unknownAtPreview("name", "elsewhere"),
                versioningConfiguration: { status: "Enabled" },
            });
        };
        expectNoViolation(await judge(floating, {}, true), policy);
        expectOneViolation(await judge(floating), policy, "data");
        // An auto-named bucket: at preview its versioning is still found through bucket.id.
        const autoNamed = () => bucket("auto", { versioning: "Suspended", args: { bucket: undefined } });
        expectOneViolation(await judge(autoNamed, {}, true), policy, "auto");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing bucket", async () => {
            const context = [rawAws.versioning("v", "data")];
            assert.ok((await expectRobust(raw, policy, [rawAws.bucket("data")], context)) > 20);
            assert.ok(
                (await expectRobust(raw, policy, [rawAws.versioning("v", "data")], [rawAws.bucket("data")])) > 20,
            );
            // The deprecated V2 resources still exist in pulumi-aws v7 and are joined the same way.
            const v2: RawResource = {
                ...rawAws.versioning("v", "data"),
                type: "aws:s3/bucketVersioningV2:BucketVersioningV2",
            };
            expectNoViolation(await raw([rawAws.bucket("data"), v2], only(policy, "mandatory")), policy);
            const odd: RawResource[] = [
                rawAws.bucket("data"),
                {
                    type: "aws:s3/bucketVersioning:BucketVersioning",
                    name: "v1",
                    props: { bucket: "data", versioningConfiguration: [null] },
                },
                { type: "aws:s3/bucketVersioning:BucketVersioning", name: "v2", props: { bucket: { a: 1 } } },
            ];
            assert.strictEqual(
                expectOneViolation(await raw(odd, only(policy, "mandatory")), policy, "data").message,
                "S3 Bucket data does not keep object versions: its BucketVersioning v1 has status (unset) (needs Enabled).",
            );
        });
    });
});

describe("policy aws-s3-encryption", () => {
    const policy = "aws-s3-encryption";
    const judge = usePolicyPack();
    const raw = useRawPack();

    it("passes a bucket with an encryption configuration naming it, or inline; fails one with none, naming it", async () => {
        expectNoViolation(
            await judge(() => {
                bucket("data");
                bucket("aes", { sse: "AES256" });
                bucket("inline", {
                    sse: null,
                    args: {
                        serverSideEncryptionConfiguration: {
                            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
                        },
                    },
                });
            }),
            policy,
        );
        // A bucket as a program declares it (its state before the provider reports S3's default).
        const d = expectOneViolation(await raw([rawAws.bucket("plain")], only(policy, "mandatory")), policy, "plain");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "S3 Bucket plain declares no server-side encryption: no BucketServerSideEncryptionConfiguration names it (by its bucket name or id) and it sets none inline.",
        );
        // Through the provider: a new bucket's encryption is unknown at preview (a notice, no
        // violation); once created the provider reports S3's own default (AES256), which passes.
        const plain = () => bucket("plain", { sse: null });
        const preview = await judge(plain, {}, true);
        assert.strictEqual(violationsOf(preview, policy).length, 0);
        assert.strictEqual(preview.notices.filter((n) => n.policy === policy).length, 1);
        expectNoViolation(await judge(plain), policy);
    });

    it("with requireKms, fails AES256 and passes aws:kms", async () => {
        const config = { [policy]: { requireKms: true } };
        assert.strictEqual(
            expectOneViolation(await judge(() => bucket("aes", { sse: "AES256" }), config), policy, "aes").message,
            // The provider reports the bucket's effective default too (inline, AES256).
            "S3 Bucket aes is not encrypted with SSE-KMS (aws:kms): aes-sse sets AES256; inline serverSideEncryptionConfiguration sets AES256.",
        );
        expectNoViolation(await judge(() => bucket("kms"), config), policy);
    });

    it("reads BucketV2's inline array form", async () => {
        expectNoViolation(
            await judge(() => {
                new aws.s3.BucketV2("legacy", {
                    bucket: "legacy",
                    serverSideEncryptionConfigurations: [
                        { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] },
                    ],
                });
            }),
            policy,
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(await judge(() => bucket("logs", { sse: null, args: { tags: exempt(policy) } })), policy);
        const program = () => bucket("data", { sse: unknownAtPreview("alg", "AES256") });
        const config = { [policy]: { requireKms: true } };
        expectNoViolation(await judge(program, config, true), policy);
        expectOneViolation(await judge(program, config), policy, "data");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing bucket", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.bucket("data")], [rawAws.sse("e", "data")])) > 20);
            assert.ok((await expectRobust(raw, policy, [rawAws.sse("e", "data")], [rawAws.bucket("data")])) > 20);
            const v2: RawResource = {
                ...rawAws.sse("e", "data", "AES256"),
                type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            };
            expectNoViolation(await raw([rawAws.bucket("data"), v2], only(policy, "mandatory")), policy);
        });
    });
});

describe("policy aws-s3-public-access-block", () => {
    const policy = "aws-s3-public-access-block";
    const judge = usePolicyPack();

    it("passes a bucket whose public access block sets all four; fails none or a partial one, naming the bucket", async () => {
        expectNoViolation(await judge(() => bucket("data")), policy);
        const v = await judge(() => {
            bucket("none", { publicAccessBlock: null });
            bucket("partial", { publicAccessBlock: { blockPublicPolicy: false, restrictPublicBuckets: undefined } });
        });
        assert.deepStrictEqual(
            violationsOf(v, policy).map((d) => [d.urn.split("::").pop(), d.level, d.message]),
            [
                [
                    "none",
                    "mandatory",
                    "S3 Bucket none can be made public: no BucketPublicAccessBlock names it (by its bucket name or id).",
                ],
                [
                    "partial",
                    "mandatory",
                    "S3 Bucket partial can be made public: its public access block partial-pab leaves blockPublicPolicy, restrictPublicBuckets off (all four must be true).",
                ],
            ],
        );
    });

    it("accepts an AccountPublicAccessBlock of the stack, unless acceptAccountBlock is false", async () => {
        const program = () => {
            bucket("data", { publicAccessBlock: null });
            new aws.s3.AccountPublicAccessBlock("account", {
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
        };
        expectNoViolation(await judge(program), policy);
        expectOneViolation(await judge(program, { [policy]: { acceptAccountBlock: false } }), policy, "data");
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() =>
                bucket("site", { publicAccessBlock: null, args: { tags: exempt(policy, "public website") } }),
            ),
            policy,
        );
        const program = () =>
            bucket("data", { publicAccessBlock: { blockPublicAcls: unknownAtPreview("acls", false) } });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "data");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing bucket", async () => {
            const pab = rawAws.publicAccessBlock("p", "data");
            assert.ok((await expectRobust(raw, policy, [rawAws.bucket("data")], [pab])) > 20);
            assert.ok((await expectRobust(raw, policy, [pab], [rawAws.bucket("data")])) > 50);
            expectNoViolation(
                await raw(
                    [
                        rawAws.bucket("data"),
                        rawAws.publicAccessBlock("p", "data", { blockPublicAcls: "true", ignorePublicAcls: "TRUE" }),
                    ],
                    only(policy, "mandatory"),
                ),
                policy,
            );
        });
    });
});
