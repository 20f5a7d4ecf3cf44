import * as pulumi from "@pulumi/pulumi";
import { AppTier } from "./app-tier";
import { PostgresPlanContext, ServicePlanContext } from "./backends/backend";
import {
    neededOperators,
    objectStorageInCluster,
    platformDefaultDeny,
    platformNamespace,
} from "./backends/kubernetes/platform-parts";
import { AppTierArgs, SecretKeyRefArgs } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { ArgChecker } from "./core/arg-checker";
import { isPlainObject } from "./core/arg-shape";
import { checkGeneratedSecrets, platformShape } from "./core/platform-shape";
import { Profile, SecretEncoding, Target } from "./core/enums";
import { ObjectStorageArgs, ObjectStorageOutputs } from "./core/object-storage-contract";
import { ResolvedObjectStorage } from "./core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs, PostgresOutputs } from "./core/postgres-contract";
import { ResolvedPostgres } from "./core/postgres-resolve";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "./core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "./core/rabbitmq-resolve";
import { RedisClusterArgs, RedisOutputs } from "./core/redis-contract";
import { ResolvedRedis } from "./core/redis-resolve";
import { KubernetesPlacementArgs, ServiceCommonArgs, implementedTargets, resolveCommon } from "./core/services-common";
import { KubernetesOperators, KubernetesOperatorsArgs } from "./kubernetes-operators";
import { ObjectStorage, planObjectStorage } from "./object-storage";
import { PostgresCluster, planPostgres } from "./postgres-cluster";
import { RabbitMQCluster, planRabbitMQ } from "./rabbitmq-cluster";
import { RedisCluster, planRedis } from "./redis-cluster";
import { ServicePlan, handDown } from "./service-plan";
import { GeneratedSecretArgs, SharedSecret } from "./shared-secret";
import { PlatformAwsArgs } from "./core/platform-aws-contract";
import { AwsFoundationPlan, awsAppEndpoints, awsServicePorts, planAwsFoundation } from "./platform-aws";

/** Kubernetes specifics of a Platform: where the app and its Kubernetes services go, and their operators. */
export interface PlatformKubernetesArgs {
    /** Namespace of the app and its services. Default "default". */
    namespace?: pulumi.Input<string>;
    /** Install the operators the Kubernetes services need. Default true; false when the cluster already runs them. */
    installOperators?: boolean;
    /** Override which operators are installed. Default: exactly those the declared services need. */
    operators?: KubernetesOperatorsArgs;
    /**
     * Create the namespace, labelled for Pod Security admission (restricted enforced when only the
     * app runs there, else baseline). Default: true when the Platform creates its cluster (target
     * aws without an existing cluster: nothing is there yet) and the namespace is not "default",
     * else false (the namespace exists).
     */
    createNamespace?: boolean;
}

/** Arguments of {@link Platform}: one app and the services it declares. */
export interface PlatformArgs {
    /**
     * Where the app and its services run. `Target.Kubernetes`: on the cluster of the Kubernetes
     * provider, services on operators. `Target.Aws`: a VPC and an EKS cluster (`aws`), the app on
     * EKS, services on Aurora/RDS, ElastiCache, Amazon MQ and S3. A service may set its own target.
     * Default `Target.Kubernetes`.
     */
    target?: Target;
    /** HA defaults for the app and every service (each may override its own). Default `Profile.Production`. */
    profile?: Profile;
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
    /** Kubernetes specifics: namespace and operators (also of the EKS cluster on target aws). */
    kubernetes?: PlatformKubernetesArgs;
    /** AWS specifics (target aws only): region, VPC, EKS cluster, Secrets Manager. Default: all created, in the provider's region. */
    aws?: PlatformAwsArgs;
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
    /** The EKS cluster's name (target aws). */
    public readonly clusterName?: pulumi.Output<string>;
    /** Kubeconfig of the EKS cluster (target aws); a Pulumi secret. */
    public readonly kubeconfig?: pulumi.Output<string>;
    /** ARN of the Secrets Manager secret holding the app's settings (target aws). */
    public readonly awsSecretArn?: pulumi.Output<string>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planPlatform(name, args);
        super("pulumi-ha:index:Platform", name, {}, opts);
        // On aws, every Kubernetes object goes to the Platform's EKS cluster, through its provider.
        const cluster = plan.aws?.create(this, name);
        const providers = cluster ? [cluster.provider] : undefined;
        const child = { parent: this, providers };

        const namespace = plan.createNamespace
            ? platformNamespace(this, name, plan.namespace, cluster?.provider, plan.onlyTheApp)
            : plan.namespace;
        if (plan.networkPolicies) platformDefaultDeny(this, name, namespace, cluster?.provider);
        const operators = plan.operators
            ? new KubernetesOperators(`${name}-operators`, plan.operators, child)
            : undefined;
        const after = (deps?: pulumi.Resource[]) => ({
            parent: this,
            providers,
            dependsOn: deps && deps.length > 0 ? deps : undefined,
        });

        // Each part is constructed with the plan made above (handDown): resolved once.
        let store: ObjectStorage | undefined;
        let pg: PostgresCluster | undefined;
        let redis: RedisCluster | undefined;
        let mq: RabbitMQCluster | undefined;
        const env: Record<string, pulumi.Input<string>> = {};
        const refs: Record<string, SecretKeyRefArgs> = {};
        if (plan.objectStorage) {
            const [storeArgs, storePlan] = plan.objectStorage;
            store = new ObjectStorage(
                `${name}-storage`,
                handDown(storeArgs, storePlan),
                after(operators?.objectStorage),
            );
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
        // Postgres reads its backup destination from the store when it is created (plan.backupStore).
        plan.backupStore.store = store;
        if (plan.postgres) {
            const [pgArgs, pgPlan] = plan.postgres;
            pg = new PostgresCluster(`${name}-postgres`, handDown(pgArgs, pgPlan), after(operators?.postgres));
            env[platformEnv.databaseUrl] = pg.writerUrl;
            env[platformEnv.databaseReadUrl] = pg.readerUrl;
        }
        if (plan.redis) {
            const [redisArgs, redisPlan] = plan.redis;
            redis = new RedisCluster(`${name}-redis`, handDown(redisArgs, redisPlan), after(operators?.redis));
            env[platformEnv.redisUrl] = redis.url;
            if (redis.caCertificate) env[platformEnv.redisCa] = redis.caCertificate;
        }
        if (plan.rabbitmq) {
            const [mqArgs, mqPlan] = plan.rabbitmq;
            mq = new RabbitMQCluster(`${name}-rabbitmq`, handDown(mqArgs, mqPlan), after(operators?.rabbitmq));
            env[platformEnv.amqpUrl] = mq.url;
            if (mq.caCertificate) env[platformEnv.amqpCa] = mq.caCertificate;
        }

        const secrets = new SharedSecret(
            `${name}-env`,
            {
                generated: plan.appSecrets,
                values: env,
                partOf: name,
                kubernetes: { namespace },
                target: plan.aws ? Target.Aws : undefined,
                aws: plan.aws?.secrets,
            },
            child,
        );
        for (const key of secrets.keys) refs[key] = secrets.ref(key);

        const app = new AppTier(
            name,
            {
                ...plan.app,
                namespace: plan.createNamespace ? namespace : plan.app.namespace,
                secretEnv: { ...plan.app.secretEnv, ...refs },
            },
            child,
        );
        this.url = app.url;
        this.serviceName = app.serviceName;
        this.secretName = secrets.secretName;
        this.databaseWriterEndpoint = pg?.writerEndpoint;
        this.databaseReaderEndpoint = pg?.readerEndpoint;
        this.redisEndpoint = redis?.primaryEndpoint;
        this.amqpEndpoint = mq?.amqpEndpoint;
        this.bucket = store?.bucket;
        this.clusterName = cluster?.clusterName;
        this.kubeconfig = cluster?.kubeconfig;
        this.awsSecretArn = secrets.awsSecretArn;
        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            awsSecretArn: this.awsSecretArn,
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

/** A part's arguments (as the Platform completed them) and its plan. */
type Part<Args, Resolved, Outputs> = [Args, ServicePlan<Resolved, Outputs>];

interface PlatformPlan {
    target: Target;
    namespace: pulumi.Input<string>;
    app: AppTierArgs;
    postgres?: Part<PostgresClusterArgs, ResolvedPostgres, PostgresOutputs>;
    redis?: Part<RedisClusterArgs, ResolvedRedis, RedisOutputs>;
    rabbitmq?: Part<RabbitMQClusterArgs, ResolvedRabbitMQ, RabbitMQOutputs>;
    objectStorage?: Part<ObjectStorageArgs, ResolvedObjectStorage, ObjectStorageOutputs>;
    /** The bucket Postgres backs up to, once created (read by the Postgres plan's context). */
    backupStore: { store?: ObjectStorage };
    appSecrets: Record<string, GeneratedSecretArgs>;
    /** The operators to install, when the Platform installs them. */
    operators?: KubernetesOperatorsArgs;
    networkPolicies: boolean;
    /** The VPC and EKS cluster (target aws). */
    aws?: AwsFoundationPlan;
    createNamespace: boolean;
    /** No service runs in the namespace, only the app. */
    onlyTheApp: boolean;
}

/**
 * Applies the platform's target, profile and namespace to every part and plans every part
 * (its own neutral and target rules) once, so one error lists every problem before anything
 * exists; the constructor hands each plan down.
 */
function planPlatform(name: string, given: PlatformArgs): PlatformPlan {
    const check = new ArgChecker(`Platform "${name}"`);
    // Types first; without an app there is nothing to plan.
    const args = check.args(given, platformShape);
    const common = resolveCommon(check, { target: args.target, profile: args.profile });
    // Every part inherits the target: an unusable one would be reported once per part.
    if (!implementedTargets.includes(common.target)) check.throwIfAny();
    const k = args.kubernetes;
    // A bad namespace is reported once, here, rather than again by every part it would reach.
    const namespace = check.namespace("kubernetes.namespace", k?.namespace) ? (k?.namespace ?? "default") : "default";
    const networkPolicies = args.networkPolicies ?? true;
    const onAws = common.target === Target.Aws;
    check.require(
        onAws || args.aws === undefined,
        "aws",
        `applies only with target "${Target.Aws}" (got target "${common.target}")`,
    );
    // A part's own target, else the Platform's.
    const targetOf = (a: ServiceCommonArgs | undefined) => a?.target ?? common.target;
    const onTarget = (a: ServiceCommonArgs | undefined, target: Target) => a !== undefined && targetOf(a) === target;
    // A `kubernetes` that is not an object is left for the part's own shape check to report.
    const service = <T extends ServiceCommonArgs & { kubernetes?: KubernetesPlacementArgs }>(
        a: T | undefined,
    ): T | undefined =>
        a &&
        (a.kubernetes !== undefined && !isPlainObject(a.kubernetes)
            ? a
            : {
                  ...a,
                  target: targetOf(a),
                  profile: a.profile ?? common.profile,
                  ...(targetOf(a) === Target.Kubernetes
                      ? {
                            kubernetes: {
                                ...a.kubernetes,
                                namespace: a.kubernetes?.namespace ?? namespace,
                                partOf: a.kubernetes?.partOf ?? name,
                                networkPolicy: a.kubernetes?.networkPolicy ?? networkPolicies,
                            },
                        }
                      : {}),
              });
    const objectStorage = service(args.objectStorage);
    const postgres = service(args.postgres);
    const redis = service(args.redis);
    const rabbitmq = service(args.rabbitmq);

    // On aws: the VPC and EKS cluster first, the services then placed on them.
    const storeOnAws = onTarget(objectStorage, Target.Aws);
    const serviceAccountName = args.app.serviceAccountName ?? (onAws && storeOnAws ? name : undefined);
    const foundation = onAws
        ? planAwsFoundation(check, name, args.aws, common.profile, {
              clientGroup: [postgres, redis, rabbitmq].some((a) => onTarget(a, Target.Aws)),
              appServiceAccount:
                  storeOnAws && serviceAccountName !== undefined
                      ? { namespace: args.app.namespace ?? namespace, name: serviceAccountName }
                      : undefined,
          })
        : undefined;
    // Without its network and cluster, an aws service has nowhere to be placed: report those first.
    if (onAws && foundation === undefined) check.throwIfAny();
    const contextOf = (a: ServiceCommonArgs): ServicePlanContext | undefined =>
        targetOf(a) === Target.Aws ? foundation?.services : undefined;
    const placed = <A extends ServiceCommonArgs, R, O>(a: A, plan: ServicePlan<R, O>): ServicePlan<R, O> =>
        targetOf(a) === Target.Aws && foundation ? foundation.regional(plan) : plan;

    const part = <A extends ServiceCommonArgs, R, O>(
        prefix: string,
        a: A | undefined,
        planPart: (a: A) => ServicePlan<R, O>,
    ) => (a === undefined ? undefined : check.nested(prefix, (): Part<A, R, O> => [a, placed(a, planPart(a))]));
    const storePart = part("objectStorage.", objectStorage, (a) =>
        planObjectStorage(`${name}-storage`, a, contextOf(a)),
    );
    const backupStore: PlatformPlan["backupStore"] = {};
    // Without a destination of its own, Postgres on Kubernetes backs up to the platform's bucket
    // when that is on Kubernetes too (a managed database keeps its own backups).
    const context: PostgresPlanContext | undefined =
        objectStorage &&
        storePart &&
        onTarget(postgres, Target.Kubernetes) &&
        onTarget(objectStorage, Target.Kubernetes)
            ? {
                  backupStore: {
                      inCluster: objectStorageInCluster(objectStorage),
                      destination: () => backupDestination(backupStore.store!),
                  },
              }
            : postgres && contextOf(postgres);
    const pgPart = part("postgres.", postgres, (a) => planPostgres(`${name}-postgres`, a, context));
    const redisPart = part("redis.", redis, (a) => planRedis(`${name}-redis`, a, contextOf(a)));
    const mqPart = part("rabbitmq.", rabbitmq, (a) => planRabbitMQ(`${name}-rabbitmq`, a, contextOf(a)));

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
    const rookNamespace = (a: ObjectStorageArgs | undefined) =>
        a && objectStorageInCluster(a) ? [a.kubernetes?.rookClusterNamespace ?? "rook-ceph"] : undefined;
    // Managed services live outside the cluster: the app reaches them on their ports (their
    // security groups admit only the cluster), and S3, Secrets Manager and STS on 443.
    const managedPorts = awsServicePorts({
        postgres: onTarget(postgres, Target.Aws),
        redis: onTarget(redis, Target.Aws),
        rabbitmq: onTarget(rabbitmq, Target.Aws),
    });
    const app: AppTierArgs = {
        ...args.app,
        profile: args.app.profile ?? common.profile,
        namespace: args.app.namespace ?? namespace,
        partOf: args.app.partOf ?? name,
        serviceAccountName,
        // With the namespace's default-deny, the app's own policy is what lets the ingress controller in,
        // and the app reaches an in-cluster bucket in Rook's namespace.
        networkPolicy: {
            enabled: networkPolicies,
            egressNamespaces:
                storePart && onTarget(objectStorage, Target.Kubernetes) ? rookNamespace(objectStorage) : undefined,
            egressPorts: managedPorts.length > 0 ? [443, ...managedPorts] : undefined,
            egressEndpoints: onAws ? awsAppEndpoints(storeOnAws) : undefined,
            ...args.app.networkPolicy,
        },
    };
    check.nested("app.", () => resolveAppTier(name, app));
    check.throwIfAny();

    const onKubernetes = (p?: Part<unknown, { target: Target }, unknown>) =>
        p?.[1].resolved.target === Target.Kubernetes;
    const needed = neededOperators({
        postgres: onKubernetes(pgPart) ? { backups: !!pgPart![1].resolved.backup } : undefined,
        redis: onKubernetes(redisPart),
        rabbitmq: onKubernetes(mqPart),
        objectStorage: onKubernetes(storePart) ? objectStorage : undefined,
    });
    // On aws, managed services need no operator: nothing is installed unless asked for.
    const wanted = !onAws || Object.values(needed).some(Boolean) || k?.operators !== undefined;
    const operators = (k?.installOperators ?? true) && wanted ? { ...needed, ...k?.operators } : undefined;
    return {
        target: common.target,
        namespace,
        app,
        postgres: pgPart,
        redis: redisPart,
        rabbitmq: mqPart,
        objectStorage: storePart,
        backupStore,
        appSecrets,
        operators,
        networkPolicies,
        aws: foundation,
        // "default" exists on every cluster: creating it would fail.
        createNamespace:
            k?.createNamespace ?? (onAws && args.aws?.cluster?.aws?.existing === undefined && namespace !== "default"),
        onlyTheApp: ![pgPart, redisPart, mqPart, storePart].some(onKubernetes),
    };
}
