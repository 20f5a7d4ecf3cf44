/**
 * What this package knows RDS accepts for PostgreSQL, checked November 2026 against the Aurora
 * and RDS user guides and release notes (re-check with `aws rds describe-db-engine-versions
 * --engine aurora-postgresql|postgres` and `describe-orderable-db-instance-options` before changing).
 */

/**
 * The minor sent for a bare major. PostgreSQL's August 2026 minors (18.4, 17.10, 16.14): Aurora
 * PostgreSQL and RDS for PostgreSQL both offer them. Aurora and RDS retire old minors about a year
 * after release ("Cannot find version 15.7 for aurora-postgresql"), so these pins must move with them.
 */
export const awsPostgresMinorByMajor: Record<string, string> = { "16": "16.14", "17": "17.10", "18": "18.4" };

/** Majors Aurora PostgreSQL and RDS Multi-AZ DB clusters still offer in standard support (13 ended in 2026). */
export const awsPostgresMajors = ["14", "15", "16", "17", "18"] as const;

/** Aurora PostgreSQL instance class families (the Aurora user guide's "Supported DB engines for DB instance classes"). */
export const auroraInstanceFamilies = [
    "db.r5",
    "db.r6g",
    "db.r6gd",
    "db.r6i",
    "db.r6id",
    "db.r7g",
    "db.r7i",
    "db.r8g",
    "db.r8gd",
    "db.x2g",
    "db.t3",
    "db.t4g",
] as const;

/** Instance class families of RDS Multi-AZ DB clusters (the RDS user guide's "Instance class availability for Multi-AZ DB clusters"). */
export const multiAzClusterInstanceFamilies = [
    "db.c6gd",
    "db.m5d",
    "db.m6g",
    "db.m6gd",
    "db.m6i",
    "db.m6id",
    "db.m6idn",
    "db.m7g",
    "db.r5d",
    "db.r6g",
    "db.r6gd",
    "db.r6i",
    "db.r6id",
    "db.r6idn",
    "db.r7g",
    "db.x2iedn",
] as const;

/** Sizes an instance class may end with (db.<family>.<size>). */
export const instanceSizePattern = /^(micro|small|medium|large|xlarge|\d{1,2}xlarge|metal(-\d+xl)?)$/;

/** Storage of a Multi-AZ DB cluster: GiB and IOPS ranges of each volume type RDS allows there. */
export const multiAzStorage = {
    io2: { minGiB: 100, maxGiB: 65536, minIops: 1000, maxIops: 256000, maxIopsPerGiB: 1000, defaultIops: 3000 },
    gp3: { minGiB: 400, maxGiB: 65536, minIops: 12000, maxIops: 64000, maxIopsPerGiB: 500, defaultIops: 12000 },
} as const;

/** RDS keeps automated backups 1–35 days. */
export const rdsRetentionRange = { min: 1, max: 35 } as const;
