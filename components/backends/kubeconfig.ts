/** How kubectl (or a Kubernetes provider) gets a token: a client-go exec plugin. */
export interface KubeconfigExec {
    command: string;
    args?: string[];
    installHint?: string;
    provideClusterInfo?: boolean;
}

/**
 * A kubeconfig (JSON, which is YAML too) for one cluster whose user runs `exec` for a short-lived
 * token: no secret inside. Shared by the managed-cluster backends (EKS, GKE).
 */
export function execKubeconfig(name: string, server: string, caData: string | undefined, exec: KubeconfigExec): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server, "certificate-authority-data": caData } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        users: [
            {
                name,
                user: {
                    exec: { apiVersion: "client.authentication.k8s.io/v1beta1", ...exec, interactiveMode: "Never" },
                },
            },
        ],
    });
}
