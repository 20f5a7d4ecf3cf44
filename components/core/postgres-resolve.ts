import { ArgChecker } from "./arg-checker";
import { parseQuantity } from "./formats";
import { PgBouncerPoolMode, Target, enumValues } from "./enums";
import { isInClusterEndpoint } from "./formats";
import { postgresNames } from "./kubernetes-names";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "./resources";
import { BackupDestinationArgs, PostgresClusterArgs } from "./postgres-contract";
import { postgresShape } from "./service-shapes";
import { ResolvedCommon, checkPlacement, resolveCommon } from "./services-common";

export interface ResolvedPostgres extends ResolvedCommon {
    name: string;
    version: string;
    instances: number;
    syncReplication: boolean;
    storageSize: string;
    /** Volume size per instance or node, in GiB: the neutral form each backend maps. */
    storageGiB: number;
    database: string;
    owner: string;
    backup?: {
        retentionDays: number;
        schedule: string;
        pointInTimeRecovery: boolean;
        inClusterReason?: string;
        destination: Required<Omit<BackupDestinationArgs, "endpoint">> & {
            endpoint?: BackupDestinationArgs["endpoint"];
        };
    };
    pooler?: { instances: number; poolMode: PgBouncerPoolMode };
    kubernetes: PostgresClusterArgs["kubernetes"] & {
        image: string;
        resources: Required<ResourcesArgs>;
        poolerResources: Required<ResourcesArgs>;
        networkPolicy: boolean;
    };
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The operand image's full version for a bare major: CloudNativePG's `standard` images (for the
 * Barman Cloud plugin), Debian trixie. 18.4 is CloudNativePG 1.30's own default; 17.10 shipped with it.
 */
export const postgresMinorByMajor: Record<string, string> = { "17": "17.10", "18": "18.4" };

// CloudNativePG recommends the Guaranteed QoS class for PostgreSQL: requests equal to limits.
const instanceResources: ResourceDefaults = {
    production: { cpuRequest: "1", memoryRequest: "2Gi", cpuLimit: "1", memoryLimit: "2Gi" },
    development: { cpuRequest: "250m", memoryRequest: "512Mi", cpuLimit: "250m", memoryLimit: "512Mi" },
};
const poolerResources: ResourceDefaults = {
    production: { cpuRequest: "100m", memoryRequest: "128Mi", cpuLimit: "500m", memoryLimit: "256Mi" },
    development: { cpuRequest: "50m", memoryRequest: "64Mi", cpuLimit: "250m", memoryLimit: "128Mi" },
};

/** Applies profile defaults to {@link PostgresClusterArgs}; throws every problem at once. */
export function resolvePostgres(name: string, given: PostgresClusterArgs): ResolvedPostgres {
    const check = new ArgChecker(`PostgresCluster "${name}"`);
    const args = check.args(given, postgresShape);
    const common = resolveCommon(check, args);
    if (common.target === Target.Kubernetes) {
        check.kubernetesName(name, postgresNames(name, args.pooler?.enabled ?? false));
        checkPlacement(check, args.kubernetes);
    }
    const version = args.version ?? "17";
    const versionOk = check.require(
        /^\d{2}(\.\d+)?$/.test(version),
        "version",
        `must be a PostgreSQL major version such as "17" (got ${JSON.stringify(version)})`,
    );
    const instances = args.instances ?? (common.production ? 3 : 1);
    check.integer("instances", instances, 1, 9);
    const syncReplication = args.syncReplication ?? common.production;
    check.require(
        !syncReplication || instances >= 2,
        "syncReplication",
        `needs at least 2 instances (got instances ${instances}); synchronous replication with one instance has no standby to wait for`,
    );
    const storageSize = args.storageSize ?? "20Gi";
    check.quantity("storageSize", storageSize);
    const database = args.database ?? "app";
    const owner = args.owner ?? "app";
    check.require(
        identifier.test(database),
        "database",
        `must be a lower-case SQL identifier (got ${JSON.stringify(database)})`,
    );
    check.require(
        identifier.test(owner),
        "owner",
        `must be a lower-case SQL identifier (got ${JSON.stringify(owner)})`,
    );

    let backup: ResolvedPostgres["backup"];
    if (args.backup?.enabled ?? common.production) {
        const retentionDays = args.backup?.retentionDays ?? 7;
        check.integer("backup.retentionDays", retentionDays, common.production ? 7 : 1, 3650);
        const schedule = args.backup?.schedule ?? "0 0 2 * * *";
        check.cron("backup.schedule", schedule);
        const d = args.backup?.destination;
        if (
            check.require(
                !!d,
                "backup.destination",
                "is required when backups are enabled (an S3-compatible bucket and its credentials Secret); or set backup.enabled false in development",
            )
        ) {
            backup = {
                retentionDays,
                schedule,
                pointInTimeRecovery: args.backup?.pointInTimeRecovery ?? common.production,
                inClusterReason: args.backup?.inClusterReason,
                destination: {
                    bucket: d!.bucket,
                    path: d!.path ?? name,
                    endpoint: d!.endpoint,
                    credentialsSecretName: d!.credentialsSecretName,
                    accessKeyIdKey: d!.accessKeyIdKey ?? "AWS_ACCESS_KEY_ID",
                    secretAccessKeyKey: d!.secretAccessKeyKey ?? "AWS_SECRET_ACCESS_KEY",
                },
            };
            const dest = backup.destination;
            check.require(
                /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(dest.path) && !dest.path.endsWith("/"),
                "backup.destination.path",
                `must be a relative object prefix such as "postgres" or "backups/pg" (got ${JSON.stringify(dest.path)})`,
            );
            if (
                check.url("backup.destination.endpoint", dest.endpoint, !common.production) &&
                typeof dest.endpoint === "string"
            ) {
                check.require(
                    !common.production || !isInClusterEndpoint(dest.endpoint) || !!backup.inClusterReason?.trim(),
                    "backup.destination.endpoint",
                    `is inside the cluster it backs up (${JSON.stringify(dest.endpoint)}): losing the cluster loses the backups; use an external endpoint, or give backup.inClusterReason`,
                );
            }
            check.secretKey("backup.destination.accessKeyIdKey", dest.accessKeyIdKey);
            check.secretKey("backup.destination.secretAccessKeyKey", dest.secretAccessKeyKey);
            if (typeof dest.credentialsSecretName === "string")
                check.dnsSubdomain("backup.destination.credentialsSecretName", dest.credentialsSecretName);
            check.bucketName("backup.destination.bucket", dest.bucket);
        }
    } else if (common.production) {
        check.fail(
            "backup.enabled",
            "cannot be false in the production profile (backups ≥ 7 days are a production default); use profile development",
        );
    }

    let pooler: ResolvedPostgres["pooler"];
    if (args.pooler?.enabled) {
        pooler = {
            instances: args.pooler.instances ?? (common.production ? 3 : 2),
            poolMode: args.pooler.poolMode ?? PgBouncerPoolMode.Transaction,
        };
        check.integer("pooler.instances", pooler.instances, 1, 20);
        check.oneOf("pooler.poolMode", pooler.poolMode, enumValues(PgBouncerPoolMode));
    }
    const fullVersion = /^\d+\.\d+$/.test(version) ? version : postgresMinorByMajor[version];
    check.require(
        !versionOk || !!fullVersion || !!args.kubernetes?.image,
        "version",
        `must name a minor release such as "${version}.4" (images are pinned to a full version; pinned majors: ${Object.keys(postgresMinorByMajor).join(", ")}), or give kubernetes.image`,
    );
    const resources = resolveResources(
        check,
        "kubernetes.resources",
        args.kubernetes?.resources,
        instanceResources,
        common.production,
    );
    const poolerSizing = resolveResources(
        check,
        "kubernetes.poolerResources",
        args.kubernetes?.poolerResources,
        poolerResources,
        common.production,
    );
    check.throwIfAny();
    return {
        ...common,
        name,
        version,
        instances,
        syncReplication,
        storageSize,
        storageGiB: Math.ceil((parseQuantity(storageSize) ?? 0) / 2 ** 30),
        database,
        owner,
        backup,
        pooler,
        kubernetes: {
            ...args.kubernetes,
            image: args.kubernetes?.image ?? `ghcr.io/cloudnative-pg/postgresql:${fullVersion}-standard-trixie`,
            resources,
            poolerResources: poolerSizing,
            networkPolicy: args.kubernetes?.networkPolicy ?? true,
        },
    };
}
