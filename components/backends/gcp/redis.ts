import { RedisClusterArgs, RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { ServiceBackend, ServicePlanContext } from "../backend";
import { createMemorystoreCluster } from "./redis-clusters";
import { createRedisInstance } from "./redis-instance";
import { planRedisGcp } from "./redis-plan";

/**
 * RedisCluster on GCP (Memorystore): mode replicated → a Memorystore for Redis instance
 * (STANDARD_HA with read replicas, AUTH, TLS, RDB, private services access); mode cluster →
 * Memorystore for Redis Cluster or for Valkey (replicas per shard, multi-zone, IAM or no auth, TLS,
 * AOF, automated backups, Private Service Connect through a service connection policy). See
 * {@link RedisGcpArgs} for how each neutral argument maps.
 */
export const gcpRedis: ServiceBackend<RedisClusterArgs, ResolvedRedis, RedisOutputs, ServicePlanContext> = {
    plan(check, args, redis, context) {
        const plan = planRedisGcp(check, args, redis, context);
        return (scope) =>
            plan.kind === "instance"
                ? createRedisInstance(scope, redis, plan)
                : createMemorystoreCluster(scope, redis, plan);
    },
};
