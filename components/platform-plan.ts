// How a Platform checks and plans every part before it registers anything (see platform.ts).
import * as pulumi from "@pulumi/pulumi";
import { PostgresPlanContext, ServicePlanContext } from "./backends/backend";
import { neededOperators, objectStorageInCluster } from "./backends/kubernetes/platform-parts";
import { AppTierArgs } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { ArgChecker } from "./core/arg-checker";
import { isPlainObject } from "./core/arg-shape";
import { checkGeneratedSecrets, platformShape } from "./core/platform-shape";
import { SecretEncoding, Target } from "./core/enums";
import { ObjectStorageArgs, ObjectStorageOutputs } from "./core/object-storage-contract";
import { ResolvedObjectStorage } from "./core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs, PostgresOutputs } from "./core/postgres-contract";
import { ResolvedPostgres } from "./core/postgres-resolve";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "./core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "./core/rabbitmq-resolve";
import { RedisClusterArgs, RedisOutputs } from "./core/redis-contract";
import { ResolvedRedis } from "./core/redis-resolve";
import { KubernetesPlacementArgs, ServiceCommonArgs, implementedTargets, resolveCommon } from "./core/services-common";
import { KubernetesOperatorsArgs } from "./kubernetes-operators";
import type { ObjectStorage } from "./object-storage";
import { planObjectStorage } from "./object-storage";
import type { PlatformArgs } from "./platform";
import { AwsFoundationPlan, awsAppEndpoints, awsServicePorts, planAwsFoundation } from "./platform-aws";
import { planPostgres } from "./postgres-cluster";
import { planRabbitMQ } from "./rabbitmq-cluster";
import { planRedis } from "./redis-cluster";
import { ServicePlan } from "./service-plan";
import { GeneratedSecretArgs } from "./shared-secret";

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

export interface PlatformPlan {
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
export function planPlatform(name: string, given: PlatformArgs): PlatformPlan {
    const check = new ArgChecker(`Platform "${name}"`);
    // Types first; without an app there is nothing to plan.
    const args = check.args(given, platformShape);
    const common = resolveCommon(check, { target: args.target, profile: args.profile });
    // Every part inherits the target: an unusable one would be reported once per part.
    check.require(
        common.target !== Target.Gcp,
        "target",
        `"gcp" is not implemented yet for Platform; implemented: "kubernetes", "aws"`,
    );
    if (!implementedTargets.includes(common.target) || common.target === Target.Gcp) check.throwIfAny();
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
