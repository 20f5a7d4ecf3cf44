import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";

/** What every backend function gets from its component. */
export interface Scope {
    /** The public component: every child's parent. */
    parent: pulumi.ComponentResource;
    /** The component's name; children derive theirs from it. */
    name: string;
    /** Namespace of the objects. */
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** Options for stateful children: parent, protect, and what they wait for. */
    opts: pulumi.CustomResourceOptions;
}

export function scopeOf(parent: pulumi.ComponentResource, name: string, namespace: pulumi.Input<string> | undefined,
    labels: Record<string, string>, protect: boolean, opts?: pulumi.ComponentResourceOptions): Scope {
    return {
        parent, name, labels,
        namespace: namespace ?? "default",
        // The component's dependsOn (e.g. the operators) must hold back the custom resources
        // themselves: Pulumi does not pass a component's dependsOn to its children.
        opts: { parent, protect, dependsOn: opts?.dependsOn },
    };
}

/** A custom resource with an explicit name (service DNS names derive from it). */
export function customResource(scope: Scope, suffix: string, apiVersion: string, kind: string, spec: Record<string, unknown>,
    extra: { name?: string; opts?: pulumi.CustomResourceOptions } = {}): k8s.apiextensions.CustomResource {
    const objectName = extra.name ?? scope.name;
    return new k8s.apiextensions.CustomResource(suffix ? `${scope.name}-${suffix}` : scope.name, {
        apiVersion, kind,
        metadata: { name: objectName, namespace: scope.namespace, labels: scope.labels },
        spec,
    }, { ...scope.opts, ...extra.opts });
}

/** A generated password (letters and digits: safe in URLs), a Pulumi secret. */
export function password(scope: Scope, suffix: string, length = 32): pulumi.Output<string> {
    return new random.RandomPassword(`${scope.name}-${suffix}`, { length, special: false }, { parent: scope.parent }).result;
}

/** A Kubernetes Secret with the given string data (all secret). */
export function secret(scope: Scope, suffix: string, objectName: string, data: Record<string, pulumi.Input<string>>, type = "Opaque"): k8s.core.v1.Secret {
    return new k8s.core.v1.Secret(`${scope.name}-${suffix}`, {
        metadata: { name: objectName, namespace: scope.namespace, labels: scope.labels },
        type,
        stringData: pulumi.secret(data),
    }, { parent: scope.parent });
}

/** In-cluster DNS name of a Service. */
export function serviceHost(service: pulumi.Input<string>, namespace: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`${service}.${namespace}.svc.cluster.local`;
}

/** A zone topology spread constraint over pods with `labels` (operators leave spread to us). */
export function zoneSpread(labels: Record<string, string>, strict: boolean): Record<string, unknown> {
    return {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: strict ? "DoNotSchedule" : "ScheduleAnyway",
        labelSelector: { matchLabels: labels },
    };
}

/** A PersistentVolumeClaim template for operators that take one. */
export function volumeClaim(size: string, storageClass?: string): Record<string, unknown> {
    return {
        spec: {
            accessModes: ["ReadWriteOnce"],
            storageClassName: storageClass,
            resources: { requests: { storage: size } },
        },
    };
}
