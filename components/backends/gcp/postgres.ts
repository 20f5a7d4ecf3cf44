import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { enumValues } from "../../core/enums";
import { PostgresClusterArgs, PostgresOutputs } from "../../core/postgres-contract";
import { CloudSqlEdition, CloudSqlSslMode, PostgresGcpArgs } from "../../core/postgres-gcp-contract";
import { ResolvedPostgres } from "../../core/postgres-resolve";
import { postgresPasswordArgs, postgresPort, postgresUrl } from "../postgres-client";
import { BackendScope, PostgresPlanContext, ServiceBackend } from "../backend";
import { child, gcpLabels, gcpNamePrefix, inProject } from "./common";
import { placeGcpService } from "./placement";
import {
    cloudSqlAvailability,
    cloudSqlDiskRange,
    cloudSqlDiskType,
    cloudSqlLogDaysMax,
    cloudSqlPostgresMajors,
    cloudSqlReservedDatabases,
    cloudSqlReservedUsers,
    cloudSqlRetainedBackupsRange,
    cloudSqlUserAbandon,
    customTierLimits,
    customTierPattern,
    databaseVersionOf,
    perfOptimizedVcpus,
    sharedCoreTiers,
} from "./postgres-pins";

const component = "postgres";

/** Daily backups start at 02:00 UTC; maintenance (a restart) follows on Sunday at 04:00 UTC. */
export const cloudSqlBackupStart = "02:00";
/** Sunday (the provider counts 1–7 from Monday), 04:00 UTC, on the stable track (two weeks' notice). */
export const cloudSqlMaintenanceWindow = { day: 7, hour: 4, updateTrack: "stable" } as const;

/** A Cloud KMS key's resource name, capturing its location. */
const kmsKeyName = /^projects\/[^/]+\/locations\/([a-z0-9-]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** The major sent as POSTGRES_<major>: Cloud SQL chooses the minor itself. */
function majorOf(check: ArgChecker, version: string): string | undefined {
    const majors: readonly string[] = cloudSqlPostgresMajors;
    const [major, minor] = String(version).split(".");
    const ok = check.require(
        majors.includes(major) && minor === undefined,
        "version",
        minor !== undefined && majors.includes(major)
            ? `must be a bare major such as "${major}" on target gcp: Cloud SQL chooses the minor itself (its maintenance version; got ${show(version)})`
            : `must be a PostgreSQL major Cloud SQL offers (${cloudSqlPostgresMajors.join(", ")}) on target gcp (got ${show(version)})`,
    );
    return ok ? major : undefined;
}

/** Checks a machine type against its edition's rules (and shared-core against production). */
function checkTier(check: ArgChecker, tier: string, edition: CloudSqlEdition, production: boolean): void {
    const arg = "gcp.tier";
    if (edition === CloudSqlEdition.EnterprisePlus) {
        const m = /^db-perf-optimized-N-(\d+)$/.exec(tier);
        const vcpus: readonly number[] = perfOptimizedVcpus;
        check.require(
            !!m && vcpus.includes(Number(m[1])),
            arg,
            `must be "db-perf-optimized-N-<vCPUs>" with ${perfOptimizedVcpus.join(", ")} vCPUs with gcp.edition "${edition}" (got ${show(tier)})`,
        );
        return;
    }
    const shared: readonly string[] = sharedCoreTiers;
    if (shared.includes(tier)) {
        check.require(
            !production,
            arg,
            `${show(tier)} is shared-core, which Cloud SQL's SLA does not cover: development only; use "db-custom-<vCPUs>-<MiB>" such as "db-custom-2-7680" in production`,
        );
        return;
    }
    const m = customTierPattern.exec(tier);
    const vcpus = m ? Number(m[1]) : 0;
    const mib = m ? Number(m[2]) : 0;
    const l = customTierLimits;
    check.require(
        !!m &&
            (vcpus === 1 || (vcpus % 2 === 0 && vcpus >= 2 && vcpus <= l.maxVcpus)) &&
            mib % l.stepMiB === 0 &&
            mib >= Math.max(l.minMiB, vcpus * l.minMiBPerVcpu) &&
            mib <= vcpus * l.maxMiBPerVcpu,
        arg,
        `must be "db-custom-<vCPUs>-<MiB>" with gcp.edition "${edition}": vCPUs 1 or even up to ${l.maxVcpus}, memory a multiple of ${l.stepMiB} MiB, 0.9–6.5 GiB per vCPU and at least ${l.minMiB} MiB, such as "db-custom-2-7680"; or ${sharedCoreTiers.join(", ")} in development (got ${show(tier)})`,
    );
}

/** Names Cloud SQL already has or reserves: creating them again fails or collides. */
function checkNames(check: ArgChecker, pg: ResolvedPostgres): void {
    const users: readonly string[] = cloudSqlReservedUsers;
    const dbs: readonly string[] = cloudSqlReservedDatabases;
    check.require(
        !users.includes(pg.owner) && !pg.owner.startsWith("cloudsql"),
        "owner",
        `must not be ${cloudSqlReservedUsers.join(", ")} nor start with "cloudsql" on target gcp: Cloud SQL creates or reserves them (got ${show(pg.owner)})`,
    );
    check.require(
        !dbs.includes(pg.database),
        "database",
        `must not be ${cloudSqlReservedDatabases.join(", ")} on target gcp: every Cloud SQL instance already has them (got ${show(pg.database)})`,
    );
}

/** Days of transaction logs point-in-time recovery keeps at least. */
const logDaysMin = { production: 7, development: 1 } as const;

/** Backups of the primary: daily backups kept, and days of transaction logs for point-in-time recovery. */
interface CloudSqlBackups {
    retainedBackups: number;
    pointInTimeRecovery: boolean;
    logDays: number;
}

function backupsOf(
    check: ArgChecker,
    args: PostgresClusterArgs,
    pg: ResolvedPostgres,
    edition: CloudSqlEdition,
    regional: boolean,
): CloudSqlBackups | undefined {
    // Production without backups is refused by the neutral rules already. REGIONAL needs backups and
    // point-in-time recovery: in development they are on with it unless turned off, which is refused.
    if (pg.backup === undefined && !regional) return undefined;
    check.require(
        args.backup?.enabled !== false,
        "backup.enabled",
        "cannot be false with syncReplication on target gcp: a REGIONAL Cloud SQL instance needs backups and point-in-time recovery",
    );
    const pointInTimeRecovery = args.backup?.pointInTimeRecovery ?? (regional || pg.backup!.pointInTimeRecovery);
    const r = cloudSqlRetainedBackupsRange;
    const given = args.backup?.retentionDays;
    // As on AWS: two weeks in production unless told, a week in development.
    const retainedBackups = given ?? (pg.production ? 14 : 7);
    const logDaysMax = cloudSqlLogDaysMax[edition] ?? cloudSqlLogDaysMax.ENTERPRISE;
    if (given !== undefined)
        check.require(
            given <= r.max,
            "backup.retentionDays",
            `must be at most ${r.max} on target gcp: Cloud SQL keeps at most ${r.max} automated backups (got ${given})`,
        );
    // Cloud SQL refuses as many days of logs as backups ("backup retention should be > transaction log
    // retention"): the logs cover one day fewer, and production keeps a week of them.
    const fewest = pg.production ? logDaysMin.production + 1 : logDaysMin.development + 1;
    if (pointInTimeRecovery)
        check.require(
            retainedBackups >= fewest,
            "backup.retentionDays",
            `must be at least ${fewest} with point-in-time recovery on target gcp${pg.production ? " in production" : ""}: Cloud SQL keeps transaction logs for fewer days than it keeps backups, and ${pg.production ? `production keeps ${logDaysMin.production} days of logs` : "it keeps at least 1 day of logs"} (got ${retainedBackups})`,
        );
    check.require(
        pointInTimeRecovery || !regional,
        "backup.pointInTimeRecovery",
        `cannot be false ${pg.production ? "in production" : "with syncReplication"} on target gcp: a REGIONAL Cloud SQL instance needs point-in-time recovery`,
    );
    return {
        retainedBackups,
        pointInTimeRecovery,
        // Logs reach back to the oldest backup but one (older logs could not be replayed from anything).
        logDays: Math.max(1, Math.min(retainedBackups - 1, logDaysMax)),
    };
}

/** A CMEK key must be in the instance's region; checked when both are known now. */
function checkKmsKey(check: ArgChecker, key: unknown, region: string | undefined): void {
    if (typeof key !== "string") return;
    const m = kmsKeyName.exec(key);
    if (
        !check.require(
            !!m,
            "gcp.kmsKeyName",
            `must be "projects/<p>/locations/<region>/keyRings/<r>/cryptoKeys/<k>" (got ${show(key)})`,
        )
    )
        return;
    check.require(
        region === undefined || m![1] === region,
        "gcp.kmsKeyName",
        `must be a key in the instance's region ${region}: Cloud SQL takes a key of its own region only (the name says ${m![1]})`,
    );
}

interface CloudSqlPlan {
    databaseVersion: string;
    edition: CloudSqlEdition;
    tier: string;
    sslMode: CloudSqlSslMode;
    regional: boolean;
    replicas: number;
    diskSize: number;
    backups?: CloudSqlBackups;
    region?: string;
}

/**
 * PostgresCluster on GCP: a Cloud SQL for PostgreSQL primary, REGIONAL in production (a synchronous
 * standby in another zone it fails over to), with daily backups and point-in-time recovery, private
 * IP only, TLS required, protected from deletion three ways, Query Insights on; read replicas (ZONAL,
 * in the other zones) behind the reader endpoint; the owner and database created with it.
 */
export const gcpPostgres: ServiceBackend<PostgresClusterArgs, ResolvedPostgres, PostgresOutputs, PostgresPlanContext> =
    {
        plan(check, args, pg, context) {
            const a: PostgresGcpArgs = args.gcp ?? {};
            const placement = placeGcpService(check, args.gcp, pg.production, context?.gcp);
            const edition = a.edition ?? CloudSqlEdition.Enterprise;
            const editionOk = check.oneOf("gcp.edition", edition, enumValues(CloudSqlEdition));
            const tier =
                a.tier ?? (edition === CloudSqlEdition.EnterprisePlus ? "db-perf-optimized-N-2" : "db-custom-2-7680");
            if (editionOk) checkTier(check, tier, edition, pg.production);
            const sslMode = a.sslMode ?? CloudSqlSslMode.EncryptedOnly;
            check.oneOf("gcp.sslMode", sslMode, enumValues(CloudSqlSslMode));
            const major = majorOf(check, pg.version);

            // REGIONAL is what keeps a committed write on two zones: production always has it.
            check.require(
                pg.syncReplication || !pg.production,
                "syncReplication",
                "cannot be false in production on target gcp: the primary is always REGIONAL there (a synchronous standby in another zone); use profile development for a ZONAL instance",
            );
            const regional = pg.syncReplication || pg.production;
            const backups = backupsOf(check, args, pg, edition, regional);

            const d = cloudSqlDiskRange;
            check.require(
                pg.storageGiB >= d.min && pg.storageGiB <= d.max,
                "storageGiB",
                `must be ${d.min}–${d.max} on target gcp (Cloud SQL's SSD disk size in GB; got ${pg.storageGiB})`,
            );
            check.require(
                !args.pooler?.enabled,
                "pooler.enabled",
                "is not offered on target gcp: Cloud SQL runs no PgBouncer, and this package does not configure its Managed Connection Pooling (Enterprise Plus only); connect to writerEndpoint, or leave the pooler off",
            );
            checkNames(check, pg);
            checkKmsKey(check, a.kmsKeyName, placement.region);

            return (scope) =>
                createPostgres(scope, pg, placement.gcp(), placement.project, {
                    databaseVersion: databaseVersionOf(major ?? ""),
                    edition,
                    tier,
                    sslMode,
                    regional,
                    replicas: pg.instances - 1,
                    diskSize: pg.storageGiB,
                    backups,
                    region: placement.region ?? scope.region,
                });
        },
    };

/**
 * The zones of the read replicas: those after the primary's, beginning past its standby's (so with
 * three zones the first replica is in the zone neither the primary nor its standby uses), wrapping.
 */
export function replicaZones<T>(zones: T[] | undefined): T[] | undefined {
    if (zones === undefined || zones.length < 2) return undefined;
    return [...zones.slice(2), zones[1]];
}

function createPostgres(
    scope: BackendScope,
    pg: ResolvedPostgres,
    a: PostgresGcpArgs,
    project: string | undefined,
    p: CloudSqlPlan,
): PostgresOutputs {
    const n = gcpNamePrefix(scope);
    const labels = gcpLabels(scope, component);
    const zones = a.availabilityZones;
    const where = { ...inProject(project), ...(p.region === undefined ? {} : { region: p.region }) };
    // Settings both the primary and its replicas take: machine, disk, network, TLS, insights.
    const shared = {
        tier: p.tier,
        edition: p.edition,
        diskType: cloudSqlDiskType,
        diskSize: p.diskSize,
        diskAutoresize: true,
        deletionProtectionEnabled: pg.deletionProtection,
        ipConfiguration: {
            ipv4Enabled: false,
            privateNetwork: a.network,
            ...(a.privateServicesRangeName === undefined ? {} : { allocatedIpRange: a.privateServicesRangeName }),
            sslMode: p.sslMode,
        },
        insightsConfig: { queryInsightsEnabled: true, recordApplicationTags: true, recordClientAddress: false },
        maintenanceWindow: { ...cloudSqlMaintenanceWindow },
        userLabels: labels,
    };
    const b = p.backups;
    // The disk grows by itself: sending the configured size again would try to shrink it, which Cloud SQL refuses.
    const grows = { ignoreChanges: ["settings.diskSize"] };
    const primary = new gcp.sql.DatabaseInstance(
        n,
        {
            databaseVersion: p.databaseVersion,
            deletionProtection: pg.deletionProtection,
            ...(a.kmsKeyName === undefined ? {} : { encryptionKeyName: a.kmsKeyName }),
            settings: {
                ...shared,
                availabilityType: p.regional ? cloudSqlAvailability.regional : cloudSqlAvailability.zonal,
                ...(zones !== undefined && zones.length > 0
                    ? {
                          locationPreference: {
                              zone: zones[0],
                              ...(p.regional && zones.length > 1 ? { secondaryZone: zones[1] } : {}),
                          },
                      }
                    : {}),
                backupConfiguration: b
                    ? {
                          enabled: true,
                          startTime: cloudSqlBackupStart,
                          pointInTimeRecoveryEnabled: b.pointInTimeRecovery,
                          ...(b.pointInTimeRecovery ? { transactionLogRetentionDays: b.logDays } : {}),
                          backupRetentionSettings: { retainedBackups: b.retainedBackups, retentionUnit: "COUNT" },
                      }
                    : { enabled: false },
                // A deleted instance keeps its automated backups (the kept count) to restore from.
                ...(b ? { retainBackupsOnDelete: true } : {}),
            },
            ...where,
        },
        child(scope, { protect: scope.protect, dependsOn: scope.dependsOn, ...grows }),
    );

    // Replicas are ZONAL: each serves reads from one zone, and the reader endpoint is the first; the
    // writer's availability is the primary's REGIONAL standby's job, and spreading replicas over the
    // zones keeps a reader after a zone's loss without paying each a standby of its own.
    const rz = replicaZones(zones);
    const replicas: gcp.sql.DatabaseInstance[] = [];
    for (let i = 0; i < p.replicas; i++) {
        const zone = rz?.[i % rz.length];
        replicas.push(
            new gcp.sql.DatabaseInstance(
                `${n}-replica-${i + 1}`,
                {
                    databaseVersion: p.databaseVersion,
                    masterInstanceName: primary.name,
                    deletionProtection: pg.deletionProtection,
                    ...(a.kmsKeyName === undefined ? {} : { encryptionKeyName: a.kmsKeyName }),
                    settings: {
                        ...shared,
                        availabilityType: cloudSqlAvailability.zonal,
                        ...(zone === undefined ? {} : { locationPreference: { zone } }),
                    },
                    ...where,
                },
                child(scope, { protect: scope.protect, ...grows }),
            ),
        );
    }

    const password = new random.RandomPassword(`${n}-password`, postgresPasswordArgs, child(scope));
    new gcp.sql.Database(
        `${n}-database`,
        { instance: primary.name, name: pg.database, ...inProject(project) },
        child(scope, { protect: scope.protect }),
    );
    new gcp.sql.User(
        `${n}-owner`,
        {
            instance: primary.name,
            name: pg.owner,
            type: "BUILT_IN",
            password: pulumi.secret(password.result),
            // Postgres users granted roles cannot be deleted through the API: the instance takes it along.
            deletionPolicy: cloudSqlUserAbandon,
            ...inProject(project),
        },
        child(scope),
    );

    const username = pg.owner;
    const database = pg.database;
    const writer = primary.privateIpAddress;
    // No replica: reads go to the primary, so readerEndpoint always answers.
    const reader = replicas.length > 0 ? replicas[0].privateIpAddress : writer;
    const url = (host: pulumi.Output<string>) =>
        pulumi.secret(pulumi.all([password.result, host]).apply(([pw, h]) => postgresUrl(username, pw, h, database)));
    return {
        writerEndpoint: writer,
        readerEndpoint: reader,
        port: pulumi.output(postgresPort),
        database: pulumi.output(database),
        credentials: pulumi.secret(password.result.apply((pw) => ({ username, password: pw }))),
        writerUrl: url(writer),
        readerUrl: url(reader),
    };
}
