import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { KubernetesClusterArgs } from "../../core/kubernetes-cluster-contract";
import {
    ExistingGkeClusterArgs,
    GkeReleaseChannel,
    KubernetesClusterGcpArgs,
} from "../../core/kubernetes-cluster-gcp-contract";
import { ResolvedKubernetesCluster } from "../../core/kubernetes-cluster-resolve";
import { isNetworkAddress, isPrivateRange, parseCidr } from "../../core/network-resolve";
import { checkGcpProject, checkGcpZones, gcpRegionName, gcpZoneName, regionOfZone } from "./common";
import { gkeValues } from "./gke-values";

/** A new GKE cluster, every value checked and defaulted. */
export interface GkeClusterPlan {
    region: string;
    project?: string;
    projectNumber?: string;
    zones?: string[];
    network: pulumi.Input<string>;
    subnetwork: pulumi.Input<string>;
    podsRangeName: pulumi.Input<string>;
    servicesRangeName: pulumi.Input<string>;
    releaseChannel: GkeReleaseChannel;
    autopilot: boolean;
    machineType: string;
    masterIpv4CidrBlock: string;
    /** Undefined: no public endpoint. Empty: public endpoint open (development). */
    masterAuthorizedNetworks?: string[];
    kmsKeyName?: pulumi.Input<string>;
    maintenance:
        | { dailyStartTime: string; recurring?: undefined }
        | { recurring: { startTime: string; endTime: string; recurrence: string }; dailyStartTime?: undefined };
    version?: string;
    nodes: ResolvedKubernetesCluster["nodesPerZone"];
}

export type GkePlan =
    { existing: ExistingGkeClusterArgs; cluster?: undefined } | { cluster: GkeClusterPlan; existing?: undefined };

// Compute Engine machine types: family, then class and size parts ("e2-standard-4", "n2-custom-4-8192", "e2-medium").
const machineType = /^[a-z][a-z0-9]*-[a-z0-9]+(-[a-z0-9]+)*$/;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function checkRegion(check: ArgChecker, region: string | undefined): boolean {
    if (region === undefined) return true;
    if (gcpZoneName.test(region))
        return check.require(
            false,
            "gcp.region",
            `is a zone; a regional cluster needs its region, e.g. ${show(regionOfZone(region))} (got ${show(region)})`,
        );
    return check.require(
        gcpRegionName.test(region),
        "gcp.region",
        `must be a GCP region such as "europe-west1" (got ${show(region)})`,
    );
}

function checkExisting(check: ArgChecker, args: KubernetesClusterArgs, a: KubernetesClusterGcpArgs): void {
    const others = [
        "projectNumber",
        "availabilityZones",
        "network",
        "subnetwork",
        "podsRangeName",
        "servicesRangeName",
        "releaseChannel",
        "autopilot",
        "machineType",
        "masterIpv4CidrBlock",
        "masterAuthorizedNetworks",
        "kmsKeyName",
        "maintenanceWindow",
    ] as const;
    for (const key of others)
        check.require(
            a[key] === undefined,
            `gcp.${key}`,
            "must be left out with gcp.existing: only the existing cluster's provider is created",
        );
    for (const key of ["version", "nodesPerZone"] as const)
        check.require(args[key] === undefined, key, "must be left out with gcp.existing: nothing is created");
}

function checkMasterRange(check: ArgChecker, cidr: string): void {
    const p = parseCidr(cidr);
    check.require(
        p !== undefined &&
            p.prefix === 28 &&
            isNetworkAddress(p.address, p.prefix) &&
            isPrivateRange(p.address, p.prefix),
        "gcp.masterIpv4CidrBlock",
        `must be an RFC 1918 /28 with its host bits zero, such as "172.16.0.0/28" (got ${show(cidr)})`,
    );
}

function checkAuthorized(check: ArgChecker, cidrs: string[]): void {
    check.require(
        cidrs.length > 0,
        "gcp.masterAuthorizedNetworks",
        "must hold at least one CIDR block; leave it out for a private endpoint in production",
    );
    check.require(
        cidrs.length <= 50,
        "gcp.masterAuthorizedNetworks",
        `must hold at most 50 CIDR blocks (got ${cidrs.length})`,
    );
    for (const [i, c] of cidrs.entries()) {
        const p = parseCidr(c);
        check.require(
            p !== undefined && isNetworkAddress(p.address, p.prefix),
            `gcp.masterAuthorizedNetworks[${i}]`,
            `must be an IPv4 CIDR block with its host bits zero, such as "203.0.113.0/24" (got ${show(c)})`,
        );
    }
}

function planMaintenance(check: ArgChecker, a: KubernetesClusterGcpArgs): GkeClusterPlan["maintenance"] {
    const w = a.maintenanceWindow ?? {};
    if (w.recurring === undefined) {
        const start = w.dailyStartTime ?? gkeValues.dailyMaintenanceStart;
        check.require(
            hhmm.test(start),
            "gcp.maintenanceWindow.dailyStartTime",
            `must be a time "HH:MM" in UTC such as "03:00" (got ${show(start)})`,
        );
        return { dailyStartTime: start };
    }
    const r = w.recurring;
    check.require(
        w.dailyStartTime === undefined,
        "gcp.maintenanceWindow.dailyStartTime",
        "must be left out with maintenanceWindow.recurring: one window or the other",
    );
    for (const key of ["startTime", "endTime"] as const)
        check.require(
            rfc3339.test(r[key]),
            `gcp.maintenanceWindow.recurring.${key}`,
            `must be an RFC 3339 UTC time such as "2026-01-03T02:00:00Z" (got ${show(r[key])})`,
        );
    if (rfc3339.test(r.startTime) && rfc3339.test(r.endTime))
        check.require(
            Date.parse(r.endTime) > Date.parse(r.startTime),
            "gcp.maintenanceWindow.recurring.endTime",
            `must be after startTime (got ${show(r.endTime)})`,
        );
    check.require(
        /^FREQ=(DAILY|WEEKLY|MONTHLY)(;[A-Z]+=[A-Z0-9,+-]+)*$/.test(r.recurrence),
        "gcp.maintenanceWindow.recurring.recurrence",
        `must be an RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=SA,SU" (got ${show(r.recurrence)})`,
    );
    return { recurring: r };
}

/** The GCP rules of a cluster; reports every problem, never throws, registers nothing. */
export function planGkeCluster(
    check: ArgChecker,
    args: KubernetesClusterArgs,
    resolved: ResolvedKubernetesCluster,
    platformNetwork = false,
): GkePlan {
    const a = args.gcp ?? {};
    const regionOk = checkRegion(check, a.region);
    checkGcpProject(check, "gcp.project", a.project);
    if (a.existing !== undefined) {
        checkExisting(check, args, a);
        return { existing: a.existing };
    }
    if (a.projectNumber !== undefined)
        check.require(
            /^[1-9]\d{5,18}$/.test(a.projectNumber),
            "gcp.projectNumber",
            `must be a GCP project number, digits such as "123456789012" (got ${show(a.projectNumber)})`,
        );

    const autopilot = a.autopilot ?? false;
    if (autopilot)
        for (const [key, given] of [
            ["nodesPerZone", args.nodesPerZone],
            ["gcp.machineType", a.machineType],
            ["gcp.availabilityZones", a.availabilityZones],
        ] as const)
            check.require(
                given === undefined,
                key,
                "must be left out with gcp.autopilot: Autopilot chooses, places and scales the nodes",
            );

    let zonesRegion: string | undefined;
    const zones = a.availabilityZones;
    if (zones !== undefined) {
        const minimum = resolved.production ? 3 : 2;
        check.require(
            zones.length >= minimum,
            "gcp.availabilityZones",
            `must name at least ${minimum} zones${resolved.production ? " in production" : ""} (got ${zones.length})`,
        );
        check.require(
            new Set(zones).size === zones.length,
            "gcp.availabilityZones",
            `must all differ (got ${show(zones)})`,
        );
        zonesRegion = checkGcpZones(check, "gcp.availabilityZones", zones, regionOk ? a.region : undefined);
    }
    const region = (regionOk ? a.region : undefined) ?? zonesRegion;
    if (a.region === undefined && zones === undefined)
        check.require(
            false,
            "gcp.region",
            `is required on target gcp unless gcp.availabilityZones are given: the region of the regional cluster, e.g. "europe-west1"`,
        );

    for (const key of ["network", "subnetwork", "podsRangeName", "servicesRangeName"] as const)
        if (platformNetwork)
            check.require(
                a[key] === undefined,
                `gcp.${key}`,
                "is filled by the Platform from its Network; leave it out",
            );
        else
            check.require(
                a[key] !== undefined,
                `gcp.${key}`,
                `is required on target gcp: a Network's ${key === "network" ? "networkSelfLink" : key === "subnetwork" ? "subnetworkSelfLink" : key}`,
            );

    const mt = a.machineType ?? gkeValues.machineType;
    check.require(
        machineType.test(mt),
        "gcp.machineType",
        `must be a Compute Engine machine type such as "e2-standard-4" or "n2d-highmem-8" (got ${show(mt)})`,
    );
    const master = a.masterIpv4CidrBlock ?? gkeValues.masterIpv4CidrBlock;
    checkMasterRange(check, master);
    if (a.masterAuthorizedNetworks !== undefined) checkAuthorized(check, a.masterAuthorizedNetworks);
    const maintenance = planMaintenance(check, a);

    return {
        cluster: {
            region: region ?? "",
            project: a.project,
            projectNumber: a.projectNumber,
            zones,
            network: a.network ?? "",
            subnetwork: a.subnetwork ?? "",
            podsRangeName: a.podsRangeName ?? "",
            servicesRangeName: a.servicesRangeName ?? "",
            releaseChannel: a.releaseChannel ?? GkeReleaseChannel.Regular,
            autopilot,
            machineType: mt,
            masterIpv4CidrBlock: master,
            masterAuthorizedNetworks: a.masterAuthorizedNetworks ?? (resolved.production ? undefined : []),
            kmsKeyName: a.kmsKeyName,
            maintenance,
            version: args.version,
            nodes: resolved.nodesPerZone,
        },
    };
}
