import * as gcp from "@pulumi/gcp";
import { RawResource } from "./raw-pack";

/**
 * GCP resources for the pack's GCP policies, registered by a program under the mock engine
 * (so the real analyzer judges what a program sends), with pulumi-gcp v9's property names.
 * The values are the inputs we send, not proof that GCP accepts them. Region europe-west1.
 */

export const region = "europe-west1";
export const gcpZones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];

/** GCP labels that exempt a resource from `policy`, with a reason (label values: [a-z0-9_-]). */
export function exemptLabel(policy: string, reason = "scratch_copy_for_a_load_test"): Record<string, string> {
    return { [`pulumi-ha-exempt-${policy}`]: reason };
}

type SqlSettings = gcp.types.input.sql.DatabaseInstanceSettings;

/** Cloud SQL settings that pass every Cloud SQL policy: REGIONAL, backups with PITR, private IP only, protected. */
export function sqlSettings(over: Partial<SqlSettings> = {}): SqlSettings {
    return {
        tier: "db-custom-2-7680",
        edition: "ENTERPRISE",
        availabilityType: "REGIONAL",
        deletionProtectionEnabled: true,
        backupConfiguration: {
            enabled: true,
            pointInTimeRecoveryEnabled: true,
            transactionLogRetentionDays: 7,
            // More backups than days of logs: Cloud SQL refuses as many days of logs as backups.
            backupRetentionSettings: { retainedBackups: 14, retentionUnit: "COUNT" },
        },
        ipConfiguration: {
            ipv4Enabled: false,
            privateNetwork: "projects/demo/global/networks/main",
            sslMode: "ENCRYPTED_ONLY",
        },
        userLabels: { team: "data" },
        ...over,
    };
}

/** A Cloud SQL for PostgreSQL instance that passes every Cloud SQL policy. */
export function sqlInstance(name: string, args: Partial<gcp.sql.DatabaseInstanceArgs> = {}): gcp.sql.DatabaseInstance {
    return new gcp.sql.DatabaseInstance(name, {
        name,
        region,
        databaseVersion: "POSTGRES_16",
        deletionProtection: true,
        settings: sqlSettings(),
        ...args,
    });
}

/** A Memorystore for Redis instance that passes the instance policies (STANDARD_HA, TLS, AUTH). */
export function redisInstance(name: string, args: Partial<gcp.redis.InstanceArgs> = {}): gcp.redis.Instance {
    return new gcp.redis.Instance(name, {
        name,
        region,
        memorySizeGb: 5,
        tier: "STANDARD_HA",
        readReplicasMode: "READ_REPLICAS_ENABLED",
        replicaCount: 1,
        authEnabled: true,
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        connectMode: "PRIVATE_SERVICE_ACCESS",
        authorizedNetwork: "projects/demo/global/networks/main",
        labels: { team: "data" },
        ...args,
    });
}

/** A Memorystore for Redis Cluster that passes the cluster policies (3 shards × 1 replica, multi-zone). */
export function redisCluster(name: string, args: Partial<gcp.redis.ClusterArgs> = {}): gcp.redis.Cluster {
    return new gcp.redis.Cluster(name, {
        name,
        region,
        shardCount: 3,
        replicaCount: 1,
        nodeType: "REDIS_HIGHMEM_MEDIUM",
        authorizationMode: "AUTH_MODE_IAM_AUTH",
        transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION",
        zoneDistributionConfig: { mode: "MULTI_ZONE" },
        deletionProtectionEnabled: true,
        pscConfigs: [{ network: "projects/demo/global/networks/main" }],
        labels: { team: "data" },
        ...args,
    });
}

/** A Memorystore for Valkey instance that passes the cluster policies. */
export function valkeyInstance(
    name: string,
    args: Partial<gcp.memorystore.InstanceArgs> = {},
): gcp.memorystore.Instance {
    return new gcp.memorystore.Instance(name, {
        instanceId: name,
        location: region,
        shardCount: 3,
        replicaCount: 1,
        mode: "CLUSTER",
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        zoneDistributionConfig: { mode: "MULTI_ZONE" },
        deletionProtectionEnabled: true,
        desiredAutoCreatedEndpoints: [{ network: "projects/demo/global/networks/main", projectId: "demo" }],
        labels: { team: "data" },
        ...args,
    });
}

/** A GCS bucket that passes the GCS policies (dual-region, versioned, uniform access, public access prevented). */
export function gcsBucket(name: string, args: Partial<gcp.storage.BucketArgs> = {}): gcp.storage.Bucket {
    return new gcp.storage.Bucket(name, {
        name,
        location: "EUR4",
        versioning: { enabled: true },
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        lifecycleRules: [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30 } }],
        labels: { team: "data" },
        ...args,
    });
}

/** A regional GKE cluster without a default node pool. */
export function gkeCluster(name: string, args: Partial<gcp.container.ClusterArgs> = {}): gcp.container.Cluster {
    return new gcp.container.Cluster(name, {
        name,
        location: region,
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        network: "projects/demo/global/networks/main",
        releaseChannel: { channel: "REGULAR" },
        resourceLabels: { team: "apps" },
        ...args,
    });
}

/** A node pool of `cluster` that passes the node-pool policies (1..3 nodes per zone, auto-repair). */
export function nodePool(
    name: string,
    cluster: gcp.container.Cluster | string,
    args: Partial<gcp.container.NodePoolArgs> = {},
): gcp.container.NodePool {
    return new gcp.container.NodePool(name, {
        cluster: typeof cluster === "string" ? cluster : cluster.name,
        location: region,
        autoscaling: { minNodeCount: 1, maxNodeCount: 3 },
        management: { autoRepair: true, autoUpgrade: true },
        nodeConfig: { machineType: "e2-standard-4", resourceLabels: { team: "apps" } },
        ...args,
    });
}

/** Raw resources for the malformed-shape sweeps (raw-pack.ts). */
export const rawGcp = {
    sqlInstance: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:sql/databaseInstance:DatabaseInstance",
        name,
        props: {
            name,
            region,
            databaseVersion: "POSTGRES_16",
            deletionProtection: true,
            settings: {
                tier: "db-custom-2-7680",
                availabilityType: "REGIONAL",
                deletionProtectionEnabled: true,
                backupConfiguration: {
                    enabled: true,
                    pointInTimeRecoveryEnabled: true,
                    transactionLogRetentionDays: 7,
                    // More backups than days of logs: Cloud SQL refuses as many days of logs as backups.
                    backupRetentionSettings: { retainedBackups: 14, retentionUnit: "COUNT" },
                },
                ipConfiguration: {
                    ipv4Enabled: false,
                    privateNetwork: "projects/demo/global/networks/main",
                    authorizedNetworks: [{ name: "office", value: "203.0.113.0/24" }],
                },
                userLabels: { team: "data" },
            },
            ...props,
        },
    }),
    redisInstance: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:redis/instance:Instance",
        name,
        props: {
            name,
            memorySizeGb: 5,
            tier: "STANDARD_HA",
            readReplicasMode: "READ_REPLICAS_ENABLED",
            authEnabled: true,
            transitEncryptionMode: "SERVER_AUTHENTICATION",
            labels: { team: "data" },
            ...props,
        },
    }),
    redisCluster: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:redis/cluster:Cluster",
        name,
        props: {
            name,
            shardCount: 3,
            replicaCount: 1,
            zoneDistributionConfig: { mode: "MULTI_ZONE" },
            labels: { team: "data" },
            ...props,
        },
    }),
    valkeyInstance: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:memorystore/instance:Instance",
        name,
        props: {
            instanceId: name,
            location: region,
            shardCount: 3,
            replicaCount: 2,
            zoneDistributionConfig: { mode: "MULTI_ZONE" },
            labels: { team: "data" },
            ...props,
        },
    }),
    bucket: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:storage/bucket:Bucket",
        name,
        props: {
            name,
            location: "EUR4",
            versioning: { enabled: true },
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            lifecycleRules: [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30 } }],
            labels: { team: "data" },
            ...props,
        },
    }),
    gkeCluster: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:container/cluster:Cluster",
        name,
        props: {
            name,
            location: region,
            nodeLocations: gcpZones,
            nodePools: [
                {
                    name: "apps",
                    autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9 },
                    management: { autoRepair: true },
                },
            ],
            resourceLabels: { team: "apps" },
            ...props,
        },
    }),
    nodePool: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "gcp:container/nodePool:NodePool",
        name,
        props: {
            cluster: "main",
            location: region,
            nodeLocations: gcpZones,
            autoscaling: { minNodeCount: 1, maxNodeCount: 3 },
            management: { autoRepair: true, autoUpgrade: true },
            nodeConfig: { resourceLabels: { team: "apps" } },
            ...props,
        },
    }),
};
