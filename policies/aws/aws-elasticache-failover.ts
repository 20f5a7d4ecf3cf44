import { Aws, asFlag, asInteger, awsLabel, lowered } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface ElastiCacheFailoverConfig {
    minNodesPerShard?: number;
}

/**
 * A Redis/Valkey replication group promotes a replica in another Availability Zone when
 * its primary fails: automatic failover and Multi-AZ on, and a replica to promote.
 */
export const awsElastiCacheFailover = resourcePolicy<ElastiCacheFailoverConfig>({
    name: "aws-elasticache-failover",
    description:
        "Every ElastiCache ReplicationGroup sets automaticFailoverEnabled and multiAzEnabled (both default false) and runs at least `minNodesPerShard` nodes per shard: numCacheClusters (cluster mode disabled, default 1), or 1 + replicasPerNodeGroup (cluster mode, with numNodeGroups).",
    remediationSteps:
        "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters ≥ 2 (or replicasPerNodeGroup ≥ 1 with numNodeGroups), with preferredCacheClusterAzs in distinct zones.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minNodesPerShard: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest nodes (primary + replicas) in each shard.",
            },
        },
    },
    types: [Aws.ElastiCacheReplicationGroup],
    validate: (props, args, config, report) => {
        const label = awsLabel(args.type, args.name);
        if (asFlag(at(props, "automaticFailoverEnabled")) !== true)
            report(`${label} does not fail over by itself (automaticFailoverEnabled is not true).`);
        if (asFlag(at(props, "multiAzEnabled")) !== true)
            report(`${label} is not Multi-AZ (multiAzEnabled is not true): its replicas may share the primary's zone.`);
        const min = config.minNodesPerShard ?? 2;
        const replicas = at(props, "replicasPerNodeGroup");
        const sharded =
            (replicas !== undefined && replicas !== null) ||
            at(props, "numNodeGroups") !== undefined ||
            lowered(at(props, "clusterMode")) === "enabled";
        if (sharded) {
            // Cluster mode: each shard runs a primary and replicasPerNodeGroup replicas (default 0).
            const nodes = 1 + (asInteger(replicas) ?? 0);
            if (nodes < min)
                report(
                    `${label} runs ${nodes} node(s) per shard (replicasPerNodeGroup ${asInteger(replicas) ?? 0}); needs at least ${min}.`,
                );
            return;
        }
        const nodes = asInteger(at(props, "numCacheClusters")) ?? 1;
        if (nodes < min) report(`${label} runs ${nodes} node(s) (numCacheClusters); needs at least ${min}.`);
    },
});
