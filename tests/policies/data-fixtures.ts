import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/** Resource requests and limits that every data-service policy accepts. */
export const sized = { requests: { memory: "1Gi", cpu: "500m" }, limits: { memory: "1Gi" } };

const redisImage = "quay.io/opstree/redis:v8.2.2";

/** A data service's custom resource: its spec made by `spec(resources)` for the resources given. */
export interface DataFixture {
    kind: string;
    apiVersion: string;
    namespace: string;
    /** The spec, with `resources` (any shape) put where this operator reads them. */
    spec(resources: unknown): Record<string, unknown>;
    /** The labels its pods carry, per pod set (what a NetworkPolicy must select). */
    podLabels(name: string): Array<Record<string, string>>;
}

export const dataFixtures: Record<string, DataFixture> = {
    cnpgCluster: {
        kind: "Cluster",
        apiVersion: "postgresql.cnpg.io/v1",
        namespace: "default",
        spec: (resources) => ({
            instances: 3,
            imageName: "ghcr.io/cloudnative-pg/postgresql:17.6",
            storage: { size: "1Gi" },
            resources,
        }),
        podLabels: (name) => [{ "cnpg.io/cluster": name }],
    },
    cnpgPooler: {
        kind: "Pooler",
        apiVersion: "postgresql.cnpg.io/v1",
        namespace: "default",
        spec: (resources) => ({
            cluster: { name: "pg" },
            instances: 2,
            pgbouncer: {},
            template: { spec: { containers: [{ name: "pgbouncer", resources }] } },
        }),
        podLabels: (name) => [{ "cnpg.io/poolerName": name }],
    },
    redisReplication: {
        kind: "RedisReplication",
        apiVersion: "redis.redis.opstreelabs.in/v1beta2",
        namespace: "default",
        spec: (resources) => ({ clusterSize: 3, kubernetesConfig: { image: redisImage, resources } }),
        podLabels: (name) => [{ app: name }],
    },
    redisSentinel: {
        kind: "RedisSentinel",
        apiVersion: "redis.redis.opstreelabs.in/v1beta2",
        namespace: "default",
        spec: (resources) => ({
            clusterSize: 3,
            kubernetesConfig: { image: "quay.io/opstree/redis-sentinel:v8.2.2", resources },
        }),
        podLabels: (name) => [{ app: `${name}-sentinel` }],
    },
    redisCluster: {
        kind: "RedisCluster",
        apiVersion: "redis.redis.opstreelabs.in/v1beta2",
        namespace: "default",
        spec: (resources) => ({ clusterSize: 3, kubernetesConfig: { image: redisImage, resources } }),
        podLabels: (name) => [{ app: `${name}-leader` }, { app: `${name}-follower` }],
    },
    redisStandalone: {
        kind: "Redis",
        apiVersion: "redis.redis.opstreelabs.in/v1beta2",
        namespace: "default",
        spec: (resources) => ({ kubernetesConfig: { image: redisImage, resources } }),
        podLabels: (name) => [{ app: name }],
    },
    rabbitmq: {
        kind: "RabbitmqCluster",
        apiVersion: "rabbitmq.com/v1beta1",
        namespace: "default",
        spec: (resources) => ({ replicas: 3, image: "rabbitmq:4.1.4-management", resources }),
        podLabels: (name) => [{ "app.kubernetes.io/name": name }],
    },
    cephObjectStore: {
        kind: "CephObjectStore",
        apiVersion: "ceph.rook.io/v1",
        namespace: "rook-ceph",
        spec: (resources) => ({ gateway: { port: 80, instances: 3, resources } }),
        podLabels: (name) => [{ app: "rook-ceph-rgw", rook_object_store: name }],
    },
};

/**
 * The custom resource of `fixture` named `name` (Pulumi and Kubernetes alike), in its
 * namespace, with `resources` where the operator reads them (left out when undefined).
 */
export function dataService(
    fixture: DataFixture,
    name: string,
    opts: { resources?: unknown; annotations?: Record<string, string> } = { resources: sized },
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion: fixture.apiVersion,
        kind: fixture.kind,
        metadata: { name, namespace: fixture.namespace, annotations: opts.annotations },
        spec: fixture.spec(opts.resources),
    });
}

/** A custom resource with a spec as given, in `namespace`. */
export function crWithSpec(
    name: string,
    apiVersion: string,
    kind: string,
    spec: Record<string, unknown>,
    namespace = "default",
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, { apiVersion, kind, metadata: { name, namespace }, spec });
}

export interface NetPolFixture {
    namespace?: pulumi.Input<string>;
    podSelector?: pulumi.Input<k8s.types.input.meta.v1.LabelSelector>;
    /** Left out when undefined (Kubernetes defaults it). */
    policyTypes?: pulumi.Input<string[]>;
}

/** A NetworkPolicy that allows nothing in (default deny) for the pods it selects. */
export function networkPolicy(name: string, f: NetPolFixture = {}): k8s.networking.v1.NetworkPolicy {
    return new k8s.networking.v1.NetworkPolicy(name, {
        metadata: { name, namespace: f.namespace ?? "default" },
        spec: { podSelector: f.podSelector ?? {}, policyTypes: f.policyTypes },
    });
}
