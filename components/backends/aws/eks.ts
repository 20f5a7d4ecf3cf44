import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesClusterArgs } from "../../core/kubernetes-cluster-contract";
import { ResolvedKubernetesCluster } from "../../core/kubernetes-cluster-resolve";
import { standardLabels } from "../../core/labels";
import { BackendScope, ClusterPlanContext, KubernetesClusterBackendOutputs, ServiceBackend } from "../backend";
import { awsTags, child, encryptionKey, inRegion } from "./common";
import { kubeconfigFor } from "./eks-kubeconfig";
import { EksAddonName } from "./eks-pins";
import { ClusterPlan, planEksCluster } from "./eks-plan";
import { addonsBeforeNodes, eksAwsValues } from "./eks-values";

const component = "kubernetes-cluster";

function existingCluster(
    scope: BackendScope,
    e: NonNullable<NonNullable<KubernetesClusterArgs["aws"]>["existing"]>,
): KubernetesClusterBackendOutputs {
    const kubeconfig = pulumi.secret(e.kubeconfig);
    return {
        kubeconfig,
        clusterName: e.clusterName === undefined ? undefined : pulumi.output(e.clusterName),
        clusterSecurityGroupId:
            e.clusterSecurityGroupId === undefined ? undefined : pulumi.output(e.clusterSecurityGroupId),
        provider: new k8s.Provider(`${scope.name}-k8s`, { kubeconfig }, { parent: scope.parent }),
    };
}

/** A role the service may assume, with exactly the given AWS-managed policies. */
function serviceRole(
    scope: BackendScope,
    suffix: string,
    service: string,
    policies: readonly string[],
    description: string,
    tagSession = false,
): { role: aws.iam.Role; attachments: aws.iam.RolePolicyAttachment[] } {
    const name = `${scope.name}-${suffix}`;
    const role = new aws.iam.Role(
        name,
        {
            description: `pulumi-ha kubernetes-cluster ${scope.name}: ${description}`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Service: service },
                        Action: tagSession ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole",
                    },
                ],
            }),
            tags: awsTags(scope, component),
        },
        child(scope),
    );
    const attachments = policies.map(
        (policyArn) =>
            new aws.iam.RolePolicyAttachment(
                `${name}-${policyArn.split("/").pop()}`,
                { role: role.name, policyArn },
                child(scope),
            ),
    );
    return { role, attachments };
}

function createCluster(scope: BackendScope, plan: ClusterPlan): KubernetesClusterBackendOutputs {
    const n = scope.name;
    const region = inRegion(scope);
    const tags = awsTags(scope, component);
    const keyArn = encryptionKey(scope, component, plan.kmsKeyArn);
    const subnetIds = plan.subnetIds();

    // Auto Mode's cluster role manages instances, volumes and load balancers, and tags its sessions.
    const clusterRole = serviceRole(
        scope,
        "cluster",
        "eks.amazonaws.com",
        plan.autoMode ? eksAwsValues.autoModeClusterRolePolicies : eksAwsValues.clusterRolePolicies,
        "the EKS control plane",
        plan.autoMode,
    );
    const nodeRole = serviceRole(
        scope,
        "node",
        "ec2.amazonaws.com",
        plan.autoMode ? eksAwsValues.autoModeNodeRolePolicies : eksAwsValues.nodeRolePolicies,
        "worker nodes",
    );

    const cluster = new aws.eks.Cluster(
        n,
        {
            version: plan.version,
            roleArn: clusterRole.role.arn,
            vpcConfig: {
                subnetIds,
                endpointPrivateAccess: true,
                endpointPublicAccess: plan.publicEndpointCidrs !== undefined,
                ...(plan.publicEndpointCidrs !== undefined ? { publicAccessCidrs: plan.publicEndpointCidrs } : {}),
            },
            accessConfig: {
                authenticationMode: eksAwsValues.authenticationMode,
                // The identity running `pulumi up` must reach the API to create the StorageClass and
                // everything placed on the cluster; EKS gives it an access entry of its own.
                bootstrapClusterCreatorAdminPermissions: true,
            },
            encryptionConfig: { resources: [...eksAwsValues.encryptedResources], provider: { keyArn } },
            enabledClusterLogTypes: [...eksAwsValues.logTypes],
            // The add-ons below are EKS add-ons, versioned here; EKS installs no unmanaged copies.
            bootstrapSelfManagedAddons: false,
            deletionProtection: scope.protect,
            ...(plan.autoMode
                ? {
                      computeConfig: {
                          enabled: true,
                          nodePools: [...eksAwsValues.autoModeNodePools],
                          nodeRoleArn: nodeRole.role.arn,
                      },
                      storageConfig: { blockStorage: { enabled: true } },
                      kubernetesNetworkConfig: { elasticLoadBalancing: { enabled: true } },
                  }
                : {}),
            tags,
            ...region,
        },
        // EKS needs its role's permissions until it has deleted what it made, so the attachments outlive it.
        child(scope, { protect: scope.protect, dependsOn: [...clusterRole.attachments, ...nodeRole.attachments] }),
    );

    const admins = plan.adminPrincipalArns.map((principalArn, i) => {
        const entry = new aws.eks.AccessEntry(
            `${n}-admin-${i}`,
            { clusterName: cluster.name, principalArn, tags, ...region },
            child(scope),
        );
        return new aws.eks.AccessPolicyAssociation(
            `${n}-admin-${i}`,
            {
                clusterName: cluster.name,
                principalArn: entry.principalArn,
                policyArn: eksAwsValues.clusterAdminPolicyArn,
                accessScope: { type: eksAwsValues.accessScopeType },
                ...region,
            },
            child(scope),
        );
    });

    const addon = (name: EksAddonName, dependsOn: pulumi.Resource[], extra: Partial<aws.eks.AddonArgs> = {}) =>
        new aws.eks.Addon(
            `${n}-${name}`,
            {
                clusterName: cluster.name,
                addonName: name,
                addonVersion: plan.addonVersions[name],
                resolveConflictsOnCreate: eksAwsValues.resolveConflicts,
                resolveConflictsOnUpdate: eksAwsValues.resolveConflicts,
                tags,
                ...extra,
                ...region,
            },
            child(scope, { dependsOn }),
        );

    let storageDependsOn: pulumi.Resource[] = [];
    if (!plan.autoMode) {
        const early = addonsBeforeNodes.map((name) =>
            addon(
                name,
                [],
                name === "vpc-cni"
                    ? { configurationValues: JSON.stringify(eksAwsValues.vpcCniConfiguration) }
                    : undefined,
            ),
        );
        const groups = subnetIds.map(
            (subnetId, i) =>
                new aws.eks.NodeGroup(
                    `${n}-zone-${i}`,
                    {
                        clusterName: cluster.name,
                        version: cluster.version,
                        nodeRoleArn: nodeRole.role.arn,
                        // One group per zone: each zone keeps its minimum, and an autoscaler can grow the
                        // zone a pending pod's (zonal) EBS volume lives in.
                        subnetIds: [subnetId],
                        scalingConfig: {
                            minSize: plan.nodes.min,
                            desiredSize: plan.nodes.desired,
                            maxSize: plan.nodes.max,
                        },
                        instanceTypes: plan.instanceTypes,
                        amiType: plan.amiType,
                        capacityType: eksAwsValues.capacityType,
                        updateConfig: { maxUnavailable: 1 },
                        nodeRepairConfig: { enabled: true },
                        tags,
                        ...region,
                    },
                    child(scope, { dependsOn: [...nodeRole.attachments, ...early] }),
                ),
        );
        addon("coredns", groups);
        const ebsRole = serviceRole(
            scope,
            "ebs-csi",
            "pods.eks.amazonaws.com",
            [eksAwsValues.ebsCsiPolicy],
            "the EBS CSI controller (Pod Identity)",
            true,
        );
        const podIdentity = early[addonsBeforeNodes.indexOf("eks-pod-identity-agent")];
        const ebs = addon("aws-ebs-csi-driver", [...groups, podIdentity, ...ebsRole.attachments], {
            podIdentityAssociations: [{ roleArn: ebsRole.role.arn, serviceAccount: eksAwsValues.ebsCsiServiceAccount }],
        });
        storageDependsOn = [ebs];
    }

    const clusterRegion = scope.region !== undefined ? pulumi.output(scope.region) : cluster.region;
    const kubeconfig = pulumi.secret(
        pulumi
            .all([cluster.name, cluster.endpoint, cluster.certificateAuthority, clusterRegion])
            .apply(([name, endpoint, ca, r]) => kubeconfigFor(name, endpoint, ca?.data, r)),
    );
    // Objects on the cluster wait for the admins' access too, so a run by one of them works on its first update.
    const provider = new k8s.Provider(`${n}-k8s`, { kubeconfig }, { parent: scope.parent, dependsOn: admins });

    new k8s.storage.v1.StorageClass(
        `${n}-gp3`,
        {
            metadata: {
                name: "gp3",
                annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
                labels: standardLabels({ appName: "storage", instance: n, component: "storage-class", partOf: n }),
            },
            provisioner: plan.autoMode ? eksAwsValues.autoModeEbsProvisioner : eksAwsValues.ebsProvisioner,
            // Encrypted with the account's aws/ebs key: AmazonEBSCSIDriverPolicy grants no customer-managed key.
            parameters: { type: "gp3", encrypted: "true" },
            // A volume is made in the zone its pod is scheduled to, not before.
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
            reclaimPolicy: "Delete",
        },
        { parent: scope.parent, provider, dependsOn: storageDependsOn },
    );
    if (plan.autoMode) {
        const cm = eksAwsValues.autoModeNetworkPolicyConfigMap;
        new k8s.core.v1.ConfigMap(
            `${n}-network-policy`,
            { metadata: { name: cm.name, namespace: cm.namespace }, data: { ...cm.data } },
            { parent: scope.parent, provider },
        );
    }

    return {
        kubeconfig,
        clusterName: cluster.name,
        endpoint: cluster.endpoint,
        clusterSecurityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
        oidcIssuer: cluster.identities[0].oidcs[0].issuer,
        provider,
    };
}

/** EKS: a control plane over the private subnets, a node group per zone (or Auto Mode), pinned add-ons, encrypted Secrets. */
export const awsKubernetesCluster: ServiceBackend<
    KubernetesClusterArgs,
    ResolvedKubernetesCluster,
    KubernetesClusterBackendOutputs,
    ClusterPlanContext
> = {
    plan(check, args, resolved, context) {
        const plan = planEksCluster(check, args, resolved, context);
        return (scope) => (plan.cluster ? createCluster(scope, plan.cluster) : existingCluster(scope, plan.existing));
    },
};
