import { resourcePolicy } from "../common/define";
import { describeObject } from "../common/metadata";
import { containerLabel, containersOf, podSpecOf, podWorkloadTypes } from "../common/pod-specs";
import { asCount, at } from "../common/read";
import { judgeEach } from "../common/unknowns";

export interface NumericUserConfig {
    requireRunAsNonRoot?: boolean;
}

/** `runAsNonRoot` with a numeric user, so the kubelet can check it before starting the container. */
export const k8sNumericUser = resourcePolicy<NumericUserConfig>({
    name: "k8s-numeric-user",
    description:
        'A container whose effective runAsNonRoot is true (container securityContext over pod securityContext) also has a numeric runAsUser other than 0, at container or pod level, in Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods (init containers too). Without one, the kubelet refuses to start an image whose USER is a name ("cannot verify user is non-root"), and uid 0 always.',
    remediationSteps:
        "Set securityContext.runAsUser (and runAsGroup, fsGroup) to the image's numeric uid on the pod or the container (AppTier: `runAsUser`); `id -u` in the image tells it.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: {
        properties: {
            requireRunAsNonRoot: {
                type: "boolean",
                default: false,
                description:
                    "Also demand that every container runs with runAsNonRoot (and so a numeric runAsUser other than 0).",
            },
        },
    },
    types: podWorkloadTypes,
    validate: (props, args, config, report) => {
        const pod = podSpecOf(args.type, props);
        if (!pod) return;
        // Windows pods check runAsUserName, not a uid.
        if (at(pod, "os", "name") === "windows") return;
        const what = describeObject(args.type, props, args.name);
        // Init containers first, as the kubelet starts them.
        judgeEach(containersOf(pod, ["initContainers", "containers"]), (c) => {
            const { container } = c;
            const label = containerLabel(c);
            const own = at(container, "securityContext", "runAsNonRoot");
            const nonRoot = typeof own === "boolean" ? own : at(pod, "securityContext", "runAsNonRoot") === true;
            if (!nonRoot) {
                if (config.requireRunAsNonRoot === true)
                    report(`${label} of ${what} does not set runAsNonRoot (container or pod): it may run as root.`);
                return;
            }
            // A uid Kubernetes accepts: an integer from 0 up.
            const user =
                asCount(at(container, "securityContext", "runAsUser")) ??
                asCount(at(pod, "securityContext", "runAsUser"));
            if (user === undefined) {
                report(
                    `${label} of ${what} sets runAsNonRoot without a numeric runAsUser (container or pod): the kubelet refuses to start it when the image's USER is a name ("cannot verify user is non-root").`,
                );
            } else if (user === 0) {
                report(`${label} of ${what} sets runAsNonRoot with runAsUser 0: the kubelet refuses to start it.`);
            }
        });
    },
});
