import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, boolean, input, int, map, object, oneOf, required, string } from "./arg-shape";
import { Profile, Target } from "./enums";
import { KubernetesClusterGcpArgs, kubernetesClusterGcpShape } from "./kubernetes-cluster-gcp-contract";

/** Worker nodes in each zone (a node group per zone, so each zone keeps its share). */
export interface KubernetesNodesArgs {
    /** Fewest nodes per zone: ≥ 1 in production (every zone runs workloads), ≥ 0 in development. Default 1. */
    min?: number;
    /** Nodes per zone to start with, from `min` to `max`. Default `min`. */
    desired?: number;
    /** Most nodes per zone, ≥ `min` and ≥ 1, at most 100. Default 3 in production, 2 in development. */
    max?: number;
}

/** A cluster made elsewhere: only the Kubernetes provider is created, from its kubeconfig. */
export interface ExistingKubernetesClusterArgs {
    /** Kubeconfig (YAML or JSON) of the cluster; held as a Pulumi secret. */
    kubeconfig: pulumi.Input<string>;
    /** The cluster's name, passed through to `clusterName`. */
    clusterName?: pulumi.Input<string>;
    /** The security group its nodes use (the EKS cluster security group), passed through to `clusterSecurityGroupId`. */
    clusterSecurityGroupId?: pulumi.Input<string>;
}

/** AWS (EKS) specifics of {@link KubernetesClusterArgs}. */
export interface KubernetesClusterAwsArgs {
    /** Region of every resource. Default: the AWS provider's region. */
    region?: string;
    /** Private subnets, one per zone (a Network's `privateSubnets`): ≥ 2, ≥ 3 in production. Nodes and the control plane's interfaces go there. Required unless `existing`. */
    subnetIds?: pulumi.Input<string>[];
    /**
     * EKS Auto Mode: AWS runs and scales the nodes (node pools "general-purpose" and "system") and
     * brings networking, DNS, block storage and load balancing itself, so no node groups and no
     * managed add-ons are created, and `nodesPerZone` and `instanceTypes` must be left out. Default false.
     */
    autoMode?: boolean;
    /**
     * EC2 instance types of the node groups, all of one architecture: Graviton types (m7g, c7g, …)
     * get the AL2023 ARM AMI, the others the AL2023 x86-64 AMI. Default ["m7i.large"].
     */
    instanceTypes?: string[];
    /** IAM principals (user or role ARNs) given cluster-admin through access entries (AmazonEKSClusterAdminPolicy, cluster scope). The identity running `pulumi up` is admin as the cluster's creator. Default none. */
    adminPrincipalArns?: pulumi.Input<string>[];
    /**
     * CIDR blocks allowed to reach the public API endpoint; given, the public endpoint is on and
     * limited to them. Default: public endpoint off in production (reach the API from inside the VPC:
     * a runner there, or a VPN); in development on for every address (requests still need IAM
     * authentication). The private endpoint is always on.
     */
    publicEndpointCidrs?: string[];
    /** KMS key (ARN) for envelope encryption of Kubernetes Secrets. Default: a key the component creates, with yearly rotation. */
    kmsKeyArn?: pulumi.Input<string>;
    /** Add-on versions replacing the pinned ones, by add-on name (vpc-cni, coredns, kube-proxy, eks-pod-identity-agent, aws-ebs-csi-driver). Default: the pins. */
    addonVersions?: Record<string, string>;
    /** Take an existing cluster: only its Kubernetes provider is created. Every other field but `region` must be left out. */
    existing?: ExistingKubernetesClusterArgs;
}

/**
 * Arguments of {@link KubernetesCluster}: a managed Kubernetes control plane over several zones
 * with worker nodes in each. One contract for every cloud; AWS details under `aws`.
 */
export interface KubernetesClusterArgs {
    /** Where the cluster runs. Required, no default: `Target.Aws` (EKS) or `Target.Gcp` (regional GKE). */
    target: Target;
    /** HA defaults to start from. Default `Profile.Production`. */
    profile?: Profile;
    /** Kubernetes minor version, e.g. "1.36". Default: the newest the target supports as pinned (EKS: 1.36). */
    version?: string;
    /** Worker nodes in each zone. */
    nodesPerZone?: KubernetesNodesArgs;
    /** Protect the control plane from `pulumi destroy` and replacement (Pulumi `protect`, and EKS deletion protection). Default: true in production. */
    deletionProtection?: boolean;
    /** AWS specifics; only with `target: aws`. */
    aws?: KubernetesClusterAwsArgs;
    /** GCP specifics (region, the Network's subnet and ranges, release channel, Autopilot, KMS); only with `target: gcp`. */
    gcp?: KubernetesClusterGcpArgs;
}

/** What a cluster offers the workloads and data services placed on it. */
export interface KubernetesClusterOutputs {
    /** Kubeconfig of the cluster, a Pulumi secret. On EKS it authenticates with `aws eks get-token`. */
    kubeconfig: pulumi.Output<string>;
    /** The cluster's name. */
    clusterName?: pulumi.Output<string>;
    /** The API server's URL. */
    endpoint?: pulumi.Output<string>;
    /** The security group the nodes use (EKS's cluster security group): data services admit it. AWS only. */
    clusterSecurityGroupId?: pulumi.Output<string>;
    /** The cluster's OIDC issuer URL. */
    oidcIssuer?: pulumi.Output<string>;
}

/** The declared types of {@link KubernetesClusterArgs}. */
export const kubernetesClusterShape: ObjectShape<KubernetesClusterArgs> = object<KubernetesClusterArgs>(
    "KubernetesClusterArgs",
    {
        target: required(oneOf(Target)),
        profile: oneOf(Profile),
        version: string(),
        nodesPerZone: object<KubernetesNodesArgs>("KubernetesNodesArgs", { min: int(), desired: int(), max: int() }),
        deletionProtection: boolean(),
        aws: object<KubernetesClusterAwsArgs>("KubernetesClusterAwsArgs", {
            region: string(),
            subnetIds: array(input(string())),
            autoMode: boolean(),
            instanceTypes: array(string()),
            adminPrincipalArns: array(input(string())),
            publicEndpointCidrs: array(string()),
            kmsKeyArn: input(string()),
            addonVersions: map(string()),
            existing: object<ExistingKubernetesClusterArgs>("ExistingKubernetesClusterArgs", {
                kubeconfig: required(input(string())),
                clusterName: input(string()),
                clusterSecurityGroupId: input(string()),
            }),
        }),
        gcp: kubernetesClusterGcpShape,
    },
);
