import * as pulumi from "@pulumi/pulumi";
import { PostgresOutputs } from "../../core/postgres-contract";
import { BackendScope } from "../backend";
import type { KubernetesPostgres } from "./postgres-plan";
import {
    Scope,
    objectStorageClientLabel,
    after,
    clientPods,
    customResource,
    disruptionBudget,
    password,
    requirements,
    scopeOf,
    secret,
    serviceHost,
    zoneKey,
    zoneSpread,
} from "./common";
import { allowIngress, podsHere, podsOfNamespace } from "./network-policy";
import { operatorPins } from "./operator-pins";

/** The ObjectStore annotation with which a user accepts backups inside the cluster, and why (read by k8s-cnpg-backups). */
export const inClusterReasonAnnotation = "pulumi-ha.io/backup-in-cluster-reason";
// The instance manager's status port: the operator (and peers) call it.
const statusPort = 8000;

const barmanPlugin = "barman-cloud.cloudnative-pg.io";
// PostgreSQL's port, on the Cluster's services and on PgBouncer's alike.
const port = 5432;

/** The Barman Cloud ObjectStore: where base backups and WAL go, with the retention policy. */
function objectStore(scope: Scope, pg: KubernetesPostgres) {
    const b = pg.backup!;
    const d = b.destination();
    const reason = b.inClusterReason?.trim();
    return customResource(
        scope,
        "backups",
        "barmancloud.cnpg.io/v1",
        "ObjectStore",
        {
            configuration: {
                destinationPath: pulumi.interpolate`s3://${d.bucket}/${d.path}`,
                endpointURL: d.endpoint,
                s3Credentials: {
                    accessKeyId: { name: d.credentialsSecretName, key: d.accessKeyIdKey },
                    secretAccessKey: { name: d.credentialsSecretName, key: d.secretAccessKeyKey },
                },
                wal: { compression: "gzip", maxParallel: 4 },
                data: { compression: "gzip" },
            },
            retentionPolicy: `${b.retentionDays}d`,
        },
        { name: `${pg.name}-backups`, annotations: reason ? { [inClusterReasonAnnotation]: reason } : undefined },
    );
}

/**
 * PostgresCluster on CloudNativePG: a Cluster of `instances` spread over zones (a
 * topology spread constraint and zone anti-affinity), synchronous replication (quorum of one standby, data durability
 * required), PDBs by the operator (enablePDB), WAL archiving and base backups through the
 * Barman Cloud plugin, and a PgBouncer Pooler when asked.
 */
export function kubernetesPostgres(base: BackendScope, pg: KubernetesPostgres): PostgresOutputs {
    const scope = scopeOf(base, "database", pg.kubernetes);
    const appPassword = password(scope, "app-password");
    const credentials = secret(
        scope,
        "app-credentials",
        `${pg.name}-app-credentials`,
        { username: pg.owner, password: appPassword },
        "kubernetes.io/basic-auth",
    );

    const store = pg.backup ? objectStore(scope, pg) : undefined;
    const cluster = customResource(
        scope,
        "",
        "postgresql.cnpg.io/v1",
        "Cluster",
        {
            instances: pg.instances,
            imageName: pg.kubernetes.image,
            // Upgrades switch over to an updated standby instead of restarting the primary in place.
            primaryUpdateStrategy: "unsupervised",
            primaryUpdateMethod: "switchover",
            enablePDB: true,
            storage: { size: pg.storageSize, storageClass: pg.kubernetes.storageClass },
            resources: requirements(pg.kubernetes.resources),
            // Instances that back up may reach an in-cluster bucket (and only that, of the platform's services).
            inheritedMetadata: pg.backup ? { labels: objectStorageClientLabel } : undefined,
            // Spread over zones: strictly (maxSkew 1 over ≥ 3 zones) in production, so 3 instances
            // land in 3 zones and 5 in 2-2-1; anti-affinity on the zone key as well, preferred,
            // as a required one would leave a 4th instance unschedulable in a 3-zone cluster.
            topologySpreadConstraints: [zoneSpread({ "cnpg.io/cluster": pg.name }, pg.production)],
            affinity: { enablePodAntiAffinity: true, topologyKey: zoneKey, podAntiAffinityType: "preferred" },
            postgresql: pg.syncReplication
                ? { synchronous: { method: "any", number: 1, dataDurability: "required" } }
                : {},
            bootstrap: {
                initdb: { database: pg.database, owner: pg.owner, secret: { name: credentials.metadata.name } },
            },
            plugins: store
                ? [
                      {
                          name: barmanPlugin,
                          isWALArchiver: pg.backup!.pointInTimeRecovery,
                          parameters: { barmanObjectName: `${pg.name}-backups` },
                      },
                  ]
                : undefined,
        },
        { opts: after(scope, credentials, ...(store ? [store] : [])) },
    );

    if (store) {
        customResource(
            scope,
            "daily-backup",
            "postgresql.cnpg.io/v1",
            "ScheduledBackup",
            {
                schedule: pg.backup!.schedule,
                cluster: { name: pg.name },
                method: "plugin",
                pluginConfiguration: { name: barmanPlugin },
                backupOwnerReference: "self",
                // A first base backup right away, so PITR works from day one.
                immediate: true,
            },
            { name: `${pg.name}-daily`, opts: { dependsOn: [cluster] } },
        );
    }

    if (pg.kubernetes.networkPolicy) fence(scope, pg);

    const writerHost = serviceHost(`${pg.name}-rw`, scope.namespace);
    // Clients go through PgBouncer when there is one; writerEndpoint stays the -rw service.
    const clientHost = pg.pooler ? pooler(scope, pg, cluster) : writerHost;
    const readerHost = serviceHost(`${pg.name}-ro`, scope.namespace);
    const url = (host: pulumi.Output<string>) =>
        pulumi.secret(
            pulumi.interpolate`postgres://${pg.owner}:${appPassword}@${host}:${port}/${pg.database}?sslmode=require`,
        );
    return {
        writerEndpoint: writerHost,
        readerEndpoint: readerHost,
        anyEndpoint: serviceHost(`${pg.name}-r`, scope.namespace),
        port: pulumi.output(port),
        database: pulumi.output(pg.database),
        credentials: pulumi.secret(
            pulumi.all([pg.owner, appPassword]).apply(([username, pw]) => ({ username, password: pw })),
        ),
        writerUrl: url(clientHost),
        readerUrl: url(readerHost),
    };
}

/** Pooler pods' labels (CloudNativePG sets cnpg.io/poolerName). */
const poolerPods = (pg: KubernetesPostgres) => ({ "cnpg.io/poolerName": `${pg.name}-pooler-rw` });

/**
 * Only the operator, the instances themselves, the pooler and the service's clients reach
 * Postgres (5432; the status port 8000 for the operator and peers).
 */
function fence(scope: Scope, pg: KubernetesPostgres) {
    const instances = { "cnpg.io/cluster": pg.name };
    const operator = podsOfNamespace(pg.kubernetes.operatorNamespace ?? operatorPins.cloudnativePg.namespace);
    allowIngress(scope, "netpol", instances, [
        { from: [operator, podsHere(instances)], ports: [port, statusPort] },
        { from: [podsHere(clientPods(scope)), ...(pg.pooler ? [podsHere(poolerPods(pg))] : [])], ports: [port] },
    ]);
    // PgBouncer reaches the instances, and the API server (CloudNativePG's instance manager runs in its
    // pod and watches it; the API server's address is the cluster's, so its ports are allowed anywhere).
    if (pg.pooler) {
        allowIngress(
            scope,
            "pooler-netpol",
            poolerPods(pg),
            [{ from: [podsHere(clientPods(scope))], ports: [port] }],
            scope.namespace,
            [
                { to: [podsHere(instances)], ports: [port] },
                { to: [], ports: [443, 6443] },
            ],
        );
    }
}

/**
 * PgBouncer in front of the writer (seed 000), its pods spread over zones. CloudNativePG
 * makes no PDB for a Pooler's Deployment, so one is made here. Returns the pooler's host.
 */
function pooler(scope: Scope, pg: KubernetesPostgres, cluster: pulumi.Resource): pulumi.Output<string> {
    const name = `${pg.name}-pooler-rw`;
    const pods = poolerPods(pg);
    customResource(
        scope,
        "pooler",
        "postgresql.cnpg.io/v1",
        "Pooler",
        {
            cluster: { name: pg.name },
            instances: pg.pooler!.instances,
            type: "rw",
            pgbouncer: {
                poolMode: pg.pooler!.poolMode,
                parameters: { max_client_conn: "1000", default_pool_size: "25" },
            },
            template: {
                metadata: { labels: pods },
                // A strategic-merge patch onto the operator's pod: the container is matched by name.
                spec: {
                    containers: [
                        {
                            name: "pgbouncer",
                            image: operatorPins.cloudnativePg.pgbouncerImage,
                            resources: requirements(pg.kubernetes.poolerResources),
                            // CloudNativePG adds only a readiness probe; a hung PgBouncer is restarted too.
                            livenessProbe: {
                                tcpSocket: { port },
                                initialDelaySeconds: 10,
                                periodSeconds: 10,
                                failureThreshold: 3,
                            },
                            // What CloudNativePG enforces anyway, stated so that linters reading the template see it.
                            securityContext: {
                                allowPrivilegeEscalation: false,
                                privileged: false,
                                readOnlyRootFilesystem: true,
                                runAsNonRoot: true,
                                capabilities: { drop: ["ALL"] },
                                seccompProfile: { type: "RuntimeDefault" },
                            },
                        },
                    ],
                    // CloudNativePG runs PgBouncer as uid 998 / gid 996 (pkg/specs/pgbouncer/deployments.go).
                    securityContext: {
                        runAsNonRoot: true,
                        runAsUser: 998,
                        runAsGroup: 996,
                        fsGroup: 996,
                        seccompProfile: { type: "RuntimeDefault" },
                    },
                    topologySpreadConstraints: [zoneSpread(pods, pg.production)],
                },
            },
        },
        { name, opts: { dependsOn: [cluster] } },
    );
    if (pg.pooler!.instances > 1) disruptionBudget(scope, "pooler-pdb", pods);
    return serviceHost(name, scope.namespace);
}
