import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { NetworkArgs, NetworkOutputs } from "../../core/network-contract";
import { ExistingGcpNetworkArgs } from "../../core/network-gcp-contract";
import { ResolvedNetwork } from "../../core/network-resolve";
import { BackendScope, ServiceBackend } from "../backend";
import {
    checkGcpProject,
    checkGcpRegion,
    checkGcpZones,
    child,
    gcpLabels,
    gcpNamePrefix,
    inProject,
    inRegion,
} from "./common";
import { GcpNetworkRanges, planGcpRanges } from "./network-ranges";

const component = "network";

/** Values sent to GCP, pinned by the tests against the provider's documented values. */
export const gcpNetworkValues = {
    /** compute.Network routingMode: REGIONAL or GLOBAL. One region's routes are all a regional platform needs. */
    routingMode: "REGIONAL",
    /** compute.RouterNat natIpAllocateOption: MANUAL_ONLY or AUTO_ONLY. */
    natIpAllocateOption: "AUTO_ONLY",
    /** compute.RouterNat sourceSubnetworkIpRangesToNat: primary and secondary (pod) ranges alike. */
    natSourceRanges: "ALL_SUBNETWORKS_ALL_IP_RANGES",
    /** compute.RouterNat logConfig.filter: ERRORS_ONLY, TRANSLATIONS_ONLY or ALL. */
    natLogFilter: "ERRORS_ONLY",
    /** compute.Subnetwork logConfig aggregationInterval, metadata and flowSampling (GCP's own defaults, stated). */
    flowLogAggregationInterval: "INTERVAL_5_SEC",
    flowLogMetadata: "INCLUDE_ALL_METADATA",
    flowLogSampling: 0.5,
    /** compute.GlobalAddress purpose and addressType of the private services access range. */
    addressPurpose: "VPC_PEERING",
    addressType: "INTERNAL",
    /** servicenetworking.Connection service: the producer Cloud SQL and Memorystore peer through. */
    peeringService: "servicenetworking.googleapis.com",
    /** compute.getZones status: UP or DOWN. */
    zoneStatus: "UP",
    /** Names of the subnet's secondary ranges (unique per subnet only, so fixed). */
    podsRangeName: "pods",
    servicesRangeName: "services",
} as const;

/** What the GCP plan settled, for the creator. */
interface GcpNetworkPlan {
    resolved: ResolvedNetwork;
    ranges: GcpNetworkRanges;
    /** `gcp.region`, else the given zones' region; undefined: the provider's. */
    region?: string;
    project?: string;
    flowLogs: boolean;
}

/** The GCP rules of a network (region, project, zone names, ranges, an existing VPC); reports, never throws. */
function planNetwork(
    check: ArgChecker,
    args: NetworkArgs,
    resolved: ResolvedNetwork,
): (scope: BackendScope) => NetworkOutputs {
    const a = args.gcp ?? {};
    const regionOk = checkGcpRegion(check, "gcp.region", a.region);
    checkGcpProject(check, "gcp.project", a.project);
    const region = regionOk ? a.region : undefined;

    const existing = a.existing;
    if (existing !== undefined) {
        checkExisting(check, args, existing, resolved.production, region);
        return () => existingNetwork(existing);
    }

    const zonesRegion =
        resolved.availabilityZones === undefined
            ? undefined
            : checkGcpZones(check, "availabilityZones", resolved.availabilityZones, region);
    const ranges = planGcpRanges(check, resolved.cidrBlock, a);
    const plan = {
        resolved,
        ranges: ranges!,
        region: region ?? zonesRegion,
        project: a.project,
        flowLogs: a.flowLogs ?? resolved.production,
    };
    // The planner throws before this runs when a range was unusable.
    return (scope) => createNetwork({ ...scope, region: scope.region ?? plan.region }, plan);
}

function checkExisting(
    check: ArgChecker,
    args: NetworkArgs,
    e: ExistingGcpNetworkArgs,
    production: boolean,
    region: string | undefined,
): void {
    for (const key of ["zones", "availabilityZones", "cidrBlock"] as const)
        check.require(
            args[key] === undefined,
            key,
            "must be left out with gcp.existing: the existing network's own zones and ranges are used",
        );
    for (const key of ["podsCidr", "servicesCidr", "privateServicesCidr", "flowLogs"] as const)
        check.require(
            args.gcp?.[key] === undefined,
            `gcp.${key}`,
            "must be left out with gcp.existing: nothing is created in an existing network",
        );
    for (const key of [
        "network",
        "subnetwork",
        "podsRangeName",
        "servicesRangeName",
        "privateServicesRangeName",
    ] as const) {
        const value = e[key];
        check.require(typeof value !== "string" || value.trim() !== "", `gcp.existing.${key}`, "must not be empty");
    }
    const zones = e.availabilityZones;
    const minimum = production ? 3 : 2;
    check.require(
        zones.length >= minimum,
        "gcp.existing.availabilityZones",
        `must name at least ${minimum} zones${production ? " in production" : ""} (got ${zones.length})`,
    );
    check.require(
        new Set(zones).size === zones.length,
        "gcp.existing.availabilityZones",
        `must all differ (got ${show(zones)})`,
    );
    checkGcpZones(check, "gcp.existing.availabilityZones", zones, region);
}

/** An existing network: its parts, the regional subnet once per zone. */
function existingNetwork(e: ExistingGcpNetworkArgs): NetworkOutputs {
    const subnet = pulumi.output(e.subnetwork);
    const privateSubnets = e.availabilityZones.map(() => subnet);
    return {
        vpcId: pulumi.output(e.network),
        publicSubnetIds: pulumi.output([]),
        privateSubnetIds: pulumi.all(privateSubnets),
        availabilityZones: pulumi.output(e.availabilityZones),
        privateSubnets,
        zoneNames: e.availabilityZones.map((z) => pulumi.output(z)),
        zoneCount: e.availabilityZones.length,
        networkSelfLink: pulumi.output(e.network),
        subnetworkSelfLink: subnet,
        podsRangeName: pulumi.output(e.podsRangeName),
        servicesRangeName: pulumi.output(e.servicesRangeName),
        ...(e.privateServicesRangeName === undefined
            ? {}
            : { privateServicesRangeName: pulumi.output(e.privateServicesRangeName) }),
    };
}

/** The zone names: the ones given, or the first `zones` zones of the region that are UP (one lookup). */
function zoneNamesOf(scope: BackendScope, plan: GcpNetworkPlan): pulumi.Output<string[]> {
    const { resolved } = plan;
    if (resolved.availabilityZones !== undefined) return pulumi.output(resolved.availabilityZones);
    const found = gcp.compute.getZonesOutput(
        { status: gcpNetworkValues.zoneStatus, ...inRegion(scope), ...inProject(plan.project) },
        { parent: scope.parent },
    );
    return found.names.apply((names) => {
        const up = names ?? [];
        if (up.length < resolved.zones)
            throw new Error(
                `Network "${scope.name}": zones is ${resolved.zones}, but the region offers only ${up.length} zone(s) that are UP (${up.join(", ")})`,
            );
        return [...up].sort().slice(0, resolved.zones);
    });
}

function createNetwork(scope: BackendScope, plan: GcpNetworkPlan): NetworkOutputs {
    const n = gcpNamePrefix(scope);
    const { resolved, ranges } = plan;
    const project = inProject(plan.project);
    const region = inRegion(scope);
    const description = (what: string) => `pulumi-ha network ${scope.name}: ${what}`;
    const zoneList = zoneNamesOf(scope, plan);
    const zoneNames = Array.from({ length: resolved.zones }, (_, i) => zoneList.apply((z) => z[i]));

    const vpc = new gcp.compute.Network(
        `${n}-vpc`,
        {
            description: description("custom-mode VPC"),
            // Custom mode: auto mode would add a /20 in every region, ranges we neither chose nor checked.
            autoCreateSubnetworks: false,
            routingMode: gcpNetworkValues.routingMode,
            ...project,
        },
        child(scope),
    );
    const subnet = new gcp.compute.Subnetwork(
        `${n}-subnet`,
        {
            description: description(
                "nodes and internal load balancers; GKE pods and Services in its secondary ranges",
            ),
            network: vpc.id,
            ipCidrRange: resolved.cidrBlock,
            // Nodes without external IPs still reach Google APIs (Artifact Registry, GCS, Secret Manager).
            privateIpGoogleAccess: true,
            secondaryIpRanges: [
                { rangeName: gcpNetworkValues.podsRangeName, ipCidrRange: ranges.pods },
                { rangeName: gcpNetworkValues.servicesRangeName, ipCidrRange: ranges.services },
            ],
            ...(plan.flowLogs
                ? {
                      logConfig: {
                          aggregationInterval: gcpNetworkValues.flowLogAggregationInterval,
                          flowSampling: gcpNetworkValues.flowLogSampling,
                          metadata: gcpNetworkValues.flowLogMetadata,
                      },
                  }
                : {}),
            ...region,
            ...project,
        },
        child(scope),
    );

    // Private nodes have no external IP: Cloud NAT is their only way out (image pulls from outside Google).
    const router = new gcp.compute.Router(
        `${n}-router`,
        { description: description("Cloud Router of the NAT"), network: vpc.id, ...region, ...project },
        child(scope),
    );
    new gcp.compute.RouterNat(
        `${n}-nat`,
        {
            router: router.name,
            natIpAllocateOption: gcpNetworkValues.natIpAllocateOption,
            sourceSubnetworkIpRangesToNat: gcpNetworkValues.natSourceRanges,
            // Errors only: every translation would be a log line per connection.
            logConfig: { enable: true, filter: gcpNetworkValues.natLogFilter },
            ...region,
            ...project,
        },
        child(scope),
    );

    // Private services access: Cloud SQL and Memorystore get private IPs from this range, peered into the VPC.
    const [address, prefixLength] = ranges.privateServices.split("/");
    const psaRange = new gcp.compute.GlobalAddress(
        `${n}-psa`,
        {
            description: description("private services access range (Cloud SQL, Memorystore)"),
            purpose: gcpNetworkValues.addressPurpose,
            addressType: gcpNetworkValues.addressType,
            address,
            prefixLength: Number(prefixLength),
            network: vpc.id,
            labels: gcpLabels(scope, component),
            ...project,
        },
        child(scope),
    );
    const connection = new gcp.servicenetworking.Connection(
        `${n}-psa`,
        {
            network: vpc.id,
            service: gcpNetworkValues.peeringService,
            reservedPeeringRanges: [psaRange.name],
        },
        child(scope),
    );

    const privateSubnets = zoneNames.map(() => subnet.id);
    return {
        vpcId: vpc.id,
        publicSubnetIds: pulumi.output([]),
        privateSubnetIds: pulumi.all(privateSubnets),
        availabilityZones: zoneList,
        privateSubnets,
        zoneNames,
        zoneCount: resolved.zones,
        networkSelfLink: vpc.selfLink,
        subnetworkSelfLink: subnet.selfLink,
        podsRangeName: pulumi.output(gcpNetworkValues.podsRangeName),
        servicesRangeName: pulumi.output(gcpNetworkValues.servicesRangeName),
        privateServicesRangeName: psaRange.name,
        privateServicesConnection: connection.id,
    };
}

/**
 * The GCP network: a custom-mode VPC, one regional subnet (the zones' nodes, GKE's pod and
 * Service ranges), Cloud Router + Cloud NAT, and private services access. Or an existing one.
 */
export const gcpNetwork: ServiceBackend<NetworkArgs, ResolvedNetwork, NetworkOutputs> = { plan: planNetwork };
