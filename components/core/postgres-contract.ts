import * as pulumi from "@pulumi/pulumi";
import { PostgresAwsArgs } from "./postgres-aws-contract";
import { PostgresGcpArgs } from "./postgres-gcp-contract";
import { PgBouncerPoolMode } from "./enums";
import { ResourcesArgs } from "./resources";
import { KubernetesPlacementArgs, ServiceCommonArgs, ServiceCredentials } from "./services-common";

/** Where base backups and WAL go: an S3-compatible bucket. */
export interface BackupDestinationArgs {
    /** Bucket name. */
    bucket: pulumi.Input<string>;
    /** Path prefix inside the bucket. Default: the cluster's name. */
    path?: string;
    /** S3 endpoint URL; omit for AWS S3. */
    endpoint?: pulumi.Input<string>;
    /** Kubernetes Secret holding the access key pair. */
    credentialsSecretName: pulumi.Input<string>;
    /** Key of the access key id in that Secret. Default "AWS_ACCESS_KEY_ID". */
    accessKeyIdKey?: string;
    /** Key of the secret access key in that Secret. Default "AWS_SECRET_ACCESS_KEY". */
    secretAccessKeyKey?: string;
}

/** Backups and point-in-time recovery, on every target. */
export interface PostgresBackupArgs {
    /** Take backups. Default: true in production (where false is an error). */
    enabled?: boolean;
    /**
     * Days of backups (and WAL) kept: ≥ 7 in production. Ranges are the target's: 1–3650 on kubernetes
     * (default 7), 1–35 on aws (Aurora's limit; default 14 in production, 7 in development), 1–365 on
     * gcp (Cloud SQL's count of daily backups kept, ≥ 8 in production with point-in-time recovery, whose
     * logs cover one day fewer; default 14 in production, 7 in development).
     */
    retentionDays?: number;
    /** Restore to any second in the retention window (archive WAL continuously). Default: true in production. */
    pointInTimeRecovery?: boolean;
}

/** Where CloudNativePG sends backups, and when (Kubernetes). */
export interface PostgresKubernetesBackupArgs {
    /** Base backup schedule, six-field cron with seconds first (CloudNativePG's format; each field in range, or a descriptor such as "@daily"). Default "0 0 2 * * *" (02:00 daily). */
    schedule?: string;
    /** Where backups go. Required when backups are enabled, unless a Platform sends them to its own bucket. */
    destination?: BackupDestinationArgs;
    /**
     * Why backups may stay inside the cluster they protect (e.g. "a second Ceph cluster replicates
     * the bucket off-site"). In production a destination inside the same cluster (an in-cluster
     * endpoint, or the Platform's in-cluster bucket) is an error unless this is given: losing the
     * cluster would lose the backups. Default none.
     */
    inClusterReason?: string;
}

/** PgBouncer in front of the writer (seed 000). */
export interface PostgresPoolerArgs {
    /** Create the pooler. Default false. */
    enabled?: boolean;
    /** PgBouncer pods, 1–20. Default 3 in production (2 in development). */
    instances?: number;
    /** Pool mode. Default `PgBouncerPoolMode.Transaction`. */
    poolMode?: PgBouncerPoolMode;
}

/** Kubernetes (CloudNativePG) specifics. */
export interface PostgresKubernetesArgs extends KubernetesPlacementArgs {
    /** Operand image, pinned to a full version. Default "ghcr.io/cloudnative-pg/postgresql:<the newest minor of version we pin>". */
    image?: string;
    /** CPU and memory of each PgBouncer pod. Default 100m / 128Mi requests, 500m / 256Mi limits. */
    poolerResources?: ResourcesArgs;
    /** Backup destination and schedule; see {@link PostgresKubernetesBackupArgs}. */
    backup?: PostgresKubernetesBackupArgs;
}

/**
 * Arguments of {@link PostgresCluster}: one contract for CloudNativePG, Aurora/RDS Multi-AZ
 * and Cloud SQL REGIONAL.
 */
export interface PostgresClusterArgs extends ServiceCommonArgs {
    /** PostgreSQL version: a major ("17", "18": the image is pinned to the minor we pin) or major.minor ("16.10"). Default "17". */
    version?: string;
    /** Instances (primary + standbys), 1–9. Default 3 in production, 1 in development. */
    instances?: number;
    /** Synchronous replication to one standby (zero data loss on failover). Default: true in production. Needs ≥ 2 instances. */
    syncReplication?: boolean;
    /** Storage per instance in GiB, 1–65536 (Kubernetes volumes; an RDS Multi-AZ DB cluster's allocated storage; Aurora grows on its own; Cloud SQL's disk, ≥ 10, growing on its own). Default 20. */
    storageGiB?: number;
    /** Application database name, a lower-case SQL identifier (≤ 63). Default "app". */
    database?: string;
    /** Application role owning the database, a lower-case SQL identifier (≤ 63). Default "app". */
    owner?: string;
    /** Backups; see {@link PostgresBackupArgs}. */
    backup?: PostgresBackupArgs;
    /** Connection pooler; see {@link PostgresPoolerArgs}. */
    pooler?: PostgresPoolerArgs;
    /** Kubernetes specifics. */
    kubernetes?: PostgresKubernetesArgs;
    /** AWS specifics (target aws). */
    aws?: PostgresAwsArgs;
    /** GCP specifics (target gcp: Cloud SQL for PostgreSQL); see {@link PostgresGcpArgs} for how the neutral arguments map. */
    gcp?: PostgresGcpArgs;
}

/** What a Postgres cluster gives its clients, on every target. */
export interface PostgresOutputs {
    /** Read-write endpoint host (CloudNativePG `-rw` service). */
    writerEndpoint: pulumi.Output<string>;
    /** Read-only endpoint host over the standbys (`-ro`). */
    readerEndpoint: pulumi.Output<string>;
    /** Any-instance endpoint host (CloudNativePG `-r`); targets without one leave it out. */
    anyEndpoint?: pulumi.Output<string>;
    port: pulumi.Output<number>;
    database: pulumi.Output<string>;
    /** `{ username, password }`, a Pulumi secret. */
    credentials: pulumi.Output<ServiceCredentials>;
    /** postgres://… to the writer (through the pooler when there is one); a Pulumi secret. */
    writerUrl: pulumi.Output<string>;
    /** postgres://… to the readers; a Pulumi secret. */
    readerUrl: pulumi.Output<string>;
}
