import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { standardLabels } from "../../core/labels";

/** Where a SharedSecret's Kubernetes Secrets go. */
export interface SecretPlacement {
    namespace?: pulumi.Input<string>;
    partOf?: string;
    /** One Secret per kubeconfig, each through a provider created here; none: one Secret through the parent's provider. */
    kubeconfigs?: pulumi.Input<string>[];
}

/**
 * The Kubernetes Secrets holding a SharedSecret's values: one per cluster, all with the same
 * name, namespace and bytes, so workloads in every region reference the same Secret by name.
 */
export function kubernetesSecrets(
    parent: pulumi.ComponentResource,
    name: string,
    values: pulumi.Output<Record<string, string>>,
    placement: SecretPlacement | undefined,
): k8s.core.v1.Secret[] {
    const metadata = {
        name,
        namespace: placement?.namespace ?? "default",
        labels: standardLabels({
            appName: name,
            instance: name,
            component: "secret",
            partOf: placement?.partOf ?? name,
        }),
    };
    // One provider per kubeconfig, children of the component; without kubeconfigs the Secret
    // inherits the provider given to the component.
    const kubeconfigs = placement?.kubeconfigs;
    const providers =
        kubeconfigs === undefined
            ? [undefined]
            : kubeconfigs.map(
                  (kubeconfig, i) =>
                      new k8s.Provider(`${name}-cluster-${i}`, { kubeconfig: pulumi.secret(kubeconfig) }, { parent }),
              );
    return providers.map(
        (provider, i) =>
            new k8s.core.v1.Secret(
                providers.length === 1 ? name : `${name}-${i}`,
                { metadata, type: "Opaque", stringData: values },
                // The Kubernetes SDK already marks data and stringData as secret outputs.
                { parent, provider },
            ),
    );
}
