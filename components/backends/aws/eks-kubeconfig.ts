/** A kubeconfig (JSON, which is YAML too) whose user gets a token from `aws eks get-token`: no secret inside. */
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
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server: endpoint, "certificate-authority-data": caData } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        users: [
            {
                name,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args,
                        interactiveMode: "Never",
                    },
                },
            },
        ],
    });
}
