import * as pulumi from "@pulumi/pulumi";
import { RabbitMQOutputs } from "../../core/rabbitmq-contract";
import type { KubernetesRabbitMQ } from "./rabbitmq-plan";
import { BackendScope } from "../backend";
import {
    Scope,
    after,
    clientPods,
    customResource,
    disruptionBudget,
    password,
    requirements,
    scopeOf,
    secret,
    serviceHost,
    zoneSpread,
} from "./common";
import { allowIngress, podsHere, podsOfNamespace } from "./network-policy";
import { operatorPins } from "./operator-pins";
import { serviceTls } from "./tls";

// With TLS the operator serves AMQPS and HTTPS on their own ports and, with
// disableNonTLSListeners, nothing in plain text.
const ports = { amqp: 5672, management: 15672, amqps: 5671, managementTls: 15671 };
const username = "app";

/**
 * RabbitMQCluster on the RabbitMQ Cluster Operator: a `RabbitmqCluster` of `nodes` with
 * quorum queues as the default queue type, pause-minority partition handling, TLS-only
 * listeners (production; a generated CA), strict zone spread (the operator's own spread is
 * best-effort), default-user credentials generated here and given to the operator as an
 * external secret, and a PodDisruptionBudget (the operator makes none).
 */
export function kubernetesRabbitMQ(base: BackendScope, mq: KubernetesRabbitMQ): RabbitMQOutputs {
    const scope = scopeOf(base, "queue", mq.kubernetes);
    const pass = password(scope, "password");
    const credentials = secret(scope, "default-user", `${mq.name}-default-user`, {
        username,
        password: pass,
        // The operator reads the default user from this file of the external secret.
        "default_user.conf": pulumi.interpolate`default_user = ${username}\ndefault_pass = ${pass}\n`,
    });
    // The operator labels the cluster's pods with app.kubernetes.io/name = <cluster name>.
    const podSelector = { "app.kubernetes.io/name": mq.name };
    const cert = mq.tls ? serviceTls(scope, [mq.name], "-nodes") : undefined;
    customResource(
        scope,
        "",
        "rabbitmq.com/v1beta1",
        "RabbitmqCluster",
        {
            replicas: mq.nodes,
            image: mq.kubernetes.image,
            persistence: { storage: mq.storageSize, storageClassName: mq.kubernetes.storageClass },
            resources: requirements(mq.kubernetes.resources),
            secretBackend: { externalSecret: { name: credentials.metadata.name } },
            rabbitmq: { additionalConfig: rabbitmqConf(mq) },
            tls: cert ? { secretName: cert.secretName, disableNonTLSListeners: true } : undefined,
            override: {
                statefulSet: {
                    spec: {
                        template: {
                            spec: {
                                // A strategic-merge patch: the container is matched by name, nothing else changes.
                                containers: [{ name: "rabbitmq" }],
                                topologySpreadConstraints: [zoneSpread(podSelector, mq.production)],
                            },
                        },
                    },
                },
            },
        },
        { opts: after(scope, credentials) },
    );
    if (mq.nodes > 1) disruptionBudget(scope, "pdb", podSelector);
    if (mq.kubernetes.networkPolicy) fence(scope, mq, podSelector, !!cert);

    const host = serviceHost(mq.name, scope.namespace);
    const [amqp, management] = cert ? [`amqps://`, `https://`] : [`amqp://`, `http://`];
    const port = cert ? ports.amqps : ports.amqp;
    return {
        amqpEndpoint: host,
        managementEndpoint: pulumi.interpolate`${management}${host}:${cert ? ports.managementTls : ports.management}`,
        port: pulumi.output(port),
        credentials: pulumi.secret(pass.apply((p) => ({ username, password: p }))),
        url: pulumi.secret(pulumi.interpolate`${amqp}${username}:${pass}@${host}:${port}/`),
        caCertificate: cert?.caCertPem,
    };
}

/**
 * Nodes reach each other on epmd, distribution and CLI ports; the operator reaches the
 * management API; clients reach AMQP only (the port in use).
 */
function fence(scope: Scope, mq: KubernetesRabbitMQ, nodes: Record<string, string>, tls: boolean) {
    const operator = podsOfNamespace(mq.kubernetes.operatorNamespace ?? operatorPins.rabbitmqOperator.namespace);
    allowIngress(scope, "netpol", nodes, [
        { from: [podsHere(nodes)], ports: [4369, 25672, { from: 35672, to: 35682 }] }, // epmd, distribution, CLI tools
        { from: [operator], ports: [tls ? ports.managementTls : ports.management] },
        { from: [podsHere(clientPods(scope))], ports: [tls ? ports.amqps : ports.amqp] },
    ]);
}

function rabbitmqConf(mq: KubernetesRabbitMQ): string {
    return [
        // Quorum queues replicate every message to a majority of nodes (seed 004).
        ...(mq.quorumQueuesByDefault ? ["default_queue_type = quorum"] : []),
        // The minority side of a partition stops rather than diverging (automatic healing).
        "cluster_partition_handling = pause_minority",
        "",
    ].join("\n");
}
