import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { ObjectStorageArgs, ObjectStorageOutputs } from "../../core/object-storage-contract";
import { ObjectStoragePodIdentityArgs } from "../../core/object-storage-aws-contract";
import { ResolvedObjectStorage } from "../../core/object-storage-resolve";
import { BackendScope, ServiceBackend } from "../backend";
import { awsTags, child, encryptionKey, inRegion } from "./common";

const component = "object-storage";

/** S3's values, as the provider documents them (s3/*.d.ts). */
export const s3Values = {
    versioning: { on: "Enabled", off: "Suspended" },
    sseAlgorithm: "aws:kms",
    objectOwnership: "BucketOwnerEnforced",
    ruleStatus: "Enabled",
    /** The service principal EKS Pod Identity assumes roles as. */
    podIdentityPrincipal: "pods.eks.amazonaws.com",
} as const;

export const objectStorageAwsDefaults = {
    noncurrentVersionDays: 90,
    abortIncompleteMultipartUploadDays: 7,
} as const;

/** S3 lifecycle days: a positive whole number; 100 years is more than anyone keeps a version. */
const maxDays = 36500;
/** IAM role names: at most 64 characters; the role is `<name>-access` plus the '-' and 7 characters Pulumi appends. */
const roleSuffix = "-access";
const maxName = 64 - roleSuffix.length - 8;

/** What the bucket's IAM role may do: list the bucket, read and write its objects, use its key. */
export const bucketActions = {
    bucket: ["s3:ListBucket"],
    objects: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
    key: ["kms:Decrypt", "kms:GenerateDataKey"],
} as const;

/** The regional S3 endpoint; China regions answer under amazonaws.com.cn. */
export function s3Endpoint(region: string): string {
    return `https://s3.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`;
}

/** A bucket policy refusing every request not made over TLS, on the bucket and its objects. */
export function denyInsecureTransport(bucketArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    });
}

/** The trust policy of a role that EKS Pod Identity assumes (it also tags the session). */
export function podIdentityTrust(): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: s3Values.podIdentityPrincipal },
                Action: ["sts:AssumeRole", "sts:TagSession"],
            },
        ],
    });
}

/** The role's permissions: this bucket, its objects, its key — nothing else. */
export function bucketAccess(bucketArn: pulumi.Input<string>, keyArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "Bucket", Effect: "Allow", Action: [...bucketActions.bucket], Resource: [bucketArn] },
            {
                Sid: "Objects",
                Effect: "Allow",
                Action: [...bucketActions.objects],
                Resource: [pulumi.interpolate`${bucketArn}/*`],
            },
            { Sid: "Key", Effect: "Allow", Action: [...bucketActions.key], Resource: [keyArn] },
        ],
    });
}

/**
 * ObjectStorage on Amazon S3: a private bucket (the four public-access blocks, ACLs disabled by
 * BucketOwnerEnforced), SSE-KMS with bucket keys, TLS-only by bucket policy, versioning Enabled
 * (Suspended when `versioning` is false, so the intent is declared), a lifecycle expiring
 * noncurrent versions and aborting stale multipart uploads, never force-destroyed. Access is an
 * IAM role for EKS Pod Identity scoped to this bucket and key, bound to the app's ServiceAccount
 * when `aws.podIdentity` is given; no access key is ever made, so `credentialsSecretName` is
 * undefined and `workloadIdentity` is the role ARN.
 *
 * The region is `scope.region` when given, else the bucket's own (the provider's) region as it
 * reports it — no lookup call.
 */
export const awsObjectStorage: ServiceBackend<ObjectStorageArgs, ResolvedObjectStorage, ObjectStorageOutputs> = {
    plan(check, args, resolved, context) {
        const a = args.aws ?? {};
        checkObjectStorage(check, args, resolved);
        const platform = context?.aws;
        const app = platform?.appServiceAccount;
        if (app !== undefined)
            check.require(
                a.podIdentity === undefined,
                "aws.podIdentity",
                "is filled by the Platform (its app's ServiceAccount on its cluster); leave it out",
            );
        // A Platform binds its app's ServiceAccount, on its cluster (known once that is created).
        const podIdentity = (): ObjectStoragePodIdentityArgs | undefined =>
            app === undefined
                ? a.podIdentity
                : {
                      clusterName: platform!.placement().clusterName,
                      namespace: app.namespace,
                      serviceAccount: app.name,
                  };
        const noncurrentDays = a.noncurrentVersionDays ?? objectStorageAwsDefaults.noncurrentVersionDays;

        return (scope) => {
            const tags = awsTags(scope, component);
            const stateful = child(scope, { protect: scope.protect, dependsOn: scope.dependsOn });
            const bucket = new aws.s3.Bucket(
                scope.name,
                { bucket: resolved.bucket, forceDestroy: false, tags, ...inRegion(scope) },
                stateful,
            );
            const key = encryptionKey(scope, component, a.kmsKeyArn);
            const part = (extra?: pulumi.CustomResourceOptions) => child(scope, { dependsOn: [bucket], ...extra });
            // The blocks first: no policy or object can make the bucket public in between.
            const publicBlock = new aws.s3.BucketPublicAccessBlock(
                `${scope.name}-public-access`,
                {
                    bucket: bucket.bucket,
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                    ...inRegion(scope),
                },
                part(),
            );
            new aws.s3.BucketOwnershipControls(
                `${scope.name}-ownership`,
                { bucket: bucket.bucket, rule: { objectOwnership: s3Values.objectOwnership }, ...inRegion(scope) },
                part(),
            );
            new aws.s3.BucketServerSideEncryptionConfiguration(
                `${scope.name}-encryption`,
                {
                    bucket: bucket.bucket,
                    rules: [
                        {
                            applyServerSideEncryptionByDefault: {
                                sseAlgorithm: s3Values.sseAlgorithm,
                                kmsMasterKeyId: key,
                            },
                            bucketKeyEnabled: true,
                        },
                    ],
                    ...inRegion(scope),
                },
                part(),
            );
            // Suspended (not absent) when off: the pack's versioning policy sees a decision, not an omission.
            const versioning = new aws.s3.BucketVersioning(
                `${scope.name}-versioning`,
                {
                    bucket: bucket.bucket,
                    versioningConfiguration: {
                        status: resolved.versioning ? s3Values.versioning.on : s3Values.versioning.off,
                    },
                    ...inRegion(scope),
                },
                part({ protect: scope.protect }),
            );
            new aws.s3.BucketLifecycleConfiguration(
                `${scope.name}-lifecycle`,
                {
                    bucket: bucket.bucket,
                    rules: [
                        {
                            id: "expire-noncurrent-versions",
                            status: s3Values.ruleStatus,
                            filter: {},
                            noncurrentVersionExpiration: { noncurrentDays: noncurrentDays },
                        },
                        {
                            id: "abort-incomplete-multipart-uploads",
                            status: s3Values.ruleStatus,
                            filter: {},
                            abortIncompleteMultipartUpload: {
                                daysAfterInitiation: objectStorageAwsDefaults.abortIncompleteMultipartUploadDays,
                            },
                        },
                    ],
                    ...inRegion(scope),
                },
                // S3 rejects a noncurrent-version rule racing the versioning change: after it.
                part({ dependsOn: [bucket, versioning] }),
            );
            new aws.s3.BucketPolicy(
                `${scope.name}-tls-only`,
                { bucket: bucket.bucket, policy: denyInsecureTransport(bucket.arn), ...inRegion(scope) },
                part({ dependsOn: [bucket, publicBlock] }),
            );
            const role = accessRole(scope, bucket, key, tags);
            const binding = podIdentity();
            if (binding !== undefined) {
                new aws.eks.PodIdentityAssociation(
                    `${scope.name}-pod-identity`,
                    {
                        clusterName: binding.clusterName,
                        namespace: binding.namespace,
                        serviceAccount: binding.serviceAccount,
                        roleArn: role.arn,
                        tags,
                        ...inRegion(scope),
                    },
                    child(scope),
                );
            }
            const region = scope.region !== undefined ? pulumi.output(scope.region) : bucket.region;
            return {
                bucket: bucket.bucket,
                endpoint: region.apply((r) => (r ? s3Endpoint(r) : "")),
                region,
                forcePathStyle: pulumi.output(false),
                workloadIdentity: role.arn,
                credentialsSecretName: undefined,
                credentialsSecretNamespace: undefined,
            };
        };
    },
};

/** The IAM role the app's pods assume (EKS Pod Identity), allowed this bucket and key only. */
function accessRole(
    scope: BackendScope,
    bucket: aws.s3.Bucket,
    key: pulumi.Output<string>,
    tags: Record<string, string>,
): aws.iam.Role {
    const role = new aws.iam.Role(
        `${scope.name}${roleSuffix}`,
        {
            description: `pulumi-ha ${component} ${scope.name}: read and write its bucket (EKS Pod Identity)`,
            assumeRolePolicy: podIdentityTrust(),
            tags,
        },
        child(scope),
    );
    new aws.iam.RolePolicy(
        `${scope.name}${roleSuffix}`,
        { role: role.name, policy: bucketAccess(bucket.arn, key) },
        child(scope),
    );
    return role;
}

/** S3's rules beyond the neutral ones. */
function checkObjectStorage(check: ArgChecker, args: ObjectStorageArgs, s: ResolvedObjectStorage): void {
    const a = args.aws ?? {};
    check.require(
        !s.bucket.includes("."),
        "bucket",
        `must not contain '.' on target aws: S3's TLS certificate (*.s3.REGION.amazonaws.com) does not cover a dotted bucket name addressed by host, and clients address by host (forcePathStyle false) (got ${JSON.stringify(s.bucket)})`,
    );
    check.require(
        typeof s.name === "string" && s.name.length <= maxName,
        "name",
        `${JSON.stringify(s.name)} is too long on target aws: it names the bucket's IAM role "${s.name}${roleSuffix}-" plus 7 characters (at most 64); use at most ${maxName} characters`,
    );
    if (a.noncurrentVersionDays !== undefined)
        check.integer("aws.noncurrentVersionDays", a.noncurrentVersionDays, 1, maxDays);
    if (a.podIdentity !== undefined) {
        for (const field of ["clusterName", "namespace", "serviceAccount"] as const) {
            const v = a.podIdentity[field];
            if (typeof v === "string") check.nonEmpty(`aws.podIdentity.${field}`, v);
        }
        if (typeof a.podIdentity.namespace === "string" && a.podIdentity.namespace.trim() !== "")
            check.namespace("aws.podIdentity.namespace", a.podIdentity.namespace);
        if (typeof a.podIdentity.serviceAccount === "string" && a.podIdentity.serviceAccount.trim() !== "")
            check.dnsSubdomain("aws.podIdentity.serviceAccount", a.podIdentity.serviceAccount);
    }
}
