import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { NatGateways, NetworkArgs, NetworkOutputs } from "../../core/network-contract";
import { ResolvedNetwork } from "../../core/network-resolve";
import { BackendScope, ServiceBackend } from "../backend";
import { awsTags, checkRegion, child, inRegion, regionName } from "./common";

const component = "network";

/** CloudWatch Logs' allowed retention periods (logGroup.d.ts), without 0 (never expire). */
export const logRetentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Values sent to AWS, pinned by the tests against the provider's documented values. */
export const networkAwsValues = {
    /** ec2.FlowLog trafficType: ACCEPT, REJECT or ALL. */
    flowLogTrafficType: "ALL",
    /** ec2.FlowLog logDestinationType: cloud-watch-logs, s3 or kinesis-data-firehose. */
    flowLogDestinationType: "cloud-watch-logs",
    /** ec2.VpcEndpoint vpcEndpointType. */
    s3EndpointType: "Gateway",
    /** ec2.Eip domain. */
    eipDomain: "vpc",
    /** ec2.NatGateway connectivityType and availabilityMode. */
    natConnectivityType: "public",
    natAvailabilityMode: "zonal",
    /** getAvailabilityZones state, and the opt-in filter that leaves out Local and Wavelength Zones. */
    zoneState: "available",
    zoneOptInFilter: { name: "opt-in-status", values: ["opt-in-not-required"] },
} as const;

export const zoneName = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/** The AWS rules of a network (zone names, flow logs, an existing VPC); reports, never throws. */
function planNetwork(
    check: ArgChecker,
    args: NetworkArgs,
    resolved: ResolvedNetwork,
): (scope: BackendScope) => NetworkOutputs {
    const a = args.aws ?? {};
    checkRegion(check, "aws.region", a.region);
    const checkZoneNames = (arg: string, names: string[]) => {
        const bad = names.filter((z) => !zoneName.test(z));
        check.require(
            bad.length === 0,
            arg,
            `must be Availability Zone names such as "eu-central-1a" (got ${bad.map((z) => show(z)).join(", ")})`,
        );
        if (a.region !== undefined && regionName.test(a.region)) {
            const elsewhere = names.filter((z) => zoneName.test(z) && z.slice(0, -1) !== a.region);
            check.require(
                elsewhere.length === 0,
                arg,
                `must be zones of aws.region "${a.region}" (got ${elsewhere.map((z) => show(z)).join(", ")})`,
            );
        }
    };
    if (resolved.availabilityZones !== undefined) checkZoneNames("availabilityZones", resolved.availabilityZones);

    const natGateways = a.natGateways ?? (resolved.production ? NatGateways.OnePerZone : NatGateways.Single);
    const flowLogs = a.flowLogs?.enabled ?? true;
    const retentionDays = a.flowLogs?.retentionDays ?? (resolved.production ? 365 : 30);
    check.require(
        (logRetentionDays as readonly number[]).includes(retentionDays),
        "aws.flowLogs.retentionDays",
        `must be one of CloudWatch Logs' retention periods: ${logRetentionDays.join(", ")} (got ${show(retentionDays)})`,
    );

    const existing = a.existing;
    if (existing !== undefined) {
        for (const key of ["zones", "availabilityZones", "cidrBlock"] as const)
            check.require(
                args[key] === undefined,
                key,
                "must be left out with aws.existing: the existing VPC's own zones and ranges are used",
            );
        for (const key of ["natGateways", "flowLogs"] as const)
            check.require(
                a[key] === undefined,
                `aws.${key}`,
                "must be left out with aws.existing: nothing is created in an existing VPC",
            );
        const zones = existing.availabilityZones;
        const minimum = resolved.production ? 3 : 2;
        check.require(
            zones.length >= minimum,
            "aws.existing.availabilityZones",
            `must name at least ${minimum} zones${resolved.production ? " in production" : ""} (got ${zones.length})`,
        );
        check.require(
            new Set(zones).size === zones.length,
            "aws.existing.availabilityZones",
            `must all differ (got ${show(zones)})`,
        );
        checkZoneNames("aws.existing.availabilityZones", zones);
        for (const key of ["publicSubnetIds", "privateSubnetIds"] as const)
            check.require(
                existing[key].length === zones.length,
                `aws.existing.${key}`,
                `must hold one subnet per zone of aws.existing.availabilityZones (${zones.length}), in the same order (got ${existing[key].length})`,
            );
        return () => existingNetwork(existing);
    }
    return (scope) => createNetwork(scope, resolved, natGateways, flowLogs ? retentionDays : undefined);
}

function existingNetwork(e: NonNullable<NonNullable<NetworkArgs["aws"]>["existing"]>): NetworkOutputs {
    const privateSubnets = e.privateSubnetIds.map((id) => pulumi.output(id));
    const zoneNames = e.availabilityZones.map((z) => pulumi.output(z));
    return {
        vpcId: pulumi.output(e.vpcId),
        publicSubnetIds: pulumi.all(e.publicSubnetIds),
        privateSubnetIds: pulumi.all(privateSubnets),
        availabilityZones: pulumi.output(e.availabilityZones),
        privateSubnets,
        zoneNames,
        zoneCount: e.availabilityZones.length,
    };
}

/** The zone names: the ones given, or the first `zones` available ones of the region (one lookup). */
function zoneNamesOf(scope: BackendScope, resolved: ResolvedNetwork): pulumi.Output<string[]> {
    if (resolved.availabilityZones !== undefined) return pulumi.output(resolved.availabilityZones);
    const found = aws.getAvailabilityZonesOutput(
        {
            state: networkAwsValues.zoneState,
            filters: [
                {
                    name: networkAwsValues.zoneOptInFilter.name,
                    values: [...networkAwsValues.zoneOptInFilter.values],
                },
            ],
            ...inRegion(scope),
        },
        { parent: scope.parent },
    );
    return found.names.apply((names) => {
        const available = names ?? [];
        if (available.length < resolved.zones)
            throw new Error(
                `Network "${scope.name}": zones is ${resolved.zones}, but the region offers only ${available.length} available zone(s) (${available.join(", ")})`,
            );
        return [...available].sort().slice(0, resolved.zones);
    });
}

function createNetwork(
    scope: BackendScope,
    resolved: ResolvedNetwork,
    natGateways: NatGateways,
    flowLogRetentionDays: number | undefined,
): NetworkOutputs {
    const n = scope.name;
    const tags = (name: string, extra: Record<string, string> = {}) => ({
        ...awsTags(scope, component),
        Name: name,
        ...extra,
    });
    const region = inRegion(scope);
    const zoneList = zoneNamesOf(scope, resolved);
    const zoneNames = Array.from({ length: resolved.zones }, (_, i) => zoneList.apply((z) => z[i]));

    const vpc = new aws.ec2.Vpc(
        `${n}-vpc`,
        {
            cidrBlock: resolved.cidrBlock,
            // EKS and private endpoints need both: nodes resolve the API server's private name.
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: tags(n),
            ...region,
        },
        child(scope),
    );
    const igw = new aws.ec2.InternetGateway(
        `${n}-igw`,
        { vpcId: vpc.id, tags: tags(`${n}-igw`), ...region },
        child(scope),
    );

    const publicSubnets = zoneNames.map(
        (zone, i) =>
            new aws.ec2.Subnet(
                `${n}-public-${i}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: zone,
                    cidrBlock: resolved.publicSubnetCidrs[i],
                    // Only NAT gateways and load balancers live here; nothing gets a public IP by default.
                    mapPublicIpOnLaunch: false,
                    tags: tags(`${n}-public-${i}`, { "kubernetes.io/role/elb": "1" }),
                    ...region,
                },
                child(scope),
            ),
    );
    const privateSubnets = zoneNames.map(
        (zone, i) =>
            new aws.ec2.Subnet(
                `${n}-private-${i}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: zone,
                    cidrBlock: resolved.privateSubnetCidrs[i],
                    mapPublicIpOnLaunch: false,
                    tags: tags(`${n}-private-${i}`, { "kubernetes.io/role/internal-elb": "1" }),
                    ...region,
                },
                child(scope),
            ),
    );

    const publicRoutes = new aws.ec2.RouteTable(
        `${n}-public-rt`,
        { vpcId: vpc.id, tags: tags(`${n}-public`), ...region },
        child(scope),
    );
    new aws.ec2.Route(
        `${n}-public-default`,
        { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id, ...region },
        child(scope),
    );
    publicSubnets.forEach(
        (subnet, i) =>
            new aws.ec2.RouteTableAssociation(
                `${n}-public-${i}-rta`,
                { subnetId: subnet.id, routeTableId: publicRoutes.id, ...region },
                child(scope),
            ),
    );

    const natCount = natGateways === NatGateways.OnePerZone ? resolved.zones : 1;
    const nats = publicSubnets.slice(0, natCount).map((subnet, i) => {
        const eip = new aws.ec2.Eip(
            `${n}-nat-${i}-eip`,
            { domain: networkAwsValues.eipDomain, tags: tags(`${n}-nat-${i}`), ...region },
            child(scope),
        );
        return new aws.ec2.NatGateway(
            `${n}-nat-${i}`,
            {
                allocationId: eip.id,
                subnetId: subnet.id,
                connectivityType: networkAwsValues.natConnectivityType,
                availabilityMode: networkAwsValues.natAvailabilityMode,
                tags: tags(`${n}-nat-${i}`),
                ...region,
            },
            // A NAT gateway needs the VPC's Internet gateway in place.
            child(scope, { dependsOn: [igw] }),
        );
    });

    const privateRouteTables = privateSubnets.map((subnet, i) => {
        const table = new aws.ec2.RouteTable(
            `${n}-private-${i}-rt`,
            { vpcId: vpc.id, tags: tags(`${n}-private-${i}`), ...region },
            child(scope),
        );
        new aws.ec2.Route(
            `${n}-private-${i}-default`,
            {
                routeTableId: table.id,
                destinationCidrBlock: "0.0.0.0/0",
                // Its own zone's NAT gateway, or the single one.
                natGatewayId: nats[Math.min(i, nats.length - 1)].id,
                ...region,
            },
            child(scope),
        );
        new aws.ec2.RouteTableAssociation(
            `${n}-private-${i}-rta`,
            { subnetId: subnet.id, routeTableId: table.id, ...region },
            child(scope),
        );
        return table;
    });

    // S3 traffic (image layers from ECR, backups) stays on the AWS network and skips the NAT gateways' per-GB charge.
    const serviceRegion = scope.region !== undefined ? pulumi.output(scope.region) : vpc.region;
    new aws.ec2.VpcEndpoint(
        `${n}-s3`,
        {
            vpcId: vpc.id,
            serviceName: pulumi.interpolate`com.amazonaws.${serviceRegion}.s3`,
            vpcEndpointType: networkAwsValues.s3EndpointType,
            routeTableIds: privateRouteTables.map((t) => t.id),
            tags: tags(`${n}-s3`),
            ...region,
        },
        child(scope),
    );

    if (flowLogRetentionDays !== undefined) flowLog(scope, vpc, flowLogRetentionDays, tags(`${n}-flow-logs`));

    const privateIds = privateSubnets.map((s) => s.id);
    return {
        vpcId: vpc.id,
        publicSubnetIds: pulumi.all(publicSubnets.map((s) => s.id)),
        privateSubnetIds: pulumi.all(privateIds),
        availabilityZones: zoneList,
        privateSubnets: privateIds,
        zoneNames,
        zoneCount: resolved.zones,
    };
}

/** Flow logs of every packet, accepted or rejected, to a log group of their own through a role allowed only to write there. */
function flowLog(scope: BackendScope, vpc: aws.ec2.Vpc, retentionInDays: number, tags: Record<string, string>): void {
    const n = scope.name;
    const region = inRegion(scope);
    const group = new aws.cloudwatch.LogGroup(`${n}-flow-logs`, { retentionInDays, tags, ...region }, child(scope));
    const role = new aws.iam.Role(
        `${n}-flow-logs`,
        {
            description: `pulumi-ha network ${n}: delivers VPC flow logs to CloudWatch Logs`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                        Action: "sts:AssumeRole",
                    },
                ],
            }),
            tags,
        },
        child(scope),
    );
    const policy = new aws.iam.RolePolicy(
        `${n}-flow-logs`,
        {
            role: role.id,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Action: [
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "logs:DescribeLogGroups",
                            "logs:DescribeLogStreams",
                        ],
                        Resource: [group.arn, pulumi.interpolate`${group.arn}:*`],
                    },
                ],
            }),
        },
        child(scope),
    );
    new aws.ec2.FlowLog(
        `${n}-flow-log`,
        {
            vpcId: vpc.id,
            trafficType: networkAwsValues.flowLogTrafficType,
            logDestinationType: networkAwsValues.flowLogDestinationType,
            logDestination: group.arn,
            iamRoleArn: role.arn,
            tags,
            ...region,
        },
        child(scope, { dependsOn: [policy] }),
    );
}

/** The AWS network: a VPC over the zones, public and private subnets, NAT, S3 endpoint, flow logs. */
export const awsNetwork: ServiceBackend<NetworkArgs, ResolvedNetwork, NetworkOutputs> = { plan: planNetwork };
