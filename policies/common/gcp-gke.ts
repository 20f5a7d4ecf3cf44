/**
 * GKE node pools as the pack judges them: a NodePool resource, or an entry of a Cluster's
 * inline `nodePools`. An Autopilot cluster (enableAutopilot) manages its nodes itself and
 * has no node pools to judge. The default node pool a Standard cluster creates when it
 * declares none is not judged (clusters made for production remove it).
 */
import { asFlag } from "./aws-types";
import { Gcp, gcpLabel, isZone } from "./gcp-types";
import { asArray, asNonEmptyString, at, records } from "./read";

export interface Pool {
    /** `GKE NodePool apps`, or `GKE Cluster main's node pool apps` for an inline one. */
    label: string;
    props: Record<string, unknown>;
    /** How many zones the pool's nodes span, and how that count was found. */
    zones: number;
    zonesFrom: string;
}

/** GKE's default for a regional pool without nodeLocations: three zones of the region. */
export const defaultRegionalZones = 3;

function distinctZones(v: unknown): number {
    const entries = asArray(v);
    const zones = new Set<string>();
    // By index: an entry unknown at preview throws when it is read.
    for (let i = 0; i < entries.length; i++) {
        const z = asNonEmptyString(entries[i]);
        if (z !== undefined) zones.add(z.trim());
    }
    return zones.size;
}

/** The zones a pool spans: its nodeLocations, else its cluster's, else one for a zonal location, else three. */
function zonesOf(pool: unknown, cluster: unknown): { zones: number; zonesFrom: string } {
    const own = distinctZones(at(pool, "nodeLocations"));
    if (own > 0) return { zones: own, zonesFrom: "nodeLocations" };
    const inherited = distinctZones(at(cluster, "nodeLocations"));
    if (inherited > 0) return { zones: inherited, zonesFrom: "the cluster's nodeLocations" };
    const location = asNonEmptyString(at(pool, "location")) ?? asNonEmptyString(at(cluster, "location"));
    if (location !== undefined && isZone(location)) return { zones: 1, zonesFrom: `zonal location ${location.trim()}` };
    return { zones: defaultRegionalZones, zonesFrom: "GKE's default of three zones for a regional pool" };
}

/** The node pools a resource declares (none for an Autopilot cluster). */
export function poolsOf(type: string, name: string, props: unknown): Pool[] {
    const label = gcpLabel(type, name);
    if (type === Gcp.GkeNodePool) {
        return [{ label, props: (props ?? {}) as Record<string, unknown>, ...zonesOf(props, undefined) }];
    }
    if (asFlag(at(props, "enableAutopilot")) === true) return [];
    return records(at(props, "nodePools")).map((pool, i) => ({
        label: `${label}'s node pool ${asNonEmptyString(pool.name)?.trim() ?? `#${i + 1}`}`,
        props: pool,
        ...zonesOf(pool, props),
    }));
}
