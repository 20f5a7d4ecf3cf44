import { ObjectShape, object, oneOf, string } from "./arg-shape";
import { GcpPlacementArgs, gcpPlacementFields } from "./gcp-placement";

/** The Cloud SQL edition of a {@link PostgresClusterArgs} on target gcp (the provider's `settings.edition`). */
export const CloudSqlEdition = {
    /**
     * Cloud SQL Enterprise: custom machine types ("db-custom-<vCPUs>-<MiB>") and, in development,
     * the shared-core "db-f1-micro" and "db-g1-small"; transaction logs kept 1–7 days. The default.
     */
    Enterprise: "ENTERPRISE",
    /**
     * Cloud SQL Enterprise Plus: the N2 performance-optimized machine types
     * ("db-perf-optimized-N-<vCPUs>") only; transaction logs kept 1–35 days.
     */
    EnterprisePlus: "ENTERPRISE_PLUS",
} as const;
export type CloudSqlEdition = (typeof CloudSqlEdition)[keyof typeof CloudSqlEdition];

/** How Cloud SQL enforces TLS on connections (the provider's `settings.ipConfiguration.sslMode`). */
export const CloudSqlSslMode = {
    /** Only TLS connections are accepted (`sslmode=require` in a client). The default. */
    EncryptedOnly: "ENCRYPTED_ONLY",
    /**
     * Only TLS connections presenting a client certificate signed by the instance's client CA
     * (issued with `gcloud sql ssl client-certs create`, or the Cloud SQL Auth Proxy) are accepted;
     * the password URLs this component outputs are then not enough on their own.
     */
    TrustedClientCertificateRequired: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
} as const;
export type CloudSqlSslMode = (typeof CloudSqlSslMode)[keyof typeof CloudSqlSslMode];

/**
 * GCP (Cloud SQL for PostgreSQL) specifics of {@link PostgresClusterArgs}.
 *
 * How the neutral arguments map on target gcp:
 * - `version`: a major Cloud SQL offers in standard support ("14"–"18", sent as `POSTGRES_<major>`).
 *   A major.minor is refused: Cloud SQL chooses the minor (its maintenance version). Default "17".
 * - `instances`: the primary plus `instances − 1` read replicas (each ZONAL, in the zones after the
 *   primary's). The primary's REGIONAL standby is not counted: it serves no reads.
 * - `syncReplication`: `settings.availabilityType` REGIONAL (a standby in another zone, written
 *   synchronously, that Cloud SQL fails over to). Production is always REGIONAL (false is refused);
 *   development defaults to ZONAL.
 * - `storageGiB`: the disk of each instance (10–65536 GiB, SSD); it grows by itself (auto-resize),
 *   and a grown disk is never shrunk back to this value.
 * - `backup`: automated daily backups (`retentionDays` of them kept, 1–365; default 14 in production,
 *   7 in development) and point-in-time recovery with `min(retentionDays − 1, 7)` days of transaction
 *   logs (35 with Enterprise Plus): Cloud SQL refuses as many days of logs as backups, so production
 *   (7 days of logs) keeps at least 8 backups. REGIONAL needs both, so they cannot be turned off in production nor with
 *   `syncReplication`. `kubernetes.backup` (destination, schedule) is CloudNativePG's, not used here.
 * - `pooler`: refused: Cloud SQL has no PgBouncer, and its Managed Connection Pooling (Enterprise
 *   Plus only) is not offered by this package yet.
 * - `deletionProtection`: Pulumi `protect`, the provider's `deletionProtection` and Cloud SQL's
 *   own `settings.deletionProtectionEnabled`, on the primary and its replicas.
 * - `owner`, `database`: a built-in user with a generated password and a database (not "postgres",
 *   the templates, nor Cloud SQL's reserved "cloudsql…" names).
 */
export interface PostgresGcpArgs extends GcpPlacementArgs {
    /** Cloud SQL edition. Default `CloudSqlEdition.Enterprise`. */
    edition?: CloudSqlEdition;
    /**
     * Machine type of every instance. Enterprise: "db-custom-<vCPUs>-<MiB>", vCPUs 1 or an even
     * number 2–96, memory a multiple of 256 MiB, 0.9–6.5 GiB per vCPU and ≥ 3840 MiB; or, in
     * development only, the shared-core "db-f1-micro" / "db-g1-small" (no SLA). Enterprise Plus:
     * "db-perf-optimized-N-<vCPUs>" with 2, 4, 8, 16, 32, 48, 64, 80, 96 or 128 vCPUs.
     * Default "db-custom-2-7680" (Enterprise), "db-perf-optimized-N-2" (Enterprise Plus).
     */
    tier?: string;
    /** TLS enforcement. Default `CloudSqlSslMode.EncryptedOnly`. */
    sslMode?: CloudSqlSslMode;
}

/** The declared types of {@link PostgresGcpArgs}. */
export const postgresGcpShape: ObjectShape<PostgresGcpArgs> = object<PostgresGcpArgs>("PostgresGcpArgs", {
    ...gcpPlacementFields,
    edition: oneOf(CloudSqlEdition),
    tier: string(),
    sslMode: oneOf(CloudSqlSslMode),
});
