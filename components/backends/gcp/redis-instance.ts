import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { GcpRedisAuthorization } from "../../core/redis-gcp-contract";
import { RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { BackendScope } from "../backend";
import { child, gcpLabels, inProject } from "./common";
import { zoneAt } from "./placement";
import { component, maintenancePolicy, nameStem, redisUrl, regionOf, resourcePath } from "./redis-common";
import { RedisGcpPlan } from "./redis-plan";
import { instanceNameMax, redisInstanceValues as v } from "./redis-pins";

/**
 * Mode replicated: a Memorystore for Redis instance on the network's private services access range.
 * From 2 nodes: STANDARD_HA with read replicas (the primary in the first zone, the failover replica
 * in the second, Google placing the others), else BASIC (development).
 */
export function createRedisInstance(scope: BackendScope, redis: ResolvedRedis, plan: RedisGcpPlan): RedisOutputs {
    const a = plan.gcp();
    const ha = plan.readReplicas >= 1;
    const primaryZone = zoneAt(a.availabilityZones, 0);
    const failoverZone = ha ? zoneAt(a.availabilityZones, 1) : undefined;
    const password = plan.authorization === GcpRedisAuthorization.Password;
    const instance = new gcp.redis.Instance(
        nameStem(scope, instanceNameMax),
        {
            displayName: `pulumi-ha redis ${scope.name}`,
            tier: ha ? v.tierHa : v.tierBasic,
            memorySizeGb: plan.memorySizeGb,
            redisVersion: plan.version,
            // Read replicas can only be chosen at creation; they give the read endpoint.
            ...(ha ? { readReplicasMode: v.readReplicasEnabled, replicaCount: plan.readReplicas } : {}),
            connectMode: v.connectMode,
            authorizedNetwork: resourcePath(a.network!),
            // With private services access the reserved range is the name of an allocated range.
            ...(a.privateServicesRangeName !== undefined ? { reservedIpRange: a.privateServicesRangeName } : {}),
            ...(primaryZone !== undefined ? { locationId: primaryZone } : {}),
            ...(failoverZone !== undefined ? { alternativeLocationId: failoverZone } : {}),
            authEnabled: password,
            transitEncryptionMode: plan.tls ? v.transitEncryption : v.transitDisabled,
            persistenceConfig: redis.persistence
                ? { persistenceMode: v.persistenceRdb, rdbSnapshotPeriod: plan.snapshotPeriod }
                : { persistenceMode: v.persistenceDisabled },
            redisConfigs: { "maxmemory-policy": redis.evictionPolicy },
            maintenancePolicy: maintenancePolicy(plan),
            ...(a.kmsKeyName !== undefined ? { customerManagedKey: a.kmsKeyName } : {}),
            // The instance has no API-side deletion protection; the provider's flag refuses a destroy.
            deletionProtection: scope.protect,
            labels: gcpLabels(scope, component),
            region: regionOf(scope, plan),
            ...inProject(plan.project),
        },
        child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
    );

    const token = password ? instance.authString : pulumi.output("");
    return {
        primaryEndpoint: instance.host,
        readerEndpoint: ha ? instance.readEndpoint : undefined,
        port: instance.port,
        authToken: pulumi.secret(token),
        url: pulumi.secret(
            pulumi.all([token, instance.host, instance.port]).apply(([t, h, p]) => redisUrl(plan.tls, t, h, p)),
        ),
        caCertificate: plan.tls
            ? instance.serverCaCerts.apply((certs) => (certs ?? []).map((c) => c.cert).join(""))
            : undefined,
    };
}
