// Proves the inputs ObjectStorage (target gcp) sends to the GCP provider under the mock engine, and
// that bad arguments are refused before anything registers; not that GCS accepts, replicates or
// encrypts anything (no cloud here).
import * as assert from "assert";
import * as gcp from "@pulumi/gcp";
import { ObjectStorage, ObjectStorageArgs, Profile, Target } from "../../../components";
import { ArgChecker } from "../../../components/core/arg-checker";
import { bucketNameProblem } from "../../../components/core/formats";
import { resolveObjectStorage } from "../../../components/core/object-storage-resolve";
import { GcpPlannedPlacement } from "../../../components/backends/backend";
import { accountIdOf, gcpObjectStorage } from "../../../components/backends/gcp/object-storage";
import {
    gcsBucketNameProblem,
    gcsValues,
    multiRegionOf,
    objectStorageGcpDefaults,
} from "../../../components/backends/gcp/object-storage-rules";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { childTypes, inputsOf, one, ofType } from "../../helpers";
import { expectNoViolation, usePolicyPack } from "../../policies/judge";
import { expectRejected } from "../services";
import { runPlanned } from "../aws/run-backend-mq";
import { documented } from "./provider-docs";

const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const G = {
    Bucket: type(gcp.storage.Bucket),
    Account: type(gcp.serviceaccount.Account),
    BucketMember: type(gcp.storage.BucketIAMMember),
    AccountMember: type(gcp.serviceaccount.IAMMember),
    Hmac: type(gcp.storage.HmacKey),
} as const;
const Component = "pulumi-ha:index:ObjectStorage";
const project = "ha-demo-123";
const westKey = "projects/ha-demo-123/locations/europe-west1/keyRings/ha/cryptoKeys/files";

const base: ObjectStorageArgs = { target: Target.Gcp, gcp: { region: "europe-west1" } };

function args(gcpArgs: ObjectStorageArgs["gcp"] = {}, more: Partial<ObjectStorageArgs> = {}): ObjectStorageArgs {
    return { ...base, ...more, gcp: { ...base.gcp, ...gcpArgs } };
}

/** Runs one ObjectStorage "files"; `gcp:project` set unless `config` says otherwise. */
function runBucket(a: ObjectStorageArgs, config: Record<string, string> = { "gcp:project": project }) {
    return runProgram(() => void new ObjectStorage("files", a), { config });
}

function bucketOf(run: RunResult): any {
    return inputsOf(one(run, G.Bucket));
}

describe("ObjectStorage on target gcp (Cloud Storage)", () => {
    describe("production defaults", () => {
        let run: RunResult;
        before(async () => {
            run = await runBucket(base);
        });

        it("registers a bucket, its service account, one bucket-level grant and an HMAC key — no binding without a KSA", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, Component)),
                [G.Bucket, G.Account, G.BucketMember, G.Hmac].sort(),
            );
            assert.deepStrictEqual(ofType(run, G.AccountMember), []);
        });

        it("a private, versioned bucket in the EU multi-region, cleaned of old versions and stale uploads, never force-destroyed, protected", () => {
            const bucket = one(run, G.Bucket);
            assert.deepStrictEqual(inputsOf(bucket), {
                name: "files",
                location: "EU",
                storageClass: "STANDARD",
                versioning: { enabled: true },
                uniformBucketLevelAccess: true,
                publicAccessPrevention: "enforced",
                lifecycleRules: [
                    { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 90 } },
                    { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
                ],
                forceDestroy: false,
                labels: {
                    "pulumi-ha-component": "object-storage",
                    "pulumi-ha-instance": "files",
                    "managed-by": "pulumi-ha",
                },
            });
            assert.strictEqual(bucket.options.protect, true);
            assert.strictEqual(plain(bucket.outputs).location, "EU", "GCS reports the location upper-case, as sent");
        });

        it("the service account may use this bucket's objects only: roles/storage.objectUser on the bucket, no project-wide role", () => {
            const account = one(run, G.Account);
            assert.strictEqual(inputsOf(account).accountId, "files-storage");
            const grant = inputsOf(one(run, G.BucketMember));
            assert.deepStrictEqual(grant, {
                bucket: "files",
                role: "roles/storage.objectUser",
                member: `serviceAccount:files-storage@${project}.iam.gserviceaccount.com`,
            });
            assert.strictEqual(grant.member, plain(account.outputs).member);
            assert.deepStrictEqual(
                run.resources.filter((r) => r.type.startsWith("gcp:projects/")),
                [],
                "no project-level IAM",
            );
        });

        it("outputs the endpoint S3 clients use, path-style, the location as region, the account as workload identity, and the HMAC pair as secrets", () => {
            const component = one(run, Component);
            const hmac = one(run, G.Hmac);
            assert.deepStrictEqual(inputsOf(hmac), {
                serviceAccountEmail: `files-storage@${project}.iam.gserviceaccount.com`,
                state: "ACTIVE",
            });
            assert.ok(isSecret((hmac.outputs as Record<string, unknown>).secret), "the provider's secret is secret");
            const out = component.outputs as Record<string, unknown>;
            assert.ok(isSecret(out.accessKeyId) && isSecret(out.secretAccessKey), "both keys are secrets on the wire");
            assert.deepStrictEqual(plain(out), {
                bucket: "files",
                endpoint: "https://storage.googleapis.com",
                region: "eu",
                forcePathStyle: true,
                workloadIdentity: `files-storage@${project}.iam.gserviceaccount.com`,
                accessKeyId: plain(hmac.outputs).accessId,
                secretAccessKey: plain(hmac.outputs).secret,
            });
            assert.match(plain(out).accessKeyId, /^GOOG1E/);
        });

        describe("judged by the real policy pack", () => {
            const judge = usePolicyPack();
            it("0 violations (every gcp policy, every other)", async () => {
                const verdict = await judge(() => new ObjectStorage("files", base));
                for (const policy of ["gcp-gcs-public-access", "gcp-gcs-versioning"])
                    expectNoViolation(verdict, policy);
                assert.deepStrictEqual(verdict.violations, []);
            });
        });
    });

    describe("locations", () => {
        it("production defaults to the multi-region of the region's geography: us-* → US, asia-* → ASIA", async () => {
            for (const [region, location] of [
                ["us-east1", "US"],
                ["asia-northeast1", "ASIA"],
            ]) {
                const run = await runBucket(args({ region }));
                assert.deepStrictEqual([bucketOf(run).location, bucketOf(run).rpo], [location, undefined], region);
            }
        });

        it("takes the region from gcp:region when none is given", async () => {
            const run = await runBucket(
                { target: Target.Gcp },
                { "gcp:project": project, "gcp:region": "us-central1" },
            );
            assert.strictEqual(bucketOf(run).location, "US");
        });

        it("a predefined dual-region (any case) with turbo replication: rpo ASYNC_TURBO", async () => {
            const run = await runBucket(args({ location: "eur4", turboReplication: true }));
            assert.deepStrictEqual([bucketOf(run).location, bucketOf(run).rpo], ["EUR4", "ASYNC_TURBO"]);
            assert.strictEqual(plain(one(run, Component).outputs).region, "eur4");
        });

        it("a configurable dual-region: the multi-region as location, both regions upper-case, turbo replication", async () => {
            const run = await runBucket(
                args({ dataLocations: ["europe-west1", "europe-west4"], turboReplication: true }),
            );
            const b = bucketOf(run);
            assert.deepStrictEqual(
                [b.location, b.customPlacementConfig, b.rpo],
                ["EU", { dataLocations: ["EUROPE-WEST1", "EUROPE-WEST4"] }, "ASYNC_TURBO"],
            );
        });

        it("development: the region itself, no versions kept unless asked (declared off), still protected by the component", async () => {
            const run = await runBucket(args({}, { profile: Profile.Development }));
            const b = bucketOf(run);
            assert.deepStrictEqual([b.location, b.versioning], ["EUROPE-WEST1", { enabled: false }]);
            assert.strictEqual(plain(one(run, Component).outputs).region, "europe-west1");
            const on = await runBucket(args({}, { profile: Profile.Development, versioning: true }));
            assert.deepStrictEqual(bucketOf(on).versioning, { enabled: true });
        });
    });

    describe("overrides", () => {
        it("CMEK on a region bucket, the noncurrent days, no HMAC key (then no key outputs)", async () => {
            const run = await runBucket(
                args({ location: "europe-west1", kmsKeyName: westKey, noncurrentVersionDays: 30, hmacKey: false }),
            );
            const b = bucketOf(run);
            assert.deepStrictEqual(b.encryption, { defaultKmsKeyName: westKey });
            assert.strictEqual(b.lifecycleRules[0].condition.daysSinceNoncurrentTime, 30);
            assert.deepStrictEqual(ofType(run, G.Hmac), []);
            const out = plain(one(run, Component).outputs);
            assert.ok(!("accessKeyId" in out) && !("secretAccessKey" in out));
        });

        it("binds the app's KSA through Workload Identity: the exact pool member, on the bucket's service account", async () => {
            const run = await runBucket(
                args({ project: "shop-prod-1", workloadIdentity: { namespace: "shop", serviceAccount: "web" } }),
                {},
            );
            const account = one(run, G.Account);
            assert.deepStrictEqual(inputsOf(one(run, G.AccountMember)), {
                serviceAccountId: plain(account.outputs).name,
                role: "roles/iam.workloadIdentityUser",
                member: "serviceAccount:shop-prod-1.svc.id.goog[shop/web]",
            });
            for (const t of [G.Bucket, G.Account, G.Hmac])
                assert.strictEqual(inputsOf(one(run, t)).project, "shop-prod-1");
        });

        it("takes the pool's project from gcp:project when none is given, without sending it", async () => {
            const run = await runBucket(args({ workloadIdentity: { namespace: "shop", serviceAccount: "web" } }));
            assert.strictEqual(
                inputsOf(one(run, G.AccountMember)).member,
                `serviceAccount:${project}.svc.id.goog[shop/web]`,
            );
            // The provider's project is the provider's to apply: not sent.
            assert.strictEqual(bucketOf(run).project, undefined);
        });

        it("in a Platform: its project, region and app ServiceAccount; the user's own are refused", async () => {
            const platform: GcpPlannedPlacement = {
                zoneCount: 3,
                region: "us-east1",
                project: "plat-prod-7",
                placement: () => ({ network: "n", subnetwork: "s", availabilityZones: [], clusterName: "c" }),
                appServiceAccount: { namespace: "shop", name: "shop-app" },
            };
            const given: ObjectStorageArgs = { target: Target.Gcp };
            const resolved = resolveObjectStorage(new ArgChecker("test"), "files", given);
            const r = await runPlanned((check) => gcpObjectStorage.plan(check, given, resolved, { gcp: platform }), {
                name: "files",
            });
            assert.strictEqual(inputsOf(one(r.run, G.Bucket)).location, "US");
            assert.strictEqual(inputsOf(one(r.run, G.Bucket)).project, "plat-prod-7");
            assert.strictEqual(
                inputsOf(one(r.run, G.AccountMember)).member,
                "serviceAccount:plat-prod-7.svc.id.goog[shop/shop-app]",
            );
            const mine = args({ project, workloadIdentity: { namespace: "a", serviceAccount: "b" } });
            const check = new ArgChecker("test");
            gcpObjectStorage.plan(check, mine, resolveObjectStorage(check, "files", mine), { gcp: platform });
            assert.throws(
                () => check.throwIfAny(),
                (e: { problems: string[] }) =>
                    e.problems.length === 3 &&
                    /^gcp\.project: is filled by the Platform/.test(e.problems[0]) &&
                    /^gcp\.region: is filled by the Platform/.test(e.problems[1]) &&
                    /^gcp\.workloadIdentity: is filled by the Platform/.test(e.problems[2]),
            );
        });
    });

    describe("refuses, naming the argument and registering nothing", () => {
        const refuse = (a: ObjectStorageArgs, ...patterns: RegExp[]) =>
            expectRejected(() => void new ObjectStorage("files", a), ...patterns);

        it("bucket names GCS rejects: a goog prefix, google or a misspelling inside, a dot", async () => {
            for (const bucket of ["goog-files", "my-google-files", "g00gle-files", "files-gogle"])
                await refuse(
                    args({}, { bucket }),
                    /^bucket: must be a GCS bucket name: must not (start with "goog"|contain "google")/,
                );
            await refuse(args({}, { bucket: "files.example.com" }), /^bucket: must not contain '\.' on target gcp/);
            // The neutral (S3) rule reports a bad name once, not again as a GCS one.
            await refuse(args({}, { bucket: "Goog_Files" }), /^bucket: must be an S3 bucket name/);
        });

        it("turbo replication on a region or a multi-region", async () => {
            await refuse(
                args({ location: "europe-west1", turboReplication: true }),
                /^gcp\.turboReplication: applies to dual-regions only.*a region$/,
            );
            await refuse(
                args({ turboReplication: true }),
                /^gcp\.turboReplication: applies to dual-regions only.*EU, a multi-region$/,
            );
        });

        it("bad locations: the A+B form, an unknown code, a mixed or single dual-region, a location not holding them", async () => {
            await refuse(
                args({ location: "EUROPE-WEST4+EUROPE-WEST1" }),
                /^gcp\.location: must be a GCS location.*gcp\.dataLocations/,
            );
            await refuse(args({ location: "mars" }), /^gcp\.location: must be a GCS location/);
            await refuse(
                args({ dataLocations: ["europe-west1", "us-east1"] }),
                /^gcp\.dataLocations: must be two regions of one multi-region/,
            );
            await refuse(
                args({ dataLocations: ["europe-west1"] }),
                /^gcp\.dataLocations: must be two different region names/,
            );
            await refuse(
                args({ location: "US", dataLocations: ["europe-west1", "europe-west4"] }),
                /^gcp\.location: must be the multi-region holding gcp\.dataLocations, "EU"/,
            );
        });

        it("no location to default to: no region known, or a region no multi-region covers in production", async () => {
            await expectRejected(
                () => void new ObjectStorage("files", { target: Target.Gcp }),
                /^gcp\.location: is required when no region is known/,
            );
            await refuse(
                args({ region: "australia-southeast1" }),
                /^gcp\.location: is required in production for region "australia-southeast1"/,
            );
        });

        it("bad days, key, binding, project, and a binding with no project known", async () => {
            await refuse(
                args({
                    project: "X",
                    location: "europe-west1",
                    noncurrentVersionDays: 0,
                    kmsKeyName: "projects/p/locations/us-east1/keyRings/r/cryptoKeys/k",
                    workloadIdentity: { namespace: "Shop_NS", serviceAccount: "" },
                }),
                /^gcp\.project: must be a GCP project id/,
                /^gcp\.noncurrentVersionDays: must be an integer from 1 to 36500 \(got 0\)/,
                /^gcp\.kmsKeyName: must be a key in the bucket's region europe-west1 \(the name says us-east1\)/,
                /^gcp\.workloadIdentity\.namespace: must be a namespace name/,
                /^gcp\.workloadIdentity\.serviceAccount: must be a non-empty string/,
            );
            await refuse(args({ kmsKeyName: "my-key" }), /^gcp\.kmsKeyName: must be a Cloud KMS key name/);
            await expectRejected(
                () =>
                    void new ObjectStorage(
                        "files",
                        args({ workloadIdentity: { namespace: "shop", serviceAccount: "web" } }),
                    ),
                /^gcp\.project: is required to bind the app's Kubernetes ServiceAccount/,
            );
        });

        it("aws specifics on target gcp", () =>
            refuse(args({}, { aws: {} }), /^aws: must be left out with target "gcp"/));
    });

    describe("GCS's rules, pinned", () => {
        it("bucket names by GCS's rules (cloud.google.com/storage/docs/buckets#naming), and the default name passes", () => {
            const ok = ["files", "a_b-c", "abc", "a".repeat(63), `${"a".repeat(63)}.${"b".repeat(63)}.example`];
            for (const name of ok) assert.strictEqual(gcsBucketNameProblem(name), undefined, name);
            const bad: Record<string, RegExp> = {
                ab: /3 to 63/,
                ["a".repeat(64)]: /3 to 63/,
                [`${"a".repeat(64)}.com`]: /part over 63/,
                "-files": /start and end/,
                Files: /lowercase/,
                "192.168.5.4": /IP address/,
                googfiles: /start with "goog"/,
                "my-gooogle": /google/,
                "x-goog1e": /google/,
                "x-googel": /google/,
            };
            for (const [name, problem] of Object.entries(bad))
                assert.match(gcsBucketNameProblem(name) ?? "", problem, name);
            // The neutral default (the component name) passes both the neutral and the GCS rule.
            const resolved = resolveObjectStorage(new ArgChecker("t"), "files", { target: Target.Gcp });
            assert.deepStrictEqual(
                [bucketNameProblem(resolved.bucket), gcsBucketNameProblem(resolved.bucket)],
                [undefined, undefined],
            );
        });

        it("service account ids stay within 6–30 characters of [a-z]([-a-z0-9]*[a-z0-9])", () => {
            const scope = (name: string) => ({ name }) as Parameters<typeof accountIdOf>[0];
            for (const name of [
                "a",
                "files",
                "Shop_Files-2",
                "x".repeat(80),
                "9lives",
                "a-------------------------b",
            ]) {
                const id = accountIdOf(scope(name));
                assert.match(id, /^[a-z]([-a-z0-9]*[a-z0-9])$/, name);
                assert.ok(id.length >= 6 && id.length <= 30, `${name}: ${id}`);
            }
            assert.deepStrictEqual([multiRegionOf("europe-west9"), multiRegionOf("me-central1")], ["EU", undefined]);
        });

        it("every value sent is one the provider documents", () => {
            assert.match(documented("storage/bucket", "BucketArgs", "publicAccessPrevention"), /"enforced"/);
            assert.match(
                documented("storage/bucket", "BucketArgs", "rpo"),
                /`"ASYNC_TURBO"` value enables turbo replication, valid for dual-region buckets only/,
            );
            assert.match(
                documented("storage/bucket", "BucketArgs", "storageClass"),
                new RegExp(`\`${gcsValues.storageClass}\``),
            );
            const action = documented("types/input", "BucketLifecycleRuleAction", "type");
            for (const t of [gcsValues.deleteAction, gcsValues.abortMultipartAction])
                assert.match(action, new RegExp(`\`${t}\``));
            assert.match(
                documented("types/input", "BucketLifecycleRuleCondition", "daysSinceNoncurrentTime"),
                /versioned objects/,
            );
            assert.match(documented("types/input", "BucketCustomPlacementConfig", "dataLocations"), /dual-region/);
            assert.match(
                documented("storage/hmacKey", "HmacKeyArgs", "state"),
                new RegExp(`\`${gcsValues.hmacState}\``),
            );
            assert.match(documented("serviceaccount/account", "AccountArgs", "accountId"), /6-30 characters/);
            assert.deepStrictEqual(
                [gcsValues.objectRole, gcsValues.workloadIdentityRole, gcsValues.endpoint],
                ["roles/storage.objectUser", "roles/iam.workloadIdentityUser", "https://storage.googleapis.com"],
            );
            assert.deepStrictEqual(objectStorageGcpDefaults, {
                noncurrentVersionDays: 90,
                abortIncompleteMultipartUploadDays: 7,
                hmacKey: true,
            });
        });
    });
});
