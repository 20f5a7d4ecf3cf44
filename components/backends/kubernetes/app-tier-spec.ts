import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { HttpProbeArgs, ResolvedAppTier } from "../../core/app-tier-contract";

type Container = k8s.types.input.core.v1.Container;
type PodSpec = k8s.types.input.core.v1.PodSpec;
type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type SpreadConstraint = k8s.types.input.core.v1.TopologySpreadConstraint;

/** The container port's name; probes and the Service refer to it by name. */
export const httpPortName = "http";

function httpProbe(p: Required<HttpProbeArgs>): Probe {
    return {
        httpGet: { path: p.path, port: httpPortName },
        initialDelaySeconds: p.initialDelaySeconds,
        periodSeconds: p.periodSeconds,
        timeoutSeconds: p.timeoutSeconds,
        failureThreshold: p.failureThreshold,
    };
}

/** Plain variables from the ConfigMap, secret ones only through secretKeyRef. */
function envVars(app: ResolvedAppTier, configMapName: pulumi.Input<string> | undefined): EnvVar[] {
    const plain: EnvVar[] = Object.keys(app.env).sort().map((name) => ({
        name,
        valueFrom: { configMapKeyRef: { name: configMapName!, key: name } },
    }));
    const secret: EnvVar[] = Object.keys(app.secretEnv).sort().map((name) => ({
        name,
        valueFrom: { secretKeyRef: { name: app.secretEnv[name].secretName, key: app.secretEnv[name].key } },
    }));
    return [...plain, ...secret];
}

/** Zone spread first (the failure domain that matters), then hosts. */
export function spreadConstraints(app: ResolvedAppTier, selector: Record<string, string>): SpreadConstraint[] {
    const strict = app.zoneSpread.strict;
    const zone: SpreadConstraint = {
        topologyKey: "topology.kubernetes.io/zone",
        maxSkew: 1,
        whenUnsatisfiable: strict ? "DoNotSchedule" : "ScheduleAnyway",
        labelSelector: { matchLabels: selector },
        // Judge spread per ReplicaSet, so a rollout's old pods do not skew the new ones.
        matchLabelKeys: ["pod-template-hash"],
    };
    // minDomains is only allowed with DoNotSchedule; it stops pods collapsing into
    // the zones that happen to exist when there are fewer than minZones.
    if (strict && app.zoneSpread.minZones > 1) zone.minDomains = app.zoneSpread.minZones;
    const host: SpreadConstraint = {
        topologyKey: "kubernetes.io/hostname",
        maxSkew: 1,
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: selector },
        matchLabelKeys: ["pod-template-hash"],
    };
    return [zone, host];
}

function appContainer(app: ResolvedAppTier, configMapName: pulumi.Input<string> | undefined): Container {
    const preStop = app.shutdown.preStopCommand
        ? { exec: { command: app.shutdown.preStopCommand } }
        : { sleep: { seconds: app.shutdown.preStopSleepSeconds } };
    return {
        name: app.appName,
        image: app.image,
        command: app.command,
        args: app.containerArgs,
        ports: [{ name: httpPortName, containerPort: app.port, protocol: "TCP" }],
        env: envVars(app, configMapName),
        resources: {
            requests: { cpu: app.resources.cpuRequest, memory: app.resources.memoryRequest },
            limits: { cpu: app.resources.cpuLimit, memory: app.resources.memoryLimit },
        },
        livenessProbe: httpProbe(app.probes.liveness),
        readinessProbe: httpProbe(app.probes.readiness),
        startupProbe: app.probes.startup ? httpProbe(app.probes.startup) : undefined,
        lifecycle: { preStop },
        securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
        },
    };
}

/** The pod template's spec: one app container, spread, graceful shutdown, least privilege. */
export function appPodSpec(
    app: ResolvedAppTier,
    selector: Record<string, string>,
    configMapName: pulumi.Input<string> | undefined,
): PodSpec {
    return {
        containers: [appContainer(app, configMapName)],
        terminationGracePeriodSeconds: app.shutdown.terminationGracePeriodSeconds,
        topologySpreadConstraints: spreadConstraints(app, selector),
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    };
}
