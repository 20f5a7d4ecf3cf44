import * as assert from "assert";
import { RecordedResource, RunResult } from "../scripts/harness/mock-engine";
import { plain } from "../scripts/harness/wire";

/** Resources of a type token, e.g. "kubernetes:apps/v1:Deployment". */
export function ofType(run: RunResult, type: string): RecordedResource[] {
    return run.resources.filter((r) => r.type === type);
}

/** The one resource of a type (and name); fails the test when there is not exactly one. */
export function one(run: RunResult, type: string, name?: string): RecordedResource {
    const found = ofType(run, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
    return found[0];
}

/** A resource's inputs with secret wrappers removed. */
export function inputsOf(r: RecordedResource): any {
    return plain(r.inputs);
}

export const T = {
    Stack: "pulumi:pulumi:Stack",
    AppTier: "pulumi-ha:index:AppTier",
    SharedSecret: "pulumi-ha:index:SharedSecret",
    Deployment: "kubernetes:apps/v1:Deployment",
    StatefulSet: "kubernetes:apps/v1:StatefulSet",
    Service: "kubernetes:core/v1:Service",
    ConfigMap: "kubernetes:core/v1:ConfigMap",
    Secret: "kubernetes:core/v1:Secret",
    Namespace: "kubernetes:core/v1:Namespace",
    Pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    Hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    Ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    NetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    RandomBytes: "random:index/randomBytes:RandomBytes",
    RandomPassword: "random:index/randomPassword:RandomPassword",
    TlsPrivateKey: "tls:index/privateKey:PrivateKey",
    TlsSelfSignedCert: "tls:index/selfSignedCert:SelfSignedCert",
    TlsCertRequest: "tls:index/certRequest:CertRequest",
    TlsLocallySignedCert: "tls:index/locallySignedCert:LocallySignedCert",
    StorageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
    HelmRelease: "kubernetes:helm.sh/v3:Release",
    ConfigFile: "kubernetes:yaml/v2:ConfigFile",
    PostgresCluster: "pulumi-ha:index:PostgresCluster",
    RedisCluster: "pulumi-ha:index:RedisCluster",
    RabbitMQCluster: "pulumi-ha:index:RabbitMQCluster",
    ObjectStorage: "pulumi-ha:index:ObjectStorage",
    Platform: "pulumi-ha:index:Platform",
    KubernetesOperators: "pulumi-ha:index:KubernetesOperators",
    CnpgCluster: "kubernetes:postgresql.cnpg.io/v1:Cluster",
    ScheduledBackup: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
    Pooler: "kubernetes:postgresql.cnpg.io/v1:Pooler",
    BarmanObjectStore: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
    RedisClusterCR: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster",
    RedisReplication: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisReplication",
    RedisSentinel: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisSentinel",
    RabbitmqClusterCR: "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster",
    CephObjectStore: "kubernetes:ceph.rook.io/v1:CephObjectStore",
    ObjectBucketClaim: "kubernetes:objectbucket.io/v1alpha1:ObjectBucketClaim",
} as const;

/** The types of a component's direct children, sorted. */
export function childTypes(run: RunResult, parent: RecordedResource): string[] {
    return run.resources
        .filter((r) => r.parent === parent.urn)
        .map((r) => r.type)
        .sort();
}
