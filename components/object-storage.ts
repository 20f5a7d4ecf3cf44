import * as pulumi from "@pulumi/pulumi";
import { ServicePlanContext, backendScope } from "./backends/backend";
import { ObjectStorageArgs, ObjectStorageOutputs } from "./core/object-storage-contract";
import { ResolvedObjectStorage, resolveObjectStorage } from "./core/object-storage-resolve";
import { objectStorageShape } from "./core/service-shapes";
import { ServicePlan, handedDown, planService } from "./service-plan";

/** Checks a ObjectStorage's arguments in full (neutral and target rules); registers nothing. */
export function planObjectStorage(
    name: string,
    args: ObjectStorageArgs,
    context?: ServicePlanContext,
): ServicePlan<ResolvedObjectStorage, ObjectStorageOutputs> {
    return planService(
        "ObjectStorage",
        name,
        args,
        objectStorageShape,
        resolveObjectStorage,
        (b) => b.objectStorage,
        context,
    );
}

/**
 * An S3-compatible bucket for shared files (seeds 000, 001): on Kubernetes either a Rook
 * Ceph object store whose data is replicated across zones, or an external endpoint
 * (MinIO, R2, Ceph RGW) given with its keys. Access keys reach workloads only through
 * a Secret. On target gcp, a Cloud Storage bucket reached by Workload Identity (the
 * `workloadIdentity` service account) or, for S3 clients, by an HMAC key output as the secrets
 * `accessKeyId`/`secretAccessKey` (see `ObjectStorageGcpArgs`).
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
    /** S3 access key id (a secret), when the backend made a key pair no Secret holds (GCS HMAC key). */
    public readonly accessKeyId?: pulumi.Output<string>;
    /** Its secret access key (a secret). */
    public readonly secretAccessKey?: pulumi.Output<string>;

    constructor(name: string, args: ObjectStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = handedDown<ResolvedObjectStorage, ObjectStorageOutputs>(args) ?? planObjectStorage(name, args);
        super("pulumi-ha:index:ObjectStorage", name, {}, opts);
        const out = plan.create(backendScope(this, name, plan.resolved.deletionProtection, opts));
        this.bucket = out.bucket;
        this.endpoint = out.endpoint;
        this.region = out.region;
        this.forcePathStyle = out.forcePathStyle;
        this.credentialsSecretName = out.credentialsSecretName;
        this.credentialsSecretNamespace = out.credentialsSecretNamespace;
        this.workloadIdentity = out.workloadIdentity;
        this.accessKeyId = out.accessKeyId;
        this.secretAccessKey = out.secretAccessKey;
        this.registerOutputs({ ...out });
    }
}
