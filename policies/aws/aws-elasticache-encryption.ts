import { Aws, asFlag, awsLabel, lowered } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface ElastiCacheEncryptionConfig {
    allowPreferredTransit?: boolean;
}

/** ElastiCache encrypts data at rest and every client connection. */
export const awsElastiCacheEncryption = resourcePolicy<ElastiCacheEncryptionConfig>({
    name: "aws-elasticache-encryption",
    description:
        'Every ElastiCache ReplicationGroup sets atRestEncryptionEnabled (default false for engine redis, true for valkey) and transitEncryptionEnabled: true, without transitEncryptionMode `preferred` (which still admits clients in plain text) unless `allowPreferredTransit`. Booleans given as the strings "true"/"false" are read as such.',
    remediationSteps:
        "Set atRestEncryptionEnabled: true (with kmsKeyId), transitEncryptionEnabled: true and leave transitEncryptionMode unset or `required`; clients connect with TLS.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowPreferredTransit: {
                type: "boolean",
                default: false,
                description:
                    "Accept transitEncryptionMode preferred (TLS and plain text side by side, while clients migrate).",
            },
        },
    },
    types: [Aws.ElastiCacheReplicationGroup],
    validate: (props, args, config, report) => {
        const label = awsLabel(args.type, args.name);
        const atRest = at(props, "atRestEncryptionEnabled");
        // Left unset, a valkey group is encrypted at rest by default.
        const valkeyDefault = (atRest === undefined || atRest === null) && lowered(at(props, "engine")) === "valkey";
        if (asFlag(atRest) !== true && !valkeyDefault)
            report(`${label} stores data unencrypted (atRestEncryptionEnabled is not true).`);
        if (asFlag(at(props, "transitEncryptionEnabled")) !== true)
            report(`${label} serves clients without TLS (transitEncryptionEnabled is not true).`);
        else if (
            !(config.allowPreferredTransit ?? false) &&
            lowered(at(props, "transitEncryptionMode")) === "preferred"
        )
            report(`${label} still admits plain-text clients (transitEncryptionMode is preferred, not required).`);
    },
});
