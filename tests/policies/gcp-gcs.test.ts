import * as assert from "assert";
import { unknownAtPreview } from "./aws-fixtures";
import { exemptLabel, gcsBucket, rawGcp } from "./gcp-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { expectRobust, useRawPack } from "./raw-pack";

/** The GCS policies through the real analyzer, on what a program sends under the mock engine. */

const emptyReason = (policy: string) => ({ [`pulumi-ha-exempt-${policy}`]: "" });

describe("policy gcp-gcs-versioning", () => {
    const policy = "gcp-gcs-versioning";
    const judge = usePolicyPack();

    it("passes versioning enabled; fails it off and unset, naming the bucket", async () => {
        expectNoViolation(await judge(() => gcsBucket("files")), policy);
        const d = expectOneViolation(
            await judge(() => gcsBucket("files", { versioning: { enabled: false } })),
            policy,
            "files",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(d.message, "GCS Bucket files does not keep object versions (versioning.enabled is false).");
        assert.match(
            expectOneViolation(await judge(() => gcsBucket("files", { versioning: undefined })), policy, "files")
                .message,
            /not true: the default is off/,
        );
    });

    it("requireNoncurrentCleanup demands a lifecycle rule deleting noncurrent versions", async () => {
        const config = { [policy]: { requireNoncurrentCleanup: true } };
        expectNoViolation(await judge(() => gcsBucket("files"), config), policy);
        expectNoViolation(await judge(() => gcsBucket("files", { lifecycleRules: undefined })), policy);
        assert.strictEqual(
            expectOneViolation(
                await judge(() => gcsBucket("files", { lifecycleRules: undefined }), config),
                policy,
                "files",
            ).message,
            "GCS Bucket files keeps noncurrent versions forever: no lifecycle rule deletes them.",
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const off = (labels: Record<string, string>) => () =>
            gcsBucket("files", { versioning: { enabled: false }, labels });
        expectNoViolation(await judge(off(exemptLabel(policy))), policy);
        expectOneViolation(await judge(off(emptyReason(policy))), policy, "files");
        const program = () => gcsBucket("files", { versioning: { enabled: unknownAtPreview("v", false) } });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "files");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing bucket", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.bucket("files")])) > 50);
        });
    });
});

describe("policy gcp-gcs-public-access", () => {
    const policy = "gcp-gcs-public-access";
    const judge = usePolicyPack();

    it("passes enforced prevention with uniform access; fails inherited, unset and per-object ACLs, naming the bucket", async () => {
        expectNoViolation(await judge(() => gcsBucket("files")), policy);
        const d = expectOneViolation(
            await judge(() => gcsBucket("files", { publicAccessPrevention: "inherited" })),
            policy,
            "files",
        );
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            'GCS Bucket files can be made public (publicAccessPrevention is inherited); needs "enforced".',
        );
        assert.match(
            expectOneViolation(
                await judge(() => gcsBucket("files", { publicAccessPrevention: undefined })),
                policy,
                "files",
            ).message,
            /unset: the default is "inherited"/,
        );
        const both = violationsOf(
            await judge(() =>
                gcsBucket("files", { publicAccessPrevention: undefined, uniformBucketLevelAccess: undefined }),
            ),
            policy,
        );
        assert.strictEqual(both.length, 2);
        assert.strictEqual(
            expectOneViolation(
                await judge(() => gcsBucket("files", { uniformBucketLevelAccess: false })),
                policy,
                "files",
            ).message,
            "GCS Bucket files accepts per-object ACLs (uniformBucketLevelAccess is false); needs true.",
        );
    });

    it("requireUniformAccess false accepts ACLs, never inherited prevention", async () => {
        const config = { [policy]: { requireUniformAccess: false } };
        expectNoViolation(await judge(() => gcsBucket("files", { uniformBucketLevelAccess: false }), config), policy);
        expectOneViolation(
            await judge(() => gcsBucket("files", { publicAccessPrevention: "inherited" }), config),
            policy,
            "files",
        );
    });

    it("honours the exemption label, not an empty reason; never fails on an unknown", async () => {
        const open = (labels: Record<string, string>) => () =>
            gcsBucket("files", { publicAccessPrevention: "inherited", labels });
        expectNoViolation(await judge(open(exemptLabel(policy, "public_website"))), policy);
        expectOneViolation(await judge(open(emptyReason(policy))), policy, "files");
        const program = () => gcsBucket("files", { publicAccessPrevention: unknownAtPreview("pap", "inherited") });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "files");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing bucket", async () => {
            assert.ok((await expectRobust(raw, policy, [rawGcp.bucket("files")])) > 50);
        });
    });
});
