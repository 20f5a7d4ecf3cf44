import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { generatePassword } from "../../generated-values";
import { standardLabels } from "../../core/labels";
import { ResourcesArgs } from "../../core/resources";
import { KubernetesPlacementArgs } from "../../core/services-common";
import { BackendScope } from "../backend";

/** A backend scope resolved for Kubernetes: where objects go and how they are labelled. */
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

/** Kubernetes scope of a service: namespace "default" unless given; the recommended labels. */
export function scopeOf(base: BackendScope, component: string, placement: KubernetesPlacementArgs | undefined): Scope {
    return {
        parent: base.parent,
        name: base.name,
        namespace: placement?.namespace ?? "default",
        labels: standardLabels({
            appName: base.name,
            instance: base.name,
            component,
            partOf: placement?.partOf ?? base.name,
        }),
        opts: { parent: base.parent, protect: base.protect, dependsOn: base.dependsOn },
    };
}

/** The scope's dependsOn plus `more`: for a resource that waits for siblings as well as the operators. */
export function after(scope: Scope, ...more: pulumi.Resource[]): pulumi.CustomResourceOptions {
    const base = scope.opts.dependsOn;
    return {
        dependsOn: pulumi.output(base ?? []).apply((d) => [...(Array.isArray(d) ? d : [d]), ...more]),
    };
}

/** A custom resource with an explicit name (service DNS names derive from it). */
export function customResource(
    scope: Scope,
    suffix: string,
    apiVersion: string,
    kind: string,
    spec: Record<string, unknown>,
    extra: { name?: string; annotations?: Record<string, string>; opts?: pulumi.CustomResourceOptions } = {},
): k8s.apiextensions.CustomResource {
    const objectName = extra.name ?? scope.name;
    return new k8s.apiextensions.CustomResource(
        suffix ? `${scope.name}-${suffix}` : scope.name,
        {
            apiVersion,
            kind,
            metadata: {
                name: objectName,
                namespace: scope.namespace,
                labels: scope.labels,
                annotations: extra.annotations,
            },
            spec,
        },
        { ...scope.opts, ...extra.opts },
    );
}

/** A generated password (letters and digits: safe in URLs), a Pulumi secret. */
export function password(scope: Scope, suffix: string, length = 32): pulumi.Output<string> {
    return generatePassword(`${scope.name}-${suffix}`, scope.parent, length);
}

/** A Kubernetes Secret with the given string data (all secret). */
export function secret(
    scope: Scope,
    suffix: string,
    objectName: string,
    data: Record<string, pulumi.Input<string>>,
    type = "Opaque",
): k8s.core.v1.Secret {
    return new k8s.core.v1.Secret(
        `${scope.name}-${suffix}`,
        {
            metadata: { name: objectName, namespace: scope.namespace, labels: scope.labels },
            type,
            stringData: pulumi.secret(data),
        },
        { parent: scope.parent },
    );
}

/** A container's resources in the Kubernetes shape. */
export function requirements(r: Required<ResourcesArgs>): {
    requests: Record<string, string>;
    limits: Record<string, string>;
} {
    return {
        requests: { cpu: r.cpuRequest, memory: r.memoryRequest },
        limits: { cpu: r.cpuLimit, memory: r.memoryLimit },
    };
}

/** The service's clients: pods of the same part-of in its namespace (the Platform's app, or your own pods labelled so). */
export function clientPods(scope: Scope): Record<string, string> {
    return { "app.kubernetes.io/part-of": scope.labels["app.kubernetes.io/part-of"] };
}

/**
 * Pods that back up to the platform's bucket (Postgres instances) carry this label, so an
 * in-cluster bucket admits them without making them clients of every other service.
 */
export const objectStorageClientLabel: Record<string, string> = { "pulumi-ha.io/object-storage-client": "true" };

/** In-cluster DNS name of a Service. */
export function serviceHost(service: pulumi.Input<string>, namespace: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`${service}.${namespace}.svc.cluster.local`;
}

type SpreadConstraint = k8s.types.input.core.v1.TopologySpreadConstraint;

/**
 * A zone topology spread constraint over pods with `labels`. Strict (production): at most
 * one pod more in any zone, counted over at least `minDomains` zones, so pods cannot
 * collapse into one zone while the others are empty (minDomains is only allowed with
 * DoNotSchedule). `matchLabelKeys` (e.g. pod-template-hash) judges spread per revision.
 */
export function zoneSpread(
    labels: Record<string, string>,
    strict: boolean,
    minDomains = 3,
    matchLabelKeys?: string[],
): SpreadConstraint {
    return {
        maxSkew: 1,
        topologyKey: zoneKey,
        whenUnsatisfiable: strict ? "DoNotSchedule" : "ScheduleAnyway",
        minDomains: strict && minDomains > 1 ? minDomains : undefined,
        labelSelector: { matchLabels: labels },
        matchLabelKeys,
    };
}

/** Best-effort spread over nodes, after the zones. */
export function hostSpread(labels: Record<string, string>, matchLabelKeys?: string[]): SpreadConstraint {
    return {
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: labels },
        matchLabelKeys,
    };
}

/** The well-known zone label of nodes. */
export const zoneKey = "topology.kubernetes.io/zone";

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

/**
 * A PodDisruptionBudget for an operator's pods when the operator makes none: one pod
 * down at a time, and unhealthy pods never block a drain.
 */
export function disruptionBudget(
    scope: Scope,
    suffix: string,
    selector: Record<string, string>,
    maxUnavailable = 1,
): k8s.policy.v1.PodDisruptionBudget {
    return new k8s.policy.v1.PodDisruptionBudget(
        suffix ? `${scope.name}-${suffix}` : scope.name,
        {
            metadata: { namespace: scope.namespace, labels: scope.labels },
            spec: { maxUnavailable, selector: { matchLabels: selector }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
        },
        { parent: scope.parent },
    );
}
