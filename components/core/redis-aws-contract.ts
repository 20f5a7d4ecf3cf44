import { ObjectShape, int, object, string } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/**
 * AWS (ElastiCache replication group) specifics of {@link RedisClusterArgs}.
 *
 * How the neutral arguments map on target aws:
 * - `engine`: "valkey" or "redis" (Redis OSS). `version`: mapped to its major.minor, one ElastiCache
 *   offers with required transit encryption: valkey 7.2, 8.0, 8.1; redis 7.0, 7.1. Unset: valkey
 *   "8.1", redis "7.1".
 * - `mode` replicated: one shard of `nodes` (1 primary + replicas, 1–6), one node per zone in turn;
 *   automatic failover and Multi-AZ on from 2 nodes (a single development node has neither).
 *   `mode` cluster: `shards` node groups of 1 primary + `replicasPerShard` replicas (1–5: ElastiCache
 *   fails over within a shard only to a replica), primaries and replicas spread over the zones.
 *   `sentinels` is a Kubernetes setting: ElastiCache fails over by itself.
 * - `tls`: transit encryption is always required on aws (the AUTH token needs it): `tls: false` is an
 *   error. Clients connect with `rediss://`, trusting Amazon's public certificate authorities, so there
 *   is no `caCertificate` output.
 * - `persistence`: ElastiCache keeps data by replicas and daily snapshots (no append-only file);
 *   `storageGiB` is not used (memory is the node type's).
 * - `evictionPolicy`: the parameter `maxmemory-policy` of the replication group's parameter group.
 */
export interface RedisAwsArgs extends AwsPlacementArgs {
    /**
     * ElastiCache node type, one of the families cache.m5, cache.m6g, cache.m7g, cache.r5, cache.r6g,
     * cache.r7g, cache.t3, cache.t4g, cache.c7gn. Default "cache.r7g.large".
     */
    nodeType?: string;
    /** Days of daily snapshots kept: 7–35 in production, 0–35 in development (0: none). Default 7. */
    snapshotRetentionDays?: number;
}

/** The declared types of {@link RedisAwsArgs}. */
export const redisAwsShape: ObjectShape<RedisAwsArgs> = object<RedisAwsArgs>("RedisAwsArgs", {
    ...awsPlacementFields,
    nodeType: string(),
    snapshotRetentionDays: int(),
});
