import * as pulumi from "@pulumi/pulumi";
import { ServicePlanContext } from "./backends/backend";
import { KubernetesClusterArgs } from "./core/kubernetes-cluster-contract";
import { NetworkArgs } from "./core/network-contract";
import { KubernetesCluster, KubernetesClusterPlan } from "./kubernetes-cluster";
import { Network, NetworkPlan } from "./network";
import { ServicePlan, handDown } from "./service-plan";

/** A Platform's VPC and cluster on a cloud (EKS, GKE), planned with its services before anything registers. */
export interface FoundationPlan<Secrets> {
    /** The services' placement on them. */
    services: ServicePlanContext;
    /** The cloud settings of the Platform's secret (Secrets Manager, Secret Manager), its region or project filled. */
    secrets: Secrets;
    /** `plan` creating its resources in the Platform's region (the provider's when none is known). */
    regional<R, O>(plan: ServicePlan<R, O>): ServicePlan<R, O>;
    /** Creates the Network and the KubernetesCluster under the Platform. */
    create(parent: pulumi.ComponentResource, name: string): KubernetesCluster;
}

/** The planned Network and cluster, with the arguments each was planned with. */
export interface PlannedFoundation {
    network: [NetworkArgs, NetworkPlan];
    cluster: [KubernetesClusterArgs, KubernetesClusterPlan];
}

/** What a foundation made, for the services' placement to read once it exists. */
export interface MadeFoundation {
    network?: Network;
    cluster?: KubernetesCluster;
}

/** Creates the Network, then the KubernetesCluster, under the Platform, each with the plan made for it. */
export function createFoundation(
    parent: pulumi.ComponentResource,
    name: string,
    planned: PlannedFoundation,
    made: MadeFoundation,
): KubernetesCluster {
    const [networkArgs, networkPlan] = planned.network;
    const [clusterArgs, clusterPlan] = planned.cluster;
    made.network = new Network(`${name}-network`, handDown(networkArgs, asHanded(networkPlan)), { parent });
    made.cluster = new KubernetesCluster(`${name}-cluster`, handDown(clusterArgs, asHanded(clusterPlan)), {
        parent,
    });
    return made.cluster;
}

/** `plan`, its resources created in `region` unless its scope names one (unchanged without a region). */
export function inPlatformRegion<R, O>(plan: ServicePlan<R, O>, region: string | undefined): ServicePlan<R, O> {
    if (region === undefined) return plan;
    return { resolved: plan.resolved, create: (scope) => plan.create({ ...scope, region: scope.region ?? region }) };
}

function asHanded(plan: NetworkPlan | KubernetesClusterPlan): ServicePlan<unknown, unknown> {
    return plan as ServicePlan<unknown, unknown>;
}
