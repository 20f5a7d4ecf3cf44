import { resourcePolicy } from "../common/define";
import { nameOf } from "../common/metadata";
import { K8s } from "../common/types";
import { hpaMinReplicas } from "../common/workloads";

export interface HpaMinReplicasConfig {
    minReplicas?: number;
}

/** An autoscaler never scales below N pods. */
export const k8sHpaMinReplicas = resourcePolicy<HpaMinReplicasConfig>({
    name: "k8s-hpa-min-replicas",
    description:
        "A HorizontalPodAutoscaler keeps at least `minReplicas` pods (its own minReplicas defaults to 1, a single point of failure at night).",
    remediationSteps: "Set spec.minReplicas to at least the threshold (AppTier `autoscaling.minReplicas`, default 2).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minReplicas: { type: "integer", minimum: 1, default: 2, description: "Fewest pods an HPA may scale to." },
        },
    },
    types: [K8s.Hpa],
    validate: (props, args, config, report) => {
        const min = config.minReplicas ?? 2;
        const actual = hpaMinReplicas(props);
        if (actual < min)
            report(
                `HorizontalPodAutoscaler ${nameOf(props, args.name)} has minReplicas ${actual}; needs at least ${min}.`,
            );
    },
});
