import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { BackendScope } from "../backend";

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
