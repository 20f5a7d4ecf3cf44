import { Backend } from "../backend";
import { kubernetesObjectStorage } from "./object-storage";
import { kubernetesPostgres } from "./postgres";
import { kubernetesRabbitMQ } from "./rabbitmq";
import { kubernetesRedis } from "./redis";

/** Data services on Kubernetes, each on a maintained operator. */
export const kubernetesBackend: Backend = {
    postgres: kubernetesPostgres,
    redis: kubernetesRedis,
    rabbitmq: kubernetesRabbitMQ,
    objectStorage: kubernetesObjectStorage,
};
