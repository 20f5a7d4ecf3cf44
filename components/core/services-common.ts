import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "./arg-checker";
import { Profile, Target, enumValues } from "./enums";
import { ResourcesArgs } from "./resources";

/** Arguments every data service shares. */
export interface ServiceCommonArgs {
    /** Where the service runs. Default `Target.Kubernetes`. */
    target?: Target;
    /** HA defaults to start from. Default `Profile.Production`. */
    profile?: Profile;
    /** Protect the service from `pulumi destroy` and replacement (Pulumi `protect`). Default: true in production. */
    deletionProtection?: boolean;
}

/** Kubernetes placement every data service shares. */
export interface KubernetesPlacementArgs {
    /** Namespace of the service's objects. Default "default". */
    namespace?: pulumi.Input<string>;
    /** StorageClass for persistent volumes. Default: the cluster's default class. */
    storageClass?: string;
    /** app.kubernetes.io/part-of label of its objects. Default: the component name. Pods with the same part-of label in the namespace are the service's clients. */
    partOf?: string;
    /** CPU and memory of each server pod. Default per service (see its contract); production defaults set requests and limits. */
    resources?: ResourcesArgs;
    /**
     * Fence the service's pods with NetworkPolicies: only its own members, its operator and pods
     * of the same `partOf` in the namespace may connect, and only on the service's ports. Default true.
     */
    networkPolicy?: boolean;
    /** Namespace the service's operator runs in (its pods may reach the service's pods), a DNS label. Default: where `KubernetesOperators` installs it. */
    operatorNamespace?: string;
}

export interface ResolvedCommon {
    target: Target;
    profile: Profile;
    production: boolean;
    deletionProtection: boolean;
}

/** Checks and defaults the shared arguments. */
export function resolveCommon(check: ArgChecker, args: ServiceCommonArgs): ResolvedCommon {
    const target = args.target ?? Target.Kubernetes;
    check.oneOf("target", target, enumValues(Target));
    const profile = args.profile ?? Profile.Production;
    check.oneOf("profile", profile, enumValues(Profile));
    const production = profile !== Profile.Development;
    return { target, profile, production, deletionProtection: args.deletionProtection ?? production };
}

/** Storage in GiB: a whole number 1–65536 (64 TiB, the largest volume EBS and Persistent Disk offer). */
export function checkStorageGiB(check: ArgChecker, given: number | undefined, fallback: number): number {
    const gib = given ?? fallback;
    check.integer("storageGiB", gib, 1, 65536);
    return gib;
}

/** A service's login, always held as a Pulumi secret. */
export interface ServiceCredentials {
    username: string;
    password: string;
}
