import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { operatorPins } from "./backends/kubernetes/operator-pins";
import { checkKubernetesOperatorsArgs } from "./core/platform-shape";

/** Which operators to install. Set one false when the cluster already runs it. */
export interface KubernetesOperatorsArgs {
    /** cert-manager (needed by the Barman Cloud plugin). Default true. */
    certManager?: boolean;
    /** CloudNativePG, for PostgresCluster. Default true. */
    cloudnativePg?: boolean;
    /** Barman Cloud plugin, for Postgres backups. Default: as `cloudnativePg`. */
    barmanCloudPlugin?: boolean;
    /** OT-Container-Kit redis-operator, for RedisCluster. Default true. */
    redisOperator?: boolean;
    /** RabbitMQ Cluster Operator, for RabbitMQCluster. Default true. */
    rabbitmqOperator?: boolean;
    /** Rook Ceph operator, for in-cluster ObjectStorage. Default false: it needs a CephCluster on raw disks, which most clusters manage themselves. */
    rook?: boolean;
}

/**
 * The operators the Kubernetes data services stand on, each from its official Helm chart
 * (the RabbitMQ operator from its release manifest) at a pinned version. The provider
 * fetches charts and manifests when it deploys; the program fetches nothing. Pass
 * `postgres`, `redis`, `rabbitmq` or `objectStorage` as `dependsOn` of a service, so its
 * custom resources wait for the CRDs and webhooks.
 */
export class KubernetesOperators extends pulumi.ComponentResource {
    /** What a PostgresCluster must wait for (CloudNativePG, Barman Cloud plugin, cert-manager). */
    public readonly postgres: pulumi.Resource[] = [];
    /** What a RedisCluster must wait for. */
    public readonly redis: pulumi.Resource[] = [];
    /** What a RabbitMQCluster must wait for. */
    public readonly rabbitmq: pulumi.Resource[] = [];
    /** What an in-cluster ObjectStorage must wait for. */
    public readonly objectStorage: pulumi.Resource[] = [];

    constructor(name: string, args: KubernetesOperatorsArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        args = checkKubernetesOperatorsArgs(name, args);
        super("pulumi-ha:index:KubernetesOperators", name, {}, opts);
        const release = (
            suffix: string,
            pin: { chart: string; repo: string; version: string; namespace: string },
            values: Record<string, unknown>,
            dependsOn: pulumi.Resource[] = [],
        ) =>
            new k8s.helm.v3.Release(
                `${name}-${suffix}`,
                {
                    chart: pin.chart,
                    version: pin.version,
                    repositoryOpts: { repo: pin.repo },
                    namespace: pin.namespace,
                    createNamespace: true,
                    // Roll back a failed install or upgrade instead of leaving it half-applied.
                    atomic: true,
                    values,
                },
                { parent: this, dependsOn },
            );

        const certManager =
            (args.certManager ?? true)
                ? release("cert-manager", operatorPins.certManager, { crds: { enabled: true } })
                : undefined;
        if (args.cloudnativePg ?? true) {
            const cnpg = release("cloudnative-pg", operatorPins.cloudnativePg, {});
            this.postgres.push(cnpg);
            if (args.barmanCloudPlugin ?? true) {
                const pin = operatorPins.barmanCloud;
                this.postgres.push(
                    release(
                        "barman-cloud",
                        pin,
                        { image: { tag: pin.imageTag }, sidecarImage: { tag: pin.imageTag } },
                        [cnpg, ...(certManager ? [certManager] : [])],
                    ),
                );
            }
        }
        if (args.redisOperator ?? true) this.redis.push(release("redis-operator", operatorPins.redisOperator, {}));
        if (args.rabbitmqOperator ?? true) {
            this.rabbitmq.push(
                new k8s.yaml.v2.ConfigFile(
                    `${name}-rabbitmq-operator`,
                    { file: operatorPins.rabbitmqOperator.manifest },
                    { parent: this },
                ),
            );
        }
        if (args.rook ?? false) this.objectStorage.push(release("rook-ceph", operatorPins.rook, {}));
        this.registerOutputs({});
    }
}
