import { PolicyResource } from "@pulumi/policy";
import { BudgetIndex } from "../common/budget-index";
import { operatorPodCounts as counts, operatorPodLabels as labels } from "../common/data-services";
import { stackPolicy } from "../common/define";
import { describeObject, nameOf, namespaceOf } from "../common/metadata";
import { asBoolean, at, record } from "../common/read";
import { K8s, crTypes } from "../common/types";
import { deferUnknown } from "../common/unknowns";

export interface DataPdbConfig {
    minPods?: number;
}

/** One set of pods an operator runs for a data resource, and whether a budget covers it. */
interface PodSet {
    label: string;
    pods: number;
    covered: boolean;
}

interface DataItem {
    resource: PolicyResource;
    what: string;
    sets: PodSet[];
}

/**
 * The pod sets of each data resource and their budgets: the operator's own, or one in the
 * stack selecting the pods. Counts that are not counts read as the operator's default.
 * A budget unknown at preview that might select the pods defers the whole resource
 * (BudgetIndex.covers throws): it could be the covering one.
 */
function podSets(r: PolicyResource, budgets: BudgetIndex): PodSet[] {
    const spec = record(r.props.spec);
    const namespace = namespaceOf(r.props);
    const name = nameOf(r.props, r.name);
    const enabled = (...path: string[]) => asBoolean(at(spec, ...path)) === true;
    switch (r.type) {
        case crTypes.cnpgCluster:
            // CloudNativePG makes the instances' budgets unless enablePDB is false.
            return [{ label: "instances", pods: counts.cnpgInstances(spec), covered: spec.enablePDB !== false }];
        case crTypes.cnpgPooler: {
            const pods = counts.cnpgInstances(spec);
            return [
                {
                    label: "PgBouncer pods",
                    pods,
                    covered: pods < 2 || budgets.covers(namespace, labels.pgbouncer(name)),
                },
            ];
        }
        case crTypes.redisReplication:
        case crTypes.redisSentinel:
            return [{ label: "pods", pods: counts.redisClusterSize(spec), covered: enabled("pdb", "enabled") }];
        case crTypes.redisCluster:
            return [
                {
                    label: "leaders",
                    pods: counts.redisRole(spec, "redisLeader"),
                    covered: enabled("redisLeader", "pdb", "enabled"),
                },
                {
                    label: "followers",
                    pods: counts.redisRole(spec, "redisFollower"),
                    covered: enabled("redisFollower", "pdb", "enabled"),
                },
            ];
        case crTypes.rabbitmqCluster: {
            // The RabbitMQ operator makes none: a budget in the stack must select the nodes.
            const pods = counts.rabbitmqNodes(spec);
            return [
                { label: "nodes", pods, covered: pods < 2 || budgets.covers(namespace, labels.rabbitmqNodes(name)) },
            ];
        }
        default:
            return [];
    }
}

const dataTypes: string[] = [
    crTypes.cnpgCluster,
    crTypes.cnpgPooler,
    crTypes.redisReplication,
    crTypes.redisSentinel,
    crTypes.redisCluster,
    crTypes.rabbitmqCluster,
];

/** Every multi-pod set of an operator-run data service has a PodDisruptionBudget. */
export const k8sDataPdb = stackPolicy<DataPdbConfig, DataItem>({
    name: "k8s-data-pdb",
    description:
        "Every set of `minPods` or more pods an operator runs for a data service has a PodDisruptionBudget, so node drains take them down one at a time: CloudNativePG instances (enablePDB not false), RedisReplication / RedisSentinel / RedisCluster leaders and followers (spec.pdb.enabled, opt-in), and — where the operator makes none — RabbitmqCluster nodes and CloudNativePG Pooler pods (a budget in the stack selecting them).",
    remediationSteps:
        "Use the pulumi-ha data components (they enable or create every budget), or set the operator's PDB switch, or add a PodDisruptionBudget (maxUnavailable 1) selecting the pods.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minPods: {
                type: "integer",
                minimum: 2,
                default: 2,
                description: "Pod sets this small or larger need a budget.",
            },
        },
    },
    items: (resources) => {
        const budgets = new BudgetIndex(resources.filter((r) => r.type === K8s.Pdb));
        return resources
            .filter((r) => dataTypes.includes(r.type))
            .map((resource) =>
                deferUnknown<DataItem>(resource, () => ({
                    resource,
                    what: describeObject(resource.type, resource.props, resource.name),
                    sets: podSets(resource, budgets),
                })),
            );
    },
    validate: (item, _all, _args, config, report) => {
        const min = config.minPods ?? 2;
        for (const set of item.sets) {
            if (set.pods >= min && !set.covered)
                report(
                    `${item.what}: its ${set.label} (${set.pods}) have no PodDisruptionBudget; a node drain may evict several at once.`,
                );
        }
    },
});
