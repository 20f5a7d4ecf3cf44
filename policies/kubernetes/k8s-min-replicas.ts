import { stackPolicy } from "../common/define";
import { Workload, collectWorkloads, describeFloor, replicaFloor } from "../common/workloads";

export interface MinReplicasConfig {
    minReplicas?: number;
}

/** Deployments and StatefulSets run at least N pods; an HPA-managed one is judged by its floor. */
export const k8sMinReplicas = stackPolicy<MinReplicasConfig, Workload>({
    name: "k8s-min-replicas",
    description:
        "Deployments and StatefulSets run at least `minReplicas` pods, so losing one pod or node does not take the service down. An HPA-managed workload is judged by the HPA's minReplicas (or a lower declared spec.replicas).",
    remediationSteps:
        'Raise spec.replicas (AppTier `replicas`) and the HPA\'s minReplicas to at least the threshold, or exempt the workload with the annotation pulumi-ha.io/exempt-k8s-min-replicas: "<reason>".',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minReplicas: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Fewest pods a workload may run with.",
            },
        },
    },
    items: collectWorkloads,
    validate: (w, _all, _args, config, report) => {
        const min = config.minReplicas ?? 2;
        if (replicaFloor(w) < min) {
            report(`${w.kind} ${w.namespace}/${w.name} can drop to ${describeFloor(w)} pod(s); needs at least ${min}.`);
        }
    },
});
