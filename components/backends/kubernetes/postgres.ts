import * as pulumi from "@pulumi/pulumi";
import { PostgresOutputs } from "../../core/postgres-contract";
import { ResolvedPostgres } from "../../core/postgres-resolve";
import { BackendScope } from "../backend";
import { Scope, after, customResource, password, scopeOf, secret, serviceHost } from "./common";

const barmanPlugin = "barman-cloud.cloudnative-pg.io";

/** The Barman Cloud ObjectStore: where base backups and WAL go, with the retention policy. */
function objectStore(scope: Scope, pg: ResolvedPostgres) {
    const b = pg.backup!;
    const d = b.destination;
    return customResource(scope, "backups", "barmancloud.cnpg.io/v1", "ObjectStore", {
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
    }, { name: `${pg.name}-backups` });
}

/**
 * PostgresCluster on CloudNativePG: a Cluster of `instances` spread over zones with
 * required anti-affinity, synchronous replication (quorum of one standby, data durability
 * required), PDBs by the operator (enablePDB), WAL archiving and base backups through the
 * Barman Cloud plugin, and a PgBouncer Pooler when asked.
 */
export function kubernetesPostgres(base: BackendScope, pg: ResolvedPostgres): PostgresOutputs {
    const scope = scopeOf(base, "database", pg.kubernetes);
    const appPassword = password(scope, "app-password");
    const credentials = secret(scope, "app-credentials", `${pg.name}-app`, { username: pg.owner, password: appPassword }, "kubernetes.io/basic-auth");

    const store = pg.backup ? objectStore(scope, pg) : undefined;
    const cluster = customResource(scope, "", "postgresql.cnpg.io/v1", "Cluster", {
        instances: pg.instances,
        imageName: pg.kubernetes.image,
        // Upgrades switch over to an updated standby instead of restarting the primary in place.
        primaryUpdateStrategy: "unsupervised",
        primaryUpdateMethod: "switchover",
        enablePDB: true,
        storage: { size: pg.storageSize, storageClass: pg.kubernetes.storageClass },
        affinity: {
            enablePodAntiAffinity: true,
            topologyKey: "topology.kubernetes.io/zone",
            podAntiAffinityType: pg.production ? "required" : "preferred",
        },
        postgresql: pg.syncReplication
            ? { synchronous: { method: "any", number: 1, dataDurability: "required" } }
            : {},
        bootstrap: { initdb: { database: pg.database, owner: pg.owner, secret: { name: credentials.metadata.name } } },
        plugins: store
            ? [{ name: barmanPlugin, isWALArchiver: pg.backup!.pointInTimeRecovery, parameters: { barmanObjectName: `${pg.name}-backups` } }]
            : undefined,
    }, { opts: after(scope, credentials, ...(store ? [store] : [])) });

    if (store) {
        customResource(scope, "daily-backup", "postgresql.cnpg.io/v1", "ScheduledBackup", {
            schedule: pg.backup!.schedule,
            cluster: { name: pg.name },
            method: "plugin",
            pluginConfiguration: { name: barmanPlugin },
            backupOwnerReference: "self",
            // A first base backup right away, so PITR works from day one.
            immediate: true,
        }, { name: `${pg.name}-daily`, opts: { dependsOn: [cluster] } });
    }

    let writerHost = serviceHost(`${pg.name}-rw`, scope.namespace);
    let writerPort = 5432;
    if (pg.pooler) {
        customResource(scope, "pooler", "postgresql.cnpg.io/v1", "Pooler", {
            cluster: { name: pg.name },
            instances: pg.pooler.instances,
            type: "rw",
            pgbouncer: { poolMode: pg.pooler.poolMode, parameters: { max_client_conn: "1000", default_pool_size: "25" } },
        }, { name: `${pg.name}-pooler-rw`, opts: { dependsOn: [cluster] } });
        writerHost = serviceHost(`${pg.name}-pooler-rw`, scope.namespace);
        writerPort = 5432;
    }
    const readerHost = serviceHost(`${pg.name}-ro`, scope.namespace);
    const url = (host: pulumi.Output<string>, port: number) =>
        pulumi.secret(pulumi.interpolate`postgres://${pg.owner}:${appPassword}@${host}:${port}/${pg.database}?sslmode=require`);
    return {
        writerEndpoint: writerHost,
        readerEndpoint: readerHost,
        anyEndpoint: serviceHost(`${pg.name}-r`, scope.namespace),
        port: pulumi.output(5432),
        database: pulumi.output(pg.database),
        credentials: pulumi.secret(pulumi.all([pg.owner, appPassword]).apply(([username, pw]) => ({ username, password: pw }))),
        writerUrl: url(writerHost, writerPort),
        readerUrl: url(readerHost, 5432),
    };
}
