import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/** Raw Kubernetes objects, for policy cases the components would never produce. */
export interface WorkloadFixture {
    replicas?: pulumi.Input<number>;
    labels?: Record<string, string>;
    namespace?: string;
    annotations?: Record<string, string>;
    containers?: k8s.types.input.core.v1.Container[];
}

export const servedContainer: k8s.types.input.core.v1.Container = {
    name: "app",
    image: "nginx:1.27",
    ports: [{ containerPort: 8080 }],
    readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    livenessProbe: { httpGet: { path: "/live", port: 8080 } },
};

function workload(name: string, f: WorkloadFixture) {
    const labels = f.labels ?? { app: name };
    return {
        metadata: { name, namespace: f.namespace ?? "default", annotations: f.annotations },
        spec: {
            replicas: f.replicas,
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: f.containers ?? [servedContainer] } },
        },
    };
}

export function deployment(name: string, f: WorkloadFixture = {}): k8s.apps.v1.Deployment {
    return new k8s.apps.v1.Deployment(name, workload(name, f));
}

export function statefulSet(name: string, f: WorkloadFixture = {}): k8s.apps.v1.StatefulSet {
    const w = workload(name, f);
    return new k8s.apps.v1.StatefulSet(name, { ...w, spec: { ...w.spec, serviceName: name } });
}

export function pdb(
    name: string,
    spec: k8s.types.input.policy.v1.PodDisruptionBudgetSpec,
    namespace: pulumi.Input<string> = "default",
): k8s.policy.v1.PodDisruptionBudget {
    return new k8s.policy.v1.PodDisruptionBudget(name, { metadata: { name, namespace }, spec });
}

export function hpa(
    name: string,
    target: string,
    minReplicas: number | undefined,
    maxReplicas = 10,
): k8s.autoscaling.v2.HorizontalPodAutoscaler {
    return new k8s.autoscaling.v2.HorizontalPodAutoscaler(name, {
        metadata: { name, namespace: "default" },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: target }, minReplicas, maxReplicas },
    });
}

/** An operator's custom resource, named `name` (Pulumi and Kubernetes alike), in "default". */
export function customResource(
    name: string,
    apiVersion: string,
    kind: string,
    spec: Record<string, unknown>,
    annotations?: Record<string, string>,
): k8s.apiextensions.CustomResource {
    return new k8s.apiextensions.CustomResource(name, {
        apiVersion,
        kind,
        metadata: { name, namespace: "default", annotations },
        spec,
    });
}

export const cnpg = "postgresql.cnpg.io/v1";
export const otRedis = "redis.redis.opstreelabs.in/v1beta2";

/** Backup settings a PostgresCluster fixture needs in production. */
export const backupTo = {
    destination: { bucket: "backups", endpoint: "https://s3.example.com", credentialsSecretName: "keys" },
};

export function service(
    name: string,
    selector: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
    namespace = "default",
): k8s.core.v1.Service {
    return new k8s.core.v1.Service(name, {
        metadata: { name, namespace },
        spec: { selector, ports: [{ port: 80, targetPort: 8080 }] },
    });
}
