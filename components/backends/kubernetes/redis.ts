import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { RedisMode } from "../../core/enums";
import { RedisOutputs } from "../../core/redis-contract";
import { generatePassword } from "../../generated-values";
import { standardLabels } from "../../core/labels";
import { BackendScope } from "../backend";
import type { KubernetesRedis } from "./redis-plan";
import { parseQuantity } from "../../core/formats";
import {
    Scope,
    after,
    clientPods,
    customResource,
    requirements,
    scopeOf,
    serviceHost,
    volumeClaim,
    zoneSpread,
} from "./common";
import { allowIngress, podsHere, podsOfNamespace } from "./network-policy";
import { operatorPins } from "./operator-pins";
import { serviceTls } from "./tls";

const apiVersion = "redis.redis.opstreelabs.in/v1beta2";
const redisPort = 6379;
const sentinelPort = 26379;
// Redis Cluster's bus: the data port + 10000.
const clusterBusPort = redisPort + 10000;
// The operator creates a PDB only when asked (`pdb.enabled`): ask for one pod down at a time.
const operatorPdb = { enabled: true, maxUnavailable: 1 };

/**
 * RedisCluster on the OT-Container-Kit redis-operator. Replicated mode: a
 * `RedisReplication` (primary + replicas) watched by a `RedisSentinel` (quorum = majority).
 * Cluster mode: a `RedisCluster` of `shards` leaders and their followers. Either way: the
 * AUTH password from a SharedSecret, TLS from a generated CA (production), append-only
 * persistence on volumes, operator PDBs and zone spread on every pod set.
 */
export function kubernetesRedis(base: BackendScope, redis: KubernetesRedis): RedisOutputs {
    const scope = scopeOf(base, "cache", redis.kubernetes);
    const auth = authSecret(scope, redis);
    const redisSecret = { name: auth.secret.metadata.name, key: "password" };
    const config = new k8s.core.v1.ConfigMap(
        `${redis.name}-config`,
        {
            metadata: { namespace: scope.namespace, labels: scope.labels },
            // The operator appends this file to redis.conf.
            data: { "redis-additional.conf": redisConf(redis) },
        },
        { parent: scope.parent },
    );
    const cluster = redis.mode === RedisMode.Cluster;
    const services = cluster
        ? [`${redis.name}-leader`, `${redis.name}-follower`, redis.name]
        : [redis.name, `${redis.name}-master`, `${redis.name}-replica`, `${redis.name}-sentinel`];
    const cert = redis.tls ? serviceTls(scope, services, "-headless") : undefined;
    // The operator mounts the Secret and serves TLS on the Redis port (replication and cluster bus too).
    const TLS = cert
        ? { ca: "ca.crt", cert: "tls.crt", key: "tls.key", secret: { secretName: cert.secretName } }
        : undefined;
    const common = {
        kubernetesConfig: {
            image: redis.kubernetes.image,
            imagePullPolicy: "IfNotPresent",
            redisSecret,
            resources: requirements(redis.kubernetes.resources),
        },
        redisConfig: { additionalRedisConfig: config.metadata.name },
        storage: redis.persistence
            ? { volumeClaimTemplate: volumeClaim(redis.storageSize, redis.kubernetes.storageClass) }
            : undefined,
        TLS,
    };
    const opts = after(scope, auth.secret, config);
    const password = auth.password;
    const scheme = cert ? "rediss" : "redis";
    const url = (host: pulumi.Output<string>) =>
        pulumi.secret(pulumi.interpolate`${scheme}://:${password}@${host}:${redisPort}`);
    if (redis.kubernetes.networkPolicy) fence(scope, redis);

    if (cluster) {
        const spreadOver = (role: "leader" | "follower", replicas: number) => ({
            replicas,
            pdb: operatorPdb,
            topologySpreadConstraints: [zoneSpread({ app: `${redis.name}-${role}` }, redis.production)],
        });
        customResource(
            scope,
            "",
            apiVersion,
            "RedisCluster",
            {
                ...common,
                clusterSize: redis.shards,
                clusterVersion: "v7",
                persistenceEnabled: redis.persistence,
                redisLeader: spreadOver("leader", redis.shards),
                redisFollower: spreadOver("follower", redis.shards * redis.replicasPerShard),
            },
            { opts },
        );
        const primary = serviceHost(`${redis.name}-leader`, scope.namespace);
        return {
            primaryEndpoint: primary,
            readerEndpoint: serviceHost(`${redis.name}-follower`, scope.namespace),
            port: pulumi.output(redisPort),
            authToken: password,
            url: url(primary),
            caCertificate: cert?.caCertPem,
        };
    }

    const replication = customResource(
        scope,
        "",
        apiVersion,
        "RedisReplication",
        {
            ...common,
            clusterSize: redis.nodes,
            pdb: operatorPdb,
            topologySpreadConstraints: [zoneSpread({ app: redis.name }, redis.production)],
        },
        { opts },
    );
    const sentinelConfig = {
        image: redis.kubernetes.sentinelImage,
        imagePullPolicy: "IfNotPresent",
        redisSecret,
        resources: requirements(redis.kubernetes.sentinelResources),
    };
    sentinels(scope, redis, { kubernetesConfig: sentinelConfig, TLS }, redisSecret, replication);
    const primary = serviceHost(`${redis.name}-master`, scope.namespace);
    return {
        primaryEndpoint: primary,
        readerEndpoint: serviceHost(`${redis.name}-replica`, scope.namespace),
        sentinelEndpoint: serviceHost(`${redis.name}-sentinel`, scope.namespace),
        port: pulumi.output(redisPort),
        authToken: password,
        url: url(primary),
        caCertificate: cert?.caCertPem,
    };
}

/** Sentinels watching the replication; a majority must agree before a failover. */
function sentinels(
    scope: Scope,
    redis: KubernetesRedis,
    common: Record<string, unknown>,
    redisSecret: { name: pulumi.Output<string>; key: string },
    replication: pulumi.Resource,
) {
    customResource(
        scope,
        "sentinel",
        apiVersion,
        "RedisSentinel",
        {
            ...common,
            clusterSize: redis.sentinels,
            redisSentinelConfig: {
                redisReplicationName: redis.name,
                masterGroupName: "mymaster",
                redisPort: String(redisPort),
                quorum: String(Math.floor(redis.sentinels / 2) + 1),
                redisReplicationPassword: { secretKeyRef: redisSecret },
            },
            pdb: operatorPdb,
            topologySpreadConstraints: [zoneSpread({ app: `${redis.name}-sentinel` }, redis.production)],
        },
        { opts: { dependsOn: [replication] } },
    );
}

/**
 * Only members, the operator and the service's clients reach Redis (6379; the cluster bus
 * between cluster members; Sentinels on 26379).
 */
/**
 * The AUTH password and the Secret the operator reads it from. Both were once children of a
 * SharedSecret `<name>-auth` inside this component; the aliases keep their URNs' history, so
 * the password is not generated anew (which would lock every client out).
 */
function authSecret(scope: Scope, redis: KubernetesRedis) {
    const name = `${redis.name}-auth`;
    const aliases = [{ parent: pulumi.createUrn(name, "pulumi-ha:index:SharedSecret", scope.parent) }];
    const password = generatePassword(`${name}-password`, scope.parent, 32, undefined, aliases);
    const secret = new k8s.core.v1.Secret(
        name,
        {
            metadata: {
                name,
                namespace: scope.namespace,
                labels: standardLabels({
                    appName: name,
                    instance: name,
                    component: "secret",
                    partOf: scope.labels["app.kubernetes.io/part-of"],
                }),
            },
            type: "Opaque",
            stringData: pulumi.secret({ password }),
        },
        { parent: scope.parent, aliases },
    );
    return { password, secret };
}

function fence(scope: Scope, redis: KubernetesRedis) {
    const operator = podsOfNamespace(redis.kubernetes.operatorNamespace ?? operatorPins.redisOperator.namespace);
    const clients = podsHere(clientPods(scope));
    if (redis.mode === RedisMode.Cluster) {
        const roles = ["leader", "follower"].map((role) => ({ app: `${redis.name}-${role}` }));
        for (const [i, pods] of roles.entries()) {
            allowIngress(scope, `${i === 0 ? "leader" : "follower"}-netpol`, pods, [
                { from: roles.map(podsHere), ports: [redisPort, clusterBusPort] },
                { from: [operator, clients], ports: [redisPort] },
            ]);
        }
        return;
    }
    const servers = { app: redis.name };
    const sentinelPods = { app: `${redis.name}-sentinel` };
    allowIngress(scope, "netpol", servers, [
        { from: [podsHere(servers), podsHere(sentinelPods), operator, clients], ports: [redisPort] },
    ]);
    allowIngress(scope, "sentinel-netpol", sentinelPods, [
        { from: [podsHere(sentinelPods), operator, clients], ports: [sentinelPort] },
    ]);
}

/**
 * Append-only persistence (seed 004: "data persistence with AOF"), the eviction policy, and
 * maxmemory at 75 % of the memory limit: Redis then evicts (or refuses writes) before the
 * kubelet kills it, leaving room for copy-on-write during AOF rewrites.
 */
function redisConf(redis: KubernetesRedis): string {
    const limit = parseQuantity(redis.kubernetes.resources.memoryLimit);
    return [
        `appendonly ${redis.persistence ? "yes" : "no"}`,
        "appendfsync everysec",
        ...(limit ? [`maxmemory ${Math.floor(limit * 0.75)}`] : []),
        `maxmemory-policy ${redis.evictionPolicy}`,
        "",
    ].join("\n");
}
