import { operatorPodCounts } from "../common/data-services";
import { resourcePolicy } from "../common/define";
import { keyOf } from "../common/metadata";
import { at } from "../common/read";
import { crTypes } from "../common/types";

export interface RabbitmqReplicasConfig {
    minReplicas?: number;
}

/** A RabbitmqCluster has an odd number of nodes, at least 3, so quorum queues keep a majority through a node loss. */
export const k8sRabbitmqReplicas = resourcePolicy<RabbitmqReplicasConfig>({
    name: "k8s-rabbitmq-replicas",
    description:
        "RabbitmqClusters run an odd number of nodes, at least `minReplicas`: quorum queues and the cluster need a majority, and an even count adds a node without adding a failure it can survive.",
    remediationSteps:
        "Set RabbitMQCluster `nodes` (RabbitmqCluster spec.replicas; the operator defaults to 1) to 3 or 5.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minReplicas: { type: "integer", minimum: 1, default: 3, description: "Fewest nodes a cluster may run." },
        },
    },
    types: [crTypes.rabbitmqCluster],
    validate: (props, args, config, report) => {
        const min = config.minReplicas ?? 3;
        // A value that is not a count counts as the operator's default.
        const replicas = operatorPodCounts.rabbitmqNodes(at(props, "spec"));
        const key = keyOf(props, args.name);
        if (replicas < min) report(`RabbitmqCluster ${key} runs ${replicas} node(s); needs at least ${min}.`);
        else if (replicas % 2 === 0)
            report(
                `RabbitmqCluster ${key} runs ${replicas} nodes, an even number: use ${replicas - 1} or ${replicas + 1} so a majority survives a partition.`,
            );
    },
});
