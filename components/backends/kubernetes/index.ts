import { Backend } from "../backend";
import { kubernetesObjectStorageBackend } from "./object-storage-plan";
import { kubernetesPostgresBackend } from "./postgres-plan";
import { kubernetesRabbitMQBackend } from "./rabbitmq-plan";
import { kubernetesRedisBackend } from "./redis-plan";

/** Data services on Kubernetes, each on a maintained operator. */
export const kubernetesBackend: Backend = {
    postgres: kubernetesPostgresBackend,
    redis: kubernetesRedisBackend,
    rabbitmq: kubernetesRabbitMQBackend,
    objectStorage: kubernetesObjectStorageBackend,
};
