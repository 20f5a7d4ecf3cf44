import * as pulumi from "@pulumi/pulumi";
import {
    AppTierAutoscalingArgs,
    AppTierProbesArgs,
    AppTierSecurityArgs,
    InvalidArgumentsError,
    ObjectStorageArgs,
    PostgresClusterArgs,
    Profile,
    RabbitMQClusterArgs,
    RedisClusterArgs,
    Target,
} from "../components";
import { PlatformAwsArgs, platformAwsShape } from "../components/core/platform-aws-contract";
import { PlatformGcpArgs, platformGcpShape } from "../components/core/platform-gcp-contract";
import {
    ObjectShape,
    ShapeReporter,
    boolean,
    int,
    isPlainObject,
    object,
    required,
    show,
    string,
} from "../components/core/arg-shape";
import { appTierAutoscalingShape, appTierProbesShape, appTierSecurityShape } from "../components/core/app-tier-shape";
import { isDns1123Label } from "../components/core/formats";
import { objectStorageShape, postgresShape, rabbitmqShape, redisShape } from "../components/core/service-shapes";

/** Topologies a stack can build (`pulumi-ha:topology`). */
export const topologies = ["gotrs", "safeshare"] as const;
export type Topology = (typeof topologies)[number];

/** The app as a stack configures it (`pulumi-ha:app`). */
export interface AppConfig {
    /** Container image. */
    image: string;
    /** Pods the Deployment starts with. */
    replicas?: number;
    /** Create the PodDisruptionBudget. */
    disruptionBudget?: boolean;
    /** HPA bounds and targets. */
    autoscaling?: AppTierAutoscalingArgs;
    /** Ingress host; no Ingress when absent. */
    host?: string;
    /** TLS Secret for the host (production needs one). */
    tlsSecretName?: string;
    /** Numeric user and group, read-only root and the paths the app writes (the image's USER is often a name the kubelet cannot verify). */
    security?: AppTierSecurityArgs;
    /** Probe paths and timings, when the app's differ from the topology's. */
    probes?: AppTierProbesArgs;
}

/**
 * Per-service overrides (`pulumi-ha:postgres`, `:redis`, `:rabbitmq`, `:objectStorage`):
 * merged over the topology's own settings; the components validate every value.
 */
export interface ServicesConfig {
    postgres?: Partial<PostgresClusterArgs>;
    redis?: Partial<RedisClusterArgs>;
    rabbitmq?: Partial<RabbitMQClusterArgs>;
    objectStorage?: Partial<ObjectStorageArgs>;
}

/** Targets a stack can run on (`pulumi-ha:target`). */
export const stackTargets = [Target.Kubernetes, Target.Aws, Target.Gcp] as const;

export interface StackConfig {
    topology: Topology;
    /** Where the stack runs (`pulumi-ha:target`). Default kubernetes (the cluster of the current kubeconfig). */
    target: Target;
    /** The Platform's AWS settings (`pulumi-ha:aws`), target aws only. */
    aws?: PlatformAwsArgs;
    /** The Platform's GCP settings (`pulumi-ha:gcp`), target gcp only. */
    gcp?: PlatformGcpArgs;
    profile: Profile;
    namespace: string;
    /** Install the operators the services need (`pulumi-ha:installOperators`); false when the cluster already runs them. Default true. */
    installOperators: boolean;
    app: AppConfig;
    services: ServicesConfig;
}

// The app's settings; the nested ones are the AppTier contract's own shapes, so a YAML
// `replicas: "3"` or `disruptionBudget: "no"` is an error naming the key, never a truthy string.
const appShape = object<AppConfig>("AppConfig", {
    image: required(string()),
    replicas: int(),
    disruptionBudget: boolean(),
    autoscaling: appTierAutoscalingShape,
    host: string(),
    tlsSecretName: string(),
    security: appTierSecurityShape,
    probes: appTierProbesShape,
});

// Every argument of each service, from the contracts' shapes: a misspelt or mistyped key in
// stack config is an error, not silently ignored.
const serviceShapes: { [K in keyof Required<ServicesConfig>]: ObjectShape<Required<ServicesConfig>[K]> } = {
    postgres: postgresShape,
    redis: redisShape,
    rabbitmq: rabbitmqShape,
    objectStorage: objectStorageShape,
};

/** Every top-level key this project reads (`pulumi-ha:<key>`). */
export const configKeys = [
    "topology",
    "target",
    "aws",
    "gcp",
    "profile",
    "namespace",
    "installOperators",
    "app",
    ...Object.keys(serviceShapes),
];

/** Words each problem as `config pulumi-ha:app.replicas: …`. */
class ConfigProblems {
    readonly problems: string[] = [];
    constructor(private readonly prefix: string) {}

    private at(key: string, path = ""): string {
        return `config ${this.prefix}${key}${path ? `.${path}` : ""}`;
    }
    /** A problem with a whole top-level key. */
    add(key: string, message: string): void {
        this.problems.push(`${this.at(key)} ${message}`);
    }
    /** Reports a shape check of the value of a top-level key. */
    keyed(key: string): ShapeReporter {
        return {
            invalid: (path, message) => this.problems.push(`${this.at(key, path)}: ${message}`),
            unknownKeys: (path, _type, keys, allowed) =>
                this.problems.push(
                    `${this.at(key, path)} has unknown keys ${keys.join(", ")}; allowed: ${allowed.join(", ")}`,
                ),
        };
    }
}

/**
 * The project's whole config, as the CLI hands it to the program (`pulumi.Config` can only
 * look keys up, so it cannot tell a misspelt key from an absent one): key without the
 * project prefix → raw value.
 */
function projectConfig(prefix: string): Record<string, string> {
    return Object.fromEntries(
        Object.entries(pulumi.runtime.allConfig())
            .filter(([k]) => k.startsWith(prefix))
            .map(([k, v]) => [k.slice(prefix.length), v]),
    );
}

/** A structured value (the CLI passes objects as JSON); a value that is not JSON stays the string it is. */
function parsed(raw: string | undefined): unknown {
    if (raw === undefined) return undefined;
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

/**
 * Reads and checks the stack's config; throws {@link InvalidArgumentsError} listing every
 * bad key and value, each naming the key and what it allows.
 */
export function readStackConfig(): StackConfig {
    const prefix = `${pulumi.getProject()}:`;
    const raw = projectConfig(prefix);
    const report = new ConfigProblems(prefix);

    const unknown = Object.keys(raw).filter((k) => !configKeys.includes(k));
    if (unknown.length > 0) {
        report.problems.push(
            `config has unknown keys ${unknown.map((k) => prefix + k).join(", ")}; this project reads ${configKeys.map((k) => prefix + k).join(", ")}`,
        );
    }

    const topology = raw.topology ?? "gotrs";
    if (!(topologies as readonly string[]).includes(topology))
        report.add("topology", `must be one of ${topologies.join(", ")} (got "${topology}")`);
    const target = raw.target ?? Target.Kubernetes;
    if (!(stackTargets as readonly string[]).includes(target))
        report.add("target", `must be one of ${stackTargets.join(", ")} (got "${target}")`);
    const aws = cloudSettings(raw, report, prefix, target, Target.Aws, "AWS", platformAwsShape);
    const gcp = cloudSettings(raw, report, prefix, target, Target.Gcp, "GCP", platformGcpShape);
    const profile = raw.profile ?? Profile.Production;
    if (!(Object.values(Profile) as string[]).includes(profile))
        report.add("profile", `must be one of ${Object.values(Profile).join(", ")} (got "${profile}")`);
    const namespace = raw.namespace ?? "default";
    if (!isDns1123Label(namespace))
        report.add(
            "namespace",
            `must be a namespace name: a DNS-1123 label of lower-case letters, digits and '-', at most 63 characters (got "${namespace}")`,
        );
    const installOperators = raw.installOperators ?? "true";
    if (installOperators !== "true" && installOperators !== "false")
        report.add("installOperators", `must be true or false (got ${show(parsed(installOperators))})`);

    const appValue = parsed(raw.app);
    let app: AppConfig | undefined;
    if (appValue === undefined) report.add("app", "is required: an object with at least the app's image");
    else if (!isPlainObject(appValue)) report.add("app", `must be an object of app settings (got ${show(appValue)})`);
    else {
        const checked = appShape.check(appValue, "", report.keyed("app"));
        if (typeof checked === "object") app = checked as AppConfig;
    }

    const services: ServicesConfig = {};
    for (const [key, shape] of Object.entries(serviceShapes) as Array<[keyof ServicesConfig, ObjectShape<unknown>]>) {
        const value = parsed(raw[key]);
        if (value === undefined) continue;
        if (!isPlainObject(value)) {
            report.add(key, `must be an object of ${key} arguments (got ${show(value)})`);
            continue;
        }
        const checked = shape.check(value, "", report.keyed(key));
        if (typeof checked === "object") Object.assign(services, { [key]: checked });
    }

    if (report.problems.length > 0) throw new InvalidArgumentsError("Stack config", report.problems);
    return {
        topology: topology as Topology,
        target: target as Target,
        aws,
        gcp,
        profile: profile as Profile,
        namespace,
        installOperators: installOperators === "true",
        app: app!,
        services,
    };
}

/** A cloud's Platform settings (`pulumi-ha:aws`, `pulumi-ha:gcp`): only with that target, checked by the contract's shape. */
function cloudSettings<T>(
    raw: Record<string, string | undefined>,
    report: ConfigProblems,
    prefix: string,
    target: string,
    cloud: Target,
    label: string,
    shape: ObjectShape<T>,
): T | undefined {
    const value = parsed(raw[cloud]);
    if (value === undefined) return undefined;
    if (target !== cloud) report.add(cloud, `applies only with ${prefix}target ${cloud} (got "${target}")`);
    else if (!isPlainObject(value)) report.add(cloud, `must be an object of ${label} settings (got ${show(value)})`);
    else {
        const checked = shape.check(value, "", report.keyed(cloud));
        if (typeof checked === "object") return checked as T;
    }
    return undefined;
}
