import { ArgChecker } from "./arg-checker";
import { show } from "./arg-shape";
import { Profile, Target } from "./enums";
import { NetworkArgs } from "./network-contract";

/** {@link NetworkArgs} with the neutral defaults applied and the subnet ranges laid out. */
export interface ResolvedNetwork {
    target: Target;
    profile: Profile;
    production: boolean;
    /** Number of zones (and of public and of private subnets). */
    zones: number;
    /** The zones' names when given; otherwise the backend looks them up. */
    availabilityZones?: string[];
    cidrBlock: string;
    /** Private subnet `i` (zone `i`): block `i` of prefix+3. */
    privateSubnetCidrs: string[];
    /** Public subnet `i` (zone `i`): block `i` of prefix+6 inside the last prefix+3 block. */
    publicSubnetCidrs: string[];
}

export const minZones = 2;
export const maxZones = 6;
/** Prefixes a VPC may take here: /16 (AWS's largest) to /22, whose public subnets (/28) are AWS's smallest. */
export const minPrefix = 16;
export const maxPrefix = 22;
export const defaultCidrBlock = "10.0.0.0/16";

/** An IPv4 CIDR as a 32-bit network address and a prefix length; undefined when `text` is not one. */
export function parseCidr(text: string): { address: number; prefix: number } | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    if (m.slice(1, 5).some((o) => o.length > 1 && o.startsWith("0"))) return undefined;
    const address = octets.reduce((a, o) => a * 256 + o, 0);
    return { address, prefix };
}

export function formatCidr(address: number, prefix: number): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
}

/** Whether the host bits of `address` below `prefix` are all zero. */
export function isNetworkAddress(address: number, prefix: number): boolean {
    return address % 2 ** (32 - prefix) === 0;
}

/** Whether two ranges (network address and prefix) share an address: the larger holds the smaller. */
export function rangesOverlap(a: { address: number; prefix: number }, b: { address: number; prefix: number }): boolean {
    const size = 2 ** (32 - Math.min(a.prefix, b.prefix));
    return Math.floor(a.address / size) === Math.floor(b.address / size);
}

const privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

/** Whether the range lies inside one of the RFC 1918 private networks. */
export function isPrivateRange(address: number, prefix: number): boolean {
    return privateRanges.some(
        (r) => prefix >= r.prefix && Math.floor(address / 2 ** (32 - r.prefix)) === r.address / 2 ** (32 - r.prefix),
    );
}

/**
 * The subnet layout, the same for every cloud: private subnet `i` is block `i` of prefix+3 (up to
 * 6 zones use blocks 0–5), public subnet `i` is block `i` of prefix+6 inside block 7 of prefix+3,
 * and block 6 stays free for later (e.g. database subnets). A /16 gives /19 private subnets
 * (8,187 usable addresses each: pod IPs come from them) and /22 public ones.
 */
export function subnetLayout(cidrBlock: string, zones: number): { private: string[]; public: string[] } {
    const { address, prefix } = parseCidr(cidrBlock)!;
    const privateSize = 2 ** (32 - (prefix + 3));
    const publicSize = 2 ** (32 - (prefix + 6));
    const publicBase = address + 7 * privateSize;
    const indices = Array.from({ length: zones }, (_, i) => i);
    return {
        private: indices.map((i) => formatCidr(address + i * privateSize, prefix + 3)),
        public: indices.map((i) => formatCidr(publicBase + i * publicSize, prefix + 6)),
    };
}

/**
 * Checks and defaults the neutral {@link NetworkArgs}; reports every problem to `check` and never
 * throws (the component throws once, with the backend's problems too).
 */
export function resolveNetwork(check: ArgChecker, args: NetworkArgs): ResolvedNetwork {
    const target = args.target;
    const profile = args.profile ?? Profile.Production;
    const production = profile !== Profile.Development;

    const names = args.availabilityZones;
    const zones = args.zones ?? names?.length ?? (production ? 3 : minZones);
    // The count comes from the names when only they are given: problems are theirs then.
    const zonesArg = args.zones === undefined && names !== undefined ? "availabilityZones" : "zones";
    let zonesOk = check.require(
        Number.isInteger(zones) && zones >= minZones && zones <= maxZones,
        zonesArg,
        `must ${zonesArg === "zones" ? "be an integer from" : "name from"} ${minZones} to ${maxZones} zones (got ${zones})`,
    );
    if (zonesOk && production)
        zonesOk = check.require(
            zones >= 3,
            zonesArg,
            `must be at least 3 in production (got ${zones}): with 3 zones a majority of every quorum-based service (etcd, Postgres, RabbitMQ) survives losing one; use profile development for fewer`,
        );
    if (names !== undefined) {
        const blank = names.filter((n) => n.trim() === "");
        check.require(blank.length === 0, "availabilityZones", "must be zone names, none empty");
        check.require(
            new Set(names).size === names.length,
            "availabilityZones",
            `must all differ: one subnet pair per zone, so losing a zone loses one pair (got ${show(names)})`,
        );
        if (args.zones !== undefined)
            check.require(
                names.length === args.zones,
                "availabilityZones",
                `must name exactly \`zones\` (${args.zones}) zones, one per subnet pair (got ${names.length})`,
            );
    }

    const cidrBlock = args.cidrBlock ?? defaultCidrBlock;
    const cidr = parseCidr(cidrBlock);
    let cidrOk = check.require(
        cidr !== undefined,
        "cidrBlock",
        `must be an IPv4 CIDR block such as "10.0.0.0/16" (got ${show(cidrBlock)})`,
    );
    if (cidr) {
        cidrOk =
            check.require(
                cidr.prefix >= minPrefix && cidr.prefix <= maxPrefix,
                "cidrBlock",
                `must have a prefix from /${minPrefix} to /${maxPrefix}, so that ${maxZones} private and public subnets fit (the public ones are prefix+6, and /28 is the smallest subnet AWS allows) (got /${cidr.prefix})`,
            ) && cidrOk;
        cidrOk =
            check.require(
                isNetworkAddress(cidr.address, cidr.prefix),
                "cidrBlock",
                `must be a network address, its host bits zero (got ${show(cidrBlock)}; did you mean "${formatCidr(cidr.address - (cidr.address % 2 ** (32 - cidr.prefix)), cidr.prefix)}"?)`,
            ) && cidrOk;
        cidrOk =
            check.require(
                isPrivateRange(cidr.address, cidr.prefix),
                "cidrBlock",
                `must lie in a private (RFC 1918) network: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (got ${show(cidrBlock)})`,
            ) && cidrOk;
    }
    const layout = zonesOk && cidrOk ? subnetLayout(cidrBlock, zones) : { private: [], public: [] };
    return {
        target,
        profile,
        production,
        zones,
        availabilityZones: names,
        cidrBlock,
        privateSubnetCidrs: layout.private,
        publicSubnetCidrs: layout.public,
    };
}
