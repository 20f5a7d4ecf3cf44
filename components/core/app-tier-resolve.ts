import { ArgChecker } from "./arg-checker";
import { AppTierArgs, HttpProbeArgs, ResolvedAppTier, appTierProfiles } from "./app-tier-contract";
import { appTierShape } from "./app-tier-shape";
import { looksLikeCredential } from "./credentials";
import { Profile } from "./enums";
import { limitDefault } from "./formats";
import { appTierNames } from "./kubernetes-names";
import { parseCidr } from "./network-resolve";

// A Kubernetes annotation key: [DNS-subdomain prefix "/"] name (alphanumeric ends; '-', '_', '.' inside).
const annotationKey =
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

const livenessDefaults: Required<HttpProbeArgs> = {
    path: "/health/live",
    initialDelaySeconds: 5,
    periodSeconds: 10,
    timeoutSeconds: 2,
    failureThreshold: 3,
};
const readinessDefaults: Required<HttpProbeArgs> = {
    path: "/health/ready",
    initialDelaySeconds: 10,
    periodSeconds: 5,
    timeoutSeconds: 5,
    failureThreshold: 2,
};
const startupDefaults: Omit<Required<HttpProbeArgs>, "path"> = {
    initialDelaySeconds: 0,
    periodSeconds: 5,
    timeoutSeconds: 2,
    failureThreshold: 30,
};

function resolveProbe(
    check: ArgChecker,
    arg: string,
    given: HttpProbeArgs,
    defaults: Required<HttpProbeArgs>,
): Required<HttpProbeArgs> {
    const probe = { ...defaults, ...stripUndefined(given) };
    check.httpPath(`${arg}.path`, probe.path);
    check.integer(`${arg}.initialDelaySeconds`, probe.initialDelaySeconds, 0);
    check.integer(`${arg}.periodSeconds`, probe.periodSeconds, 1);
    check.integer(`${arg}.timeoutSeconds`, probe.timeoutSeconds, 1);
    check.integer(`${arg}.failureThreshold`, probe.failureThreshold, 1);
    return probe;
}

/** Drops keys whose value is undefined, so spreading over defaults keeps the defaults. */
function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
    return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Applies the profile's defaults to {@link AppTierArgs} and checks every value.
 * Throws {@link InvalidArgumentsError} listing each bad argument; registers nothing.
 */
export function resolveAppTier(name: string, given: AppTierArgs): ResolvedAppTier {
    const check = new ArgChecker(`AppTier "${name}"`);
    const args = check.args(given, appTierShape);
    check.kubernetesName(name, appTierNames(name));
    check.namespace("namespace", args.namespace);
    const profile = args.profile ?? Profile.Production;
    check.oneOf("profile", profile, appTierProfiles);
    const production = profile !== Profile.Development;

    check.nonEmpty("image", args.image);
    const appName = args.appName ?? name;
    check.dnsLabel("appName", appName);
    const partOf = args.partOf ?? appName;
    check.nonEmpty("partOf", partOf);

    const port = args.port ?? 8080;
    check.port("port", port);
    const servicePort = args.servicePort ?? 80;
    check.port("servicePort", servicePort);

    const replicas = args.replicas ?? (production ? 3 : 1);
    check.integer("replicas", replicas, 1);

    const scaling = args.autoscaling ?? {};
    const autoscalingOn = scaling.enabled ?? production;
    let autoscaling: ResolvedAppTier["autoscaling"];
    if (autoscalingOn) {
        autoscaling = {
            minReplicas: scaling.minReplicas ?? 2,
            maxReplicas: scaling.maxReplicas ?? 10,
            cpuUtilization: scaling.cpuUtilization ?? 70,
            memoryUtilization: scaling.memoryUtilization ?? 80,
        };
        check.integer("autoscaling.minReplicas", autoscaling.minReplicas, 1);
        check.integer("autoscaling.maxReplicas", autoscaling.maxReplicas, 1);
        check.require(
            autoscaling.maxReplicas >= autoscaling.minReplicas,
            "autoscaling.maxReplicas",
            `must be ≥ autoscaling.minReplicas (${autoscaling.minReplicas}), got ${autoscaling.maxReplicas}`,
        );
        check.require(
            replicas <= autoscaling.maxReplicas,
            "replicas",
            `must be ≤ autoscaling.maxReplicas (${autoscaling.maxReplicas}), got ${replicas}`,
        );
        check.integer("autoscaling.cpuUtilization", autoscaling.cpuUtilization, 1, 100);
        check.integer("autoscaling.memoryUtilization", autoscaling.memoryUtilization, 1, 100);
    }
    // A declared count below the HPA floor is applied on every `pulumi up` before the HPA
    // scales back, so the weaker of the two is what the app really runs with.
    const replicaFloor = autoscaling ? Math.min(replicas, autoscaling.minReplicas) : replicas;

    const budget = args.disruptionBudget ?? {};
    const budgetOn = budget.enabled ?? replicaFloor >= 2;
    let disruptionBudget: ResolvedAppTier["disruptionBudget"];
    if (budgetOn) {
        disruptionBudget = { maxUnavailable: budget.maxUnavailable ?? 1 };
        check.integer("disruptionBudget.maxUnavailable", disruptionBudget.maxUnavailable, 1);
        // With one pod no budget can keep a pod without blocking drains; that is a weak
        // setup, not a contradiction, and k8s-min-replicas reports it. From two pods on,
        // a budget that lets every pod go protects nothing.
        check.require(
            replicaFloor < 2 || disruptionBudget.maxUnavailable < replicaFloor,
            "disruptionBudget.maxUnavailable",
            `must be below the replica floor (${replicaFloor}) so at least one pod stays up, got ${disruptionBudget.maxUnavailable}`,
        );
    }

    const rollingUpdate = {
        maxUnavailable: args.rollingUpdate?.maxUnavailable ?? (replicaFloor > 1 ? 1 : 0),
        maxSurge: args.rollingUpdate?.maxSurge ?? 1,
    };
    check.integer("rollingUpdate.maxUnavailable", rollingUpdate.maxUnavailable, 0);
    check.integer("rollingUpdate.maxSurge", rollingUpdate.maxSurge, 0);
    check.require(
        replicaFloor < 1 || rollingUpdate.maxUnavailable < replicaFloor,
        "rollingUpdate.maxUnavailable",
        `must be below the replica floor (${replicaFloor}) so a rollout never takes every pod down, got ${rollingUpdate.maxUnavailable}`,
    );
    check.require(
        rollingUpdate.maxUnavailable + rollingUpdate.maxSurge > 0,
        "rollingUpdate",
        "maxUnavailable and maxSurge cannot both be 0 (the rollout could never progress)",
    );

    const probes: ResolvedAppTier["probes"] = {
        liveness: resolveProbe(check, "probes.liveness", args.probes?.liveness ?? {}, livenessDefaults),
        readiness: resolveProbe(check, "probes.readiness", args.probes?.readiness ?? {}, readinessDefaults),
    };
    if (args.probes?.startup) {
        probes.startup = resolveProbe(check, "probes.startup", args.probes.startup, {
            ...startupDefaults,
            path: probes.liveness.path,
        });
    }

    const preStopSleepSeconds = args.shutdown?.preStopSleepSeconds ?? 5;
    const appShutdownTimeoutSeconds = args.shutdown?.appShutdownTimeoutSeconds ?? 45;
    const shutdown = {
        preStopSleepSeconds,
        appShutdownTimeoutSeconds,
        terminationGracePeriodSeconds:
            args.shutdown?.terminationGracePeriodSeconds ?? preStopSleepSeconds + appShutdownTimeoutSeconds + 10,
        preStopCommand: args.shutdown?.preStopCommand,
    };
    check.integer("shutdown.preStopSleepSeconds", preStopSleepSeconds, 0);
    check.integer("shutdown.appShutdownTimeoutSeconds", appShutdownTimeoutSeconds, 0);
    check.require(
        shutdown.terminationGracePeriodSeconds > preStopSleepSeconds + appShutdownTimeoutSeconds,
        "shutdown.terminationGracePeriodSeconds",
        `must exceed preStopSleepSeconds + appShutdownTimeoutSeconds (${preStopSleepSeconds + appShutdownTimeoutSeconds}) or the app is killed mid-drain, got ${shutdown.terminationGracePeriodSeconds}`,
    );
    if (shutdown.preStopCommand !== undefined) {
        check.require(
            shutdown.preStopCommand.length > 0,
            "shutdown.preStopCommand",
            "must not be empty (omit it for the native sleep action)",
        );
    }

    const zoneSpread = {
        minZones: args.zoneSpread?.minZones ?? (production ? 3 : 1),
        strict: args.zoneSpread?.strict ?? production,
    };
    check.integer("zoneSpread.minZones", zoneSpread.minZones, 1);

    const cpuRequest = args.resources?.cpuRequest ?? "250m";
    const memoryRequest = args.resources?.memoryRequest ?? "256Mi";
    const resources = {
        cpuRequest,
        memoryRequest,
        cpuLimit: args.resources?.cpuLimit ?? limitDefault("500m", cpuRequest),
        memoryLimit: args.resources?.memoryLimit ?? limitDefault("512Mi", memoryRequest),
    };
    check.resources("resources", resources);

    const env = args.env ?? {};
    for (const envName of Object.keys(env)) {
        check.envName(`env.${envName}`, envName);
        check.require(
            !looksLikeCredential(envName),
            `env.${envName}`,
            "looks like a credential; pass it in secretEnv (a secretKeyRef), never as a plain value",
        );
    }
    const secretEnv = args.secretEnv ?? {};
    for (const [envName, ref] of Object.entries(secretEnv)) {
        check.envName(`secretEnv.${envName}`, envName);
        check.require(!(envName in env), `secretEnv.${envName}`, "is also set in env; a variable comes from one place");
        check.secretKey(`secretEnv.${envName}.key`, ref.key);
        if (typeof ref.secretName === "string") check.dnsSubdomain(`secretEnv.${envName}.secretName`, ref.secretName);
    }

    if (args.serviceAccountName !== undefined) check.dnsSubdomain("serviceAccountName", args.serviceAccountName);
    const serviceAccountAnnotations = args.serviceAccountAnnotations ?? {};
    check.require(
        args.serviceAccountAnnotations === undefined || args.serviceAccountName !== undefined,
        "serviceAccountAnnotations",
        "needs serviceAccountName: they annotate the ServiceAccount created by that name",
    );
    for (const key of Object.keys(serviceAccountAnnotations))
        check.require(
            annotationKey.test(key) && key.split("/").pop()!.length <= 63 && key.length <= 316,
            `serviceAccountAnnotations.${key}`,
            "must be a Kubernetes annotation key: an optional DNS-subdomain prefix and \"/\", then 1–63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric",
        );

    let ingress: ResolvedAppTier["ingress"];
    if (args.ingress) {
        ingress = { ...args.ingress, path: args.ingress.path ?? "/" };
        check.ingressHost("ingress.host", ingress.host);
        check.httpPath("ingress.path", ingress.path);
        if (ingress.className !== undefined) check.dnsSubdomain("ingress.className", ingress.className);
        if (ingress.tlsSecretName !== undefined) check.dnsSubdomain("ingress.tlsSecretName", ingress.tlsSecretName);
        if (production) {
            check.require(
                !!ingress.tlsSecretName,
                "ingress.tlsSecretName",
                "is required in the production profile (encryption in transit); set it, or use profile development",
            );
        }
    }

    const security = resolveSecurity(check, args);
    const netpol = args.networkPolicy ?? {};
    let networkPolicy: ResolvedAppTier["networkPolicy"];
    if (netpol.enabled ?? production) {
        networkPolicy = {
            allowedNamespaces: netpol.allowedNamespaces ?? (ingress ? ["ingress-nginx"] : []),
            egressNamespaces: netpol.egressNamespaces ?? [],
            egressPorts: netpol.egressPorts ?? [443],
            egressEndpoints: netpol.egressEndpoints ?? [],
        };
        networkPolicy.allowedNamespaces.forEach((ns, i) => check.dnsLabel(`networkPolicy.allowedNamespaces[${i}]`, ns));
        networkPolicy.egressNamespaces.forEach((ns, i) => check.dnsLabel(`networkPolicy.egressNamespaces[${i}]`, ns));
        networkPolicy.egressPorts.forEach((p, i) => check.port(`networkPolicy.egressPorts[${i}]`, p));
        networkPolicy.egressEndpoints.forEach((e, i) => {
            check.require(
                parseCidr(e.cidr) !== undefined,
                `networkPolicy.egressEndpoints[${i}].cidr`,
                `must be an IPv4 CIDR such as "169.254.170.23/32" (got ${JSON.stringify(e.cidr)})`,
            );
            check.port(`networkPolicy.egressEndpoints[${i}].port`, e.port);
        });
    }

    check.throwIfAny();
    return {
        name,
        image: args.image,
        profile,
        appName,
        partOf,
        namespace: args.namespace ?? "default",
        port,
        servicePort,
        command: args.command,
        containerArgs: args.containerArgs,
        replicas,
        replicaFloor,
        autoscaling,
        disruptionBudget,
        rollingUpdate,
        probes,
        shutdown,
        zoneSpread,
        resources,
        env,
        secretEnv,
        sessionAffinity: args.sessionAffinity ?? false,
        serviceAccountName: args.serviceAccountName,
        serviceAccountAnnotations,
        ingress,
        security,
        networkPolicy,
    };
}

/** Numeric ids (the kubelet can verify only a numeric user is not root) and the paths the app writes. */
function resolveSecurity(check: ArgChecker, args: AppTierArgs): ResolvedAppTier["security"] {
    const s = args.security ?? {};
    const int32Max = 2147483647;
    if (s.runAsUser !== undefined) {
        check.integer("security.runAsUser", s.runAsUser, 1, int32Max);
    }
    if (s.runAsGroup !== undefined) check.integer("security.runAsGroup", s.runAsGroup, 0, int32Max);
    if (s.fsGroup !== undefined) check.integer("security.fsGroup", s.fsGroup, 0, int32Max);
    const writablePaths = s.writablePaths ?? [];
    check.require(
        writablePaths.length <= 20,
        "security.writablePaths",
        `must list at most 20 paths (got ${writablePaths.length})`,
    );
    writablePaths.forEach((p, i) =>
        check.require(
            typeof p === "string" && /^\/[^\s]*[^/\s]$/.test(p),
            `security.writablePaths[${i}]`,
            `must be an absolute path other than "/", e.g. "/tmp" (got ${JSON.stringify(p)})`,
        ),
    );
    check.require(
        new Set(writablePaths).size === writablePaths.length,
        "security.writablePaths",
        "must not list a path twice",
    );
    return {
        runAsUser: s.runAsUser,
        runAsGroup: s.runAsGroup,
        fsGroup: s.fsGroup,
        readOnlyRootFilesystem: s.readOnlyRootFilesystem ?? writablePaths.length > 0,
        writablePaths,
    };
}
