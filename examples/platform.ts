import * as ha from "pulumi-ha";

// An app and its services, each on a maintained operator (installed too), wired into one
// Secret that every replica reads through secretKeyRef: DATABASE_URL, REDIS_URL, AMQP_URL,
// S3_*, plus a generated JWT_SECRET and ENCRYPTION_KEY.
const shop = new ha.Platform("shop", {
    kubernetes: { namespace: "shop" },
    app: { image: "ghcr.io/acme/shop:2.3.1", autoscaling: { minReplicas: 3, maxReplicas: 20 } },
    postgres: { storageGiB: 50 }, // 3 instances over 3 zones, sync replication, PITR into the bucket
    redis: { mode: ha.RedisMode.Cluster }, // 3 masters + 3 replicas
    rabbitmq: {}, // 3 nodes, quorum queues by default
    objectStorage: {
        bucket: "shop-files",
        kubernetes: {
            mode: ha.ObjectStorageMode.External,
            external: { endpoint: "https://minio.example.com", credentialsSecretName: "minio-keys" },
        },
    },
});

export const url = shop.url;
export const database = shop.databaseWriterEndpoint;
