import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AppTierArgs, ResolvedAppTier } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { selectorLabels, standardLabels } from "./core/labels";
import { appPodSpec, httpPortName } from "./backends/kubernetes/app-tier-spec";
import { Scope, disruptionBudget } from "./backends/kubernetes/common";
import { allowIngress, anyPodHere, podsHere, podsOfNamespace } from "./backends/kubernetes/network-policy";

/**
 * A stateless HTTP app on Kubernetes, highly available by default (seed 000):
 * Deployment (3 replicas, rolling update 1/1, probes, preStop + grace period, zone and
 * host spread), Service, PodDisruptionBudget, HorizontalPodAutoscaler (2–10, CPU 70 %,
 * memory 80 %), a ConfigMap for plain env, and an optional Ingress.
 *
 * Arguments are checked before anything is registered: bad input throws
 * `InvalidArgumentsError` and leaves nothing half-created.
 */
export class AppTier extends pulumi.ComponentResource {
    /** The Deployment running the app. */
    public readonly deployment: k8s.apps.v1.Deployment;
    /** The ClusterIP Service in front of the pods. */
    public readonly service: k8s.core.v1.Service;
    /** The disruption budget, when enabled. */
    public readonly disruptionBudget?: k8s.policy.v1.PodDisruptionBudget;
    /** The NetworkPolicy fencing the pods, when enabled. */
    public readonly networkPolicy?: k8s.networking.v1.NetworkPolicy;
    /** The autoscaler, when enabled. */
    public readonly autoscaler?: k8s.autoscaling.v2.HorizontalPodAutoscaler;
    /** The Ingress, when asked for. */
    public readonly ingress?: k8s.networking.v1.Ingress;
    /** The Service's name. */
    public readonly serviceName: pulumi.Output<string>;
    /** In-cluster URL (http://service.namespace.svc.cluster.local:port), or https://host when an Ingress is set. */
    public readonly url: pulumi.Output<string>;

    constructor(name: string, args: AppTierArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate first: an error here leaves no resource registered.
        const app = resolveAppTier(name, args);
        super("pulumi-ha:index:AppTier", name, {}, opts);

        const labelArgs = { appName: app.appName, instance: name, component: "app", partOf: app.partOf };
        const labels = standardLabels(labelArgs);
        const selector = selectorLabels(labelArgs);
        const metadata = { namespace: app.namespace, labels };
        const scope: Scope = { parent: this, name, namespace: app.namespace, labels, opts: { parent: this } };

        if (app.serviceAccountName) {
            new k8s.core.v1.ServiceAccount(
                `${name}-sa`,
                {
                    metadata: {
                        ...metadata,
                        name: app.serviceAccountName,
                        // Left out when there are none, so an unannotated account's inputs stay as they were.
                        ...(Object.keys(app.serviceAccountAnnotations).length > 0
                            ? { annotations: app.serviceAccountAnnotations }
                            : {}),
                    },
                    // The pods need no Kubernetes API token; a workload identity brings its own.
                    automountServiceAccountToken: false,
                },
                { parent: this },
            );
        }
        // Auto-named, so a change of plain env replaces the ConfigMap and rolls the pods.
        const configMap =
            Object.keys(app.env).length > 0
                ? new k8s.core.v1.ConfigMap(`${name}-env`, { metadata, data: app.env }, { parent: this })
                : undefined;

        this.deployment = new k8s.apps.v1.Deployment(
            name,
            {
                metadata,
                spec: {
                    replicas: app.replicas,
                    selector: { matchLabels: selector },
                    strategy: {
                        type: "RollingUpdate",
                        rollingUpdate: {
                            maxUnavailable: app.rollingUpdate.maxUnavailable,
                            maxSurge: app.rollingUpdate.maxSurge,
                        },
                    },
                    revisionHistoryLimit: 5,
                    template: {
                        metadata: { labels },
                        spec: appPodSpec(app, selector, configMap?.metadata.name),
                    },
                },
            },
            {
                parent: this,
                // With an HPA the autoscaler owns the count; re-applying spec.replicas on every
                // update would scale the app down under load.
                ignoreChanges: app.autoscaling ? ["spec.replicas"] : undefined,
            },
        );

        this.service = new k8s.core.v1.Service(
            name,
            {
                metadata: { ...metadata, name },
                spec: {
                    type: "ClusterIP",
                    selector,
                    ports: [{ name: httpPortName, port: app.servicePort, targetPort: httpPortName, protocol: "TCP" }],
                    sessionAffinity: app.sessionAffinity ? "ClientIP" : "None",
                },
            },
            { parent: this },
        );

        if (app.disruptionBudget)
            this.disruptionBudget = disruptionBudget(scope, "", selector, app.disruptionBudget.maxUnavailable);

        if (app.networkPolicy) {
            const np = app.networkPolicy;
            // In: the ingress controller's namespaces and the app's own platform (pods of the same part-of).
            // Out: its namespace (its services), the namespaces named, and the ports named anywhere.
            // One selector label (the instance, unique per app): some linters (Polaris) accept only that.
            this.networkPolicy = allowIngress(
                scope,
                "",
                { "app.kubernetes.io/instance": name },
                [
                    {
                        from: [
                            ...np.allowedNamespaces.map(podsOfNamespace),
                            podsHere({ "app.kubernetes.io/part-of": app.partOf }),
                        ],
                        ports: [httpPortName],
                    },
                ],
                app.namespace,
                [
                    { to: [anyPodHere, ...np.egressNamespaces.map(podsOfNamespace)], ports: [] },
                    ...(np.egressPorts.length + np.egressPortRanges.length > 0
                        ? [{ to: [], ports: [...np.egressPorts, ...np.egressPortRanges] }]
                        : []),
                    ...np.egressEndpoints.map((e) => ({ to: [{ ipBlock: { cidr: e.cidr } }], ports: [e.port] })),
                ],
            );
        }

        if (app.autoscaling) {
            this.autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
                name,
                {
                    metadata,
                    spec: {
                        scaleTargetRef: {
                            apiVersion: "apps/v1",
                            kind: "Deployment",
                            name: this.deployment.metadata.name,
                        },
                        minReplicas: app.autoscaling.minReplicas,
                        maxReplicas: app.autoscaling.maxReplicas,
                        metrics: [
                            utilization("cpu", app.autoscaling.cpuUtilization),
                            utilization("memory", app.autoscaling.memoryUtilization),
                        ],
                    },
                },
                { parent: this },
            );
        }

        if (app.ingress) this.ingress = appIngress(this, app, metadata, this.service);

        this.serviceName = this.service.metadata.name;
        this.url = app.ingress
            ? pulumi.output(
                  `${app.ingress.tlsSecretName ? "https" : "http"}://${app.ingress.host}${app.ingress.path === "/" ? "" : app.ingress.path}`,
              )
            : pulumi.interpolate`http://${this.service.metadata.name}.${this.service.metadata.namespace}.svc.cluster.local:${app.servicePort}`;
        this.registerOutputs({ serviceName: this.serviceName, url: this.url });
    }
}

function utilization(resource: "cpu" | "memory", averageUtilization: number) {
    return { type: "Resource", resource: { name: resource, target: { type: "Utilization", averageUtilization } } };
}

function appIngress(
    parent: AppTier,
    app: ResolvedAppTier,
    metadata: { namespace: pulumi.Input<string>; labels: Record<string, string> },
    service: k8s.core.v1.Service,
): k8s.networking.v1.Ingress {
    const ingress = app.ingress!;
    return new k8s.networking.v1.Ingress(
        app.name,
        {
            metadata: { ...metadata, annotations: ingress.annotations },
            spec: {
                ingressClassName: ingress.className,
                tls: ingress.tlsSecretName ? [{ hosts: [ingress.host], secretName: ingress.tlsSecretName }] : undefined,
                rules: [
                    {
                        host: ingress.host,
                        http: {
                            paths: [
                                {
                                    path: ingress.path,
                                    pathType: "Prefix",
                                    backend: { service: { name: service.metadata.name, port: { name: httpPortName } } },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        { parent },
    );
}
