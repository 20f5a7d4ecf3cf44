import { ObjectShape, boolean, object, string } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/**
 * AWS (Amazon MQ for RabbitMQ) specifics of {@link RabbitMQClusterArgs}.
 *
 * The broker runs RabbitMQ 4.2 (Amazon MQ takes a major.minor version and manages patches
 * itself), as a CLUSTER_MULTI_AZ deployment — always three nodes behind one endpoint — or, in
 * the development profile with `nodes: 1`, a SINGLE_INSTANCE broker. It serves AMQPS on 5671
 * only (TLS is always on) and is never publicly accessible. At rest it is encrypted with a key
 * AWS owns: Amazon MQ does not apply a customer key to RabbitMQ brokers, so `kmsKeyArn` is
 * refused here.
 */
export interface RabbitMQAwsArgs extends AwsPlacementArgs {
    /**
     * Broker instance type. Default "mq.m7g.large". RabbitMQ 4.x runs on the mq.m7g family only:
     * mq.m7g.medium, large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge or 16xlarge;
     * mq.m7g.medium (for testing, per Amazon MQ's sizing guidance) only in the development profile.
     */
    instanceType?: string;
    /**
     * Name of the broker's one administrative user (Amazon MQ creates exactly one for RabbitMQ; its
     * password is generated). 2–100 letters, digits, '-', '.' and '_'; never "guest". Default
     * "pulumi-ha-admin". Changing it replaces the broker.
     */
    username?: string;
    /**
     * Also admit the client security groups to the RabbitMQ management console and API
     * (HTTPS, port 443). Default false: clients reach AMQPS (5671) only.
     */
    managementFromClients?: boolean;
}

/** The declared types of {@link RabbitMQAwsArgs}. */
export const rabbitmqAwsShape: ObjectShape<RabbitMQAwsArgs> = object<RabbitMQAwsArgs>("RabbitMQAwsArgs", {
    ...awsPlacementFields,
    instanceType: string(),
    username: string(),
    managementFromClients: boolean(),
});
