import * as pulumi from "@pulumi/pulumi";
import { RedisAwsArgs } from "./redis-aws-contract";
import { RedisGcpArgs } from "./redis-gcp-contract";
import { RedisEngine, RedisEvictionPolicy, RedisMode } from "./enums";
import { ResourcesArgs } from "./resources";
import { KubernetesPlacementArgs, ServiceCommonArgs } from "./services-common";

/** Kubernetes (OT-Container-Kit redis-operator) specifics. */
export interface RedisKubernetesArgs extends KubernetesPlacementArgs {
    /** Redis image the operator runs. Default "quay.io/opstree/redis:v<version>"; required for the valkey engine. CPU and memory: `resources` (default 500m / 1Gi requests, 1 / 1Gi limits in production; Redis's maxmemory is set to 75 % of the memory limit). */
    image?: string;
    /** Sentinel image (replicated mode). Default "quay.io/opstree/redis-sentinel:v<version>". */
    sentinelImage?: string;
    /** CPU and memory of each Sentinel pod. Default 50m / 64Mi requests, 200m / 128Mi limits. */
    sentinelResources?: ResourcesArgs;
    /** Replicated mode: Sentinels, odd, 1–9 (a majority must agree on a failover). Default 3. */
    sentinels?: number;
}

/**
 * Arguments of {@link RedisCluster}: one contract for the redis-operator, ElastiCache
 * replication groups and Memorystore.
 */
export interface RedisClusterArgs extends ServiceCommonArgs {
    /** Topology. Default `RedisMode.Replicated`. */
    mode?: RedisMode;
    /** Engine. Default `RedisEngine.Redis`. */
    engine?: RedisEngine;
    /** Engine version, a full release such as "7.0.15" (images are pinned to it). Default "7.0.15" (what the redis-operator 0.26 charts pin). */
    version?: string;
    /** Cluster mode: masters (shards), 3–100. Default 3. */
    shards?: number;
    /** Cluster mode: replicas per master, 1–5 in production (0–5 in development; exactly 1 on kubernetes, where the operator pairs one follower with each leader). Default 1. */
    replicasPerShard?: number;
    /** Replicated mode: Redis nodes (1 primary + replicas), 1–20 (≥ 2 in production). Default 3 in production, 1 in development. */
    nodes?: number;
    /** Append-only-file persistence on volumes. Default true. */
    persistence?: boolean;
    /** What Redis drops when memory is full (`maxmemory-policy`). Default `RedisEvictionPolicy.NoEviction` (Redis's own: writes fail rather than data vanish). */
    evictionPolicy?: RedisEvictionPolicy;
    /** Storage per node in GiB, 1–65536 (Kubernetes volumes; managed targets size their own). Default 8. */
    storageGiB?: number;
    /**
     * Encrypt client, replication, Sentinel and cluster-bus traffic with TLS. Default: true in production. On Kubernetes a private
     * CA and a server certificate are generated with @pulumi/tls (renewed by the first
     * `pulumi up` within 30 days of expiry); clients trust `caCertificate`.
     */
    tls?: boolean;
    /** Kubernetes specifics. */
    kubernetes?: RedisKubernetesArgs;
    /** AWS specifics (target aws). */
    aws?: RedisAwsArgs;
    /** GCP specifics (target gcp: Memorystore for Redis, Redis Cluster or Valkey). */
    gcp?: RedisGcpArgs;
}

export interface RedisOutputs {
    /** Host to write to (the cluster service, or the Sentinel-tracked primary's service). */
    primaryEndpoint: pulumi.Output<string>;
    /** Host for reads, when the topology has one. */
    readerEndpoint?: pulumi.Output<string>;
    /** Sentinel host (replicated mode). */
    sentinelEndpoint?: pulumi.Output<string>;
    port: pulumi.Output<number>;
    /** The AUTH password, a Pulumi secret. */
    authToken: pulumi.Output<string>;
    /** redis://:token@host:port (rediss:// with TLS), a Pulumi secret. */
    url: pulumi.Output<string>;
    /** PEM of the CA clients must trust, when TLS is on. */
    caCertificate?: pulumi.Output<string>;
}
