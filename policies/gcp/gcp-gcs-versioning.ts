import { asFlag, asInteger, lowered } from "../common/aws-types";
import { Gcp, gcpLabel } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at, records } from "../common/read";

export interface GcsVersioningConfig {
    requireNoncurrentCleanup?: boolean;
}

/** A lifecycle rule that deletes noncurrent object versions (by age or by count). */
function deletesNoncurrent(rule: Record<string, unknown>): boolean {
    if (lowered(at(rule, "action", "type")) !== "delete") return false;
    const condition = at(rule, "condition");
    return (
        asInteger(at(condition, "daysSinceNoncurrentTime")) !== undefined ||
        asInteger(at(condition, "numNewerVersions")) !== undefined ||
        typeof at(condition, "noncurrentTimeBefore") === "string" ||
        lowered(at(condition, "withState")) === "archived"
    );
}

/** A GCS bucket keeps every version of its objects, so an overwrite or a delete can be undone. */
export const gcpGcsVersioning = resourcePolicy<GcsVersioningConfig>({
    name: "gcp-gcs-versioning",
    description:
        "Every GCS Bucket (gcp.storage.Bucket) sets versioning.enabled: true (the default is off), so an overwritten or deleted object can be restored. With `requireNoncurrentCleanup`, a lifecycleRules entry also deletes noncurrent versions (action Delete with a noncurrent condition: daysSinceNoncurrentTime, numNewerVersions, noncurrentTimeBefore or withState ARCHIVED).",
    remediationSteps:
        'Set versioning: { enabled: true } and a lifecycle rule { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30 } } so old versions do not pile up.',
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requireNoncurrentCleanup: {
                type: "boolean",
                default: false,
                description: "Demand a lifecycle rule that deletes noncurrent versions.",
            },
        },
    },
    types: [Gcp.StorageBucket],
    validate: (props, args, config, report) => {
        const enabled = asFlag(at(props, "versioning", "enabled"));
        const cleanup = (config.requireNoncurrentCleanup ?? false) && enabled === true;
        const cleaned = cleanup ? records(at(props, "lifecycleRules")).some(deletesNoncurrent) : true;
        const label = gcpLabel(args.type, args.name);
        if (enabled !== true)
            report(
                `${label} does not keep object versions (versioning.enabled is ${enabled === false ? "false" : "not true: the default is off"}).`,
            );
        else if (!cleaned) report(`${label} keeps noncurrent versions forever: no lifecycle rule deletes them.`);
    },
});
