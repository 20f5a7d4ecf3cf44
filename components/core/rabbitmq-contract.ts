import * as pulumi from "@pulumi/pulumi";
import { KubernetesPlacementArgs, ServiceCommonArgs, ServiceCredentials } from "./services-common";

/** Kubernetes (RabbitMQ Cluster Operator) specifics. */
export interface RabbitMQKubernetesArgs extends KubernetesPlacementArgs {
    /** Image. Default "rabbitmq:<version>-management". */
    image?: string;
}

/**
 * Arguments of {@link RabbitMQCluster}: one contract for the RabbitMQ Cluster Operator and
 * Amazon MQ (CLUSTER_MULTI_AZ).
 */
export interface RabbitMQClusterArgs extends ServiceCommonArgs {
    /** Nodes. Default 3 in production, 1 in development; odd in production (quorum). */
    nodes?: number;
    /** RabbitMQ version. Default "4.1.4". */
    version?: string;
    /** Make quorum queues the default queue type. Default true. */
    quorumQueuesByDefault?: boolean;
    /** Volume size per node. Default "10Gi". */
    storageSize?: string;
    /** Kubernetes specifics. */
    kubernetes?: RabbitMQKubernetesArgs;
}

export interface RabbitMQOutputs {
    /** AMQP host. */
    amqpEndpoint: pulumi.Output<string>;
    /** http://host:15672 of the management UI/API. */
    managementEndpoint: pulumi.Output<string>;
    port: pulumi.Output<number>;
    /** `{ username, password }`, a Pulumi secret. */
    credentials: pulumi.Output<ServiceCredentials>;
    /** amqp://user:password@host:5672/, a Pulumi secret. */
    url: pulumi.Output<string>;
}
