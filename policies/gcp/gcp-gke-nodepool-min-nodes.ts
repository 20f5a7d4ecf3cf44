import { asInteger } from "../common/aws-types";
import { poolsOf } from "../common/gcp-gke";
import { Gcp } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { asRecord, at, shown } from "../common/read";

export interface GkeNodePoolMinNodesConfig {
    minNodesPerZone?: number;
    requireAutoscaling?: boolean;
}

/** A GKE node pool autoscales, and never below one node in each of its zones. */
export const gcpGkeNodePoolMinNodes = resourcePolicy<GkeNodePoolMinNodesConfig>({
    name: "gcp-gke-nodepool-min-nodes",
    description:
        "Every GKE NodePool (gcp.container.NodePool), and every inline nodePools entry of a GKE Cluster, autoscales (an autoscaling block; with `requireAutoscaling` false a fixed nodeCount is judged instead) and keeps at least `minNodesPerZone` nodes in each of its zones: autoscaling.minNodeCount (per zone) ≥ `minNodesPerZone`, or totalMinNodeCount ≥ `minNodesPerZone` × the pool's zones (its nodeLocations, else its cluster's, else 1 for a zonal location, else GKE's default of 3). An autoscaling block with neither minimum scales to 0. Autopilot clusters (enableAutopilot) manage their nodes and pass; the default node pool of a cluster that declares none is not judged.",
    remediationSteps:
        "Give the pool autoscaling { minNodeCount: 1, maxNodeCount: N } (per zone) or { totalMinNodeCount: zones, totalMaxNodeCount: N }, so every zone keeps a node for the pods spread there.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minNodesPerZone: {
                type: "integer",
                minimum: 1,
                default: 1,
                description: "Fewest nodes a pool keeps in each of its zones.",
            },
            requireAutoscaling: {
                type: "boolean",
                default: true,
                description: "Demand an autoscaling block (else a fixed nodeCount per zone is judged).",
            },
        },
    },
    types: [Gcp.GkeNodePool, Gcp.GkeCluster],
    validate: (props, args, config, report) => {
        const min = config.minNodesPerZone ?? 1;
        const requireAutoscaling = config.requireAutoscaling ?? true;
        const messages: string[] = [];
        for (const pool of poolsOf(args.type, args.name, props)) {
            const autoscaling = asRecord(at(pool.props, "autoscaling"));
            if (!autoscaling) {
                if (requireAutoscaling) {
                    messages.push(
                        `${pool.label} does not autoscale (no autoscaling block); needs at least ${min} node(s) per zone.`,
                    );
                    continue;
                }
                const raw = at(pool.props, "nodeCount") ?? at(pool.props, "initialNodeCount");
                const count = asInteger(raw);
                if (raw !== undefined && raw !== null && (count === undefined || count < min))
                    messages.push(
                        `${pool.label} runs ${count !== undefined ? count : shown(raw)} node(s) per zone (nodeCount); needs at least ${min}.`,
                    );
                continue;
            }
            const perZoneRaw = autoscaling.minNodeCount;
            const totalRaw = autoscaling.totalMinNodeCount;
            const perZone = asInteger(perZoneRaw);
            const total = asInteger(totalRaw);
            if (perZone !== undefined) {
                if (perZone < min)
                    messages.push(
                        `${pool.label} may scale down to ${perZone} node(s) per zone (autoscaling.minNodeCount); needs at least ${min}.`,
                    );
                continue;
            }
            if (total !== undefined) {
                const needed = min * pool.zones;
                if (total < needed)
                    messages.push(
                        `${pool.label} may scale down to ${total} node(s) in all (autoscaling.totalMinNodeCount) over ${pool.zones} zone(s) (${pool.zonesFrom}); needs at least ${needed}, ${min} per zone.`,
                    );
                continue;
            }
            messages.push(
                `${pool.label} may scale down to 0 nodes (autoscaling sets ${perZoneRaw === undefined && totalRaw === undefined ? "neither minNodeCount nor totalMinNodeCount" : `minNodeCount ${shown(perZoneRaw)}, totalMinNodeCount ${shown(totalRaw)}`}); needs at least ${min} node(s) per zone.`,
            );
        }
        // Every pool is read before anything is reported: a value unknown at preview stops the judging whole.
        for (const m of messages) report(m);
    },
});
