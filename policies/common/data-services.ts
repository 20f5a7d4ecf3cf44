import { crTypes } from "./operators";
import { at, isRecord, listAt } from "./untrusted";

/** Types the shared operator list (operators.ts) does not name. */
export const moreTypes = {
    cephObjectStore: "kubernetes:ceph.rook.io/v1:CephObjectStore",
    cephCluster: "kubernetes:ceph.rook.io/v1:CephCluster",
    networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
} as const;

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
    /** Labels the operator puts on these pods (see docs/design.md, "Known limits"). */
    podLabels: Record<string, string>;
    /** Reads the resources (may throw UnknownValueError at preview). Lazy, so a policy that does not need them never reads them. */
    resources(): ResourcesAt;
}

/** Data resources whose pods the pack sizes and fences. */
export const dataServiceTypes: readonly string[] = [
    crTypes.cnpgCluster, crTypes.cnpgPooler,
    crTypes.redisReplication, crTypes.redisSentinel, crTypes.redisCluster, crTypes.redisStandalone,
    crTypes.rabbitmqCluster, moreTypes.cephObjectStore,
];

/** The pgbouncer container entry of a Pooler's pod template (the operator merges it by name). */
function pgbouncerContainer(spec: unknown): unknown {
    return listAt(spec, "template", "spec", "containers").find((c) => isRecord(c) && c.name === "pgbouncer");
}

/**
 * The redis-operator gives a RedisCluster role its own resources when set (even `{}`),
 * else kubernetesConfig's: `GetRedisLeaderResources` / `GetRedisFollowerResources` (v0.26).
 */
function redisRole(spec: unknown, role: "redisLeader" | "redisFollower"): ResourcesAt {
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
    const set = (label: string, podLabels: Record<string, string>, path: string, read: () => unknown): DataPodSet =>
        ({ label, podLabels, resources: () => ({ path, value: read() }) });
    switch (type) {
        case crTypes.cnpgCluster:
            return [set("instances", { "cnpg.io/cluster": name }, "spec.resources", () => at(spec(), "resources"))];
        case crTypes.cnpgPooler:
            return [set("PgBouncer pods", { "cnpg.io/poolerName": name }, "spec.template.spec.containers[pgbouncer].resources",
                () => at(pgbouncerContainer(spec()), "resources"))];
        case crTypes.redisReplication: {
            const sets = [set("pods", { app: name }, "spec.kubernetesConfig.resources", () => at(spec(), "kubernetesConfig", "resources"))];
            // Sentinels the replication runs itself (spec.sentinel.size > 0): StatefulSet and label `<name>-s`.
            const size = at(spec(), "sentinel", "size");
            if (typeof size === "number" && size > 0) {
                sets.push(set("embedded Sentinel pods", { app: `${name}-s` }, "spec.sentinel.resources", () => at(spec(), "sentinel", "resources")));
            }
            return sets;
        }
        case crTypes.redisStandalone:
            return [set("pods", { app: name }, "spec.kubernetesConfig.resources", () => at(spec(), "kubernetesConfig", "resources"))];
        case crTypes.redisSentinel:
            return [set("Sentinel pods", { app: `${name}-sentinel` }, "spec.kubernetesConfig.resources", () => at(spec(), "kubernetesConfig", "resources"))];
        case crTypes.redisCluster:
            return [
                { label: "leaders", podLabels: { app: `${name}-leader` }, resources: () => redisRole(spec(), "redisLeader") },
                { label: "followers", podLabels: { app: `${name}-follower` }, resources: () => redisRole(spec(), "redisFollower") },
            ];
        case crTypes.rabbitmqCluster:
            return [set("nodes", { "app.kubernetes.io/name": name }, "spec.resources", () => at(spec(), "resources"))];
        case moreTypes.cephObjectStore:
            return [set("RGW gateways", { app: "rook-ceph-rgw", rook_object_store: name }, "spec.gateway.resources", () => at(spec(), "gateway", "resources"))];
        default:
            return [];
    }
}
