import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { ObjectStorageGcpArgs } from "../../core/object-storage-gcp-contract";
import { gcpRegionName } from "./common";

// Cloud Storage's own rules for what ObjectStorage sends: bucket names and locations.

/** Values sent to the provider, as its TSDoc lists them (storage/bucket.d.ts, types/input.d.ts, storage/hmacKey.d.ts). */
export const gcsValues = {
    publicAccessPrevention: "enforced",
    storageClass: "STANDARD",
    turboRpo: "ASYNC_TURBO",
    deleteAction: "Delete",
    abortMultipartAction: "AbortIncompleteMultipartUpload",
    hmacState: "ACTIVE",
    /** Read, write, list and delete objects and multipart uploads; nothing on the bucket itself. */
    objectRole: "roles/storage.objectUser",
    workloadIdentityRole: "roles/iam.workloadIdentityUser",
    /** The XML API endpoint S3 clients use (Cloud Storage interoperability). */
    endpoint: "https://storage.googleapis.com",
} as const;

export const objectStorageGcpDefaults = {
    noncurrentVersionDays: 90,
    abortIncompleteMultipartUploadDays: 7,
    hmacKey: true,
} as const;

/** Lifecycle days: a positive whole number; 100 years is more than anyone keeps a version. */
export const maxDays = 36500;

/** GCS multi-regions. */
export const multiRegions = ["ASIA", "EU", "US"] as const;
/** GCS predefined dual-regions. */
export const predefinedDualRegions = ["ASIA1", "EUR4", "EUR5", "EUR7", "EUR8", "NAM4"] as const;

/** The multi-region of a region's geography, by its name's prefix; none for the others (australia-, me-, …). */
const geography: Record<string, (typeof multiRegions)[number]> = { europe: "EU", us: "US", asia: "ASIA" };

/** The multi-region holding `region` ("europe-west1" → "EU"), if its geography has one. */
export function multiRegionOf(region: string): string | undefined {
    return geography[region.split("-")[0]];
}

/** A GCS IP-address-shaped name. */
const ipAddress = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Why `name` is not a GCS bucket name, or undefined (cloud.google.com/storage/docs/buckets#naming):
 * lowercase letters, digits, '-', '_' and '.'; starting and ending with a letter or digit; 3–63
 * characters, or up to 222 with dots when each dot-separated part is at most 63; not an IP
 * address; not starting with "goog"; not containing "google" or a close misspelling ("g00gle").
 */
export function gcsBucketNameProblem(name: string): string | undefined {
    if (!/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(name))
        return "may hold only lowercase letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    const dotted = name.includes(".");
    if (name.length < 3 || name.length > (dotted ? 222 : 63))
        return dotted ? "must be 3 to 222 characters" : "must be 3 to 63 characters";
    if (name.split(".").some((part) => part.length > 63))
        return "must not have a dot-separated part over 63 characters";
    if (ipAddress.test(name)) return "must not be an IP address";
    if (name.startsWith("goog")) return 'must not start with "goog"';
    // Digits read as letters ("g00gle", "goog1e"), repeated or dropped o's ("gooogle", "gogle"), and "googel".
    const folded = name.replace(/0/g, "o").replace(/1/g, "l");
    if (/go+gle|go+gel/.test(folded)) return 'must not contain "google" or a close misspelling of it';
    return undefined;
}

/** Where the bucket goes, as sent: `location` upper-case, and the two regions of a configurable dual-region. */
export interface GcsPlacement {
    location: string;
    dataLocations?: string[];
    /** A dual-region (predefined or configurable): the only kind turbo replication applies to. */
    dual: boolean;
    /** A single region (whose KMS key must be in that region). */
    region?: string;
}

/**
 * Checks and resolves the bucket's location. `region` is the app's region when known (given, the
 * Platform's, or the provider's); the default is its multi-region in production, itself in
 * development. Returns undefined when a problem was reported.
 */
export function placeBucket(
    check: ArgChecker,
    a: ObjectStorageGcpArgs,
    region: string | undefined,
    production: boolean,
): GcsPlacement | undefined {
    const placement =
        a.dataLocations !== undefined
            ? configurableDualRegion(check, a.dataLocations, a.location)
            : a.location !== undefined
              ? givenLocation(check, a.location)
              : defaultLocation(check, region, production);
    if (a.turboReplication === true && placement !== undefined)
        check.require(
            placement.dual,
            "gcp.turboReplication",
            `applies to dual-regions only (a predefined one, ${predefinedDualRegions.join(", ")}, or gcp.dataLocations); the location is ${placement.location}, a ${placement.region !== undefined ? "region" : "multi-region"}`,
        );
    return placement;
}

function givenLocation(check: ArgChecker, given: string): GcsPlacement | undefined {
    const upper = given.toUpperCase();
    if ((multiRegions as readonly string[]).includes(upper)) return { location: upper, dual: false };
    if ((predefinedDualRegions as readonly string[]).includes(upper)) return { location: upper, dual: true };
    if (gcpRegionName.test(given.toLowerCase())) return { location: upper, dual: false, region: given.toLowerCase() };
    check.fail(
        "gcp.location",
        `must be a GCS location: a region such as "europe-west1", a predefined dual-region (${predefinedDualRegions.join(", ")}) or a multi-region (${multiRegions.join(", ")})${given.includes("+") ? '; give a configurable dual-region as gcp.dataLocations ["region-a", "region-b"], not "A+B"' : ""} (got ${show(given)})`,
    );
    return undefined;
}

function configurableDualRegion(
    check: ArgChecker,
    regions: string[],
    location: string | undefined,
): GcsPlacement | undefined {
    const arg = "gcp.dataLocations";
    const names = regions.map((r) => (typeof r === "string" ? r.toLowerCase() : r));
    if (
        !check.require(
            names.length === 2 && names.every((r) => gcpRegionName.test(r)) && names[0] !== names[1],
            arg,
            `must be two different region names such as ["europe-west1", "europe-west4"] (got ${show(regions)})`,
        )
    )
        return undefined;
    const homes = [...new Set(names.map(multiRegionOf))];
    if (
        !check.require(
            homes.length === 1 && homes[0] !== undefined,
            arg,
            `must be two regions of one multi-region: both europe-* (EU), both us-* (US) or both asia-* (ASIA) (got ${show(regions)})`,
        )
    )
        return undefined;
    const home = homes[0]!;
    if (
        location !== undefined &&
        !check.require(
            location.toUpperCase() === home,
            "gcp.location",
            `must be the multi-region holding gcp.dataLocations, "${home}", or be left out (got ${show(location)})`,
        )
    )
        return undefined;
    return { location: home, dataLocations: names.map((r) => r.toUpperCase()), dual: true };
}

function defaultLocation(check: ArgChecker, region: string | undefined, production: boolean): GcsPlacement | undefined {
    if (region === undefined) {
        check.fail(
            "gcp.location",
            "is required when no region is known (gcp.region, the Platform's region or the provider's gcp:region): a region, a dual-region or a multi-region",
        );
        return undefined;
    }
    if (!production) return { location: region.toUpperCase(), dual: false, region };
    const home = multiRegionOf(region);
    if (
        !check.require(
            home !== undefined,
            "gcp.location",
            `is required in production for region ${show(region)}, which no GCS multi-region covers (only europe-*, us-* and asia-* default to EU, US, ASIA): give a dual-region (gcp.dataLocations, or a predefined one) or, knowingly, the region`,
        )
    )
        return undefined;
    return { location: home!, dual: false };
}
