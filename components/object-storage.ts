import * as pulumi from "@pulumi/pulumi";
import { backendFor } from "./backends";
import { backendScope } from "./backends/backend";
import { ObjectStorageArgs, ObjectStorageOutputs } from "./core/object-storage-contract";
import { resolveObjectStorage } from "./core/object-storage-resolve";

/**
 * An S3-compatible bucket for shared files (seeds 000, 001): on Kubernetes either a Rook
 * Ceph object store whose data is replicated across zones, or an external endpoint
 * (MinIO, R2, Ceph RGW) given with its keys. Access keys reach workloads only through
 * a Secret.
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 * In-cluster on Kubernetes, pass `KubernetesOperators.objectStorage` in `dependsOn`.
 */
export class ObjectStorage extends pulumi.ComponentResource implements ObjectStorageOutputs {
    public readonly bucket: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    public readonly region: pulumi.Output<string>;
    /** Address buckets by path, not by host. */
    public readonly forcePathStyle: pulumi.Output<boolean>;
    /** Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, when access is by keys. */
    public readonly credentialsSecretName?: pulumi.Output<string>;
    public readonly credentialsSecretNamespace?: pulumi.Output<string>;
    /** The role the app's ServiceAccount assumes, when access is by workload identity. */
    public readonly workloadIdentity?: pulumi.Output<string>;

    constructor(name: string, args: ObjectStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        const store = resolveObjectStorage(name, args);
        super("pulumi-ha:index:ObjectStorage", name, {}, opts);
        const out = backendFor(store.target).objectStorage(
            backendScope(this, name, store.deletionProtection, opts),
            store,
        );
        this.bucket = out.bucket;
        this.endpoint = out.endpoint;
        this.region = out.region;
        this.forcePathStyle = out.forcePathStyle;
        this.credentialsSecretName = out.credentialsSecretName;
        this.credentialsSecretNamespace = out.credentialsSecretNamespace;
        this.workloadIdentity = out.workloadIdentity;
        this.registerOutputs({ ...out });
    }
}
