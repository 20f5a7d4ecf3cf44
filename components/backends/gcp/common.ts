import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { BackendScope } from "../backend";

/** A GCP region name: "europe-west1", "us-central1", "northamerica-northeast2". */
export const gcpRegionName = /^[a-z]+-[a-z]+\d{1,2}$/;
/** A GCP zone name: its region and a letter, "europe-west1-b". */
export const gcpZoneName = /^[a-z]+-[a-z]+\d{1,2}-[a-z]$/;
/** A GCP project id: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
export const gcpProjectId = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** The region of a zone name ("europe-west1-b" → "europe-west1"). */
export function regionOfZone(zone: string): string {
    return zone.slice(0, zone.lastIndexOf("-"));
}

/** Checks an optional region argument (e.g. `gcp.region`); returns whether it is usable. */
export function checkGcpRegion(check: ArgChecker, arg: string, region: string | undefined): boolean {
    return (
        region === undefined ||
        check.require(
            gcpRegionName.test(region),
            arg,
            `must be a GCP region such as "europe-west1" (got ${show(region)})`,
        )
    );
}

/** Checks an optional project argument (e.g. `gcp.project`). */
export function checkGcpProject(check: ArgChecker, arg: string, project: string | undefined): boolean {
    return (
        project === undefined ||
        check.require(
            gcpProjectId.test(project),
            arg,
            `must be a GCP project id: 6–30 lowercase letters, digits and '-', starting with a letter, not ending with '-' (got ${show(project)})`,
        )
    );
}

/**
 * Checks zone names: GCP zones, of one region, and of `region` when one is given. Returns the
 * zones' region when they are usable, so a caller can default its region to it.
 */
export function checkGcpZones(
    check: ArgChecker,
    arg: string,
    names: string[],
    region: string | undefined,
): string | undefined {
    const bad = names.filter((z) => !gcpZoneName.test(z));
    if (
        !check.require(
            bad.length === 0,
            arg,
            `must be GCP zone names such as "europe-west1-b" (got ${bad.map((z) => show(z)).join(", ")})`,
        )
    )
        return undefined;
    const regions = [...new Set(names.map(regionOfZone))];
    // A regional subnet serves the zones of its own region only.
    if (
        !check.require(
            regions.length <= 1,
            arg,
            `must all be zones of one region (got zones of ${regions.map((r) => show(r)).join(", ")})`,
        )
    )
        return undefined;
    if (region !== undefined && gcpRegionName.test(region)) {
        const elsewhere = names.filter((z) => regionOfZone(z) !== region);
        if (
            !check.require(
                elsewhere.length === 0,
                arg,
                `must be zones of gcp.region "${region}" (got ${elsewhere.map((z) => show(z)).join(", ")})`,
            )
        )
            return undefined;
    }
    return regions[0];
}

/** A GCP label key or value: lowercase letters, digits, '_' and '-', at most 63 characters. */
export function labelValue(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, "-")
        .slice(0, 63);
}

/**
 * Labels on every labelable GCP resource: which component made it, never a secret. GCP keys and
 * values allow neither dots nor slashes, so they cannot be the AWS tag keys; the pack reads
 * `pulumi-ha-exempt-<policy>` labels (with a reason) the same way.
 */
export function gcpLabels(scope: BackendScope, component: string): Record<string, string> {
    return {
        "pulumi-ha-component": labelValue(component),
        "pulumi-ha-instance": labelValue(scope.name),
        "managed-by": "pulumi-ha",
    };
}

/** Options of a child: parented to the component (its provider options reach the child through it). */
export function child(scope: BackendScope, extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    return { parent: scope.parent, ...extra };
}

/** `{ region }` when the scope names one; otherwise the GCP provider's region applies. */
export function inRegion(scope: BackendScope): { region?: string } {
    return scope.region === undefined ? {} : { region: scope.region };
}

/** `{ project }` when one is given; otherwise the GCP provider's project applies. */
export function inProject(project: string | undefined): { project?: string } {
    return project === undefined ? {} : { project };
}

/**
 * The prefix of a child's logical name. The GCP provider names a resource after its logical name
 * plus "-" and 7 random characters, and GCP takes names of lowercase letters, digits and '-'
 * starting with a letter, at most 63 characters: the component's name is folded into that and
 * kept to 40 characters, leaving room for a suffix ("-subnet") and the provider's.
 */
export function gcpNamePrefix(scope: BackendScope): string {
    const folded = scope.name
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/^[^a-z]+/, "");
    return (folded === "" ? "pulumi-ha" : folded).slice(0, 40).replace(/-+$/, "");
}
