import { resourcePolicy } from "../common/define";
import { nameOf } from "../common/metadata";
import { asCount, at } from "../common/read";
import { K8s } from "../common/types";

export interface HpaMinReplicasConfig { minReplicas?: number }

/** An autoscaler never scales below N pods. */
export const k8sHpaMinReplicas = resourcePolicy<HpaMinReplicasConfig>({
    name: "k8s-hpa-min-replicas",
    description: "A HorizontalPodAutoscaler keeps at least `minReplicas` pods (its own minReplicas defaults to 1, a single point of failure at night).",
    remediationSteps: "Set spec.minReplicas to at least the threshold (AppTier `autoscaling.minReplicas`, default 2).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: { minReplicas: { type: "integer", minimum: 1, default: 2, description: "Fewest pods an HPA may scale to." } },
    },
    types: [K8s.Hpa],
    validate: (props, args, config, report) => {
        const min = config.minReplicas ?? 2;
        // The HPA's own default is 1; a value that is not a count counts as that default.
        const actual = asCount(at(props, "spec", "minReplicas")) ?? 1;
        if (actual < min) report(`HorizontalPodAutoscaler ${nameOf(props, args.name)} has minReplicas ${actual}; needs at least ${min}.`);
    },
});
