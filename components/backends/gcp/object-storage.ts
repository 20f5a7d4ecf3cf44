import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { bucketNameProblem } from "../../core/formats";
import { ObjectStorageArgs, ObjectStorageOutputs } from "../../core/object-storage-contract";
import { ObjectStorageGcpArgs, ObjectStorageGcpWorkloadIdentityArgs } from "../../core/object-storage-gcp-contract";
import { ResolvedObjectStorage } from "../../core/object-storage-resolve";
import { BackendScope, ServiceBackend, ServicePlanContext } from "../backend";
import { checkGcpProject, checkGcpRegion, child, gcpLabels, gcpNamePrefix, inProject } from "./common";
import {
    GcsPlacement,
    gcsBucketNameProblem,
    gcsValues,
    maxDays,
    objectStorageGcpDefaults,
    placeBucket,
} from "./object-storage-rules";

const component = "object-storage";

/** A Cloud KMS key's resource name, capturing its location. */
const kmsKeyName = /^projects\/[^/]+\/locations\/([a-z0-9-]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** The Workload Identity principal of a Kubernetes ServiceAccount in a project's GKE workload pool. */
export function workloadIdentityMember(
    project: pulumi.Input<string>,
    namespace: pulumi.Input<string>,
    serviceAccount: pulumi.Input<string>,
): pulumi.Output<string> {
    return pulumi.interpolate`serviceAccount:${project}.svc.id.goog[${namespace}/${serviceAccount}]`;
}

/**
 * The service account's id: 6–30 characters, `[a-z]([-a-z0-9]*[a-z0-9])`. The component's folded
 * name (a letter first) keeps 22 characters before "-storage", so it is never under 9.
 */
export function accountIdOf(scope: BackendScope): string {
    return `${gcpNamePrefix(scope).slice(0, 22).replace(/-+$/, "")}-storage`;
}

/** A Kubernetes ServiceAccount to trust, and what its binding waits for (a Platform's GKE cluster, whose creation makes the pool). */
interface WorkloadIdentityBinding extends ObjectStorageGcpWorkloadIdentityArgs {
    after?: pulumi.Input<string>;
}

/** What `plan` settles for `create`. */
interface GcsPlan {
    placement: GcsPlacement;
    /** Project sent on each resource: given or the Platform's (else the provider applies its own). */
    project?: string;
    /** Project of the GKE workload pool: `project`, else the provider's configured one. */
    poolProject?: string;
    noncurrentDays: number;
    hmacKey: boolean;
    /** Turbo replication, on a dual-region (refused elsewhere). */
    turbo: boolean;
    kmsKeyName?: pulumi.Input<string>;
    /** The binding, read when created (a Platform's app ServiceAccount, or the user's). */
    binding: () => WorkloadIdentityBinding | undefined;
}

/**
 * ObjectStorage on Cloud Storage: a private bucket (public access prevention enforced, uniform
 * bucket-level access), versioned in production, a lifecycle deleting noncurrent versions and
 * aborting stale multipart uploads, never force-destroyed and protected, in a dual-region or
 * multi-region by default in production (see `ObjectStorageGcpArgs.location`). One Google service
 * account per bucket holds `roles/storage.objectUser` on this bucket only; it is the
 * `workloadIdentity` output, bound to the app's Kubernetes ServiceAccount when `gcp.workloadIdentity`
 * is given or a Platform names its app's. An HMAC key of that account (default on) gives S3
 * clients `accessKeyId`/`secretAccessKey` (secrets) for `https://storage.googleapis.com`.
 *
 * `region` is the bucket's location in lowercase: S3 clients sign it into the SigV4 scope, where
 * GCS accepts any value and recommends the resource's location. Addressing is path-style
 * (`storage.googleapis.com/BUCKET`), which GCS serves for every bucket under one TLS name.
 */
export const gcpObjectStorage: ServiceBackend<
    ObjectStorageArgs,
    ResolvedObjectStorage,
    ObjectStorageOutputs,
    ServicePlanContext
> = {
    plan(check, args, resolved, context) {
        const a = args.gcp ?? {};
        const plan = planGcs(check, a, resolved, context);
        return (scope) => createGcs(scope, resolved, plan!);
    },
};

function planGcs(
    check: ArgChecker,
    a: ObjectStorageGcpArgs,
    s: ResolvedObjectStorage,
    context: ServicePlanContext | undefined,
): GcsPlan | undefined {
    checkBucketName(check, s.bucket);
    const platform = context?.gcp;
    const app = platform?.appServiceAccount;
    if (platform !== undefined)
        for (const key of ["project", "region"] as const)
            check.require(
                a[key] === undefined,
                `gcp.${key}`,
                "is filled by the Platform from its gcp settings; leave it out",
            );
    if (app !== undefined)
        check.require(
            a.workloadIdentity === undefined,
            "gcp.workloadIdentity",
            "is filled by the Platform (its app's Kubernetes ServiceAccount); leave it out",
        );
    const projectOk = checkGcpProject(check, "gcp.project", a.project);
    const regionOk = checkGcpRegion(check, "gcp.region", a.region);
    const project = a.project ?? platform?.project;
    // Known without an API call: given, the Platform's, or the provider's configuration.
    const poolProject = project ?? gcp.config.project;
    const region = a.region ?? platform?.region ?? gcp.config.region;
    const placement = regionOk ? placeBucket(check, a, region, s.production) : undefined;
    if (a.noncurrentVersionDays !== undefined)
        check.integer("gcp.noncurrentVersionDays", a.noncurrentVersionDays, 1, maxDays);
    checkKmsKey(check, a.kmsKeyName, placement);
    checkWorkloadIdentity(check, a.workloadIdentity);
    const bound = app !== undefined || a.workloadIdentity !== undefined;
    if (bound && projectOk)
        check.require(
            poolProject !== undefined,
            "gcp.project",
            "is required to bind the app's Kubernetes ServiceAccount: its workload pool is <project>.svc.id.goog, and no project is known (not given, no Platform's, no gcp:project)",
        );
    if (placement === undefined) return undefined;
    return {
        placement,
        project,
        poolProject,
        noncurrentDays: a.noncurrentVersionDays ?? objectStorageGcpDefaults.noncurrentVersionDays,
        hmacKey: a.hmacKey ?? objectStorageGcpDefaults.hmacKey,
        turbo: a.turboReplication === true,
        kmsKeyName: a.kmsKeyName,
        binding: () =>
            app === undefined
                ? a.workloadIdentity
                : { namespace: app.namespace, serviceAccount: app.name, after: platform!.placement().clusterName },
    };
}

/** GCS's rules beyond the neutral (S3) ones, reported only when those passed (one problem per name). */
function checkBucketName(check: ArgChecker, bucket: string): void {
    if (typeof bucket !== "string" || bucketNameProblem(bucket) !== undefined) return;
    const problem = gcsBucketNameProblem(bucket);
    if (!check.require(problem === undefined, "bucket", `must be a GCS bucket name: ${problem} (got ${show(bucket)})`))
        return;
    check.require(
        !bucket.includes("."),
        "bucket",
        `must not contain '.' on target gcp: GCS creates a dotted name only for a verified domain, and its TLS certificate (*.storage.googleapis.com) does not cover one (got ${show(bucket)})`,
    );
}

function checkKmsKey(check: ArgChecker, key: pulumi.Input<string> | undefined, placement: GcsPlacement | undefined) {
    if (typeof key !== "string") return;
    const location = kmsKeyName.exec(key)?.[1];
    if (
        !check.require(
            location !== undefined,
            "gcp.kmsKeyName",
            `must be a Cloud KMS key name "projects/P/locations/L/keyRings/R/cryptoKeys/K" (got ${show(key)})`,
        )
    )
        return;
    // A region bucket takes a key of its region; other locations' key locations are GCS's to check.
    if (placement?.region !== undefined)
        check.require(
            location === placement.region,
            "gcp.kmsKeyName",
            `must be a key in the bucket's region ${placement.region} (the name says ${location})`,
        );
}

function checkWorkloadIdentity(check: ArgChecker, w: ObjectStorageGcpWorkloadIdentityArgs | undefined): void {
    if (w === undefined) return;
    if (typeof w.namespace === "string" && check.nonEmpty("gcp.workloadIdentity.namespace", w.namespace))
        check.namespace("gcp.workloadIdentity.namespace", w.namespace);
    if (typeof w.serviceAccount === "string" && check.nonEmpty("gcp.workloadIdentity.serviceAccount", w.serviceAccount))
        check.dnsSubdomain("gcp.workloadIdentity.serviceAccount", w.serviceAccount);
}

function createGcs(scope: BackendScope, s: ResolvedObjectStorage, plan: GcsPlan): ObjectStorageOutputs {
    const labels = gcpLabels(scope, component);
    const p = plan.placement;
    const bucket = new gcp.storage.Bucket(
        scope.name,
        {
            name: s.bucket,
            location: p.location,
            ...(p.dataLocations !== undefined ? { customPlacementConfig: { dataLocations: p.dataLocations } } : {}),
            ...(p.dual && plan.turbo ? { rpo: gcsValues.turboRpo } : {}),
            storageClass: gcsValues.storageClass,
            versioning: { enabled: s.versioning },
            uniformBucketLevelAccess: true,
            publicAccessPrevention: gcsValues.publicAccessPrevention,
            lifecycleRules: [
                {
                    action: { type: gcsValues.deleteAction },
                    condition: { daysSinceNoncurrentTime: plan.noncurrentDays },
                },
                {
                    action: { type: gcsValues.abortMultipartAction },
                    condition: { age: objectStorageGcpDefaults.abortIncompleteMultipartUploadDays },
                },
            ],
            ...(plan.kmsKeyName !== undefined ? { encryption: { defaultKmsKeyName: plan.kmsKeyName } } : {}),
            forceDestroy: false,
            labels,
            ...inProject(plan.project),
        },
        child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
    );
    const account = new gcp.serviceaccount.Account(
        `${scope.name}-storage`,
        {
            accountId: accountIdOf(scope),
            displayName: `pulumi-ha ${component} ${scope.name}`.slice(0, 100),
            // At most 256 bytes: the bucket name is at most 63 ASCII characters.
            description: `Reads and writes the objects of bucket ${s.bucket} (pulumi-ha ObjectStorage)`,
            ...inProject(plan.project),
        },
        child(scope),
    );
    new gcp.storage.BucketIAMMember(
        `${scope.name}-object-user`,
        { bucket: bucket.name, role: gcsValues.objectRole, member: account.member },
        child(scope),
    );
    const binding = plan.binding();
    if (binding !== undefined)
        new gcp.serviceaccount.IAMMember(
            `${scope.name}-workload-identity`,
            {
                serviceAccountId: account.name,
                role: gcsValues.workloadIdentityRole,
                // Read through the cluster's name: the pool exists only once the cluster does.
                member: pulumi
                    .all([
                        workloadIdentityMember(plan.poolProject!, binding.namespace, binding.serviceAccount),
                        binding.after,
                    ])
                    .apply(([member]) => member),
            },
            child(scope),
        );
    const key = plan.hmacKey
        ? new gcp.storage.HmacKey(
              `${scope.name}-hmac`,
              { serviceAccountEmail: account.email, state: gcsValues.hmacState, ...inProject(plan.project) },
              child(scope),
          )
        : undefined;
    return {
        bucket: bucket.name,
        endpoint: pulumi.output(gcsValues.endpoint),
        region: pulumi.output(p.location.toLowerCase()),
        forcePathStyle: pulumi.output(true),
        workloadIdentity: account.email,
        credentialsSecretName: undefined,
        credentialsSecretNamespace: undefined,
        accessKeyId: key === undefined ? undefined : pulumi.secret(key.accessId),
        secretAccessKey: key === undefined ? undefined : pulumi.secret(key.secret),
    };
}
