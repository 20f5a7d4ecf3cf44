import { Backend } from "../backend";
import { awsObjectStorage } from "./object-storage";
import { awsPostgres } from "./postgres";
import { awsRabbitMQ } from "./rabbitmq";
import { awsRedis } from "./redis";

/** Data services on AWS, each on its managed service: Aurora/RDS, ElastiCache, Amazon MQ, S3. */
export const awsBackend: Backend = {
    postgres: awsPostgres,
    redis: awsRedis,
    rabbitmq: awsRabbitMQ,
    objectStorage: awsObjectStorage,
};
