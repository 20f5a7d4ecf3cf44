import { Gcp, gcpLabel, isUnset, upper } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface MemorystoreClusterZonesConfig {
    requireExplicitMultiZone?: boolean;
}

/** A Memorystore cluster spreads its nodes over the zones of its region. */
export const gcpMemorystoreClusterZones = resourcePolicy<MemorystoreClusterZonesConfig>({
    name: "gcp-memorystore-cluster-zones",
    description:
        "Every Memorystore for Redis Cluster (gcp.redis.Cluster) and Memorystore for Valkey Instance (gcp.memorystore.Instance) spreads its nodes over several zones: zoneDistributionConfig.mode is MULTI_ZONE, or unset (the API's default is MULTI_ZONE). SINGLE_ZONE puts every shard and replica in one zone. With `requireExplicitMultiZone`, the mode must be set to MULTI_ZONE.",
    remediationSteps: 'Leave zoneDistributionConfig unset, or set zoneDistributionConfig: { mode: "MULTI_ZONE" }.',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireExplicitMultiZone: {
                type: "boolean",
                default: false,
                description: "Demand zoneDistributionConfig.mode MULTI_ZONE set explicitly, not left to the default.",
            },
        },
    },
    types: [Gcp.RedisCluster, Gcp.MemorystoreInstance],
    validate: (props, args, config, report) => {
        const raw = at(props, "zoneDistributionConfig", "mode");
        const mode = upper(raw);
        if (mode === "MULTI_ZONE") return;
        const unset = isUnset(raw);
        if (unset && !(config.requireExplicitMultiZone ?? false)) return;
        const zone = at(props, "zoneDistributionConfig", "zone");
        report(
            unset
                ? `${gcpLabel(args.type, args.name)} leaves zoneDistributionConfig.mode unset; this stack demands MULTI_ZONE set explicitly.`
                : `${gcpLabel(args.type, args.name)} places its nodes in one zone (zoneDistributionConfig.mode is ${shown(raw)}${typeof zone === "string" && zone.trim() ? `, zone ${zone.trim()}` : ""}): losing that zone loses the cluster; needs MULTI_ZONE.`,
        );
    },
});
