import { ArgChecker } from "./arg-checker";
import { parseQuantity } from "./formats";
import { RedisEngine, RedisEvictionPolicy, RedisMode, Target, enumValues } from "./enums";
import { redisNames } from "./kubernetes-names";
import { RedisClusterArgs } from "./redis-contract";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "./resources";
import { redisShape } from "./service-shapes";
import { ResolvedCommon, checkPlacement, resolveCommon } from "./services-common";

export interface ResolvedRedis extends ResolvedCommon {
    name: string;
    mode: RedisMode;
    engine: RedisEngine;
    version: string;
    shards: number;
    replicasPerShard: number;
    nodes: number;
    sentinels: number;
    persistence: boolean;
    storageSize: string;
    /** Volume size per instance or node, in GiB: the neutral form each backend maps. */
    storageGiB: number;
    evictionPolicy: RedisEvictionPolicy;
    tls: boolean;
    kubernetes: RedisClusterArgs["kubernetes"] & {
        image: string;
        sentinelImage: string;
        resources: Required<ResourcesArgs>;
        sentinelResources: Required<ResourcesArgs>;
        networkPolicy: boolean;
    };
}

const serverResources: ResourceDefaults = {
    production: { cpuRequest: "500m", memoryRequest: "1Gi", cpuLimit: "1", memoryLimit: "1Gi" },
    development: { cpuRequest: "100m", memoryRequest: "256Mi", cpuLimit: "500m", memoryLimit: "256Mi" },
};
const sentinelResources: ResourceDefaults = {
    production: { cpuRequest: "50m", memoryRequest: "64Mi", cpuLimit: "200m", memoryLimit: "128Mi" },
    development: { cpuRequest: "50m", memoryRequest: "64Mi", cpuLimit: "200m", memoryLimit: "128Mi" },
};

/** Applies profile defaults to {@link RedisClusterArgs}; throws every problem at once. */
export function resolveRedis(name: string, given: RedisClusterArgs): ResolvedRedis {
    const check = new ArgChecker(`RedisCluster "${name}"`);
    const args = check.args(given, redisShape);
    const common = resolveCommon(check, args);
    const mode = args.mode ?? RedisMode.Replicated;
    check.oneOf("mode", mode, enumValues(RedisMode));
    if (common.target === Target.Kubernetes) {
        check.kubernetesName(name, redisNames(name, mode === RedisMode.Cluster));
        checkPlacement(check, args.kubernetes);
    }
    const engine = args.engine ?? RedisEngine.Redis;
    check.oneOf("engine", engine, enumValues(RedisEngine));
    // The redis-operator 0.26 charts pin Redis 7.0.15 for both images; Redis 8 support came after 0.26.
    const version = args.version ?? "7.0.15";
    check.require(
        /^\d+\.\d+(\.\d+)?$/.test(version),
        "version",
        `must be a version such as "8.2.2" (got ${JSON.stringify(version)})`,
    );
    const shards = args.shards ?? 3;
    const replicasPerShard = args.replicasPerShard ?? 1;
    const nodes = args.nodes ?? (common.production ? 3 : 1);
    const sentinels = args.sentinels ?? 3;
    if (mode === RedisMode.Cluster) {
        check.integer("shards", shards, 3, 100);
        check.integer("replicasPerShard", replicasPerShard, common.production ? 1 : 0, 5);
        check.require(
            common.target !== Target.Kubernetes || replicasPerShard === 1,
            "replicasPerShard",
            `must be 1 on target "kubernetes": the redis-operator pairs one follower with each leader (got ${replicasPerShard})`,
        );
    } else {
        check.integer("nodes", nodes, 1, 20);
        check.integer("sentinels", sentinels, 1, 9);
        check.require(
            sentinels % 2 === 1,
            "sentinels",
            `must be odd so a majority can agree on failover (got ${sentinels})`,
        );
        check.require(
            !common.production || nodes >= 2,
            "nodes",
            `must be at least 2 in production (a primary and a replica to fail over to), got ${nodes}`,
        );
    }
    const storageSize = args.storageSize ?? "8Gi";
    check.quantity("storageSize", storageSize);
    if (engine === RedisEngine.Valkey) {
        check.require(
            !!args.kubernetes?.image,
            "kubernetes.image",
            "is required for the valkey engine on Kubernetes: the redis-operator runs its own Redis images; give an operator-compatible Valkey image",
        );
    }
    const evictionPolicy = args.evictionPolicy ?? RedisEvictionPolicy.NoEviction;
    check.oneOf("evictionPolicy", evictionPolicy, enumValues(RedisEvictionPolicy));
    const resources = resolveResources(
        check,
        "kubernetes.resources",
        args.kubernetes?.resources,
        serverResources,
        common.production,
    );
    const sentinelSizing = resolveResources(
        check,
        "kubernetes.sentinelResources",
        args.kubernetes?.sentinelResources,
        sentinelResources,
        common.production,
    );
    check.throwIfAny();
    return {
        ...common,
        name,
        mode,
        engine,
        version,
        shards,
        replicasPerShard,
        nodes,
        sentinels,
        persistence: args.persistence ?? true,
        storageSize,
        storageGiB: Math.ceil((parseQuantity(storageSize) ?? 0) / 2 ** 30),
        evictionPolicy,
        tls: args.tls ?? common.production,
        kubernetes: {
            ...args.kubernetes,
            image: args.kubernetes?.image ?? `quay.io/opstree/redis:v${version}`,
            sentinelImage: args.kubernetes?.sentinelImage ?? `quay.io/opstree/redis-sentinel:v${version}`,
            resources,
            sentinelResources: sentinelSizing,
            networkPolicy: args.kubernetes?.networkPolicy ?? true,
        },
    };
}
