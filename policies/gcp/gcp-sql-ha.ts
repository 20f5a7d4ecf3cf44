import { Gcp, gcpLabel, heldAs, isSqlReplica, upper } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface SqlHaConfig {
    judgeReadReplicas?: boolean;
}

/** A Cloud SQL instance keeps a synchronous standby in another zone of its region. */
export const gcpSqlHa = resourcePolicy<SqlHaConfig>({
    name: "gcp-sql-ha",
    description:
        "Every Cloud SQL DatabaseInstance sets settings.availabilityType REGIONAL, so Cloud SQL keeps a synchronous standby in another zone of the region and fails over to it (the default is ZONAL: one zone). Read replicas and read pools (masterInstanceName set, or instanceType READ_REPLICA_INSTANCE / READ_POOL_INSTANCE) follow their primary and are not judged, unless `judgeReadReplicas`.",
    remediationSteps:
        'Set settings.availabilityType: "REGIONAL" on the gcp.sql.DatabaseInstance (with settings.backupConfiguration.enabled and, for Postgres, pointInTimeRecoveryEnabled, which REGIONAL needs).',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            judgeReadReplicas: {
                type: "boolean",
                default: false,
                description: "Demand REGIONAL of read replicas as well (only some editions allow a regional replica).",
            },
        },
    },
    types: [Gcp.SqlDatabaseInstance],
    validate: (props, args, config, report) => {
        if (!(config.judgeReadReplicas ?? false) && isSqlReplica(props)) return;
        const raw = at(props, "settings", "availabilityType");
        if (upper(raw) === "REGIONAL") return;
        const held = heldAs(raw, "the default is ZONAL");
        report(
            `${gcpLabel(args.type, args.name)} runs in one zone (settings.availabilityType is ${held}): losing that zone loses the database; needs REGIONAL.`,
        );
    },
});
