import { UnknownValueError } from "@pulumi/policy";
import { BucketItem, bucketItems, inlineVersioning } from "../common/aws-s3";
import { Aws, Maybe, awsLabel, lowered, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { at, shown } from "../common/read";

export interface S3VersioningConfig {
    acceptInline?: boolean;
}

const versioningTypes: readonly string[] = [Aws.S3BucketVersioning, Aws.S3BucketVersioningV2];

/** An S3 bucket keeps every version of its objects, so an overwrite or a delete can be undone. */
export const awsS3Versioning = stackPolicy<S3VersioningConfig, BucketItem>({
    name: "aws-s3-versioning",
    description:
        "Every S3 Bucket (and deprecated BucketV2) has versioning Enabled: a BucketVersioning (or BucketVersioningV2) whose `bucket` names it, with versioningConfiguration.status Enabled, or (with `acceptInline`) the deprecated inline `versioning.enabled` (`versionings[].enabled` on BucketV2). No versioning resource, or status Suspended or Disabled, is a violation.",
    remediationSteps:
        'Add aws.s3.BucketVersioning { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } } for the bucket (ObjectStorage does this on AWS).',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            acceptInline: {
                type: "boolean",
                default: true,
                description: "Accept the bucket's deprecated inline versioning block.",
            },
        },
    },
    items: (resources) => bucketItems(resources, versioningTypes),
    validate: (item, _all, _args, config, report) => {
        const states: string[] = [];
        let unknown: UnknownValueError | undefined;
        for (const v of item.config.linked) {
            const status = maybe(() => at(v.props, "versioningConfiguration", "status"));
            if (!status.known) {
                unknown ??= status.unknown;
                continue;
            }
            if (lowered(status.value) === "enabled") return;
            states.push(`${v.name} has status ${shown(status.value)}`);
        }
        if (unknown) throw unknown;
        // A versioning resource that may name it (unknown at preview) may enable it.
        if (item.config.maybe) throw item.config.maybe;
        const label = awsLabel(item.resource.type, item.resource.name);
        if (states.length > 0) {
            report(
                `${label} does not keep object versions: its BucketVersioning ${states.join("; ")} (needs Enabled).`,
            );
            return;
        }
        // No versioning resource names it: the deprecated inline block.
        const acceptInline = config.acceptInline ?? true;
        const inline: Maybe<boolean> = acceptInline
            ? maybe(() => inlineVersioning(item.resource))
            : { known: true, value: false };
        if (inline.known && inline.value) return;
        if (!inline.known) throw inline.unknown;
        report(
            `${label} does not keep object versions: no BucketVersioning names it (by its bucket name or id)${acceptInline ? " and it enables no inline versioning" : ""}.`,
        );
    },
});
