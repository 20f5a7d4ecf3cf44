import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

type Container = k8s.types.input.core.v1.Container;
type PodSecurity = k8s.types.input.core.v1.PodSecurityContext;

/** A pod spec for fixtures: containers, init containers and a pod-level securityContext. */
export interface PodFixture {
    containers?: pulumi.Input<Container>[];
    initContainers?: pulumi.Input<Container>[];
    securityContext?: pulumi.Input<PodSecurity>;
    annotations?: Record<string, string>;
    /** metadata.name; by default the Pulumi name. `null` leaves it out (the provider names it). */
    metadataName?: string | null;
}

export const podKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"] as const;
export type PodKind = (typeof podKinds)[number];

/** A container with an image pinned to a full version and nothing else. */
export function container(name: string, extra: Partial<Container> = {}): Container {
    return { name, image: "nginx:1.27.3", ...extra };
}

/** A workload of `kind` named `name` in "default" running the pod `f` describes. */
export function podWorkload(kind: PodKind, name: string, f: PodFixture = {}): pulumi.CustomResource {
    const labels = { app: name };
    const metadata = {
        name: f.metadataName === null ? undefined : (f.metadataName ?? name),
        namespace: "default",
        annotations: f.annotations,
    };
    const template = {
        metadata: { labels },
        spec: {
            containers: f.containers ?? [container("app")],
            initContainers: f.initContainers,
            securityContext: f.securityContext,
            // Jobs need a restart policy other than Always.
            ...(kind === "Job" || kind === "CronJob" ? { restartPolicy: "Never" } : {}),
        },
    };
    switch (kind) {
        case "Deployment":
            return new k8s.apps.v1.Deployment(name, {
                metadata,
                spec: { replicas: 3, selector: { matchLabels: labels }, template },
            });
        case "StatefulSet":
            return new k8s.apps.v1.StatefulSet(name, {
                metadata,
                spec: { replicas: 3, serviceName: name, selector: { matchLabels: labels }, template },
            });
        case "DaemonSet":
            return new k8s.apps.v1.DaemonSet(name, { metadata, spec: { selector: { matchLabels: labels }, template } });
        case "Job":
            return new k8s.batch.v1.Job(name, { metadata, spec: { template } });
        case "CronJob":
            return new k8s.batch.v1.CronJob(name, {
                metadata,
                spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template } } },
            });
    }
}
