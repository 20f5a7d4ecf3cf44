import { ObjectShape, boolean, int, object, oneOf, string } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/** Which managed PostgreSQL runs a {@link PostgresClusterArgs} on target aws. */
export const AwsPostgresDeployment = {
    /**
     * Aurora PostgreSQL (provisioned): a writer and readers, one per Availability Zone, over Aurora's
     * shared cluster volume (six copies over three zones, a write acknowledged by four of them). The default.
     */
    Aurora: "aurora",
    /**
     * RDS Multi-AZ DB cluster (engine "postgres"): exactly 3 instances, a writer and two readable
     * standbys in three zones, each on its own volume; a commit waits for one standby (semi-synchronous).
     */
    MultiAzCluster: "multi-az-cluster",
} as const;
export type AwsPostgresDeployment = (typeof AwsPostgresDeployment)[keyof typeof AwsPostgresDeployment];

/** Volume type of an RDS Multi-AZ DB cluster (Aurora manages its own storage). */
export const AwsPostgresStorageType = {
    /** Provisioned IOPS SSD io2: 100–65536 GiB, 1000–256000 IOPS, at most 1000 IOPS per GiB. The default. */
    Io2: "io2",
    /** General Purpose SSD gp3: IOPS can be provisioned from 400 GiB (12000–64000 IOPS, at most 500 per GiB); a Multi-AZ DB cluster needs provisioned IOPS, so ≥ 400 GiB. */
    Gp3: "gp3",
} as const;
export type AwsPostgresStorageType = (typeof AwsPostgresStorageType)[keyof typeof AwsPostgresStorageType];

/**
 * AWS (Aurora PostgreSQL, RDS Multi-AZ DB cluster) specifics of {@link PostgresClusterArgs}.
 *
 * How the neutral arguments map on target aws:
 * - `version`: a major ("16", "17", "18": the minor pinned by this package) or a major.minor such as
 *   "17.6" (sent as it is; majors 14–18). Default "17".
 * - `instances`: Aurora: 1 writer + readers, each in the next zone of `aws.availabilityZones`, ≥ 2 in
 *   production. Multi-AZ DB cluster: exactly 3 (its fixed shape); unset means 3.
 * - `syncReplication`: accepted, and already true of both deployments: Aurora acknowledges a commit
 *   once four of six storage copies in three zones have it (readers share that volume and replay
 *   asynchronously, so a failover loses no committed data); a Multi-AZ DB cluster commits once one
 *   of its two standbys has the WAL (semi-synchronous).
 * - `storageGiB`: Aurora: ignored (the cluster volume grows by itself). Multi-AZ DB cluster: the
 *   allocated storage per instance; unset means the storage type's minimum (100 GiB io2, 400 GiB gp3).
 * - `backup.retentionDays`: the automated backup retention, 1–35 days (AWS's limit), ≥ 7 in
 *   production; default 14 in production, 7 in development. Backups and point-in-time recovery
 *   within the retention are always on (RDS cannot turn them off), so `backup.pointInTimeRecovery`
 *   is already true; `kubernetes.backup` (destination, schedule) is CloudNativePG's, not used here.
 * - `pooler`: not offered on aws yet (RDS Proxy is not implemented): enabling it is an error.
 * - `deletionProtection`: RDS deletion protection and Pulumi `protect`; a final snapshot is always taken.
 */
export interface PostgresAwsArgs extends AwsPlacementArgs {
    /** Aurora or RDS Multi-AZ DB cluster. Default `AwsPostgresDeployment.Aurora`. */
    deployment?: AwsPostgresDeployment;
    /**
     * DB instance class. Aurora: families db.r5, db.r6g, db.r6gd, db.r6i, db.r6id, db.r7g, db.r7i,
     * db.r8g, db.r8gd, db.x2g, db.t3, db.t4g (db.serverless is not offered yet: it needs a capacity
     * range). Multi-AZ DB cluster: db.c6gd, db.m5d, db.m6g, db.m6gd, db.m6i, db.m6id, db.m6idn,
     * db.m7g, db.r5d, db.r6g, db.r6gd, db.r6i, db.r6id, db.r6idn, db.r7g, db.x2iedn.
     * Default "db.r7g.large" (Aurora), "db.m6gd.large" (Multi-AZ DB cluster).
     */
    instanceClass?: string;
    /** Multi-AZ DB cluster only: the volume type. Default `AwsPostgresStorageType.Io2`. */
    storageType?: AwsPostgresStorageType;
    /** Multi-AZ DB cluster only: provisioned IOPS per instance (see {@link AwsPostgresStorageType} for ranges). Default 3000 (io2), 12000 (gp3). */
    iops?: number;
    /** Let IAM roles log in with short-lived tokens (in addition to the password). Default false. */
    iamAuthentication?: boolean;
}

/** The declared types of {@link PostgresAwsArgs}. */
export const postgresAwsShape: ObjectShape<PostgresAwsArgs> = object<PostgresAwsArgs>("PostgresAwsArgs", {
    ...awsPlacementFields,
    deployment: oneOf(AwsPostgresDeployment),
    instanceClass: string(),
    storageType: oneOf(AwsPostgresStorageType),
    iops: int(),
    iamAuthentication: boolean(),
});
