import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";
import { RawResource } from "./raw-pack";

/**
 * AWS resources for the pack's AWS policies, registered by a program under the mock engine
 * (so the real analyzer judges what a program sends). The values are the inputs we send,
 * not proof that AWS accepts them. Zones are eu-west-1a/b/c.
 */

export const zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

/** Tags that exempt a resource from `policy`, with a reason. */
export function exempt(policy: string, reason = "scratch copy for a load test"): Record<string, string> {
    return { [`pulumi-ha.io/exempt-${policy}`]: reason };
}

/** `value` at update, unknown at preview (it waits on a RandomInteger, which the mocks leave unknown then). */
export function unknownAtPreview<T>(name: string, value: T): pulumi.Output<T> {
    return new random.RandomInteger(name, { min: 0, max: 1 }).result.apply(() => value);
}

/** An Aurora PostgreSQL cluster that passes every RDS policy, with no instances. */
export function auroraCluster(name: string, args: Partial<aws.rds.ClusterArgs> = {}): aws.rds.Cluster {
    return new aws.rds.Cluster(name, {
        engine: "aurora-postgresql",
        clusterIdentifier: name,
        masterUsername: "app",
        manageMasterUserPassword: true,
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        deletionProtection: true,
        ...args,
    });
}

export function clusterInstance(
    name: string,
    cluster: aws.rds.Cluster,
    availabilityZone: pulumi.Input<string> | undefined,
    args: Partial<aws.rds.ClusterInstanceArgs> = {},
): aws.rds.ClusterInstance {
    return new aws.rds.ClusterInstance(name, {
        clusterIdentifier: cluster.id,
        engine: "aurora-postgresql",
        instanceClass: "db.r6g.large",
        availabilityZone,
        ...args,
    });
}

/** A cluster with one instance in each of `instanceZones` (undefined: no availabilityZone). */
export function aurora(
    name: string,
    instanceZones: Array<string | undefined>,
    args: Partial<aws.rds.ClusterArgs> = {},
): aws.rds.Cluster {
    const cluster = auroraCluster(name, args);
    instanceZones.forEach((zone, i) => clusterInstance(`${name}-${i + 1}`, cluster, zone));
    return cluster;
}

/** A plain RDS PostgreSQL instance that passes every RDS policy. */
export function rdsInstance(name: string, args: Partial<aws.rds.InstanceArgs> = {}): aws.rds.Instance {
    return new aws.rds.Instance(name, {
        engine: "postgres",
        instanceClass: "db.m6g.large",
        allocatedStorage: 20,
        username: "app",
        manageMasterUserPassword: true,
        multiAz: true,
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        deletionProtection: true,
        ...args,
    });
}

/** A Redis replication group that passes the ElastiCache policies (two nodes, failover, Multi-AZ, TLS). */
export function replicationGroup(
    name: string,
    args: Partial<aws.elasticache.ReplicationGroupArgs> = {},
): aws.elasticache.ReplicationGroup {
    return new aws.elasticache.ReplicationGroup(name, {
        description: `${name} cache`,
        engine: "redis",
        nodeType: "cache.r7g.large",
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
        ...args,
    });
}

/** A RabbitMQ broker that passes the Amazon MQ policies (a three-node cluster, private). */
export function broker(name: string, args: Partial<aws.mq.BrokerArgs> = {}): aws.mq.Broker {
    return new aws.mq.Broker(name, {
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        hostInstanceType: "mq.m5.large",
        deploymentMode: "CLUSTER_MULTI_AZ",
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        ...args,
    });
}

export interface BucketFixture {
    /** Versioning status of a BucketVersioning naming it (default Enabled); null: none. */
    versioning?: pulumi.Input<string> | null;
    /** sseAlgorithm of a BucketServerSideEncryptionConfiguration naming it (default aws:kms); null: none. */
    sse?: pulumi.Input<string> | null;
    /** The public access block's settings (default all four true); null: none. */
    publicAccessBlock?: Partial<aws.s3.BucketPublicAccessBlockArgs> | null;
    /** How the companions name the bucket (default its id). */
    ref?: (b: aws.s3.Bucket) => pulumi.Input<string>;
    args?: Partial<aws.s3.BucketArgs>;
}

const allBlocked = {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
};

/** A bucket named `name`, with a versioning, an encryption and a public access block resource naming it unless told otherwise. */
export function bucket(name: string, f: BucketFixture = {}): aws.s3.Bucket {
    const b = new aws.s3.Bucket(name, { bucket: name, ...f.args });
    const ref = f.ref ? f.ref(b) : b.id;
    if (f.versioning !== null)
        new aws.s3.BucketVersioning(`${name}-versioning`, {
            bucket: ref,
            versioningConfiguration: { status: f.versioning ?? "Enabled" },
        });
    if (f.sse !== null)
        new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-sse`, {
            bucket: ref,
            rules: [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: f.sse ?? "aws:kms" }, bucketKeyEnabled: true },
            ],
        });
    if (f.publicAccessBlock !== null)
        new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
            bucket: ref,
            ...allBlocked,
            ...f.publicAccessBlock,
        });
    return b;
}

export function subnet(
    name: string,
    zone: pulumi.Input<string>,
    args: Partial<aws.ec2.SubnetArgs> = {},
): aws.ec2.Subnet {
    return new aws.ec2.Subnet(name, {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.0.0.0/24",
        availabilityZone: zone,
        ...args,
    });
}

/** An EKS cluster named `name` over `subnetIds` (its control plane), with no compute of its own unless told. */
export function eksCluster(
    name: string,
    subnetIds: pulumi.Input<string>[],
    args: Partial<aws.eks.ClusterArgs> = {},
): aws.eks.Cluster {
    return new aws.eks.Cluster(name, {
        name,
        roleArn: "arn:aws:iam::123456789012:role/cluster",
        vpcConfig: { subnetIds, endpointPrivateAccess: true, endpointPublicAccess: false },
        ...args,
    });
}

/**
 * A cluster with one node group per zone of `groupZones` (as the package's KubernetesCluster
 * makes them), each over its own subnet in that zone, scaling from `minSize`; the groups name
 * the cluster by `cluster.name`.
 */
export function clusterPerZone(
    name: string,
    groupZones: Array<pulumi.Input<string>>,
    minSize = 1,
    args: Partial<aws.eks.NodeGroupArgs> = {},
): aws.eks.Cluster {
    const subnets = groupZones.map((z, i) => subnet(`${name}-private-${i}`, z));
    const cluster = eksCluster(
        name,
        subnets.map((s) => s.id),
    );
    subnets.forEach((s, i) =>
        nodeGroup(`${name}-zone-${i}`, [s.id], {
            clusterName: cluster.name,
            scalingConfig: { minSize, desiredSize: Math.max(minSize, 1), maxSize: 3 },
            ...args,
        }),
    );
    return cluster;
}

/** A managed node group over `subnetIds`, scaling 3..6 unless told otherwise. */
export function nodeGroup(
    name: string,
    subnetIds: pulumi.Input<string>[],
    args: Partial<aws.eks.NodeGroupArgs> = {},
): aws.eks.NodeGroup {
    return new aws.eks.NodeGroup(name, {
        clusterName: "main",
        nodeRoleArn: "arn:aws:iam::123456789012:role/nodes",
        subnetIds,
        scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
        instanceTypes: ["m7g.large"],
        ...args,
    });
}

/** Raw resources for the malformed-shape sweeps (raw-pack.ts): names link them by literal values. */
export const rawAws = {
    cluster: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:rds/cluster:Cluster",
        name,
        props: {
            engine: "aurora-postgresql",
            clusterIdentifier: name,
            storageEncrypted: true,
            backupRetentionPeriod: 7,
            deletionProtection: true,
            tags: { team: "data" },
            ...props,
        },
    }),
    clusterInstance: (name: string, cluster: string, zone: string): RawResource => ({
        type: "aws:rds/clusterInstance:ClusterInstance",
        name,
        props: {
            clusterIdentifier: cluster,
            engine: "aurora-postgresql",
            instanceClass: "db.r6g.large",
            availabilityZone: zone,
        },
    }),
    instance: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:rds/instance:Instance",
        name,
        props: {
            engine: "postgres",
            instanceClass: "db.m6g.large",
            multiAz: true,
            storageEncrypted: true,
            backupRetentionPeriod: 7,
            deletionProtection: true,
            tags: { team: "data" },
            ...props,
        },
    }),
    replicationGroup: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name,
        props: {
            engine: "redis",
            numCacheClusters: 2,
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            tags: { team: "data" },
            ...props,
        },
    }),
    broker: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:mq/broker:Broker",
        name,
        props: {
            engineType: "RabbitMQ",
            deploymentMode: "CLUSTER_MULTI_AZ",
            publiclyAccessible: false,
            tags: { team: "data" },
            ...props,
        },
    }),
    bucket: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:s3/bucket:Bucket",
        name,
        props: { bucket: name, tags: { team: "data" }, ...props },
    }),
    versioning: (name: string, bucket: string, status = "Enabled"): RawResource => ({
        type: "aws:s3/bucketVersioning:BucketVersioning",
        name,
        props: { bucket, versioningConfiguration: { status } },
    }),
    sse: (name: string, bucket: string, sseAlgorithm = "aws:kms"): RawResource => ({
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        name,
        props: { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm }, bucketKeyEnabled: true }] },
    }),
    publicAccessBlock: (name: string, bucket: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        name,
        props: { bucket, ...allBlocked, ...props },
    }),
    subnet: (name: string, id: string, zone: string): RawResource => ({
        type: "aws:ec2/subnet:Subnet",
        name,
        props: { id, vpcId: "vpc-1", availabilityZone: zone },
    }),
    eksCluster: (name: string, props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:eks/cluster:Cluster",
        name,
        props: {
            name,
            roleArn: "arn:aws:iam::123456789012:role/cluster",
            vpcConfig: { subnetIds: ["subnet-0", "subnet-1", "subnet-2"] },
            tags: { team: "apps" },
            ...props,
        },
    }),
    nodeGroup: (name: string, subnetIds: unknown[], props: Record<string, unknown> = {}): RawResource => ({
        type: "aws:eks/nodeGroup:NodeGroup",
        name,
        props: {
            clusterName: "main",
            subnetIds,
            scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
            tags: { team: "apps" },
            ...props,
        },
    }),
};
