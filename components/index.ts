/**
 * pulumi-ha: highly available application stacks on AWS, GCP and Kubernetes.
 * Every component registers as `pulumi-ha:index:<Class>`.
 */
export { AppTier } from "./app-tier";
export * from "./core/app-tier-contract";
export { SharedSecret } from "./shared-secret";
export type { SharedSecretArgs, GeneratedSecretArgs, SharedSecretKubernetesArgs } from "./shared-secret";
export { PostgresCluster } from "./postgres-cluster";
export type {
    PostgresClusterArgs,
    PostgresOutputs,
    PostgresBackupArgs,
    PostgresPoolerArgs,
    PostgresKubernetesArgs,
    PostgresKubernetesBackupArgs,
    BackupDestinationArgs,
} from "./core/postgres-contract";
export { RedisCluster } from "./redis-cluster";
export type { RedisClusterArgs, RedisOutputs, RedisKubernetesArgs } from "./core/redis-contract";
export { RabbitMQCluster } from "./rabbitmq-cluster";
export type { RabbitMQClusterArgs, RabbitMQOutputs, RabbitMQKubernetesArgs } from "./core/rabbitmq-contract";
export { ObjectStorage } from "./object-storage";
export type {
    ObjectStorageArgs,
    ObjectStorageOutputs,
    ObjectStorageKubernetesArgs,
    ExternalS3Args,
} from "./core/object-storage-contract";
export type { ServiceCommonArgs, KubernetesPlacementArgs, ServiceCredentials } from "./core/services-common";
export type { AwsPlacementArgs } from "./core/aws-placement";
export { AwsPostgresDeployment, AwsPostgresStorageType } from "./core/postgres-aws-contract";
export type { PostgresAwsArgs } from "./core/postgres-aws-contract";
export { CloudSqlEdition, CloudSqlSslMode } from "./core/postgres-gcp-contract";
export type { PostgresGcpArgs } from "./core/postgres-gcp-contract";
export type { RedisAwsArgs } from "./core/redis-aws-contract";
export {
    GcpMemorystoreNodeType,
    GcpRdbSnapshotPeriod,
    GcpRedisAuthorization,
    GcpWeekday,
} from "./core/redis-gcp-contract";
export type { RedisGcpArgs } from "./core/redis-gcp-contract";
export type { RabbitMQAwsArgs } from "./core/rabbitmq-aws-contract";
export type { ObjectStorageAwsArgs, ObjectStoragePodIdentityArgs } from "./core/object-storage-aws-contract";
export type { SharedSecretAwsArgs } from "./core/shared-secret-aws-contract";
export type { SharedSecretGcpArgs } from "./core/shared-secret-gcp-contract";
export type { ObjectStorageGcpArgs, ObjectStorageGcpWorkloadIdentityArgs } from "./core/object-storage-gcp-contract";
export { KubernetesOperators } from "./kubernetes-operators";
export type { KubernetesOperatorsArgs } from "./kubernetes-operators";
export { Platform, platformEnv } from "./platform";
export type { PlatformArgs, PlatformKubernetesArgs } from "./platform";
export type { PlatformAwsArgs, PlatformNetworkArgs, PlatformClusterArgs } from "./core/platform-aws-contract";
export {
    Profile,
    SecretEncoding,
    Target,
    RedisMode,
    RedisEngine,
    RedisEvictionPolicy,
    PgBouncerPoolMode,
    ObjectStorageMode,
} from "./core/enums";
export type { ResourcesArgs } from "./core/resources";
export { InvalidArgumentsError } from "./core/arg-checker";
export { Network } from "./network";
export { NatGateways } from "./core/network-contract";
export type {
    NetworkArgs,
    NetworkAwsArgs,
    NetworkFlowLogsArgs,
    ExistingNetworkArgs,
    NetworkOutputs,
} from "./core/network-contract";
export type { NetworkGcpArgs, ExistingGcpNetworkArgs } from "./core/network-gcp-contract";
export { KubernetesCluster } from "./kubernetes-cluster";
export type {
    KubernetesClusterArgs,
    KubernetesClusterAwsArgs,
    KubernetesNodesArgs,
    ExistingKubernetesClusterArgs,
    KubernetesClusterOutputs,
} from "./core/kubernetes-cluster-contract";
export { GkeReleaseChannel } from "./core/kubernetes-cluster-gcp-contract";
export type {
    KubernetesClusterGcpArgs,
    GkeMaintenanceWindowArgs,
    GkeRecurringWindowArgs,
    ExistingGkeClusterArgs,
} from "./core/kubernetes-cluster-gcp-contract";
