// Proves the inputs the Network sends to the GCP provider under the mock engine (and that bad
// arguments are refused before anything registers); not that GCP accepts them, nor that traffic flows.
import * as assert from "assert";
import * as gcp from "@pulumi/gcp";
import { Network, NetworkArgs, Profile, Target } from "../../../components";
import { gcpNetworkValues } from "../../../components/backends/gcp/network";
import { gcpRangeRules } from "../../../components/backends/gcp/network-ranges";
import { parseCidr, rangesOverlap } from "../../../components/core/network-resolve";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import * as mocks from "../../../scripts/harness/mocks";
import { plain } from "../../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";
import { documented } from "./provider-docs";

// The provider classes carry their type token (not declared in the .d.ts).
const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const G = {
    Network: "pulumi-ha:index:Network",
    Vpc: type(gcp.compute.Network),
    Subnet: type(gcp.compute.Subnetwork),
    Router: type(gcp.compute.Router),
    Nat: type(gcp.compute.RouterNat),
    Address: type(gcp.compute.GlobalAddress),
    Connection: type(gcp.servicenetworking.Connection),
};
const zonesToken = "gcp:compute/getZones:getZones";
const names3 = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];

function runNetwork(args: Partial<NetworkArgs> = {}): Promise<RunResult> {
    return runProgram(() => {
        new Network("net", { target: Target.Gcp, availabilityZones: names3, ...args });
    });
}

describe("Network (GCP)", () => {
    describe("production defaults, zone names given", () => {
        let run: RunResult;
        before(async () => {
            run = await runNetwork();
        });

        it("creates a VPC, one subnet, a router with its NAT, and a private services range with its connection, all the Network's children", () => {
            const counts = Object.fromEntries(
                Object.entries(G)
                    .filter(([k]) => k !== "Network")
                    .map(([k, t]) => [k, ofType(run, t).length]),
            );
            assert.deepStrictEqual(counts, { Vpc: 1, Subnet: 1, Router: 1, Nat: 1, Address: 1, Connection: 1 });
            const network = one(run, G.Network);
            assert.deepStrictEqual(
                run.resources.filter((r) => r.type !== T.Stack && r !== network).map((r) => r.parent),
                Array(6).fill(network.urn),
                "every resource is the Network's child",
            );
        });

        it("looks nothing up when the zone names are given: no invoke, so a preview calls no GCP API", () => {
            assert.deepStrictEqual(run.calls, []);
        });

        it("makes a custom-mode VPC with regional routing", () => {
            const vpc = inputsOf(one(run, G.Vpc));
            assert.deepStrictEqual(
                [vpc.autoCreateSubnetworks, vpc.routingMode, vpc.deleteDefaultRoutesOnCreate],
                [false, "REGIONAL", undefined],
            );
        });

        it("makes one subnet of cidrBlock in the zones' region, Google access on, pods /14 and Services /20 as secondary ranges, flow logs on", () => {
            const subnet = inputsOf(one(run, G.Subnet));
            assert.deepStrictEqual(
                [subnet.network, subnet.ipCidrRange, subnet.region, subnet.privateIpGoogleAccess],
                [one(run, G.Vpc).id, "10.0.0.0/16", "europe-west1", true],
            );
            assert.deepStrictEqual(subnet.secondaryIpRanges, [
                { rangeName: "pods", ipCidrRange: "10.4.0.0/14" },
                { rangeName: "services", ipCidrRange: "10.8.0.0/20" },
            ]);
            assert.deepStrictEqual(subnet.logConfig, {
                aggregationInterval: "INTERVAL_5_SEC",
                flowSampling: 0.5,
                metadata: "INCLUDE_ALL_METADATA",
            });
            assert.strictEqual(subnet.project, undefined, "the provider's project");
        });

        it("routes egress through Cloud NAT on a Cloud Router in the region: auto IPs, every range, errors logged", () => {
            const router = inputsOf(one(run, G.Router));
            assert.deepStrictEqual([router.network, router.region], [one(run, G.Vpc).id, "europe-west1"]);
            const nat = inputsOf(one(run, G.Nat));
            assert.deepStrictEqual(
                [nat.natIpAllocateOption, nat.sourceSubnetworkIpRangesToNat, nat.logConfig, nat.region],
                ["AUTO_ONLY", "ALL_SUBNETWORKS_ALL_IP_RANGES", { enable: true, filter: "ERRORS_ONLY" }, "europe-west1"],
            );
            // The router's name is the provider's autoname: whatever the mock answers, the NAT names that router.
            assert.strictEqual(nat.router, plain(one(run, G.Router).outputs).name);
        });

        it("reserves 10.16.0.0/16 for private services access and peers it to service networking", () => {
            const address = inputsOf(one(run, G.Address));
            assert.deepStrictEqual(
                [address.purpose, address.addressType, address.address, address.prefixLength, address.network],
                ["VPC_PEERING", "INTERNAL", "10.16.0.0", 16, one(run, G.Vpc).id],
            );
            assert.deepStrictEqual(address.labels, {
                "pulumi-ha-component": "network",
                "pulumi-ha-instance": "net",
                "managed-by": "pulumi-ha",
            });
            const connection = one(run, G.Connection);
            assert.deepStrictEqual(
                [inputsOf(connection).network, inputsOf(connection).service],
                [one(run, G.Vpc).id, "servicenetworking.googleapis.com"],
            );
            assert.ok(connection.dependencies.includes(one(run, G.Address).urn), "the connection reserves the range");
            assert.deepStrictEqual(inputsOf(connection).reservedPeeringRanges, [
                // An unset name crosses the wire as null.
                plain(one(run, G.Address).outputs).name ?? null,
            ]);
        });

        it("outputs the VPC, the one regional subnet once per zone, no public subnet, the zones and the GKE range names", () => {
            const out = plain(one(run, G.Network).outputs);
            const subnet = one(run, G.Subnet).id;
            assert.strictEqual(out.vpcId, one(run, G.Vpc).id);
            assert.deepStrictEqual(out.privateSubnetIds, [subnet, subnet, subnet]);
            assert.deepStrictEqual(out.privateSubnets, out.privateSubnetIds);
            assert.deepStrictEqual(out.publicSubnetIds, []);
            assert.deepStrictEqual([out.availabilityZones, out.zoneNames, out.zoneCount], [names3, names3, 3]);
            assert.deepStrictEqual([out.podsRangeName, out.servicesRangeName], ["pods", "services"]);
            assert.strictEqual(out.privateServicesConnection, one(run, G.Connection).id);
        });
    });

    describe("development and overrides", () => {
        it("development: 2 zones and no flow logs", async () => {
            const run = await runNetwork({ profile: Profile.Development, availabilityZones: names3.slice(0, 2) });
            assert.strictEqual(inputsOf(one(run, G.Subnet)).logConfig, undefined);
            assert.strictEqual(plain(one(run, G.Network).outputs).zoneCount, 2);
        });

        it("carves a default range elsewhere when the preferred one overlaps cidrBlock", async () => {
            const run = await runNetwork({ cidrBlock: "10.4.0.0/16" });
            const subnet = inputsOf(one(run, G.Subnet));
            assert.deepStrictEqual(
                subnet.secondaryIpRanges.map((r: { ipCidrRange: string }) => r.ipCidrRange),
                ["10.8.0.0/14", "10.12.0.0/20"],
            );
            assert.strictEqual(inputsOf(one(run, G.Address)).address, "10.16.0.0");
        });
    });

    describe("zones looked up", () => {
        // The mock engine answers unknown invokes with {}: until the harness's GCP mocks answer this
        // one, the test gives the lookup a realistic answer (4 zones, unsorted) itself.
        const original = mocks.mockCall;
        const writable = mocks as unknown as { mockCall: typeof mocks.mockCall };
        const asked: Array<Record<string, unknown>> = [];
        const answered: string[][] = [];
        before(() => {
            writable.mockCall = (token, inputs) => {
                let answer = original(token, inputs);
                if (token !== zonesToken) return answer;
                if (!Array.isArray(answer.names))
                    answer = { names: ["us-central1-f", "us-central1-a", "us-central1-c", "us-central1-b"] };
                asked.push(inputs);
                answered.push(answer.names as string[]);
                return answer;
            };
        });
        after(() => {
            writable.mockCall = original;
        });

        it("calls getZones exactly once (zones UP, in gcp.region and gcp.project) and takes the first zones by name", async () => {
            const run = await runProgram(() => {
                new Network("net", {
                    target: Target.Gcp,
                    gcp: { region: "us-central1", project: "shop-prod-1" },
                });
            });
            assert.deepStrictEqual(run.calls, [zonesToken]);
            assert.deepStrictEqual(asked[0], { status: "UP", region: "us-central1", project: "shop-prod-1" });
            const expected = [...answered[0]].sort().slice(0, 3);
            const out = plain(one(run, G.Network).outputs);
            assert.deepStrictEqual([out.availabilityZones, out.zoneNames], [expected, expected]);
        });

        it("takes the region, project, ranges and flow logs given", async () => {
            const run = await runProgram(() => {
                new Network("net", {
                    target: Target.Gcp,
                    cidrBlock: "172.16.0.0/20",
                    gcp: {
                        region: "us-central1",
                        project: "shop-prod-1",
                        podsCidr: "172.20.0.0/16",
                        servicesCidr: "172.21.0.0/22",
                        privateServicesCidr: "192.168.0.0/20",
                        flowLogs: false,
                    },
                });
            });
            const subnet = inputsOf(one(run, G.Subnet));
            assert.deepStrictEqual(
                [subnet.ipCidrRange, subnet.secondaryIpRanges.map((r: { ipCidrRange: string }) => r.ipCidrRange)],
                ["172.16.0.0/20", ["172.20.0.0/16", "172.21.0.0/22"]],
            );
            assert.strictEqual(subnet.logConfig, undefined);
            const address = inputsOf(one(run, G.Address));
            assert.deepStrictEqual([address.address, address.prefixLength], ["192.168.0.0", 20]);
            for (const t of [G.Vpc, G.Subnet, G.Router, G.Nat, G.Address])
                assert.strictEqual(inputsOf(one(run, t)).project, "shop-prod-1", t);
            for (const t of [G.Subnet, G.Router, G.Nat])
                assert.strictEqual(inputsOf(one(run, t)).region, "us-central1", t);
        });
    });

    describe("existing network", () => {
        it("creates nothing and passes the network, subnet (once per zone), range names and zones through", async () => {
            const run = await runProgram(() => {
                new Network("net", {
                    target: Target.Gcp,
                    gcp: {
                        existing: {
                            network: "projects/p/global/networks/shared",
                            subnetwork: "projects/p/regions/europe-west1/subnetworks/gke",
                            podsRangeName: "gke-pods",
                            servicesRangeName: "gke-services",
                            privateServicesRangeName: "psa",
                            availabilityZones: names3,
                        },
                    },
                });
            });
            assert.deepStrictEqual(
                run.resources.map((r) => r.type),
                [T.Stack, G.Network],
            );
            assert.deepStrictEqual(run.calls, []);
            const out = plain(one(run, G.Network).outputs);
            const subnet = "projects/p/regions/europe-west1/subnetworks/gke";
            assert.deepStrictEqual(
                [
                    out.vpcId,
                    out.networkSelfLink,
                    out.subnetworkSelfLink,
                    out.privateSubnetIds,
                    out.publicSubnetIds,
                    out.podsRangeName,
                    out.servicesRangeName,
                    out.privateServicesRangeName,
                    out.zoneNames,
                    out.zoneCount,
                ],
                [
                    "projects/p/global/networks/shared",
                    "projects/p/global/networks/shared",
                    subnet,
                    [subnet, subnet, subnet],
                    [],
                    "gke-pods",
                    "gke-services",
                    "psa",
                    names3,
                    3,
                ],
            );
        });
    });

    describe("invalid arguments, rejected before anything registers", () => {
        const net = (args: Partial<NetworkArgs>) => () => {
            new Network("net", { target: Target.Gcp, availabilityZones: names3, ...args });
        };

        it("the neutral rules hold on gcp too: zones, cidrBlock", async () => {
            await expectRejected(
                net({ availabilityZones: names3.slice(0, 2) }),
                /^availabilityZones: must be at least 3 in production/,
            );
            await expectRejected(net({ cidrBlock: "10.0.0.0/24" }), /^cidrBlock: must have a prefix from \/16 to \/22/);
        });

        it("availabilityZones: AWS names, zones of two regions, zones of another region than gcp.region", async () => {
            await expectRejected(
                net({ availabilityZones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"] }),
                /^availabilityZones: must be GCP zone names such as "europe-west1-b" \(got "eu-central-1a", "eu-central-1b", "eu-central-1c"\)/,
            );
            await expectRejected(
                net({ availabilityZones: ["europe-west1-b", "europe-west1-c", "europe-west4-a"] }),
                /^availabilityZones: must all be zones of one region \(got zones of "europe-west1", "europe-west4"\)/,
            );
            await expectRejected(
                net({ gcp: { region: "us-central1" } }),
                /^availabilityZones: must be zones of gcp\.region "us-central1" \(got "europe-west1-b", "europe-west1-c", "europe-west1-d"\)/,
            );
        });

        it("gcp.region and gcp.project: not GCP's", async () => {
            await expectRejected(net({ gcp: { region: "eu-central-1" } }), /^gcp\.region: must be a GCP region/);
            await expectRejected(net({ gcp: { project: "My_Project" } }), /^gcp\.project: must be a GCP project id/);
        });

        it("ranges: not a CIDR, a size GKE or service networking refuses, host bits, a public range", async () => {
            await expectRejected(net({ gcp: { podsCidr: "10.4.0.0" } }), /^gcp\.podsCidr: must be an IPv4 CIDR block/);
            await expectRejected(
                net({ gcp: { podsCidr: "10.4.0.0/24" } }),
                /^gcp\.podsCidr: must have a prefix from \/9 to \/21: GKE gives each node a \/24 of it \(got \/24\)/,
            );
            await expectRejected(
                net({ gcp: { servicesCidr: "10.8.0.0/28" } }),
                /^gcp\.servicesCidr: must have a prefix from \/16 to \/27/,
            );
            await expectRejected(
                net({ gcp: { privateServicesCidr: "10.16.0.0/25" } }),
                /^gcp\.privateServicesCidr: must have a prefix from \/8 to \/24/,
            );
            await expectRejected(
                net({ gcp: { podsCidr: "10.4.1.0/14" } }),
                /^gcp\.podsCidr: must be a network address.*"10\.4\.0\.0\/14"/,
            );
            await expectRejected(
                net({ gcp: { privateServicesCidr: "8.8.0.0/16" } }),
                /^gcp\.privateServicesCidr: must lie in a private \(RFC 1918\) network/,
            );
        });

        it("ranges that overlap: a secondary range over the subnet, over the private services range, over each other", async () => {
            await expectRejected(
                net({ gcp: { podsCidr: "10.0.0.0/14" } }),
                /^gcp\.podsCidr: must not overlap cidrBlock "10\.0\.0\.0\/16"/,
            );
            await expectRejected(
                net({ gcp: { servicesCidr: "10.0.16.0/20" } }),
                /^gcp\.servicesCidr: must not overlap cidrBlock "10\.0\.0\.0\/16"/,
            );
            await expectRejected(
                net({ gcp: { servicesCidr: "10.20.0.0/20", privateServicesCidr: "10.20.0.0/16" } }),
                /^gcp\.privateServicesCidr: must not overlap gcp\.servicesCidr "10\.20\.0\.0\/20"/,
            );
            await expectRejected(
                net({ gcp: { podsCidr: "10.32.0.0/14", servicesCidr: "10.33.0.0/20" } }),
                /^gcp\.servicesCidr: must not overlap gcp\.podsCidr "10\.32\.0\.0\/14"/,
            );
            await expectRejected(
                net({ cidrBlock: "10.16.0.0/16", gcp: { privateServicesCidr: "10.16.0.0/20" } }),
                /^gcp\.privateServicesCidr: must not overlap cidrBlock "10\.16\.0\.0\/16"/,
            );
        });

        it("target specifics: aws beside target gcp; every problem at once", async () => {
            await expectRejected(net({ aws: { region: "eu-central-1" } }), /^aws: must be left out with target "gcp"/);
            await expectRejected(
                net({ zones: 7, gcp: { region: "x", podsCidr: "10.0.0.0/14" } }),
                /^zones: must be an integer from 2 to 6/,
                /^availabilityZones: must name exactly `zones` \(7\) zones/,
                /^gcp\.region: must be a GCP region/,
                /^gcp\.podsCidr: must not overlap cidrBlock/,
            );
        });

        it("gcp.existing: with ranges or zones of its own, too few zones, zones not GCP's, an empty name", async () => {
            const existing = {
                network: "shared",
                subnetwork: "gke",
                podsRangeName: "pods",
                servicesRangeName: "services",
                availabilityZones: names3,
            };
            const given = (args: Partial<NetworkArgs>) => () => {
                new Network("net", { target: Target.Gcp, ...args });
            };
            await expectRejected(
                given({ cidrBlock: "10.1.0.0/16", gcp: { existing, podsCidr: "10.4.0.0/14", flowLogs: true } }),
                /^cidrBlock: must be left out with gcp\.existing/,
                /^gcp\.podsCidr: must be left out with gcp\.existing/,
                /^gcp\.flowLogs: must be left out with gcp\.existing/,
            );
            await expectRejected(
                given({ gcp: { existing: { ...existing, availabilityZones: names3.slice(0, 2) } } }),
                /^gcp\.existing\.availabilityZones: must name at least 3 zones in production \(got 2\)/,
            );
            await expectRejected(
                given({ gcp: { existing: { ...existing, availabilityZones: ["a", "b", "c"] } } }),
                /^gcp\.existing\.availabilityZones: must be GCP zone names/,
            );
            await expectRejected(
                given({ gcp: { region: "us-central1", existing } }),
                /^gcp\.existing\.availabilityZones: must be zones of gcp\.region "us-central1"/,
            );
            await expectRejected(
                given({ gcp: { existing: { ...existing, subnetwork: " " } } }),
                /^gcp\.existing\.subnetwork: must not be empty/,
            );
        });
    });

    describe("values sent to GCP, against the provider's documented values", () => {
        it("routing mode, NAT allocation, NAT source ranges and log filter, flow log settings, address purpose and type, zone status", () => {
            const valid = (file: string, iface: string, arg: string, value: string) =>
                assert.ok(
                    documented(file, iface, arg).includes(`\`${value}\``),
                    `${iface}.${arg}: ${value} is not documented`,
                );
            valid("compute/network", "NetworkArgs", "routingMode", gcpNetworkValues.routingMode);
            valid("compute/routerNat", "RouterNatArgs", "natIpAllocateOption", gcpNetworkValues.natIpAllocateOption);
            valid(
                "compute/routerNat",
                "RouterNatArgs",
                "sourceSubnetworkIpRangesToNat",
                gcpNetworkValues.natSourceRanges,
            );
            valid("types/input", "RouterNatLogConfig", "filter", gcpNetworkValues.natLogFilter);
            valid(
                "types/input",
                "SubnetworkLogConfig",
                "aggregationInterval",
                gcpNetworkValues.flowLogAggregationInterval,
            );
            valid("types/input", "SubnetworkLogConfig", "metadata", gcpNetworkValues.flowLogMetadata);
            valid("compute/globalAddress", "GlobalAddressArgs", "addressType", gcpNetworkValues.addressType);
            valid("compute/getZones", "GetZonesOutputArgs", "status", gcpNetworkValues.zoneStatus);
            // purpose is documented as a bulleted list, not in backticks.
            assert.match(documented("compute/globalAddress", "GlobalAddressArgs", "purpose"), /\* VPC_PEERING -/);
            assert.match(documented("types/input", "SubnetworkLogConfig", "flowSampling"), /must be in \[0, 1\]/);
        });

        it("the preferred default ranges fit their own rules and do not overlap each other or the default cidrBlock", () => {
            const all = ["10.0.0.0/16", ...gcpRangeRules.map((r) => r.preferred)].map((c) => parseCidr(c)!);
            for (const r of gcpRangeRules) {
                const p = parseCidr(r.preferred)!;
                assert.ok(p.prefix >= r.minPrefix && p.prefix <= r.maxPrefix, r.arg);
            }
            for (let i = 0; i < all.length; i++)
                for (let j = i + 1; j < all.length; j++) assert.ok(!rangesOverlap(all[i], all[j]), `${i} / ${j}`);
        });
    });
});
