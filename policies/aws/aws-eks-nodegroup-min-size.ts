import { Aws, asInteger, awsLabel } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface EksNodeGroupMinSizeConfig {
    minNodes?: number;
}

/** An EKS managed node group never scales below two nodes, so losing one node leaves a place for the pods. */
export const awsEksNodeGroupMinSize = resourcePolicy<EksNodeGroupMinSizeConfig>({
    name: "aws-eks-nodegroup-min-size",
    description:
        "Every EKS NodeGroup sets scalingConfig.minSize to at least `minNodes`: with one node, a node failure or an upgrade stops every pod of the group, and zone spread has nowhere to go.",
    remediationSteps:
        "Set scalingConfig.minSize ≥ 2 (production: one node per zone, ≥ 3), or relax `minNodes` for a development stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minNodes: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest nodes a node group may scale down to.",
            },
        },
    },
    types: [Aws.EksNodeGroup],
    validate: (props, args, config, report) => {
        const min = config.minNodes ?? 2;
        const raw = at(props, "scalingConfig", "minSize");
        const size = asInteger(raw);
        if (size !== undefined && size >= min) return;
        report(
            `${awsLabel(args.type, args.name)} may scale down to ${size !== undefined ? `${size} node(s)` : `scalingConfig.minSize ${shown(raw)}`}; needs at least ${min}.`,
        );
    },
});
