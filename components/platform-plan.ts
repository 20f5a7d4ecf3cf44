// How a Platform checks and plans every part before it registers anything (see platform.ts).
import * as pulumi from "@pulumi/pulumi";
import { PostgresPlanContext, ServicePlanContext } from "./backends/backend";
import { neededOperators, objectStorageInCluster } from "./backends/kubernetes/platform-parts";
import { AppTierArgs } from "./core/app-tier-contract";
import { resolveAppTier } from "./core/app-tier-resolve";
import { ArgChecker } from "./core/arg-checker";
import { isPlainObject } from "./core/arg-shape";
import { checkGeneratedSecrets, platformShape } from "./core/platform-shape";
import { SecretEncoding, Target, enumValues } from "./core/enums";
import { ObjectStorageArgs, ObjectStorageOutputs } from "./core/object-storage-contract";
import { ResolvedObjectStorage } from "./core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs, PostgresOutputs } from "./core/postgres-contract";
import { ResolvedPostgres } from "./core/postgres-resolve";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "./core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "./core/rabbitmq-resolve";
import { RedisClusterArgs, RedisOutputs } from "./core/redis-contract";
import { ResolvedRedis } from "./core/redis-resolve";
import { KubernetesPlacementArgs, ServiceCommonArgs, resolveCommon } from "./core/services-common";
import { KubernetesOperatorsArgs } from "./kubernetes-operators";
import type { ObjectStorage } from "./object-storage";
import { planObjectStorage } from "./object-storage";
import type { PlatformArgs } from "./platform";
import { AwsFoundationPlan, awsAppEndpoints, awsServicePorts, planAwsFoundation } from "./platform-aws";
import { GcpFoundationPlan, gcpServicePorts, gkeMetadataServer, planGcpFoundation } from "./platform-gcp";
import { planPostgres } from "./postgres-cluster";
import { planRabbitMQ } from "./rabbitmq-cluster";
import { planRedis } from "./redis-cluster";
import { ServicePlan } from "./service-plan";
import { GeneratedSecretArgs, SharedSecretArgs } from "./shared-secret";

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
    /** The VPC and cluster of a cloud target (aws: EKS, gcp: GKE) and where its secret is kept. */
    foundation?: AwsFoundationPlan | GcpFoundationPlan;
    /** The Platform's SharedSecret target and cloud settings. */
    sharedSecret: Pick<SharedSecretArgs, "target" | "aws" | "gcp">;
    /** The app's ServiceAccount is annotated with the bucket's Google service account (GKE Workload Identity). */
    annotateWorkloadIdentity: boolean;
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
    // Every part inherits the target: an unknown one would be reported once per part.
    if (!enumValues(Target).includes(common.target)) check.throwIfAny();
    const k = args.kubernetes;
    // A bad namespace is reported once, here, rather than again by every part it would reach.
    const namespace = check.namespace("kubernetes.namespace", k?.namespace) ? (k?.namespace ?? "default") : "default";
    const networkPolicies = args.networkPolicies ?? true;
    const onAws = common.target === Target.Aws;
    const onGcp = common.target === Target.Gcp;
    for (const [cloud, given] of [
        [Target.Aws, args.aws],
        [Target.Gcp, args.gcp],
    ] as const)
        check.require(
            common.target === cloud || given === undefined,
            cloud,
            `applies only with target "${cloud}" (got target "${common.target}")`,
        );
    // A part's own target, else the Platform's.
    const targetOf = (a: ServiceCommonArgs | undefined) => a?.target ?? common.target;
    const onTarget = (a: ServiceCommonArgs | undefined, target: Target) => a !== undefined && targetOf(a) === target;
    // A part in the cluster: on target kubernetes, or RabbitMQ on gcp (on GKE, there being no managed one).
    const inCluster = (a: ServiceCommonArgs, onGke: boolean) =>
        targetOf(a) === Target.Kubernetes || (onGke && targetOf(a) === Target.Gcp);
    // A `kubernetes` that is not an object is left for the part's own shape check to report.
    const service = <T extends ServiceCommonArgs & { kubernetes?: KubernetesPlacementArgs }>(
        a: T | undefined,
        onGke = false,
    ): T | undefined =>
        a &&
        (a.kubernetes !== undefined && !isPlainObject(a.kubernetes)
            ? a
            : {
                  ...a,
                  target: targetOf(a),
                  profile: a.profile ?? common.profile,
                  ...(inCluster(a, onGke)
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
    const rabbitmq = service(args.rabbitmq, true);

    // On a cloud: the VPC and cluster first, the services then placed on them.
    const onCloud = onAws || onGcp;
    const storeOnCloud = onCloud && onTarget(objectStorage, common.target);
    const serviceAccountName = args.app.serviceAccountName ?? (storeOnCloud ? name : undefined);
    const appServiceAccount =
        storeOnCloud && serviceAccountName !== undefined
            ? { namespace: args.app.namespace ?? namespace, name: serviceAccountName }
            : undefined;
    const foundation = onAws
        ? planAwsFoundation(check, name, args.aws, common.profile, {
              clientGroup: [postgres, redis, rabbitmq].some((a) => onTarget(a, Target.Aws)),
              appServiceAccount,
          })
        : onGcp
          ? planGcpFoundation(check, name, args.gcp, common.profile, { appServiceAccount })
          : undefined;
    // Without its network and cluster, a cloud service has nowhere to be placed: report those first.
    if (onCloud && foundation === undefined) check.throwIfAny();
    const contextOf = (a: ServiceCommonArgs): ServicePlanContext | undefined =>
        onCloud && targetOf(a) === common.target ? foundation?.services : undefined;
    const placed = <A extends ServiceCommonArgs, R, O>(a: A, plan: ServicePlan<R, O>): ServicePlan<R, O> =>
        onCloud && targetOf(a) === common.target && foundation ? foundation.regional(plan) : plan;

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
    // Managed services live outside the cluster: the app reaches them on their ports (on AWS their
    // security groups admit only the cluster; on GCP they have private IPs only), and the cloud's APIs on 443.
    const gcpPorts = gcpServicePorts({
        postgres: onTarget(postgres, Target.Gcp),
        redis: onTarget(redis, Target.Gcp) ? redisPart?.[1].resolved : undefined,
    });
    const managedPorts = [
        ...awsServicePorts({
            postgres: onTarget(postgres, Target.Aws),
            redis: onTarget(redis, Target.Aws),
            rabbitmq: onTarget(rabbitmq, Target.Aws),
        }),
        ...gcpPorts.ports,
    ];
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
            egressPortRanges: gcpPorts.ranges.length > 0 ? gcpPorts.ranges : undefined,
            egressEndpoints: onAws
                ? awsAppEndpoints(storeOnCloud)
                : onGcp && storeOnCloud
                  ? [...gkeMetadataServer]
                  : undefined,
            ...args.app.networkPolicy,
        },
    };
    check.nested("app.", () => resolveAppTier(name, app));
    check.throwIfAny();

    const onKubernetes = (p?: Part<unknown, { target: Target }, unknown>) =>
        p?.[1].resolved.target === Target.Kubernetes;
    // A cluster the Platform creates is empty: its namespace must be made.
    const newCluster =
        (onAws && args.aws?.cluster?.aws?.existing === undefined) ||
        (onGcp && args.gcp?.cluster?.gcp?.existing === undefined);
    const mqInCluster = rabbitmq !== undefined && inCluster(rabbitmq, true);
    const needed = neededOperators({
        postgres: onKubernetes(pgPart) ? { backups: !!pgPart![1].resolved.backup } : undefined,
        redis: onKubernetes(redisPart),
        rabbitmq: mqInCluster,
        objectStorage: onKubernetes(storePart) ? objectStorage : undefined,
    });
    // On a cloud, managed services need no operator: nothing is installed unless asked for.
    const wanted = !onCloud || Object.values(needed).some(Boolean) || k?.operators !== undefined;
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
        foundation,
        sharedSecret: onAws
            ? { target: Target.Aws, aws: (foundation as AwsFoundationPlan).secrets }
            : onGcp
              ? { target: Target.Gcp, gcp: (foundation as GcpFoundationPlan).secrets }
              : {},
        annotateWorkloadIdentity: onGcp && storeOnCloud,
        // "default" exists on every cluster: creating it would fail.
        createNamespace: k?.createNamespace ?? (newCluster && namespace !== "default"),
        onlyTheApp: !mqInCluster && ![pgPart, redisPart, storePart].some(onKubernetes),
    };
}
