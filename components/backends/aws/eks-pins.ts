/**
 * Versions the EKS backend pins on purpose (checked 2026-11; re-check before changing).
 *
 * Kubernetes 1.36: the newest minor in EKS standard support. The EKS user guide's "Review release
 * notes for Kubernetes versions on standard support" (docs.aws.amazon.com/eks/latest/userguide/
 * kubernetes-versions-standard.html) lists "Kubernetes 1.36 is now available in Amazon EKS"; it
 * reached EKS on 2026-06-02 and stays in standard support until 2027-08-02 (14 months). No EKS
 * 1.37 was announced by 2026-11.
 *
 * Add-on versions must be ones `aws eks describe-addon-versions --kubernetes-version 1.36
 * --addon-name <name>` returns; `aws.addonVersions` overrides any of them without a code change.
 */
export const eksKubernetesVersion = "1.36";

/** Where each pin comes from, and whether it was confirmed for Kubernetes 1.36. */
export interface AddonPin {
    version: string;
    source: string;
    /** True when the source lists this version for Kubernetes 1.36 itself. */
    confirmedFor136: boolean;
}

export const eksAddonPins = {
    "vpc-cni": {
        version: "v1.23.0-eksbuild.1",
        source: "amazon-vpc-cni-k8s release v1.23.0 (2026-08-07); the EKS add-on table lists one VPC CNI version for every Kubernetes version",
        confirmedFor136: false,
    },
    "kube-proxy": {
        version: "v1.36.0-eksbuild.14",
        source: "EKS user guide, managing-kube-proxy: latest add-on version per Kubernetes version, row 1.36",
        confirmedFor136: true,
    },
    coredns: {
        version: "v1.14.2-eksbuild.4",
        source: "EKS user guide, managing-coredns: row 1.35 (CoreDNS 1.14, which EKS Distro 1-36 also ships); the 1.36 row was not found",
        confirmedFor136: false,
    },
    "eks-pod-identity-agent": {
        version: "v1.3.10-eksbuild.2",
        source: "not confirmed: the EKS user guide gives no version table for this add-on",
        confirmedFor136: false,
    },
    "aws-ebs-csi-driver": {
        version: "v1.67.1-eksbuild.1",
        source: "aws-ebs-csi-driver release v1.67.1 (2026-10-20); the eksbuild suffix is not confirmed",
        confirmedFor136: false,
    },
} as const satisfies Record<string, AddonPin>;

export type EksAddonName = keyof typeof eksAddonPins;
