import { resourcePolicy } from "../common/define";
import { crTypes, objectKey, spreadsOverZones, zoneKey } from "../common/operators";

export interface DataZoneSpreadConfig { requireHardSpread?: boolean }

/** Pod settings of each StatefulSet-making resource: [label, pod spec or operator pod settings, pods]. */
function podSets(type: string, spec: any): Array<[string, any, number]> {
    switch (type) {
        case crTypes.statefulSet:
            return [["pods", spec.template?.spec, spec.replicas ?? 1]];
        case crTypes.redisCluster:
            return [
                ["leaders", spec.redisLeader, spec.redisLeader?.replicas ?? spec.clusterSize ?? 0],
                ["followers", spec.redisFollower, spec.redisFollower?.replicas ?? spec.clusterSize ?? 0],
            ];
        case crTypes.redisReplication:
        case crTypes.redisSentinel:
            return [["pods", spec, spec.clusterSize ?? 0]];
        default:
            return [];
    }
}

/** The StatefulSets of data services — and the operator resources that make them — spread their pods over zones. */
export const k8sDataZoneSpread = resourcePolicy<DataZoneSpreadConfig>({
    name: "k8s-data-zone-spread",
    description: `Multi-pod StatefulSets and the data-service resources operators turn into StatefulSets (CloudNativePG Cluster, RedisCluster, RedisReplication, RedisSentinel, RabbitmqCluster) spread their pods over zones (${zoneKey}), so one zone outage leaves a quorum. With \`requireHardSpread\` the spread must be enforced (DoNotSchedule / required anti-affinity), not preferred.`,
    remediationSteps: "Use the pulumi-ha data components (they set zone spread), or add a topologySpreadConstraint on topology.kubernetes.io/zone (CloudNativePG: spec.affinity.topologyKey; RabbitMQ: spec.override.statefulSet…topologySpreadConstraints).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: { requireHardSpread: { type: "boolean", default: false, description: "Demand enforced rather than preferred spread." } },
    },
    types: [crTypes.statefulSet, crTypes.cnpgCluster, crTypes.redisCluster, crTypes.redisReplication, crTypes.redisSentinel, crTypes.rabbitmqCluster],
    validate: (props, args, config, report) => {
        const hard = config.requireHardSpread ?? false;
        const spec = props.spec ?? {};
        const kind = args.type.split(":").pop();
        const what = `${kind} ${objectKey(props)}`;
        const how = hard ? "enforced zone spread" : "zone spread";
        if (args.type === crTypes.cnpgCluster) {
            const a = spec.affinity ?? {};
            // CloudNativePG's anti-affinity is per host unless topologyKey says otherwise.
            const byAffinity = a.enablePodAntiAffinity !== false && a.topologyKey === zoneKey && (!hard || a.podAntiAffinityType === "required");
            const ok = (spec.instances ?? 1) < 2 || byAffinity || spreadsOverZones(spec, hard);
            if (!ok) report(`${what} has no ${how}: add a spec.topologySpreadConstraints entry on ${zoneKey}${hard ? " (DoNotSchedule)" : ""} or set spec.affinity.topologyKey to it.`);
            return;
        }
        if (args.type === crTypes.rabbitmqCluster) {
            const override = spec.override?.statefulSet?.spec?.template?.spec;
            // The operator spreads over zones by default (preferred); an override or affinity replaces that.
            const defaulted = !override?.topologySpreadConstraints && !spec.affinity && !hard;
            const ok = (spec.replicas ?? 1) < 2 || defaulted || spreadsOverZones({ ...override, affinity: spec.affinity ?? override?.affinity }, hard);
            if (!ok) report(`${what} has no ${how} (spec.override.statefulSet.spec.template.spec.topologySpreadConstraints or spec.affinity).`);
            return;
        }
        for (const [label, pod, pods] of podSets(args.type, spec)) {
            if (pods >= 2 && !spreadsOverZones(pod, hard)) report(`${what}: its ${label} (${pods}) have no ${how}.`);
        }
    },
});
