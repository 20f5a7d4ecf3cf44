import { ObjectShape, object } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/** AWS (ElastiCache replication group) specifics of {@link RedisClusterArgs}. */
export interface RedisAwsArgs extends AwsPlacementArgs {}

/** The declared types of {@link RedisAwsArgs}. */
export const redisAwsShape: ObjectShape<RedisAwsArgs> = object<RedisAwsArgs>("RedisAwsArgs", {
    ...awsPlacementFields,
});
