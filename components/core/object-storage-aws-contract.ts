import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, input, int, object, required, string } from "./arg-shape";

/**
 * Which Kubernetes ServiceAccount gets access to the bucket, through EKS Pod Identity: an
 * association binding it to the bucket's IAM role, so the app's pods get short-lived
 * credentials and no key ever exists.
 */
export interface ObjectStoragePodIdentityArgs {
    /** Name of the EKS cluster the app runs in. */
    clusterName: pulumi.Input<string>;
    /** Namespace of the app's ServiceAccount. */
    namespace: pulumi.Input<string>;
    /** Name of the app's ServiceAccount. */
    serviceAccount: pulumi.Input<string>;
}

/**
 * AWS (Amazon S3) specifics of {@link ObjectStorageArgs}. A bucket needs no VPC placement, so
 * unlike the other data services this does not extend `AwsPlacementArgs`.
 *
 * The bucket is private (all four public-access blocks on, ACLs off), encrypted with SSE-KMS
 * (bucket keys on), reachable over TLS only (a bucket policy denies any request without it),
 * and is never force-destroyed. Access is through an IAM role for EKS Pod Identity, scoped to
 * this bucket and its key; no access key is ever created.
 */
export interface ObjectStorageAwsArgs {
    /** KMS key (ARN) encrypting the objects (SSE-KMS). Default: a key the component creates, with yearly rotation. */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Days a noncurrent object version is kept before S3 expires it (with versioning on),
     * 1–36500. Default 90. Incomplete multipart uploads are aborted after 7 days.
     */
    noncurrentVersionDays?: number;
    /**
     * Bind the app's ServiceAccount to the bucket's IAM role (an EKS Pod Identity association).
     * Default: none — the role is created and output as `workloadIdentity`; associate it yourself.
     */
    podIdentity?: ObjectStoragePodIdentityArgs;
}

/** The declared types of {@link ObjectStorageAwsArgs}. */
export const objectStorageAwsShape: ObjectShape<ObjectStorageAwsArgs> = object<ObjectStorageAwsArgs>(
    "ObjectStorageAwsArgs",
    {
        kmsKeyArn: input(string()),
        noncurrentVersionDays: int(),
        podIdentity: object<ObjectStoragePodIdentityArgs>("ObjectStoragePodIdentityArgs", {
            clusterName: required(input(string())),
            namespace: required(input(string())),
            serviceAccount: required(input(string())),
        }),
    },
);
