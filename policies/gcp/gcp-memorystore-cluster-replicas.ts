import { asInteger } from "../common/aws-types";
import { Gcp, gcpLabel, isUnset } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface MemorystoreClusterReplicasConfig {
    minReplicas?: number;
}

/** Every shard of a Memorystore cluster has a replica to fail over to. */
export const gcpMemorystoreClusterReplicas = resourcePolicy<MemorystoreClusterReplicasConfig>({
    name: "gcp-memorystore-cluster-replicas",
    description:
        "Every Memorystore for Redis Cluster (gcp.redis.Cluster) and Memorystore for Valkey Instance (gcp.memorystore.Instance) sets replicaCount to at least `minReplicas` replicas per shard. The default is 0: left unset, a shard has no replica, and losing its node loses the shard's data and its slots.",
    remediationSteps: "Set replicaCount: 1 (or 2) explicitly; never inherit the default of 0.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minReplicas: {
                type: "integer",
                minimum: 1,
                maximum: 5,
                default: 1,
                description: "Fewest replicas per shard.",
            },
        },
    },
    types: [Gcp.RedisCluster, Gcp.MemorystoreInstance],
    validate: (props, args, config, report) => {
        const min = config.minReplicas ?? 1;
        const raw = at(props, "replicaCount");
        const count = asInteger(raw);
        if (count !== undefined && count >= min) return;
        const held = isUnset(raw)
            ? "no replica per shard (replicaCount is unset: the default is 0)"
            : count !== undefined
              ? `${count} replica(s) per shard (replicaCount is ${count})`
              : `no readable replica count (replicaCount is ${shown(raw)})`;
        report(
            `${gcpLabel(args.type, args.name)} has ${held}; needs at least ${min} per shard, so a node's failure loses no shard.`,
        );
    },
});
