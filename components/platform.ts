import * as pulumi from "@pulumi/pulumi";
import { AppTier } from "./app-tier";
import { AppTierArgs, SecretKeyRefArgs } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { ArgChecker } from "./core/arg-checker";
import { isPlainObject } from "./core/arg-shape";
import { checkGeneratedSecrets, platformShape } from "./core/platform-shape";
import { ObjectStorageMode, Profile, SecretEncoding, Target } from "./core/enums";
import { ObjectStorageArgs } from "./core/object-storage-contract";
import { resolveObjectStorage } from "./core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs } from "./core/postgres-contract";
import { resolvePostgres } from "./core/postgres-resolve";
import { RabbitMQClusterArgs } from "./core/rabbitmq-contract";
import { resolveRabbitMQ } from "./core/rabbitmq-resolve";
import { RedisClusterArgs } from "./core/redis-contract";
import { resolveRedis } from "./core/redis-resolve";
import { KubernetesPlacementArgs, ServiceCommonArgs, implementedTargets, resolveCommon } from "./core/services-common";
import { KubernetesOperators, KubernetesOperatorsArgs } from "./kubernetes-operators";
import { ObjectStorage } from "./object-storage";
import { PostgresCluster } from "./postgres-cluster";
import { RabbitMQCluster } from "./rabbitmq-cluster";
import { RedisCluster } from "./redis-cluster";
import { GeneratedSecretArgs, SharedSecret } from "./shared-secret";
import { defaultDenyIngress } from "./backends/kubernetes/network-policy";
import { standardLabels } from "./core/labels";

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
    /** Redis (REDIS_URL; REDIS_CA_CERT with TLS). Default none. */
    redis?: RedisClusterArgs;
    /** RabbitMQ (AMQP_URL; AMQP_CA_CERT with TLS). Default none. */
    rabbitmq?: RabbitMQClusterArgs;
    /** Object storage (S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_FORCE_PATH_STYLE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY). Default none. */
    objectStorage?: ObjectStorageArgs;
    /**
     * The app's own secrets, generated once, by environment variable name.
     * Default `{ JWT_SECRET: 64-character password, ENCRYPTION_KEY: 32 random bytes as hex }` (seeds 000, 002).
     */
    appSecrets?: Record<string, GeneratedSecretArgs>;
    /**
     * A default-deny ingress NetworkPolicy for the namespace; the app and each service then allow
     * exactly the traffic they need (ingress controller → app, app → service ports, members ↔
     * members, operator → its pods). Default true.
     */
    networkPolicies?: boolean;
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
    redisCa: "REDIS_CA_CERT",
    amqpUrl: "AMQP_URL",
    amqpCa: "AMQP_CA_CERT",
    s3Endpoint: "S3_ENDPOINT",
    s3Bucket: "S3_BUCKET",
    s3Region: "S3_REGION",
    s3ForcePathStyle: "S3_FORCE_PATH_STYLE",
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
    // No component references as fields: other languages cannot receive one (Pulumi's
    // schema inference rejects it, private or not). The outputs clients need are below.
    /** The app's URL. */
    public readonly url: pulumi.Output<string>;
    /** The app's Service. */
    public readonly serviceName: pulumi.Output<string>;
    /** Name of the Secret every app replica reads its connection settings from. */
    public readonly secretName: pulumi.Output<string>;
    /** Postgres writer host (-rw), when declared. */
    public readonly databaseWriterEndpoint?: pulumi.Output<string>;
    /** Postgres reader host (-ro), when declared. */
    public readonly databaseReaderEndpoint?: pulumi.Output<string>;
    /** Redis primary host, when declared. */
    public readonly redisEndpoint?: pulumi.Output<string>;
    /** RabbitMQ AMQP host, when declared. */
    public readonly amqpEndpoint?: pulumi.Output<string>;
    /** Bucket name, when object storage is declared. */
    public readonly bucket?: pulumi.Output<string>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planPlatform(name, args);
        super("pulumi-ha:index:Platform", name, {}, opts);
        const child = { parent: this };

        if (plan.networkPolicies) {
            defaultDenyIngress({
                parent: this,
                name,
                namespace: plan.namespace,
                labels: standardLabels({ appName: name, instance: name, component: "network", partOf: name }),
                opts: child,
            });
        }
        const operators =
            plan.target === Target.Kubernetes && (args.installOperators ?? true)
                ? new KubernetesOperators(`${name}-operators`, { ...plan.neededOperators, ...args.operators }, child)
                : undefined;
        const after = (deps?: pulumi.Resource[]) => ({
            parent: this,
            dependsOn: deps && deps.length > 0 ? deps : undefined,
        });

        let store: ObjectStorage | undefined;
        let pg: PostgresCluster | undefined;
        let redis: RedisCluster | undefined;
        let mq: RabbitMQCluster | undefined;
        const env: Record<string, pulumi.Input<string>> = {};
        const refs: Record<string, SecretKeyRefArgs> = {};
        if (plan.objectStorage) {
            store = new ObjectStorage(`${name}-storage`, plan.objectStorage, after(operators?.objectStorage));
            env[platformEnv.s3Endpoint] = store.endpoint;
            env[platformEnv.s3Bucket] = store.bucket;
            env[platformEnv.s3Region] = store.region;
            env[platformEnv.s3ForcePathStyle] = store.forcePathStyle.apply(String);
            // The keys stay in the store's own Secret (Rook writes them; they never pass through Pulumi).
            const keys = store.credentialsSecretName;
            if (keys) {
                refs[platformEnv.s3AccessKeyId] = { secretName: keys, key: "AWS_ACCESS_KEY_ID" };
                refs[platformEnv.s3SecretAccessKey] = { secretName: keys, key: "AWS_SECRET_ACCESS_KEY" };
            }
        }
        if (plan.postgres) {
            const pgArgs =
                store && plan.backupToObjectStorage
                    ? { ...plan.postgres, backup: { ...plan.postgres.backup, destination: backupDestination(store) } }
                    : plan.postgres;
            pg = new PostgresCluster(`${name}-postgres`, pgArgs, after(operators?.postgres));
            env[platformEnv.databaseUrl] = pg.writerUrl;
            env[platformEnv.databaseReadUrl] = pg.readerUrl;
        }
        if (plan.redis) {
            redis = new RedisCluster(`${name}-redis`, plan.redis, after(operators?.redis));
            env[platformEnv.redisUrl] = redis.url;
            if (redis.caCertificate) env[platformEnv.redisCa] = redis.caCertificate;
        }
        if (plan.rabbitmq) {
            mq = new RabbitMQCluster(`${name}-rabbitmq`, plan.rabbitmq, after(operators?.rabbitmq));
            env[platformEnv.amqpUrl] = mq.url;
            if (mq.caCertificate) env[platformEnv.amqpCa] = mq.caCertificate;
        }

        const secrets = new SharedSecret(
            `${name}-env`,
            {
                generated: plan.appSecrets,
                values: env,
                partOf: name,
                kubernetes: { namespace: plan.namespace },
            },
            child,
        );
        for (const key of secrets.keys) refs[key] = secrets.ref(key);

        const app = new AppTier(name, { ...plan.app, secretEnv: { ...plan.app.secretEnv, ...refs } }, child);
        this.url = app.url;
        this.serviceName = app.serviceName;
        this.secretName = secrets.secretName;
        this.databaseWriterEndpoint = pg?.writerEndpoint;
        this.databaseReaderEndpoint = pg?.readerEndpoint;
        this.redisEndpoint = redis?.primaryEndpoint;
        this.amqpEndpoint = mq?.amqpEndpoint;
        this.bucket = store?.bucket;
        this.registerOutputs({
            url: this.url,
            serviceName: this.serviceName,
            secretName: this.secretName,
            databaseWriterEndpoint: this.databaseWriterEndpoint,
            databaseReaderEndpoint: this.databaseReaderEndpoint,
            redisEndpoint: this.redisEndpoint,
            amqpEndpoint: this.amqpEndpoint,
            bucket: this.bucket,
        });
    }
}

/** Postgres backups under `postgres/` of the platform's bucket, with the bucket's keys. */
function backupDestination(store: ObjectStorage): BackupDestinationArgs {
    return {
        bucket: store.bucket,
        path: "postgres",
        endpoint: store.endpoint,
        // Kubernetes stores hand out keys (see ObjectStorageOutputs).
        credentialsSecretName: store.credentialsSecretName!,
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
    networkPolicies: boolean;
}

/**
 * Applies the platform's target, profile and namespace to every part and runs every
 * part's own validation, so one error lists every problem before anything exists.
 */
function planPlatform(name: string, given: PlatformArgs): PlatformPlan {
    const check = new ArgChecker(`Platform "${name}"`);
    // Types first; without an app there is nothing to plan.
    const args = check.args(given, platformShape);
    const common = resolveCommon(check, { target: args.target, profile: args.profile });
    // Every part inherits the target: an unusable one would be reported once per part.
    if (!implementedTargets.includes(common.target)) check.throwIfAny();
    // A bad namespace is reported once, here, rather than again by every part it would reach.
    const namespace = check.namespace("namespace", args.namespace) ? (args.namespace ?? "default") : "default";
    const networkPolicies = args.networkPolicies ?? true;
    // A `kubernetes` that is not an object is left for the part's own shape check to report.
    const service = <T extends ServiceCommonArgs & { kubernetes?: KubernetesPlacementArgs }>(
        a: T | undefined,
    ): T | undefined =>
        a &&
        (a.kubernetes !== undefined && !isPlainObject(a.kubernetes)
            ? a
            : {
                  ...a,
                  target: a.target ?? common.target,
                  profile: a.profile ?? common.profile,
                  kubernetes: {
                      ...a.kubernetes,
                      namespace: a.kubernetes?.namespace ?? namespace,
                      partOf: a.kubernetes?.partOf ?? name,
                      networkPolicy: a.kubernetes?.networkPolicy ?? networkPolicies,
                  },
              });
    const objectStorage = service(args.objectStorage);
    const postgres = service(args.postgres);
    const redis = service(args.redis);
    const rabbitmq = service(args.rabbitmq);
    const backupToObjectStorage = !!postgres && !!objectStorage && !postgres.backup?.destination;

    const store =
        objectStorage && check.nested("objectStorage.", () => resolveObjectStorage(`${name}-storage`, objectStorage));
    const pg =
        postgres &&
        check.nested("postgres.", () =>
            resolvePostgres(
                `${name}-postgres`,
                backupToObjectStorage
                    ? {
                          ...postgres,
                          backup: {
                              ...postgres.backup,
                              destination: { bucket: "checked-later", credentialsSecretName: "checked-later" },
                          },
                      }
                    : postgres,
            ),
        );
    // The platform's bucket is a fine backup target only when it lives outside the cluster.
    if (
        pg?.backup &&
        backupToObjectStorage &&
        store?.mode === ObjectStorageMode.InCluster &&
        pg.production &&
        !pg.backup.inClusterReason?.trim()
    ) {
        check.fail(
            "postgres.backup.destination",
            "is required: the platform's bucket is inside the cluster (Rook), and losing the cluster would lose the backups; " +
                "give an external destination (an https S3 endpoint), or postgres.backup.inClusterReason",
        );
    }
    if (redis) check.nested("redis.", () => resolveRedis(`${name}-redis`, redis));
    if (rabbitmq) check.nested("rabbitmq.", () => resolveRabbitMQ(`${name}-rabbitmq`, rabbitmq));

    // Checked here, before any service registers, not only by the SharedSecret created last.
    const appSecrets =
        args.appSecrets === undefined ? defaultAppSecrets : checkGeneratedSecrets(check, "appSecrets", args.appSecrets);
    const claimed = Object.values(platformEnv) as string[];
    const claimedMessage = `is set by the Platform from its services; remove it (the Platform fills ${claimed.join(", ")})`;
    for (const key of Object.keys(isPlainObject(args.app.secretEnv) ? args.app.secretEnv : {})) {
        check.require(!claimed.includes(key), `app.secretEnv.${key}`, claimedMessage);
        check.require(
            !(key in appSecrets),
            `app.secretEnv.${key}`,
            "is also generated by appSecrets; a variable has one source",
        );
    }
    for (const key of Object.keys(appSecrets)) {
        check.require(!claimed.includes(key), `appSecrets.${key}`, claimedMessage);
    }
    check.require(
        Object.keys(appSecrets).length > 0 || !!(postgres || redis || rabbitmq || objectStorage),
        "appSecrets",
        "an empty map with no services leaves the Platform nothing to hold; declare a service or an app secret",
    );
    const app: AppTierArgs = {
        ...args.app,
        profile: args.app.profile ?? common.profile,
        namespace: args.app.namespace ?? namespace,
        partOf: args.app.partOf ?? name,
        // With the namespace's default-deny, the app's own policy is what lets the ingress controller in.
        // and the app reaches an in-cluster bucket in Rook's namespace.
        networkPolicy: {
            enabled: networkPolicies,
            egressNamespaces:
                store?.mode === ObjectStorageMode.InCluster ? [store.kubernetes.rookClusterNamespace] : undefined,
            ...args.app.networkPolicy,
        },
    };
    check.nested("app.", () => resolveAppTier(name, app));
    check.throwIfAny();

    return {
        target: common.target,
        namespace,
        app,
        postgres,
        backupToObjectStorage,
        redis,
        rabbitmq,
        objectStorage,
        appSecrets,
        networkPolicies,
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
