import * as pulumi from "@pulumi/pulumi";
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
