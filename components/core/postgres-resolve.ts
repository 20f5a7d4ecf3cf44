import { ArgChecker } from "./arg-checker";
import { PgBouncerPoolMode, Target, enumValues } from "./enums";
import { postgresNames } from "./kubernetes-names";
import { BackupDestinationArgs, PostgresClusterArgs } from "./postgres-contract";
import { postgresShape } from "./service-shapes";
import { ResolvedCommon, checkPlacement, resolveCommon } from "./services-common";

export interface ResolvedPostgres extends ResolvedCommon {
    name: string;
    version: string;
    instances: number;
    syncReplication: boolean;
    storageSize: string;
    database: string;
    owner: string;
    backup?: { retentionDays: number; schedule: string; pointInTimeRecovery: boolean; destination: Required<Omit<BackupDestinationArgs, "endpoint">> & { endpoint?: BackupDestinationArgs["endpoint"] } };
    pooler?: { instances: number; poolMode: PgBouncerPoolMode };
    kubernetes: PostgresClusterArgs["kubernetes"] & { image: string };
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** Applies profile defaults to {@link PostgresClusterArgs}; throws every problem at once. */
export function resolvePostgres(name: string, given: PostgresClusterArgs): ResolvedPostgres {
    const check = new ArgChecker(`PostgresCluster "${name}"`);
    const args = check.args(given, postgresShape);
    const common = resolveCommon(check, args);
    if (common.target === Target.Kubernetes) {
        check.kubernetesName(name, postgresNames(name, args.pooler?.enabled ?? false));
        checkPlacement(check, args.kubernetes);
    }
    const version = args.version ?? "17";
    check.require(/^\d{2}(\.\d+)?$/.test(version), "version", `must be a PostgreSQL major version such as "17" (got ${JSON.stringify(version)})`);
    const instances = args.instances ?? (common.production ? 3 : 1);
    check.integer("instances", instances, 1, 9);
    const syncReplication = args.syncReplication ?? common.production;
    check.require(!syncReplication || instances >= 2, "syncReplication",
        `needs at least 2 instances (got instances ${instances}); synchronous replication with one instance has no standby to wait for`);
    const storageSize = args.storageSize ?? "20Gi";
    check.quantity("storageSize", storageSize);
    const database = args.database ?? "app";
    const owner = args.owner ?? "app";
    check.require(identifier.test(database), "database", `must be a lower-case SQL identifier (got ${JSON.stringify(database)})`);
    check.require(identifier.test(owner), "owner", `must be a lower-case SQL identifier (got ${JSON.stringify(owner)})`);

    let backup: ResolvedPostgres["backup"];
    if (args.backup?.enabled ?? common.production) {
        const retentionDays = args.backup?.retentionDays ?? 7;
        check.integer("backup.retentionDays", retentionDays, common.production ? 7 : 1, 3650);
        const schedule = args.backup?.schedule ?? "0 0 2 * * *";
        check.cron("backup.schedule", schedule);
        const d = args.backup?.destination;
        if (check.require(!!d, "backup.destination", "is required when backups are enabled (an S3-compatible bucket and its credentials Secret); or set backup.enabled false in development")) {
            backup = {
                retentionDays, schedule,
                pointInTimeRecovery: args.backup?.pointInTimeRecovery ?? common.production,
                destination: {
                    bucket: d!.bucket, path: d!.path ?? name, endpoint: d!.endpoint,
                    credentialsSecretName: d!.credentialsSecretName,
                    accessKeyIdKey: d!.accessKeyIdKey ?? "AWS_ACCESS_KEY_ID",
                    secretAccessKeyKey: d!.secretAccessKeyKey ?? "AWS_SECRET_ACCESS_KEY",
                },
            };
            const dest = backup.destination;
            check.require(/^[A-Za-z0-9][A-Za-z0-9._\/-]*$/.test(dest.path) && !dest.path.endsWith("/"), "backup.destination.path",
                `must be a relative object prefix such as "postgres" or "backups/pg" (got ${JSON.stringify(dest.path)})`);
            check.secretKey("backup.destination.accessKeyIdKey", dest.accessKeyIdKey);
            check.secretKey("backup.destination.secretAccessKeyKey", dest.secretAccessKeyKey);
            if (typeof dest.credentialsSecretName === "string") check.dnsSubdomain("backup.destination.credentialsSecretName", dest.credentialsSecretName);
            check.bucketName("backup.destination.bucket", dest.bucket);
            check.url("backup.destination.endpoint", dest.endpoint, !common.production);
        }
    } else if (common.production) {
        check.fail("backup.enabled", "cannot be false in the production profile (backups ≥ 7 days are a production default); use profile development");
    }

    let pooler: ResolvedPostgres["pooler"];
    if (args.pooler?.enabled) {
        pooler = { instances: args.pooler.instances ?? (common.production ? 3 : 2), poolMode: args.pooler.poolMode ?? PgBouncerPoolMode.Transaction };
        check.integer("pooler.instances", pooler.instances, 1, 20);
        check.oneOf("pooler.poolMode", pooler.poolMode, enumValues(PgBouncerPoolMode));
    }
    check.throwIfAny();
    return {
        ...common, name, version, instances, syncReplication, storageSize, database, owner, backup, pooler,
        kubernetes: { ...args.kubernetes, image: args.kubernetes?.image ?? `ghcr.io/cloudnative-pg/postgresql:${version}` },
    };
}
