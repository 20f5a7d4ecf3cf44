import { ObjectShape, object } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/** AWS (Amazon MQ for RabbitMQ) specifics of {@link RabbitMQClusterArgs}. */
export interface RabbitMQAwsArgs extends AwsPlacementArgs {}

/** The declared types of {@link RabbitMQAwsArgs}. */
export const rabbitmqAwsShape: ObjectShape<RabbitMQAwsArgs> = object<RabbitMQAwsArgs>("RabbitMQAwsArgs", {
    ...awsPlacementFields,
});
