import * as pulumi from "@pulumi/pulumi";
import { fillMissing, isObject } from "./mock-values";
import type { MockContext, MockedResource } from "./mocks";
import { digest } from "./mocks";
import { UNKNOWN, plain } from "./wire";

/**
 * Computed outputs of the pulumi-aws (v7) resources and functions the AWS backends use, shaped
 * as the provider returns them, so that the offline plan never needs AWS:
 *
 * - In preview, what the provider learns only at create (ids, ARNs, endpoints, generated
 *   identifiers) is unknown. What its Check computes stays known: auto-names (`name-1a2b3c4`),
 *   `region` and `tagsAll`.
 * - In update, realistic values: account {@link AWS_ACCOUNT_ID}, the resource's region, ids with
 *   AWS's prefixes, endpoints in AWS's formats. Every "random" part is a digest of the URN, so two
 *   runs record the same values.
 * - A computed value never replaces an input: values are only filled in where the program left a
 *   key (or a nested key) unset, so inputs keep their secret markers and exact shapes.
 *
 * Region: the resource's `region` input, else the stack config `aws:region`, else
 * {@link DEFAULT_AWS_REGION}. An explicit provider object's region is not seen (the mock is not
 * told which provider a resource uses).
 */

/** The account every mocked ARN names: 12 digits, like a real one. */
export const AWS_ACCOUNT_ID = "123456789012";
/** The region when neither the resource nor the stack config names one. */
export const DEFAULT_AWS_REGION = "eu-central-1";

/** Creation timestamps: fixed, so runs are reproducible. */
const CREATED_AT = "2026-01-01T00:00:00Z";

const HEX = "0123456789abcdef";
const UPPER_HEX = "0123456789ABCDEF";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const DIGITS = "0123456789";

/** The stack's `aws:region`, else the default. */
export function configuredRegion(): string {
    const configured = pulumi.runtime.getConfig("aws:region");
    return configured && configured.length > 0 ? configured : DEFAULT_AWS_REGION;
}

/** The provider's default tags (`aws:defaultTags: { tags: {...} }`), merged under every resource's tags. */
function defaultTags(): Record<string, string> {
    const raw = pulumi.runtime.getConfig("aws:defaultTags");
    if (!raw) return {};
    try {
        const parsed = JSON.parse(raw);
        return isObject(parsed) && isObject(parsed.tags) ? (parsed.tags as Record<string, string>) : {};
    } catch {
        return {};
    }
}

/** A known string input, else undefined (absent or unknown in preview). */
function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== UNKNOWN ? v : undefined;
}

/** A known number input, else undefined. */
function num(v: unknown): number | undefined {
    if (typeof v === "number") return v;
    if (typeof v === "string" && v !== UNKNOWN && v.trim() !== "" && !isNaN(Number(v))) return Number(v);
    return undefined;
}

/**
 * Short region code as AWS uses it in zone ids and ElastiCache host names:
 * eu-central-1 → euc1, us-east-1 → use1, ap-southeast-2 → apse2.
 */
export function regionCode(region: string): string {
    const parts = region.split("-");
    if (parts.length < 3) return region.replace(/-/g, "");
    const direction: Record<string, string> = {
        central: "c",
        east: "e",
        west: "w",
        north: "n",
        south: "s",
        northeast: "ne",
        northwest: "nw",
        southeast: "se",
        southwest: "sw",
    };
    return `${parts[0]}${direction[parts[1]] ?? parts[1]}${parts[parts.length - 1]}`;
}

/** The three zones the mock answers for a region: a, b, c with ids az1..az3. */
export function zonesOf(region: string): { names: string[]; zoneIds: string[] } {
    return {
        names: ["a", "b", "c"].map((l) => `${region}${l}`),
        zoneIds: [1, 2, 3].map((n) => `${regionCode(region)}-az${n}`),
    };
}

function zoneIdOf(zone: string): string {
    const letter = zone.slice(-1);
    const region = zone.slice(0, -1);
    return `${regionCode(region)}-az${"abcdefghij".indexOf(letter) + 1}`;
}

const regionNames: Record<string, string> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "ca-central-1": "Canada (Central)",
    "eu-central-1": "Europe (Frankfurt)",
    "eu-central-2": "Europe (Zurich)",
    "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)",
    "eu-west-3": "Europe (Paris)",
    "eu-north-1": "Europe (Stockholm)",
    "eu-south-1": "Europe (Milan)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "sa-east-1": "South America (São Paulo)",
};

/** Route 53 hosted zones of the regional RDS and S3 endpoints (AWS's published ids). */
const rdsHostedZones: Record<string, string> = {
    "us-east-1": "Z2R2ITUGPM61AM",
    "us-west-2": "Z1PVIF0B656C1W",
    "eu-central-1": "Z1RLNUO7B9Q6NB",
    "eu-west-1": "Z29XKXDKYMONMX",
};
const s3HostedZones: Record<string, string> = {
    "us-east-1": "Z3AQBSTGFYJSTF",
    "us-west-2": "Z3BJ6K6RIION7M",
    "eu-central-1": "Z21DNDUVLTQW6Q",
    "eu-west-1": "Z1BKCTXD74EZPE",
};

/** What one AWS type's mock returns; the dispatcher adds region and tagsAll. */
interface AwsMock {
    id: string;
    /** Computed values, filled in only where the inputs leave the key unset. */
    values: Record<string, unknown>;
    secretOutputs?: string[];
}

/** A resource being mocked, with helpers for the values AWS would assign. */
class Aws {
    readonly inputs: Record<string, any>;
    readonly region: string;
    readonly account = AWS_ACCOUNT_ID;
    readonly preview: boolean;

    constructor(readonly ctx: MockContext) {
        this.inputs = ctx.inputs;
        this.preview = ctx.preview;
        this.region = str(ctx.inputs.region) ?? configuredRegion();
    }

    /** A value the provider learns at create: unknown in preview. */
    after<T>(value: T): T | string {
        return this.preview ? UNKNOWN : value;
    }

    /** Deterministic characters for `label` on this resource. */
    chars(label: string, length: number, alphabet: string): string {
        return digest(`${label}:${this.ctx.urn}`, length, alphabet);
    }

    /** An EC2-style id: `vpc-0a1b2c3d4e5f60718` (17 hex digits). */
    ec2Id(prefix: string, label = prefix): string {
        return `${prefix}-${this.chars(label, 17, HEX)}`;
    }

    uuid(label: string): string {
        const h = this.chars(label, 32, HEX);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }

    /** Terraform's generated unique id (`id.PrefixedUniqueId`): prefix + 26 digits. */
    terraformUniqueId(prefix: string, label = "unique"): string {
        return `${prefix}${this.chars(label, 26, DIGITS)}`;
    }

    /**
     * A name Terraform (not Pulumi) generates at create when `field` is unset: `tf-` + 26 digits,
     * or `<field>Prefix` + 26 digits. Unknown in preview.
     */
    terraformName(field: string, prefix = "tf-"): { value: unknown; text: string } {
        const given = this.inputs[field];
        if (given !== undefined) return { value: given, text: String(given) };
        const namePrefix = this.inputs[`${field}Prefix`];
        const text =
            namePrefix === undefined
                ? this.terraformUniqueId(prefix)
                : this.terraformUniqueId(str(namePrefix) ?? "", "name-prefix");
        return { value: this.after(text), text };
    }

    arn(service: string, resource: string, opts: { region?: string; account?: string } = {}): string {
        return `arn:aws:${service}:${opts.region ?? this.region}:${opts.account ?? this.account}:${resource}`;
    }

    /** A private IPv4 address in 10.0.0.0/16. */
    privateIp(label: string): string {
        const d = this.chars(label, 4, DIGITS);
        return `10.0.${parseInt(d.slice(0, 2), 10) + 1}.${parseInt(d.slice(2), 10) + 10}`;
    }

    /** A public IPv4 address in an AWS-looking range, a function of `label` on this resource. */
    publicIp(label: string): string {
        return publicIpOf(`${label}:${this.ctx.urn}`);
    }

    /**
     * The name pulumi-aws auto-assigns in Check when `field` is unset (known in preview):
     * `<resource name>-<7 hex>`, transformed and limited as the provider declares. A name too
     * long for `maxLength` is an error, as in the provider's Check: logged, so the run fails with
     * "the program logged errors" (throwing here would surface later as an unhandled rejection
     * of the resource's outputs, after the run has ended). With `<field>Prefix` set, the
     * provider (not Pulumi) names the resource at create: prefix + 26 digits.
     */
    autoName(
        field: string,
        opts: { maxLength?: number; lower?: boolean; prefix?: string; prefixField?: string } = {},
    ): unknown {
        const given = this.inputs[field];
        if (given !== undefined) return given;
        const prefixField = opts.prefixField ?? `${field}Prefix`;
        const namePrefix = this.inputs[prefixField];
        if (namePrefix !== undefined) {
            const p = str(namePrefix);
            return p === undefined ? UNKNOWN : this.after(this.terraformUniqueId(p, "name-prefix"));
        }
        const maxLength = opts.maxLength ?? 255;
        const base = opts.lower ? this.ctx.name.toLowerCase() : this.ctx.name;
        const stem = `${base}-`;
        if (stem.length + 7 > maxLength) {
            void pulumi.log.error(
                `${this.ctx.type} resource '${this.ctx.name}' has a problem: name '${stem}' plus 7 random chars ` +
                    `is longer than maximum length ${maxLength} (set "${field}" explicitly or shorten the resource name)`,
            );
        }
        return `${opts.prefix ?? ""}${stem}${this.chars("autoname", 7, HEX)}`;
    }
}

/**
 * A public IPv4 address that is a function of `seed` alone: an Elastic IP's address derives from
 * its allocation id, so a NAT gateway given that allocation id shows the same address.
 */
function publicIpOf(seed: string): string {
    const d = digest(seed, 6, DIGITS);
    return `3.${120 + (parseInt(d.slice(0, 2), 10) % 8)}.${parseInt(d.slice(2, 4), 10) + 1}.${parseInt(d.slice(4), 10) + 1}`;
}

/** Types with no `region` (IAM is global). */
const globalTypes = new Set([
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/policy:Policy",
]);

// ---------------------------------------------------------------------------------------------
// EC2 / VPC

function vpc(a: Aws): AwsMock {
    const id = a.ec2Id("vpc");
    return {
        id,
        values: {
            arn: a.after(a.arn("ec2", `vpc/${id}`)),
            cidrBlock: a.inputs.ipv4IpamPoolId !== undefined ? a.after("10.0.0.0/16") : undefined,
            defaultSecurityGroupId: a.after(a.ec2Id("sg", "default-sg")),
            mainRouteTableId: a.after(a.ec2Id("rtb", "main-rtb")),
            defaultRouteTableId: a.after(a.ec2Id("rtb", "main-rtb")),
            defaultNetworkAclId: a.after(a.ec2Id("acl")),
            dhcpOptionsId: a.after(a.ec2Id("dopt")),
            ownerId: a.after(a.account),
            enableDnsSupport: true,
            enableDnsHostnames: a.after(false),
            enableNetworkAddressUsageMetrics: a.after(false),
            instanceTenancy: "default",
            assignGeneratedIpv6CidrBlock: false,
            ipv6CidrBlock: a.after(""),
            ipv6AssociationId: a.after(""),
        },
    };
}

function subnet(a: Aws): AwsMock {
    const id = a.ec2Id("subnet");
    const zone = str(a.inputs.availabilityZone);
    const zoneId = str(a.inputs.availabilityZoneId);
    const defaultZone = `${a.region}a`;
    return {
        id,
        values: {
            arn: a.after(a.arn("ec2", `subnet/${id}`)),
            availabilityZone: a.after(zone ?? defaultZone),
            availabilityZoneId: a.after(zoneId ?? zoneIdOf(zone ?? defaultZone)),
            ownerId: a.after(a.account),
            mapPublicIpOnLaunch: false,
            assignIpv6AddressOnCreation: false,
            privateDnsHostnameTypeOnLaunch: a.after("ip-name"),
            ipv6CidrBlockAssociationId: a.after(""),
        },
    };
}

function internetGateway(a: Aws): AwsMock {
    const id = a.ec2Id("igw");
    return { id, values: { arn: a.after(a.arn("ec2", `internet-gateway/${id}`)), ownerId: a.after(a.account) } };
}

function publicDns(region: string, ip: string): string {
    const host = `ec2-${ip.replace(/\./g, "-")}`;
    return region === "us-east-1" ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

function eip(a: Aws): AwsMock {
    const id = a.ec2Id("eipalloc");
    const ip = publicIpOf(id);
    return {
        id,
        values: {
            allocationId: a.after(id),
            arn: a.after(a.arn("ec2", `elastic-ip/${id}`)),
            publicIp: a.after(ip),
            publicDns: a.after(publicDns(a.region, ip)),
            publicIpv4Pool: a.after("amazon"),
            domain: a.after("vpc"),
            networkBorderGroup: a.after(a.region),
            associationId: a.after(""),
            privateIp: a.after(""),
            privateDns: a.after(""),
            ptrRecord: a.after(""),
        },
    };
}

function natGateway(a: Aws): AwsMock {
    const id = a.ec2Id("nat");
    const connectivity = str(a.inputs.connectivityType) ?? "public";
    const allocation = str(a.inputs.allocationId);
    return {
        id,
        values: {
            connectivityType: "public",
            availabilityMode: a.after("zonal"),
            publicIp: a.after(
                connectivity !== "public" ? "" : allocation !== undefined ? publicIpOf(allocation) : a.publicIp("nat"),
            ),
            privateIp: a.after(a.privateIp("nat")),
            networkInterfaceId: a.after(a.ec2Id("eni")),
            associationId: a.after(connectivity === "public" ? a.ec2Id("eipassoc") : ""),
            secondaryAllocationIds: a.after([]),
            secondaryPrivateIpAddresses: a.after([]),
            secondaryPrivateIpAddressCount: a.after(0),
        },
    };
}

function routeTable(a: Aws): AwsMock {
    const id = a.ec2Id("rtb");
    return {
        id,
        values: {
            arn: a.after(a.arn("ec2", `route-table/${id}`)),
            ownerId: a.after(a.account),
            routes: a.after([]),
            propagatingVgws: a.after([]),
        },
    };
}

function route(a: Aws): AwsMock {
    const table = str(a.inputs.routeTableId) ?? "rtb-unknown";
    return {
        id: `r-${table}${a.chars("route", 10, DIGITS)}`,
        values: {
            origin: a.after("CreateRoute"),
            state: a.after("active"),
            instanceId: a.after(""),
            networkInterfaceId: a.after(""),
        },
    };
}

function routeTableAssociation(a: Aws): AwsMock {
    return { id: a.ec2Id("rtbassoc"), values: {} };
}

function vpcEndpoint(a: Aws): AwsMock {
    const id = a.ec2Id("vpce");
    const type = str(a.inputs.vpcEndpointType) ?? "Gateway";
    const service = str(a.inputs.serviceName) ?? `com.amazonaws.${a.region}.s3`;
    const serviceShort = service.split(".").pop() ?? "service";
    const subnets: unknown[] = Array.isArray(a.inputs.subnetIds) ? a.inputs.subnetIds : [];
    const gateway = type === "Gateway";
    return {
        id,
        values: {
            arn: a.after(a.arn("ec2", `vpc-endpoint/${id}`)),
            vpcEndpointType: "Gateway",
            prefixListId: a.after(gateway ? `pl-${a.chars("pl", 8, HEX)}` : ""),
            cidrBlocks: a.after(gateway ? ["52.219.168.0/24", "3.5.136.0/22", "52.219.44.0/22"] : []),
            dnsEntries: a.after(
                gateway
                    ? []
                    : [
                          {
                              dnsName: `${id}-${a.chars("dns", 8, LOWER_ALNUM)}.${serviceShort}.${a.region}.vpce.amazonaws.com`,
                              hostedZoneId: `Z${a.chars("vpce-zone", 13, UPPER_ALNUM)}`,
                          },
                      ],
            ),
            networkInterfaceIds: a.after(gateway ? [] : subnets.map((_, i) => a.ec2Id("eni", `eni-${i}`))),
            ownerId: a.after(a.account),
            state: a.after("available"),
            requesterManaged: a.after(false),
            privateDnsEnabled: gateway ? false : a.after(false),
            ipAddressType: a.after(gateway ? "" : "ipv4"),
            policy: a.after(
                JSON.stringify({
                    Statement: [{ Action: "*", Effect: "Allow", Principal: "*", Resource: "*" }],
                    Version: "2008-10-17",
                }),
            ),
            routeTableIds: a.after([]),
            securityGroupIds: a.after([]),
            subnetIds: a.after([]),
            serviceRegion: a.after(a.region),
        },
    };
}

function flowLog(a: Aws): AwsMock {
    const id = `fl-${a.chars("fl", 17, HEX)}`;
    return {
        id,
        values: {
            arn: a.after(a.arn("ec2", `vpc-flow-log/${id}`)),
            logDestinationType: "cloud-watch-logs",
            logFormat: a.after(
                "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} " +
                    "${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}",
            ),
            maxAggregationInterval: 600,
        },
    };
}

function securityGroup(a: Aws): AwsMock {
    const id = a.ec2Id("sg");
    return {
        id,
        values: {
            name: a.autoName("name"),
            arn: a.after(a.arn("ec2", `security-group/${id}`)),
            ownerId: a.after(a.account),
            description: "Managed by Pulumi",
            // Terraform revokes the default allow-all egress rule AWS adds at create.
            ingress: a.after([]),
            egress: a.after([]),
            revokeRulesOnDelete: false,
            vpcId: a.after(a.ec2Id("vpc", "default-vpc")),
        },
    };
}

function securityGroupRule(a: Aws): AwsMock {
    const id = `sgr-${a.chars("sgr", 17, HEX)}`;
    return {
        id,
        values: { securityGroupRuleId: a.after(id), arn: a.after(a.arn("ec2", `security-group-rule/${id}`)) },
    };
}

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs, IAM, KMS

function logGroup(a: Aws): AwsMock {
    const name = a.autoName("name");
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("logs", `log-group:${String(name)}`)),
            logGroupClass: "STANDARD",
            retentionInDays: 0,
            skipDestroy: false,
            deletionProtectionEnabled: a.after(false),
        },
    };
}

function iamPath(a: Aws): string {
    return str(a.inputs.path) ?? "/";
}

function role(a: Aws): AwsMock {
    const name = a.autoName("name", { maxLength: 64 });
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("iam", `role${iamPath(a)}${String(name)}`, { region: "" })),
            uniqueId: a.after(`AROA${a.chars("unique-id", 17, UPPER_ALNUM)}`),
            createDate: a.after(CREATED_AT),
            path: "/",
            maxSessionDuration: 3600,
            forceDetachPolicies: false,
            description: "",
            managedPolicyArns: a.after([]),
            inlinePolicies: a.after([]),
        },
    };
}

function rolePolicy(a: Aws): AwsMock {
    const name = a.autoName("name");
    return { id: `${str(a.inputs.role) ?? "role"}:${String(name)}`, values: { name } };
}

function rolePolicyAttachment(a: Aws): AwsMock {
    return { id: a.terraformUniqueId(`${str(a.inputs.role) ?? "role"}-`), values: {} };
}

function policy(a: Aws): AwsMock {
    const name = a.autoName("name");
    const arn = a.arn("iam", `policy${iamPath(a)}${String(name)}`, { region: "" });
    return {
        id: arn,
        values: {
            name,
            arn: a.after(arn),
            policyId: a.after(`ANPA${a.chars("policy-id", 17, UPPER_ALNUM)}`),
            attachmentCount: a.after(0),
            path: "/",
        },
    };
}

function kmsKey(a: Aws): AwsMock {
    const keyId = a.uuid("key");
    const rotation = a.inputs.enableKeyRotation === true;
    return {
        id: keyId,
        values: {
            keyId: a.after(keyId),
            arn: a.after(a.arn("kms", `key/${keyId}`)),
            description: a.after(""),
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            isEnabled: true,
            multiRegion: a.after(false),
            bypassPolicyLockoutSafetyCheck: false,
            rotationPeriodInDays: a.after(rotation ? 365 : 0),
            policy: a.after(
                JSON.stringify({
                    Version: "2012-10-17",
                    Id: "key-default-1",
                    Statement: [
                        {
                            Sid: "Enable IAM User Permissions",
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${a.account}:root` },
                            Action: "kms:*",
                            Resource: "*",
                        },
                    ],
                }),
            ),
        },
    };
}

function kmsAlias(a: Aws): AwsMock {
    const name = a.autoName("name", { maxLength: 238, prefix: "alias/" });
    const target = str(a.inputs.targetKeyId);
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("kms", String(name))),
            targetKeyArn: a.after(target?.startsWith("arn:") ? target : a.arn("kms", `key/${target ?? a.uuid("key")}`)),
        },
    };
}

// ---------------------------------------------------------------------------------------------
// EKS

/** A PEM-shaped certificate (not a real one), base64-encoded as EKS returns `certificate-authority-data`. */
function caData(a: Aws): string {
    const body = a.chars("ca", 64 * 5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    const lines = body.match(/.{1,64}/g) ?? [];
    const pem = `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
    return Buffer.from(pem).toString("base64");
}

function eksCluster(a: Aws): AwsMock {
    const name = a.autoName("name");
    const endpointId = a.chars("endpoint", 32, UPPER_HEX);
    const publicAccess = a.inputs.vpcConfig?.endpointPublicAccess;
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("eks", `cluster/${String(name)}`)),
            endpoint: a.after(`https://${endpointId}.gr7.${a.region}.eks.amazonaws.com`),
            certificateAuthority: a.after({ data: caData(a) }),
            identities: a.after([
                { oidcs: [{ issuer: `https://oidc.eks.${a.region}.amazonaws.com/id/${endpointId}` }] },
            ]),
            vpcConfig: {
                clusterSecurityGroupId: a.after(a.ec2Id("sg", "cluster-sg")),
                vpcId: a.after(a.ec2Id("vpc", "cluster-vpc")),
                endpointPrivateAccess: false,
                endpointPublicAccess: true,
                publicAccessCidrs: a.after(publicAccess === false ? [] : ["0.0.0.0/0"]),
                securityGroupIds: a.after([]),
            },
            version: a.after("1.34"),
            platformVersion: a.after("eks.1"),
            status: a.after("ACTIVE"),
            createdAt: a.after(CREATED_AT),
            clusterId: a.after(""),
            bootstrapSelfManagedAddons: true,
            deletionProtection: a.after(false),
            accessConfig: {
                authenticationMode: a.after("CONFIG_MAP"),
                bootstrapClusterCreatorAdminPermissions: true,
            },
            kubernetesNetworkConfig: {
                serviceIpv4Cidr: a.after("172.20.0.0/16"),
                serviceIpv6Cidr: a.after(""),
                ipFamily: a.after("ipv4"),
            },
            upgradePolicy: { supportType: a.after("EXTENDED") },
        },
    };
}

function eksNodeGroup(a: Aws): AwsMock {
    const cluster = str(a.inputs.clusterName) ?? "cluster";
    const name = a.autoName("nodeGroupName");
    const uuid = a.uuid("nodegroup");
    return {
        id: `${cluster}:${String(name)}`,
        values: {
            nodeGroupName: name,
            arn: a.after(a.arn("eks", `nodegroup/${cluster}/${String(name)}/${uuid}`)),
            status: a.after("ACTIVE"),
            resources: a.after([
                { autoscalingGroups: [{ name: `eks-${String(name)}-${uuid}` }], remoteAccessSecurityGroupId: "" },
            ]),
            amiType: a.after("AL2023_x86_64_STANDARD"),
            capacityType: a.after("ON_DEMAND"),
            diskSize: a.after(20),
            instanceTypes: a.after(["t3.medium"]),
            releaseVersion: a.after("1.34.0-20260101"),
            version: a.after("1.34"),
            updateConfig: a.after({ maxUnavailable: 1, maxUnavailablePercentage: 0 }),
            // No `labels`: an optional input the provider does not compute (unknown at preview it
            // would defer every policy that reads exemptions from it).
        },
    };
}

/** Current-looking default versions of the EKS add-ons (what describe-addon-versions marks default). */
const addonVersions: Record<string, string> = {
    "vpc-cni": "v1.20.4-eksbuild.1",
    coredns: "v1.12.3-eksbuild.1",
    "kube-proxy": "v1.34.0-eksbuild.2",
    "aws-ebs-csi-driver": "v1.48.0-eksbuild.1",
    "eks-pod-identity-agent": "v1.3.8-eksbuild.2",
    "snapshot-controller": "v8.3.0-eksbuild.1",
};

function eksAddon(a: Aws): AwsMock {
    const cluster = str(a.inputs.clusterName) ?? "cluster";
    const addon = str(a.inputs.addonName) ?? "addon";
    return {
        id: `${cluster}:${addon}`,
        values: {
            arn: a.after(a.arn("eks", `addon/${cluster}/${addon}/${a.uuid("addon")}`)),
            addonVersion: a.after(addonVersions[addon] ?? "v1.0.0-eksbuild.1"),
            configurationValues: a.after(""),
            createdAt: a.after(CREATED_AT),
            modifiedAt: a.after(CREATED_AT),
        },
    };
}

/** `arn:aws:iam::A:role/path/name` → ["role", "name"] (the last path segment is the name). */
function principalParts(principalArn: string): { kind: string; name: string } {
    const resource = principalArn.split(":").slice(5).join(":");
    const segments = resource.split("/");
    return { kind: segments[0] ?? "role", name: segments[segments.length - 1] ?? "" };
}

function eksAccessEntry(a: Aws): AwsMock {
    const cluster = str(a.inputs.clusterName) ?? "cluster";
    const principal = str(a.inputs.principalArn) ?? `arn:aws:iam::${a.account}:role/unknown`;
    const { kind, name } = principalParts(principal);
    const type = str(a.inputs.type) ?? "STANDARD";
    return {
        id: `${cluster}:${principal}`,
        values: {
            accessEntryArn: a.after(
                a.arn("eks", `access-entry/${cluster}/${kind}/${a.account}/${name}/${a.uuid("access-entry")}`),
            ),
            kubernetesGroups: a.after([]),
            type: "STANDARD",
            userName: a.after(
                type === "STANDARD" && kind === "role"
                    ? `arn:aws:sts::${a.account}:assumed-role/${name}/{{SessionName}}`
                    : principal,
            ),
            createdAt: a.after(CREATED_AT),
            modifiedAt: a.after(CREATED_AT),
        },
    };
}

function eksAccessPolicyAssociation(a: Aws): AwsMock {
    const cluster = str(a.inputs.clusterName) ?? "cluster";
    return {
        id: `${cluster}#${str(a.inputs.principalArn) ?? ""}#${str(a.inputs.policyArn) ?? ""}`,
        values: { associatedAt: a.after(CREATED_AT), modifiedAt: a.after(CREATED_AT) },
    };
}

function eksPodIdentityAssociation(a: Aws): AwsMock {
    const cluster = str(a.inputs.clusterName) ?? "cluster";
    const associationId = `a-${a.chars("association", 17, LOWER_ALNUM)}`;
    return {
        id: `${cluster},${associationId}`,
        values: {
            associationId: a.after(associationId),
            associationArn: a.after(a.arn("eks", `podidentityassociation/${cluster}/${associationId}`)),
            externalId: a.after(a.uuid("external-id")),
            disableSessionTags: false,
        },
    };
}

// ---------------------------------------------------------------------------------------------
// RDS

/** The host-name part RDS derives from the account and region (the same for every endpoint there). */
function rdsHash(a: Aws): string {
    return `c${digest(`rds:${a.account}:${a.region}`, 11, LOWER_ALNUM)}`;
}

function rdsPort(engine: string | undefined): number {
    return engine !== undefined && /mysql|maria/.test(engine) ? 3306 : 5432;
}

function rdsDefaultVersion(engine: string | undefined): string {
    if (engine === "aurora-mysql") return "8.0.mysql_aurora.3.08.0";
    if (engine === "mysql") return "8.0.40";
    return engine === "postgres" ? "17.4" : "16.6";
}

function rdsParameterGroupFamily(engine: string | undefined, version: string): string {
    const major = version.split(".")[0];
    if (engine === "aurora-mysql") return "default.aurora-mysql8.0";
    if (engine === "mysql") return "default.mysql8.0";
    return engine === "postgres" ? `default.postgres${major}` : `default.aurora-postgresql${major}`;
}

function rdsCluster(a: Aws): AwsMock {
    const { value: identifierValue, text: identifier } = a.terraformName("clusterIdentifier");
    const engine = str(a.inputs.engine);
    const version = str(a.inputs.engineVersion) ?? rdsDefaultVersion(engine);
    const zones = zonesOf(a.region).names;
    const encrypted = a.inputs.storageEncrypted === true;
    const managed = a.inputs.manageMasterUserPassword === true;
    return {
        id: identifier,
        values: {
            clusterIdentifier: identifierValue,
            arn: a.after(a.arn("rds", `cluster:${identifier}`)),
            endpoint: a.after(`${identifier}.cluster-${rdsHash(a)}.${a.region}.rds.amazonaws.com`),
            readerEndpoint: a.after(`${identifier}.cluster-ro-${rdsHash(a)}.${a.region}.rds.amazonaws.com`),
            port: a.after(rdsPort(engine)),
            clusterResourceId: a.after(`cluster-${a.chars("resource-id", 26, UPPER_ALNUM)}`),
            hostedZoneId: a.after(rdsHostedZones[a.region] ?? `Z${digest(`rds-zone:${a.region}`, 13, UPPER_ALNUM)}`),
            clusterMembers: a.after([]),
            availabilityZones: a.after(zones),
            engineMode: "provisioned",
            engineVersion: a.after(version),
            engineVersionActual: a.after(version),
            backupRetentionPeriod: 1,
            preferredBackupWindow: a.after("02:00-02:30"),
            preferredMaintenanceWindow: a.after("sun:04:00-sun:04:30"),
            dbClusterParameterGroupName: a.after(rdsParameterGroupFamily(engine, version)),
            dbSubnetGroupName: a.after("default"),
            vpcSecurityGroupIds: a.after([a.ec2Id("sg", "default-sg")]),
            storageEncrypted: a.after(false),
            kmsKeyId: encrypted ? a.after(a.arn("kms", `key/${a.uuid("rds-managed-key")}`)) : a.after(""),
            masterUserSecrets: a.after(
                managed
                    ? [
                          {
                              kmsKeyId: a.arn("kms", `key/${a.uuid("secret-key")}`),
                              secretArn: a.arn(
                                  "secretsmanager",
                                  `secret:rds!cluster-${a.uuid("master-secret")}-${a.chars("secret-suffix", 6, MIXED_ALNUM)}`,
                              ),
                              secretStatus: "active",
                          },
                      ]
                    : [],
            ),
            iamRoles: a.after([]),
            networkType: a.after("IPV4"),
            caCertificateIdentifier: a.after("rds-ca-rsa2048-g1"),
            caCertificateValidTill: a.after("2027-01-01T00:00:00Z"),
            engineLifecycleSupport: a.after("open-source-rds-extended-support"),
            monitoringInterval: a.after(0),
            performanceInsightsEnabled: a.after(false),
            deletionProtection: false,
            skipFinalSnapshot: false,
            copyTagsToSnapshot: false,
        },
        secretOutputs: ["masterPassword"],
    };
}

function rdsClusterInstance(a: Aws): AwsMock {
    const { value: identifierValue, text: identifier } = a.terraformName("identifier");
    const engine = str(a.inputs.engine);
    const version = str(a.inputs.engineVersion) ?? rdsDefaultVersion(engine);
    return {
        id: identifier,
        values: {
            identifier: identifierValue,
            arn: a.after(a.arn("rds", `db:${identifier}`)),
            endpoint: a.after(`${identifier}.${rdsHash(a)}.${a.region}.rds.amazonaws.com`),
            port: a.after(rdsPort(engine)),
            availabilityZone: a.after(`${a.region}a`),
            dbiResourceId: a.after(`db-${a.chars("dbi", 26, UPPER_ALNUM)}`),
            engineVersion: a.after(version),
            engineVersionActual: a.after(version),
            dbParameterGroupName: a.after(rdsParameterGroupFamily(engine, version)),
            dbSubnetGroupName: a.after("default"),
            publiclyAccessible: false,
            caCertIdentifier: a.after("rds-ca-rsa2048-g1"),
            networkType: a.after("IPV4"),
            monitoringInterval: 0,
            performanceInsightsEnabled: a.after(false),
            preferredBackupWindow: a.after("02:00-02:30"),
            preferredMaintenanceWindow: a.after("sun:04:00-sun:04:30"),
            promotionTier: 0,
            autoMinorVersionUpgrade: true,
        },
    };
}

function rdsNamed(kind: string, extra: (a: Aws) => Record<string, unknown> = () => ({})): (a: Aws) => AwsMock {
    return (a) => {
        const name = a.autoName("name");
        return {
            id: String(name),
            values: {
                name,
                arn: a.after(a.arn("rds", `${kind}:${String(name)}`)),
                description: "Managed by Pulumi",
                ...extra(a),
            },
        };
    };
}

function rdsInstance(a: Aws): AwsMock {
    const identifier = a.autoName("identifier");
    const ident = String(identifier);
    const engine = str(a.inputs.engine);
    const port = num(a.inputs.port) ?? rdsPort(engine);
    const address = `${ident}.${rdsHash(a)}.${a.region}.rds.amazonaws.com`;
    const resourceId = `db-${a.chars("dbi", 26, UPPER_ALNUM)}`;
    const version = str(a.inputs.engineVersion) ?? rdsDefaultVersion(engine);
    return {
        id: resourceId,
        values: {
            identifier,
            arn: a.after(a.arn("rds", `db:${ident}`)),
            address: a.after(address),
            endpoint: a.after(`${address}:${port}`),
            port: a.after(port),
            resourceId: a.after(resourceId),
            hostedZoneId: a.after(rdsHostedZones[a.region] ?? `Z${digest(`rds-zone:${a.region}`, 13, UPPER_ALNUM)}`),
            status: a.after("available"),
            availabilityZone: a.after(`${a.region}a`),
            engineVersion: a.after(version),
            engineVersionActual: a.after(version),
            parameterGroupName: a.after(rdsParameterGroupFamily(engine, version)),
            dbSubnetGroupName: a.after("default"),
            vpcSecurityGroupIds: a.after([a.ec2Id("sg", "default-sg")]),
            multiAz: a.after(false),
            publiclyAccessible: false,
            storageEncrypted: a.after(false),
            masterUserSecrets: a.after([]),
            caCertIdentifier: a.after("rds-ca-rsa2048-g1"),
            backupRetentionPeriod: a.after(0),
            latestRestorableTime: a.after(CREATED_AT),
        },
        secretOutputs: ["password"],
    };
}

// ---------------------------------------------------------------------------------------------
// ElastiCache

/**
 * ElastiCache parameter groups seen in this process with `cluster-enabled yes`, by name: the
 * replication group only names its parameter group, and cluster mode decides its endpoints.
 * Names carry a digest of their URN, so a stale entry from an earlier run cannot match by chance.
 */
const clusterEnabledParameterGroups = new Map<string, boolean>();

function elasticacheHash(a: Aws): string {
    return digest(`elasticache:${a.account}:${a.region}`, 6, LOWER_ALNUM);
}

function clusterModeOf(a: Aws): boolean {
    const mode = str(a.inputs.clusterMode);
    if (mode !== undefined) return mode === "enabled" || mode === "compatible";
    const groups = num(a.inputs.numNodeGroups);
    if (groups !== undefined && groups > 1) return true;
    const group = str(a.inputs.parameterGroupName);
    if (group === undefined) return false;
    return clusterEnabledParameterGroups.get(group) ?? /cluster\.on$/.test(group);
}

function replicationGroup(a: Aws): AwsMock {
    const idValue = a.autoName("replicationGroupId", { maxLength: 40, lower: true });
    const id = String(idValue);
    const clusterMode = clusterModeOf(a);
    const engine = str(a.inputs.engine) ?? "redis";
    const version = str(a.inputs.engineVersion) ?? (engine === "valkey" ? "8.0" : "7.1");
    const host = `${id}.${elasticacheHash(a)}.${regionCode(a.region)}.cache.amazonaws.com`;
    const shards = clusterMode ? (num(a.inputs.numNodeGroups) ?? 1) : 1;
    const replicas = num(a.inputs.replicasPerNodeGroup);
    const members: string[] = [];
    if (clusterMode) {
        for (let s = 1; s <= shards; s++) {
            for (let n = 1; n <= (replicas ?? 1) + 1; n++) {
                members.push(`${id}-${String(s).padStart(4, "0")}-${String(n).padStart(3, "0")}`);
            }
        }
    } else {
        const nodes = num(a.inputs.numCacheClusters) ?? (replicas !== undefined ? replicas + 1 : 1);
        for (let n = 1; n <= nodes; n++) members.push(`${id}-${String(n).padStart(3, "0")}`);
    }
    const major = version.split(".")[0];
    const transit = a.inputs.transitEncryptionEnabled ?? engine === "valkey";
    return {
        id,
        values: {
            replicationGroupId: idValue,
            arn: a.after(a.arn("elasticache", `replicationgroup:${id}`)),
            clusterEnabled: a.after(clusterMode),
            clusterMode: a.after(clusterMode ? "enabled" : "disabled"),
            configurationEndpointAddress: a.after(clusterMode ? `clustercfg.${host}` : ""),
            primaryEndpointAddress: a.after(clusterMode ? "" : `master.${host}`),
            readerEndpointAddress: a.after(clusterMode ? "" : `replica.${host}`),
            port: a.after(6379),
            memberClusters: a.after(members),
            engine: "redis",
            engineVersion: a.after(version),
            engineVersionActual: a.after(/^\d+\.\d+$/.test(version) ? `${version}.0` : version),
            numNodeGroups: a.after(shards),
            numCacheClusters: a.after(members.length),
            replicasPerNodeGroup: a.after(clusterMode ? (replicas ?? 1) : members.length - 1),
            parameterGroupName: a.after(`default.${engine}${major}${clusterMode ? ".cluster.on" : ""}`),
            subnetGroupName: a.after("default"),
            securityGroupIds: a.after([]),
            securityGroupNames: a.after([]),
            atRestEncryptionEnabled: a.after(engine === "valkey"),
            transitEncryptionEnabled: a.after(engine === "valkey"),
            transitEncryptionMode: a.after(transit === true ? "required" : ""),
            autoMinorVersionUpgrade: a.after(true),
            automaticFailoverEnabled: false,
            multiAzEnabled: false,
            dataTieringEnabled: a.after(false),
            networkType: a.after("ipv4"),
            ipDiscovery: a.after("ipv4"),
            maintenanceWindow: a.after("sun:05:00-sun:06:00"),
            snapshotWindow: a.after("03:00-04:00"),
            globalReplicationGroupId: a.after(""),
            durability: a.after("default"),
        },
        secretOutputs: ["authToken"],
    };
}

function elasticacheSubnetGroup(a: Aws): AwsMock {
    const name = a.autoName("name", { lower: true });
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("elasticache", `subnetgroup:${String(name)}`)),
            description: "Managed by Pulumi",
            vpcId: a.after(a.ec2Id("vpc", "subnet-group-vpc")),
        },
    };
}

function elasticacheParameterGroup(a: Aws): AwsMock {
    const name = a.autoName("name", { lower: true });
    const params: unknown[] = Array.isArray(a.inputs.parameters) ? a.inputs.parameters : [];
    const clusterEnabled = params.some(
        (p) => isObject(p) && p.name === "cluster-enabled" && String(p.value).toLowerCase() === "yes",
    );
    if (typeof name === "string" && name !== UNKNOWN) clusterEnabledParameterGroups.set(name, clusterEnabled);
    return {
        id: String(name),
        values: {
            name,
            arn: a.after(a.arn("elasticache", `parametergroup:${String(name)}`)),
            description: "Managed by Pulumi",
        },
    };
}

// ---------------------------------------------------------------------------------------------
// Amazon MQ

function mqBroker(a: Aws): AwsMock {
    const nameValue = a.autoName("brokerName", { maxLength: 55 });
    const name = String(nameValue);
    const brokerId = `b-${a.uuid("broker")}`;
    const engine = (str(a.inputs.engineType) ?? "RabbitMQ").toLowerCase();
    const mode = str(a.inputs.deploymentMode) ?? "SINGLE_INSTANCE";
    const host = (suffix: string) => `${brokerId}${suffix}.mq.${a.region}.on.aws`;
    let instances: Record<string, unknown>[];
    if (engine === "rabbitmq") {
        // A RabbitMQ cluster answers on one (load-balanced) endpoint; no instance address.
        instances = [
            {
                consoleUrl: `https://${host("")}`,
                endpoints: [`amqps://${host("")}:5671`],
                ipAddress: mode === "CLUSTER_MULTI_AZ" ? "" : a.privateIp("broker-0"),
            },
        ];
    } else {
        const count = mode === "ACTIVE_STANDBY_MULTI_AZ" ? 2 : 1;
        instances = Array.from({ length: count }, (_, i) => {
            const h = host(`-${i + 1}`);
            return {
                consoleUrl: `https://${h}:8162`,
                endpoints: [
                    `ssl://${h}:61617`,
                    `amqp+ssl://${h}:5671`,
                    `stomp+ssl://${h}:61614`,
                    `mqtt+ssl://${h}:8883`,
                    `wss://${h}:61619`,
                ],
                ipAddress: a.privateIp(`broker-${i}`),
            };
        });
    }
    return {
        id: brokerId,
        values: {
            brokerName: nameValue,
            arn: a.after(a.arn("mq", `broker:${name}:${brokerId}`)),
            instances: a.after(instances),
            authenticationStrategy: a.after("simple"),
            configuration: a.after({ id: `c-${a.uuid("configuration")}`, revision: 1 }),
            deploymentMode: "SINGLE_INSTANCE",
            storageType: a.after(engine === "rabbitmq" ? "ebs" : "efs"),
            maintenanceWindowStartTime: a.after({ dayOfWeek: "SUNDAY", timeOfDay: "02:00", timeZone: "UTC" }),
            encryptionOptions: { useAwsOwnedKey: true },
            dataReplicationMode: a.after("NONE"),
            pendingDataReplicationMode: a.after("NONE"),
            publiclyAccessible: false,
            autoMinorVersionUpgrade: a.after(false),
            securityGroups: a.after([]),
        },
        // The provider marks the users' passwords sensitive; secretness rises to `users`.
        secretOutputs: ["users"],
    };
}

function mqConfiguration(a: Aws): AwsMock {
    const id = `c-${a.uuid("configuration")}`;
    return {
        id,
        values: {
            name: a.autoName("name"),
            arn: a.after(a.arn("mq", `configuration:${id}`)),
            latestRevision: a.after(1),
            authenticationStrategy: a.after("simple"),
        },
    };
}

// ---------------------------------------------------------------------------------------------
// S3

function bucket(a: Aws): AwsMock {
    const nameValue = a.autoName("bucket", { maxLength: 63, lower: true });
    const name = String(nameValue);
    return {
        id: name,
        values: {
            bucket: nameValue,
            arn: a.after(`arn:aws:s3:::${name}`),
            bucketDomainName: a.after(`${name}.s3.amazonaws.com`),
            bucketRegionalDomainName: a.after(`${name}.s3.${a.region}.amazonaws.com`),
            bucketRegion: a.after(a.region),
            bucketNamespace: a.after("global"),
            hostedZoneId: a.after(s3HostedZones[a.region] ?? `Z${digest(`s3-zone:${a.region}`, 13, UPPER_ALNUM)}`),
            forceDestroy: false,
            objectLockEnabled: a.after(false),
            requestPayer: a.after("BucketOwner"),
            acl: a.after("private"),
            policy: a.after(""),
            serverSideEncryptionConfiguration: a.after({
                rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false },
            }),
            versioning: a.after({ enabled: false, mfaDelete: false }),
            corsRules: a.after([]),
            grants: a.after([]),
        },
    };
}

/** The per-bucket configuration resources: their id is the bucket's name. */
function bucketPart(extra: (a: Aws) => Record<string, unknown> = () => ({})): (a: Aws) => AwsMock {
    return (a) => ({ id: str(a.inputs.bucket) ?? "bucket", values: extra(a) });
}

// ---------------------------------------------------------------------------------------------
// Secrets Manager

function secret(a: Aws): AwsMock {
    const nameValue = a.autoName("name");
    const arn = a.arn("secretsmanager", `secret:${String(nameValue)}-${a.chars("suffix", 6, MIXED_ALNUM)}`);
    return {
        id: arn,
        values: {
            name: nameValue,
            arn: a.after(arn),
            recoveryWindowInDays: 30,
            forceOverwriteReplicaSecret: false,
            policy: a.after(""),
            kmsKeyId: a.after(""),
            replicas: a.after([]),
        },
    };
}

function secretVersion(a: Aws): AwsMock {
    const secretId = str(a.inputs.secretId) ?? "secret";
    const versionId = a.uuid("version");
    const secretArn = secretId.startsWith("arn:")
        ? secretId
        : a.arn("secretsmanager", `secret:${secretId}-${a.chars("suffix", 6, MIXED_ALNUM)}`);
    return {
        id: `${secretId}|${versionId}`,
        values: {
            versionId: a.after(versionId),
            secretArn: a.after(secretArn),
            arn: a.after(secretArn),
            versionStages: a.after(["AWSCURRENT"]),
            hasSecretStringWo: a.after(false),
        },
        secretOutputs: ["secretString", "secretBinary"],
    };
}

// ---------------------------------------------------------------------------------------------
// Dispatch

interface AwsType {
    mock: (a: Aws) => AwsMock;
    /** Has tags (then `tagsAll` = provider default tags + tags). */
    taggable: boolean;
}

const t = (mock: (a: Aws) => AwsMock, taggable = true): AwsType => ({ mock, taggable });

/** Every type token the AWS backends create (pulumi-aws v7.48), and its mock. */
export const awsTypes: Record<string, AwsType> = {
    "aws:ec2/vpc:Vpc": t(vpc),
    "aws:ec2/subnet:Subnet": t(subnet),
    "aws:ec2/internetGateway:InternetGateway": t(internetGateway),
    "aws:ec2/eip:Eip": t(eip),
    "aws:ec2/natGateway:NatGateway": t(natGateway),
    "aws:ec2/routeTable:RouteTable": t(routeTable),
    "aws:ec2/route:Route": t(route, false),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": t(routeTableAssociation, false),
    "aws:ec2/vpcEndpoint:VpcEndpoint": t(vpcEndpoint),
    "aws:ec2/flowLog:FlowLog": t(flowLog),
    "aws:ec2/securityGroup:SecurityGroup": t(securityGroup),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": t(securityGroupRule),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": t(securityGroupRule),
    "aws:cloudwatch/logGroup:LogGroup": t(logGroup),
    "aws:iam/role:Role": t(role),
    "aws:iam/rolePolicy:RolePolicy": t(rolePolicy, false),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": t(rolePolicyAttachment, false),
    "aws:iam/policy:Policy": t(policy),
    "aws:kms/key:Key": t(kmsKey),
    "aws:kms/alias:Alias": t(kmsAlias, false),
    "aws:eks/cluster:Cluster": t(eksCluster),
    "aws:eks/nodeGroup:NodeGroup": t(eksNodeGroup),
    "aws:eks/addon:Addon": t(eksAddon),
    "aws:eks/accessEntry:AccessEntry": t(eksAccessEntry),
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": t(eksAccessPolicyAssociation, false),
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": t(eksPodIdentityAssociation),
    "aws:rds/cluster:Cluster": t(rdsCluster),
    "aws:rds/clusterInstance:ClusterInstance": t(rdsClusterInstance),
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": t(rdsNamed("cluster-pg")),
    "aws:rds/subnetGroup:SubnetGroup": t(
        rdsNamed("subgrp", (a) => ({
            vpcId: a.after(a.ec2Id("vpc", "subnet-group-vpc")),
            supportedNetworkTypes: a.after(["IPV4"]),
        })),
    ),
    "aws:rds/instance:Instance": t(rdsInstance),
    "aws:elasticache/replicationGroup:ReplicationGroup": t(replicationGroup),
    "aws:elasticache/subnetGroup:SubnetGroup": t(elasticacheSubnetGroup),
    "aws:elasticache/parameterGroup:ParameterGroup": t(elasticacheParameterGroup),
    "aws:mq/broker:Broker": t(mqBroker),
    "aws:mq/configuration:Configuration": t(mqConfiguration),
    "aws:s3/bucket:Bucket": t(bucket),
    "aws:s3/bucketV2:BucketV2": t(bucket),
    "aws:s3/bucketVersioning:BucketVersioning": t(bucketPart(), false),
    "aws:s3/bucketVersioningV2:BucketVersioningV2": t(bucketPart(), false),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": t(bucketPart(), false),
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": t(
        bucketPart(),
        false,
    ),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": t(bucketPart(), false),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": t(bucketPart(), false),
    "aws:s3/bucketPolicy:BucketPolicy": t(bucketPart(), false),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": t(
        bucketPart((a) => ({ transitionDefaultMinimumObjectSize: a.after("all_storage_classes_128K") })),
        false,
    ),
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": t(
        bucketPart((a) => ({ transitionDefaultMinimumObjectSize: a.after("all_storage_classes_128K") })),
        false,
    ),
    "aws:secretsmanager/secret:Secret": t(secret),
    "aws:secretsmanager/secretVersion:SecretVersion": t(secretVersion, false),
};

/** Any other `aws:` type: an id and an ARN in the service's namespace. */
function generic(a: Aws): AwsMock {
    const [, module, kind] = a.ctx.type.split(/[:/]/);
    const id = `${a.ctx.name}-${a.chars("id", 8, LOWER_ALNUM)}`;
    const kebab = (kind ?? "resource").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
    return { id, values: { arn: a.after(a.arn(module ?? "aws", `${kebab}/${id}`)) } };
}

/** Computed outputs of one `aws:` resource. */
export function awsResource(ctx: MockContext): MockedResource {
    const a = new Aws(ctx);
    const spec = awsTypes[ctx.type];
    const mocked = (spec?.mock ?? generic)(a);
    const values: Record<string, unknown> = { ...mocked.values };
    if (spec !== undefined && !globalTypes.has(ctx.type)) values.region = a.region;
    if (spec?.taggable || (spec === undefined && ctx.inputs.tags !== undefined)) {
        const tags = ctx.inputs.tags;
        values.tagsAll = tags === UNKNOWN ? UNKNOWN : { ...defaultTags(), ...(isObject(tags) ? tags : {}) };
    }
    const computed = fillMissing(ctx.inputs, values);
    return { id: mocked.id, computed, secretOutputs: mocked.secretOutputs ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Functions (invokes)

/** CRC-32 (IEEE), as Terraform hashes a policy document into its id. */
function crc32(text: string): number {
    let crc = 0xffffffff;
    for (const byte of Buffer.from(text, "utf8")) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
}

/** One value as a string, a list of several as the provider orders them (descending). */
function stringOrList(values: unknown): string | string[] | undefined {
    if (!Array.isArray(values) || values.length === 0) return undefined;
    const strings = [...new Set(values.map(String))];
    return strings.length === 1 ? strings[0] : strings.sort().reverse();
}

const policyVariables = (v: string | string[] | undefined) =>
    v === undefined ? undefined : Array.isArray(v) ? v.map((x) => x.replace(/&\{/g, "${")) : v.replace(/&\{/g, "${");

function principalsOf(list: unknown): unknown {
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const byType = new Map<string, string[]>();
    for (const p of list) {
        if (!isObject(p)) continue;
        const ids = Array.isArray(p.identifiers) ? p.identifiers.map(String) : [];
        byType.set(String(p.type), [...(byType.get(String(p.type)) ?? []), ...ids]);
    }
    if (byType.size === 1 && byType.has("*")) {
        const ids = byType.get("*")!;
        if (ids.length === 1 && ids[0] === "*") return "*";
    }
    const out: Record<string, unknown> = {};
    for (const type of [...byType.keys()].sort()) out[type] = policyVariables(stringOrList(byType.get(type)));
    return out;
}

function conditionsOf(list: unknown): unknown {
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const out: Record<string, Record<string, unknown>> = {};
    for (const c of list) {
        if (!isObject(c)) continue;
        const values: string[] = Array.isArray(c.values)
            ? c.values.map((x: unknown) => String(x).replace(/&\{/g, "${"))
            : [];
        (out[String(c.test)] ??= {})[String(c.variable)] = values.length === 1 ? values[0] : values;
    }
    const sorted: Record<string, Record<string, unknown>> = {};
    for (const test of Object.keys(out).sort()) {
        sorted[test] = Object.fromEntries(
            Object.keys(out[test])
                .sort()
                .map((v) => [v, out[test][v]]),
        );
    }
    return sorted;
}

interface PolicyStatement {
    Sid: string;
    [key: string]: unknown;
}

function statementOf(s: Record<string, any>): PolicyStatement {
    const out: PolicyStatement = { Sid: str(s.sid) ?? "" };
    const fields: Array<[string, unknown]> = [
        ["Effect", str(s.effect) ?? "Allow"],
        ["Action", stringOrList(s.actions)],
        ["NotAction", stringOrList(s.notActions)],
        ["Resource", policyVariables(stringOrList(s.resources))],
        ["NotResource", policyVariables(stringOrList(s.notResources))],
        ["Principal", principalsOf(s.principals)],
        ["NotPrincipal", principalsOf(s.notPrincipals)],
        ["Condition", conditionsOf(s.conditions)],
    ];
    for (const [k, v] of fields) if (v !== undefined) out[k] = v;
    return out;
}

/** Merges `next` into `doc` as the provider does: a statement with a Sid replaces the one with the same Sid. */
function mergePolicy(doc: { Version?: string; Id?: string; Statement: PolicyStatement[] }, next: any): void {
    if (!isObject(next)) return;
    if (typeof next.Id === "string" && next.Id.length > 0) doc.Id = next.Id;
    if (typeof next.Version === "string" && (doc.Version === undefined || next.Version > doc.Version)) {
        doc.Version = next.Version;
    }
    const statements: PolicyStatement[] = Array.isArray(next.Statement)
        ? next.Statement
        : isObject(next.Statement)
          ? [next.Statement as PolicyStatement]
          : [];
    for (const s of statements) {
        const i = s.Sid ? doc.Statement.findIndex((x) => x.Sid === s.Sid) : -1;
        if (i >= 0) doc.Statement[i] = s;
        else doc.Statement.push(s);
    }
}

/** Go's encoding/json escapes <, > and & inside strings. */
function goJson(value: unknown, indent?: number): string {
    return JSON.stringify(value, null, indent)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026");
}

/** `aws.iam.getPolicyDocument`: the JSON the provider renders from the statements. */
export function policyDocument(inputs: Record<string, any>): Record<string, unknown> {
    const doc: { Version?: string; Id?: string; Statement: PolicyStatement[] } = { Statement: [] };
    const parse = (s: unknown) => (typeof s === "string" && s.length > 0 ? JSON.parse(s) : undefined);
    mergePolicy(doc, parse(inputs.sourceJson));
    for (const source of Array.isArray(inputs.sourcePolicyDocuments) ? inputs.sourcePolicyDocuments : []) {
        mergePolicy(doc, parse(source));
    }
    mergePolicy(doc, {
        Version: str(inputs.version) ?? "2012-10-17",
        Id: str(inputs.policyId),
        Statement: (Array.isArray(inputs.statements) ? inputs.statements : []).filter(isObject).map(statementOf),
    });
    for (const override of Array.isArray(inputs.overridePolicyDocuments) ? inputs.overridePolicyDocuments : []) {
        mergePolicy(doc, parse(override));
    }
    mergePolicy(doc, parse(inputs.overrideJson));
    const ordered: Record<string, unknown> = {};
    if (doc.Version !== undefined) ordered.Version = doc.Version;
    if (doc.Id !== undefined) ordered.Id = doc.Id;
    ordered.Statement = doc.Statement;
    const json = goJson(ordered, 2);
    return { ...inputs, id: String(crc32(json)), json, minifiedJson: goJson(ordered) };
}

function invokeRegion(inputs: Record<string, any>): string {
    return str(inputs.region) ?? configuredRegion();
}

/** Results of the AWS functions the backends call; `{}` for others, as for any unknown token. */
export function awsCall(token: string, rawInputs: Record<string, unknown>): Record<string, unknown> {
    const inputs = plain(rawInputs) as Record<string, any>;
    switch (token) {
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const region = invokeRegion(inputs);
            const { names, zoneIds } = zonesOf(region);
            const excludedNames: string[] = Array.isArray(inputs.excludeNames) ? inputs.excludeNames : [];
            const excludedIds: string[] = Array.isArray(inputs.excludeZoneIds) ? inputs.excludeZoneIds : [];
            const keep = names.map((n, i) => !excludedNames.includes(n) && !excludedIds.includes(zoneIds[i]));
            return {
                ...inputs,
                id: region,
                region,
                names: names.filter((_, i) => keep[i]),
                zoneIds: zoneIds.filter((_, i) => keep[i]),
                groupNames: [region],
            };
        }
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                id: AWS_ACCOUNT_ID,
                accountId: AWS_ACCOUNT_ID,
                arn: `arn:aws:sts::${AWS_ACCOUNT_ID}:assumed-role/pulumi-deployer/pulumi-session`,
                userId: `AROA${digest("caller", 17, UPPER_ALNUM)}:pulumi-session`,
            };
        case "aws:index/getRegion:getRegion": {
            const region = str(inputs.region) ?? str(inputs.name) ?? str(inputs.id) ?? configuredRegion();
            return {
                id: region,
                name: region,
                region,
                description: regionNames[region] ?? region,
                endpoint: `ec2.${region}.amazonaws.com`,
            };
        }
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocument(inputs);
        case "aws:eks/getAddonVersion:getAddonVersion": {
            const addon = String(inputs.addonName ?? "");
            const k8s = String(inputs.kubernetesVersion ?? "1.34");
            const version =
                addon === "kube-proxy" ? `v${k8s}.0-eksbuild.2` : (addonVersions[addon] ?? "v1.0.0-eksbuild.1");
            return { ...inputs, id: addon, region: invokeRegion(inputs), version };
        }
        default:
            return {};
    }
}
