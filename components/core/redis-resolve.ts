import { ArgChecker } from "./arg-checker";
import { RedisEngine, RedisEvictionPolicy, RedisMode, enumValues } from "./enums";
import { RedisClusterArgs } from "./redis-contract";
import { ResolvedCommon, checkStorageGiB, resolveCommon } from "./services-common";

/** {@link RedisClusterArgs} with the cloud-neutral rules applied; each backend adds its own. */
export interface ResolvedRedis extends ResolvedCommon {
    name: string;
    mode: RedisMode;
    engine: RedisEngine;
    /** As given, or the default "7.0.15"; each backend maps it to what it runs. */
    version: string;
    shards: number;
    replicasPerShard: number;
    nodes: number;
    persistence: boolean;
    /** Storage per node, in GiB. */
    storageGiB: number;
    evictionPolicy: RedisEvictionPolicy;
    tls: boolean;
}

/**
 * The cloud-neutral rules and defaults of {@link RedisClusterArgs}. Reports every problem to
 * `check` (the public component throws them together with its backend's).
 */
export function resolveRedis(check: ArgChecker, name: string, args: RedisClusterArgs): ResolvedRedis {
    const common = resolveCommon(check, args);
    const mode = args.mode ?? RedisMode.Replicated;
    check.oneOf("mode", mode, enumValues(RedisMode));
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
    if (mode === RedisMode.Cluster) {
        check.integer("shards", shards, 3, 100);
        check.integer("replicasPerShard", replicasPerShard, common.production ? 1 : 0, 5);
    } else {
        check.integer("nodes", nodes, 1, 20);
        check.require(
            !common.production || nodes >= 2,
            "nodes",
            `must be at least 2 in production (a primary and a replica to fail over to), got ${nodes}`,
        );
    }
    const storageGiB = checkStorageGiB(check, args.storageGiB, 8);
    const evictionPolicy = args.evictionPolicy ?? RedisEvictionPolicy.NoEviction;
    check.oneOf("evictionPolicy", evictionPolicy, enumValues(RedisEvictionPolicy));
    return {
        ...common,
        name,
        mode,
        engine,
        version,
        shards,
        replicasPerShard,
        nodes,
        persistence: args.persistence ?? true,
        storageGiB,
        evictionPolicy,
        tls: args.tls ?? common.production,
    };
}
