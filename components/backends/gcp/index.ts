import { Backend } from "../backend";
import { gcpObjectStorage } from "./object-storage";
import { gcpPostgres } from "./postgres";
import { gcpRabbitMQ } from "./rabbitmq";
import { gcpRedis } from "./redis";

/** Data services on GCP: Cloud SQL, Memorystore and Cloud Storage; RabbitMQ on GKE through the Kubernetes backend. */
export const gcpBackend: Backend = {
    postgres: gcpPostgres,
    redis: gcpRedis,
    rabbitmq: gcpRabbitMQ,
    objectStorage: gcpObjectStorage,
};
