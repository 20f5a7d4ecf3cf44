import { RabbitMQClusterArgs, RabbitMQOutputs } from "../../core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "../../core/rabbitmq-resolve";
import { ServiceBackend } from "../backend";
import { kubernetesBackend } from "../kubernetes";

/**
 * RabbitMQCluster on GCP: Google offers no managed RabbitMQ, so the RabbitMQ Cluster Operator runs
 * it on the GKE cluster, exactly as on target kubernetes (its `kubernetes` arguments apply). The
 * Kubernetes objects reach GKE through the component's Kubernetes provider (a Platform hands down
 * its cluster's), and GKE spreads the nodes over the cluster's zones.
 */
export const gcpRabbitMQ: ServiceBackend<RabbitMQClusterArgs, ResolvedRabbitMQ, RabbitMQOutputs> = {
    plan: (check, args, resolved) => kubernetesBackend.rabbitmq.plan(check, args, resolved),
};
