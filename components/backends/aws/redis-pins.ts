/**
 * What this package knows ElastiCache accepts, checked November 2026 against the ElastiCache user
 * guide ("Supported engines and versions", "Supported node types") and the provider's documentation
 * (re-check with `aws elasticache describe-cache-engine-versions` before changing).
 */

/**
 * Engine versions (major.minor, as ElastiCache takes them from 7 on) offered with required transit
 * encryption (Redis OSS from 7.0.5), and the parameter group family of each.
 */
export const elasticacheVersions: Record<"valkey" | "redis", Record<string, string>> = {
    valkey: { "7.2": "valkey7", "8.0": "valkey8", "8.1": "valkey8" },
    // 7.1 is the last Redis OSS version ElastiCache offers.
    redis: { "7.0": "redis7", "7.1": "redis7" },
};

/** The version sent when none is given: the newest of each engine. */
export const elasticacheDefaultVersion: Record<"valkey" | "redis", string> = { valkey: "8.1", redis: "7.1" };

/**
 * Node type families for Valkey and Redis OSS replication groups with Multi-AZ (ElastiCache's
 * "Supported node types"; data-tiering r6gd is left out, it needs data tiering turned on).
 */
export const elasticacheNodeFamilies = [
    "cache.m5",
    "cache.m6g",
    "cache.m7g",
    "cache.r5",
    "cache.r6g",
    "cache.r7g",
    "cache.t3",
    "cache.t4g",
    "cache.c7gn",
] as const;

/** Sizes a node type may end with (cache.<family>.<size>). */
export const nodeSizePattern = /^(micro|small|medium|large|xlarge|\d{1,2}xlarge)$/;

/** A replication group without cluster mode holds at most 6 nodes: a primary and 5 replicas. */
export const maxReplicatedNodes = 6;

/** ElastiCache keeps automatic snapshots 0–35 days (0: none). */
export const snapshotRetentionMax = 35;
