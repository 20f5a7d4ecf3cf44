import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { HttpProbeArgs, ResolvedAppTier } from "../../core/app-tier-contract";
import { hostSpread, zoneSpread } from "./common";

type Container = k8s.types.input.core.v1.Container;
type PodSpec = k8s.types.input.core.v1.PodSpec;
type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type SpreadConstraint = k8s.types.input.core.v1.TopologySpreadConstraint;
type Volume = k8s.types.input.core.v1.Volume;
type VolumeMount = k8s.types.input.core.v1.VolumeMount;

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
    const plain: EnvVar[] = Object.keys(app.env)
        .sort()
        .map((name) => ({
            name,
            valueFrom: { configMapKeyRef: { name: configMapName!, key: name } },
        }));
    const secret: EnvVar[] = Object.keys(app.secretEnv)
        .sort()
        .map((name) => ({
            name,
            valueFrom: { secretKeyRef: { name: app.secretEnv[name].secretName, key: app.secretEnv[name].key } },
        }));
    return [...plain, ...secret];
}

/** Zone spread first (the failure domain that matters), then hosts; judged per ReplicaSet, so a rollout's old pods do not skew the new ones. */
export function spreadConstraints(app: ResolvedAppTier, selector: Record<string, string>): SpreadConstraint[] {
    const perRevision = ["pod-template-hash"];
    return [
        zoneSpread(selector, app.zoneSpread.strict, app.zoneSpread.minZones, perRevision),
        hostSpread(selector, perRevision),
    ];
}

/** One emptyDir per path the app writes, so the root filesystem can be read-only. */
function writableVolumes(app: ResolvedAppTier): { volumes: Volume[]; mounts: VolumeMount[] } {
    const names = app.security.writablePaths.map((_path, i) => `writable-${i}`);
    return {
        volumes: names.map((name) => ({ name, emptyDir: {} })),
        mounts: app.security.writablePaths.map((mountPath, i) => ({ name: names[i], mountPath })),
    };
}

function appContainer(
    app: ResolvedAppTier,
    configMapName: pulumi.Input<string> | undefined,
    mounts: VolumeMount[],
): Container {
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
        volumeMounts: mounts.length > 0 ? mounts : undefined,
        securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
            readOnlyRootFilesystem: app.security.readOnlyRootFilesystem || undefined,
        },
    };
}

/** The pod template's spec: one app container, spread, graceful shutdown, least privilege. */
export function appPodSpec(
    app: ResolvedAppTier,
    selector: Record<string, string>,
    configMapName: pulumi.Input<string> | undefined,
): PodSpec {
    const { volumes, mounts } = writableVolumes(app);
    const { runAsUser, runAsGroup, fsGroup } = app.security;
    return {
        containers: [appContainer(app, configMapName, mounts)],
        volumes: volumes.length > 0 ? volumes : undefined,
        terminationGracePeriodSeconds: app.shutdown.terminationGracePeriodSeconds,
        topologySpreadConstraints: spreadConstraints(app, selector),
        // Its own account when a workload identity binds one (EKS Pod Identity injects its own token).
        serviceAccountName: app.serviceAccountName,
        automountServiceAccountToken: false,
        // runAsNonRoot is verifiable by the kubelet only for a numeric user: give one when the image names its USER.
        securityContext: {
            runAsNonRoot: true,
            runAsUser,
            runAsGroup,
            fsGroup,
            seccompProfile: { type: "RuntimeDefault" },
        },
    };
}
