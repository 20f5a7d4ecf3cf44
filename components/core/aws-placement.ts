import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "./arg-checker";
import { ShapeFields, array, input, string } from "./arg-shape";

/**
 * Where an AWS data service sits: private subnets of a VPC, admitting only its clients.
 * A Platform fills these from the Network and KubernetesCluster it creates; a standalone
 * service is given them. Every data service's `aws?:` arguments extend this.
 */
export interface AwsPlacementArgs {
    /** VPC the service's security group lives in. Required on target aws. */
    vpcId?: pulumi.Input<string>;
    /** Private subnet ids, one per Availability Zone: ≥ 2, ≥ 3 in production. Required on target aws. */
    subnetIds?: pulumi.Input<string>[];
    /**
     * Availability Zone names of `subnetIds`, in the same order, all different (checked when known;
     * a Network that looked them up passes Outputs). Required on target aws: instances are placed
     * one per zone, so the count must be known.
     */
    availabilityZones?: pulumi.Input<string>[];
    /** Security groups of the clients (the EKS cluster's). The service's own security group admits its port from these groups only, never from a CIDR. Required on target aws, ≥ 1. */
    clientSecurityGroupIds?: pulumi.Input<string>[];
    /** KMS key (ARN) encrypting the service's data at rest. Default: a key the component creates, with yearly rotation. */
    kmsKeyArn?: pulumi.Input<string>;
}

/** The declared types of {@link AwsPlacementArgs}, for each service's `aws` shape. */
export const awsPlacementFields: ShapeFields<AwsPlacementArgs> = {
    vpcId: input(string()),
    subnetIds: array(input(string())),
    availabilityZones: array(input(string())),
    clientSecurityGroupIds: array(input(string())),
    kmsKeyArn: input(string()),
};

const azName = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/**
 * Checks an AWS placement: every part present, one subnet per distinct zone, ≥ 2 zones (≥ 3 in
 * production), ≥ 1 client group. Returns whether it is usable.
 */
export function checkAwsPlacement(
    check: ArgChecker,
    placement: AwsPlacementArgs | undefined,
    production: boolean,
): boolean {
    const p = placement ?? {};
    const missing = "is required on target aws (a Platform fills it from its Network and KubernetesCluster)";
    let ok = check.require(p.vpcId !== undefined, "aws.vpcId", missing);
    ok = check.require(p.subnetIds !== undefined, "aws.subnetIds", missing) && ok;
    ok = check.require(p.availabilityZones !== undefined, "aws.availabilityZones", missing) && ok;
    ok = check.require((p.clientSecurityGroupIds ?? []).length > 0, "aws.clientSecurityGroupIds", missing) && ok;
    const zones = p.availabilityZones ?? [];
    const minimum = production ? 3 : 2;
    if (p.availabilityZones !== undefined) {
        ok =
            check.require(
                zones.length >= minimum,
                "aws.availabilityZones",
                `must name at least ${minimum} zones${production ? " in production" : ""}, one per subnet (got ${zones.length})`,
            ) && ok;
        const known = zones.filter((z): z is string => typeof z === "string");
        const bad = known.filter((z) => !azName.test(z));
        ok =
            check.require(
                bad.length === 0,
                "aws.availabilityZones",
                `must be Availability Zone names such as "eu-central-1a" (got ${bad.map((z) => JSON.stringify(z)).join(", ")})`,
            ) && ok;
        ok =
            check.require(
                new Set(known).size === known.length,
                "aws.availabilityZones",
                "must all differ: one subnet per zone, so losing a zone loses one subnet",
            ) && ok;
    }
    if (p.subnetIds !== undefined && p.availabilityZones !== undefined) {
        ok =
            check.require(
                p.subnetIds.length === zones.length,
                "aws.subnetIds",
                `must hold one subnet per zone of aws.availabilityZones (${zones.length}), in the same order (got ${p.subnetIds.length})`,
            ) && ok;
    }
    return ok;
}
