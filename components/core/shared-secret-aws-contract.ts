import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, input, int, map, object, string } from "./arg-shape";

/**
 * AWS (Secrets Manager) specifics of a SharedSecret: the values are also kept as one JSON
 * secret in AWS Secrets Manager, encrypted with a KMS key, optionally replicated to other regions.
 */
export interface SharedSecretAwsArgs {
    /** Region of the secret (and of the key it creates). Default: the AWS provider's region. */
    region?: string;
    /** KMS key (ARN) encrypting the secret in its own region. Default: a key the component creates, with yearly rotation. */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Regions the secret is replicated to (Secrets Manager keeps the replicas in sync), e.g.
     * ["eu-west-1"]. Region names, all different, not the secret's own region. Default none.
     */
    replicaRegions?: string[];
    /**
     * KMS key (ARN) per replica region, keyed by region; each must be a key in that region (a KMS
     * key is regional, so the primary's key cannot serve a replica). A replica region without one
     * uses the account's AWS-managed key `aws/secretsmanager` in that region. Default none.
     */
    replicaKmsKeyArns?: Record<string, pulumi.Input<string>>;
    /**
     * Days Secrets Manager keeps a deleted secret recoverable: 0 (delete at once, no recovery)
     * or 7–30. Default 30.
     */
    recoveryWindowInDays?: number;
}

/** The declared types of {@link SharedSecretAwsArgs}. */
export const sharedSecretAwsShape: ObjectShape<SharedSecretAwsArgs> = object<SharedSecretAwsArgs>(
    "SharedSecretAwsArgs",
    {
        region: string(),
        kmsKeyArn: input(string()),
        replicaRegions: array(string()),
        replicaKmsKeyArns: map(input(string())),
        recoveryWindowInDays: int(),
    },
);
