import * as pulumi from "@pulumi/pulumi";
import { ObjectStorageAwsArgs } from "./object-storage-aws-contract";
import { ObjectStorageGcpArgs } from "./object-storage-gcp-contract";
import { ObjectStorageMode } from "./enums";
import { KubernetesPlacementArgs, ServiceCommonArgs } from "./services-common";

/** An S3-compatible endpoint outside the cluster (mode External). */
export interface ExternalS3Args {
    /** Endpoint URL, e.g. "https://ACCOUNT.r2.cloudflarestorage.com". Must be https in production. */
    endpoint: string;
    /** Region. Default "us-east-1" ("auto" for R2). */
    region?: string;
    /**
     * An existing Kubernetes Secret (same namespace) holding AWS_ACCESS_KEY_ID and
     * AWS_SECRET_ACCESS_KEY, e.g. synced by external-secrets. Give this or the key pair.
     */
    credentialsSecretName?: string;
    /** Access key id; made a Pulumi secret and written to a new Secret. With `secretAccessKey`, instead of `credentialsSecretName`. */
    accessKeyId?: pulumi.Input<string>;
    /** Secret access key; made a Pulumi secret. */
    secretAccessKey?: pulumi.Input<string>;
    /** Path-style addressing (MinIO). Default false. */
    forcePathStyle?: boolean;
}

/** Kubernetes specifics: a Rook Ceph object store in the cluster, or an external S3-compatible endpoint. */
export interface ObjectStorageKubernetesArgs extends KubernetesPlacementArgs {
    /** Where the bucket lives. Default `ObjectStorageMode.InCluster`. */
    mode?: ObjectStorageMode;
    /** The external endpoint (mode External). */
    external?: ExternalS3Args;
    /** Copies of each object across zones (mode InCluster), 1–10 (≥ 3 in production). Default 3 in production, 1 in development. */
    replicas?: number;
    /** Namespace of the Rook CephCluster the object store joins. Default "rook-ceph". */
    rookClusterNamespace?: string;
    /** RGW gateway pods (CPU and memory: `resources`, default 500m / 1Gi requests, 2 / 2Gi limits in production). Default 3 in production, 1 in development. Range 1–20. */
    gatewayInstances?: number;
}

/**
 * Arguments of {@link ObjectStorage}: one contract for S3, GCS, and on Kubernetes a Rook Ceph
 * object store or an external S3-compatible endpoint.
 */
export interface ObjectStorageArgs extends ServiceCommonArgs {
    /** Bucket name, by S3's rules: 3–63 lower-case letters, digits, "." and "-", not an IP address, no "..", no "xn--" prefix or "-s3alias" suffix; on gcp also GCS's: no "goog" prefix, no "google" (or a misspelling) inside, no '.'. Default: the component name. */
    bucket?: string;
    /**
     * Keep object versions (S3, GCS). Default: true in production on aws and gcp; false on
     * kubernetes, where it cannot be set (a Rook bucket claim has no such setting; an
     * external bucket is configured where it lives) — asking for it there is an error.
     */
    versioning?: boolean;
    /** Kubernetes specifics. */
    kubernetes?: ObjectStorageKubernetesArgs;
    /** AWS specifics (target aws). */
    aws?: ObjectStorageAwsArgs;
    /** GCP specifics (target gcp): Cloud Storage location, turbo replication, CMEK, Workload Identity, the HMAC key for S3 clients. */
    gcp?: ObjectStorageGcpArgs;
}

export interface ObjectStorageOutputs {
    bucket: pulumi.Output<string>;
    /** Endpoint URL clients use. */
    endpoint: pulumi.Output<string>;
    region: pulumi.Output<string>;
    /** Whether clients must address buckets by path (`endpoint/bucket`) rather than by host: in-cluster Rook and MinIO-style endpoints. */
    forcePathStyle: pulumi.Output<boolean>;
    /**
     * How clients get access, one of two: a Kubernetes Secret with AWS_ACCESS_KEY_ID and
     * AWS_SECRET_ACCESS_KEY (workloads read it by secretKeyRef) — Rook, external endpoints — or a
     * workload identity the app's ServiceAccount assumes (no keys at all) — S3 through EKS Pod Identity.
     */
    credentialsSecretName?: pulumi.Output<string>;
    /** Namespace of that Secret. */
    credentialsSecretNamespace?: pulumi.Output<string>;
    /** The identity the app's ServiceAccount assumes for access (on AWS an IAM role ARN, on GCP a Google service account email), when access is by workload identity. */
    workloadIdentity?: pulumi.Output<string>;
    /**
     * An S3 access key id for `endpoint` (a Pulumi secret), when the backend made a key pair and no
     * Kubernetes Secret holds it (GCS: an HMAC key's access id) — for a Platform's SharedSecret.
     */
    accessKeyId?: pulumi.Output<string>;
    /** Its secret access key (a Pulumi secret). */
    secretAccessKey?: pulumi.Output<string>;
}
