import { execKubeconfig } from "../kubeconfig";

/**
 * A kubeconfig whose user gets a token from `gke-gcloud-auth-plugin`, as GKE documents for
 * kubectl ≥ 1.26: no secret inside. The plugin uses the caller's gcloud credentials.
 */
export function gkeKubeconfig(name: string, endpoint: string, caData: string | undefined): string {
    return execKubeconfig(name, `https://${endpoint}`, caData, {
        command: "gke-gcloud-auth-plugin",
        installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
        provideClusterInfo: true,
    });
}
