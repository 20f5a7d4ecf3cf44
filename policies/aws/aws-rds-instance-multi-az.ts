import { Aws, asFlag, awsLabel } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { asNonEmptyString, at } from "../common/read";

export interface RdsInstanceMultiAzConfig {
    judgeReadReplicas?: boolean;
}

/** A plain RDS DB instance keeps a synchronous standby in another Availability Zone. */
export const awsRdsInstanceMultiAz = resourcePolicy<RdsInstanceMultiAzConfig>({
    name: "aws-rds-instance-multi-az",
    description:
        "Every RDS DB Instance (aws.rds.Instance) sets multiAz: true, so RDS keeps a synchronous standby in another Availability Zone and fails over to it (the default is a single instance in one zone). Read replicas (replicateSourceDb) too, unless `judgeReadReplicas` is false.",
    remediationSteps:
        "Set multiAz: true on the aws.rds.Instance, or use an Aurora cluster with readers in other zones (aws-rds-cluster-ha).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            judgeReadReplicas: {
                type: "boolean",
                default: true,
                description: "Demand multiAz of read replicas (replicateSourceDb) as well.",
            },
        },
    },
    types: [Aws.RdsInstance],
    validate: (props, args, config, report) => {
        if (!(config.judgeReadReplicas ?? true) && asNonEmptyString(at(props, "replicateSourceDb"))) return;
        if (asFlag(at(props, "multiAz")) === true) return;
        report(
            `${awsLabel(args.type, args.name)} runs in one Availability Zone (multiAz is not true): losing that zone loses the database.`,
        );
    },
});
