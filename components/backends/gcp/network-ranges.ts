import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { NetworkGcpArgs } from "../../core/network-gcp-contract";
import { formatCidr, isNetworkAddress, isPrivateRange, parseCidr, rangesOverlap } from "../../core/network-resolve";

/** The ranges a GCP network uses beside its subnet's primary range (`cidrBlock`). */
export interface GcpNetworkRanges {
    /** The subnet's secondary range for GKE pods. */
    pods: string;
    /** The subnet's secondary range for GKE Services. */
    services: string;
    /** The private services access range (Cloud SQL, Memorystore). */
    privateServices: string;
}

interface RangeRule {
    key: keyof GcpNetworkRanges;
    arg: "podsCidr" | "servicesCidr" | "privateServicesCidr";
    /** The default when it fits beside the other ranges. */
    preferred: string;
    minPrefix: number;
    maxPrefix: number;
    why: string;
}

/**
 * Sizes follow GKE and service networking: GKE hands each node a /24 of the pod range, so a /21 is
 * 8 nodes and the floor; a Services range of /16–/27 is what GKE accepts; private services access
 * needs at least a /24 and Google recommends a /16 so later producers fit.
 */
export const gcpRangeRules: readonly RangeRule[] = [
    {
        key: "pods",
        arg: "podsCidr",
        preferred: "10.4.0.0/14",
        minPrefix: 9,
        maxPrefix: 21,
        why: "GKE gives each node a /24 of it",
    },
    {
        key: "services",
        arg: "servicesCidr",
        preferred: "10.8.0.0/20",
        minPrefix: 16,
        maxPrefix: 27,
        why: "the Services range GKE accepts",
    },
    {
        key: "privateServices",
        arg: "privateServicesCidr",
        preferred: "10.16.0.0/16",
        minPrefix: 8,
        maxPrefix: 24,
        why: "private services access needs at least a /24",
    },
];

type Parsed = { address: number; prefix: number };
const tenSlash8 = parseCidr("10.0.0.0/8")!;

/** The first block of `prefix`, from `preferred` on through 10.0.0.0/8 (wrapping), clear of `taken`. */
function freeBlock(preferred: Parsed, taken: Parsed[]): Parsed | undefined {
    const size = 2 ** (32 - preferred.prefix);
    const count = 2 ** (preferred.prefix - tenSlash8.prefix);
    const start = (preferred.address - tenSlash8.address) / size;
    for (let i = 0; i < count; i++) {
        const block = { address: tenSlash8.address + ((start + i) % count) * size, prefix: preferred.prefix };
        if (!taken.some((t) => rangesOverlap(t, block))) return block;
    }
    return undefined;
}

/**
 * Checks the ranges given under `gcp` and carves the missing ones: every range an RFC 1918 network
 * address of its allowed size, none overlapping `cidrBlock` (the subnet) or another. A default
 * takes its preferred block, or the next free block of that size in 10.0.0.0/8 when that one
 * overlaps a range given. Reports, never throws; undefined when a range is unusable.
 */
export function planGcpRanges(check: ArgChecker, cidrBlock: string, a: NetworkGcpArgs): GcpNetworkRanges | undefined {
    const subnet = parseCidr(cidrBlock);
    // The subnet's own problems were reported by the neutral checks; only a usable one is compared.
    const taken: Array<{ arg: string; text: string; range: Parsed }> =
        subnet && isNetworkAddress(subnet.address, subnet.prefix)
            ? [{ arg: "cidrBlock", text: cidrBlock, range: subnet }]
            : [];
    let ok = true;
    const chosen: Partial<GcpNetworkRanges> = {};
    for (const rule of gcpRangeRules) {
        const text = a[rule.arg];
        if (text === undefined) continue;
        const arg = `gcp.${rule.arg}`;
        const range = parseCidr(text);
        if (range === undefined) {
            check.require(false, arg, `must be an IPv4 CIDR block such as ${show(rule.preferred)} (got ${show(text)})`);
            ok = false;
            continue;
        }
        const fine = [
            check.require(
                range.prefix >= rule.minPrefix && range.prefix <= rule.maxPrefix,
                arg,
                `must have a prefix from /${rule.minPrefix} to /${rule.maxPrefix}: ${rule.why} (got /${range.prefix})`,
            ),
            check.require(
                isNetworkAddress(range.address, range.prefix),
                arg,
                `must be a network address, its host bits zero (got ${show(text)}; did you mean "${formatCidr(range.address - (range.address % 2 ** (32 - range.prefix)), range.prefix)}"?)`,
            ),
            check.require(
                isPrivateRange(range.address, range.prefix),
                arg,
                `must lie in a private (RFC 1918) network: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (got ${show(text)})`,
            ),
        ].every(Boolean);
        if (!fine) {
            ok = false;
            continue;
        }
        const clash = taken.filter((t) => rangesOverlap(t.range, range));
        if (
            !check.require(
                clash.length === 0,
                arg,
                `must not overlap ${clash.map((t) => `${t.arg} ${show(t.text)}`).join(" or ")}: a subnet's primary and secondary ranges and the private services range share one VPC's address space (got ${show(text)})`,
            )
        )
            ok = false;
        taken.push({ arg, text, range });
        chosen[rule.key] = text;
    }
    for (const rule of gcpRangeRules) {
        if (a[rule.arg] !== undefined) continue;
        const block = freeBlock(
            parseCidr(rule.preferred)!,
            taken.map((t) => t.range),
        );
        if (block === undefined) {
            check.require(
                false,
                `gcp.${rule.arg}`,
                `has no free default: no ${rule.preferred.slice(rule.preferred.indexOf("/"))} of 10.0.0.0/8 is clear of the other ranges; give one`,
            );
            ok = false;
            continue;
        }
        const text = formatCidr(block.address, block.prefix);
        taken.push({ arg: `gcp.${rule.arg}`, text, range: block });
        chosen[rule.key] = text;
    }
    return ok ? (chosen as GcpNetworkRanges) : undefined;
}
