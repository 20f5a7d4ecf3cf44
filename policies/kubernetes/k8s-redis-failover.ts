import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { operatorPodCounts as counts } from "../common/data-services";
import { stackPolicy } from "../common/define";
import { keyOf, namespaceOf } from "../common/metadata";
import { asCount, asString, at, record } from "../common/read";
import { crTypes } from "../common/types";
import { deferUnknown, readEach } from "../common/unknowns";

export interface RedisFailoverConfig {
    minSentinels?: number;
}

interface RedisItem {
    resource: PolicyResource;
    kind: string;
    key: string;
    clusterSize: number;
    embeddedSentinels: number;
    /** RedisCluster: followers (one per master unless declared, the operator's default). */
    followers: number;
    /** Sentinel counts watching this replication. */
    sentinels: number[];
    /** A RedisSentinel unknown at preview, which might watch this replication. */
    unknownSentinel?: UnknownValueError;
}

function collect(resources: PolicyResource[]) {
    const { known, unknown } = readEach(
        resources.filter((r) => r.type === crTypes.redisSentinel),
        (r) => {
            const replication = asString(at(r.props, "spec", "redisSentinelConfig", "redisReplicationName"));
            return {
                watches: replication === undefined ? undefined : `${namespaceOf(r.props)}/${replication}`,
                size: counts.redisClusterSize(at(r.props, "spec")),
            };
        },
    );
    const kinds = new Map<string, string>([
        [crTypes.redisStandalone, "Redis"],
        [crTypes.redisReplication, "RedisReplication"],
        [crTypes.redisCluster, "RedisCluster"],
    ]);
    return resources
        .filter((r) => kinds.has(r.type))
        .map((resource) =>
            deferUnknown<RedisItem>(resource, () => {
                const key = keyOf(resource.props, resource.name);
                const spec = record(resource.props.spec);
                return {
                    resource,
                    kind: kinds.get(resource.type) ?? resource.type,
                    key,
                    clusterSize: counts.redisClusterSize(spec),
                    embeddedSentinels: asCount(at(spec, "sentinel", "size")) ?? 0,
                    followers: counts.redisRole(spec, "redisFollower"),
                    sentinels: known.filter((w) => w.watches === key).map((w) => w.size),
                    unknownSentinel: unknown,
                };
            }),
        );
}

/** Redis on the OT redis-operator can fail over: Sentinels by majority, or a cluster with a replica per master. */
export const k8sRedisFailover = stackPolicy<RedisFailoverConfig, RedisItem>({
    name: "k8s-redis-failover",
    description:
        "Redis has automatic failover: a RedisReplication of at least 2 nodes watched by at least `minSentinels` Sentinels (RedisSentinel, or the embedded spec.sentinel), or a RedisCluster of at least 3 masters with at least one replica per master. A standalone Redis has none.",
    remediationSteps:
        "Use RedisCluster with mode `replicated` (3 nodes + 3 Sentinels) or `cluster` (3 shards, replicasPerShard 1).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minSentinels: {
                type: "integer",
                minimum: 1,
                default: 3,
                description: "Fewest Sentinels watching a replication.",
            },
        },
    },
    items: collect,
    validate: (r, _all, _args, config, report) => {
        const minSentinels = config.minSentinels ?? 3;
        if (r.kind === "Redis") {
            report(`Redis ${r.key} is standalone: nothing takes over when its pod or node fails.`);
        } else if (r.kind === "RedisReplication") {
            if (r.clusterSize < 2)
                report(`RedisReplication ${r.key} has ${r.clusterSize} node(s): no replica to fail over to.`);
            const sentinels = Math.max(0, r.embeddedSentinels, ...r.sentinels);
            if (sentinels < minSentinels) {
                // A RedisSentinel unknown at preview might be the one that watches it: judge at update.
                if (r.unknownSentinel) throw r.unknownSentinel;
                report(
                    `RedisReplication ${r.key} is watched by ${sentinels} Sentinel(s); needs at least ${minSentinels} (a RedisSentinel whose redisReplicationName names it).`,
                );
            }
        } else {
            const masters = r.clusterSize;
            const followers = r.followers;
            if (masters < 3)
                report(
                    `RedisCluster ${r.key} has ${masters} master(s); a Redis cluster needs at least 3 to elect a failover.`,
                );
            if (followers < masters)
                report(
                    `RedisCluster ${r.key} has ${followers} replica(s) for ${masters} masters; every master needs one.`,
                );
        }
    },
});
