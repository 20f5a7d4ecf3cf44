/**
 * GCP resource type tokens the pack judges (pulumi-gcp v9), and the readers GCP fields need.
 * Properties may hold anything: read them with the readers of read.ts (and asFlag,
 * asInteger, lowered of aws-types.ts, which read any provider's booleans and integers).
 */
import { lowered } from "./aws-types";
import { kindOf } from "./metadata";
import { asNonEmptyString, at, shown } from "./read";

export const Gcp = {
    SqlDatabaseInstance: "gcp:sql/databaseInstance:DatabaseInstance",
    RedisInstance: "gcp:redis/instance:Instance",
    RedisCluster: "gcp:redis/cluster:Cluster",
    /** Memorystore for Valkey. */
    MemorystoreInstance: "gcp:memorystore/instance:Instance",
    StorageBucket: "gcp:storage/bucket:Bucket",
    GkeCluster: "gcp:container/cluster:Cluster",
    GkeNodePool: "gcp:container/nodePool:NodePool",
} as const;

const serviceNames: Record<string, string> = {
    sql: "Cloud SQL",
    redis: "Memorystore",
    memorystore: "Memorystore",
    storage: "GCS",
    container: "GKE",
};

/** `Cloud SQL DatabaseInstance orders` for messages: the service, the kind, and the resource's Pulumi name. */
export function gcpLabel(type: string, name: string): string {
    const service = type.split(":")[1]?.split("/")[0] ?? "";
    const kind = type === Gcp.MemorystoreInstance ? "Instance (Valkey)" : kindOf(type);
    return `${serviceNames[service] ?? (service.toUpperCase() || "GCP")} ${kind} ${name}`;
}

/** An enum value compared case-insensitively: trimmed and upper-cased, or undefined. */
export function upper(v: unknown): string | undefined {
    return lowered(v)?.toUpperCase();
}

/**
 * A Cloud SQL read replica or read pool: it names its primary (`masterInstanceName`), or its
 * `instanceType` says so. Its availability and backups follow its primary.
 */
export function isSqlReplica(props: unknown): boolean {
    if (asNonEmptyString(at(props, "masterInstanceName")) !== undefined) return true;
    const type = upper(at(props, "instanceType"));
    return type === "READ_REPLICA_INSTANCE" || type === "READ_POOL_INSTANCE";
}

/** A zone ("europe-west1-b") rather than a region ("europe-west1"). */
export function isZone(location: string): boolean {
    return /^[a-z]+-[a-z]+\d+-[a-z]+$/.test(location.trim());
}

/** A region ("europe-west1", "northamerica-northeast1"). */
export function isRegion(location: string): boolean {
    return /^[a-z]+-[a-z]+\d+$/.test(location.trim());
}

/** Whether a field is left to its default: unset, null, or an empty string. */
export function isUnset(v: unknown): boolean {
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** A field's value for a message: `unset: <what the default is>` when it is left to its default. */
export function heldAs(v: unknown, unsetText: string): string {
    return isUnset(v) ? `unset: ${unsetText}` : shown(v);
}
