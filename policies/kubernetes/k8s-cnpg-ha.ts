import { resourcePolicy } from "../common/define";
import { keyOf } from "../common/metadata";
import { asNumber, at, record } from "../common/read";
import { crTypes } from "../common/types";

export interface CnpgHaConfig {
    minInstances?: number;
    requireSynchronous?: boolean;
}

/** A CloudNativePG Cluster has enough instances to fail over and does not lose commits when it does. */
export const k8sCnpgHa = resourcePolicy<CnpgHaConfig>({
    name: "k8s-cnpg-ha",
    description:
        "CloudNativePG Clusters run at least `minInstances` instances (primary + standbys) and, when `requireSynchronous`, replicate synchronously to at least one standby, so a failover loses no committed transaction.",
    remediationSteps:
        "Set PostgresCluster `instances` ≥ 3 and `syncReplication: true` (CloudNativePG: spec.instances and spec.postgresql.synchronous { method: any, number: 1 }), or relax the policy for a development stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minInstances: {
                type: "integer",
                minimum: 1,
                default: 3,
                description: "Fewest instances a Cluster may run.",
            },
            requireSynchronous: { type: "boolean", default: true, description: "Demand synchronous replication." },
        },
    },
    types: [crTypes.cnpgCluster],
    validate: (props, args, config, report) => {
        const spec = record(at(props, "spec"));
        const min = config.minInstances ?? 3;
        const key = keyOf(props, args.name);
        // CloudNativePG's default is a single instance; a value that is not a number counts as that.
        const instances = asNumber(spec.instances) ?? 1;
        if (instances < min) report(`Cluster ${key} runs ${instances} instance(s); needs at least ${min}.`);
        const synchronous =
            (asNumber(at(spec, "postgresql", "synchronous", "number")) ?? 0) >= 1 ||
            (asNumber(spec.minSyncReplicas) ?? 0) >= 1;
        if ((config.requireSynchronous ?? true) && !synchronous) {
            report(
                `Cluster ${key} has no synchronous replication (spec.postgresql.synchronous): a failover can lose committed transactions.`,
            );
        }
    },
});
