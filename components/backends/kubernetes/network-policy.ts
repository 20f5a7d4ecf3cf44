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
export interface PortRange {
    from: number;
    to: number;
}

/** Who may connect, and on which ports (numbers, container port names or ranges). */
export interface Allow {
    from: Peer[];
    ports: Array<number | string | PortRange>;
}

/** Where the pods may connect to (an empty `to`: anywhere), and on which TCP ports. */
export interface Egress {
    to: Peer[];
    ports: Array<number | string | PortRange>;
}

// No ports: every port (the field is left out, as Kubernetes reads an absent list).
const tcpPorts = (ports: Array<number | string | PortRange>) =>
    ports.length === 0
        ? undefined
        : ports.map((p) =>
              typeof p === "object" ? { protocol: "TCP", port: p.from, endPort: p.to } : { protocol: "TCP", port: p },
          );

/** Name lookups, wherever the cluster's DNS runs (kube-dns, or a node-local cache on a link-local address). */
const dnsEgress = {
    ports: [
        { protocol: "UDP", port: 53 },
        { protocol: "TCP", port: 53 },
    ],
};

/**
 * An ingress NetworkPolicy over the pods with `pods` labels: only the listed peers, only on
 * the listed ports. Selecting the pods isolates them, so everything else is refused, with or
 * without a namespace default-deny. With `egress`, their outgoing connections are fenced too:
 * DNS, plus exactly the listed destinations.
 */
export function allowIngress(
    scope: Scope,
    suffix: string,
    pods: Record<string, string>,
    allows: Allow[],
    namespace: pulumi.Input<string> = scope.namespace,
    egress?: Egress[],
): k8s.networking.v1.NetworkPolicy {
    return new k8s.networking.v1.NetworkPolicy(
        suffix ? `${scope.name}-${suffix}` : scope.name,
        {
            metadata: { namespace, labels: scope.labels },
            spec: {
                podSelector: { matchLabels: pods },
                policyTypes: egress ? ["Ingress", "Egress"] : ["Ingress"],
                ingress: allows.map((a) => ({ from: a.from, ports: tcpPorts(a.ports) })),
                egress: egress
                    ? [
                          dnsEgress,
                          ...egress.map((e) => ({ to: e.to.length > 0 ? e.to : undefined, ports: tcpPorts(e.ports) })),
                      ]
                    : undefined,
            },
        },
        { parent: scope.parent },
    );
}

/** Every pod of the policy's own namespace. */
export const anyPodHere: Peer = { podSelector: {} };

/** A policy selecting every pod of the namespace and allowing nothing: ingress is then only what other policies allow. */
export function defaultDenyIngress(scope: Scope): k8s.networking.v1.NetworkPolicy {
    return new k8s.networking.v1.NetworkPolicy(
        `${scope.name}-default-deny`,
        {
            metadata: { namespace: scope.namespace, labels: scope.labels },
            spec: { podSelector: {}, policyTypes: ["Ingress"] },
        },
        { parent: scope.parent, provider: scope.opts.provider },
    );
}
