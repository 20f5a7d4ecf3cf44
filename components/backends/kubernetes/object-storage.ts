import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ObjectStorageMode } from "../../core/enums";
import { ObjectStorageOutputs } from "../../core/object-storage-contract";
import type { KubernetesObjectStorage } from "./object-storage-plan";
import { BackendScope } from "../backend";
import {
    Scope,
    after,
    clientPods,
    customResource,
    objectStorageClientLabel,
    requirements,
    scopeOf,
    secret,
    zoneSpread,
} from "./common";
import { allowIngress, podsOfNamespace } from "./network-policy";

// The RGW pod listens on 8080 behind the Service's port 80 (Rook's internal port): policies match pod ports.
const gatewayPodPort = 8080;

/**
 * ObjectStorage on Kubernetes. In-cluster: a Rook `CephObjectStore` whose pools keep
 * `replicas` copies with zone as the failure domain, RGW gateways spread over zones, a
 * bucket StorageClass and an `ObjectBucketClaim` (Rook writes the bucket's access keys
 * to a Secret named after the claim). External: the endpoint and keys you give, the keys
 * stored in a Secret so workloads read them by secretKeyRef.
 */
export function kubernetesObjectStorage(base: BackendScope, store: KubernetesObjectStorage): ObjectStorageOutputs {
    const scope = scopeOf(base, "object-storage", store.kubernetes);
    return store.mode === ObjectStorageMode.External ? external(scope, store) : rook(scope, store);
}

function external(scope: Scope, store: KubernetesObjectStorage): ObjectStorageOutputs {
    const ext = store.external!;
    const keys = ext.credentialsSecretName
        ? undefined
        : secret(scope, "credentials", `${store.name}-s3`, {
              AWS_ACCESS_KEY_ID: ext.accessKeyId!,
              AWS_SECRET_ACCESS_KEY: ext.secretAccessKey!,
          });
    return {
        bucket: pulumi.output(store.bucket),
        endpoint: pulumi.output(ext.endpoint),
        region: pulumi.output(ext.region),
        forcePathStyle: pulumi.output(ext.forcePathStyle),
        credentialsSecretName: keys ? keys.metadata.name : pulumi.output(ext.credentialsSecretName!),
        credentialsSecretNamespace: keys ? keys.metadata.namespace : pulumi.output(scope.namespace),
    };
}

function rook(scope: Scope, store: KubernetesObjectStorage): ObjectStorageOutputs {
    const rookNamespace = store.kubernetes.rookClusterNamespace;
    // Zone as the failure domain: each of the `replicas` copies sits in a different zone.
    const pool = { failureDomain: store.production ? "zone" : "host", replicated: { size: store.replicas } };
    const objectStore = customResource(
        { ...scope, namespace: rookNamespace },
        "",
        "ceph.rook.io/v1",
        "CephObjectStore",
        {
            metadataPool: pool,
            dataPool: pool,
            // Deleting the store must not delete the data.
            preservePoolsOnDelete: true,
            gateway: {
                port: 80,
                instances: store.kubernetes.gatewayInstances,
                resources: requirements(store.kubernetes.resources),
                placement: {
                    topologySpreadConstraints: [
                        zoneSpread({ app: "rook-ceph-rgw", rook_object_store: store.name }, store.production),
                    ],
                },
            },
        },
    );
    if (store.kubernetes.networkPolicy) {
        // In Rook's namespace: Rook itself (its admin API calls), and in theirs the service's clients and
        // the pods that back up to it.
        allowIngress(
            scope,
            "gateway-netpol",
            { app: "rook-ceph-rgw", rook_object_store: store.name },
            [
                {
                    from: [
                        podsOfNamespace(rookNamespace),
                        ...[clientPods(scope), objectStorageClientLabel].map((pods) => ({
                            namespaceSelector: podsOfNamespace(scope.namespace).namespaceSelector,
                            podSelector: { matchLabels: pods },
                        })),
                    ],
                    ports: [gatewayPodPort],
                },
            ],
            rookNamespace,
        );
    }
    const storageClass = new k8s.storage.v1.StorageClass(
        `${store.name}-buckets`,
        {
            metadata: { labels: scope.labels },
            provisioner: `${rookNamespace}.ceph.rook.io/bucket`,
            // Retain: removing the claim must not delete the bucket in production.
            reclaimPolicy: store.production ? "Retain" : "Delete",
            parameters: { objectStoreName: store.name, objectStoreNamespace: rookNamespace },
        },
        { parent: scope.parent, dependsOn: [objectStore] },
    );
    const claim = customResource(
        scope,
        "bucket",
        "objectbucket.io/v1alpha1",
        "ObjectBucketClaim",
        {
            bucketName: store.bucket,
            storageClassName: storageClass.metadata.name,
        },
        { opts: after(scope, storageClass) },
    );
    return {
        bucket: pulumi.output(store.bucket),
        endpoint: pulumi.output(`http://rook-ceph-rgw-${store.name}.${rookNamespace}.svc.cluster.local:80`),
        region: pulumi.output("us-east-1"),
        // The gateway's in-cluster Service name cannot carry bucket subdomains.
        forcePathStyle: pulumi.output(true),
        // Rook writes AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY to a Secret named after the claim.
        credentialsSecretName: claim.metadata.name,
        credentialsSecretNamespace: claim.metadata.namespace,
    };
}
