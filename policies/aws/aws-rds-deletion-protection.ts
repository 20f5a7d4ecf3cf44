import { Aws, asFlag, awsLabel } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface RdsDeletionProtectionConfig {
    requireFinalSnapshot?: boolean;
}

/** A database cannot be deleted by a mistaken destroy or replacement. */
export const awsRdsDeletionProtection = resourcePolicy<RdsDeletionProtectionConfig>({
    name: "aws-rds-deletion-protection",
    description:
        "Every RDS/Aurora Cluster and RDS DB Instance sets deletionProtection: true (the default is false), so neither a mistaken `pulumi destroy` nor a replacement deletes the database. With `requireFinalSnapshot`, skipFinalSnapshot must not be true either, so a deletion that does happen leaves a snapshot. Advisory: a development stack is meant to be destroyed.",
    remediationSteps:
        "Set deletionProtection: true on production databases (and keep the resource option protect: true); turn it off deliberately before a planned deletion. Leave skipFinalSnapshot false, with a finalSnapshotIdentifier.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requireFinalSnapshot: {
                type: "boolean",
                default: true,
                description: "Also demand a final snapshot on deletion (skipFinalSnapshot not true).",
            },
        },
    },
    types: [Aws.RdsCluster, Aws.RdsInstance],
    validate: (props, args, config, report) => {
        const label = awsLabel(args.type, args.name);
        if (asFlag(at(props, "deletionProtection")) !== true)
            report(`${label} can be deleted (deletionProtection is not true).`);
        if ((config.requireFinalSnapshot ?? true) && asFlag(at(props, "skipFinalSnapshot")) === true)
            report(`${label} leaves no snapshot when it is deleted (skipFinalSnapshot is true).`);
    },
});
