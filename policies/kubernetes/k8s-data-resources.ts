import { resourcePolicy } from "../common/define";
import { dataPodSets, dataServiceTypes } from "../common/data-services";
import { describeObject, nameOf } from "../common/metadata";
import { parseQuantity } from "../common/quantities";
import { at } from "../common/read";
import { judgeEach } from "../common/unknowns";

export interface DataResourcesConfig {
    requireCpuRequests?: boolean;
}

/** What is wrong with one quantity of a ResourceRequirements, or undefined if it is set and valid. */
function quantityProblem(
    resources: unknown,
    section: "requests" | "limits",
    resource: "memory" | "cpu",
): string | undefined {
    const v = at(resources, section, resource);
    const what = `${resource} ${section === "requests" ? "request" : "limit"}`;
    if (v === undefined || v === null || v === "") return `no ${what}`;
    const n = parseQuantity(v);
    if (n === undefined) return `a ${what} that is not a Kubernetes quantity (${JSON.stringify(v) ?? String(v)})`;
    if (n <= 0) return `a ${what} of ${JSON.stringify(v)}, not above 0`;
    return undefined;
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Data-service pods set memory requests and limits (not BestEffort, the first evicted). */
export const k8sDataResources = resourcePolicy<DataResourcesConfig>({
    name: "k8s-data-resources",
    description:
        "Every data-service pod set states memory requests and memory limits, request ≤ limit (the kubelet evicts pods without them first under memory pressure, and a PodDisruptionBudget does not stop that): CloudNativePG Cluster spec.resources; Pooler pgbouncer container in spec.template.spec.containers; redis-operator RedisReplication, RedisSentinel and Redis spec.kubernetesConfig.resources (a RedisReplication's embedded Sentinels: spec.sentinel.resources), RedisCluster leaders and followers (spec.redisLeader / spec.redisFollower.resources, else spec.kubernetesConfig.resources); RabbitmqCluster spec.resources (the operator has defaults, but they must be explicit here); Rook CephObjectStore spec.gateway.resources.",
    remediationSteps:
        "Size each data service (the pulumi-ha data components take `resources` with production defaults; CloudNativePG recommends equal requests and limits for Postgres), or set the operator's resources field named in the message.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireCpuRequests: {
                type: "boolean",
                default: false,
                description: "Also demand a CPU request on every data-service pod set.",
            },
        },
    },
    types: dataServiceTypes,
    validate: (props, args, config, report) => {
        const what = describeObject(args.type, props, args.name);
        judgeEach(dataPodSets(args.type, props, nameOf(props, args.name)), (set) => {
            const { path, value } = set.resources();
            const problems = [
                quantityProblem(value, "requests", "memory"),
                quantityProblem(value, "limits", "memory"),
                config.requireCpuRequests === true ? quantityProblem(value, "requests", "cpu") : undefined,
            ].filter((p): p is string => p !== undefined);
            if (problems.length > 0) {
                report(
                    `${what}: its ${set.label} (${path}) have ${listed(problems)}; the kubelet evicts them first under memory pressure.`,
                );
                return;
            }
            const request = parseQuantity(at(value, "requests", "memory"))!;
            const limit = parseQuantity(at(value, "limits", "memory"))!;
            if (request > limit) {
                report(
                    `${what}: its ${set.label} (${path}) request more memory (${String(at(value, "requests", "memory"))}) than their limit (${String(at(value, "limits", "memory"))}); Kubernetes rejects such pods.`,
                );
            }
        });
    },
});
