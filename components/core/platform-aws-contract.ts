import { ObjectShape, object, string } from "./arg-shape";
import {
    KubernetesClusterArgs,
    KubernetesClusterAwsArgs,
    KubernetesNodesArgs,
    kubernetesClusterShape,
} from "./kubernetes-cluster-contract";
import { NetworkArgs, NetworkAwsArgs, networkShape } from "./network-contract";
import { SharedSecretAwsArgs, sharedSecretAwsShape } from "./shared-secret-aws-contract";
import { withoutTargetAndProfile } from "./platform-part-fields";

/** The VPC a Platform on AWS creates (or takes): {@link NetworkArgs} without target and profile, which are the Platform's. */
export interface PlatformNetworkArgs {
    /** Number of zones, 2–6; ≥ 3 in production. Default 3 in production, 2 in development. */
    zones?: number;
    /** The zones' names; given, no lookup is made (a preview calls no AWS API). Default: the region's first `zones`. */
    availabilityZones?: string[];
    /** The VPC's range, /16 to /22 of RFC 1918. Default "10.0.0.0/16". */
    cidrBlock?: string;
    /** NAT gateways, flow logs, or an existing VPC (`existing`). Its `region`, when given, must be the Platform's. */
    aws?: NetworkAwsArgs;
}

/** The EKS cluster a Platform on AWS creates (or takes): {@link KubernetesClusterArgs} without target and profile. */
export interface PlatformClusterArgs {
    /** Kubernetes minor version. Default: the pinned EKS version. */
    version?: string;
    /** Worker nodes per zone. Default 1–3 in production. */
    nodesPerZone?: KubernetesNodesArgs;
    /** Protect the control plane. Default: true in production. */
    deletionProtection?: boolean;
    /**
     * Instance types, Auto Mode, admins, API access, or an existing cluster (`existing`, which must then
     * name its `clusterSecurityGroupId`, and its `clusterName` when the Platform has a bucket).
     * `subnetIds` is the Network's and must be left out; `region`, when given, must be the Platform's.
     */
    aws?: KubernetesClusterAwsArgs;
}

/**
 * AWS specifics of a Platform: the VPC and EKS cluster it stands on, and where its secrets are kept.
 * Its data services are placed in the VPC's private subnets, each admitting only the cluster's
 * security group; the app runs on the cluster and reaches its bucket through EKS Pod Identity.
 */
export interface PlatformAwsArgs {
    /** Region of every AWS resource of the Platform, e.g. "eu-central-1". Default: the AWS provider's region. */
    region?: string;
    /** The VPC. Default: a new one over 3 zones (production). */
    network?: PlatformNetworkArgs;
    /** The EKS cluster. Default: a new one with a node group per zone. */
    cluster?: PlatformClusterArgs;
    /** The Secrets Manager secret holding the app's settings (its `region` is the Platform's). Default: its own KMS key, 30-day recovery. */
    secrets?: SharedSecretAwsArgs;
}

/** A Network's fields but the Platform's own and GCP's (a Platform on aws makes an AWS network). */
function awsNetworkFields(): ObjectShape<PlatformNetworkArgs>["fields"] {
    const { gcp: _gcp, ...rest } = withoutTargetAndProfile<NetworkArgs>(networkShape);
    return rest;
}

/** A KubernetesCluster's fields but the Platform's own and GCP's (a Platform on aws makes an EKS cluster). */
function awsClusterFields(): ObjectShape<PlatformClusterArgs>["fields"] {
    const { gcp: _gcp, ...rest } = withoutTargetAndProfile<KubernetesClusterArgs>(kubernetesClusterShape);
    return rest;
}

/** The declared types of {@link PlatformAwsArgs}. */
export const platformAwsShape: ObjectShape<PlatformAwsArgs> = object<PlatformAwsArgs>("PlatformAwsArgs", {
    region: string(),
    network: object<PlatformNetworkArgs>("PlatformNetworkArgs", awsNetworkFields()),
    cluster: object<PlatformClusterArgs>("PlatformClusterArgs", awsClusterFields()),
    secrets: sharedSecretAwsShape,
});
