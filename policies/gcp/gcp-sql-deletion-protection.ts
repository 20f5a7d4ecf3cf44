import { asFlag } from "../common/aws-types";
import { Gcp, gcpLabel } from "../common/gcp-types";
import { resourcePolicy } from "../common/define";
import { at } from "../common/read";

export interface SqlDeletionProtectionConfig {
    requireApiSide?: boolean;
}

/** A Cloud SQL instance cannot be deleted by a mistaken destroy or replacement. */
export const gcpSqlDeletionProtection = resourcePolicy<SqlDeletionProtectionConfig>({
    name: "gcp-sql-deletion-protection",
    description:
        "Every Cloud SQL DatabaseInstance is protected from deletion: by Cloud SQL itself (settings.deletionProtectionEnabled: true, which guards against the console, gcloud and the API too) or by the provider (deletionProtection, which defaults to true: only an explicit false is a violation). With `requireApiSide`, settings.deletionProtectionEnabled must be true whatever the provider flag says. Read replicas are judged too. Advisory: a development stack is meant to be destroyed.",
    remediationSteps:
        "Set settings.deletionProtectionEnabled: true and leave deletionProtection unset or true on production databases (and keep the resource option protect: true); turn them off deliberately before a planned deletion.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requireApiSide: {
                type: "boolean",
                default: false,
                description:
                    "Demand Cloud SQL's own protection (settings.deletionProtectionEnabled), not only the provider's.",
            },
        },
    },
    types: [Gcp.SqlDatabaseInstance],
    validate: (props, args, config, report) => {
        const apiSide = asFlag(at(props, "settings", "deletionProtectionEnabled"));
        const providerSide = asFlag(at(props, "deletionProtection"));
        if (apiSide === true) return;
        const label = gcpLabel(args.type, args.name);
        if (config.requireApiSide ?? false) {
            report(
                `${label} can be deleted outside Pulumi (settings.deletionProtectionEnabled is not true); this stack demands Cloud SQL's own deletion protection.`,
            );
            return;
        }
        if (providerSide === false)
            report(
                `${label} can be deleted (deletionProtection is false and settings.deletionProtectionEnabled is not true).`,
            );
    },
});
