/**
 * Modes are `as const` objects (not string-literal unions) so the package can be
 * served to Python, Go, .NET and YAML: Pulumi's schema inference turns them into enums.
 */

/** How much high availability a component defaults to. */
export const Profile = {
    /** ≥ 3 zones, replicas, disruption budgets, autoscaling, strict zone spread. The default. */
    Production: "production",
    /** One replica, no budget, no autoscaler, best-effort spread. Only when asked for. */
    Development: "development",
} as const;
export type Profile = (typeof Profile)[keyof typeof Profile];

/** How a generated secret value is encoded. */
export const SecretEncoding = {
    /** Letters and digits (random.RandomPassword), for passwords and tokens. */
    Password: "password",
    /** Hex string of `length` random bytes (random.RandomBytes), e.g. an AES key. */
    Hex: "hex",
    /** Base64 string of `length` random bytes (random.RandomBytes). */
    Base64: "base64",
} as const;
export type SecretEncoding = (typeof SecretEncoding)[keyof typeof SecretEncoding];

/** Where a service runs. */
export const Target = {
    Kubernetes: "kubernetes",
    Aws: "aws",
    Gcp: "gcp",
} as const;
export type Target = (typeof Target)[keyof typeof Target];

/** The values of an `as const` enum object, for validation messages. */
export function enumValues<T extends Record<string, string>>(e: T): Array<T[keyof T]> {
    return Object.values(e) as Array<T[keyof T]>;
}

/** Redis topology. */
export const RedisMode = {
    /** One primary, replicas, and 3 Sentinels for failover (seed 001). */
    Replicated: "replicated",
    /** Sharded Redis Cluster: masters each with replicas (seed 004: 3 + 3). */
    Cluster: "cluster",
} as const;
export type RedisMode = (typeof RedisMode)[keyof typeof RedisMode];

/** Redis-compatible engine. */
export const RedisEngine = {
    Redis: "redis",
    Valkey: "valkey",
} as const;
export type RedisEngine = (typeof RedisEngine)[keyof typeof RedisEngine];

/** How PgBouncer shares server connections. */
export const PgBouncerPoolMode = {
    /** A server connection per client session: every session feature works. */
    Session: "session",
    /** A server connection per transaction: far more clients per connection; no session state. The default. */
    Transaction: "transaction",
} as const;
export type PgBouncerPoolMode = (typeof PgBouncerPoolMode)[keyof typeof PgBouncerPoolMode];

/** Redis `maxmemory-policy`: what Redis drops when memory is full. */
export const RedisEvictionPolicy = {
    /** Refuse writes (Redis's default): nothing vanishes. */
    NoEviction: "noeviction",
    AllKeysLru: "allkeys-lru",
    AllKeysLfu: "allkeys-lfu",
    AllKeysRandom: "allkeys-random",
    VolatileLru: "volatile-lru",
    VolatileLfu: "volatile-lfu",
    VolatileRandom: "volatile-random",
    VolatileTtl: "volatile-ttl",
} as const;
export type RedisEvictionPolicy = (typeof RedisEvictionPolicy)[keyof typeof RedisEvictionPolicy];

/** Where object storage lives on Kubernetes. */
export const ObjectStorageMode = {
    /** A Rook Ceph object store in the cluster, replicated across zones. */
    InCluster: "in-cluster",
    /** An S3-compatible endpoint outside the cluster (MinIO, R2, Ceph RGW, S3), given with credentials. */
    External: "external",
} as const;
export type ObjectStorageMode = (typeof ObjectStorageMode)[keyof typeof ObjectStorageMode];
