import { execKubeconfig } from "../kubeconfig";

/** A kubeconfig whose user gets a token from `aws eks get-token`: no secret inside. */
export function kubeconfigFor(
    name: string,
    endpoint: string,
    caData: string | undefined,
    region: string | undefined,
): string {
    const args = [
        "eks",
        "get-token",
        "--cluster-name",
        name,
        ...(region ? ["--region", region] : []),
        "--output",
        "json",
    ];
    return execKubeconfig(name, endpoint, caData, { command: "aws", args });
}
