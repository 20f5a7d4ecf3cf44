import { UnknownValueError } from "@pulumi/policy";
import { BucketItem, bucketItems, configuredAlgorithms, inlineAlgorithms } from "../common/aws-s3";
import { Aws, awsLabel, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";

export interface S3EncryptionConfig {
    requireKms?: boolean;
}

const sseTypes: readonly string[] = [Aws.S3BucketSse, Aws.S3BucketSseV2];

/** An S3 bucket declares how its objects are encrypted at rest. */
export const awsS3Encryption = stackPolicy<S3EncryptionConfig, BucketItem>({
    name: "aws-s3-encryption",
    description:
        "Every S3 Bucket (and deprecated BucketV2) declares server-side encryption: a BucketServerSideEncryptionConfiguration (or its V2) whose `bucket` names it with an sseAlgorithm, or the deprecated inline serverSideEncryptionConfiguration. With `requireKms` the algorithm must be aws:kms or aws:kms:dsse. (AWS encrypts new buckets with SSE-S3 by default and reports it in the bucket's outputs after creation, so without `requireKms` this mostly catches a preview that declares nothing.)",
    remediationSteps:
        'Add aws.s3.BucketServerSideEncryptionConfiguration { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] }.',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireKms: {
                type: "boolean",
                default: false,
                description: "Demand SSE-KMS (aws:kms or aws:kms:dsse) rather than any algorithm.",
            },
        },
    },
    items: (resources) => bucketItems(resources, sseTypes),
    validate: (item, _all, _args, config, report) => {
        const requireKms = config.requireKms ?? false;
        const good = (alg: string) => (requireKms ? alg.toLowerCase().startsWith("aws:kms") : true);
        const seen: string[] = [];
        let unknown: UnknownValueError | undefined;
        for (const c of item.config.linked) {
            const algs = maybe(() => configuredAlgorithms(c.props));
            if (!algs.known) {
                unknown ??= algs.unknown;
                continue;
            }
            if (algs.value.some(good)) return;
            seen.push(`${c.name} sets ${algs.value.length > 0 ? algs.value.join(", ") : "no sseAlgorithm"}`);
        }
        const inline = maybe(() => inlineAlgorithms(item.resource));
        if (inline.known && inline.value.some(good)) return;
        if (unknown) throw unknown;
        if (item.config.maybe) throw item.config.maybe;
        if (!inline.known) throw inline.unknown;
        const label = awsLabel(item.resource.type, item.resource.name);
        if (inline.value.length > 0)
            seen.push(`inline serverSideEncryptionConfiguration sets ${inline.value.join(", ")}`);
        const wanted = requireKms ? "SSE-KMS (aws:kms)" : "server-side encryption";
        report(
            seen.length > 0
                ? `${label} is not encrypted with ${wanted}: ${seen.join("; ")}.`
                : `${label} declares no ${wanted}: no BucketServerSideEncryptionConfiguration names it (by its bucket name or id) and it sets none inline.`,
        );
    },
});
