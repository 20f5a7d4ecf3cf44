import { operatorPodCounts as counts } from "../common/data-services";
import { resourcePolicy } from "../common/define";
import { describeObject } from "../common/metadata";
import { spreadsOverZones, zoneKey } from "../common/operators";
import { Rec, asCount, asRecord, at, record } from "../common/read";
import { K8s, crTypes } from "../common/types";

export interface DataZoneSpreadConfig {
    requireHardSpread?: boolean;
}

/** Pod settings of each StatefulSet-making resource: [label, pod spec or operator pod settings, pods]. */
function podSets(type: string, spec: Rec): Array<[string, unknown, number]> {
    switch (type) {
        case K8s.StatefulSet:
            return [["pods", at(spec, "template", "spec"), asCount(spec.replicas) ?? 1]];
        case crTypes.redisCluster:
            return [
                ["leaders", spec.redisLeader, counts.redisRole(spec, "redisLeader")],
                ["followers", spec.redisFollower, counts.redisRole(spec, "redisFollower")],
            ];
        case crTypes.redisReplication:
        case crTypes.redisSentinel:
            return [["pods", spec, counts.redisClusterSize(spec)]];
        default:
            return [];
    }
}

/** The StatefulSets of data services — and the operator resources that make them — spread their pods over zones. */
export const k8sDataZoneSpread = resourcePolicy<DataZoneSpreadConfig>({
    name: "k8s-data-zone-spread",
    description: `Multi-pod StatefulSets and the data-service resources operators turn into StatefulSets (CloudNativePG Cluster, RedisCluster, RedisReplication, RedisSentinel, RabbitmqCluster) spread their pods over zones (${zoneKey}), so one zone outage leaves a quorum. With \`requireHardSpread\` the spread must be enforced (DoNotSchedule / required anti-affinity), not preferred.`,
    remediationSteps:
        "Use the pulumi-ha data components (they set zone spread), or add a topologySpreadConstraint on topology.kubernetes.io/zone (CloudNativePG: spec.affinity.topologyKey; RabbitMQ: spec.override.statefulSet…topologySpreadConstraints).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            requireHardSpread: {
                type: "boolean",
                default: false,
                description: "Demand enforced rather than preferred spread.",
            },
        },
    },
    types: [
        K8s.StatefulSet,
        crTypes.cnpgCluster,
        crTypes.redisCluster,
        crTypes.redisReplication,
        crTypes.redisSentinel,
        crTypes.rabbitmqCluster,
    ],
    validate: (props, args, config, report) => {
        const hard = config.requireHardSpread ?? false;
        const spec = record(at(props, "spec"));
        const what = describeObject(args.type, props, args.name);
        const how = hard ? "enforced zone spread" : "zone spread";
        if (args.type === crTypes.cnpgCluster) {
            const a = record(spec.affinity);
            // CloudNativePG's anti-affinity is per host unless topologyKey says otherwise.
            const byAffinity =
                a.enablePodAntiAffinity !== false &&
                a.topologyKey === zoneKey &&
                (!hard || a.podAntiAffinityType === "required");
            const ok = counts.cnpgInstances(spec) < 2 || byAffinity || spreadsOverZones(spec, hard);
            if (!ok)
                report(
                    `${what} has no ${how}: add a spec.topologySpreadConstraints entry on ${zoneKey}${hard ? " (DoNotSchedule)" : ""} or set spec.affinity.topologyKey to it.`,
                );
            return;
        }
        if (args.type === crTypes.rabbitmqCluster) {
            const override = asRecord(at(spec, "override", "statefulSet", "spec", "template", "spec"));
            const overridden = override?.topologySpreadConstraints;
            // The operator spreads over zones by default (preferred); an override or affinity replaces that.
            const defaulted =
                (overridden === undefined || overridden === null) &&
                (spec.affinity === undefined || spec.affinity === null) &&
                !hard;
            const affinity = spec.affinity ?? override?.affinity;
            const ok =
                counts.rabbitmqNodes(spec) < 2 ||
                defaulted ||
                spreadsOverZones({ topologySpreadConstraints: overridden, affinity }, hard);
            if (!ok)
                report(
                    `${what} has no ${how} (spec.override.statefulSet.spec.template.spec.topologySpreadConstraints or spec.affinity).`,
                );
            return;
        }
        for (const [label, pod, pods] of podSets(args.type, spec)) {
            if (pods >= 2 && !spreadsOverZones(pod, hard)) report(`${what}: its ${label} (${pods}) have no ${how}.`);
        }
    },
});
