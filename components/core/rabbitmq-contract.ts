import * as pulumi from "@pulumi/pulumi";
import { RabbitMQAwsArgs } from "./rabbitmq-aws-contract";
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
    /** Nodes, 1–9; odd and ≥ 3 in production (quorum queues need a majority). Default 3 in production, 1 in development. */
    nodes?: number;
    /** RabbitMQ version, a full release (the image is pinned to it). Default "4.2.6" (the operator's own default). CPU and memory: `kubernetes.resources` (default 1 / 2Gi requests, 2 / 2Gi limits in production, the operator's defaults). */
    version?: string;
    /** Make quorum queues the default queue type. Default true. */
    quorumQueuesByDefault?: boolean;
    /** Storage per node in GiB, 1–65536 (Kubernetes volumes; managed targets size their own). Default 10. */
    storageGiB?: number;
    /**
     * Encrypt AMQP and management traffic (plain listeners off) with TLS. Default: true in production. On Kubernetes a private
     * CA and a server certificate are generated with @pulumi/tls (renewed by the first
     * `pulumi up` within 30 days of expiry); clients trust `caCertificate`.
     */
    tls?: boolean;
    /** Kubernetes specifics. */
    kubernetes?: RabbitMQKubernetesArgs;
    /** AWS specifics (target aws). */
    aws?: RabbitMQAwsArgs;
}

export interface RabbitMQOutputs {
    /** AMQP host. */
    amqpEndpoint: pulumi.Output<string>;
    /** http://host:15672 (https://host:15671 with TLS) of the management UI/API. */
    managementEndpoint: pulumi.Output<string>;
    port: pulumi.Output<number>;
    /** `{ username, password }`, a Pulumi secret. */
    credentials: pulumi.Output<ServiceCredentials>;
    /** amqp://user:password@host:5672/ (amqps://…:5671/ with TLS), a Pulumi secret. */
    url: pulumi.Output<string>;
    /** PEM of the CA clients must trust, when TLS is on. */
    caCertificate?: pulumi.Output<string>;
}
