import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/**
 * The stack's namespace. The app's pods meet the restricted Pod Security Standard, but
 * operator-made data pods (Redis, RabbitMQ) need baseline: enforce baseline, warn on
 * anything short of restricted.
 */
export function stackNamespace(name: string, namespace: string): pulumi.Output<string> {
    return new k8s.core.v1.Namespace(name, {
        metadata: {
            name: namespace,
            labels: {
                "pod-security.kubernetes.io/enforce": "baseline",
                "pod-security.kubernetes.io/warn": "restricted",
                "app.kubernetes.io/managed-by": "pulumi-ha",
            },
        },
    }).metadata.name;
}
