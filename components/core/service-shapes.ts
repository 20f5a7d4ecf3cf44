import { ObjectShape, ShapeFields, boolean, input, int, object, oneOf, required, string } from "./arg-shape";
import {
    ObjectStorageMode,
    PgBouncerPoolMode,
    Profile,
    RedisEngine,
    RedisEvictionPolicy,
    RedisMode,
    Target,
} from "./enums";
import { ExternalS3Args, ObjectStorageArgs, ObjectStorageKubernetesArgs } from "./object-storage-contract";
import {
    BackupDestinationArgs,
    PostgresBackupArgs,
    PostgresClusterArgs,
    PostgresKubernetesArgs,
    PostgresKubernetesBackupArgs,
    PostgresPoolerArgs,
} from "./postgres-contract";
import { RabbitMQClusterArgs, RabbitMQKubernetesArgs } from "./rabbitmq-contract";
import { RedisClusterArgs, RedisKubernetesArgs } from "./redis-contract";
import { ResourcesArgs } from "./resources";
import { postgresAwsShape } from "./postgres-aws-contract";
import { postgresGcpShape } from "./postgres-gcp-contract";
import { redisAwsShape } from "./redis-aws-contract";
import { redisGcpShape } from "./redis-gcp-contract";
import { rabbitmqAwsShape } from "./rabbitmq-aws-contract";
import { objectStorageAwsShape } from "./object-storage-aws-contract";
import { objectStorageGcpShape } from "./object-storage-gcp-contract";
import { KubernetesPlacementArgs, ServiceCommonArgs } from "./services-common";

// The declared shape of each data service's arguments (see arg-shape.ts). Ranges and rules
// between arguments are the resolvers'; these say only what type each key holds.

export const resourcesShape = object<ResourcesArgs>("ResourcesArgs", {
    cpuRequest: string(),
    memoryRequest: string(),
    cpuLimit: string(),
    memoryLimit: string(),
});

export const serviceCommonFields: ShapeFields<ServiceCommonArgs> = {
    target: oneOf(Target),
    profile: oneOf(Profile),
    deletionProtection: boolean(),
};

export const placementFields: ShapeFields<KubernetesPlacementArgs> = {
    namespace: input(string()),
    storageClass: string(),
    partOf: string(),
    resources: resourcesShape,
    networkPolicy: boolean(),
    operatorNamespace: string(),
};

export const postgresShape: ObjectShape<PostgresClusterArgs> = object<PostgresClusterArgs>("PostgresClusterArgs", {
    ...serviceCommonFields,
    aws: postgresAwsShape,
    gcp: postgresGcpShape,
    kubernetes: object<PostgresKubernetesArgs>("PostgresKubernetesArgs", {
        ...placementFields,
        image: string(),
        poolerResources: resourcesShape,
        backup: object<PostgresKubernetesBackupArgs>("PostgresKubernetesBackupArgs", {
            schedule: string(),
            inClusterReason: string(),
            destination: object<BackupDestinationArgs>("BackupDestinationArgs", {
                bucket: required(input(string())),
                path: string(),
                endpoint: input(string()),
                credentialsSecretName: required(input(string())),
                accessKeyIdKey: string(),
                secretAccessKeyKey: string(),
            }),
        }),
    }),
    version: string(),
    instances: int(),
    syncReplication: boolean(),
    storageGiB: int(),
    database: string(),
    owner: string(),
    backup: object<PostgresBackupArgs>("PostgresBackupArgs", {
        enabled: boolean(),
        retentionDays: int(),
        pointInTimeRecovery: boolean(),
    }),
    pooler: object<PostgresPoolerArgs>("PostgresPoolerArgs", {
        enabled: boolean(),
        instances: int(),
        poolMode: oneOf(PgBouncerPoolMode),
    }),
});

export const redisShape: ObjectShape<RedisClusterArgs> = object<RedisClusterArgs>("RedisClusterArgs", {
    ...serviceCommonFields,
    aws: redisAwsShape,
    gcp: redisGcpShape,
    kubernetes: object<RedisKubernetesArgs>("RedisKubernetesArgs", {
        ...placementFields,
        image: string(),
        sentinelImage: string(),
        sentinelResources: resourcesShape,
        sentinels: int(),
    }),
    mode: oneOf(RedisMode),
    engine: oneOf(RedisEngine),
    version: string(),
    shards: int(),
    replicasPerShard: int(),
    nodes: int(),
    persistence: boolean(),
    evictionPolicy: oneOf(RedisEvictionPolicy),
    storageGiB: int(),
    tls: boolean(),
});

export const rabbitmqShape: ObjectShape<RabbitMQClusterArgs> = object<RabbitMQClusterArgs>("RabbitMQClusterArgs", {
    ...serviceCommonFields,
    aws: rabbitmqAwsShape,
    kubernetes: object<RabbitMQKubernetesArgs>("RabbitMQKubernetesArgs", { ...placementFields, image: string() }),
    nodes: int(),
    version: string(),
    quorumQueuesByDefault: boolean(),
    storageGiB: int(),
    tls: boolean(),
});

export const objectStorageShape: ObjectShape<ObjectStorageArgs> = object<ObjectStorageArgs>("ObjectStorageArgs", {
    ...serviceCommonFields,
    aws: objectStorageAwsShape,
    gcp: objectStorageGcpShape,
    kubernetes: object<ObjectStorageKubernetesArgs>("ObjectStorageKubernetesArgs", {
        ...placementFields,
        rookClusterNamespace: string(),
        gatewayInstances: int(),
        mode: oneOf(ObjectStorageMode),
        replicas: int(),
        external: object<ExternalS3Args>("ExternalS3Args", {
            endpoint: required(string()),
            region: string(),
            credentialsSecretName: string(),
            accessKeyId: input(string()),
            secretAccessKey: input(string()),
            forcePathStyle: boolean(),
        }),
    }),
    bucket: string(),
    versioning: boolean(),
});
