import { PolicyResource } from "@pulumi/policy";
import { DataPodSet, dataPodSets, dataServiceTypes } from "../common/data-services";
import { stackPolicy } from "../common/define";
import { describeObject, nameOf, namespaceOf } from "../common/metadata";
import { at } from "../common/read";
import { Selector, readSelector, selects } from "../common/selectors";
import { K8s } from "../common/types";
import { Deferred, deferUnknown, isDeferred, judgeEach } from "../common/unknowns";

/**
 * A NetworkPolicy's podSelector, or undefined when it is malformed (then it selects
 * nothing). An absent selector is the empty one: the API decodes a missing podSelector as
 * `{}`, which selects every pod in the namespace.
 */
function podSelectorOf(spec: unknown): Selector | undefined {
    return readSelector(at(spec, "podSelector") ?? {});
}

interface Isolates {
    ingress: boolean;
    egress: boolean;
}

/**
 * What traffic the policy isolates. Kubernetes defaults policyTypes (absent or empty) to
 * Ingress, plus Egress when the policy has egress rules.
 */
function isolates(spec: unknown): Isolates {
    const types = at(spec, "policyTypes");
    if (types === undefined || types === null || (Array.isArray(types) && types.length === 0)) {
        const egress = at(spec, "egress");
        return { ingress: true, egress: egress !== undefined && egress !== null };
    }
    if (!Array.isArray(types)) return { ingress: false, egress: false };
    return { ingress: types.includes("Ingress"), egress: types.includes("Egress") };
}

interface Selecting extends Isolates {
    selector: Selector;
}

/** The stack's NetworkPolicies that isolate ingress or egress, by namespace; those unknown at preview aside. */
class NetworkPolicyIndex {
    private readonly byNamespace = new Map<string, Selecting[]>();
    /** Namespaces in which a NetworkPolicy's selector or types are unknown at preview. */
    private readonly unknownIn = new Map<string, Deferred>();
    /** A NetworkPolicy whose namespace itself is unknown: it may be in any namespace. */
    private unknownAnywhere?: Deferred;

    constructor(resources: PolicyResource[]) {
        for (const r of resources) {
            if (r.type !== K8s.NetworkPolicy) continue;
            const ns = deferUnknown(r, () => namespaceOf(r.props));
            if (typeof ns !== "string") {
                this.unknownAnywhere ??= ns;
                continue;
            }
            const entry = deferUnknown(r, () => ({
                ...isolates(at(r.props, "spec")),
                selector: podSelectorOf(at(r.props, "spec")),
            }));
            if (isDeferred(entry)) {
                if (!this.unknownIn.has(ns)) this.unknownIn.set(ns, entry);
                continue;
            }
            const { selector } = entry;
            if (!selector || (!entry.ingress && !entry.egress)) continue;
            this.byNamespace.set(ns, [...(this.byNamespace.get(ns) ?? []), { ...entry, selector }]);
        }
    }

    /** True when known policies in `namespace` select `labels` for what `need`s isolating; throws the unknown when only an unknown one might. */
    covers(namespace: string, labels: Record<string, string>, need: Isolates): boolean {
        const selecting = (this.byNamespace.get(namespace) ?? []).filter((p) => selects(p.selector, labels));
        if ((!need.ingress || selecting.some((p) => p.ingress)) && (!need.egress || selecting.some((p) => p.egress)))
            return true;
        const unknown = this.unknownIn.get(namespace) ?? this.unknownAnywhere;
        if (unknown) throw unknown.unknown;
        return false;
    }
}

interface Fenced {
    resource: PolicyResource;
    what: string;
    namespace: string;
    sets: DataPodSet[];
    index: NetworkPolicyIndex;
}

export interface NetworkPolicyConfig {
    requireEgress?: boolean;
}

/** Every data-service pod is isolated by a NetworkPolicy (ingress; egress too with `requireEgress`). */
export const k8sNetworkPolicy = stackPolicy<NetworkPolicyConfig, Fenced>({
    name: "k8s-network-policy",
    description:
        "Every data-service pod is selected by a NetworkPolicy in its namespace whose policyTypes include Ingress (or leave it out, as Kubernetes then defaults), so only the pods allowed reach it, not any pod in the cluster: CloudNativePG Cluster (cnpg.io/cluster) and Pooler (cnpg.io/poolerName) pods, redis-operator Redis / RedisReplication (app: <name>; its embedded Sentinels app: <name>-s), RedisSentinel (app: <name>-sentinel), RedisCluster leaders and followers (app: <name>-leader / -follower), RabbitmqCluster nodes (app.kubernetes.io/name), Rook CephObjectStore gateways (app: rook-ceph-rgw, rook_object_store). An empty podSelector selects every pod in its namespace.",
    remediationSteps:
        "Keep the pulumi-ha network policies on (a default-deny ingress policy per namespace plus the allows the stack needs), or add a NetworkPolicy with policyTypes [Ingress] selecting the pods.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: {
        properties: {
            requireEgress: {
                type: "boolean",
                default: false,
                description:
                    "Also demand a NetworkPolicy with Egress selecting the pods (they reach only what is allowed).",
            },
        },
    },
    items: (resources) => {
        const index = new NetworkPolicyIndex(resources);
        return resources
            .filter((r) => dataServiceTypes.includes(r.type))
            .map((resource) =>
                deferUnknown<Fenced>(resource, () => ({
                    resource,
                    index,
                    what: describeObject(resource.type, resource.props, resource.name),
                    namespace: namespaceOf(resource.props),
                    sets: dataPodSets(resource.type, resource.props, nameOf(resource.props, resource.name)),
                })),
            );
    },
    validate: (item, _all, _args, config, report) => {
        const egress = config.requireEgress === true;
        // Each pod set on its own: one whose possible policy is unknown does not hide another's verdict.
        judgeEach(item.sets, (set) => {
            const labels = Object.entries(set.podLabels)
                .map(([k, v]) => `${k}: ${v}`)
                .join(", ");
            const where = `${item.what}: its ${set.label} (${labels}) are selected by no NetworkPolicy`;
            if (!item.index.covers(item.namespace, set.podLabels, { ingress: true, egress: false })) {
                report(
                    `${where} with Ingress in namespace ${item.namespace}; any pod in the cluster can connect to them.`,
                );
            } else if (egress && !item.index.covers(item.namespace, set.podLabels, { ingress: false, egress: true })) {
                report(`${where} with Egress in namespace ${item.namespace}; they can connect anywhere.`);
            }
        });
    },
});
