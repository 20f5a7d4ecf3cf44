import { asFlag } from "../common/aws-types";
import { poolsOf } from "../common/gcp-gke";
import { Gcp } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface GkeNodePoolAutoRepairConfig {
    requireExplicit?: boolean;
}

/** GKE repairs a failing node of a node pool by itself. */
export const gcpGkeNodePoolAutoRepair = resourcePolicy<GkeNodePoolAutoRepairConfig>({
    name: "gcp-gke-nodepool-auto-repair",
    description:
        "Every GKE NodePool (gcp.container.NodePool), and every inline nodePools entry of a GKE Cluster, keeps node auto-repair on: management.autoRepair is not false (left unset it is on). With `requireExplicit`, management.autoRepair must be set to true. Autopilot clusters (enableAutopilot) repair their nodes themselves and pass.",
    remediationSteps:
        "Set management: { autoRepair: true, autoUpgrade: true } on the node pool (or leave management unset).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            requireExplicit: {
                type: "boolean",
                default: false,
                description: "Demand management.autoRepair: true set explicitly, not left to the default.",
            },
        },
    },
    types: [Gcp.GkeNodePool, Gcp.GkeCluster],
    validate: (props, args, config, report) => {
        const explicit = config.requireExplicit ?? false;
        const messages: string[] = [];
        for (const pool of poolsOf(args.type, args.name, props)) {
            const repair = asFlag(at(pool.props, "management", "autoRepair"));
            if (repair === false)
                messages.push(`${pool.label} leaves failing nodes broken (management.autoRepair is false).`);
            else if (explicit && repair !== true)
                messages.push(
                    `${pool.label} does not set management.autoRepair: true; this stack demands it explicitly.`,
                );
        }
        for (const m of messages) report(m);
    },
});
