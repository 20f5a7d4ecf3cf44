import { asRecord, asString, at } from "./read";

/**
 * The annotation by which a user accepts a backup destination inside the cluster (or over
 * plain http), with a reason: on the Barman Cloud ObjectStore (or, for the in-tree
 * spec.backup.barmanObjectStore, on the CloudNativePG Cluster). An empty reason accepts nothing.
 */
export const inClusterReasonAnnotation = "pulumi-ha.io/backup-in-cluster-reason";

/**
 * What is wrong with where an S3 endpoint sends backups, as phrases that follow "which is"
 * (e.g. "plain http (…)"); empty when the endpoint leaves the cluster over https.
 */
export function endpointProblems(endpointURL: unknown): string[] {
    // No endpoint: the Barman Cloud default, AWS S3, outside the cluster.
    if (endpointURL === undefined || endpointURL === null) return [];
    let url: URL;
    try {
        url = new URL(asString(endpointURL) ?? "");
    } catch {
        return ["not a URL"];
    }
    const problems: string[] = [];
    if (url.protocol === "http:") problems.push("plain http (backups and WAL travel unencrypted)");
    const host = url.hostname.toLowerCase().replace(/\.$/, "");
    // Service names (`minio`, `rgw.ceph.svc`, `…svc.cluster.local`) resolve only inside a cluster.
    if (!host.includes(".") || /\.(svc|cluster\.local)$/.test(host)) {
        problems.push("inside the cluster (losing the cluster loses its backups)");
    }
    return problems;
}

export type InClusterReason = { kind: "absent" } | { kind: "blank" } | { kind: "given"; reason: string };

/** The reason annotation of an object: absent, present but blank (accepts nothing), or given. */
export function inClusterReason(props: unknown): InClusterReason {
    const annotations = asRecord(at(props, "metadata", "annotations"));
    if (!annotations || !(inClusterReasonAnnotation in annotations)) return { kind: "absent" };
    const reason = asString(annotations[inClusterReasonAnnotation])?.trim();
    return reason ? { kind: "given", reason } : { kind: "blank" };
}
