import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { KubernetesClusterArgs, KubernetesClusterOutputs } from "../../core/kubernetes-cluster-contract";
import { ResolvedKubernetesCluster } from "../../core/kubernetes-cluster-resolve";
import { standardLabels } from "../../core/labels";
import { isNetworkAddress, isPrivateRange, parseCidr } from "../../core/network-resolve";
import { BackendScope, ServiceBackend } from "../backend";
import { awsTags, child, encryptionKey, inRegion } from "./common";
import { EksAddonName, eksAddonPins, eksKubernetesVersion } from "./eks-pins";
import { regionName } from "./network";

const component = "kubernetes-cluster";

/** What the cluster backend returns: the neutral outputs and the provider every Kubernetes object on the cluster goes through. */
export interface KubernetesClusterBackendOutputs extends KubernetesClusterOutputs {
    provider: k8s.Provider;
}

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
} as const;

/** Add-ons installed before the node groups (nodes need them to become Ready), and after. */
const addonsBeforeNodes: EksAddonName[] = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"];

const instanceTypePattern = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)$/;
/** Graviton (arm64) families carry a "g" after the generation: m7g, c7gn, r8gd, t4g, im4gn, g5g. */
export function architectureOf(instanceType: string): "arm64" | "x86_64" | undefined {
    const m = instanceTypePattern.exec(instanceType);
    if (!m) return undefined;
    return m[3].includes("g") ? "arm64" : "x86_64";
}

const principalArn = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/[\w+=,.@/-]+$/;
const addonVersion = /^v\d+\.\d+\.\d+(-[a-z0-9.]+)?$/;

/** The AWS rules of a cluster; reports every problem, never throws, registers nothing. */
function planCluster(
    check: ArgChecker,
    args: KubernetesClusterArgs,
    resolved: ResolvedKubernetesCluster,
): (scope: BackendScope) => KubernetesClusterBackendOutputs {
    const a = args.aws ?? {};
    if (a.region !== undefined)
        check.require(
            regionName.test(a.region),
            "aws.region",
            `must be an AWS region such as "eu-central-1" (got ${show(a.region)})`,
        );

    if (a.existing !== undefined) {
        const others = [
            "subnetIds",
            "autoMode",
            "instanceTypes",
            "adminPrincipalArns",
            "publicEndpointCidrs",
            "kmsKeyArn",
            "addonVersions",
        ] as const;
        for (const key of others)
            check.require(
                a[key] === undefined,
                `aws.${key}`,
                "must be left out with aws.existing: only the existing cluster's provider is created",
            );
        for (const key of ["version", "nodesPerZone"] as const)
            check.require(args[key] === undefined, key, "must be left out with aws.existing: nothing is created");
        const existing = a.existing;
        return (scope) => existingCluster(scope, existing);
    }

    const minimum = resolved.production ? 3 : 2;
    const subnets = a.subnetIds;
    if (
        check.require(
            subnets !== undefined,
            "aws.subnetIds",
            "is required on target aws: the private subnets, one per zone (a Network's privateSubnets)",
        ) &&
        subnets !== undefined
    ) {
        check.require(
            subnets.length >= minimum && subnets.length <= 16,
            "aws.subnetIds",
            `must hold one private subnet per zone, ${minimum} to 16${resolved.production ? " in production (a majority of zones survives losing one)" : ""} (got ${subnets.length})`,
        );
        const known = subnets.filter((s): s is string => typeof s === "string");
        check.require(new Set(known).size === known.length, "aws.subnetIds", `must all differ (got ${show(known)})`);
    }

    const autoMode = a.autoMode ?? false;
    if (autoMode) {
        for (const [key, given] of [
            ["nodesPerZone", args.nodesPerZone],
            ["aws.instanceTypes", a.instanceTypes],
            ["aws.addonVersions", a.addonVersions],
        ] as const)
            check.require(
                given === undefined,
                key,
                "must be left out with aws.autoMode: Auto Mode chooses and scales the nodes and brings its own networking, DNS and storage drivers",
            );
    }

    const instanceTypes = a.instanceTypes ?? ["m7i.large"];
    const arches = new Set(instanceTypes.map(architectureOf));
    let amiType: string = eksAwsValues.amiTypes.x86_64;
    if (!autoMode) {
        const bad = instanceTypes.filter((t) => architectureOf(t) === undefined);
        check.require(
            instanceTypes.length > 0 && bad.length === 0,
            "aws.instanceTypes",
            `must be EC2 instance types such as "m7i.large" or "m7g.large", at least one (got ${show(instanceTypes)})`,
        );
        if (bad.length === 0 && instanceTypes.length > 0) {
            check.require(
                arches.size === 1,
                "aws.instanceTypes",
                `must all be of one architecture: a node group runs one AMI (got ${instanceTypes.map((t) => `${t} (${architectureOf(t)})`).join(", ")})`,
            );
            if (arches.has("arm64")) amiType = eksAwsValues.amiTypes.arm64;
        }
    }

    const cidrs = a.publicEndpointCidrs;
    if (cidrs !== undefined) {
        check.require(
            cidrs.length > 0,
            "aws.publicEndpointCidrs",
            "must hold at least one CIDR block; leave it out to keep the public endpoint off in production",
        );
        for (const [i, c] of cidrs.entries()) {
            const parsed = parseCidr(c);
            check.require(
                parsed !== undefined && isNetworkAddress(parsed.address, parsed.prefix),
                `aws.publicEndpointCidrs[${i}]`,
                `must be an IPv4 CIDR block with its host bits zero, such as "203.0.113.0/24" (got ${show(c)})`,
            );
            if (parsed && parsed.prefix > 0)
                check.require(
                    !isPrivateRange(parsed.address, parsed.prefix),
                    `aws.publicEndpointCidrs[${i}]`,
                    `must be a public range: private addresses reach the cluster through its private endpoint (got ${show(c)})`,
                );
        }
    }

    for (const [i, arn] of (a.adminPrincipalArns ?? []).entries())
        if (typeof arn === "string")
            check.require(
                principalArn.test(arn),
                `aws.adminPrincipalArns[${i}]`,
                `must be an IAM user or role ARN such as "arn:aws:iam::111122223333:role/admin" (not an assumed-role session) (got ${show(arn)})`,
            );

    const versions: Record<string, string> = {};
    for (const [name, pin] of Object.entries(eksAddonPins)) versions[name] = pin.version;
    for (const [name, version] of Object.entries(a.addonVersions ?? {})) {
        if (
            check.require(
                name in eksAddonPins,
                `aws.addonVersions.${name}`,
                `is not an add-on this cluster installs; they are ${Object.keys(eksAddonPins).join(", ")}`,
            )
        )
            check.require(
                addonVersion.test(version),
                `aws.addonVersions.${name}`,
                `must be an EKS add-on version such as "v1.20.1-eksbuild.3" (got ${show(version)})`,
            );
        versions[name] = version;
    }

    const plan: ClusterPlan = {
        version: resolved.version ?? eksKubernetesVersion,
        subnetIds: subnets ?? [],
        autoMode,
        instanceTypes,
        amiType,
        nodes: resolved.nodesPerZone,
        adminPrincipalArns: a.adminPrincipalArns ?? [],
        publicEndpointCidrs: cidrs ?? (resolved.production ? undefined : ["0.0.0.0/0"]),
        kmsKeyArn: a.kmsKeyArn,
        addonVersions: versions as Record<EksAddonName, string>,
    };
    return (scope) => createCluster(scope, plan);
}

interface ClusterPlan {
    version: string;
    subnetIds: pulumi.Input<string>[];
    autoMode: boolean;
    instanceTypes: string[];
    amiType: string;
    nodes: ResolvedKubernetesCluster["nodesPerZone"];
    adminPrincipalArns: pulumi.Input<string>[];
    /** Undefined: no public endpoint. */
    publicEndpointCidrs?: string[];
    kmsKeyArn?: pulumi.Input<string>;
    addonVersions: Record<EksAddonName, string>;
}

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
                subnetIds: plan.subnetIds,
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
        const early = addonsBeforeNodes.map((name) => addon(name, []));
        const groups = plan.subnetIds.map(
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

    return {
        kubeconfig,
        clusterName: cluster.name,
        endpoint: cluster.endpoint,
        clusterSecurityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
        oidcIssuer: cluster.identities[0].oidcs[0].issuer,
        provider,
    };
}

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

/** EKS: a control plane over the private subnets, a node group per zone (or Auto Mode), pinned add-ons, encrypted Secrets. */
export const awsKubernetesCluster: ServiceBackend<
    KubernetesClusterArgs,
    ResolvedKubernetesCluster,
    KubernetesClusterBackendOutputs
> = { plan: planCluster };
