import * as pulumi from "@pulumi/pulumi";
import { fillMissing, isObject } from "./mock-values";
import type { MockContext } from "./mocks";
import { digest } from "./mocks";
import { UNKNOWN } from "./wire";

/**
 * The context every GCP mock (gcp-mocks.ts) works in: the project, its number, the region, URL
 * and id formats, deterministic "random" parts (digests of the URN), and the documented default
 * private-services range. See gcp-mocks.ts for what the mocks prove and what not.
 */

/** The project when neither the resource nor the stack config (`gcp:project`) names one. */
export const DEFAULT_GCP_PROJECT = "pulumi-ha-demo";
/** The region when neither the resource nor the stack config (`gcp:region`) names one. */
export const DEFAULT_GCP_REGION = "europe-west1";
/**
 * Where private IPs of Cloud SQL and Memorystore (private services access) fall: the range a
 * `VPC_PEERING` GlobalAddress gets when the program gives no address. The mock does not follow
 * which range an instance's network has; every private services IP is inside this one.
 */
export const PRIVATE_SERVICES_RANGE = { address: "10.100.0.0", prefixLength: 16 };

/** Creation timestamps: fixed, so runs are reproducible. */
export const CREATED_AT = "2026-01-01T00:00:00.000Z";
/** Expiry of mocked server CA certificates (ten years on, as Cloud SQL's). */
export const EXPIRES_AT = "2036-01-01T00:00:00.000Z";

export const HEX = "0123456789abcdef";
export const DIGITS = "0123456789";
export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The label pulumi-gcp adds to every labelled resource (in `pulumiLabels` and `effectiveLabels`). */
export const ATTRIBUTION_LABEL = { "goog-pulumi-provisioned": "true" };

export const COMPUTE_API = "https://www.googleapis.com/compute/v1";

/** A known string input, else undefined (absent or unknown in preview). */
export function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== UNKNOWN && v.length > 0 ? v : undefined;
}

/** A known number input, else undefined. */
export function num(v: unknown): number | undefined {
    if (typeof v === "number") return v;
    if (typeof v === "string" && v !== UNKNOWN && v.trim() !== "" && !isNaN(Number(v))) return Number(v);
    return undefined;
}

export function configured(key: string): string | undefined {
    const v = pulumi.runtime.getConfig(key);
    return v && v.length > 0 ? v : undefined;
}

/** The stack's `gcp:project`, else {@link DEFAULT_GCP_PROJECT}. */
export function configuredProject(): string {
    return configured("gcp:project") ?? DEFAULT_GCP_PROJECT;
}

/** The stack's `gcp:region`, else {@link DEFAULT_GCP_REGION}. */
export function configuredRegion(): string {
    return configured("gcp:region") ?? DEFAULT_GCP_REGION;
}

/** The project number (12 digits) the mock gives a project id: a digest, the same on every run. */
export function projectNumber(project: string): string {
    return `${1 + (parseInt(digest(`number:${project}`, 1, DIGITS), 10) % 9)}${digest(`number:${project}`, 11, DIGITS)}`;
}

/** Zone letters of regions whose zones are not a, b, c (Google's published lists). */
const zoneLetters: Record<string, string[]> = {
    "europe-west1": ["b", "c", "d"],
    "us-central1": ["a", "b", "c", "f"],
    "us-east1": ["b", "c", "d"],
    "asia-east1": ["a", "b", "c"],
};

/** The zones the mock answers for a region (three or four, as GCP has). */
export function zonesOf(region: string): string[] {
    return (zoneLetters[region] ?? ["a", "b", "c"]).map((l) => `${region}-${l}`);
}

/** `europe-west1-b` → `europe-west1`; a region stays; anything else (a multi-region "EU") undefined. */
export function regionOfLocation(location: string | undefined): string | undefined {
    if (location === undefined) return undefined;
    if (/^[a-z]+-[a-z]+\d+-[a-z]$/.test(location)) return location.slice(0, -2);
    if (/^[a-z]+-[a-z]+\d+$/.test(location)) return location;
    return undefined;
}

export function isZone(location: string | undefined): boolean {
    return location !== undefined && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(location);
}

function ipToInt(ip: string): number {
    return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

function intToIp(n: number): string {
    return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** The address `offset` hosts into a CIDR (`10.0.0.0/20`, 1 → `10.0.0.1`). */
export function ipAt(cidr: string, offset: number): string {
    const [base] = cidr.split("/");
    return intToIp(ipToInt(base) + offset);
}

/** A deterministic host address inside `cidr` (never the network, gateway or broadcast address). */
export function ipInside(cidr: string, seed: string): string {
    const [base, bits] = cidr.split("/");
    const size = 2 ** (32 - Number(bits));
    if (!(size >= 8)) return intToIp(ipToInt(base) + 2);
    const pick = parseInt(digest(seed, 8, HEX), 16) % (size - 4);
    return intToIp(ipToInt(base) + 2 + pick);
}

/** True when `ip` is inside `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
    const [base, bits] = cidr.split("/");
    const size = 2 ** (32 - Number(bits));
    const start = ipToInt(base);
    const n = ipToInt(ip);
    return n >= start && n < start + size;
}

/** A known CIDR input (`10.0.0.0/29`), else undefined (a range name, absent, unknown). */
export function cidrOf(v: unknown): string | undefined {
    const s = str(v);
    return s !== undefined && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(s) ? s : undefined;
}

/** The last path segment of a GCP resource reference (`projects/p/global/networks/n` → `n`). */
export function lastSegment(ref: string): string {
    return ref.split("/").pop() ?? ref;
}

/** What one GCP type's mock returns; the dispatcher adds project, region and labels. */
export interface GcpMock {
    id: string;
    /** Computed values, filled in only where the inputs leave the key unset. */
    values: Record<string, unknown>;
    /** Values GCP normalises: they replace the inputs. */
    replaces?: Record<string, unknown>;
    secretOutputs?: string[];
}

/** A GCP resource being mocked, with helpers for the values GCP would assign. */
export class Gcp {
    readonly inputs: Record<string, any>;
    readonly preview: boolean;
    readonly project: string;
    readonly region: string;

    constructor(readonly ctx: MockContext) {
        this.inputs = ctx.inputs;
        this.preview = ctx.preview;
        this.project = str(ctx.inputs.project) ?? configuredProject();
        this.region =
            str(ctx.inputs.region) ??
            regionOfLocation(str(ctx.inputs.location)) ??
            regionOfLocation(str(ctx.inputs.locationId)) ??
            configuredRegion();
    }

    get projectNumber(): string {
        return projectNumber(this.project);
    }

    /** A value GCP assigns at create: unknown in preview. */
    after<T>(value: T): T | string {
        return this.preview ? UNKNOWN : value;
    }

    /** Deterministic characters for `label` on this resource. */
    chars(label: string, length: number, alphabet: string): string {
        return digest(`${label}:${this.ctx.urn}`, length, alphabet);
    }

    /** A numeric id as GCP's compute API gives (19 digits, no leading zero). */
    numericId(label: string): string {
        return `${1 + (parseInt(this.chars(label, 1, DIGITS), 10) % 9)}${this.chars(label, 18, DIGITS)}`;
    }

    uuid(label: string): string {
        const h = this.chars(label, 32, HEX);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }

    /**
     * The name pulumi-gcp auto-assigns in Check when `field` is unset (known in preview):
     * `<resource name>-<7 hex>`, lower case as GCP requires. A name too long is logged as an error.
     */
    autoName(field = "name", maxLength = 63): unknown {
        const given = this.inputs[field];
        if (given !== undefined && given !== null) return given;
        const stem = `${this.ctx.name.toLowerCase()}-`;
        if (stem.length + 7 > maxLength) {
            void pulumi.log.error(
                `${this.ctx.type} resource '${this.ctx.name}' has a problem: name '${stem}' plus 7 random chars ` +
                    `is longer than maximum length ${maxLength} (set "${field}" explicitly or shorten the resource name)`,
            );
        }
        return `${stem}${this.chars("autoname", 7, HEX)}`;
    }

    /** The auto-name (or given name) as a string for building ids (`unknown` when unknown). */
    nameOf(field = "name", maxLength = 63): string {
        return String(this.autoName(field, maxLength));
    }

    /** `https://www.googleapis.com/compute/v1/projects/P/<path>`. */
    computeLink(path: string): string {
        return `${COMPUTE_API}/projects/${this.project}/${path}`;
    }

    /** `projects/P/global/networks/N` for a network reference (self link, id or bare name). */
    networkPath(ref: unknown): string | undefined {
        const s = str(ref);
        if (s === undefined) return undefined;
        const m = s.match(/projects\/[^/]+\/global\/networks\/[^/]+$/);
        return m ? m[0] : `projects/${this.project}/global/networks/${s}`;
    }

    /** A private services access address (Cloud SQL, Memorystore): inside {@link PRIVATE_SERVICES_RANGE}. */
    privateServicesIp(label: string): string {
        return ipInside(
            `${PRIVATE_SERVICES_RANGE.address}/${PRIVATE_SERVICES_RANGE.prefixLength}`,
            `${label}:${this.ctx.urn}`,
        );
    }

    /** A public IPv4 address in a Google-looking range (34.x.y.z). */
    publicIp(label: string): string {
        const d = this.chars(label, 6, DIGITS);
        return `34.${parseInt(d.slice(0, 2), 10) + 1}.${parseInt(d.slice(2, 4), 10) + 1}.${parseInt(d.slice(4), 10) + 1}`;
    }

    /** A PEM-shaped certificate (not a real one). */
    pem(label: string, kind = "CERTIFICATE"): string {
        const lines = this.chars(label, 64 * 5, BASE64).match(/.{1,64}/g) ?? [];
        return `-----BEGIN ${kind}-----\n${lines.join("\n")}\n-----END ${kind}-----\n`;
    }

    sha1(label: string): string {
        return this.chars(`sha1:${label}`, 40, HEX);
    }

    /** Labels as pulumi-gcp reports them: `pulumiLabels` and `effectiveLabels` (provider default labels merged). */
    labels(): Record<string, unknown> {
        const given = this.inputs.labels;
        if (given === UNKNOWN) return { pulumiLabels: UNKNOWN, effectiveLabels: UNKNOWN };
        const own = isObject(given) ? given : {};
        let defaults: Record<string, string> = {};
        try {
            const raw = configured("gcp:defaultLabels");
            if (raw) defaults = JSON.parse(raw);
        } catch {
            defaults = {};
        }
        return {
            pulumiLabels: { ...own, ...ATTRIBUTION_LABEL },
            effectiveLabels: { ...defaults, ...own, ...ATTRIBUTION_LABEL },
        };
    }
}

export { fillMissing, isObject };
