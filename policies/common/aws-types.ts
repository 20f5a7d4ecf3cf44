/**
 * AWS resource type tokens the pack judges (pulumi-aws v7), and the readers AWS fields need.
 * Properties may hold anything: read them with the readers of read.ts.
 */
import { UnknownValueError } from "@pulumi/policy";
import { asNonEmptyString, asNumber } from "./read";
import { kindOf } from "./metadata";

export const Aws = {
    RdsCluster: "aws:rds/cluster:Cluster",
    RdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    RdsInstance: "aws:rds/instance:Instance",
    ElastiCacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    MqBroker: "aws:mq/broker:Broker",
    /** v7's bucket (the v6 BucketV2 renamed). */
    S3Bucket: "aws:s3/bucket:Bucket",
    /** Still in v7, deprecated in favour of Bucket: inline blocks are arrays (`versionings`, ...). */
    S3BucketV2: "aws:s3/bucketV2:BucketV2",
    S3BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    S3BucketVersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    S3BucketSse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    S3BucketSseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    S3BucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    S3AccountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    EksCluster: "aws:eks/cluster:Cluster",
    EksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    Ec2Subnet: "aws:ec2/subnet:Subnet",
} as const;

export const s3BucketTypes: readonly string[] = [Aws.S3Bucket, Aws.S3BucketV2];

const serviceNames: Record<string, string> = {
    rds: "RDS",
    s3: "S3",
    elasticache: "ElastiCache",
    mq: "Amazon MQ",
    eks: "EKS",
    ec2: "EC2",
};

/** `RDS Cluster orders` for messages: the service, the kind, and the resource's Pulumi name. */
export function awsLabel(type: string, name: string): string {
    const service = type.split(":")[1]?.split("/")[0] ?? "";
    return `${serviceNames[service] ?? (service.toUpperCase() || "AWS")} ${kindOf(type)} ${name}`;
}

/**
 * A boolean flag as a program may send it: `true`/`false`, or the strings "true"/"false"
 * (any case; the provider's bridge coerces them). Anything else is undefined.
 */
export function asFlag(v: unknown): boolean | undefined {
    if (typeof v === "boolean") return v;
    if (typeof v === "string") {
        const s = v.trim().toLowerCase();
        if (s === "true") return true;
        if (s === "false") return false;
    }
    return undefined;
}

/** An integer field as a program may send it: a number, or a string of digits. */
export function asInteger(v: unknown): number | undefined {
    const n = typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : asNumber(v);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** A string compared case-insensitively (engines, modes): trimmed and lower-cased, or undefined. */
export function lowered(v: unknown): string | undefined {
    return asNonEmptyString(v)?.trim().toLowerCase();
}

/** The value `read` returns, or the UnknownValueError it threw (a value unknown at preview). */
export type Maybe<T> = { known: true; value: T } | { known: false; unknown: UnknownValueError };

export function maybe<T>(read: () => T): Maybe<T> {
    try {
        return { known: true, value: read() };
    } catch (err) {
        if (err instanceof UnknownValueError) return { known: false, unknown: err };
        throw err;
    }
}
