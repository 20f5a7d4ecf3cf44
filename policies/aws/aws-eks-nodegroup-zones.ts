import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { dependencyUrns } from "../common/aws-join";
import { NodeGroupsItem, nodeGroupItems, passesAfterAll } from "../common/aws-eks";
import { awsLabel, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { asArray, asNonEmptyString, at } from "../common/read";

export interface EksNodeGroupZonesConfig {
    minZones?: number;
}

const policyName = "aws-eks-nodegroup-zones";

/**
 * The stack's subnets a node group's `subnetIds` name: by id when the subnet's id is known,
 * else by the property's dependencies when they name as many subnets as are left. Undefined
 * when some cannot be found (a subnet outside the stack); an UnknownValueError when an id
 * unknown at preview stands in the way.
 */
function subnetsOf(
    group: PolicyResource,
    subnets: PolicyResource[],
    entries: readonly unknown[],
): PolicyResource[] | UnknownValueError | undefined {
    const byId = new Map<string, PolicyResource>();
    for (const s of subnets) {
        const id = maybe(() => asNonEmptyString(at(s.props, "id")));
        if (id.known && id.value !== undefined) byId.set(id.value, s);
    }
    const found: PolicyResource[] = [];
    let left = 0;
    let unknown: UnknownValueError | undefined;
    // By index: forEach would read each entry through the SDK's proxy, and an id unknown at
    // preview would throw before the property's dependencies are asked.
    for (let i = 0; i < entries.length; i++) {
        const entry = maybe(() => asNonEmptyString(entries[i]));
        const subnet = entry.known && entry.value !== undefined ? byId.get(entry.value) : undefined;
        if (subnet) found.push(subnet);
        else {
            left++;
            if (!entry.known) unknown ??= entry.unknown;
        }
    }
    if (left === 0) return found;
    const urns = new Set(dependencyUrns(group, "subnetIds"));
    const fromDeps = subnets.filter((s) => urns.has(s.urn) && !found.includes(s));
    if (fromDeps.length === left) return [...found, ...fromDeps];
    return unknown;
}

/** A node group's subnet entries, or the unknown that hides the list at preview. */
function entriesOf(group: PolicyResource): readonly unknown[] | UnknownValueError {
    const entries = maybe(() => asArray(at(group.props, "subnetIds")));
    return entries.known ? entries.value : entries.unknown;
}

/** `a (subnets x, y); b (subnets z)` for a cluster's message, `subnets x, y` for a lone group's. */
function placement(item: NodeGroupsItem, subnetsByGroup: Map<PolicyResource, PolicyResource[]>): string {
    const listed = (g: PolicyResource) => `subnets ${(subnetsByGroup.get(g) ?? []).map((s) => s.name).join(", ")}`;
    if (!item.cluster) return listed(item.groups[0]);
    return `node groups ${item.groups.map((g) => `${g.name} (${listed(g)})`).join("; ")}`;
}

/**
 * The nodes of an EKS cluster can run in several Availability Zones: the zones of its
 * managed node groups' subnets, together (one node group per zone, or groups over several).
 */
export const awsEksNodeGroupZones = stackPolicy<EksNodeGroupZonesConfig, NodeGroupsItem>({
    name: policyName,
    description:
        "The managed node groups of every EKS Cluster (the stack's NodeGroups whose clusterName names it: by value, or computed from `cluster.name`) together place nodes in at least `minZones` Availability Zones, read from the stack's aws.ec2.Subnet resources (availabilityZone, or availabilityZoneId) matched by id, or by the subnets `subnetIds` was computed from; one node group per zone passes. The violation is reported on the cluster, naming its node groups, their subnets and the zones found. A NodeGroup whose cluster the stack does not declare is judged alone, on itself. A cluster without node groups in the stack, or with EKS Auto Mode (computeConfig.enabled), is not judged; node groups carrying the exemption are left out of their cluster's count. Fewer subnets than `minZones` always fails; subnets the stack does not declare cannot be judged and pass.",
    remediationSteps:
        "Give the cluster node groups in at least 2 (production: 3) Availability Zones: one node group per zone, each over that zone's private subnet, or one node group over a private subnet in each zone.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minZones: {
                type: "integer",
                minimum: 1,
                default: 2,
                description:
                    "Fewest distinct Availability Zones the subnets of a cluster's node groups (or a lone node group's) must span.",
            },
        },
    },
    items: (resources) => nodeGroupItems(resources, policyName),
    validate: (item, _all, _args, config, report) => {
        if (item.groups.length === 0) {
            // Every node group of the cluster is exempt.
            if (item.maybe) throw item.maybe;
            return;
        }
        const min = config.minZones ?? 2;
        const label = awsLabel(item.resource.type, item.resource.name);

        // One subnet is one zone at most, whatever its id: the count alone can fail.
        let count = 0;
        let unknownList: UnknownValueError | undefined;
        const entriesByGroup = new Map<PolicyResource, readonly unknown[]>();
        for (const g of item.groups) {
            const entries = entriesOf(g);
            if (entries instanceof UnknownValueError) unknownList ??= entries;
            else {
                entriesByGroup.set(g, entries);
                count += entries.length;
            }
        }
        if (count < min && unknownList === undefined) {
            if (passesAfterAll(item)) return;
            report(
                item.cluster
                    ? `${label} has ${count} subnet(s) in its node groups' subnetIds (${item.groups.map((g) => `${g.name}: ${entriesByGroup.get(g)?.length ?? 0}`).join(", ")}), so its nodes span at most ${count} Availability Zone(s); needs at least ${min}.`
                    : `${label} has ${count} subnet(s) in subnetIds, so its nodes span at most ${count} Availability Zone(s); needs at least ${min}.`,
            );
            return;
        }

        const subnetsByGroup = new Map<PolicyResource, PolicyResource[]>();
        let unknown: UnknownValueError | undefined = unknownList;
        let undecidable = false;
        for (const [g, entries] of entriesByGroup) {
            const found = subnetsOf(g, item.subnets, entries);
            if (found instanceof UnknownValueError) unknown ??= found;
            else if (found === undefined) undecidable = true;
            else subnetsByGroup.set(g, found);
        }
        // Zone names and zone ids are read apart: at preview AWS has not yet reported the id of
        // a subnet whose zone name the program set.
        const names = new Set<string>();
        const ids = new Set<string>();
        let allNamed = true;
        let allIded = true;
        let unknownZone: UnknownValueError | undefined;
        for (const s of new Set([...subnetsByGroup.values()].flat())) {
            const name = maybe(() => asNonEmptyString(at(s.props, "availabilityZone"))?.trim());
            if (!name.known) unknownZone ??= name.unknown;
            if (name.known && name.value !== undefined) names.add(name.value);
            else allNamed = false;
            const id = maybe(() => asNonEmptyString(at(s.props, "availabilityZoneId"))?.trim());
            if (!id.known) unknownZone ??= id.unknown;
            if (id.known && id.value !== undefined) ids.add(id.value);
            else allIded = false;
        }
        if (Math.max(names.size, ids.size) >= min) return;
        // Every subnet's zone known by one scheme (name or id) settles the count, whatever the other says.
        const zones = allNamed ? names : allIded ? ids : undefined;
        if (passesAfterAll(item, unknown ?? (zones === undefined ? unknownZone : undefined))) return;
        // A subnet outside the stack, subnets without a zone (AWS picks one), or named by zone
        // name and zone id alike: not decidable.
        if (undecidable || zones === undefined) return;
        report(
            `${label} places its nodes in ${zones.size} Availability Zone(s) (${[...zones].sort().join(", ") || "none"}, from ${placement(item, subnetsByGroup)}); needs at least ${min}.`,
        );
    },
});
