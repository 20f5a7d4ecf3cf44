import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, boolean, input, int, object, oneOf, required, string } from "./arg-shape";
import { Profile, Target } from "./enums";
import { NetworkGcpArgs, networkGcpShape } from "./network-gcp-contract";

/** How many NAT gateways carry the private subnets' traffic to the Internet (AWS). */
export const NatGateways = {
    /** One per zone, each private subnet routed through its own zone's: losing a zone loses only that zone's egress. The production default. */
    OnePerZone: "one-per-zone",
    /** One, in the first zone, for every private subnet: cheaper, but every zone's egress depends on that zone. The development default. */
    Single: "single",
} as const;
export type NatGateways = (typeof NatGateways)[keyof typeof NatGateways];

/** VPC flow logs to CloudWatch Logs (AWS). */
export interface NetworkFlowLogsArgs {
    /** Record every accepted and rejected flow of the VPC. Default true. */
    enabled?: boolean;
    /**
     * Days CloudWatch Logs keeps the records: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
     * 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0, never expire, is refused: logs
     * would grow without bound). Default 365 in production, 30 in development.
     */
    retentionDays?: number;
}

/** A VPC made elsewhere: nothing is created, its parts pass through to the outputs. */
export interface ExistingNetworkArgs {
    /** The VPC's id. */
    vpcId: pulumi.Input<string>;
    /** Public subnets, one per zone in the order of `availabilityZones`. */
    publicSubnetIds: pulumi.Input<string>[];
    /** Private subnets (nodes and data services), one per zone in the order of `availabilityZones`. */
    privateSubnetIds: pulumi.Input<string>[];
    /** The zones' names, e.g. "eu-central-1a": ≥ 2, ≥ 3 in production, all different. */
    availabilityZones: string[];
}

/** AWS specifics of {@link NetworkArgs}. */
export interface NetworkAwsArgs {
    /** Region of every resource. Default: the AWS provider's region. */
    region?: string;
    /** NAT gateways for the private subnets. Default `NatGateways.OnePerZone` in production, `NatGateways.Single` in development. */
    natGateways?: NatGateways;
    /** VPC flow logs (all traffic) to a CloudWatch log group, delivered through an IAM role of their own. Default on, 365 days in production. */
    flowLogs?: NetworkFlowLogsArgs;
    /** Take an existing VPC instead of creating one; then `zones`, `availabilityZones` and `cidrBlock` must be left out. */
    existing?: ExistingNetworkArgs;
}

/**
 * Arguments of {@link Network}: a VPC spread over several zones, private subnets for the nodes and
 * data services, private egress through NAT. One contract for every cloud; AWS details under
 * `aws`, GCP details under `gcp`.
 */
export interface NetworkArgs {
    /**
     * Where the network is made: `Target.Aws` or `Target.Gcp`. Required, no default: a default
     * would pick a cloud for the caller (`Target.Kubernetes` has no network of its own to create).
     */
    target: Target;
    /** HA defaults to start from. Default `Profile.Production`. */
    profile?: Profile;
    /** Number of zones, 2–6; at least 3 in production (a majority survives losing one). Default 3 in production, 2 in development. */
    zones?: number;
    /**
     * The zones' names, e.g. ["eu-central-1a", "eu-central-1b", "eu-central-1c"] on AWS or
     * ["europe-west1-b", "europe-west1-c", "europe-west1-d"] on GCP: all different, as many as
     * `zones` when both are given. Given names need no lookup, so a preview calls no cloud API.
     * Default: the first `zones` available zones of the region (one zones lookup).
     */
    availabilityZones?: string[];
    /**
     * The VPC's IPv4 range: a private (RFC 1918) network address with prefix /16 to /22. Each zone `i`
     * gets private subnet `i` of prefix +3 (a /19 of a /16: room for pod IPs) and public subnet `i`
     * of prefix +6 carved from the last prefix+3 block; block 6 stays free. On GCP it is the one
     * regional subnet's primary range (nodes, internal load balancers), see `gcp`. Default "10.0.0.0/16".
     */
    cidrBlock?: string;
    /** AWS specifics; only with `target: aws`. */
    aws?: NetworkAwsArgs;
    /** GCP specifics (region, project, the GKE and private services ranges, flow logs, an existing VPC); only with `target: gcp`. */
    gcp?: NetworkGcpArgs;
}

/**
 * What a network offers its users (the cluster, the data services). On GCP one regional subnet
 * serves every zone: `privateSubnetIds` and `privateSubnets` name it once per zone (so they keep
 * one entry per zone on every cloud), and `publicSubnetIds` is empty (Cloud NAT and Google's load
 * balancers need no public subnet). The optional outputs are GCP's and unset on AWS.
 */
export interface NetworkOutputs {
    /** The VPC: its id on AWS ("vpc-…"), the network's id on GCP ("projects/p/global/networks/n"). */
    vpcId: pulumi.Output<string>;
    /** Public subnets, one per zone in zone order; empty on GCP. */
    publicSubnetIds: pulumi.Output<string[]>;
    /** Private subnets, one per zone in zone order (on GCP the one regional subnet, once per zone). */
    privateSubnetIds: pulumi.Output<string[]>;
    /** The zones' names, in order. */
    availabilityZones: pulumi.Output<string[]>;
    /** Private subnets as a list of known length (one Output per zone): what `AwsPlacementArgs.subnetIds` takes. */
    privateSubnets: pulumi.Output<string>[];
    /** Zone names as a list of known length, in the order of `privateSubnets`: what `AwsPlacementArgs.availabilityZones` takes. */
    zoneNames: pulumi.Output<string>[];
    /** Number of zones, known when the program runs. */
    zoneCount: number;
    /** GCP: the network's self link (what GKE's `network` takes). */
    networkSelfLink?: pulumi.Output<string>;
    /** GCP: the regional subnet's self link (what GKE's `subnetwork` takes). */
    subnetworkSelfLink?: pulumi.Output<string>;
    /** GCP: the subnet's secondary range for pod IPs (GKE's `clusterSecondaryRangeName`). */
    podsRangeName?: pulumi.Output<string>;
    /** GCP: the subnet's secondary range for Service IPs (GKE's `servicesSecondaryRangeName`). */
    servicesRangeName?: pulumi.Output<string>;
    /** GCP: name of the private services access range (Cloud SQL's `allocatedIpRange`); unset for an existing network that names none. */
    privateServicesRangeName?: pulumi.Output<string>;
    /** GCP: the service networking connection's id; a Cloud SQL or Memorystore instance reading it waits for the peering. Unset for an existing network. */
    privateServicesConnection?: pulumi.Output<string>;
}

/** The declared types of {@link NetworkArgs}. */
export const networkShape: ObjectShape<NetworkArgs> = object<NetworkArgs>("NetworkArgs", {
    target: required(oneOf(Target)),
    profile: oneOf(Profile),
    zones: int(),
    availabilityZones: array(string()),
    cidrBlock: string(),
    aws: object<NetworkAwsArgs>("NetworkAwsArgs", {
        region: string(),
        natGateways: oneOf(NatGateways),
        flowLogs: object<NetworkFlowLogsArgs>("NetworkFlowLogsArgs", { enabled: boolean(), retentionDays: int() }),
        existing: object<ExistingNetworkArgs>("ExistingNetworkArgs", {
            vpcId: required(input(string())),
            publicSubnetIds: required(array(input(string()))),
            privateSubnetIds: required(array(input(string()))),
            availabilityZones: required(array(string())),
        }),
    }),
    gcp: networkGcpShape,
});
