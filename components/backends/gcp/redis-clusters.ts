import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { GcpRedisAuthorization } from "../../core/redis-gcp-contract";
import { RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { BackendScope } from "../backend";
import { child, gcpLabels, inProject } from "./common";
import {
    component,
    joinedCas,
    maintenancePolicy,
    nameStem,
    projectOf,
    redisUrl,
    regionOf,
    resourcePath,
} from "./redis-common";
import { RedisGcpPlan } from "./redis-plan";
import {
    backupStartHour,
    clusterNameMax,
    multiZone,
    redisClusterValues,
    valkeyNameMax,
    valkeyValues,
} from "./redis-pins";

const secondsPerDay = 86400;

/** The cluster waits for the component's own dependencies and for the policy its endpoints need. */
function dependsOnWith(
    scope: BackendScope,
    policy: pulumi.Resource | undefined,
): pulumi.CustomResourceOptions["dependsOn"] {
    if (policy === undefined) return scope.dependsOn;
    if (scope.dependsOn === undefined) return [policy];
    return pulumi
        .output(scope.dependsOn as pulumi.Input<pulumi.Input<pulumi.Resource>[]>)
        .apply((d) => [...(Array.isArray(d) ? d : [d]), policy]);
}

/** The settings both products share, in each one's spelling. */
function common(scope: BackendScope, redis: ResolvedRedis, plan: RedisGcpPlan) {
    const a = plan.gcp();
    return {
        shardCount: redis.shards,
        // Always sent: the API's default is 0 replicas, a shard without failover.
        replicaCount: redis.replicasPerShard,
        nodeType: plan.nodeType,
        zoneDistributionConfig: { mode: multiZone },
        deletionProtectionEnabled: scope.protect,
        maintenancePolicy: maintenancePolicy(plan),
        ...(plan.backupRetentionDays > 0
            ? {
                  automatedBackupConfig: {
                      fixedFrequencySchedule: { startTime: { hours: backupStartHour } },
                      retention: `${plan.backupRetentionDays * secondsPerDay}s`,
                  },
              }
            : {}),
        ...(a.kmsKeyName !== undefined ? { kmsKey: a.kmsKeyName } : {}),
        labels: gcpLabels(scope, component),
        ...inProject(plan.project),
    };
}

/**
 * Mode cluster: Memorystore for Redis Cluster (engine redis) or for Valkey (engine valkey), its
 * shards spread over the region's zones, reached through Private Service Connect: the service
 * connection policy of its class lets it create its endpoints in the subnet.
 */
export function createMemorystoreCluster(scope: BackendScope, redis: ResolvedRedis, plan: RedisGcpPlan): RedisOutputs {
    const a = plan.gcp();
    const valkey = plan.kind === "valkey";
    const network = resourcePath(a.network!);
    const region = regionOf(scope, plan);
    const iam = plan.authorization === GcpRedisAuthorization.Iam;
    const subnetwork = plan.subnetwork();
    const policy =
        plan.serviceConnectionPolicy && subnetwork !== undefined
            ? new gcp.networkconnectivity.ServiceConnectionPolicy(
                  `${nameStem(scope, 59)}-psc`,
                  {
                      description: `pulumi-ha redis ${scope.name}: Private Service Connect endpoints of ${valkey ? "Memorystore for Valkey" : "Memorystore for Redis Cluster"}`,
                      location: region,
                      serviceClass: valkey ? valkeyValues.serviceClass : redisClusterValues.serviceClass,
                      network,
                      pscConfig: { subnetworks: [resourcePath(subnetwork)] },
                      labels: gcpLabels(scope, component),
                      ...inProject(plan.project),
                  },
                  child(scope, { dependsOn: scope.dependsOn }),
              )
            : undefined;
    const opts = child(scope, { protect: scope.protect, dependsOn: dependsOnWith(scope, policy) });

    let endpoint: pulumi.Output<{ host: string; port: number }>;
    let cas: pulumi.Output<string>;
    if (valkey) {
        const v = valkeyValues;
        const stem = nameStem(scope, valkeyNameMax);
        // The instance id is required (no auto-name): the stem and 6 random hex, unique per location.
        const suffix = new random.RandomId(`${scope.name}-instance-id`, { byteLength: 3 }, child(scope));
        const instance = new gcp.memorystore.Instance(
            stem,
            {
                instanceId: pulumi.interpolate`${stem}-${suffix.hex}`,
                location: region,
                mode: v.mode,
                engineVersion: plan.version,
                desiredAutoCreatedEndpoints: [{ network, projectId: projectOf(scope, plan) }],
                transitEncryptionMode: plan.tls ? v.transitEncryption : v.transitDisabled,
                authorizationMode: iam ? v.authIam : v.authDisabled,
                persistenceConfig: redis.persistence
                    ? { mode: v.persistenceAof, aofConfig: { appendFsync: v.appendFsync } }
                    : { mode: v.persistenceDisabled },
                engineConfigs: { "maxmemory-policy": redis.evictionPolicy },
                ...common(scope, redis, plan),
            },
            opts,
        );
        // The discovery endpoint of the auto-created PSC connections (the deprecated discoveryEndpoints stays empty with them).
        endpoint = instance.endpoints.apply((eps) => {
            const found = (eps ?? [])
                .flatMap((e) => e.connections ?? [])
                .map((c) => c.pscAutoConnection)
                .find((c) => c?.connectionType === "CONNECTION_TYPE_DISCOVERY");
            return { host: found?.ipAddress ?? "", port: found?.port ?? 6379 };
        });
        cas = instance.managedServerCas.apply(joinedCas);
    } else {
        const r = redisClusterValues;
        const cluster = new gcp.redis.Cluster(
            nameStem(scope, clusterNameMax),
            {
                pscConfigs: [{ network }],
                transitEncryptionMode: plan.tls ? r.transitEncryption : r.transitDisabled,
                authorizationMode: iam ? r.authIam : r.authDisabled,
                persistenceConfig: redis.persistence
                    ? { mode: r.persistenceAof, aofConfig: { appendFsync: r.appendFsync } }
                    : { mode: r.persistenceDisabled },
                redisConfigs: { "maxmemory-policy": redis.evictionPolicy },
                region,
                ...common(scope, redis, plan),
            },
            opts,
        );
        endpoint = cluster.discoveryEndpoints.apply((eps) => ({
            host: eps?.[0]?.address ?? "",
            port: eps?.[0]?.port ?? 6379,
        }));
        cas = cluster.managedServerCas.apply(joinedCas);
    }

    // No static password exists (IAM tokens are per client, or AUTH is off): the token is empty.
    return {
        primaryEndpoint: endpoint.apply((e) => e.host),
        port: endpoint.apply((e) => e.port),
        authToken: pulumi.secret(""),
        url: pulumi.secret(endpoint.apply((e) => redisUrl(plan.tls, "", e.host, e.port))),
        caCertificate: plan.tls ? cas : undefined,
    };
}
