import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { Linked, linkAll, named } from "../common/aws-join";
import { Aws, awsLabel, lowered, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { asNonEmptyString, at } from "../common/read";

export interface RdsClusterHaConfig {
    minInstances?: number;
    minZones?: number;
}

/** Engines of an RDS Multi-AZ DB cluster (with dbClusterInstanceClass): one writer and two readers in three AZs by construction. */
const multiAzClusterEngines: readonly string[] = ["postgres", "mysql"];

interface ClusterItem {
    resource: PolicyResource;
    instances: Linked;
}

function zoneOf(instance: PolicyResource): string | undefined {
    return asNonEmptyString(at(instance.props, "availabilityZone"))?.trim();
}

/**
 * An Aurora cluster runs a writer and at least one reader in another Availability Zone, so
 * a failover promotes a reader in seconds instead of rebuilding the writer. Its instances
 * are the stack's ClusterInstances whose clusterIdentifier names it.
 */
export const awsRdsClusterHa = stackPolicy<RdsClusterHaConfig, ClusterItem>({
    name: "aws-rds-cluster-ha",
    description:
        "Every RDS/Aurora Cluster runs at least `minInstances` ClusterInstances (the stack's instances whose clusterIdentifier names it) placed in at least `minZones` distinct availabilityZones. An RDS Multi-AZ DB cluster (engine postgres or mysql with dbClusterInstanceClass) is multi-AZ by construction and passes. An instance without availabilityZone is placed by AWS, which does not promise another zone.",
    remediationSteps:
        "Give the Aurora cluster a writer and ≥ 1 reader (aws.rds.ClusterInstance with clusterIdentifier = cluster.id), each with its own availabilityZone, or use a Multi-AZ DB cluster (engine postgres/mysql with dbClusterInstanceClass).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minInstances: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest instances (writer + readers) a cluster may run.",
            },
            minZones: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest distinct Availability Zones its instances must be placed in.",
            },
        },
    },
    items: (resources) => {
        const clusters = resources.filter((r) => r.type === Aws.RdsCluster).map((r) => named(r, "clusterIdentifier"));
        const instances = resources.filter((r) => r.type === Aws.RdsClusterInstance);
        const links = linkAll(clusters, instances, "clusterIdentifier");
        return clusters.map((c) => ({ resource: c.resource, instances: links.get(c.resource.urn) ?? { linked: [] } }));
    },
    validate: (item, _all, _args, config, report) => {
        const props = item.resource.props;
        const engine = lowered(at(props, "engine"));
        if (
            engine !== undefined &&
            multiAzClusterEngines.includes(engine) &&
            asNonEmptyString(at(props, "dbClusterInstanceClass"))
        )
            return;
        const minInstances = config.minInstances ?? 2;
        const minZones = config.minZones ?? 2;
        const label = awsLabel(item.resource.type, item.resource.name);
        const zones = new Set<string>();
        let unplaced = 0;
        let unknownZone: UnknownValueError | undefined;
        for (const instance of item.instances.linked) {
            const zone = maybe(() => zoneOf(instance));
            if (!zone.known) unknownZone ??= zone.unknown;
            else if (zone.value === undefined) unplaced++;
            else zones.add(zone.value);
        }
        const count = item.instances.linked.length;
        if (count >= minInstances && zones.size >= minZones) return;
        // An instance that may belong to it, or a zone unknown at preview, could still make it pass.
        if (item.instances.maybe) throw item.instances.maybe;
        if (count >= minInstances && unknownZone) throw unknownZone;
        if (count < minInstances) {
            report(
                `${label} runs ${count} instance(s) (ClusterInstances naming it by clusterIdentifier); needs at least ${minInstances} in ${minZones} Availability Zones, so a failover has a reader to promote.`,
            );
            return;
        }
        const placed = [...zones].sort().join(", ") || "none";
        report(
            `${label} places its ${count} instances in ${zones.size} Availability Zone(s) (${placed}${unplaced > 0 ? `; ${unplaced} without availabilityZone, placed by AWS` : ""}); needs at least ${minZones} distinct zones.`,
        );
    },
});
