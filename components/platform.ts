import * as pulumi from "@pulumi/pulumi";
import { AppTier } from "./app-tier";
import { AppTierArgs, SecretKeyRefArgs } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { ArgChecker } from "./core/arg-checker";
import { ObjectStorageMode, Profile, SecretEncoding, Target } from "./core/enums";
import { ObjectStorageArgs } from "./core/object-storage-contract";
import { resolveObjectStorage } from "./core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs } from "./core/postgres-contract";
import { resolvePostgres } from "./core/postgres-resolve";
import { RabbitMQClusterArgs } from "./core/rabbitmq-contract";
import { resolveRabbitMQ } from "./core/rabbitmq-resolve";
import { RedisClusterArgs } from "./core/redis-contract";
import { resolveRedis } from "./core/redis-resolve";
import { KubernetesPlacementArgs, ServiceCommonArgs, resolveCommon } from "./core/services-common";
import { KubernetesOperators, KubernetesOperatorsArgs } from "./kubernetes-operators";
import { ObjectStorage } from "./object-storage";
import { PostgresCluster } from "./postgres-cluster";
import { RabbitMQCluster } from "./rabbitmq-cluster";
import { RedisCluster } from "./redis-cluster";
import { GeneratedSecretArgs, SharedSecret } from "./shared-secret";

/** Arguments of {@link Platform}: one app and the services it declares. */
export interface PlatformArgs {
    /** Where the app and its services run. Default `Target.Kubernetes` (the only target implemented so far). */
    target?: Target;
    /** HA defaults for the app and every service (each may override its own). Default `Profile.Production`. */
    profile?: Profile;
    /** Kubernetes namespace of the app and its services. Default "default". */
    namespace?: pulumi.Input<string>;
    /** The app. Its `secretEnv` receives the connection settings; do not name them yourself. */
    app: AppTierArgs;
    /** A Postgres cluster (DATABASE_URL, DATABASE_READ_URL). Default none. With object storage and no backup destination, backups go to its bucket. */
    postgres?: PostgresClusterArgs;
    /** Redis (REDIS_URL). Default none. */
    redis?: RedisClusterArgs;
    /** RabbitMQ (AMQP_URL). Default none. */
    rabbitmq?: RabbitMQClusterArgs;
    /** Object storage (S3_ENDPOINT, S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY). Default none. */
    objectStorage?: ObjectStorageArgs;
    /**
     * The app's own secrets, generated once, by environment variable name.
     * Default `{ JWT_SECRET: 64-character password, ENCRYPTION_KEY: 32 random bytes as hex }` (seeds 000, 002).
     */
    appSecrets?: Record<string, GeneratedSecretArgs>;
    /** Install the operators the services need (Kubernetes). Default true; false when the cluster already runs them. */
    installOperators?: boolean;
    /** Override which operators are installed. Default: exactly those the declared services need. */
    operators?: KubernetesOperatorsArgs;
}

/** Environment names the Platform fills; the app must not claim them. */
export const platformEnv = {
    databaseUrl: "DATABASE_URL",
    databaseReadUrl: "DATABASE_READ_URL",
    redisUrl: "REDIS_URL",
    amqpUrl: "AMQP_URL",
    s3Endpoint: "S3_ENDPOINT",
    s3Bucket: "S3_BUCKET",
    s3Region: "S3_REGION",
    s3AccessKeyId: "AWS_ACCESS_KEY_ID",
    s3SecretAccessKey: "AWS_SECRET_ACCESS_KEY",
} as const;

const defaultAppSecrets: Record<string, GeneratedSecretArgs> = {
    JWT_SECRET: { length: 64 },
    ENCRYPTION_KEY: { encoding: SecretEncoding.Hex, length: 32 },
};

/**
 * An app and its data services on one target. Creates the operators (Kubernetes), the
 * services, then one SharedSecret holding every connection setting and the app's own
 * generated secrets, and an AppTier that reads them only through secretKeyRef — every
 * replica reads the same values.
 *
 * Every argument of every part is checked before anything is registered.
 */
export class Platform extends pulumi.ComponentResource {
    public readonly app: AppTier;
    /** The Secret every app replica reads its connection settings from. */
    public readonly secrets: SharedSecret;
    public readonly operators?: KubernetesOperators;
    public readonly postgres?: PostgresCluster;
    public readonly redis?: RedisCluster;
    public readonly rabbitmq?: RabbitMQCluster;
    public readonly objectStorage?: ObjectStorage;
    /** The app's URL. */
    public readonly url: pulumi.Output<string>;
    /** Name of the connection Secret. */
    public readonly secretName: pulumi.Output<string>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planPlatform(name, args);
        super("pulumi-ha:index:Platform", name, {}, opts);
        const child = { parent: this };

        if (plan.target === Target.Kubernetes && (args.installOperators ?? true)) {
            this.operators = new KubernetesOperators(`${name}-operators`, { ...plan.neededOperators, ...args.operators }, child);
        }
        const after = (deps?: pulumi.Resource[]) => ({ parent: this, dependsOn: deps && deps.length > 0 ? deps : undefined });

        const env: Record<string, pulumi.Input<string>> = {};
        const refs: Record<string, SecretKeyRefArgs> = {};
        if (plan.objectStorage) {
            const store = new ObjectStorage(`${name}-storage`, plan.objectStorage, after(this.operators?.objectStorage));
            this.objectStorage = store;
            env[platformEnv.s3Endpoint] = store.endpoint;
            env[platformEnv.s3Bucket] = store.bucket;
            env[platformEnv.s3Region] = store.region;
            // The keys stay in the store's own Secret (Rook writes them; they never pass through Pulumi).
            refs[platformEnv.s3AccessKeyId] = { secretName: store.credentialsSecretName, key: "AWS_ACCESS_KEY_ID" };
            refs[platformEnv.s3SecretAccessKey] = { secretName: store.credentialsSecretName, key: "AWS_SECRET_ACCESS_KEY" };
        }
        if (plan.postgres) {
            const pgArgs = this.objectStorage && plan.backupToObjectStorage
                ? { ...plan.postgres, backup: { ...plan.postgres.backup, destination: backupDestination(this.objectStorage) } }
                : plan.postgres;
            const pg = new PostgresCluster(`${name}-postgres`, pgArgs, after(this.operators?.postgres));
            this.postgres = pg;
            env[platformEnv.databaseUrl] = pg.writerUrl;
            env[platformEnv.databaseReadUrl] = pg.readerUrl;
        }
        if (plan.redis) {
            this.redis = new RedisCluster(`${name}-redis`, plan.redis, after(this.operators?.redis));
            env[platformEnv.redisUrl] = this.redis.url;
        }
        if (plan.rabbitmq) {
            this.rabbitmq = new RabbitMQCluster(`${name}-rabbitmq`, plan.rabbitmq, after(this.operators?.rabbitmq));
            env[platformEnv.amqpUrl] = this.rabbitmq.url;
        }

        this.secrets = new SharedSecret(`${name}-env`, {
            generated: plan.appSecrets,
            values: env,
            partOf: name,
            kubernetes: { namespace: plan.namespace },
        }, child);
        for (const key of this.secrets.keys) refs[key] = this.secrets.ref(key);

        this.app = new AppTier(name, { ...plan.app, secretEnv: { ...args.app.secretEnv, ...refs } }, child);
        this.url = this.app.url;
        this.secretName = this.secrets.secretName;
        this.registerOutputs({ url: this.url, secretName: this.secretName });
    }
}

/** Postgres backups under `postgres/` of the platform's bucket, with the bucket's keys. */
function backupDestination(store: ObjectStorage): BackupDestinationArgs {
    return {
        bucket: store.bucket,
        path: "postgres",
        endpoint: store.endpoint,
        credentialsSecretName: store.credentialsSecretName,
    };
}

interface PlatformPlan {
    target: Target;
    namespace: pulumi.Input<string>;
    app: AppTierArgs;
    postgres?: PostgresClusterArgs;
    backupToObjectStorage: boolean;
    redis?: RedisClusterArgs;
    rabbitmq?: RabbitMQClusterArgs;
    objectStorage?: ObjectStorageArgs;
    appSecrets: Record<string, GeneratedSecretArgs>;
    neededOperators: KubernetesOperatorsArgs;
}

/**
 * Applies the platform's target, profile and namespace to every part and runs every
 * part's own validation, so one error lists every problem before anything exists.
 */
function planPlatform(name: string, args: PlatformArgs): PlatformPlan {
    const check = new ArgChecker(`Platform "${name}"`);
    const common = resolveCommon(check, { target: args.target, profile: args.profile });
    const namespace = args.namespace ?? "default";
    const service = <T extends ServiceCommonArgs & { kubernetes?: KubernetesPlacementArgs }>(a: T | undefined): T | undefined => a && {
        ...a,
        target: a.target ?? common.target,
        profile: a.profile ?? common.profile,
        kubernetes: { ...a.kubernetes, namespace: a.kubernetes?.namespace ?? namespace, partOf: a.kubernetes?.partOf ?? name },
    };
    const objectStorage = service(args.objectStorage);
    const postgres = service(args.postgres);
    const redis = service(args.redis);
    const rabbitmq = service(args.rabbitmq);
    const backupToObjectStorage = !!postgres && !!objectStorage && !postgres.backup?.destination;

    const store = objectStorage && check.nested("objectStorage.", () => resolveObjectStorage(`${name}-storage`, objectStorage));
    const pg = postgres && check.nested("postgres.", () => resolvePostgres(`${name}-postgres`, backupToObjectStorage
        ? { ...postgres, backup: { ...postgres.backup, destination: { bucket: "checked-later", credentialsSecretName: "checked-later" } } }
        : postgres));
    if (redis) check.nested("redis.", () => resolveRedis(`${name}-redis`, redis));
    if (rabbitmq) check.nested("rabbitmq.", () => resolveRabbitMQ(`${name}-rabbitmq`, rabbitmq));

    const appSecrets = args.appSecrets ?? defaultAppSecrets;
    const claimed = Object.values(platformEnv) as string[];
    const claimedMessage = `is set by the Platform from its services; remove it (the Platform fills ${claimed.join(", ")})`;
    for (const key of Object.keys(args.app.secretEnv ?? {})) check.require(!claimed.includes(key), `app.secretEnv.${key}`, claimedMessage);
    for (const key of Object.keys(appSecrets)) {
        check.require(!claimed.includes(key), `appSecrets.${key}`, claimedMessage);
        check.secretKey(`appSecrets.${key}`, key);
    }
    check.require(Object.keys(appSecrets).length > 0 || !!(postgres || redis || rabbitmq || objectStorage), "appSecrets",
        "an empty map with no services leaves the Platform nothing to hold; declare a service or an app secret");
    const app: AppTierArgs = { ...args.app, profile: args.app.profile ?? common.profile, namespace: args.app.namespace ?? namespace, partOf: args.app.partOf ?? name };
    check.nested("app.", () => resolveAppTier(name, app));
    check.throwIfAny();

    return {
        target: common.target, namespace, app, postgres, backupToObjectStorage, redis, rabbitmq, objectStorage, appSecrets,
        neededOperators: {
            cloudnativePg: !!postgres,
            barmanCloudPlugin: !!pg?.backup,
            certManager: !!pg?.backup,
            redisOperator: !!redis,
            rabbitmqOperator: !!rabbitmq,
            rook: store?.mode === ObjectStorageMode.InCluster,
        },
    };
}
