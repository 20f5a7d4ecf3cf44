import * as ha from "pulumi-ha";

// The same app on GCP: a VPC with private services access and a regional GKE cluster over three
// zones, the app on GKE, Cloud SQL for PostgreSQL (REGIONAL, 2 read replicas), Memorystore for
// Valkey, RabbitMQ on its operator on GKE, and a bucket the app reaches through Workload Identity
// (and S3-compatibly, with an HMAC key). Every data service has a private IP only; the app's
// settings are also kept in Secret Manager.
const shop = new ha.Platform("shop", {
    target: ha.Target.Gcp,
    gcp: {
        region: "europe-west1",
        project: "shop-prod-1",
        // Zone names and the project number given: a preview makes no GCP call.
        network: { availabilityZones: ["europe-west1-b", "europe-west1-c", "europe-west1-d"] },
        cluster: { gcp: { projectNumber: "123456789012", machineType: "e2-standard-4" } },
    },
    kubernetes: { namespace: "shop" }, // created on the new cluster
    app: { image: "ghcr.io/acme/shop:2.3.1", autoscaling: { minReplicas: 3, maxReplicas: 20 } },
    postgres: {}, // Cloud SQL for PostgreSQL 17, REGIONAL, PITR, a read replica in each other zone
    // 3 shards x 1 replica; clients authenticate with IAM tokens (gcp.authorization says how).
    redis: { mode: ha.RedisMode.Cluster, engine: ha.RedisEngine.Valkey },
    rabbitmq: {}, // the RabbitMQ Cluster Operator on GKE: 3 nodes, quorum queues
    objectStorage: { bucket: "shop-files-example-europe-west1" }, // bucket names are global: pick yours
});

export const kubeconfig = shop.kubeconfig;
export const secretName = shop.gcpSecretName;
