import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ObjectStorageMode } from "../../core/enums";
import { standardLabels } from "../../core/labels";
import { ObjectStorageArgs } from "../../core/object-storage-contract";
import { defaultDenyIngress } from "./network-policy";
import { objectStorageMode } from "./object-storage-plan";

/** Which operators a Platform's Kubernetes services run on (the KubernetesOperators arguments). */
export interface NeededOperators {
    cloudnativePg: boolean;
    barmanCloudPlugin: boolean;
    certManager: boolean;
    redisOperator: boolean;
    rabbitmqOperator: boolean;
    rook: boolean;
}

/** The services of a Platform that run on Kubernetes, as far as their operators care. */
export interface KubernetesServices {
    postgres?: { backups: boolean };
    redis: boolean;
    rabbitmq: boolean;
    objectStorage?: ObjectStorageArgs;
}

/** Exactly the operators these services need: Barman Cloud (and cert-manager) only with backups, Rook only in-cluster. */
export function neededOperators(services: KubernetesServices): NeededOperators {
    return {
        cloudnativePg: !!services.postgres,
        barmanCloudPlugin: !!services.postgres?.backups,
        certManager: !!services.postgres?.backups,
        redisOperator: services.redis,
        rabbitmqOperator: services.rabbitmq,
        rook: !!services.objectStorage && objectStorageMode(services.objectStorage) === ObjectStorageMode.InCluster,
    };
}

/** Whether the object storage of `args` lives in the cluster (Rook) — then it is no place for the cluster's backups. */
export function objectStorageInCluster(args: ObjectStorageArgs): boolean {
    return objectStorageMode(args) === ObjectStorageMode.InCluster;
}

/** The namespace's default-deny ingress policy: each part then allows exactly its own traffic. */
export function platformDefaultDeny(
    parent: pulumi.ComponentResource,
    name: string,
    namespace: pulumi.Input<string>,
    provider?: pulumi.ProviderResource,
) {
    defaultDenyIngress({
        parent,
        name,
        namespace,
        labels: standardLabels({ appName: name, instance: name, component: "network", partOf: name }),
        opts: { parent, provider },
    });
}

/**
 * The Platform's namespace, labelled for Pod Security admission: `restricted` enforced when only
 * the app runs there, `baseline` when operator-made data pods (Redis, RabbitMQ) do, which need it;
 * `restricted` warned either way.
 */
export function platformNamespace(
    parent: pulumi.ComponentResource,
    name: string,
    namespace: pulumi.Input<string>,
    provider: pulumi.ProviderResource | undefined,
    onlyTheApp: boolean,
): pulumi.Output<string> {
    return new k8s.core.v1.Namespace(
        `${name}-namespace`,
        {
            metadata: {
                name: namespace,
                labels: {
                    "pod-security.kubernetes.io/enforce": onlyTheApp ? "restricted" : "baseline",
                    "pod-security.kubernetes.io/warn": "restricted",
                    ...standardLabels({ appName: name, instance: name, component: "namespace", partOf: name }),
                },
            },
        },
        { parent, provider },
    ).metadata.name;
}
