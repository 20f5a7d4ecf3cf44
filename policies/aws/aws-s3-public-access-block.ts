import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { BucketItem, bucketItems } from "../common/aws-s3";
import { Aws, asFlag, awsLabel, maybe } from "../common/aws-types";
import { stackPolicy } from "../common/define";
import { at } from "../common/read";

export interface S3PublicAccessBlockConfig {
    acceptAccountBlock?: boolean;
}

const settings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** The settings of a public access block that are not true. */
function openSettings(block: PolicyResource): string[] {
    return settings.filter((s) => asFlag(at(block.props, s)) !== true);
}

/** An S3 bucket can never be made public by an ACL or a bucket policy. */
export const awsS3PublicAccessBlock = stackPolicy<
    S3PublicAccessBlockConfig,
    BucketItem & { accountBlocks: PolicyResource[] }
>({
    name: "aws-s3-public-access-block",
    description:
        "Every S3 Bucket (and deprecated BucketV2) has a BucketPublicAccessBlock whose `bucket` names it with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true (each defaults to false), or (with `acceptAccountBlock`) the stack has an AccountPublicAccessBlock with all four true.",
    remediationSteps:
        "Add aws.s3.BucketPublicAccessBlock { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            acceptAccountBlock: {
                type: "boolean",
                default: true,
                description: "Accept an AccountPublicAccessBlock of the stack in place of each bucket's own.",
            },
        },
    },
    items: (resources) => {
        const items = bucketItems(resources, [Aws.S3BucketPublicAccessBlock]);
        // An account-wide block covers every bucket.
        const accountBlocks = resources.filter((r) => r.type === Aws.S3AccountPublicAccessBlock);
        return items.map((i) => ({ ...i, accountBlocks }));
    },
    validate: (item, _all, _args, config, report) => {
        const found: string[] = [];
        let unknown: UnknownValueError | undefined;
        const blocks = [...item.config.linked, ...((config.acceptAccountBlock ?? true) ? item.accountBlocks : [])];
        for (const block of blocks) {
            const open = maybe(() => openSettings(block));
            if (!open.known) {
                unknown ??= open.unknown;
                continue;
            }
            if (open.value.length === 0) return;
            found.push(`${block.name} leaves ${open.value.join(", ")} off`);
        }
        if (unknown) throw unknown;
        if (item.config.maybe) throw item.config.maybe;
        const label = awsLabel(item.resource.type, item.resource.name);
        report(
            found.length > 0
                ? `${label} can be made public: its public access block ${found.join("; ")} (all four must be true).`
                : `${label} can be made public: no BucketPublicAccessBlock names it (by its bucket name or id).`,
        );
    },
});
