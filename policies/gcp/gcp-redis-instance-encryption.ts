import { asFlag } from "../common/aws-types";
import { Gcp, gcpLabel, heldAs, upper } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface RedisInstanceEncryptionConfig {
    requireAuth?: boolean;
}

/** A Memorystore for Redis instance serves its clients over TLS. */
export const gcpRedisInstanceEncryption = resourcePolicy<RedisInstanceEncryptionConfig>({
    name: "gcp-redis-instance-encryption",
    description:
        "Every Memorystore for Redis Instance (gcp.redis.Instance) sets transitEncryptionMode SERVER_AUTHENTICATION, so clients connect over TLS (the default is DISABLED: plain text inside the VPC). With `requireAuth`, authEnabled is true as well (Redis AUTH; the default is off).",
    remediationSteps:
        'Set transitEncryptionMode: "SERVER_AUTHENTICATION" (clients trust the instance\'s serverCaCerts) and authEnabled: true (clients send the authString).',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireAuth: {
                type: "boolean",
                default: false,
                description: "Demand Redis AUTH (authEnabled: true).",
            },
        },
    },
    types: [Gcp.RedisInstance],
    validate: (props, args, config, report) => {
        const modeRaw = at(props, "transitEncryptionMode");
        const auth = asFlag(at(props, "authEnabled"));
        const label = gcpLabel(args.type, args.name);
        if (upper(modeRaw) !== "SERVER_AUTHENTICATION")
            report(
                `${label} serves clients without TLS (transitEncryptionMode is ${heldAs(modeRaw, "the default is DISABLED")}); needs SERVER_AUTHENTICATION.`,
            );
        if ((config.requireAuth ?? false) && auth !== true)
            report(`${label} admits clients without a password (authEnabled is not true).`);
    },
});
