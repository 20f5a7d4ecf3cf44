import * as pulumi from "@pulumi/pulumi";
import { AppTier } from "./app-tier";
import { platformDefaultDeny, platformNamespace } from "./backends/kubernetes/platform-parts";
import { AppTierArgs, SecretKeyRefArgs } from "./core/app-tier-contract";
import { Profile, Target } from "./core/enums";
import { ObjectStorageArgs } from "./core/object-storage-contract";
import { PlatformAwsArgs } from "./core/platform-aws-contract";
import { PlatformGcpArgs } from "./core/platform-gcp-contract";
import { PostgresClusterArgs } from "./core/postgres-contract";
import { RabbitMQClusterArgs } from "./core/rabbitmq-contract";
import { RedisClusterArgs } from "./core/redis-contract";
import { KubernetesOperators, KubernetesOperatorsArgs } from "./kubernetes-operators";
import { ObjectStorage } from "./object-storage";
import { planPlatform, platformEnv } from "./platform-plan";
import { PostgresCluster } from "./postgres-cluster";
import { RabbitMQCluster } from "./rabbitmq-cluster";
import { RedisCluster } from "./redis-cluster";
import { handDown } from "./service-plan";
import { GeneratedSecretArgs, SharedSecret } from "./shared-secret";

export { platformEnv };

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
     * aws or gcp without an existing cluster: nothing is there yet) and the namespace is not "default",
     * else false (the namespace exists).
     */
    createNamespace?: boolean;
}

/** Arguments of {@link Platform}: one app and the services it declares. */
export interface PlatformArgs {
    /**
     * Where the app and its services run. `Target.Kubernetes`: on the cluster of the Kubernetes
     * provider, services on operators. `Target.Aws`: a VPC and an EKS cluster (`aws`), the app on
     * EKS, services on Aurora/RDS, ElastiCache, Amazon MQ and S3. `Target.Gcp`: a VPC and a regional
     * GKE cluster (`gcp`), the app on GKE, services on Cloud SQL, Memorystore and Cloud Storage,
     * RabbitMQ on GKE (its operator). A service may set its own target.
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
    /** Kubernetes specifics: namespace and operators (also of the EKS or GKE cluster on targets aws and gcp). */
    kubernetes?: PlatformKubernetesArgs;
    /** AWS specifics (target aws only): region, VPC, EKS cluster, Secrets Manager. Default: all created, in the provider's region. */
    aws?: PlatformAwsArgs;
    /** GCP specifics (target gcp only): region, project, VPC, GKE cluster, Secret Manager. Default: all created, in the provider's region and project. */
    gcp?: PlatformGcpArgs;
}

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
    /** The EKS or GKE cluster's name (targets aws and gcp). */
    public readonly clusterName?: pulumi.Output<string>;
    /** Kubeconfig of the EKS or GKE cluster (targets aws and gcp); a Pulumi secret. */
    public readonly kubeconfig?: pulumi.Output<string>;
    /** ARN of the Secrets Manager secret holding the app's settings (target aws). */
    public readonly awsSecretArn?: pulumi.Output<string>;
    /** Resource name of the Secret Manager secret holding the app's settings (target gcp). */
    public readonly gcpSecretName?: pulumi.Output<string>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planPlatform(name, args);
        super("pulumi-ha:index:Platform", name, {}, opts);
        // On a cloud, every Kubernetes object goes to the Platform's EKS or GKE cluster, through its provider.
        const cluster = plan.foundation?.create(this, name);
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
            // GCS's HMAC key (S3-compatible access) is a Pulumi secret: it joins the Platform's Secret.
            if (store.accessKeyId && store.secretAccessKey) {
                env[platformEnv.s3AccessKeyId] = store.accessKeyId;
                env[platformEnv.s3SecretAccessKey] = store.secretAccessKey;
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
                ...plan.sharedSecret,
            },
            child,
        );
        for (const key of secrets.keys) refs[key] = secrets.ref(key);

        // GKE Workload Identity: the app's ServiceAccount names the bucket's Google service account.
        const identity = plan.annotateWorkloadIdentity ? store?.workloadIdentity : undefined;
        const app = new AppTier(
            name,
            {
                ...plan.app,
                ...(identity
                    ? {
                          serviceAccountAnnotations: {
                              ...plan.app.serviceAccountAnnotations,
                              "iam.gke.io/gcp-service-account": identity,
                          },
                      }
                    : {}),
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
        this.gcpSecretName = secrets.gcpSecretName;
        this.registerOutputs({
            gcpSecretName: this.gcpSecretName,
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
