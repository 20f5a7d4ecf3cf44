import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, boolean, input, int, object, oneOf, string } from "./arg-shape";
import { GcpPlacementArgs, gcpPlacementFields } from "./gcp-placement";

/** How clients authenticate to Memorystore on target gcp. */
export const GcpRedisAuthorization = {
    /**
     * Redis AUTH with the AUTH string Memorystore for Redis generates (mode replicated only: Redis
     * Cluster and Valkey offer no static password in the GA provider). The default in mode replicated.
     */
    Password: "password",
    /**
     * IAM authentication (mode cluster only; the default there). There is no static password: a client
     * sends an OAuth 2.0 access token of a principal holding roles/redis.dbConnectionUser (Redis
     * Cluster) or roles/memorystore.dbConnectionUser (Valkey) as the AUTH password, and
     * re-authenticates before the token expires (1 hour). `authToken` is then empty and `url` carries
     * no password. An app that knows only a static password or none needs `Disabled`.
     */
    Iam: "iam",
    /** No AUTH: any client that reaches the private endpoint (inside the VPC) may connect; TLS still applies. */
    Disabled: "disabled",
} as const;
export type GcpRedisAuthorization = (typeof GcpRedisAuthorization)[keyof typeof GcpRedisAuthorization];

/** Node type of a Memorystore cluster (mode cluster), sent as "REDIS_<TYPE>" to Redis Cluster and "<TYPE>" to Valkey. */
export const GcpMemorystoreNodeType = {
    /** 1.4 GB, shared vCPU, no SLA: development only. */
    SharedCoreNano: "shared-core-nano",
    /** 6.5 GB. */
    StandardSmall: "standard-small",
    /** 13 GB: Google's default, and this package's. */
    HighmemMedium: "highmem-medium",
    HighcpuMedium: "highcpu-medium",
    StandardLarge: "standard-large",
    /** 58 GB. */
    HighmemXlarge: "highmem-xlarge",
    Highmem2xlarge: "highmem-2xlarge",
} as const;
export type GcpMemorystoreNodeType = (typeof GcpMemorystoreNodeType)[keyof typeof GcpMemorystoreNodeType];

/** How often an RDB snapshot is taken. */
export const GcpRdbSnapshotPeriod = {
    OneHour: "ONE_HOUR",
    SixHours: "SIX_HOURS",
    TwelveHours: "TWELVE_HOURS",
    TwentyFourHours: "TWENTY_FOUR_HOURS",
} as const;
export type GcpRdbSnapshotPeriod = (typeof GcpRdbSnapshotPeriod)[keyof typeof GcpRdbSnapshotPeriod];

/** A day of the week, as GCP maintenance windows take it. */
export const GcpWeekday = {
    Monday: "MONDAY",
    Tuesday: "TUESDAY",
    Wednesday: "WEDNESDAY",
    Thursday: "THURSDAY",
    Friday: "FRIDAY",
    Saturday: "SATURDAY",
    Sunday: "SUNDAY",
} as const;
export type GcpWeekday = (typeof GcpWeekday)[keyof typeof GcpWeekday];

/**
 * GCP (Memorystore) specifics of {@link RedisClusterArgs}.
 *
 * How the neutral arguments map on target gcp:
 * - `mode` replicated (engine redis only): a Memorystore for Redis instance (`gcp.redis.Instance`)
 *   reached through private services access. `nodes` ≥ 2: tier STANDARD_HA with read replicas,
 *   `nodes` − 1 replicas (1–5, so `nodes` 2–6), the primary in the first zone of `availabilityZones`
 *   and the failover replica in the second; a read endpoint (`readerEndpoint`). `nodes` 1
 *   (development): tier BASIC, one node without failover.
 * - `mode` cluster: Memorystore for Redis Cluster (`gcp.redis.Cluster`, engine redis) or Memorystore
 *   for Valkey (`gcp.memorystore.Instance`, engine valkey), `shards` shards of 1 primary +
 *   `replicasPerShard` replicas (0–2; always sent, never Google's default of 0), spread over the
 *   region's zones by Google (MULTI_ZONE), reached through Private Service Connect: clients connect
 *   to the discovery endpoint (`primaryEndpoint`) with a cluster-aware client. At most 250 nodes
 *   (shards × (1 + replicasPerShard)).
 * - `version`: replicated: Redis "7.0" or "7.2" (default "7.2"); cluster/redis: Redis Cluster runs
 *   Redis 7.x (no version is sent; another major is an error); cluster/valkey: "7.2", "8.0" or "9.0"
 *   (default "8.0"). Patches are Google's.
 * - `persistence`: replicated: RDB snapshots every `snapshotPeriod` (Memorystore for Redis offers no
 *   append-only file); cluster: AOF, fsync every second. `false`: persistence off.
 * - `tls`: transit encryption with server authentication (clients trust `caCertificate`; the Redis
 *   instance then serves on port 6378). `false` is allowed in development only.
 * - `evictionPolicy`: the `maxmemory-policy` configuration. `storageGiB` is not used (memory is
 *   `memorySizeGb` or the node type's).
 * - `deletionProtection`: Pulumi `protect`, and the API's deletion protection on clusters (the Redis
 *   instance has only the provider-side `deletionProtection`, also set).
 */
export interface RedisGcpArgs extends GcpPlacementArgs {
    /**
     * Mode cluster: the regional subnet (id or self link) Private Service Connect takes the cluster's
     * endpoint addresses from, given to the service connection policy. Required in mode cluster when
     * the policy is created and no Platform places the service (a Network's `subnetworkSelfLink`).
     */
    subnetwork?: pulumi.Input<string>;
    /**
     * Mode cluster: create the service connection policy of the service class ("gcp-memorystore-redis"
     * for Redis Cluster, "gcp-memorystore" for Valkey) on the network and region. GCP allows one
     * policy per network, region and class: set false when one exists (e.g. a second cluster of the
     * same engine on the network). Default true.
     */
    serviceConnectionPolicy?: boolean;
    /**
     * How clients authenticate. Default `GcpRedisAuthorization.Password` in mode replicated,
     * `GcpRedisAuthorization.Iam` in mode cluster (see each value for what the client must do).
     */
    authorization?: GcpRedisAuthorization;
    /** Mode replicated: memory of the instance in GB, 1–300 (≥ 5 with read replicas, i.e. `nodes` ≥ 2). Default 5 (`nodes` ≥ 2), 1 (`nodes` 1). */
    memorySizeGb?: number;
    /** Mode cluster: node type of every node. `SharedCoreNano` only in development. Default `GcpMemorystoreNodeType.HighmemMedium`. */
    nodeType?: GcpMemorystoreNodeType;
    /** Mode replicated with `persistence`: how often an RDB snapshot is taken. Default `GcpRdbSnapshotPeriod.OneHour`. */
    snapshotPeriod?: GcpRdbSnapshotPeriod;
    /** Mode cluster: days automated daily backups are kept, 7–365 in production, 0–365 in development (0: none). Default 7. */
    backupRetentionDays?: number;
    /** Day of the weekly maintenance window (one hour, UTC). Default `GcpWeekday.Sunday`. */
    maintenanceDay?: GcpWeekday;
    /** Start hour (UTC) of the weekly maintenance window, 0–23. Default 4. */
    maintenanceHour?: number;
}

/** The declared types of {@link RedisGcpArgs}. */
export const redisGcpShape: ObjectShape<RedisGcpArgs> = object<RedisGcpArgs>("RedisGcpArgs", {
    ...gcpPlacementFields,
    subnetwork: input(string()),
    serviceConnectionPolicy: boolean(),
    authorization: oneOf(GcpRedisAuthorization),
    memorySizeGb: int(),
    nodeType: oneOf(GcpMemorystoreNodeType),
    snapshotPeriod: oneOf(GcpRdbSnapshotPeriod),
    backupRetentionDays: int(),
    maintenanceDay: oneOf(GcpWeekday),
    maintenanceHour: int(),
});
