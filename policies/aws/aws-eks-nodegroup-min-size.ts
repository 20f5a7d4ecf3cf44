import { UnknownValueError } from "@pulumi/policy";
import { NodeGroupsItem, nodeGroupItems, passesAfterAll } from "../common/aws-eks";
import { asInteger, awsLabel, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface EksNodeGroupMinSizeConfig {
    minNodes?: number;
}

const policyName = "aws-eks-nodegroup-min-size";

/**
 * An EKS cluster's managed node groups never scale below two nodes together, so losing one
 * node leaves a place for the pods.
 */
export const awsEksNodeGroupMinSize = stackPolicy<EksNodeGroupMinSizeConfig, NodeGroupsItem>({
    name: policyName,
    description:
        "The managed node groups of every EKS Cluster (the stack's NodeGroups whose clusterName names it: by value, or computed from `cluster.name`) set scalingConfig.minSize to at least `minNodes` together: with one node, a node failure or an upgrade stops every pod, and zone spread has nowhere to go. One node group per zone at minSize 1 over 2 or more zones passes. The violation is reported on the cluster, naming each node group's minSize. A NodeGroup whose cluster the stack does not declare is judged alone, on itself. A cluster without node groups in the stack, or with EKS Auto Mode (computeConfig.enabled), is not judged; node groups carrying the exemption are left out of their cluster's sum.",
    remediationSteps:
        "Raise scalingConfig.minSize so the cluster's node groups keep ≥ 2 nodes together (production: one node per zone in ≥ 3 zones, e.g. one node group per zone at minSize ≥ 1), or relax `minNodes` for a development stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minNodes: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest nodes a cluster's node groups (or a lone node group) may scale down to together.",
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
        const min = config.minNodes ?? 2;
        const label = awsLabel(item.resource.type, item.resource.name);
        let total = 0;
        let unknown: UnknownValueError | undefined;
        const sizes: string[] = [];
        for (const g of item.groups) {
            const raw = maybe(() => at(g.props, "scalingConfig", "minSize"));
            if (!raw.known) {
                unknown ??= raw.unknown;
                continue;
            }
            const size = asInteger(raw.value);
            // A malformed or negative minSize keeps no node.
            if (size !== undefined && size > 0) total += size;
            sizes.push(`${g.name}: ${size !== undefined ? size : `scalingConfig.minSize ${shown(raw.value)}`}`);
        }
        if (total >= min) return;
        if (passesAfterAll(item, unknown)) return;
        if (!item.cluster) {
            const size = asInteger(at(item.resource.props, "scalingConfig", "minSize"));
            report(
                `${label} may scale down to ${size !== undefined ? `${size} node(s)` : `scalingConfig.minSize ${shown(at(item.resource.props, "scalingConfig", "minSize"))}`}; needs at least ${min}.`,
            );
            return;
        }
        report(
            `${label} may scale down to ${total} node(s) across its node groups (${sizes.join(", ")}); needs at least ${min}.`,
        );
    },
});
