import * as pulumi from "@pulumi/pulumi";
import { ObjectStorageMode, Platform, RedisEngine, RedisEvictionPolicy, RedisMode, Target } from "../../components";
import { StackConfig } from "../config";
import { stackNamespace } from "./namespace";

/**
 * GOTRS (seed 004) on Kubernetes: the app at 3–20 pods (HPA on CPU 70 % / memory 80 %,
 * session affinity for WebSockets), a 3-instance CloudNativePG cluster with synchronous
 * replication and point-in-time recovery, a 3 + 3 Redis cluster (AOF, allkeys-lru),
 * 3 RabbitMQ nodes with quorum queues, and a Rook Ceph object store for uploads and
 * Postgres backups — every service on its operator, all wired into one Secret.
 *
 * On AWS (`pulumi-ha:target: aws`): a VPC over 3 zones, EKS with a node group per zone, the
 * app on EKS, Aurora PostgreSQL (a writer and 2 readers, one per zone), an ElastiCache cluster
 * (3 shards × 1 replica), an Amazon MQ for RabbitMQ cluster (3 nodes) and an S3 bucket reached
 * through EKS Pod Identity; the settings also in Secrets Manager.
 *
 * On GCP (`pulumi-ha:target: gcp`): a VPC with private services access, a regional GKE cluster,
 * the app on GKE, Cloud SQL for PostgreSQL (REGIONAL, point-in-time recovery, read replicas),
 * Memorystore for Redis Cluster (3 shards × 1 replica), RabbitMQ (3 nodes, quorum queues) on GKE
 * through its operator, and a Cloud Storage bucket reached through Workload Identity; the settings
 * also in Secret Manager.
 */
export function gotrs(cfg: StackConfig): Record<string, pulumi.Output<unknown>> {
    const s = cfg.services;
    const onAws = cfg.target === Target.Aws;
    const onGcp = cfg.target === Target.Gcp;
    const onCloud = onAws || onGcp;
    // On a cloud the namespace goes to the cluster the Platform creates, so the Platform makes it.
    const ns = onCloud ? pulumi.output(cfg.namespace) : stackNamespace("gotrs", cfg.namespace);
    const platform = new Platform("gotrs", {
        target: cfg.target,
        aws: onAws ? { region: providerConfig("aws", "region"), ...cfg.aws } : undefined,
        gcp: onGcp
            ? { region: providerConfig("gcp", "region"), project: providerConfig("gcp", "project"), ...cfg.gcp }
            : undefined,
        profile: cfg.profile,
        kubernetes: { namespace: ns, installOperators: cfg.installOperators },
        app: {
            image: cfg.app.image,
            port: 8080,
            replicas: cfg.app.replicas,
            // The image's numeric user and the paths it writes, and the paths it serves health on: the stack file's.
            security: cfg.app.security,
            probes: cfg.app.probes,
            autoscaling: {
                minReplicas: 3,
                maxReplicas: 20,
                cpuUtilization: 70,
                memoryUtilization: 80,
                ...cfg.app.autoscaling,
            },
            disruptionBudget:
                cfg.app.disruptionBudget === undefined ? undefined : { enabled: cfg.app.disruptionBudget },
            resources: { cpuRequest: "500m", memoryRequest: "512Mi", cpuLimit: "2", memoryLimit: "2Gi" },
            sessionAffinity: true,
            env: { GOTRS_ENV: "production" },
            ingress: cfg.app.host ? { host: cfg.app.host, tlsSecretName: cfg.app.tlsSecretName } : undefined,
        },
        postgres: {
            instances: 3,
            syncReplication: true,
            // Aurora sizes itself; an RDS Multi-AZ DB cluster (aws.deployment) takes its volume type's minimum.
            ...(onAws ? {} : { storageGiB: 50 }),
            database: "gotrs",
            owner: "gotrs",
            ...s.postgres,
            // Backups leave the cluster: the stack names an external https bucket (Pulumi.<stack>.yaml).
            backup: { retentionDays: 14, pointInTimeRecovery: true, ...s.postgres?.backup },
        },
        redis: {
            mode: RedisMode.Cluster,
            engine: RedisEngine.Redis,
            shards: 3,
            replicasPerShard: 1,
            evictionPolicy: RedisEvictionPolicy.AllKeysLru,
            ...s.redis,
        },
        rabbitmq: { nodes: 3, quorumQueuesByDefault: true, ...s.rabbitmq },
        objectStorage: {
            bucket: "gotrs-attachments",
            ...s.objectStorage,
            // Uploads stay in the cluster (Rook) on Kubernetes; on AWS they go to S3, on GCP to GCS.
            kubernetes: onCloud
                ? s.objectStorage?.kubernetes
                : { mode: ObjectStorageMode.InCluster, ...s.objectStorage?.kubernetes },
        },
    });
    return {
        namespace: ns,
        url: platform.url,
        secretName: platform.secretName,
        databaseWriter: platform.databaseWriterEndpoint!,
        databaseReader: platform.databaseReaderEndpoint!,
        redis: platform.redisEndpoint!,
        amqp: platform.amqpEndpoint!,
        bucket: platform.bucket!,
        ...(onCloud ? { cluster: platform.clusterName!, kubeconfig: platform.kubeconfig! } : {}),
        ...(onAws ? { secretArn: platform.awsSecretArn! } : {}),
        ...(onGcp ? { secretManagerSecret: platform.gcpSecretName! } : {}),
    };
}

/** A provider's setting (`aws:region`, `gcp:region`, `gcp:project`), which the Platform's resources and zone names must match. */
function providerConfig(provider: "aws" | "gcp", key: string): string | undefined {
    return new pulumi.Config(provider).get(key);
}
