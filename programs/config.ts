import * as pulumi from "@pulumi/pulumi";
import { AppTierAutoscalingArgs, Profile } from "../components";

/** Topologies a stack can build (`pulumi-ha:topology`). */
export const topologies = ["safeshare"] as const;
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

export interface StackConfig {
    topology: Topology;
    profile: Profile;
    namespace: string;
    app: AppConfig;
}

const appKeys: Array<keyof AppConfig> = ["image", "replicas", "disruptionBudget", "autoscaling", "host", "tlsSecretName"];

/** Reads and checks the stack's config; a bad value is an error naming the key and what it allows. */
export function readStackConfig(): StackConfig {
    const config = new pulumi.Config();
    const topology = config.get("topology") ?? "safeshare";
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
    return { topology: topology as Topology, profile: profile as Profile, namespace: config.get("namespace") ?? "default", app };
}
