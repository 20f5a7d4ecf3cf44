import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { RedisEngine, RedisMode } from "../../core/enums";
import {
    GcpMemorystoreNodeType,
    GcpRdbSnapshotPeriod,
    GcpRedisAuthorization,
    GcpWeekday,
    RedisGcpArgs,
} from "../../core/redis-gcp-contract";
import { RedisClusterArgs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { ServicePlanContext } from "../backend";
import { placeGcpService } from "./placement";
import {
    backupRetentionMax,
    clusterReplicasMax,
    clusterUnitsMax,
    instanceMemoryGb,
    readReplicasMax,
    readReplicasMinMemoryGb,
    redisClusterMajor,
    redisClusterValues,
    redisInstanceDefaultVersion,
    redisInstanceVersions,
    valkeyDefaultVersion,
    valkeyVersions,
} from "./redis-pins";

/** Which Memorystore product runs the service. */
export type MemorystoreKind = "instance" | "redis-cluster" | "valkey";

/** Everything checked when planned; the placement is completed when the service is created. */
export interface RedisGcpPlan {
    kind: MemorystoreKind;
    /** Region when known before the provider's (given, the zones', or a Platform's). */
    region?: string;
    project?: string;
    /** The `gcp` arguments with the placement filled (a Platform's Network when planned under one). */
    gcp: () => RedisGcpArgs;
    /** The subnet for the service connection policy (the Platform's, else `gcp.subnetwork`). */
    subnetwork: () => pulumi.Input<string> | undefined;
    authorization: GcpRedisAuthorization;
    tls: boolean;
    /** The API's version enum (undefined for Redis Cluster, which takes none). */
    version?: string;
    /** Instance: memory in GB; STANDARD_HA with read replicas from 2 nodes. */
    memorySizeGb: number;
    /** Instance: read replicas (nodes − 1); 0 for a BASIC instance. */
    readReplicas: number;
    /** Clusters: the API's node type. */
    nodeType: string;
    snapshotPeriod: GcpRdbSnapshotPeriod;
    backupRetentionDays: number;
    maintenanceDay: GcpWeekday;
    maintenanceHour: number;
    serviceConnectionPolicy: boolean;
}

const clusterOnly = ["subnetwork", "serviceConnectionPolicy", "nodeType", "backupRetentionDays"] as const;
const replicatedOnly = ["memorySizeGb", "snapshotPeriod"] as const;

/** The API enum of `args.version` cut to major.minor, or the default; reports a version the product lacks. */
function versionOf(
    check: ArgChecker,
    given: string | undefined,
    offered: Record<string, string>,
    fallback: string,
    product: string,
): string | undefined {
    if (given === undefined) return offered[fallback];
    const majorMinor = String(given).split(".").slice(0, 2).join(".");
    const keys = Object.keys(offered);
    return check.require(
        majorMinor in offered,
        "version",
        `must be a version ${product} offers on target gcp: ${keys.join(", ")} (a patch such as "${keys[keys.length - 1]}.1" is cut to major.minor; Google applies its patch) (got ${show(given)})`,
    )
        ? offered[majorMinor]
        : undefined;
}

function checkAuthorization(check: ArgChecker, kind: MemorystoreKind, given: GcpRedisAuthorization | undefined) {
    const instance = kind === "instance";
    const value = given ?? (instance ? GcpRedisAuthorization.Password : GcpRedisAuthorization.Iam);
    const refused = instance ? GcpRedisAuthorization.Iam : GcpRedisAuthorization.Password;
    check.require(
        value !== refused,
        "gcp.authorization",
        instance
            ? `cannot be "${refused}" in mode replicated: Memorystore for Redis instances authenticate with the AUTH string only ("${GcpRedisAuthorization.Password}") or not at all ("${GcpRedisAuthorization.Disabled}")`
            : `cannot be "${refused}" in mode cluster: Memorystore for Redis Cluster and for Valkey offer IAM ("${GcpRedisAuthorization.Iam}") or no authentication ("${GcpRedisAuthorization.Disabled}"), no static password`,
    );
    return value;
}

/** The neutral rules Memorystore narrows, per product. */
function checkTopology(check: ArgChecker, redis: ResolvedRedis, kind: MemorystoreKind, a: RedisGcpArgs): number {
    if (kind === "instance") {
        check.require(
            redis.nodes <= 1 + readReplicasMax,
            "nodes",
            `must be at most ${1 + readReplicasMax} on target gcp: a Memorystore for Redis instance holds a primary and 1–${readReplicasMax} read replicas (got ${redis.nodes}); use mode "cluster" to scale further`,
        );
        const memory = a.memorySizeGb ?? (redis.nodes >= 2 ? readReplicasMinMemoryGb : instanceMemoryGb.min);
        if (check.integer("gcp.memorySizeGb", memory, instanceMemoryGb.min, instanceMemoryGb.max))
            check.require(
                redis.nodes < 2 || memory >= readReplicasMinMemoryGb,
                "gcp.memorySizeGb",
                `must be at least ${readReplicasMinMemoryGb} with read replicas (nodes ${redis.nodes}): Memorystore serves read replicas only on nodes of ${readReplicasMinMemoryGb} GB or more (got ${memory})`,
            );
        return memory;
    }
    check.require(
        redis.replicasPerShard <= clusterReplicasMax,
        "replicasPerShard",
        `must be at most ${clusterReplicasMax} on target gcp: a Memorystore cluster shard holds a primary and 0–${clusterReplicasMax} replicas (got ${redis.replicasPerShard})`,
    );
    const units = redis.shards * (1 + redis.replicasPerShard);
    check.require(
        units <= clusterUnitsMax,
        "shards",
        `must keep shards × (1 + replicasPerShard) at most ${clusterUnitsMax} on target gcp, Memorystore's nodes per cluster (got ${redis.shards} × ${1 + redis.replicasPerShard} = ${units})`,
    );
    const nodeType = a.nodeType ?? GcpMemorystoreNodeType.HighmemMedium;
    check.require(
        !redis.production || nodeType !== GcpMemorystoreNodeType.SharedCoreNano,
        "gcp.nodeType",
        `cannot be "${GcpMemorystoreNodeType.SharedCoreNano}" in production: the shared-core node has variable performance and no SLA`,
    );
    return 0;
}

/** The API's node type: "REDIS_HIGHMEM_MEDIUM" for Redis Cluster, "HIGHMEM_MEDIUM" for Valkey. */
export function apiNodeType(kind: MemorystoreKind, nodeType: GcpMemorystoreNodeType): string {
    const upper = nodeType.toUpperCase().replace(/-/g, "_");
    return kind === "redis-cluster" ? `${redisClusterValues.nodeTypePrefix}${upper}` : upper;
}

/** Checks the gcp target's rules for a RedisCluster; reports every problem to `check`. */
export function planRedisGcp(
    check: ArgChecker,
    args: RedisClusterArgs,
    redis: ResolvedRedis,
    context: ServicePlanContext | undefined,
): RedisGcpPlan {
    const a: RedisGcpArgs = args.gcp ?? {};
    const placement = placeGcpService(check, args.gcp, redis.production, context?.gcp);
    const cluster = redis.mode === RedisMode.Cluster;
    const valkey = redis.engine === RedisEngine.Valkey;
    const kind: MemorystoreKind = !cluster ? "instance" : valkey ? "valkey" : "redis-cluster";
    check.require(
        cluster || !valkey,
        "engine",
        `"${RedisEngine.Valkey}" needs mode "${RedisMode.Cluster}" on target gcp: Memorystore for Redis instances (mode replicated) run Redis only; Memorystore for Valkey is a cluster`,
    );

    const misplaced = cluster ? replicatedOnly : clusterOnly;
    for (const key of misplaced)
        check.require(
            a[key] === undefined,
            `gcp.${key}`,
            `applies only in mode "${cluster ? RedisMode.Replicated : RedisMode.Cluster}" on target gcp; leave it out`,
        );

    let version: string | undefined;
    if (kind === "instance")
        version = versionOf(
            check,
            args.version,
            redisInstanceVersions,
            redisInstanceDefaultVersion,
            "Memorystore for Redis",
        );
    else if (kind === "valkey")
        version = versionOf(check, args.version, valkeyVersions, valkeyDefaultVersion, "Memorystore for Valkey");
    else
        check.require(
            args.version === undefined || String(args.version).split(".")[0] === redisClusterMajor,
            "version",
            `must be a Redis ${redisClusterMajor}.x version or unset in mode cluster on target gcp: Memorystore for Redis Cluster runs Redis ${redisClusterMajor}.x and takes no version (got ${show(args.version)})`,
        );

    check.require(
        !redis.production || redis.tls,
        "tls",
        "cannot be false in production on target gcp: Memorystore's transit encryption (server authentication) is required there; leave tls unset",
    );
    const authorization = checkAuthorization(check, kind, a.authorization);
    const memorySizeGb = checkTopology(check, redis, kind, a);

    const retention = a.backupRetentionDays ?? 7;
    if (cluster) check.integer("gcp.backupRetentionDays", retention, redis.production ? 7 : 0, backupRetentionMax);
    const maintenanceHour = a.maintenanceHour ?? 4;
    check.integer("gcp.maintenanceHour", maintenanceHour, 0, 23);

    const policy = a.serviceConnectionPolicy ?? true;
    const planned = context?.gcp;
    if (planned !== undefined)
        check.require(
            a.subnetwork === undefined,
            "gcp.subnetwork",
            "is filled by the Platform from its gcp settings and Network; leave it out",
        );
    else if (cluster && policy)
        check.require(
            a.subnetwork !== undefined,
            "gcp.subnetwork",
            "is required in mode cluster on target gcp when the service connection policy is created: the regional subnet Private Service Connect takes the cluster's endpoint addresses from (a Network's subnetworkSelfLink); or set gcp.serviceConnectionPolicy false when the network has one",
        );

    return {
        kind,
        region: placement.region,
        project: placement.project,
        gcp: placement.gcp,
        subnetwork: () => (planned !== undefined ? planned.placement().subnetwork : a.subnetwork),
        authorization,
        tls: redis.tls,
        version,
        memorySizeGb,
        readReplicas: kind === "instance" ? Math.max(0, redis.nodes - 1) : 0,
        nodeType: apiNodeType(kind, a.nodeType ?? GcpMemorystoreNodeType.HighmemMedium),
        snapshotPeriod: a.snapshotPeriod ?? GcpRdbSnapshotPeriod.OneHour,
        backupRetentionDays: retention,
        maintenanceDay: a.maintenanceDay ?? GcpWeekday.Sunday,
        maintenanceHour,
        serviceConnectionPolicy: policy,
    };
}
