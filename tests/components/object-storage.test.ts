import * as assert from "assert";
import { ObjectStorage, ObjectStorageArgs, ObjectStorageMode, Profile } from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { isSecret, plain, redacted } from "../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../helpers";
import { expectRejected, expectValidObjects } from "./services";

// The inputs sent to the Kubernetes provider and their validity against Rook's CRDs,
// not that Rook provisions a bucket on a cluster.

function runStorage(args: ObjectStorageArgs = {}): Promise<RunResult> {
    return runProgram(() => {
        new ObjectStorage("files", { kubernetes: { namespace: "apps" }, ...args });
    });
}

const external = { endpoint: "https://acct.r2.cloudflarestorage.com", region: "auto" };

describe("ObjectStorage (Kubernetes)", () => {
    describe("in cluster: Rook Ceph (default)", () => {
        let run: RunResult;
        before(async () => {
            run = await runStorage();
        });

        it("registers a CephObjectStore, a bucket StorageClass and an ObjectBucketClaim", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, T.ObjectStorage)),
                [T.CephObjectStore, T.NetworkPolicy, T.ObjectBucketClaim, T.StorageClass].sort(),
            );
        });

        it("keeps 3 copies with zone as the failure domain, 3 gateways spread over zones, pools kept on delete", () => {
            const store = inputsOf(one(run, T.CephObjectStore));
            assert.strictEqual(store.metadata.namespace, "rook-ceph");
            const pool = { failureDomain: "zone", replicated: { size: 3 } };
            assert.deepStrictEqual(
                [store.spec.metadataPool, store.spec.dataPool, store.spec.preservePoolsOnDelete],
                [pool, pool, true],
            );
            assert.strictEqual(store.spec.gateway.instances, 3);
            assert.strictEqual(
                store.spec.gateway.placement.topologySpreadConstraints[0].topologyKey,
                "topology.kubernetes.io/zone",
            );
        });

        it("claims the bucket in the app's namespace through a Retain StorageClass of that store", () => {
            const sc = inputsOf(one(run, T.StorageClass));
            assert.deepStrictEqual(
                [sc.provisioner, sc.reclaimPolicy, sc.parameters],
                [
                    "rook-ceph.ceph.rook.io/bucket",
                    "Retain",
                    { objectStoreName: "files", objectStoreNamespace: "rook-ceph" },
                ],
            );
            const claim = inputsOf(one(run, T.ObjectBucketClaim));
            assert.deepStrictEqual(
                [claim.metadata.namespace, claim.spec.bucketName, claim.spec.storageClassName],
                ["apps", "files", plain(one(run, T.StorageClass).outputs).metadata.name],
            );
        });

        it("outputs the in-cluster gateway endpoint and the claim's Secret (Rook writes the keys there)", () => {
            const out = plain(one(run, T.ObjectStorage).outputs);
            assert.deepStrictEqual(
                [
                    out.bucket,
                    out.endpoint,
                    out.forcePathStyle,
                    out.credentialsSecretName,
                    out.credentialsSecretNamespace,
                ],
                ["files", "http://rook-ceph-rgw-files.rook-ceph.svc.cluster.local:80", true, "files", "apps"],
            );
        });

        it("protects the store and the claim; objects valid against the Kubernetes schema and Rook CRDs", () => {
            assert.strictEqual(one(run, T.CephObjectStore).options.protect, true);
            assert.strictEqual(one(run, T.ObjectBucketClaim).options.protect, true);
            assert.deepStrictEqual(expectValidObjects(run), { core: 2, custom: 2 });
        });
    });

    it("external with a key pair: the keys go to a Secret and stay Pulumi secrets everywhere", async () => {
        const run = await runStorage({
            bucket: "safeshare-files",
            kubernetes: {
                mode: ObjectStorageMode.External,
                external: { ...external, accessKeyId: "AKIAEXAMPLEKEYID", secretAccessKey: "very-secret-access-key" },
            },
        });
        assert.deepStrictEqual(childTypes(run, one(run, T.ObjectStorage)), [T.Secret]);
        const secret = one(run, T.Secret);
        assert.ok(isSecret(secret.inputs.stringData));
        assert.deepStrictEqual(plain(secret.inputs).stringData, {
            AWS_ACCESS_KEY_ID: "AKIAEXAMPLEKEYID",
            AWS_SECRET_ACCESS_KEY: "very-secret-access-key",
        });
        for (const r of run.resources) {
            assert.ok(
                !JSON.stringify([redacted(r.inputs), redacted(r.outputs)]).includes("very-secret-access-key"),
                `${r.type} ${r.name} shows the key`,
            );
        }
        const out = plain(one(run, T.ObjectStorage).outputs);
        assert.deepStrictEqual(
            [out.bucket, out.endpoint, out.region, out.credentialsSecretName],
            ["safeshare-files", external.endpoint, "auto", "files-s3"],
        );
        expectValidObjects(run);
    });

    it("external with an existing Secret: nothing is created, outputs name that Secret", async () => {
        const run = await runStorage({
            kubernetes: {
                mode: ObjectStorageMode.External,
                external: { ...external, credentialsSecretName: "r2-keys", forcePathStyle: true },
            },
        });
        assert.deepStrictEqual(childTypes(run, one(run, T.ObjectStorage)), []);
        const out = plain(one(run, T.ObjectStorage).outputs);
        assert.deepStrictEqual([out.credentialsSecretName, out.forcePathStyle], ["r2-keys", true]);
    });

    it("development: one copy per host, one gateway, Delete reclaim", async () => {
        const run = await runStorage({ profile: Profile.Development });
        const store = inputsOf(one(run, T.CephObjectStore)).spec;
        assert.deepStrictEqual(
            [store.dataPool, store.gateway.instances],
            [{ failureDomain: "host", replicated: { size: 1 } }, 1],
        );
        assert.strictEqual(inputsOf(one(run, T.StorageClass)).reclaimPolicy, "Delete");
        assert.strictEqual(ofType(run, T.Secret).length, 0);
    });

    describe("rejects bad arguments before registering anything", () => {
        const reject = (args: ObjectStorageArgs, ...patterns: RegExp[]) =>
            expectRejected(
                () => {
                    new ObjectStorage("files", args);
                },
                ...patterns,
            );
        const ext = ObjectStorageMode.External;
        it("fewer than 3 copies in production", () =>
            reject(
                { kubernetes: { replicas: 2 } },
                /^kubernetes\.replicas: must be at least 3 in production \(one copy per zone\), got 2/,
            ));
        it("versioning, which no Kubernetes bucket here can set", () =>
            reject({ versioning: true }, /^versioning: cannot be set on target "kubernetes"/));
        it("copies and gateways out of range", () =>
            reject(
                { kubernetes: { replicas: 11, gatewayInstances: 0 } },
                /^kubernetes\.replicas: must be an integer from 1 to 10 \(got 11\)/,
                /^kubernetes\.gatewayInstances: must be an integer from 1 to 20 \(got 0\)/,
            ));
        it("an endpoint that is not a URL, and a bad Secret name", () =>
            reject(
                {
                    kubernetes: {
                        mode: ObjectStorageMode.External,
                        external: { endpoint: "minio:9000", credentialsSecretName: "Keys!" },
                    },
                },
                /^kubernetes\.external\.endpoint: must be an http\(s\) URL \(got "minio:9000"\)/,
                /^kubernetes\.external\.endpoint: must be https in the production profile/,
                /^kubernetes\.external\.credentialsSecretName: must be a Kubernetes object name/,
            ));
        it("a bad bucket name", () => reject({ bucket: "Bad_Bucket" }, /^bucket: must be an S3 bucket name/));
        it("external mode without its endpoint", () =>
            reject({ kubernetes: { mode: ext } }, /^kubernetes\.external: is required in mode external/));
        it("plain http in production", () =>
            reject(
                { kubernetes: { mode: ext, external: { endpoint: "http://minio:9000", credentialsSecretName: "k" } } },
                /^kubernetes\.external\.endpoint: must be https in the production profile/,
            ));
        it("neither keys nor a Secret", () =>
            reject(
                { kubernetes: { mode: ext, external } },
                /^kubernetes\.external\.credentialsSecretName: is required unless accessKeyId and secretAccessKey are given/,
            ));
        it("both keys and a Secret", () =>
            reject(
                {
                    kubernetes: {
                        mode: ext,
                        external: { ...external, credentialsSecretName: "k", accessKeyId: "a", secretAccessKey: "b" },
                    },
                },
                /^kubernetes\.external\.credentialsSecretName: give either credentialsSecretName or the key pair, not both/,
            ));
        it("half a key pair", () =>
            reject(
                { kubernetes: { mode: ext, external: { ...external, accessKeyId: "a" } } },
                /^kubernetes\.external\.accessKeyId\/secretAccessKey: give both keys of the pair, or neither/,
            ));
        it("external settings in in-cluster mode, and an unknown mode", async () => {
            await reject(
                { kubernetes: { external: { ...external, credentialsSecretName: "k" } } },
                /^kubernetes\.external: is only for kubernetes\.mode external/,
            );
            await reject(
                { kubernetes: { mode: "minio" as ObjectStorageMode } },
                /^kubernetes\.mode: must be one of "in-cluster", "external" \(got "minio"\)/,
            );
        });
    });
});
