/**
 * What this package knows Memorystore accepts, checked November 2026 against pulumi-gcp 9.37's type
 * documentation (redis/instance, redis/cluster, memorystore/instance,
 * networkconnectivity/serviceConnectionPolicy) and Google's Memorystore documentation ("Supported
 * versions", "Read replicas", "Quotas and limits", "Cluster and node specification", the API's
 * CreateInstance/CreateCluster id rules). Re-check before changing.
 */

/** Memorystore for Redis instance (`gcp.redis.Instance`). */
export const redisInstanceValues = {
    tierHa: "STANDARD_HA",
    tierBasic: "BASIC",
    readReplicasEnabled: "READ_REPLICAS_ENABLED",
    connectMode: "PRIVATE_SERVICE_ACCESS",
    transitEncryption: "SERVER_AUTHENTICATION",
    transitDisabled: "DISABLED",
    persistenceRdb: "RDB",
    persistenceDisabled: "DISABLED",
} as const;

/** Redis versions of an instance (major.minor → the API's enum); 7.2 is the newest Memorystore for Redis offers. */
export const redisInstanceVersions: Record<string, string> = { "7.0": "REDIS_7_0", "7.2": "REDIS_7_2" };
export const redisInstanceDefaultVersion = "7.2";

/** Read replicas: 1–5 per instance, only on nodes of at least 5 GB ("Read replicas": caveats). */
export const readReplicasMax = 5;
export const readReplicasMinMemoryGb = 5;
/** Instance capacity in GB. */
export const instanceMemoryGb = { min: 1, max: 300 } as const;
/** An instance id: 1–40 lowercase letters, digits and '-', a letter first, no '-' last. */
export const instanceNameMax = 40;

/** Memorystore for Redis Cluster (`gcp.redis.Cluster`). */
export const redisClusterValues = {
    serviceClass: "gcp-memorystore-redis",
    transitEncryption: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
    transitDisabled: "TRANSIT_ENCRYPTION_MODE_DISABLED",
    authIam: "AUTH_MODE_IAM_AUTH",
    authDisabled: "AUTH_MODE_DISABLED",
    persistenceAof: "AOF",
    persistenceDisabled: "DISABLED",
    appendFsync: "EVERYSEC",
    nodeTypePrefix: "REDIS_",
} as const;
/** Redis Cluster runs open-source Redis 7.x (up to 7.2); the API takes no version. */
export const redisClusterMajor = "7";
/** A cluster id: 1–63 lowercase letters, digits and '-', a letter first, no '-' last. */
export const clusterNameMax = 63;

/** Memorystore for Valkey (`gcp.memorystore.Instance`). */
export const valkeyValues = {
    serviceClass: "gcp-memorystore",
    mode: "CLUSTER",
    transitEncryption: "SERVER_AUTHENTICATION",
    transitDisabled: "TRANSIT_ENCRYPTION_DISABLED",
    authIam: "IAM_AUTH",
    authDisabled: "AUTH_DISABLED",
    persistenceAof: "AOF",
    persistenceDisabled: "DISABLED",
    // Valkey spells the fsync modes differently from Redis Cluster (EVERYSEC there).
    appendFsync: "EVERY_SEC",
} as const;
/** Valkey versions (major.minor → the API's enum). */
export const valkeyVersions: Record<string, string> = { "7.2": "VALKEY_7_2", "8.0": "VALKEY_8_0", "9.0": "VALKEY_9_0" };
export const valkeyDefaultVersion = "8.0";
/** A Valkey instance id: 4–63 lowercase letters, digits and '-', no '-' last (this package starts it with a letter). */
export const valkeyNameMax = 63;

/** Both clusters: spread every shard's nodes over the region's zones. */
export const multiZone = "MULTI_ZONE";
/**
 * Replicas per shard. Google's overview pages (2025) say 0–2; its newest says up to 5: this package
 * allows 2 until 3–5 is confirmed in the API reference.
 */
export const clusterReplicasMax = 2;
/** Usage units of one cluster: shards × (1 + replicas per shard) ≤ 250 ("Quotas and limits"). */
export const clusterUnitsMax = 250;
/** Automated backups are kept 1–365 days. */
export const backupRetentionMax = 365;
/** The hour (UTC) automated backups start. */
export const backupStartHour = 2;
