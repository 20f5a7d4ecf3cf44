import * as pulumi from "@pulumi/pulumi";
import { AppTierAutoscalingArgs, ObjectStorageArgs, PostgresClusterArgs, Profile, RabbitMQClusterArgs, RedisClusterArgs } from "../components";

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

export interface StackConfig {
    topology: Topology;
    profile: Profile;
    namespace: string;
    app: AppConfig;
    services: ServicesConfig;
}

const appKeys: Array<keyof AppConfig> = ["image", "replicas", "disruptionBudget", "autoscaling", "host", "tlsSecretName"];

// Every argument of each service, typed as a complete record so the lists cannot drift from
// the contracts: a misspelt key in stack config is an error, not silently ignored.
const common = { target: true, profile: true, deletionProtection: true, kubernetes: true } as const;
const serviceArgKeys: { [K in keyof Required<ServicesConfig>]: Record<keyof Required<ServicesConfig>[K], true> } = {
    postgres: { ...common, version: true, instances: true, syncReplication: true, storageSize: true, database: true, owner: true, backup: true, pooler: true },
    redis: { ...common, mode: true, engine: true, version: true, shards: true, replicasPerShard: true, nodes: true, sentinels: true, persistence: true, evictionPolicy: true, storageSize: true, tls: true },
    rabbitmq: { ...common, nodes: true, version: true, quorumQueuesByDefault: true, storageSize: true, tls: true },
    objectStorage: { ...common, mode: true, bucket: true, versioning: true, replicas: true, external: true },
};

/** Reads and checks the stack's config; a bad value is an error naming the key and what it allows. */
export function readStackConfig(): StackConfig {
    const config = new pulumi.Config();
    const topology = config.get("topology") ?? "gotrs";
    if (!(topologies as readonly string[]).includes(topology)) {
        throw new Error(`config pulumi-ha:topology must be one of ${topologies.join(", ")} (got "${topology}")`);
    }
    const profile = config.get("profile") ?? Profile.Production;
    if (!(Object.values(Profile) as string[]).includes(profile)) {
        throw new Error(`config pulumi-ha:profile must be one of ${Object.values(Profile).join(", ")} (got "${profile}")`);
    }
    const app = config.requireObject<AppConfig>("app");
    const unknown = Object.keys(app).filter((k) => !(appKeys as string[]).includes(k));
    if (unknown.length > 0) {
        throw new Error(`config pulumi-ha:app has unknown keys ${unknown.join(", ")}; allowed: ${appKeys.join(", ")}`);
    }
    const services: ServicesConfig = {};
    for (const [key, argKeys] of Object.entries(serviceArgKeys)) {
        const value = config.getObject<Record<string, unknown>>(key);
        if (value === undefined) continue;
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
            throw new Error(`config pulumi-ha:${key} must be an object of ${key} arguments (got ${JSON.stringify(value)})`);
        }
        const allowed = Object.keys(argKeys);
        const unknownArgs = Object.keys(value).filter((k) => !allowed.includes(k));
        if (unknownArgs.length > 0) {
            throw new Error(`config pulumi-ha:${key} has unknown keys ${unknownArgs.join(", ")}; allowed: ${allowed.join(", ")}`);
        }
        Object.assign(services, { [key]: value });
    }
    return { topology: topology as Topology, profile: profile as Profile, namespace: config.get("namespace") ?? "default", app, services };
}
