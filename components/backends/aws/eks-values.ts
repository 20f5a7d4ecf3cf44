import { EksAddonName } from "./eks-pins";

const managedPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/**
 * Values sent to AWS, pinned by the tests against the provider's and the EKS API's documented
 * values. Policy ARNs are in the commercial partition ("aws"); China and GovCloud are not served.
 */
export const eksAwsValues = {
    /** Cluster accessConfig.authenticationMode: CONFIG_MAP, API or API_AND_CONFIG_MAP. Access entries only, no aws-auth ConfigMap. */
    authenticationMode: "API",
    /** Control-plane log types (EKS API LogType). */
    logTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    /** Cluster encryptionConfig.resources: only "secrets" is valid. */
    encryptedResources: ["secrets"],
    /** NodeGroup capacityType: ON_DEMAND or SPOT. */
    capacityType: "ON_DEMAND",
    /** NodeGroup amiType by architecture (EKS API Nodegroup amiType). */
    amiTypes: { x86_64: "AL2023_x86_64_STANDARD", arm64: "AL2023_ARM_64_STANDARD" },
    /** Addon resolveConflictsOnCreate (NONE, OVERWRITE) and resolveConflictsOnUpdate (NONE, OVERWRITE, PRESERVE). */
    resolveConflicts: "OVERWRITE",
    /** Auto Mode computeConfig.nodePools: general-purpose and system. */
    autoModeNodePools: ["general-purpose", "system"],
    /** AccessPolicyAssociation accessScope.type: namespace or cluster. */
    accessScopeType: "cluster",
    clusterAdminPolicyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    /** AWS-managed policies of each role: exactly what EKS documents for it. */
    clusterRolePolicies: [managedPolicy("AmazonEKSClusterPolicy")],
    autoModeClusterRolePolicies: [
        managedPolicy("AmazonEKSClusterPolicy"),
        managedPolicy("AmazonEKSComputePolicy"),
        managedPolicy("AmazonEKSBlockStoragePolicy"),
        managedPolicy("AmazonEKSLoadBalancingPolicy"),
        managedPolicy("AmazonEKSNetworkingPolicy"),
    ],
    nodeRolePolicies: [
        managedPolicy("AmazonEKSWorkerNodePolicy"),
        managedPolicy("AmazonEKS_CNI_Policy"),
        managedPolicy("AmazonEC2ContainerRegistryPullOnly"),
    ],
    autoModeNodeRolePolicies: [
        managedPolicy("AmazonEKSWorkerNodeMinimalPolicy"),
        managedPolicy("AmazonEC2ContainerRegistryPullOnly"),
    ],
    ebsCsiPolicy: managedPolicy("service-role/AmazonEBSCSIDriverPolicy"),
    /** The EBS CSI controller's service account, which its Pod Identity association names. */
    ebsCsiServiceAccount: "ebs-csi-controller-sa",
    /** StorageClass provisioner: the EBS CSI add-on's, or Auto Mode's own. */
    ebsProvisioner: "ebs.csi.aws.com",
    autoModeEbsProvisioner: "ebs.csi.eks.amazonaws.com",
    /**
     * The vpc-cni add-on's configuration: NetworkPolicy enforcement is off by default, so without
     * this every policy the Platform and the services write would be accepted and ignored.
     * (The add-on's schema takes the flag as a string.)
     */
    vpcCniConfiguration: { enableNetworkPolicy: "true" },
    /**
     * Where pods get their EKS Pod Identity credentials: the agent on every node, at a link-local
     * address (IPv4 clusters). A pod whose egress is fenced must be let through to it.
     */
    podIdentityAgent: { cidr: "169.254.170.23/32", port: 80 },
    /** Auto Mode's switch for the same (ConfigMap amazon-vpc-cni in kube-system). */
    autoModeNetworkPolicyConfigMap: {
        name: "amazon-vpc-cni",
        namespace: "kube-system",
        data: { "enable-network-policy-controller": "true" },
    },
} as const;

/** Add-ons installed before the node groups (nodes need them to become Ready), and after. */
export const addonsBeforeNodes: EksAddonName[] = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"];

const instanceTypePattern = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)$/;
/** Graviton (arm64) families carry a "g" after the generation: m7g, c7gn, r8gd, t4g, im4gn, g5g. */
export function architectureOf(instanceType: string): "arm64" | "x86_64" | undefined {
    const m = instanceTypePattern.exec(instanceType);
    if (!m) return undefined;
    return m[3].includes("g") ? "arm64" : "x86_64";
}
