import { Aws, asFlag, awsLabel, lowered } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { asNonEmptyString, at } from "../common/read";

export interface RdsEncryptionConfig {
    requireCustomerKey?: boolean;
}

/** RDS and Aurora storage is encrypted at rest. */
export const awsRdsEncryption = resourcePolicy<RdsEncryptionConfig>({
    name: "aws-rds-encryption",
    description:
        "Every RDS/Aurora Cluster and RDS DB Instance sets storageEncrypted: true (the default is false, except for an Aurora Serverless v1 cluster, which is encrypted by default). A read replica (Instance with replicateSourceDb) inherits its source's encryption and is not judged here. With `requireCustomerKey`, kmsKeyId must name the key (a customer-managed key) rather than leave RDS its AWS-managed aws/rds key.",
    remediationSteps:
        "Set storageEncrypted: true (and kmsKeyId to the service's KMS key). Encryption cannot be turned on in place: restore an encrypted copy from a snapshot.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireCustomerKey: {
                type: "boolean",
                default: false,
                description: "Demand a kmsKeyId (a customer-managed KMS key) besides storageEncrypted.",
            },
        },
    },
    types: [Aws.RdsCluster, Aws.RdsInstance],
    validate: (props, args, config, report) => {
        if (args.type === Aws.RdsInstance && asNonEmptyString(at(props, "replicateSourceDb"))) return;
        const label = awsLabel(args.type, args.name);
        const encrypted = asFlag(at(props, "storageEncrypted"));
        if (encrypted === true) {
            if ((config.requireCustomerKey ?? false) && !asNonEmptyString(at(props, "kmsKeyId")))
                report(
                    `${label} is encrypted with the AWS-managed key (no kmsKeyId); this stack demands its own KMS key.`,
                );
            return;
        }
        if (
            encrypted === undefined &&
            args.type === Aws.RdsCluster &&
            lowered(at(props, "engineMode")) === "serverless"
        )
            return;
        report(`${label} stores its data unencrypted (storageEncrypted is not true).`);
    },
});
