import { asFlag, asInteger } from "../common/aws-types";
import { Gcp, gcpLabel, heldAs, isSqlReplica, isUnset, upper } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface SqlBackupsConfig {
    requirePointInTimeRecovery?: boolean;
    minRetainedBackups?: number;
    minTransactionLogDays?: number;
}

/** A Cloud SQL instance takes automated backups and, for Postgres, keeps the logs for point-in-time recovery. */
export const gcpSqlBackups = resourcePolicy<SqlBackupsConfig>({
    name: "gcp-sql-backups",
    description:
        "Every Cloud SQL DatabaseInstance takes automated backups (settings.backupConfiguration.enabled: true; the default is off) and, for PostgreSQL (databaseVersion POSTGRES_*) with `requirePointInTimeRecovery`, keeps its transaction logs for point-in-time recovery (settings.backupConfiguration.pointInTimeRecoveryEnabled: true; left unset it is on only for the ENTERPRISE_PLUS edition). Retained backups (backupRetentionSettings.retainedBackups, counted) and transactionLogRetentionDays, when set, are at least `minRetainedBackups` and `minTransactionLogDays` (unset, Cloud SQL keeps 7 of each). Read replicas and read pools (masterInstanceName set, or instanceType READ_REPLICA_INSTANCE / READ_POOL_INSTANCE) cannot take backups: not judged.",
    remediationSteps:
        "Set settings.backupConfiguration { enabled: true, pointInTimeRecoveryEnabled: true (Postgres), transactionLogRetentionDays: 7, backupRetentionSettings: { retainedBackups: 7 } } on the gcp.sql.DatabaseInstance.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requirePointInTimeRecovery: {
                type: "boolean",
                default: true,
                description: "Demand point-in-time recovery of PostgreSQL instances.",
            },
            minRetainedBackups: {
                type: "integer",
                minimum: 1,
                maximum: 365,
                default: 7,
                description: "Fewest automated backups kept (when retainedBackups is set; unset keeps 7).",
            },
            minTransactionLogDays: {
                type: "integer",
                minimum: 1,
                maximum: 35,
                default: 7,
                description:
                    "Fewest days of transaction logs kept (when transactionLogRetentionDays is set; unset keeps 7).",
            },
        },
    },
    types: [Gcp.SqlDatabaseInstance],
    validate: (props, args, config, report) => {
        if (isSqlReplica(props)) return;
        // Everything is read before anything is reported: a value unknown at preview stops the judging whole.
        const backup = at(props, "settings", "backupConfiguration");
        const enabled = asFlag(at(backup, "enabled"));
        const postgres = upper(at(props, "databaseVersion"))?.startsWith("POSTGRES") ?? false;
        const pitrRaw = at(backup, "pointInTimeRecoveryEnabled");
        const pitr = asFlag(pitrRaw);
        const enterprisePlus = upper(at(props, "settings", "edition")) === "ENTERPRISE_PLUS";
        const retainedRaw = at(backup, "backupRetentionSettings", "retainedBackups");
        const unit = upper(at(backup, "backupRetentionSettings", "retentionUnit"));
        const logDaysRaw = at(backup, "transactionLogRetentionDays");

        const label = gcpLabel(args.type, args.name);
        if (enabled !== true) {
            report(
                `${label} takes no automated backups (settings.backupConfiguration.enabled is ${enabled === false ? "false" : "not true: the default is off"}).`,
            );
            return;
        }
        const pitrOn = pitr === true || (enterprisePlus && isUnset(pitrRaw));
        if ((config.requirePointInTimeRecovery ?? true) && postgres && !pitrOn)
            report(
                `${label} has no point-in-time recovery (settings.backupConfiguration.pointInTimeRecoveryEnabled is ${heldAs(pitrRaw, "off outside the ENTERPRISE_PLUS edition")}): a bad write can only be undone to the last daily backup.`,
            );
        const minBackups = config.minRetainedBackups ?? 7;
        const retained = asInteger(retainedRaw);
        if (!isUnset(retainedRaw) && (unit === undefined || unit === "COUNT")) {
            if (retained === undefined || retained < minBackups)
                report(
                    `${label} keeps ${retained !== undefined ? retained : shown(retainedRaw)} automated backup(s) (settings.backupConfiguration.backupRetentionSettings.retainedBackups); needs at least ${minBackups}.`,
                );
        }
        const minDays = config.minTransactionLogDays ?? 7;
        const logDays = asInteger(logDaysRaw);
        if (!isUnset(logDaysRaw) && (logDays === undefined || logDays < minDays))
            report(
                `${label} keeps ${logDays !== undefined ? `${logDays} day(s)` : shown(logDaysRaw)} of transaction logs (settings.backupConfiguration.transactionLogRetentionDays); needs at least ${minDays}.`,
            );
    },
});
