import { ArgChecker } from "./arg-checker";
import { show } from "./arg-shape";
import { Profile, Target } from "./enums";
import { KubernetesClusterArgs } from "./kubernetes-cluster-contract";

/** {@link KubernetesClusterArgs} with the neutral defaults applied. */
export interface ResolvedKubernetesCluster {
    target: Target;
    profile: Profile;
    production: boolean;
    deletionProtection: boolean;
    /** The version asked for; undefined means the target's pinned default. */
    version?: string;
    /** Worker nodes in each zone. */
    nodesPerZone: { min: number; desired: number; max: number };
}

export const maxNodesPerZone = 100;

/**
 * Checks and defaults the neutral {@link KubernetesClusterArgs}; reports every problem to `check`
 * and never throws (the component throws once, with the backend's problems too).
 */
export function resolveKubernetesCluster(check: ArgChecker, args: KubernetesClusterArgs): ResolvedKubernetesCluster {
    const profile = args.profile ?? Profile.Production;
    const production = profile !== Profile.Development;
    if (args.version !== undefined)
        check.require(
            /^1\.\d{2}$/.test(args.version),
            "version",
            `must be a Kubernetes minor version such as "1.36" (got ${show(args.version)})`,
        );
    const n = args.nodesPerZone ?? {};
    const min = n.min ?? 1;
    const max = n.max ?? Math.max(min, production ? 3 : 2);
    const desired = n.desired ?? min;
    const floor = production ? 1 : 0;
    const minOk = check.require(
        min >= floor,
        "nodesPerZone.min",
        production
            ? `must be at least 1 in production, so every zone keeps a node when another fails (got ${min})`
            : `must be at least 0 (got ${min})`,
    );
    const maxOk = check.require(
        max >= Math.max(min, 1) && max <= maxNodesPerZone,
        "nodesPerZone.max",
        `must be from ${Math.max(min, 1)} (nodesPerZone.min, and at least 1) to ${maxNodesPerZone} (got ${max})`,
    );
    if (minOk && maxOk)
        check.require(
            desired >= min && desired <= max,
            "nodesPerZone.desired",
            `must be from nodesPerZone.min (${min}) to nodesPerZone.max (${max}) (got ${desired})`,
        );
    return {
        target: args.target,
        profile,
        production,
        deletionProtection: args.deletionProtection ?? production,
        version: args.version,
        nodesPerZone: { min, desired, max },
    };
}
