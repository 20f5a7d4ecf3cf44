import * as pulumi from "@pulumi/pulumi";
import { Profile, enumValues } from "./enums";
import { ResourcesArgs } from "./resources";

/** Where a container reads one secret value from: a key of a Kubernetes Secret. */
export interface SecretKeyRefArgs {
    /** Name of the Secret (e.g. `SharedSecret.secretName`). */
    secretName: pulumi.Input<string>;
    /** Key inside the Secret. */
    key: string;
}

/** An HTTP GET probe on the app's container port. */
export interface HttpProbeArgs {
    /** Path to GET; must start with '/'. Defaults: liveness `/health/live`, readiness `/health/ready`, startup = the liveness path. No spaces. */
    path?: string;
    /** Seconds before the first probe, ≥ 0. Defaults (seed 000): liveness 5, readiness 10, startup 0. */
    initialDelaySeconds?: number;
    /** Seconds between probes, ≥ 1. Defaults: liveness 10, readiness 5, startup 5. */
    periodSeconds?: number;
    /** Seconds before a probe times out, ≥ 1. Defaults: liveness 2, readiness 5, startup 2. */
    timeoutSeconds?: number;
    /** Consecutive failures before acting, ≥ 1. Defaults: liveness 3, readiness 2, startup 30 (150 s to start). */
    failureThreshold?: number;
}

/** Health probes. Liveness and readiness are always set; startup only when given. */
export interface AppTierProbesArgs {
    /** Restarts a stuck process. Default `/health/live`, 5/10/2/3. */
    liveness?: HttpProbeArgs;
    /** Takes a pod out of the Service while it cannot serve. Default `/health/ready`, 10/5/5/2. */
    readiness?: HttpProbeArgs;
    /** Holds liveness off while a slow app starts. Default: none; when given, liveness path, period 5, threshold 30. */
    startup?: HttpProbeArgs;
}

/** Horizontal Pod Autoscaler (autoscaling/v2) on CPU and memory utilisation. */
export interface AppTierAutoscalingArgs {
    /** Create the HPA. Default: true in production, false in development. */
    enabled?: boolean;
    /** Fewest pods the HPA keeps, ≥ 1. Default 2 (seed 000). */
    minReplicas?: number;
    /** Most pods the HPA may run, ≥ minReplicas and ≥ replicas. Default 10 (seed 000). */
    maxReplicas?: number;
    /** Target average CPU utilisation, percent of requests, 1–100. Default 70. */
    cpuUtilization?: number;
    /** Target average memory utilisation, percent of requests, 1–100. Default 80. */
    memoryUtilization?: number;
}

/** PodDisruptionBudget: keeps pods up during voluntary disruptions such as node drains. */
export interface AppTierDisruptionBudgetArgs {
    /** Create the PDB. Default: true when the app runs ≥ 2 pods (production), else false. */
    enabled?: boolean;
    /** Pods that may be down at once. Default 1. Never 0 (blocks node drains), and below the replica floor. */
    maxUnavailable?: number;
}

/** Deployment rolling-update strategy. */
export interface AppTierRollingUpdateArgs {
    /** Pods that may be unavailable during a rollout, ≥ 0 and below the replica floor. Default 1 (0 when the app runs one pod). */
    maxUnavailable?: number;
    /** Extra pods a rollout may add, ≥ 0 (not 0 together with maxUnavailable 0). Default 1. */
    maxSurge?: number;
}

/** Graceful shutdown: the preStop pause lets load balancers drop the pod before SIGTERM. */
export interface AppTierShutdownArgs {
    /** Seconds the preStop hook sleeps before the app gets SIGTERM, ≥ 0. Default 5 (seed 000). */
    preStopSleepSeconds?: number;
    /** Seconds the app itself needs to drain after SIGTERM (e.g. SHUTDOWN_TIMEOUT), ≥ 0. Default 45 (seed 000). */
    appShutdownTimeoutSeconds?: number;
    /** terminationGracePeriodSeconds. Default preStop + app timeout + 10 (60 with the defaults); must exceed preStop + app timeout. */
    terminationGracePeriodSeconds?: number;
    /**
     * Command for an exec preStop hook instead of the native `sleep` action (Kubernetes ≥ 1.30),
     * e.g. `["/bin/sh", "-c", "sleep 5"]` for clusters older than 1.30. Default: native sleep.
     */
    preStopCommand?: string[];
}

/** Spread of pods over zones (topology.kubernetes.io/zone) and hosts. */
export interface AppTierZoneSpreadArgs {
    /** Zones the pods must spread over (minDomains), ≥ 1. Default 3 in production, 1 in development. */
    minZones?: number;
    /** DoNotSchedule rather than ScheduleAnyway on the zone constraint. Default: true in production. */
    strict?: boolean;
}

/**
 * Who the app's processes run as and what they may write. The pod always runs with
 * `runAsNonRoot`; the kubelet can only verify that for a numeric user, so an image whose
 * USER is a name (e.g. `USER appuser`) needs `runAsUser` or none of its pods start.
 */
export interface AppTierSecurityArgs {
    /** Numeric user id of every container (pod securityContext.runAsUser). Default: the image's USER. Range 1–2147483647 (0, root, is refused). */
    runAsUser?: number;
    /** Numeric group id (runAsGroup). Default: the image's group. Range 0–2147483647. */
    runAsGroup?: number;
    /** Group that owns mounted volumes (fsGroup). Default: none. Range 0–2147483647. */
    fsGroup?: number;
    /** Mount the container's root filesystem read-only. Default: true when `writablePaths` is given, else false. */
    readOnlyRootFilesystem?: boolean;
    /** Absolute paths the app writes at run time, each an emptyDir mount (e.g. ["/tmp"]). Default none; at most 20, distinct, not "/". */
    writablePaths?: string[];
}

/** NetworkPolicy fencing the app's pods: only the ingress controller and pods of the same part-of reach its port. */
export interface AppTierNetworkPolicyArgs {
    /** Create the NetworkPolicy. Default: true in production, false in development. */
    enabled?: boolean;
    /** Namespaces whose pods may reach the app (the ingress controller's). Default ["ingress-nginx"] when an Ingress is set, else none. */
    allowedNamespaces?: string[];
    /**
     * Outgoing connections are fenced too: the app may reach DNS, every pod of its own namespace
     * (its services), these other namespaces on any port (e.g. Rook's, for an in-cluster bucket),
     * and anything on `egressPorts`. Default none (the Platform adds Rook's namespace when its bucket is there).
     */
    egressNamespaces?: string[];
    /** TCP ports the app may reach anywhere, e.g. external APIs and S3 over https. Default [443]; each 1–65535. */
    egressPorts?: number[];
    /**
     * Single addresses the app may reach on one TCP port each, e.g. a node-local agent. Default none
     * (a Platform adds the EKS Pod Identity agent, 169.254.170.23/32 port 80, when its bucket is
     * reached through Pod Identity: the pods fetch their credentials there).
     */
    egressEndpoints?: AppTierEgressEndpointArgs[];
}

/** An IPv4 range and the one TCP port the app may reach there. */
export interface AppTierEgressEndpointArgs {
    /** IPv4 CIDR, e.g. "169.254.170.23/32". */
    cidr: string;
    /** TCP port, 1–65535. */
    port: number;
}

/** An Ingress in front of the Service. */
export interface AppTierIngressArgs {
    /** Host name, a DNS name such as "share.example.com" (a leading "*." wildcard allowed). Required. */
    host: string;
    /** Path prefix, starting with "/". Default "/". */
    path?: string;
    /** IngressClass name. Default: the cluster's default class. */
    className?: string;
    /** Secret with the TLS certificate for `host`. Required in production (encryption in transit). */
    tlsSecretName?: string;
    /** Extra annotations, e.g. for cert-manager or the ingress controller. Default none. */
    annotations?: Record<string, string>;
}

/** Arguments of {@link AppTier}: a stateless HTTP app on Kubernetes. */
export interface AppTierArgs {
    /** Container image, e.g. "ghcr.io/acme/safeshare:1.4.2". Required, non-empty. */
    image: string;
    /** HA defaults to start from. Default `Profile.Production`. */
    profile?: Profile;
    /** app.kubernetes.io/name and the container name: a DNS label (lower-case letters, digits, "-"; ≤ 63). Default: the component name. */
    appName?: string;
    /** app.kubernetes.io/part-of. Default: `appName`. */
    partOf?: string;
    /** Namespace of every object, a DNS label. Default "default". */
    namespace?: pulumi.Input<string>;
    /** Port the container listens on, 1–65535. Default 8080. */
    port?: number;
    /** Port the Service exposes, 1–65535. Default 80. */
    servicePort?: number;
    /** Container command (entrypoint) override. Default: the image's. */
    command?: string[];
    /** Container args override. Default: the image's. */
    containerArgs?: string[];
    /** Pods the Deployment starts with, 1–2147483647 (≤ autoscaling.maxReplicas). Default 3 in production, 1 in development. With an HPA, the HPA owns the count afterwards. */
    replicas?: number;
    /** Autoscaling; see {@link AppTierAutoscalingArgs}. */
    autoscaling?: AppTierAutoscalingArgs;
    /** Disruption budget; see {@link AppTierDisruptionBudgetArgs}. */
    disruptionBudget?: AppTierDisruptionBudgetArgs;
    /** Rolling update; see {@link AppTierRollingUpdateArgs}. */
    rollingUpdate?: AppTierRollingUpdateArgs;
    /** Probes; see {@link AppTierProbesArgs}. */
    probes?: AppTierProbesArgs;
    /** Graceful shutdown; see {@link AppTierShutdownArgs}. */
    shutdown?: AppTierShutdownArgs;
    /** Zone and host spread; see {@link AppTierZoneSpreadArgs}. */
    zoneSpread?: AppTierZoneSpreadArgs;
    /** Requests and limits; see {@link ResourcesArgs}. Default 250m / 256Mi requests, 500m / 512Mi limits (seed 000). */
    resources?: ResourcesArgs;
    /** User, group and writable paths; see {@link AppTierSecurityArgs}. */
    security?: AppTierSecurityArgs;
    /** NetworkPolicy; see {@link AppTierNetworkPolicyArgs}. */
    networkPolicy?: AppTierNetworkPolicyArgs;
    /** Plain environment, delivered through a ConfigMap. Names that look like credentials are rejected: use `secretEnv`. Default none. */
    env?: Record<string, string>;
    /** Secret environment, each read through secretKeyRef. Default none. */
    secretEnv?: Record<string, SecretKeyRefArgs>;
    /** Sticky sessions on the Service (sessionAffinity ClientIP), e.g. for chunked uploads (seed 000). Default false. */
    sessionAffinity?: boolean;
    /** Ingress; default none. */
    ingress?: AppTierIngressArgs;
    /**
     * A ServiceAccount of this name, created for the pods to run as (still no API token mounted):
     * the identity a cloud's workload identity binds (EKS Pod Identity, GKE Workload Identity).
     * A DNS-1123 subdomain. Default none: the namespace's `default` account.
     */
    serviceAccountName?: string;
    /**
     * Annotations of that ServiceAccount, e.g. `iam.gke.io/gcp-service-account` naming the Google
     * service account GKE Workload Identity lets it act as. Keys are Kubernetes annotation keys
     * (an optional DNS-subdomain prefix and "/", then a name of ≤ 63 alphanumerics, '-', '_', '.').
     * Only with `serviceAccountName`. Default none.
     */
    serviceAccountAnnotations?: Record<string, pulumi.Input<string>>;
}

/** {@link AppTierArgs} with every default applied and every value checked. */
export interface ResolvedAppTier {
    name: string;
    serviceAccountName?: string;
    serviceAccountAnnotations: Record<string, pulumi.Input<string>>;
    image: string;
    profile: Profile;
    appName: string;
    partOf: string;
    namespace: pulumi.Input<string>;
    port: number;
    servicePort: number;
    command?: string[];
    containerArgs?: string[];
    replicas: number;
    /** The fewest pods the app can run with: min(replicas, HPA minReplicas). */
    replicaFloor: number;
    autoscaling?: Required<Omit<AppTierAutoscalingArgs, "enabled">>;
    disruptionBudget?: { maxUnavailable: number };
    rollingUpdate: Required<AppTierRollingUpdateArgs>;
    probes: {
        liveness: Required<HttpProbeArgs>;
        readiness: Required<HttpProbeArgs>;
        startup?: Required<HttpProbeArgs>;
    };
    shutdown: Required<Omit<AppTierShutdownArgs, "preStopCommand">> & { preStopCommand?: string[] };
    zoneSpread: Required<AppTierZoneSpreadArgs>;
    resources: Required<ResourcesArgs>;
    env: Record<string, string>;
    secretEnv: Record<string, SecretKeyRefArgs>;
    sessionAffinity: boolean;
    ingress?: AppTierIngressArgs & { path: string };
    security: {
        runAsUser?: number;
        runAsGroup?: number;
        fsGroup?: number;
        readOnlyRootFilesystem: boolean;
        writablePaths: string[];
    };
    /** Who may reach the app, and where it may connect, when its NetworkPolicy is on. */
    networkPolicy?: {
        allowedNamespaces: string[];
        egressNamespaces: string[];
        egressPorts: number[];
        egressEndpoints: AppTierEgressEndpointArgs[];
    };
}

export const appTierProfiles = enumValues(Profile);
