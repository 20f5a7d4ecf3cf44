import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgChecker } from "../../core/arg-checker";
import { RedisEngine, RedisMode } from "../../core/enums";
import { RedisAwsArgs } from "../../core/redis-aws-contract";
import { RedisClusterArgs, RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { BackendScope, ServiceBackend, ServicePlanContext } from "../backend";
import { awsTags, child, encryptionKey, inRegion, serviceSecurityGroup, placeService } from "./common";
import {
    elasticacheDefaultVersion,
    elasticacheNodeFamilies,
    elasticacheVersions,
    maxReplicatedNodes,
    nodeSizePattern,
    snapshotRetentionMax,
} from "./redis-pins";

/** The Redis/Valkey port of every node. */
export const redisPort = 6379;
const component = "redis";

// Daily snapshot in a quiet hour, then the weekly maintenance after it (each at least 60 minutes, not overlapping).
export const redisSnapshotWindow = "02:00-03:00";
export const redisMaintenanceWindow = "sun:04:00-sun:05:00";

/**
 * The AUTH token: ElastiCache takes 16–128 printable characters whose only non-alphanumerics are
 * ! & # $ ^ < > -. 64 of letters, digits and exactly those.
 */
export const authTokenArgs: random.RandomPasswordArgs = {
    length: 64,
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: "!&#$^<>-",
    minUpper: 2,
    minLower: 2,
    minNumeric: 2,
    minSpecial: 1,
};

/** rediss://:token@host:6379 with the token percent-encoded ('#', '$', '&', '<', '>' would break it raw). */
export function redisUrl(token: string, host: string): string {
    return `rediss://:${encodeURIComponent(token)}@${host}:${redisPort}`;
}

/** The major.minor sent to ElastiCache: the pinned one, or the user's version cut to major.minor. */
function engineVersionOf(check: ArgChecker, args: RedisClusterArgs, engine: "valkey" | "redis"): string | undefined {
    if (args.version === undefined) return elasticacheDefaultVersion[engine];
    const majorMinor = String(args.version).split(".").slice(0, 2).join(".");
    const offered = Object.keys(elasticacheVersions[engine]);
    return check.require(
        offered.includes(majorMinor),
        "version",
        `must be a ${engine} version ElastiCache offers with required transit encryption on target aws: ${offered.join(", ")} (a patch such as "${offered[offered.length - 1]}.2" is cut to major.minor; ElastiCache applies its newest patch) (got ${JSON.stringify(args.version)})`,
    )
        ? majorMinor
        : undefined;
}

/**
 * RedisCluster on AWS: an ElastiCache replication group (Valkey or Redis OSS), nodes spread over the
 * zones, automatic failover and Multi-AZ, encrypted at rest with KMS and in transit (required), an
 * AUTH token, daily snapshots kept ≥ 7 days in production, in private subnets behind a security group
 * admitting only the clients.
 */
export const awsRedis: ServiceBackend<RedisClusterArgs, ResolvedRedis, RedisOutputs, ServicePlanContext> = {
    plan(check, args, redis, context) {
        const a: RedisAwsArgs = args.aws ?? {};
        const placement = placeService(check, args.aws, redis.production, context?.aws);
        const engine = redis.engine === RedisEngine.Valkey ? "valkey" : "redis";
        const engineVersion = engineVersionOf(check, args, engine);
        const nodeType = a.nodeType ?? "cache.r7g.large";
        const parts = typeof nodeType === "string" ? nodeType.split(".") : [];
        const families: readonly string[] = elasticacheNodeFamilies;
        check.require(
            parts.length === 3 && families.includes(`${parts[0]}.${parts[1]}`) && nodeSizePattern.test(parts[2]),
            "aws.nodeType",
            `must be an ElastiCache node type "<family>.<size>" such as "cache.r7g.large", of the families ${elasticacheNodeFamilies.join(", ")} (got ${JSON.stringify(nodeType)})`,
        );
        check.require(
            args.tls !== false,
            "tls",
            "cannot be false on target aws: the replication group requires transit encryption (the AUTH token needs it); leave tls unset",
        );
        const cluster = redis.mode === RedisMode.Cluster;
        if (cluster) {
            check.require(
                redis.replicasPerShard >= 1,
                "replicasPerShard",
                `must be at least 1 on target aws: cluster mode needs automatic failover, and ElastiCache fails a shard over only to a replica (got ${redis.replicasPerShard})`,
            );
        } else {
            check.require(
                redis.nodes <= maxReplicatedNodes,
                "nodes",
                `must be at most ${maxReplicatedNodes} on target aws: a replication group without cluster mode holds a primary and up to 5 replicas (got ${redis.nodes}); use mode "cluster" to scale further`,
            );
        }
        const retention = a.snapshotRetentionDays ?? 7;
        check.integer("aws.snapshotRetentionDays", retention, redis.production ? 7 : 0, snapshotRetentionMax);

        return (scope) =>
            createRedis(scope, redis, placement.aws(), {
                engine,
                engineVersion: engineVersion!,
                family: elasticacheVersions[engine][engineVersion!],
                nodeType,
                cluster,
                retention,
            });
    },
};

interface RedisPlan {
    engine: "valkey" | "redis";
    engineVersion: string;
    family: string;
    nodeType: string;
    cluster: boolean;
    retention: number;
}

function createRedis(scope: BackendScope, redis: ResolvedRedis, a: RedisAwsArgs, p: RedisPlan): RedisOutputs {
    const tags = awsTags(scope, component);
    const region = inRegion(scope);
    const zones = a.availabilityZones!;
    const kmsKeyArn = encryptionKey(scope, component, a.kmsKeyArn);
    const group = serviceSecurityGroup(scope, component, {
        vpcId: a.vpcId!,
        port: redisPort,
        clientSecurityGroupIds: a.clientSecurityGroupIds!,
    });
    const subnets = new aws.elasticache.SubnetGroup(
        `${scope.name}-subnets`,
        {
            description: `pulumi-ha redis ${scope.name}: one private subnet per zone`,
            subnetIds: a.subnetIds!,
            tags,
            ...region,
        },
        child(scope),
    );
    const parameters = new aws.elasticache.ParameterGroup(
        `${scope.name}-params`,
        {
            family: p.family,
            description: `pulumi-ha redis ${scope.name}: cluster mode ${p.cluster ? "on" : "off"}, eviction policy`,
            parameters: [
                { name: "cluster-enabled", value: p.cluster ? "yes" : "no" },
                { name: "maxmemory-policy", value: redis.evictionPolicy },
            ],
            tags,
            ...region,
        },
        child(scope),
    );
    const token = new random.RandomPassword(`${scope.name}-auth-token`, authTokenArgs, child(scope));
    const snapshotSuffix = new random.RandomId(`${scope.name}-final-snapshot`, { byteLength: 4 }, child(scope));

    // Failover and Multi-AZ need a replica: a single development node has neither.
    const failover = p.cluster || redis.nodes >= 2;
    const zoneAt = (i: number) => zones[i % zones.length];
    const topology = p.cluster
        ? {
              numNodeGroups: redis.shards,
              replicasPerNodeGroup: redis.replicasPerShard,
              // Shard s: its primary in zone s, its replicas in the zones after it.
              nodeGroupConfigurations: Array.from({ length: redis.shards }, (_, s) => ({
                  nodeGroupId: String(s + 1).padStart(4, "0"),
                  primaryAvailabilityZone: zoneAt(s),
                  replicaAvailabilityZones: Array.from({ length: redis.replicasPerShard }, (_, r) => zoneAt(s + 1 + r)),
                  replicaCount: redis.replicasPerShard,
              })),
          }
        : {
              numCacheClusters: redis.nodes,
              // The first zone holds the primary; the replicas follow in zone order.
              preferredCacheClusterAzs: Array.from({ length: redis.nodes }, (_, i) => zoneAt(i)),
          };
    const replicationGroup = new aws.elasticache.ReplicationGroup(
        `${scope.name}-group`,
        {
            description: `pulumi-ha redis ${scope.name}`,
            engine: p.engine,
            engineVersion: p.engineVersion,
            nodeType: p.nodeType,
            port: redisPort,
            clusterMode: p.cluster ? "enabled" : "disabled",
            parameterGroupName: parameters.name,
            subnetGroupName: subnets.name,
            securityGroupIds: [group.id],
            atRestEncryptionEnabled: true,
            kmsKeyId: kmsKeyArn,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            // The token never changes by itself (the RandomPassword is stable), so no authTokenUpdateStrategy:
            // AWS uses it only when a token changes, and then defaults to ROTATE (old and new both valid).
            authToken: token.result,
            automaticFailoverEnabled: failover,
            multiAzEnabled: failover,
            ...topology,
            snapshotRetentionLimit: p.retention,
            snapshotWindow: redisSnapshotWindow,
            maintenanceWindow: redisMaintenanceWindow,
            finalSnapshotIdentifier: pulumi.interpolate`${snapshotBase(scope.name)}-final-${snapshotSuffix.hex}`,
            autoMinorVersionUpgrade: true,
            applyImmediately: false,
            tags,
            ...region,
        },
        child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
    );

    const host = p.cluster ? replicationGroup.configurationEndpointAddress : replicationGroup.primaryEndpointAddress;
    return {
        primaryEndpoint: host,
        readerEndpoint: p.cluster ? undefined : replicationGroup.readerEndpointAddress,
        port: pulumi.output(redisPort),
        authToken: pulumi.secret(token.result),
        url: pulumi.secret(pulumi.all([token.result, host]).apply(([t, h]) => redisUrl(t, h))),
    };
}

/** ElastiCache snapshot names: letters, digits and single hyphens, a letter first. */
export function snapshotBase(name: string): string {
    const cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return `${/^[a-z]/.test(cleaned) ? "" : "redis-"}${cleaned}`.slice(0, 200) || "redis";
}
