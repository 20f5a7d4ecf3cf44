import { asCount, asRecord, asArray, at } from "./read";
import { crTypes } from "./types";

/**
 * Labels each operator puts on the pods it runs for a resource named `name` (see
 * docs/design.md, "Known limits"): what a NetworkPolicy or a PodDisruptionBudget in the
 * stack must select to reach them.
 */
export const operatorPodLabels = {
    cnpgInstances: (name: string) => ({ "cnpg.io/cluster": name }),
    pgbouncer: (name: string) => ({ "cnpg.io/poolerName": name }),
    /** A Redis or a RedisReplication. */
    redis: (name: string) => ({ app: name }),
    /** Sentinels a RedisReplication runs itself (spec.sentinel.size > 0). */
    redisEmbeddedSentinel: (name: string) => ({ app: `${name}-s` }),
    redisSentinel: (name: string) => ({ app: `${name}-sentinel` }),
    redisLeader: (name: string) => ({ app: `${name}-leader` }),
    redisFollower: (name: string) => ({ app: `${name}-follower` }),
    rabbitmqNodes: (name: string) => ({ "app.kubernetes.io/name": name }),
    cephGateway: (name: string) => ({ app: "rook-ceph-rgw", rook_object_store: name }),
} satisfies Record<string, (name: string) => Record<string, string>>;

export type RedisRole = "redisLeader" | "redisFollower";

/**
 * How many pods an operator runs for a resource's `spec`: the count it declares, or the
 * operator's default when it declares none (or a value that is not a count).
 */
export const operatorPodCounts = {
    /** CloudNativePG Cluster instances and Pooler pods (spec.instances): the operator's default is 1. */
    cnpgInstances: (spec: unknown) => asCount(at(spec, "instances")) ?? 1,
    /** RabbitmqCluster nodes (spec.replicas): the operator's default is 1. */
    rabbitmqNodes: (spec: unknown) => asCount(at(spec, "replicas")) ?? 1,
    /** RedisReplication and RedisSentinel pods, RedisCluster masters (spec.clusterSize, which the CRD requires): 0 when unreadable. */
    redisClusterSize: (spec: unknown) => asCount(at(spec, "clusterSize")) ?? 0,
    /** One RedisCluster role: its own `replicas`, else clusterSize (the operator's default), read only when needed. */
    redisRole: (spec: unknown, role: RedisRole) =>
        asCount(at(spec, role, "replicas")) ?? operatorPodCounts.redisClusterSize(spec),
};

/** Where a pod set's compute resources are set, and what is there. */
export interface ResourcesAt {
    /** For messages, e.g. "spec.kubernetesConfig.resources". */
    path: string;
    /** The ResourceRequirements as given (any shape). */
    value: unknown;
}

/**
 * One set of pods an operator runs for a data resource: what the operator labels them
 * with (to match NetworkPolicies) and where the resource sets their compute resources.
 */
export interface DataPodSet {
    /** For messages, e.g. "instances", "leaders". */
    label: string;
    /** Labels the operator puts on these pods ({@link operatorPodLabels}). */
    podLabels: Record<string, string>;
    /** Reads the resources (may throw UnknownValueError at preview). Lazy, so a policy that does not need them never reads them. */
    resources(): ResourcesAt;
}

/** Data resources whose pods the pack sizes and fences. */
export const dataServiceTypes: readonly string[] = [
    crTypes.cnpgCluster,
    crTypes.cnpgPooler,
    crTypes.redisReplication,
    crTypes.redisSentinel,
    crTypes.redisCluster,
    crTypes.redisStandalone,
    crTypes.rabbitmqCluster,
    crTypes.cephObjectStore,
];

/** The pgbouncer container entry of a Pooler's pod template (the operator merges it by name). */
function pgbouncerContainer(spec: unknown): unknown {
    return asArray(at(spec, "template", "spec", "containers")).find((c) => asRecord(c)?.name === "pgbouncer");
}

/**
 * The redis-operator gives a RedisCluster role its own resources when set (even `{}`),
 * else kubernetesConfig's: `GetRedisLeaderResources` / `GetRedisFollowerResources` (v0.26).
 */
function redisRole(spec: unknown, role: RedisRole): ResourcesAt {
    const own = at(spec, role, "resources");
    if (own !== undefined && own !== null) return { path: `spec.${role}.resources`, value: own };
    return { path: "spec.kubernetesConfig.resources", value: at(spec, "kubernetesConfig", "resources") };
}

/**
 * The pod sets of a data resource of type `type` named `name` (its metadata.name, which the
 * operators derive pod labels from). Reads `props` lazily and defensively; [] for other types.
 */
export function dataPodSets(type: string, props: unknown, name: string): DataPodSet[] {
    const spec = () => at(props, "spec");
    const set = (label: string, podLabels: Record<string, string>, path: string, read: () => unknown): DataPodSet => ({
        label,
        podLabels,
        resources: () => ({ path, value: read() }),
    });
    const labels = operatorPodLabels;
    switch (type) {
        case crTypes.cnpgCluster:
            return [set("instances", labels.cnpgInstances(name), "spec.resources", () => at(spec(), "resources"))];
        case crTypes.cnpgPooler:
            return [
                set(
                    "PgBouncer pods",
                    labels.pgbouncer(name),
                    "spec.template.spec.containers[pgbouncer].resources",
                    () => at(pgbouncerContainer(spec()), "resources"),
                ),
            ];
        case crTypes.redisReplication: {
            const sets = [
                set("pods", labels.redis(name), "spec.kubernetesConfig.resources", () =>
                    at(spec(), "kubernetesConfig", "resources"),
                ),
            ];
            // Sentinels the replication runs itself (spec.sentinel.size > 0): StatefulSet and label `<name>-s`.
            const size = at(spec(), "sentinel", "size");
            if (typeof size === "number" && size > 0) {
                sets.push(
                    set("embedded Sentinel pods", labels.redisEmbeddedSentinel(name), "spec.sentinel.resources", () =>
                        at(spec(), "sentinel", "resources"),
                    ),
                );
            }
            return sets;
        }
        case crTypes.redisStandalone:
            return [
                set("pods", labels.redis(name), "spec.kubernetesConfig.resources", () =>
                    at(spec(), "kubernetesConfig", "resources"),
                ),
            ];
        case crTypes.redisSentinel:
            return [
                set("Sentinel pods", labels.redisSentinel(name), "spec.kubernetesConfig.resources", () =>
                    at(spec(), "kubernetesConfig", "resources"),
                ),
            ];
        case crTypes.redisCluster:
            return [
                {
                    label: "leaders",
                    podLabels: labels.redisLeader(name),
                    resources: () => redisRole(spec(), "redisLeader"),
                },
                {
                    label: "followers",
                    podLabels: labels.redisFollower(name),
                    resources: () => redisRole(spec(), "redisFollower"),
                },
            ];
        case crTypes.rabbitmqCluster:
            return [set("nodes", labels.rabbitmqNodes(name), "spec.resources", () => at(spec(), "resources"))];
        case crTypes.cephObjectStore:
            return [
                set("RGW gateways", labels.cephGateway(name), "spec.gateway.resources", () =>
                    at(spec(), "gateway", "resources"),
                ),
            ];
        default:
            return [];
    }
}
