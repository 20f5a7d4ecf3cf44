import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { AwsPlacementArgs, checkAwsPlacement } from "../../core/aws-placement";
import { AwsPlannedPlacement, BackendScope } from "../backend";

/**
 * Tags on every taggable AWS resource: which component made it, never a secret. The pack reads
 * `pulumi-ha.io/exempt-<policy>` tags (with a reason) the same way.
 */
export function awsTags(scope: BackendScope, component: string): Record<string, string> {
    return {
        "pulumi-ha.io/component": component,
        "pulumi-ha.io/instance": scope.name,
        "app.kubernetes.io/managed-by": "pulumi-ha",
    };
}

/** An AWS region name: "eu-central-1", "ap-southeast-2", "us-gov-west-1". */
export const regionName = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** Checks an optional region argument (e.g. `aws.region`); returns whether it is usable. */
export function checkRegion(check: ArgChecker, arg: string, region: string | undefined): boolean {
    return (
        region === undefined ||
        check.require(
            regionName.test(region),
            arg,
            `must be an AWS region such as "eu-central-1" (got ${show(region)})`,
        )
    );
}

/** Options of a child: parented, in the component's region when one was given. */
export function child(scope: BackendScope, extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    return { parent: scope.parent, ...extra };
}

/** `{ region }` when the scope names one: pulumi-aws v7 takes a region on every regional resource. */
export function inRegion(scope: BackendScope): { region?: string } {
    return scope.region === undefined ? {} : { region: scope.region };
}

/**
 * The KMS key encrypting a service at rest: the one given, or a key of its own with yearly
 * rotation and the longest deletion window, so a mistaken destroy can still be undone for 30 days.
 */
export function encryptionKey(
    scope: BackendScope,
    component: string,
    given: pulumi.Input<string> | undefined,
): pulumi.Output<string> {
    if (given !== undefined) return pulumi.output(given);
    const key = new aws.kms.Key(
        `${scope.name}-key`,
        {
            description: `pulumi-ha ${component} ${scope.name}: encryption at rest`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            tags: awsTags(scope, component),
            ...inRegion(scope),
        },
        child(scope, { protect: scope.protect }),
    );
    return key.arn;
}

/** What a data service's security group admits. */
export interface ServiceFirewall {
    vpcId: pulumi.Input<string>;
    /** The service's TCP port. */
    port: number;
    /** Security groups of the clients; one ingress rule each, never a CIDR. */
    clientSecurityGroupIds: pulumi.Input<string>[];
}

/**
 * The service's own security group: its port from the client groups only. No egress rule: a
 * data service answers connections (stateful, so replies pass) and opens none of its own.
 */
export function serviceSecurityGroup(
    scope: BackendScope,
    component: string,
    fw: ServiceFirewall,
): aws.ec2.SecurityGroup {
    const group = new aws.ec2.SecurityGroup(
        `${scope.name}-sg`,
        {
            vpcId: fw.vpcId,
            description: `pulumi-ha ${component} ${scope.name}: port ${fw.port} from its clients only`,
            // Inline rules would fight the separate rule resources below.
            ingress: [],
            egress: [],
            tags: awsTags(scope, component),
            ...inRegion(scope),
        },
        child(scope),
    );
    fw.clientSecurityGroupIds.forEach(
        (client, i) =>
            new aws.vpc.SecurityGroupIngressRule(
                `${scope.name}-from-client-${i}`,
                {
                    securityGroupId: group.id,
                    referencedSecurityGroupId: client,
                    ipProtocol: "tcp",
                    fromPort: fw.port,
                    toPort: fw.port,
                    description: `clients of ${scope.name}`,
                    tags: awsTags(scope, component),
                    ...inRegion(scope),
                },
                child(scope),
            ),
    );
    return group;
}

/** A data service's placement: checked when it is planned, complete when it is created. */
export interface ServicePlacement<A extends AwsPlacementArgs> {
    /** Number of zones (known when planned). */
    zoneCount: number;
    /** The service's `aws` arguments with the placement filled; called when it is created. */
    aws: () => A;
}

const placementKeys = ["vpcId", "subnetIds", "availabilityZones", "clientSecurityGroupIds"] as const;

/**
 * Checks where a data service goes: its own `aws` placement when standalone, or the Platform's
 * Network and KubernetesCluster (`planned`), which then fill the placement when it is created.
 */
export function placeService<A extends AwsPlacementArgs>(
    check: ArgChecker,
    given: A | undefined,
    production: boolean,
    planned: AwsPlannedPlacement | undefined,
): ServicePlacement<A> {
    const a = given ?? ({} as A);
    if (planned === undefined) {
        checkAwsPlacement(check, a, production);
        return { zoneCount: a.availabilityZones?.length ?? 0, aws: () => a };
    }
    for (const key of placementKeys)
        check.require(
            a[key] === undefined,
            `aws.${key}`,
            "is filled by the Platform from its Network and KubernetesCluster; leave it out",
        );
    const minimum = production ? 3 : 2;
    check.require(
        planned.zoneCount >= minimum,
        "profile",
        `${production ? "production" : "development"} needs a network of at least ${minimum} zones; the Platform's has ${planned.zoneCount} (raise aws.network.zones)`,
    );
    return {
        zoneCount: planned.zoneCount,
        aws: () => {
            const p = planned.placement();
            return {
                ...a,
                vpcId: p.vpcId,
                subnetIds: p.subnetIds,
                availabilityZones: p.availabilityZones,
                clientSecurityGroupIds: p.clientSecurityGroupIds,
            };
        },
    };
}
