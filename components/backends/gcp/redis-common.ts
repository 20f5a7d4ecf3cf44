import * as crypto from "crypto";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { BackendScope } from "../backend";
import { gcpNamePrefix } from "./common";
import { RedisGcpPlan } from "./redis-plan";

export const component = "redis";

/**
 * The ports clients reach Memorystore on: a Redis instance on 6379, or 6378 with transit
 * encryption; a cluster's discovery endpoint on 6379 and its nodes on 11000–13047 ("allow TCP port
 * 6379 as well as TCP ports 11000 through 13047", Google's guide to connecting to a cluster).
 */
export const memorystorePorts = {
    instance: 6379,
    instanceTls: 6378,
    discovery: 6379,
    clusterNodes: { from: 11000, to: 13047 },
} as const;

/**
 * A logical name short enough that the provider's auto-name (`<name>-<7 random>`) or ours fits
 * `max` characters. A folded name cut short gets 4 hex of its digest, so two long names sharing a
 * prefix still differ.
 */
export function nameStem(scope: BackendScope, max: number): string {
    const full = gcpNamePrefix(scope);
    const room = max - 8;
    if (full.length <= room) return full;
    const digest = crypto.createHash("sha256").update(scope.name).digest("hex").slice(0, 4);
    return `${full.slice(0, room - 5).replace(/-+$/, "")}-${digest}`;
}

/**
 * "projects/P/global/networks/N" (or ".../regions/R/subnetworks/S") from a self link or id:
 * Memorystore and the service connection policy take resource paths, a Network outputs self links.
 */
export function resourcePath(ref: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(ref).apply((r) => r.replace(/^https:\/\/www\.googleapis\.com\/compute\/(v1|beta)\//, ""));
}

/** The region: known when planned, else the scope's, else the provider's (read from its configuration). */
export function regionOf(scope: BackendScope, plan: RedisGcpPlan): pulumi.Input<string> {
    return plan.region ?? scope.region ?? gcp.organizations.getClientConfigOutput({ parent: scope.parent }).region;
}

/** The project id: given, else the provider's. */
export function projectOf(scope: BackendScope, plan: RedisGcpPlan): pulumi.Input<string> {
    return plan.project ?? gcp.organizations.getClientConfigOutput({ parent: scope.parent }).project;
}

/** redis[s]://[:password@]host:port, the password percent-encoded. */
export function redisUrl(tls: boolean, password: string, host: string, port: number): string {
    const auth = password === "" ? "" : `:${encodeURIComponent(password)}@`;
    return `${tls ? "rediss" : "redis"}://${auth}${host}:${port}`;
}

/** The weekly maintenance window, one hour from the plan's day and hour (UTC). */
export function maintenancePolicy(plan: RedisGcpPlan) {
    return {
        weeklyMaintenanceWindows: [
            { day: plan.maintenanceDay, startTime: { hours: plan.maintenanceHour, minutes: 0, seconds: 0, nanos: 0 } },
        ],
    };
}

/** Every PEM of a managed server CA list (clusters), joined: during a rotation clients must trust each. */
export function joinedCas(cas: { caCerts?: { certificates?: string[] }[] }[] | undefined): string {
    return (cas ?? [])
        .flatMap((ca) => ca.caCerts ?? [])
        .flatMap((c) => c.certificates ?? [])
        .map((pem) => (pem.endsWith("\n") ? pem : `${pem}\n`))
        .join("");
}
