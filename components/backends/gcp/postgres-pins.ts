/**
 * What this package knows Cloud SQL for PostgreSQL accepts, checked November 2026 against the
 * pulumi-gcp 9.37 type definitions (sql/databaseInstance.d.ts and types/input.d.ts, whose TSDoc
 * mirrors the Admin API's) and Google's "About instance settings" and "Machine series overview"
 * pages. Re-check with `gcloud sql tiers list` and `gcloud sql flags list` before changing.
 */

/** Majors Cloud SQL offers in standard support (older ones are in paid extended support); sent as POSTGRES_<major>. */
export const cloudSqlPostgresMajors = ["14", "15", "16", "17", "18"] as const;

/** The provider's `databaseVersion` of a major. */
export function databaseVersionOf(major: string): string {
    return `POSTGRES_${major}`;
}

/** `settings.availabilityType`: REGIONAL (a synchronous standby in another zone) or ZONAL. */
export const cloudSqlAvailability = { regional: "REGIONAL", zonal: "ZONAL" } as const;

/** `settings.diskType` used: SSD persistent disk (the provider also takes PD_HDD, HYPERDISK_BALANCED). */
export const cloudSqlDiskType = "PD_SSD";

/** `settings.diskSize` in GB: 10 minimum for PD_SSD; 64 TB the Cloud SQL maximum. */
export const cloudSqlDiskRange = { min: 10, max: 65536 } as const;

/** `backupRetentionSettings.retainedBackups` (retentionUnit COUNT): 1–365 daily backups. */
export const cloudSqlRetainedBackupsRange = { min: 1, max: 365 } as const;

/** `transactionLogRetentionDays`: 1–7 days on Enterprise, 1–35 on Enterprise Plus. */
export const cloudSqlLogDaysMax = { ENTERPRISE: 7, ENTERPRISE_PLUS: 35 } as const;

/** Shared-core tiers (Enterprise only, no SLA). */
export const sharedCoreTiers = ["db-f1-micro", "db-g1-small"] as const;

/** Enterprise custom machine types: db-custom-<vCPUs>-<MiB>. */
export const customTierPattern = /^db-custom-(\d+)-(\d+)$/;

/** Custom machine type limits: vCPUs 1 or even up to 96; memory 0.9–6.5 GiB per vCPU, a multiple of 256 MiB, ≥ 3.75 GiB. */
export const customTierLimits = {
    maxVcpus: 96,
    minMiBPerVcpu: 921.6,
    maxMiBPerVcpu: 6656,
    stepMiB: 256,
    minMiB: 3840,
} as const;

/** Enterprise Plus N2 machine types: db-perf-optimized-N-<vCPUs>. */
export const perfOptimizedVcpus = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128] as const;

/** `settings.maintenanceWindow.updateTrack` values: canary (1 week), stable (2 weeks), week5. */
export const cloudSqlUpdateTracks = ["canary", "stable", "week5"] as const;

/** `deletionPolicy` of a sql.User that leaves it to its instance: a Postgres user granted roles cannot be deleted through the API. */
export const cloudSqlUserAbandon = "ABANDON";

/** Cloud SQL instance ids: lowercase letters, digits and '-', a letter first, ≤ 98 characters. */
export const cloudSqlInstanceName = /^[a-z][a-z0-9-]{0,97}$/;

/** Users Cloud SQL creates or reserves on a PostgreSQL instance. */
export const cloudSqlReservedUsers = ["postgres", "cloudsqladmin", "cloudsqlsuperuser"] as const;

/** Databases every Cloud SQL PostgreSQL instance already has. */
export const cloudSqlReservedDatabases = ["postgres", "template0", "template1", "cloudsqladmin"] as const;
