import { asFlag } from "../common/aws-types";
import { Gcp, gcpLabel, heldAs } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { asString, at } from "../common/read";

export interface GcsPublicAccessConfig {
    requireUniformAccess?: boolean;
}

/** A GCS bucket can never be made public, and its access is granted by IAM alone. */
export const gcpGcsPublicAccess = resourcePolicy<GcsPublicAccessConfig>({
    name: "gcp-gcs-public-access",
    description:
        'Every GCS Bucket (gcp.storage.Bucket) sets publicAccessPrevention "enforced" (the default "inherited" lets an IAM grant to allUsers or allAuthenticatedUsers publish the bucket unless the organization enforces prevention) and, with `requireUniformAccess`, uniformBucketLevelAccess: true (no per-object ACLs: access is granted by IAM alone; the default is off).',
    remediationSteps:
        'Set publicAccessPrevention: "enforced" and uniformBucketLevelAccess: true on the gcp.storage.Bucket; grant access with bucket IAM bindings to service accounts.',
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            requireUniformAccess: {
                type: "boolean",
                default: true,
                description: "Demand uniform bucket-level access (uniformBucketLevelAccess: true).",
            },
        },
    },
    types: [Gcp.StorageBucket],
    validate: (props, args, config, report) => {
        const prevention = at(props, "publicAccessPrevention");
        const uniform = asFlag(at(props, "uniformBucketLevelAccess"));
        const label = gcpLabel(args.type, args.name);
        if (asString(prevention)?.trim().toLowerCase() !== "enforced")
            report(
                `${label} can be made public (publicAccessPrevention is ${heldAs(prevention, 'the default is "inherited"')}); needs "enforced".`,
            );
        if ((config.requireUniformAccess ?? true) && uniform !== true)
            report(
                `${label} accepts per-object ACLs (uniformBucketLevelAccess is ${uniform === false ? "false" : "not true: the default is off"}); needs true.`,
            );
    },
});
