/**
 * S3 buckets and the resources that configure them (versioning, encryption, public access
 * block), joined by the `bucket` they name. Since provider v4 those settings live in their
 * own resources; the deprecated inline blocks of the bucket are read too.
 */
import { PolicyResource } from "@pulumi/policy";
import { Linked, linkAll, named } from "./aws-join";
import { Aws, asFlag, s3BucketTypes } from "./aws-types";
import { asNonEmptyString, at, records } from "./read";

export interface BucketItem {
    resource: PolicyResource;
    /** The resources of the asked types that configure this bucket. */
    config: Linked;
}

/** Every bucket of the stack, with the resources of `configTypes` that name it. */
export function bucketItems(resources: PolicyResource[], configTypes: readonly string[]): BucketItem[] {
    const buckets = resources.filter((r) => s3BucketTypes.includes(r.type)).map((r) => named(r, "bucket"));
    const configs = resources.filter((r) => configTypes.includes(r.type));
    const links = linkAll(buckets, configs, "bucket");
    return buckets.map((b) => ({ resource: b.resource, config: links.get(b.resource.urn) ?? { linked: [] } }));
}

/** The sseAlgorithm values a BucketServerSideEncryptionConfiguration(V2) sets, in `rules[].applyServerSideEncryptionByDefault`. */
export function configuredAlgorithms(config: unknown): string[] {
    return records(at(config, "rules")).flatMap((rule) => {
        const alg = asNonEmptyString(at(rule, "applyServerSideEncryptionByDefault", "sseAlgorithm"));
        return alg !== undefined ? [alg.trim()] : [];
    });
}

/**
 * The sseAlgorithm values a bucket sets inline: Bucket `serverSideEncryptionConfiguration.rule`
 * (v7), BucketV2 `serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]`.
 */
export function inlineAlgorithms(bucket: PolicyResource): string[] {
    const props = bucket.props;
    if (bucket.type === Aws.S3Bucket) {
        const alg = asNonEmptyString(
            at(
                props,
                "serverSideEncryptionConfiguration",
                "rule",
                "applyServerSideEncryptionByDefault",
                "sseAlgorithm",
            ),
        );
        return alg !== undefined ? [alg.trim()] : [];
    }
    return records(at(props, "serverSideEncryptionConfigurations"))
        .flatMap((c) => records(at(c, "rules")))
        .flatMap((rule) => records(at(rule, "applyServerSideEncryptionByDefaults")))
        .flatMap((d) => {
            const alg = asNonEmptyString(at(d, "sseAlgorithm"));
            return alg !== undefined ? [alg.trim()] : [];
        });
}

/** Whether a bucket enables versioning inline: Bucket `versioning.enabled` (v7), BucketV2 `versionings[].enabled`. */
export function inlineVersioning(bucket: PolicyResource): boolean {
    if (bucket.type === Aws.S3Bucket) return asFlag(at(bucket.props, "versioning", "enabled")) === true;
    return records(at(bucket.props, "versionings")).some((v) => asFlag(at(v, "enabled")) === true);
}
