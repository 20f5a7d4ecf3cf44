import { ObjectShape, object, string } from "./arg-shape";
import { KubernetesClusterArgs, KubernetesNodesArgs, kubernetesClusterShape } from "./kubernetes-cluster-contract";
import { KubernetesClusterGcpArgs } from "./kubernetes-cluster-gcp-contract";
import { NetworkArgs, networkShape } from "./network-contract";
import { NetworkGcpArgs } from "./network-gcp-contract";
import { withoutTargetAndProfile } from "./platform-part-fields";
import { SharedSecretGcpArgs, sharedSecretGcpShape } from "./shared-secret-gcp-contract";

/** The VPC a Platform on GCP creates (or takes): {@link NetworkArgs} without target and profile, which are the Platform's. */
export interface PlatformGcpNetworkArgs {
    /** Number of zones, 2–6; ≥ 3 in production. Default 3 in production, 2 in development. */
    zones?: number;
    /** The zones' names, e.g. ["europe-west1-b", "europe-west1-c", "europe-west1-d"]; given, no lookup is made (a preview calls no GCP API). Default: the region's first `zones`. */
    availabilityZones?: string[];
    /** The regional subnet's primary range, /16 to /22 of RFC 1918. Default "10.0.0.0/16". */
    cidrBlock?: string;
    /** The GKE and private services ranges, flow logs, or an existing VPC (`existing`). Its `region` and `project`, when given, must be the Platform's. Default: {@link NetworkGcpArgs}'s defaults in the Platform's region and project. */
    gcp?: NetworkGcpArgs;
}

/** The GKE cluster a Platform on GCP creates (or takes): {@link KubernetesClusterArgs} without target and profile. */
export interface PlatformGcpClusterArgs {
    /** Kubernetes minor version. Default: the release channel's. */
    version?: string;
    /** Worker nodes per zone. Default 1–3 in production. */
    nodesPerZone?: KubernetesNodesArgs;
    /** Protect the cluster. Default: true in production. */
    deletionProtection?: boolean;
    /**
     * Release channel, Autopilot, machine type, API access, KMS key, or an existing cluster
     * (`existing`). The network, subnetwork and ranges are the Network's and must be left out; its
     * `region`, `project` and `availabilityZones`, when given, must be the Platform's. Default:
     * {@link KubernetesClusterGcpArgs}'s defaults, the nodes in the Network's zones when their names are known.
     */
    gcp?: KubernetesClusterGcpArgs;
}

/**
 * GCP specifics of a Platform: the VPC and regional GKE cluster it stands on, and where its secrets
 * are kept. Its data services take private IPs in the VPC (private services access); the app runs on
 * GKE and reaches its bucket through Workload Identity.
 */
export interface PlatformGcpArgs {
    /** Region of every regional resource, e.g. "europe-west1". Default: the region of `network.availabilityZones`, else the GCP provider's (`gcp:region`). */
    region?: string;
    /** Project of every resource. Default: the GCP provider's (`gcp:project`). */
    project?: string;
    /** The VPC. Default: a new one over 3 zones (production). */
    network?: PlatformGcpNetworkArgs;
    /** The GKE cluster. Default: a new regional one with a node pool over the Network's zones. */
    cluster?: PlatformGcpClusterArgs;
    /** The Secret Manager secret holding the app's settings (its `project` is the Platform's). Default: automatic replication, Google-managed encryption. */
    secrets?: SharedSecretGcpArgs;
}

/** A Network's fields but the Platform's own and AWS's (a Platform on gcp makes a GCP network). */
function gcpNetworkFields(): ObjectShape<PlatformGcpNetworkArgs>["fields"] {
    const { aws: _aws, ...rest } = withoutTargetAndProfile<NetworkArgs>(networkShape);
    return rest;
}

/** A KubernetesCluster's fields but the Platform's own and AWS's (a Platform on gcp makes a GKE cluster). */
function gcpClusterFields(): ObjectShape<PlatformGcpClusterArgs>["fields"] {
    const { aws: _aws, ...rest } = withoutTargetAndProfile<KubernetesClusterArgs>(kubernetesClusterShape);
    return rest;
}

/** The declared types of {@link PlatformGcpArgs}. */
export const platformGcpShape: ObjectShape<PlatformGcpArgs> = object<PlatformGcpArgs>("PlatformGcpArgs", {
    region: string(),
    project: string(),
    network: object<PlatformGcpNetworkArgs>("PlatformGcpNetworkArgs", gcpNetworkFields()),
    cluster: object<PlatformGcpClusterArgs>("PlatformGcpClusterArgs", gcpClusterFields()),
    secrets: sharedSecretGcpShape,
});
