/**
 * A resource is exempt from one named policy, with a reason, through:
 * - Kubernetes: annotation `pulumi-ha.io/exempt-<policy>: "<reason>"`;
 * - AWS: tag `pulumi-ha.io/exempt-<policy>` = reason;
 * - GCP: label `pulumi-ha-exempt-<policy>` = reason (label values allow only [a-z0-9_-], at
 *   most 63 characters), in the resource's GCP labels: `labels` (buckets, Memorystore, most
 *   resources), `settings.userLabels` (Cloud SQL), `resourceLabels` (a GKE cluster) or
 *   `nodeConfig.resourceLabels` (a GKE node pool).
 * An empty reason does not exempt. The offline plan lists every exemption it finds.
 */
import { asNonEmptyString, asRecord, at } from "./read";

export const annotationPrefix = "pulumi-ha.io/exempt-";
export const gcpLabelPrefix = "pulumi-ha-exempt-";

export interface Exemption {
    policy: string;
    reason: string;
}

function fromMap(map: unknown, prefix: string): Exemption[] {
    const entries = asRecord(map);
    if (!entries) return [];
    // Only exemption keys are read: another annotation unknown at preview (a checksum, say)
    // must not stop every policy from judging the resource.
    return Object.keys(entries)
        .filter((k) => k.startsWith(prefix))
        .flatMap((k) => {
            const reason = asNonEmptyString(entries[k])?.trim();
            return reason !== undefined ? [{ policy: k.slice(prefix.length), reason }] : [];
        });
}

/** Every exemption a resource declares. */
export function exemptionsOf(props: unknown): Exemption[] {
    return [
        ...fromMap(at(props, "metadata", "annotations"), annotationPrefix),
        ...fromMap(at(props, "tags"), annotationPrefix),
        ...fromMap(at(props, "labels"), gcpLabelPrefix),
        ...fromMap(at(props, "settings", "userLabels"), gcpLabelPrefix),
        ...fromMap(at(props, "resourceLabels"), gcpLabelPrefix),
        ...fromMap(at(props, "nodeConfig", "resourceLabels"), gcpLabelPrefix),
    ];
}

/** The exemption from `policy`, if the resource declares one. */
export function exemptionFrom(props: unknown, policy: string): Exemption | undefined {
    return exemptionsOf(props).find((e) => e.policy === policy);
}
