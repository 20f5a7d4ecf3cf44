import { RedisEngine, RedisMode } from "../../core/enums";
import { redisNames } from "../../core/kubernetes-names";
import { RedisClusterArgs, RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "../../core/resources";
import { BackendScope, ServiceBackend } from "../backend";
import { checkPlacement } from "./placement";
import { kubernetesRedis } from "./redis";

/** Redis as the redis-operator runs it: the neutral resolution plus every Kubernetes rule. */
export interface KubernetesRedis extends ResolvedRedis {
    /** The volume size as a Kubernetes quantity. */
    storageSize: string;
    sentinels: number;
    kubernetes: NonNullable<RedisClusterArgs["kubernetes"]> & {
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

/** The redis-operator's rules: derived names, its images, one follower per leader, Sentinels, sizing. */
export const kubernetesRedisBackend: ServiceBackend<RedisClusterArgs, ResolvedRedis, RedisOutputs> = {
    plan(check, args, redis) {
        const k = args.kubernetes;
        const cluster = redis.mode === RedisMode.Cluster;
        check.kubernetesName(redis.name, redisNames(redis.name, cluster));
        checkPlacement(check, k);
        check.require(
            !cluster || redis.replicasPerShard === 1,
            "replicasPerShard",
            `must be 1 on target "kubernetes": the redis-operator pairs one follower with each leader (got ${redis.replicasPerShard})`,
        );
        const sentinels = k?.sentinels ?? 3;
        if (!cluster) {
            check.integer("kubernetes.sentinels", sentinels, 1, 9);
            check.require(
                sentinels % 2 === 1,
                "kubernetes.sentinels",
                `must be odd so a majority can agree on failover (got ${sentinels})`,
            );
        }
        check.require(
            redis.engine !== RedisEngine.Valkey || !!k?.image,
            "kubernetes.image",
            "is required for the valkey engine on Kubernetes: the redis-operator runs its own Redis images; give an operator-compatible Valkey image",
        );
        const resolved: KubernetesRedis = {
            ...redis,
            storageSize: `${redis.storageGiB}Gi`,
            sentinels,
            kubernetes: {
                ...k,
                image: k?.image ?? `quay.io/opstree/redis:v${redis.version}`,
                sentinelImage: k?.sentinelImage ?? `quay.io/opstree/redis-sentinel:v${redis.version}`,
                resources: resolveResources(
                    check,
                    "kubernetes.resources",
                    k?.resources,
                    serverResources,
                    redis.production,
                ),
                sentinelResources: resolveResources(
                    check,
                    "kubernetes.sentinelResources",
                    k?.sentinelResources,
                    sentinelResources,
                    redis.production,
                ),
                networkPolicy: k?.networkPolicy ?? true,
            },
        };
        return (scope: BackendScope) => kubernetesRedis(scope, resolved);
    },
};
