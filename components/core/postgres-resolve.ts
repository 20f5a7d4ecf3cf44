import { ArgChecker } from "./arg-checker";
import { PgBouncerPoolMode, enumValues } from "./enums";
import { PostgresClusterArgs } from "./postgres-contract";
import { ResolvedCommon, checkStorageGiB, resolveCommon } from "./services-common";

/** {@link PostgresClusterArgs} with the cloud-neutral rules applied; each backend adds its own. */
export interface ResolvedPostgres extends ResolvedCommon {
    name: string;
    /** As given: a major ("17") or major.minor ("16.10"); each backend pins its own minor. */
    version: string;
    instances: number;
    syncReplication: boolean;
    /** Storage per instance, in GiB. */
    storageGiB: number;
    database: string;
    owner: string;
    /** Absent when backups are off (development only). */
    backup?: { retentionDays: number; pointInTimeRecovery: boolean };
    pooler?: { instances: number; poolMode: PgBouncerPoolMode };
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The cloud-neutral rules and defaults of {@link PostgresClusterArgs}. Reports every problem to
 * `check` (the public component throws them together with its backend's).
 */
export function resolvePostgres(check: ArgChecker, name: string, args: PostgresClusterArgs): ResolvedPostgres {
    const common = resolveCommon(check, args);
    const version = args.version ?? "17";
    check.require(
        /^\d{2}(\.\d+)?$/.test(version),
        "version",
        `must be a PostgreSQL major version such as "17", or major.minor such as "16.10" (got ${JSON.stringify(version)})`,
    );
    const instances = args.instances ?? (common.production ? 3 : 1);
    check.integer("instances", instances, 1, 9);
    const syncReplication = args.syncReplication ?? common.production;
    check.require(
        !syncReplication || instances >= 2,
        "syncReplication",
        `needs at least 2 instances (got instances ${instances}); synchronous replication with one instance has no standby to wait for`,
    );
    const storageGiB = checkStorageGiB(check, args.storageGiB, 20);
    const database = args.database ?? "app";
    const owner = args.owner ?? "app";
    check.require(
        identifier.test(database),
        "database",
        `must be a lower-case SQL identifier (got ${JSON.stringify(database)})`,
    );
    check.require(
        identifier.test(owner),
        "owner",
        `must be a lower-case SQL identifier (got ${JSON.stringify(owner)})`,
    );

    let backup: ResolvedPostgres["backup"];
    if (args.backup?.enabled ?? common.production) {
        const retentionDays = args.backup?.retentionDays ?? 7;
        check.integer("backup.retentionDays", retentionDays, common.production ? 7 : 1, 3650);
        backup = { retentionDays, pointInTimeRecovery: args.backup?.pointInTimeRecovery ?? common.production };
    } else if (common.production) {
        check.fail(
            "backup.enabled",
            "cannot be false in the production profile (backups ≥ 7 days are a production default); use profile development",
        );
    }

    let pooler: ResolvedPostgres["pooler"];
    if (args.pooler?.enabled) {
        pooler = {
            instances: args.pooler.instances ?? (common.production ? 3 : 2),
            poolMode: args.pooler.poolMode ?? PgBouncerPoolMode.Transaction,
        };
        check.integer("pooler.instances", pooler.instances, 1, 20);
        check.oneOf("pooler.poolMode", pooler.poolMode, enumValues(PgBouncerPoolMode));
    }
    return { ...common, name, version, instances, syncReplication, storageGiB, database, owner, backup, pooler };
}
