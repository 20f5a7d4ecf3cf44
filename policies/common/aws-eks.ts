/**
 * EKS node groups judged together: the node capacity of a cluster is the sum of its managed
 * node groups, and the package's own KubernetesCluster makes one node group per zone (so an
 * autoscaler can grow the zone a pending pod's zonal volume lives in). A node group belongs
 * to the stack's aws.eks.Cluster its `clusterName` names: by the property's dependencies when
 * it was computed from one cluster (`cluster.name`), else by value (the cluster's `name`).
 * A node group whose cluster the stack does not declare is judged alone.
 *
 * Both EKS policies ask for something that adding a node group can only help (more zones,
 * more nodes), so a set of groups that passes passes with any more groups: a group that may
 * belong to a cluster (a link unknown at preview) only matters when the verdict fails.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { named, referenceOf, refersTo } from "./aws-join";
import { Aws, asFlag, maybe } from "./aws-types";
import { exemptionFrom } from "./exemptions";
import { at } from "./read";

export interface NodeGroupsItem {
    /** The cluster judged, or a node group judged alone. */
    resource: PolicyResource;
    cluster: boolean;
    /** The node groups judged: the cluster's (those exempt from the policy left out), or the lone group itself. */
    groups: PolicyResource[];
    /**
     * The first unknown that may add a node group to those judged: a group whose link to the
     * cluster, or whose exemption, is unknown at preview; for a lone group, a cluster it may belong to.
     */
    maybe?: UnknownValueError;
    /** The stack's subnets (for the zones policy). */
    subnets: PolicyResource[];
}

/** One item per cluster with node groups in the stack, and one per node group no cluster of the stack claims. */
export function nodeGroupItems(resources: PolicyResource[], policy: string): NodeGroupsItem[] {
    const subnets = resources.filter((r) => r.type === Aws.Ec2Subnet);
    const clusters = resources.filter((r) => r.type === Aws.EksCluster).map((r) => named(r, "name"));
    const groups = resources.filter((r) => r.type === Aws.EksNodeGroup);
    const candidates = new Set(clusters.map((c) => c.resource.urn));
    const refs = groups.map((g) => referenceOf(g, "clusterName", candidates));

    const claimed = new Set<string>();
    const groupMaybe = new Map<string, UnknownValueError>();
    const items: NodeGroupsItem[] = [];
    for (const c of clusters) {
        const item: NodeGroupsItem = { resource: c.resource, cluster: true, groups: [], subnets };
        let own = false;
        for (const ref of refs) {
            const verdict = refersTo(ref, c);
            if (verdict instanceof UnknownValueError) {
                item.maybe ??= verdict;
                if (!groupMaybe.has(ref.resource.urn)) groupMaybe.set(ref.resource.urn, verdict);
                continue;
            }
            if (!verdict) continue;
            claimed.add(ref.resource.urn);
            own = true;
            const exempt = maybe(() => exemptionFrom(ref.resource.props, policy));
            if (!exempt.known) item.maybe ??= exempt.unknown;
            else if (exempt.value === undefined) item.groups.push(ref.resource);
        }
        // A cluster without node groups in the stack (Auto Mode, nodes managed elsewhere) is not judged.
        if (own) items.push(item);
    }
    for (const g of groups) {
        if (claimed.has(g.urn)) continue;
        items.push({ resource: g, cluster: false, groups: [g], maybe: groupMaybe.get(g.urn), subnets });
    }
    return items;
}

/**
 * EKS Auto Mode (computeConfig.enabled) places its own nodes over the cluster's subnets and
 * scales them to the pods: managed node groups there are additions, not the cluster's capacity.
 * true, false, or the unknown that hides it at preview.
 */
export function autoMode(cluster: PolicyResource): boolean | UnknownValueError {
    const enabled = maybe(() => asFlag(at(cluster.props, "computeConfig", "enabled")) === true);
    return enabled.known ? enabled.value : enabled.unknown;
}

/**
 * `item`'s verdict has failed: true when it passes after all (Auto Mode), else throws what
 * could still make it pass (an unknown at preview: a node group that may join, or `unknown`),
 * else false.
 */
export function passesAfterAll(item: NodeGroupsItem, unknown?: UnknownValueError): boolean {
    if (item.cluster) {
        const auto = autoMode(item.resource);
        if (auto === true) return true;
        if (auto instanceof UnknownValueError) throw auto;
    }
    if (item.maybe) throw item.maybe;
    if (unknown) throw unknown;
    return false;
}
