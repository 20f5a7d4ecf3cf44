import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { Scope } from "./common";

type Peer = k8s.types.input.networking.v1.NetworkPolicyPeer;

/** The label the API server puts on every namespace (immutable): how a policy names another namespace. */
export const namespaceNameLabel = "kubernetes.io/metadata.name";

/** Pods with `labels` in the policy's own namespace. */
export function podsHere(labels: Record<string, string>): Peer {
    return { podSelector: { matchLabels: labels } };
}

/** Every pod of namespace `namespace` (e.g. an operator's or an ingress controller's). */
export function podsOfNamespace(namespace: pulumi.Input<string>): Peer {
    return { namespaceSelector: { matchLabels: { [namespaceNameLabel]: namespace } } };
}

/** A range of ports, both ends included. */
export interface PortRange { from: number; to: number }

/** Who may connect, and on which ports (numbers, container port names or ranges). */
export interface Allow {
    from: Peer[];
    ports: Array<number | string | PortRange>;
}

/**
 * An ingress NetworkPolicy over the pods with `pods` labels: only the listed peers, only on
 * the listed ports. Selecting the pods isolates them, so everything else is refused, with or
 * without a namespace default-deny.
 */
export function allowIngress(scope: Scope, suffix: string, pods: Record<string, string>, allows: Allow[],
    namespace: pulumi.Input<string> = scope.namespace): k8s.networking.v1.NetworkPolicy {
    return new k8s.networking.v1.NetworkPolicy(suffix ? `${scope.name}-${suffix}` : scope.name, {
        metadata: { namespace, labels: scope.labels },
        spec: {
            podSelector: { matchLabels: pods },
            policyTypes: ["Ingress"],
            ingress: allows.map((a) => ({
                from: a.from,
                ports: a.ports.map((p) => typeof p === "object" ? { protocol: "TCP", port: p.from, endPort: p.to } : { protocol: "TCP", port: p }),
            })),
        },
    }, { parent: scope.parent });
}

/** A policy selecting every pod of the namespace and allowing nothing: ingress is then only what other policies allow. */
export function defaultDenyIngress(scope: Scope): k8s.networking.v1.NetworkPolicy {
    return new k8s.networking.v1.NetworkPolicy(`${scope.name}-default-deny`, {
        metadata: { namespace: scope.namespace, labels: scope.labels },
        spec: { podSelector: {}, policyTypes: ["Ingress"] },
    }, { parent: scope.parent });
}
