import { Gcp, gcpLabel, heldAs, upper } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface RedisInstanceHaConfig {
    requireReadReplicas?: boolean;
}

/** A Memorystore for Redis instance has a replica in another zone to fail over to. */
export const gcpRedisInstanceHa = resourcePolicy<RedisInstanceHaConfig>({
    name: "gcp-redis-instance-ha",
    description:
        "Every Memorystore for Redis Instance (gcp.redis.Instance) uses tier STANDARD_HA: a primary and a replica in another zone, with automatic failover (the default tier BASIC is one node, which loses its data and its endpoint when it fails). With `requireReadReplicas`, readReplicasMode is READ_REPLICAS_ENABLED as well.",
    remediationSteps:
        'Set tier: "STANDARD_HA" (and alternativeLocationId in another zone); for read scaling readReplicasMode: "READ_REPLICAS_ENABLED" with replicaCount 1-5. Memorystore cluster mode (gcp.redis.Cluster) is judged by gcp-memorystore-cluster-replicas.',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireReadReplicas: {
                type: "boolean",
                default: false,
                description: "Demand readReplicasMode READ_REPLICAS_ENABLED.",
            },
        },
    },
    types: [Gcp.RedisInstance],
    validate: (props, args, config, report) => {
        const tierRaw = at(props, "tier");
        const modeRaw = at(props, "readReplicasMode");
        const label = gcpLabel(args.type, args.name);
        if (upper(tierRaw) !== "STANDARD_HA") {
            report(
                `${label} has no replica to fail over to (tier is ${heldAs(tierRaw, "the default is BASIC")}); needs STANDARD_HA.`,
            );
            return;
        }
        if ((config.requireReadReplicas ?? false) && upper(modeRaw) !== "READ_REPLICAS_ENABLED")
            report(
                `${label} serves no reads from replicas (readReplicasMode is ${heldAs(modeRaw, "the default is READ_REPLICAS_DISABLED")}); this stack demands READ_REPLICAS_ENABLED.`,
            );
    },
});
