/**
 * A resource is exempt from one named policy, with a reason, through:
 * - Kubernetes: annotation `pulumi-ha.io/exempt-<policy>: "<reason>"`;
 * - AWS: tag `pulumi-ha.io/exempt-<policy>` = reason;
 * - GCP: label `pulumi-ha-exempt-<policy>` = reason (labels allow only [a-z0-9_-]).
 * An empty reason does not exempt. The offline plan lists every exemption it finds.
 */
export const annotationPrefix = "pulumi-ha.io/exempt-";
export const gcpLabelPrefix = "pulumi-ha-exempt-";

export interface Exemption {
    policy: string;
    reason: string;
}

function fromMap(map: unknown, prefix: string): Exemption[] {
    if (!map || typeof map !== "object") return [];
    return Object.entries(map as Record<string, unknown>)
        .filter(([k, v]) => k.startsWith(prefix) && typeof v === "string" && v.trim().length > 0)
        .map(([k, v]) => ({ policy: k.slice(prefix.length), reason: (v as string).trim() }));
}

/** Every exemption a resource declares. */
export function exemptionsOf(props: unknown): Exemption[] {
    const p = (props ?? {}) as { metadata?: { annotations?: unknown }; tags?: unknown; labels?: unknown };
    return [
        ...fromMap(p.metadata?.annotations, annotationPrefix),
        ...fromMap(p.tags, annotationPrefix),
        ...fromMap(p.labels, gcpLabelPrefix),
    ];
}

/** The exemption from `policy`, if the resource declares one. */
export function exemptionFrom(props: unknown, policy: string): Exemption | undefined {
    return exemptionsOf(props).find((e) => e.policy === policy);
}
