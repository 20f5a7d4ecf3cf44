import { Aws, asInteger, awsLabel } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { asNonEmptyString, at } from "../common/read";

export interface RdsBackupsConfig {
    minRetentionDays?: number;
}

/** RDS and Aurora keep automated backups (point-in-time recovery) long enough to notice a bad write. */
export const awsRdsBackups = resourcePolicy<RdsBackupsConfig>({
    name: "aws-rds-backups",
    description:
        "Every RDS/Aurora Cluster and RDS DB Instance keeps automated backups for at least `minRetentionDays` days (backupRetentionPeriod; the default is 1 day for a cluster, and 0 or 1 for an instance). A read replica (Instance with replicateSourceDb) relies on its source's backups and is not judged here.",
    remediationSteps:
        "Set backupRetentionPeriod to at least 7 (up to 35), or relax `minRetentionDays` for a development stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minRetentionDays: {
                type: "integer",
                minimum: 1,
                maximum: 35,
                default: 7,
                description: "Fewest days of automated backups.",
            },
        },
    },
    types: [Aws.RdsCluster, Aws.RdsInstance],
    validate: (props, args, config, report) => {
        if (args.type === Aws.RdsInstance && asNonEmptyString(at(props, "replicateSourceDb"))) return;
        const min = config.minRetentionDays ?? 7;
        const raw = at(props, "backupRetentionPeriod");
        const days = asInteger(raw);
        if (days !== undefined && days >= min) return;
        const held =
            days !== undefined
                ? `${days} day(s)`
                : raw === undefined
                  ? "the default (1 day for a cluster, 0 for an instance)"
                  : "no readable period";
        report(
            `${awsLabel(args.type, args.name)} keeps automated backups for ${held} (backupRetentionPeriod); needs at least ${min} days.`,
        );
    },
});
