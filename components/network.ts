import * as pulumi from "@pulumi/pulumi";
import { awsNetwork } from "./backends/aws/network";
import { gcpNetwork } from "./backends/gcp/network";
import { backendScope } from "./backends/backend";
import { ServicePlan, handedDown, planOnTarget } from "./service-plan";
import { Target } from "./core/enums";
import { NetworkArgs, NetworkOutputs, networkShape } from "./core/network-contract";
import { ResolvedNetwork, resolveNetwork } from "./core/network-resolve";

/** A Network checked in full (its arguments, the neutral rules, its target's) and ready to create. */
export type NetworkPlan = ServicePlan<ResolvedNetwork, NetworkOutputs>;

/**
 * Checks a Network's arguments — their types, the neutral rules, then its target's — and throws
 * every problem in one `InvalidArgumentsError`. Registers nothing: a Platform can plan it before it
 * registers anything, then create it under its own scope.
 */
export function planNetwork(name: string, args: NetworkArgs): NetworkPlan {
    return planOnTarget(
        "Network",
        name,
        args,
        networkShape,
        resolveNetwork,
        { [Target.Aws]: awsNetwork, [Target.Gcp]: gcpNetwork },
        `"kubernetes" has no network to create (a cluster brings its own); use "aws" or "gcp"`,
    );
}

/**
 * A network over several zones: on AWS a VPC with a public and a private subnet per zone, an
 * Internet gateway, NAT gateways (one per zone in production) each private subnet routes through,
 * an S3 gateway endpoint and VPC flow logs. On GCP a custom-mode VPC with one regional subnet for
 * every zone (secondary ranges for GKE pods and Services, flow logs in production), Cloud Router
 * + Cloud NAT, and private services access for Cloud SQL and Memorystore. Or an existing VPC,
 * passed through (`aws.existing`, `gcp.existing`). The private subnets take the cluster's nodes
 * and the data services.
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 */
export class Network extends pulumi.ComponentResource implements NetworkOutputs {
    public readonly vpcId: pulumi.Output<string>;
    /** Public subnets, one per zone in zone order; empty on GCP. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Private subnets, one per zone in zone order (on GCP the one regional subnet, once per zone). */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** The zones' names, in order. */
    public readonly availabilityZones: pulumi.Output<string[]>;
    /** Private subnets, one Output per zone: a list whose length is known when the program runs. */
    public readonly privateSubnets: pulumi.Output<string>[];
    /** Zone names, one Output per zone, in the order of `privateSubnets`. */
    public readonly zoneNames: pulumi.Output<string>[];
    /** Number of zones. */
    public readonly zoneCount: number;
    /** GCP: the network's self link. */
    public readonly networkSelfLink?: pulumi.Output<string>;
    /** GCP: the regional subnet's self link. */
    public readonly subnetworkSelfLink?: pulumi.Output<string>;
    /** GCP: the subnet's secondary range for GKE pods. */
    public readonly podsRangeName?: pulumi.Output<string>;
    /** GCP: the subnet's secondary range for GKE Services. */
    public readonly servicesRangeName?: pulumi.Output<string>;
    /** GCP: the private services access range's name (Cloud SQL's `allocatedIpRange`). */
    public readonly privateServicesRangeName?: pulumi.Output<string>;
    /** GCP: the service networking connection's id (read it to wait for the peering). */
    public readonly privateServicesConnection?: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = handedDown<ResolvedNetwork, NetworkOutputs>(args) ?? planNetwork(name, args);
        super("pulumi-ha:index:Network", name, {}, opts);
        const out = plan.create(backendScope(this, name, false, opts));
        this.vpcId = out.vpcId;
        this.publicSubnetIds = out.publicSubnetIds;
        this.privateSubnetIds = out.privateSubnetIds;
        this.availabilityZones = out.availabilityZones;
        this.privateSubnets = out.privateSubnets;
        this.zoneNames = out.zoneNames;
        this.zoneCount = out.zoneCount;
        this.networkSelfLink = out.networkSelfLink;
        this.subnetworkSelfLink = out.subnetworkSelfLink;
        this.podsRangeName = out.podsRangeName;
        this.servicesRangeName = out.servicesRangeName;
        this.privateServicesRangeName = out.privateServicesRangeName;
        this.privateServicesConnection = out.privateServicesConnection;
        this.registerOutputs({ ...out });
    }
}
