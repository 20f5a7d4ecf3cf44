import * as pulumi from "@pulumi/pulumi";
import { checkRegion } from "./backends/aws/common";
import { eksAwsValues } from "./backends/aws/eks-values";
import { AppTierEgressEndpointArgs } from "./core/app-tier-contract";
import { postgresPort } from "./backends/postgres-client";
import { amazonMq } from "./backends/aws/rabbitmq";
import { redisPort } from "./backends/aws/redis";
import { ClusterPlanContext } from "./backends/backend";
import { ArgChecker } from "./core/arg-checker";
import { dropped } from "./core/arg-shape";
import { Profile, Target } from "./core/enums";
import { KubernetesClusterArgs } from "./core/kubernetes-cluster-contract";
import { NetworkArgs } from "./core/network-contract";
import { PlatformAwsArgs, platformAwsShape } from "./core/platform-aws-contract";
import { SharedSecretAwsArgs } from "./core/shared-secret-aws-contract";
import { planKubernetesCluster } from "./kubernetes-cluster";
import { planNetwork } from "./network";
import { FoundationPlan, MadeFoundation, createFoundation, inPlatformRegion } from "./platform-foundation";

/** What a Platform's AWS services need of its cluster, known before planning it. */
export interface AwsPlatformNeeds {
    /** A data service in the VPC admits the cluster's security group. */
    clientGroup: boolean;
    /** The app's ServiceAccount, bound to a bucket through Pod Identity on the cluster. */
    appServiceAccount?: { namespace: pulumi.Input<string>; name: string };
}

/** A Platform's VPC and EKS cluster, planned before anything registers. */
export type AwsFoundationPlan = FoundationPlan<SharedSecretAwsArgs>;

/**
 * Plans the Network and KubernetesCluster of a Platform on AWS, with the Platform's target and
 * profile and one region, reporting every problem to `check` (prefixed "aws."). Returns undefined
 * when they cannot be planned: the services then have nothing to be placed on.
 */
export function planAwsFoundation(
    check: ArgChecker,
    name: string,
    given: PlatformAwsArgs | undefined,
    profile: Profile,
    needs: AwsPlatformNeeds,
): AwsFoundationPlan | undefined {
    const checked = platformAwsShape.check(given ?? {}, "aws", check);
    if (checked === dropped) return undefined;
    const a = checked as PlatformAwsArgs;
    const region = a.region;
    checkRegion(check, "aws.region", region);
    const sameRegion = (arg: string, nested: string | undefined) =>
        check.require(
            nested === undefined || region === undefined || nested === region,
            arg,
            `must be the Platform's aws.region ${JSON.stringify(region)} or left out: a Platform lives in one region (got ${JSON.stringify(nested)})`,
        );
    sameRegion("aws.network.aws.region", a.network?.aws?.region);
    sameRegion("aws.cluster.aws.region", a.cluster?.aws?.region);
    sameRegion("aws.secrets.region", a.secrets?.region);

    const networkArgs: NetworkArgs = {
        ...a.network,
        target: Target.Aws,
        profile,
        aws: { ...a.network?.aws, region: a.network?.aws?.region ?? region },
    };
    const networkPlan = check.nested("aws.network.", () => planNetwork(`${name}-network`, networkArgs));
    if (networkPlan === undefined) return undefined;
    const zoneNames = networkArgs.aws?.existing?.availabilityZones ?? networkPlan.resolved.availabilityZones;
    const zoneCount = zoneNames?.length ?? networkPlan.resolved.zones;

    const made: MadeFoundation = {};
    const existing = a.cluster?.aws?.existing;
    const clusterArgs: KubernetesClusterArgs = {
        ...a.cluster,
        target: Target.Aws,
        profile,
        aws: { ...a.cluster?.aws, region: a.cluster?.aws?.region ?? region },
    };
    const clusterContext: ClusterPlanContext = { subnets: { zoneCount, ids: () => made.network!.privateSubnets } };
    const clusterPlan = check.nested("aws.cluster.", () =>
        planKubernetesCluster(`${name}-cluster`, clusterArgs, existing ? undefined : clusterContext),
    );
    if (existing !== undefined) {
        check.require(
            !needs.clientGroup || existing.clusterSecurityGroupId !== undefined,
            "aws.cluster.aws.existing.clusterSecurityGroupId",
            "is required with data services on aws: their security groups admit only the cluster's",
        );
        check.require(
            needs.appServiceAccount === undefined || existing.clusterName !== undefined,
            "aws.cluster.aws.existing.clusterName",
            "is required with object storage on aws: the app's ServiceAccount is bound to the bucket's role on that cluster",
        );
    }
    if (clusterPlan === undefined) return undefined;

    return {
        services: {
            aws: {
                zoneCount,
                zoneNames,
                appServiceAccount: needs.appServiceAccount,
                placement: () => {
                    const network = made.network!;
                    const cluster = made.cluster!;
                    return {
                        vpcId: network.vpcId,
                        subnetIds: network.privateSubnets,
                        availabilityZones: network.zoneNames,
                        clientSecurityGroupIds: [cluster.clusterSecurityGroupId!],
                        clusterName: cluster.clusterName!,
                    };
                },
            },
        },
        secrets: { ...a.secrets, region: a.secrets?.region ?? region },
        regional: (plan) => inPlatformRegion(plan, region),
        create: (parent, platformName) =>
            createFoundation(
                parent,
                platformName,
                { network: [networkArgs, networkPlan], cluster: [clusterArgs, clusterPlan] },
                made,
            ),
    };
}

/** The node-local endpoints the app must reach: the Pod Identity agent, when it gets its bucket's role that way. */
export function awsAppEndpoints(podIdentity: boolean): AppTierEgressEndpointArgs[] {
    return podIdentity ? [{ ...eksAwsValues.podIdentityAgent }] : [];
}

/** The ports of a Platform's managed services on AWS, which its app must be allowed to reach. */
export function awsServicePorts(on: { postgres: boolean; redis: boolean; rabbitmq: boolean }): number[] {
    return [
        ...(on.postgres ? [postgresPort] : []),
        ...(on.redis ? [redisPort] : []),
        ...(on.rabbitmq ? [amazonMq.amqpsPort] : []),
    ];
}
