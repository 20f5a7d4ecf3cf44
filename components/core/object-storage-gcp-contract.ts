import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, boolean, input, int, object, required, string } from "./arg-shape";

/**
 * Which Kubernetes ServiceAccount gets access to the bucket, through GKE Workload Identity: the
 * bucket's Google service account lets that KSA impersonate it (`roles/iam.workloadIdentityUser`
 * for `serviceAccount:<project>.svc.id.goog[<namespace>/<serviceAccount>]`), so pods annotated
 * `iam.gke.io/gcp-service-account: <workloadIdentity>` get short-lived tokens and no key exists.
 */
export interface ObjectStorageGcpWorkloadIdentityArgs {
    /** Namespace of the app's Kubernetes ServiceAccount (a DNS-1123 label). */
    namespace: pulumi.Input<string>;
    /** Name of the app's Kubernetes ServiceAccount. */
    serviceAccount: pulumi.Input<string>;
}

/**
 * GCP (Cloud Storage) specifics of {@link ObjectStorageArgs}. A bucket needs no VPC, so unlike
 * the networked data services this does not extend `GcpPlacementArgs`; `project`, `region` and
 * `kmsKeyName` mean the same as there.
 *
 * The bucket is private (public access prevention "enforced", uniform bucket-level access: IAM
 * only, no ACLs), keeps versions in production, deletes noncurrent versions after
 * `noncurrentVersionDays` and aborts multipart uploads left incomplete for 7 days, and is never
 * force-destroyed. One Google service account per bucket holds `roles/storage.objectUser` on
 * this bucket only; it is output as `workloadIdentity`.
 *
 * **Which access to choose.** Workload Identity (the service account bound to the app's
 * Kubernetes ServiceAccount) leaves no key to leak or rotate, but the app must speak the GCS
 * API through a Google client library. An HMAC key (`hmacKey`, on by default) lets unchanged S3
 * clients use `https://storage.googleapis.com` (the XML API's S3 interoperability), at the price
 * of a long-lived secret: rotate it by replacing the component's HMAC key (`pulumi up
 * --replace` on it), and turn it off (`hmacKey: false`) once the app speaks GCS natively. The
 * seed apps speak S3, hence the default.
 */
export interface ObjectStorageGcpArgs {
    /** Project of the bucket and its service account. Default: the Platform's, else the GCP provider's (`gcp:project`). */
    project?: string;
    /**
     * Region the app runs in, e.g. "europe-west1"; the default `location` derives from it.
     * Default: the Platform's region, else the GCP provider's (`gcp:region`).
     */
    region?: string;
    /**
     * Where the data lives (GCS location, case-insensitive; sent upper-case as GCS reports it): a
     * region ("europe-west1": zone-redundant), a predefined dual-region ("ASIA1", "EUR4", "EUR5",
     * "EUR7", "EUR8", "NAM4") or a multi-region ("ASIA", "EU", "US"). With `dataLocations`, the
     * multi-region holding both regions (may be left out). Default in production: the
     * multi-region of `region`'s geography — "EU" for europe-*, "US" for us-*, "ASIA" for asia-*
     * (data in at least two regions, failover without changing the endpoint); any other region
     * has no multi-region, so give a location. Default in development: `region` itself. With no
     * region known at all, this is required. The legacy "REGION+REGION" form is refused (the
     * provider re-reads it as the multi-region and replaces the bucket): use `dataLocations`.
     */
    location?: string;
    /**
     * A configurable dual-region: exactly two different regions of one multi-region, e.g.
     * ["europe-west1", "europe-west4"] (location "EU"), ["us-east1", "us-west1"] ("US"),
     * ["asia-east1", "asia-northeast1"] ("ASIA"); sent upper-case. GCS accepts only certain
     * regions of each multi-region (cloud.google.com/storage/docs/locations); it checks the pair
     * at create. Default: none.
     */
    dataLocations?: string[];
    /**
     * Turbo replication (`rpo: ASYNC_TURBO`): objects reach the second region within 15 minutes.
     * Dual-regions only (a predefined one or `dataLocations`); refused elsewhere. Default false
     * (GCS's default replication).
     */
    turboReplication?: boolean;
    /**
     * Cloud KMS key ("projects/P/locations/L/keyRings/R/cryptoKeys/K") encrypting new objects by
     * default (CMEK), in the bucket's location (for a region bucket, that region). The project's
     * Cloud Storage service agent, service-PROJECT_NUMBER@gs-project-accounts.iam.gserviceaccount.com,
     * must hold roles/cloudkms.cryptoKeyEncrypterDecrypter on it before the bucket is created;
     * grant that yourself (the component does not touch your key's IAM). Default: Google-managed
     * encryption.
     */
    kmsKeyName?: pulumi.Input<string>;
    /** Days a noncurrent object version is kept before a lifecycle rule deletes it, 1–36500. Default 90. */
    noncurrentVersionDays?: number;
    /**
     * Create an HMAC key for the bucket's service account, output as `accessKeyId` and
     * `secretAccessKey` (Pulumi secrets) for S3 clients. Default true (see "Which access to
     * choose" above).
     */
    hmacKey?: boolean;
    /**
     * Bind the app's Kubernetes ServiceAccount to the bucket's service account (GKE Workload
     * Identity, in the workload pool `<project>.svc.id.goog` of the bucket's project, so the
     * cluster must be in that project). Filled by a Platform (its app's ServiceAccount); leave it
     * out there. Default: none — the service account is created and output as
     * `workloadIdentity`; bind it yourself.
     */
    workloadIdentity?: ObjectStorageGcpWorkloadIdentityArgs;
}

/** The declared types of {@link ObjectStorageGcpArgs}. */
export const objectStorageGcpShape: ObjectShape<ObjectStorageGcpArgs> = object<ObjectStorageGcpArgs>(
    "ObjectStorageGcpArgs",
    {
        project: string(),
        region: string(),
        location: string(),
        dataLocations: array(string()),
        turboReplication: boolean(),
        kmsKeyName: input(string()),
        noncurrentVersionDays: int(),
        hmacKey: boolean(),
        workloadIdentity: object<ObjectStorageGcpWorkloadIdentityArgs>("ObjectStorageGcpWorkloadIdentityArgs", {
            namespace: required(input(string())),
            serviceAccount: required(input(string())),
        }),
    },
);
