import * as ha from "pulumi-ha";

// The same app on AWS: a VPC over three zones and an EKS cluster with a node group per zone, the
// app on EKS, Aurora PostgreSQL, ElastiCache, Amazon MQ for RabbitMQ and an S3 bucket the app
// reaches through EKS Pod Identity (no keys). Each service sits in the private subnets and admits
// only the cluster's security group; the app's settings are also kept in Secrets Manager.
const shop = new ha.Platform("shop", {
    target: ha.Target.Aws,
    aws: {
        region: "eu-central-1",
        // Zone names given: a preview makes no AWS call.
        network: { availabilityZones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] },
        cluster: { aws: { instanceTypes: ["m7g.large"] } },
    },
    kubernetes: { namespace: "shop" }, // created on the new cluster
    app: { image: "ghcr.io/acme/shop:2.3.1", autoscaling: { minReplicas: 3, maxReplicas: 20 } },
    postgres: {}, // Aurora PostgreSQL 17: a writer and 2 readers, one per zone; backups 14 days
    redis: { mode: ha.RedisMode.Cluster, engine: ha.RedisEngine.Valkey }, // 3 shards x 1 replica
    rabbitmq: {}, // Amazon MQ for RabbitMQ 4.2, CLUSTER_MULTI_AZ (3 nodes)
    objectStorage: { bucket: "shop-files-example-eu-central-1" }, // S3 names are global: pick yours
});

export const kubeconfig = shop.kubeconfig;
export const secretArn = shop.awsSecretArn;
