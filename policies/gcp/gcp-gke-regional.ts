import { Gcp, gcpLabel, heldAs, isRegion, isZone } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { asArray, asNonEmptyString, at } from "../common/read";

export interface GkeRegionalConfig {
    minNodeZones?: number;
}

/** A GKE cluster's control plane and nodes survive the loss of one zone. */
export const gcpGkeRegional = resourcePolicy<GkeRegionalConfig>({
    name: "gcp-gke-regional",
    description:
        "Every GKE Cluster (gcp.container.Cluster) is regional: its location is a region (\"europe-west1\"), so the control plane is replicated over the region's zones; a zone (\"europe-west1-b\") makes a zonal cluster whose control plane dies with its zone, whatever nodeLocations says. An unset location takes the provider's default and is a violation too. When nodeLocations is set, it names at least `minNodeZones` distinct zones (left unset, a regional cluster's nodes use three of the region's zones).",
    remediationSteps:
        'Set location to the region (e.g. "europe-west1"), not a zone, and leave nodeLocations unset or list at least three zones of that region. KubernetesCluster with target gcp does this.',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minNodeZones: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest distinct zones an explicit nodeLocations list names.",
            },
        },
    },
    types: [Gcp.GkeCluster],
    validate: (props, args, config, report) => {
        const raw = at(props, "location");
        const entries = asArray(at(props, "nodeLocations"));
        const zones = new Set<string>();
        for (let i = 0; i < entries.length; i++) {
            const z = asNonEmptyString(entries[i]);
            if (z !== undefined) zones.add(z.trim());
        }
        const label = gcpLabel(args.type, args.name);
        const location = asNonEmptyString(raw)?.trim();
        if (location === undefined || !isRegion(location)) {
            const what =
                location !== undefined && isZone(location)
                    ? `a zone (${location})`
                    : `not a region (${heldAs(raw, "the provider's default location")})`;
            report(
                `${label} is zonal: its location is ${what}, so its control plane runs in one zone; needs a region such as europe-west1.`,
            );
            return;
        }
        const min = config.minNodeZones ?? 2;
        if (entries.length > 0 && zones.size < min)
            report(
                `${label} places its nodes in ${zones.size} zone(s) (nodeLocations: ${[...zones].sort().join(", ") || "none readable"}); needs at least ${min}.`,
            );
    },
});
