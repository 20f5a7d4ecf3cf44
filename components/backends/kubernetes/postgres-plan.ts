import { ArgChecker } from "../../core/arg-checker";
import { isInClusterEndpoint } from "../../core/formats";
import { postgresNames } from "../../core/kubernetes-names";
import { BackupDestinationArgs, PostgresClusterArgs, PostgresOutputs } from "../../core/postgres-contract";
import { ResolvedPostgres } from "../../core/postgres-resolve";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "../../core/resources";
import { BackendScope, PostgresPlanContext, ServiceBackend } from "../backend";
import { checkPlacement } from "./placement";
import { kubernetesPostgres } from "./postgres";

/** A Postgres cluster as CloudNativePG runs it: the neutral resolution plus every Kubernetes rule. */
export interface KubernetesPostgres extends Omit<ResolvedPostgres, "backup"> {
    /** The volume size as a Kubernetes quantity. */
    storageSize: string;
    backup?: NonNullable<ResolvedPostgres["backup"]> & {
        schedule: string;
        inClusterReason?: string;
        /** Read when the cluster is created (the Platform's bucket exists only then). */
        destination: () => ResolvedDestination;
    };
    kubernetes: NonNullable<PostgresClusterArgs["kubernetes"]> & {
        image: string;
        resources: Required<ResourcesArgs>;
        poolerResources: Required<ResourcesArgs>;
        networkPolicy: boolean;
    };
}

export type ResolvedDestination = Required<Omit<BackupDestinationArgs, "endpoint">> & {
    endpoint?: BackupDestinationArgs["endpoint"];
};

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

/** CloudNativePG's rules: derived names, the pinned image, sizing, and where backups go. */
export const kubernetesPostgresBackend: ServiceBackend<
    PostgresClusterArgs,
    ResolvedPostgres,
    PostgresOutputs,
    PostgresPlanContext
> = {
    plan(check, args, pg, context) {
        const k = args.kubernetes;
        check.kubernetesName(pg.name, postgresNames(pg.name, args.pooler?.enabled ?? false));
        checkPlacement(check, k);
        const fullVersion = /^\d+\.\d+$/.test(pg.version) ? pg.version : postgresMinorByMajor[pg.version];
        check.require(
            !!fullVersion || !!k?.image || !/^\d+$/.test(pg.version),
            "version",
            `must name a minor release such as "${pg.version}.4" (images are pinned to a full version; pinned majors: ${Object.keys(postgresMinorByMajor).join(", ")}), or give kubernetes.image`,
        );
        const resolved: KubernetesPostgres = {
            ...pg,
            storageSize: `${pg.storageGiB}Gi`,
            backup: pg.backup && backupPlan(check, pg, args, context),
            kubernetes: {
                ...k,
                image: k?.image ?? `ghcr.io/cloudnative-pg/postgresql:${fullVersion}-standard-trixie`,
                resources: resolveResources(
                    check,
                    "kubernetes.resources",
                    k?.resources,
                    instanceResources,
                    pg.production,
                ),
                poolerResources: resolveResources(
                    check,
                    "kubernetes.poolerResources",
                    k?.poolerResources,
                    poolerResources,
                    pg.production,
                ),
                networkPolicy: k?.networkPolicy ?? true,
            },
        };
        return (scope: BackendScope) => kubernetesPostgres(scope, resolved);
    },
};

function backupPlan(
    check: ArgChecker,
    pg: ResolvedPostgres,
    args: PostgresClusterArgs,
    context: PostgresPlanContext | undefined,
): KubernetesPostgres["backup"] {
    const given = args.kubernetes?.backup;
    const schedule = given?.schedule ?? "0 0 2 * * *";
    check.cron("kubernetes.backup.schedule", schedule);
    const inClusterReason = given?.inClusterReason;
    const excused = !!inClusterReason?.trim();
    const base = { ...pg.backup!, schedule, inClusterReason };
    const d = given?.destination;
    if (!d) {
        const store = context?.backupStore;
        if (!store) {
            check.fail(
                "kubernetes.backup.destination",
                "is required when backups are enabled (an S3-compatible bucket and its credentials Secret); or set backup.enabled false in development",
            );
            return undefined;
        }
        // The platform's bucket is a fine backup target only when it lives outside the cluster.
        check.require(
            !pg.production || !store.inCluster || excused,
            "kubernetes.backup.destination",
            "is required: the platform's bucket is inside the cluster (Rook), and losing the cluster would lose the backups; " +
                "give an external destination (an https S3 endpoint), or kubernetes.backup.inClusterReason",
        );
        return { ...base, destination: () => withDefaults(store.destination(), pg.name) };
    }
    const dest = withDefaults(d, pg.name);
    check.require(
        /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(dest.path) && !dest.path.endsWith("/"),
        "kubernetes.backup.destination.path",
        `must be a relative object prefix such as "postgres" or "backups/pg" (got ${JSON.stringify(dest.path)})`,
    );
    if (check.url("kubernetes.backup.destination.endpoint", dest.endpoint, !pg.production)) {
        check.require(
            typeof dest.endpoint !== "string" || !pg.production || !isInClusterEndpoint(dest.endpoint) || excused,
            "kubernetes.backup.destination.endpoint",
            `is inside the cluster it backs up (${JSON.stringify(dest.endpoint)}): losing the cluster loses the backups; use an external endpoint, or give kubernetes.backup.inClusterReason`,
        );
    }
    check.secretKey("kubernetes.backup.destination.accessKeyIdKey", dest.accessKeyIdKey);
    check.secretKey("kubernetes.backup.destination.secretAccessKeyKey", dest.secretAccessKeyKey);
    if (typeof dest.credentialsSecretName === "string")
        check.dnsSubdomain("kubernetes.backup.destination.credentialsSecretName", dest.credentialsSecretName);
    check.bucketName("kubernetes.backup.destination.bucket", dest.bucket);
    return { ...base, destination: () => dest };
}

function withDefaults(d: BackupDestinationArgs, name: string): ResolvedDestination {
    return {
        bucket: d.bucket,
        path: d.path ?? name,
        endpoint: d.endpoint,
        credentialsSecretName: d.credentialsSecretName,
        accessKeyIdKey: d.accessKeyIdKey ?? "AWS_ACCESS_KEY_ID",
        secretAccessKeyKey: d.secretAccessKeyKey ?? "AWS_SECRET_ACCESS_KEY",
    };
}
