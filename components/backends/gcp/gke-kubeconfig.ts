/**
 * A kubeconfig (JSON, which is YAML too) whose user gets a token from `gke-gcloud-auth-plugin`, as
 * GKE documents for kubectl ≥ 1.26: no secret inside. The plugin uses the caller's gcloud credentials.
 */
export function gkeKubeconfig(name: string, endpoint: string, caData: string | undefined): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server: `https://${endpoint}`, "certificate-authority-data": caData } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        users: [
            {
                name,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "gke-gcloud-auth-plugin",
                        installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
                        provideClusterInfo: true,
                        interactiveMode: "Never",
                    },
                },
            },
        ],
    });
}
