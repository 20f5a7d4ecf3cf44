import * as pulumi from "@pulumi/pulumi";
import { awsNetwork } from "./backends/aws/network";
import { backendScope } from "./backends/backend";
import { ServicePlan, handedDown, planOnAws } from "./service-plan";
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
    return planOnAws(
        "Network",
        name,
        args,
        networkShape,
        resolveNetwork,
        awsNetwork,
        `"kubernetes" has no network to create (a cluster brings its own); use "aws"`,
    );
}

/**
 * A network over several zones: on AWS a VPC with a public and a private subnet per zone, an
 * Internet gateway, NAT gateways (one per zone in production) each private subnet routes through,
 * an S3 gateway endpoint and VPC flow logs. Or an existing VPC, passed through (`aws.existing`).
 * The private subnets take the cluster's nodes and the data services.
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 */
export class Network extends pulumi.ComponentResource implements NetworkOutputs {
    public readonly vpcId: pulumi.Output<string>;
    /** Public subnets, one per zone in zone order. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Private subnets, one per zone in zone order. */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** The zones' names, in order. */
    public readonly availabilityZones: pulumi.Output<string[]>;
    /** Private subnets, one Output per zone: a list whose length is known when the program runs. */
    public readonly privateSubnets: pulumi.Output<string>[];
    /** Zone names, one Output per zone, in the order of `privateSubnets`. */
    public readonly zoneNames: pulumi.Output<string>[];
    /** Number of zones. */
    public readonly zoneCount: number;

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
        this.registerOutputs({ ...out });
    }
}
