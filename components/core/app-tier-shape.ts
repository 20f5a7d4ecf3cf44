import { ObjectShape, array, boolean, input, int, int32Max, map, object, oneOf, required, string } from "./arg-shape";
import {
    AppTierArgs,
    AppTierAutoscalingArgs,
    AppTierDisruptionBudgetArgs,
    AppTierEgressEndpointArgs,
    AppTierIngressArgs,
    AppTierNetworkPolicyArgs,
    AppTierProbesArgs,
    AppTierRollingUpdateArgs,
    AppTierSecurityArgs,
    AppTierShutdownArgs,
    AppTierZoneSpreadArgs,
    HttpProbeArgs,
    SecretKeyRefArgs,
} from "./app-tier-contract";
import { Profile } from "./enums";
import { resourcesShape } from "./service-shapes";

// The declared shape of AppTier's arguments (see arg-shape.ts). The nested shapes are
// exported for the stack config, which takes some of them as they are.

const probe = object<HttpProbeArgs>("HttpProbeArgs", {
    path: string(),
    initialDelaySeconds: int(),
    periodSeconds: int(),
    timeoutSeconds: int(),
    failureThreshold: int(),
});

export const appTierProbesShape = object<AppTierProbesArgs>("AppTierProbesArgs", {
    liveness: probe,
    readiness: probe,
    startup: probe,
});

export const appTierAutoscalingShape = object<AppTierAutoscalingArgs>("AppTierAutoscalingArgs", {
    enabled: boolean(),
    minReplicas: int(),
    maxReplicas: int(),
    cpuUtilization: int(),
    memoryUtilization: int(),
});

export const appTierSecurityShape = object<AppTierSecurityArgs>("AppTierSecurityArgs", {
    // 0 is root, which runAsNonRoot refuses; group 0 is allowed (OpenShift-style images rely on it).
    runAsUser: int(1, int32Max),
    runAsGroup: int(0, int32Max),
    fsGroup: int(0, int32Max),
    readOnlyRootFilesystem: boolean(),
    writablePaths: array(string()),
});

export const appTierShape: ObjectShape<AppTierArgs> = object<AppTierArgs>("AppTierArgs", {
    image: required(string()),
    profile: oneOf(Profile),
    appName: string(),
    partOf: string(),
    namespace: input(string()),
    port: int(),
    servicePort: int(),
    command: array(string()),
    containerArgs: array(string()),
    replicas: int(),
    autoscaling: appTierAutoscalingShape,
    disruptionBudget: object<AppTierDisruptionBudgetArgs>("AppTierDisruptionBudgetArgs", {
        enabled: boolean(),
        maxUnavailable: int(),
    }),
    rollingUpdate: object<AppTierRollingUpdateArgs>("AppTierRollingUpdateArgs", {
        maxUnavailable: int(),
        maxSurge: int(),
    }),
    probes: appTierProbesShape,
    shutdown: object<AppTierShutdownArgs>("AppTierShutdownArgs", {
        preStopSleepSeconds: int(),
        appShutdownTimeoutSeconds: int(),
        terminationGracePeriodSeconds: int(),
        preStopCommand: array(string()),
    }),
    zoneSpread: object<AppTierZoneSpreadArgs>("AppTierZoneSpreadArgs", { minZones: int(), strict: boolean() }),
    resources: resourcesShape,
    security: appTierSecurityShape,
    networkPolicy: object<AppTierNetworkPolicyArgs>("AppTierNetworkPolicyArgs", {
        enabled: boolean(),
        allowedNamespaces: array(string()),
        egressNamespaces: array(string()),
        egressPorts: array(int()),
        egressEndpoints: array(
            object<AppTierEgressEndpointArgs>("AppTierEgressEndpointArgs", {
                cidr: required(string()),
                port: required(int()),
            }),
        ),
    }),
    env: map(string()),
    secretEnv: map(
        object<SecretKeyRefArgs>("SecretKeyRefArgs", {
            secretName: required(input(string())),
            key: required(string()),
        }),
    ),
    sessionAffinity: boolean(),
    serviceAccountName: string(),
    serviceAccountAnnotations: map(input(string())),
    ingress: object<AppTierIngressArgs>("AppTierIngressArgs", {
        host: required(string()),
        path: string(),
        className: string(),
        tlsSecretName: string(),
        annotations: map(string()),
    }),
});
