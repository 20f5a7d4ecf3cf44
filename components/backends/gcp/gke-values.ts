/**
 * Values sent to GCP for a GKE cluster, pinned by the tests against the provider's documented
 * values (`@pulumi/gcp` container and kms .d.ts).
 */
export const gkeValues = {
    /** Cluster networkingMode: VPC_NATIVE or ROUTES. VPC-native: pods take IPs from the subnet's secondary range. */
    networkingMode: "VPC_NATIVE",
    /**
     * Cluster datapathProvider: LEGACY_DATAPATH (GKE's default, iptables kube-proxy, no NetworkPolicy
     * enforcement) or ADVANCED_DATAPATH (Dataplane V2, eBPF, enforces NetworkPolicies). Autopilot
     * always runs Dataplane V2.
     */
    datapathProvider: "ADVANCED_DATAPATH",
    /** Cluster databaseEncryption.state: ENCRYPTED or DECRYPTED. */
    databaseEncryptionState: "ENCRYPTED",
    /** NodePool nodeConfig.workloadMetadataConfig.mode: GKE_METADATA (Workload Identity) or GCE_METADATA. */
    workloadMetadataMode: "GKE_METADATA",
    /** Node OAuth scope: access is governed by the node service account's IAM roles instead. */
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    /** The node service account's project roles: the minimum GKE documents for nodes, plus image pulls. */
    nodeRoles: [
        "roles/logging.logWriter",
        "roles/monitoring.metricWriter",
        "roles/monitoring.viewer",
        "roles/stackdriver.resourceMetadata.writer",
        "roles/artifactregistry.reader",
    ],
    /** What the GKE service agent needs on the Secrets key. */
    kmsRole: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    /** CryptoKey rotationPeriod: 90 days, in seconds ("s" suffix, more than a day). */
    keyRotationPeriod: "7776000s",
    /** Node boot disk: balanced persistent disk. */
    diskType: "pd-balanced",
    /** The kubectl credential plugin GKE documents (client.authentication.k8s.io/v1beta1). */
    authPlugin: "gke-gcloud-auth-plugin",
    /** Daily maintenance start when none is given, HH:MM UTC. */
    dailyMaintenanceStart: "03:00",
    /** The control plane's private range when none is given. */
    masterIpv4CidrBlock: "172.16.0.0/28",
    machineType: "e2-standard-4",
} as const;

/** The GKE service agent of a project: it encrypts Secrets with the cluster's KMS key. */
export function gkeServiceAgent(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`;
}
