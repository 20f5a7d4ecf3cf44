/**
 * Resource type tokens the pack judges (policies never import components). Their properties
 * may hold anything: read them with the readers of read.ts, never through a trusted shape.
 */
export const K8s = {
    Deployment: "kubernetes:apps/v1:Deployment",
    StatefulSet: "kubernetes:apps/v1:StatefulSet",
    DaemonSet: "kubernetes:apps/v1:DaemonSet",
    ReplicaSet: "kubernetes:apps/v1:ReplicaSet",
    Job: "kubernetes:batch/v1:Job",
    CronJob: "kubernetes:batch/v1:CronJob",
    Pod: "kubernetes:core/v1:Pod",
    Pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    Hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    ConfigMap: "kubernetes:core/v1:ConfigMap",
    Service: "kubernetes:core/v1:Service",
    NetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
} as const;

/** Resource types of the operators' custom resources, as Pulumi names them. */
export const crTypes = {
    cnpgCluster: "kubernetes:postgresql.cnpg.io/v1:Cluster",
    cnpgScheduledBackup: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
    cnpgPooler: "kubernetes:postgresql.cnpg.io/v1:Pooler",
    barmanObjectStore: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
    rabbitmqCluster: "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster",
    redisStandalone: "kubernetes:redis.redis.opstreelabs.in/v1beta2:Redis",
    redisReplication: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisReplication",
    redisSentinel: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisSentinel",
    redisCluster: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster",
    cephObjectStore: "kubernetes:ceph.rook.io/v1:CephObjectStore",
    cephCluster: "kubernetes:ceph.rook.io/v1:CephCluster",
} as const;

/** Workloads whose pods we count and protect. */
export const workloadTypes: readonly string[] = [K8s.Deployment, K8s.StatefulSet];
