import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { dependencyUrns } from "../common/aws-join";
import { Aws, awsLabel, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { asArray, asNonEmptyString, at } from "../common/read";

export interface EksNodeGroupZonesConfig {
    minZones?: number;
}

interface NodeGroupItem {
    resource: PolicyResource;
    subnets: PolicyResource[];
}

interface Zone {
    name?: string;
    id?: string;
}

function zoneOf(subnet: PolicyResource): Zone {
    return {
        name: asNonEmptyString(at(subnet.props, "availabilityZone"))?.trim(),
        id: asNonEmptyString(at(subnet.props, "availabilityZoneId"))?.trim(),
    };
}

/**
 * The stack's subnets a node group's `subnetIds` name: by id when the subnet's id is known,
 * else by the property's dependencies when they name as many subnets as are left. Undefined
 * when some cannot be found (a subnet outside the stack); an UnknownValueError when an id
 * unknown at preview stands in the way.
 */
function subnetsOf(item: NodeGroupItem, entries: readonly unknown[]): PolicyResource[] | UnknownValueError | undefined {
    const byId = new Map<string, PolicyResource>();
    for (const s of item.subnets) {
        const id = maybe(() => asNonEmptyString(at(s.props, "id")));
        if (id.known && id.value !== undefined) byId.set(id.value, s);
    }
    const found: PolicyResource[] = [];
    let left = 0;
    let unknown: UnknownValueError | undefined;
    entries.forEach((_, i) => {
        const entry = maybe(() => asNonEmptyString(entries[i]));
        const subnet = entry.known && entry.value !== undefined ? byId.get(entry.value) : undefined;
        if (subnet) found.push(subnet);
        else {
            left++;
            if (!entry.known) unknown ??= entry.unknown;
        }
    });
    if (left === 0) return found;
    const urns = new Set(dependencyUrns(item.resource, "subnetIds"));
    const fromDeps = item.subnets.filter((s) => urns.has(s.urn) && !found.includes(s));
    if (fromDeps.length === left) return [...found, ...fromDeps];
    return unknown;
}

/** An EKS managed node group can place nodes in several Availability Zones. */
export const awsEksNodeGroupZones = stackPolicy<EksNodeGroupZonesConfig, NodeGroupItem>({
    name: "aws-eks-nodegroup-zones",
    description:
        "Every EKS NodeGroup's subnetIds span at least `minZones` Availability Zones, read from the stack's aws.ec2.Subnet resources (availabilityZone, or availabilityZoneId) matched by id, or by the subnets `subnetIds` was computed from. Fewer subnets than `minZones` always fails; subnets the stack does not declare cannot be judged and pass.",
    remediationSteps:
        "Give the node group one private subnet in each of at least 2 (production: 3) Availability Zones, or one node group per zone.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minZones: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest distinct Availability Zones a node group's subnets must span.",
            },
        },
    },
    items: (resources) => {
        const subnets = resources.filter((r) => r.type === Aws.Ec2Subnet);
        return resources.filter((r) => r.type === Aws.EksNodeGroup).map((resource) => ({ resource, subnets }));
    },
    validate: (item, _all, _args, config, report) => {
        const min = config.minZones ?? 2;
        const label = awsLabel(item.resource.type, item.resource.name);
        const entries = asArray(at(item.resource.props, "subnetIds"));
        if (entries.length < min) {
            report(
                `${label} has ${entries.length} subnet(s) in subnetIds, so its nodes span at most ${entries.length} Availability Zone(s); needs at least ${min}.`,
            );
            return;
        }
        const subnets = subnetsOf(item, entries);
        if (subnets instanceof UnknownValueError) throw subnets;
        if (subnets === undefined) return;
        const names = new Set<string>();
        const ids = new Set<string>();
        let unknown: UnknownValueError | undefined;
        let allNamed = true;
        let allIded = true;
        for (const s of subnets) {
            const zone = maybe(() => zoneOf(s));
            if (!zone.known) {
                unknown ??= zone.unknown;
                allNamed = allIded = false;
                continue;
            }
            if (zone.value.name !== undefined) names.add(zone.value.name);
            else allNamed = false;
            if (zone.value.id !== undefined) ids.add(zone.value.id);
            else allIded = false;
        }
        if (Math.max(names.size, ids.size) >= min) return;
        if (unknown) throw unknown;
        // Subnets without a zone (AWS picks one), or named by zone name and zone id alike: not decidable.
        const zones = allNamed ? names : allIded ? ids : undefined;
        if (zones === undefined) return;
        report(
            `${label} places its nodes in ${zones.size} Availability Zone(s) (${[...zones].sort().join(", ") || "none"}, from subnets ${subnets.map((s: PolicyResource) => s.name).join(", ")}); needs at least ${min}.`,
        );
    },
});
