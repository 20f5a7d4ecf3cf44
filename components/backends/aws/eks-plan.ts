import * as pulumi from "@pulumi/pulumi";
import type { ClusterPlanContext } from "../backend";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { KubernetesClusterArgs } from "../../core/kubernetes-cluster-contract";
import { ResolvedKubernetesCluster } from "../../core/kubernetes-cluster-resolve";
import { isNetworkAddress, isPrivateRange, parseCidr } from "../../core/network-resolve";
import { EksAddonName, eksAddonPins, eksKubernetesVersion } from "./eks-pins";
import { architectureOf, eksAwsValues } from "./eks-values";
import { checkRegion } from "./common";

/** A new cluster, every value checked and defaulted. */
export interface ClusterPlan {
    version: string;
    /** The private subnets, one per zone; called when the cluster is created. */
    subnetIds: () => pulumi.Input<string>[];
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

/** An existing cluster to reach, or a new one to create. */
export type EksPlan =
    | { existing: NonNullable<NonNullable<KubernetesClusterArgs["aws"]>["existing"]>; cluster?: undefined }
    | { cluster: ClusterPlan; existing?: undefined };

const principalArn = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/[\w+=,.@/-]+$/;
const addonVersion = /^v\d+\.\d+\.\d+(-[a-z0-9.]+)?$/;

/** The AWS rules of a cluster; reports every problem, never throws, registers nothing. */
export function planEksCluster(
    check: ArgChecker,
    args: KubernetesClusterArgs,
    resolved: ResolvedKubernetesCluster,
    context?: ClusterPlanContext,
): EksPlan {
    const a = args.aws ?? {};
    checkRegion(check, "aws.region", a.region);

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
        return { existing: a.existing };
    }

    const minimum = resolved.production ? 3 : 2;
    const platform = context?.subnets;
    const subnets = a.subnetIds;
    if (platform !== undefined) {
        check.require(
            subnets === undefined,
            "aws.subnetIds",
            "is filled by the Platform from its Network's private subnets; leave it out",
        );
        check.require(
            platform.zoneCount >= minimum,
            "profile",
            `${resolved.production ? "production" : "development"} needs nodes in at least ${minimum} zones; the Platform's network has ${platform.zoneCount} (raise aws.network.zones)`,
        );
    } else if (
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
        subnetIds: platform !== undefined ? platform.ids : () => subnets ?? [],
        autoMode,
        instanceTypes,
        amiType,
        nodes: resolved.nodesPerZone,
        adminPrincipalArns: a.adminPrincipalArns ?? [],
        publicEndpointCidrs: cidrs ?? (resolved.production ? undefined : ["0.0.0.0/0"]),
        kmsKeyArn: a.kmsKeyArn,
        addonVersions: versions as Record<EksAddonName, string>,
    };
    return { cluster: plan };
}
