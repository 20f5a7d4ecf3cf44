import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { GcpPlacementArgs } from "../../core/gcp-placement";
import { GcpPlannedPlacement } from "../backend";
import { checkGcpProject, checkGcpRegion, checkGcpZones } from "./common";

/** A GCP data service's placement: checked when it is planned, complete when it is created. */
export interface GcpServicePlacement<A extends GcpPlacementArgs> {
    /** Number of zones given (0: Google chooses within the region). */
    zoneCount: number;
    /** Region, when known before the provider's: given, a Platform's, or the zones'. */
    region?: string;
    /** Project, when given or a Platform's (else the provider's). */
    project?: string;
    /** The service's `gcp` arguments with the placement filled; called when it is created. */
    gcp: () => A;
}

// The fields a Platform fills from its Network.
const platformKeys = ["project", "region", "network", "availabilityZones", "privateServicesRangeName"] as const;

/**
 * Checks where a data service goes on GCP: its own `gcp` placement when standalone, or the
 * Platform's Network (`planned`), which then fills the placement when the service is created.
 */
export function placeGcpService<A extends GcpPlacementArgs>(
    check: ArgChecker,
    given: A | undefined,
    production: boolean,
    planned: GcpPlannedPlacement | undefined,
): GcpServicePlacement<A> {
    const a = given ?? ({} as A);
    const minimum = production ? 3 : 2;
    if (planned === undefined) {
        checkGcpProject(check, "gcp.project", a.project);
        const regionOk = checkGcpRegion(check, "gcp.region", a.region);
        check.require(
            a.network !== undefined,
            "gcp.network",
            "is required on target gcp: the VPC network (a Network's networkSelfLink) whose private services access gives the service its private IP",
        );
        const zones = a.availabilityZones;
        let zonesRegion: string | undefined;
        if (zones !== undefined) {
            check.require(
                zones.length >= minimum,
                "gcp.availabilityZones",
                `must name at least ${minimum} zones${production ? " in production" : ""} (got ${zones.length}), or be left out for Google to choose`,
            );
            const known = zones.filter((z): z is string => typeof z === "string");
            check.require(
                new Set(known).size === known.length,
                "gcp.availabilityZones",
                "must all differ: the primary, its standby and each replica take a zone of their own",
            );
            zonesRegion = checkGcpZones(check, "gcp.availabilityZones", known, regionOk ? a.region : undefined);
        }
        return {
            zoneCount: zones?.length ?? 0,
            region: a.region ?? zonesRegion,
            project: a.project,
            gcp: () => ({ ...a, region: a.region ?? zonesRegion }),
        };
    }
    for (const key of platformKeys)
        check.require(
            a[key] === undefined,
            `gcp.${key}`,
            "is filled by the Platform from its gcp settings and Network; leave it out",
        );
    check.require(
        planned.zoneCount >= minimum,
        "profile",
        `${production ? "production" : "development"} needs a network of at least ${minimum} zones; the Platform's has ${planned.zoneCount} (raise gcp.network.zones)`,
    );
    return {
        zoneCount: planned.zoneCount,
        region: planned.region,
        project: planned.project,
        gcp: () => {
            const p = planned.placement();
            return {
                ...a,
                project: planned.project,
                region: planned.region,
                network: p.network,
                availabilityZones: p.availabilityZones,
                privateServicesRangeName: p.privateServicesRangeName,
            };
        },
    };
}

/** The zone at `i` of `zones` (wrapping), or undefined when Google chooses. */
export function zoneAt(zones: pulumi.Input<string>[] | undefined, i: number): pulumi.Input<string> | undefined {
    return zones === undefined || zones.length === 0 ? undefined : zones[i % zones.length];
}
