import * as assert from "assert";
import * as fs from "fs";
import * as aws from "@pulumi/aws";
import { NatGateways, Network, NetworkArgs, Profile, Target } from "../../../components";
import { subnetLayout } from "../../../components/core/network-resolve";
import { logRetentionDays, networkAwsValues } from "../../../components/backends/aws/network";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import * as mocks from "../../../scripts/harness/mocks";
import { plain } from "../../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";

// The inputs the Network sends to the AWS provider under the mock engine: not that AWS accepts
// them, nor that traffic flows (no route is exercised).

// The provider classes carry their type token (not declared in the .d.ts).
const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const A = {
    Network: "pulumi-ha:index:Network",
    Vpc: type(aws.ec2.Vpc),
    Subnet: type(aws.ec2.Subnet),
    Igw: type(aws.ec2.InternetGateway),
    RouteTable: type(aws.ec2.RouteTable),
    Route: type(aws.ec2.Route),
    Rta: type(aws.ec2.RouteTableAssociation),
    Eip: type(aws.ec2.Eip),
    Nat: type(aws.ec2.NatGateway),
    Endpoint: type(aws.ec2.VpcEndpoint),
    FlowLog: type(aws.ec2.FlowLog),
    LogGroup: type(aws.cloudwatch.LogGroup),
    Role: type(aws.iam.Role),
    RolePolicy: type(aws.iam.RolePolicy),
};
const zonesToken = "aws:index/getAvailabilityZones:getAvailabilityZones";
const names3 = ["eu-central-1a", "eu-central-1b", "eu-central-1c"];

function runNetwork(args: Partial<NetworkArgs> = {}): Promise<RunResult> {
    return runProgram(() => {
        new Network("net", { target: Target.Aws, availabilityZones: names3, aws: { region: "eu-central-1" }, ...args });
    });
}

/** Subnets of the run, by tier, in zone order. */
function subnets(run: RunResult, tier: "public" | "private") {
    return ofType(run, A.Subnet)
        .filter((s) => s.name.startsWith(`net-${tier}-`))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(inputsOf);
}

/** The provider's TSDoc of an argument: where its allowed values are documented. */
function documented(file: string, arg: string): string {
    const text = fs.readFileSync(require.resolve(`@pulumi/aws/${file}.d.ts`), "utf8");
    const args = text.slice(text.indexOf("export interface "));
    const at = args.search(new RegExp(`\\n\\s+${arg}\\??: `));
    assert.ok(at > 0, `${file}: no argument ${arg}`);
    return args.slice(args.lastIndexOf("/**", at), at);
}

describe("Network (AWS)", () => {
    describe("production defaults, zone names given", () => {
        let run: RunResult;
        before(async () => {
            run = await runNetwork();
        });

        it("creates a VPC, 3 public + 3 private subnets, 3 NAT gateways with their EIPs, 4 route tables, an S3 endpoint and flow logs", () => {
            const counts = (t: string) => ofType(run, t).length;
            assert.deepStrictEqual(
                {
                    vpc: counts(A.Vpc),
                    subnets: counts(A.Subnet),
                    igw: counts(A.Igw),
                    eip: counts(A.Eip),
                    nat: counts(A.Nat),
                    routeTables: counts(A.RouteTable),
                    routes: counts(A.Route),
                    associations: counts(A.Rta),
                    endpoints: counts(A.Endpoint),
                    flowLogs: counts(A.FlowLog),
                    logGroups: counts(A.LogGroup),
                    roles: counts(A.Role),
                    rolePolicies: counts(A.RolePolicy),
                },
                {
                    vpc: 1,
                    subnets: 6,
                    igw: 1,
                    eip: 3,
                    nat: 3,
                    routeTables: 4,
                    routes: 4,
                    associations: 6,
                    endpoints: 1,
                    flowLogs: 1,
                    logGroups: 1,
                    roles: 1,
                    rolePolicies: 1,
                },
            );
            const network = one(run, A.Network);
            assert.ok(
                run.resources.filter((r) => r.type !== T.Stack && r !== network).every((r) => r.parent === network.urn),
                "every resource is the Network's child",
            );
            assert.strictEqual(childTypes(run, network).length, 33);
        });

        it("looks nothing up when the zone names are given: no invoke, so a preview calls no AWS API", () => {
            assert.deepStrictEqual(run.calls, []);
        });

        it("turns DNS on in the VPC, in the region given, with the default range", () => {
            const vpc = inputsOf(one(run, A.Vpc));
            assert.deepStrictEqual(
                [vpc.cidrBlock, vpc.enableDnsHostnames, vpc.enableDnsSupport, vpc.region],
                ["10.0.0.0/16", true, true, "eu-central-1"],
            );
            for (const r of run.resources.filter((r) => r.custom && r.type !== A.Role && r.type !== A.RolePolicy))
                assert.strictEqual(inputsOf(r).region, "eu-central-1", `${r.type} ${r.name}`);
        });

        it("lays the subnets out deterministically: private /19 blocks 0–2, public /22 from the last /19, one of each per zone", () => {
            const priv = subnets(run, "private");
            const pub = subnets(run, "public");
            assert.deepStrictEqual(
                priv.map((s) => [s.availabilityZone, s.cidrBlock]),
                [
                    ["eu-central-1a", "10.0.0.0/19"],
                    ["eu-central-1b", "10.0.32.0/19"],
                    ["eu-central-1c", "10.0.64.0/19"],
                ],
            );
            assert.deepStrictEqual(
                pub.map((s) => [s.availabilityZone, s.cidrBlock]),
                [
                    ["eu-central-1a", "10.0.224.0/22"],
                    ["eu-central-1b", "10.0.228.0/22"],
                    ["eu-central-1c", "10.0.232.0/22"],
                ],
            );
            for (const s of [...priv, ...pub]) assert.strictEqual(s.mapPublicIpOnLaunch, false);
        });

        it("tags subnets for the load balancer controller: public elb, private internal-elb", () => {
            for (const s of subnets(run, "public")) {
                assert.strictEqual(s.tags["kubernetes.io/role/elb"], "1");
                assert.strictEqual(s.tags["kubernetes.io/role/internal-elb"], undefined);
            }
            for (const s of subnets(run, "private")) {
                assert.strictEqual(s.tags["kubernetes.io/role/internal-elb"], "1");
                assert.strictEqual(s.tags["kubernetes.io/role/elb"], undefined);
            }
            for (const r of run.resources.filter(
                (r) => r.custom && r.type !== A.RolePolicy && r.type !== A.Rta && r.type !== A.Route,
            )) {
                const tags = inputsOf(r).tags;
                assert.strictEqual(tags?.["pulumi-ha.io/component"], "network", `${r.type} ${r.name}`);
                assert.strictEqual(tags?.["app.kubernetes.io/managed-by"], "pulumi-ha");
            }
        });

        it("routes each private subnet through its own zone's NAT gateway, and the public ones through the Internet gateway", () => {
            const id = (name: string) => one(run, A.Nat, name).id;
            const routes = ofType(run, A.Route).map(inputsOf);
            for (const i of [0, 1, 2]) {
                const table = one(run, A.RouteTable, `net-private-${i}-rt`).id;
                const route = inputsOf(one(run, A.Route, `net-private-${i}-default`));
                assert.deepStrictEqual(
                    [route.routeTableId, route.destinationCidrBlock, route.natGatewayId],
                    [table, "0.0.0.0/0", id(`net-nat-${i}`)],
                );
                const assoc = inputsOf(one(run, A.Rta, `net-private-${i}-rta`));
                assert.deepStrictEqual(
                    [assoc.subnetId, assoc.routeTableId],
                    [one(run, A.Subnet, `net-private-${i}`).id, table],
                );
                const nat = inputsOf(one(run, A.Nat, `net-nat-${i}`));
                assert.deepStrictEqual(
                    [nat.subnetId, nat.allocationId],
                    [one(run, A.Subnet, `net-public-${i}`).id, one(run, A.Eip, `net-nat-${i}-eip`).id],
                );
            }
            const publicDefault = inputsOf(one(run, A.Route, "net-public-default"));
            assert.deepStrictEqual(
                [publicDefault.routeTableId, publicDefault.gatewayId],
                [one(run, A.RouteTable, "net-public-rt").id, one(run, A.Igw).id],
            );
            assert.strictEqual(routes.filter((r) => r.gatewayId !== undefined).length, 1);
        });

        it("puts an S3 gateway endpoint on every private route table", () => {
            const endpoint = inputsOf(one(run, A.Endpoint));
            assert.strictEqual(endpoint.serviceName, "com.amazonaws.eu-central-1.s3");
            assert.strictEqual(endpoint.vpcEndpointType, "Gateway");
            assert.deepStrictEqual(
                endpoint.routeTableIds,
                [0, 1, 2].map((i) => one(run, A.RouteTable, `net-private-${i}-rt`).id),
            );
        });

        it("logs ALL traffic to a CloudWatch log group kept 365 days, through a role that may only write there", () => {
            const flow = inputsOf(one(run, A.FlowLog));
            const group = one(run, A.LogGroup);
            const role = one(run, A.Role);
            assert.deepStrictEqual(
                [flow.vpcId, flow.trafficType, flow.logDestinationType, flow.logDestination, flow.iamRoleArn],
                [one(run, A.Vpc).id, "ALL", "cloud-watch-logs", plain(group.outputs).arn, plain(role.outputs).arn],
            );
            assert.strictEqual(inputsOf(group).retentionInDays, 365);
            const trust = JSON.parse(inputsOf(role).assumeRolePolicy);
            assert.deepStrictEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
            const policy = JSON.parse(inputsOf(one(run, A.RolePolicy)).policy);
            assert.deepStrictEqual(policy.Statement.length, 1);
            assert.ok(
                policy.Statement[0].Action.every((a: string) => a.startsWith("logs:")),
                "only CloudWatch Logs actions",
            );
            assert.strictEqual(policy.Statement[0].Resource.length, 2);
            assert.ok(
                one(run, A.FlowLog).dependencies.includes(one(run, A.RolePolicy).urn),
                "the flow log waits for its permissions",
            );
        });

        it("outputs the VPC, the subnets and zones in zone order, and lists of known length", () => {
            const out = plain(one(run, A.Network).outputs);
            assert.strictEqual(out.vpcId, one(run, A.Vpc).id);
            assert.deepStrictEqual(
                out.privateSubnetIds,
                [0, 1, 2].map((i) => one(run, A.Subnet, `net-private-${i}`).id),
            );
            assert.deepStrictEqual(
                out.publicSubnetIds,
                [0, 1, 2].map((i) => one(run, A.Subnet, `net-public-${i}`).id),
            );
            assert.deepStrictEqual(out.privateSubnets, out.privateSubnetIds);
            assert.deepStrictEqual(out.availabilityZones, names3);
            assert.deepStrictEqual(out.zoneNames, names3);
            assert.strictEqual(out.zoneCount, 3);
        });
    });

    describe("development", () => {
        it("defaults to 2 zones, one NAT gateway every private subnet routes through, and 30 days of flow logs", async () => {
            const run = await runNetwork({ profile: Profile.Development, availabilityZones: names3.slice(0, 2) });
            assert.strictEqual(ofType(run, A.Subnet).length, 4);
            assert.strictEqual(ofType(run, A.Nat).length, 1);
            assert.strictEqual(ofType(run, A.Eip).length, 1);
            const nat = one(run, A.Nat).id;
            for (const i of [0, 1])
                assert.strictEqual(inputsOf(one(run, A.Route, `net-private-${i}-default`)).natGatewayId, nat);
            assert.strictEqual(inputsOf(one(run, A.LogGroup)).retentionInDays, 30);
        });

        it("takes one NAT gateway per zone when asked, and no flow logs when turned off", async () => {
            const run = await runNetwork({
                profile: Profile.Development,
                availabilityZones: names3.slice(0, 2),
                aws: { region: "eu-central-1", natGateways: NatGateways.OnePerZone, flowLogs: { enabled: false } },
            });
            assert.strictEqual(ofType(run, A.Nat).length, 2);
            assert.strictEqual(ofType(run, A.FlowLog).length + ofType(run, A.LogGroup).length, 0);
        });
    });

    describe("zones looked up", () => {
        // The mock engine answers unknown invokes with {}: until the harness's AWS mocks answer this
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
                    answer = { names: ["us-east-1d", "us-east-1a", "us-east-1c", "us-east-1b"], zoneIds: [] };
                asked.push(inputs);
                answered.push(answer.names as string[]);
                return answer;
            };
        });
        after(() => {
            writable.mockCall = original;
        });

        it("calls getAvailabilityZones exactly once (available, no opt-in zones) and takes the first zones by name", async () => {
            const run = await runProgram(() => {
                new Network("net", { target: Target.Aws });
            });
            assert.deepStrictEqual(run.calls, [zonesToken]);
            assert.strictEqual(asked.length, 1);
            assert.strictEqual(asked[0].state, "available");
            assert.deepStrictEqual(asked[0].filters, [{ name: "opt-in-status", values: ["opt-in-not-required"] }]);
            const expected = [...answered[0]].sort().slice(0, 3);
            assert.deepStrictEqual(
                subnets(run, "private").map((s) => s.availabilityZone),
                expected,
            );
            assert.deepStrictEqual(plain(one(run, A.Network).outputs).availabilityZones, expected);
        });
    });

    describe("existing VPC", () => {
        it("creates nothing and passes the VPC, subnets and zones through", async () => {
            const run = await runProgram(() => {
                new Network("net", {
                    target: Target.Aws,
                    aws: {
                        existing: {
                            vpcId: "vpc-123",
                            publicSubnetIds: ["subnet-p1", "subnet-p2", "subnet-p3"],
                            privateSubnetIds: ["subnet-1", "subnet-2", "subnet-3"],
                            availabilityZones: names3,
                        },
                    },
                });
            });
            assert.deepStrictEqual(
                run.resources.map((r) => r.type),
                [T.Stack, A.Network],
            );
            assert.deepStrictEqual(run.calls, []);
            const out = plain(one(run, A.Network).outputs);
            assert.deepStrictEqual(
                [
                    out.vpcId,
                    out.privateSubnetIds,
                    out.publicSubnetIds,
                    out.availabilityZones,
                    out.zoneNames,
                    out.zoneCount,
                ],
                [
                    "vpc-123",
                    ["subnet-1", "subnet-2", "subnet-3"],
                    ["subnet-p1", "subnet-p2", "subnet-p3"],
                    names3,
                    names3,
                    3,
                ],
            );
        });
    });

    describe("invalid arguments, rejected before anything registers", () => {
        const net = (args: Partial<NetworkArgs>) => () => {
            new Network("net", { target: Target.Aws, ...args });
        };

        it("zones: 1, and 2 in production (a majority must survive losing one)", async () => {
            await expectRejected(net({ zones: 1 }), /^zones: must be an integer from 2 to 6 zones \(got 1\)/);
            await expectRejected(net({ zones: 2 }), /^zones: must be at least 3 in production \(got 2\)/);
            await expectRejected(net({ zones: 7 }), /^zones: must be an integer from 2 to 6/);
            await expectRejected(
                net({ availabilityZones: names3.slice(0, 2) }),
                /^availabilityZones: must be at least 3 in production/,
            );
        });

        it("cidrBlock: not a CIDR, a prefix outside /16–/22, host bits set, a public range", async () => {
            await expectRejected(net({ cidrBlock: "10.0.0.0" }), /^cidrBlock: must be an IPv4 CIDR block/);
            await expectRejected(net({ cidrBlock: "10.0.0.0/24" }), /^cidrBlock: must have a prefix from \/16 to \/22/);
            await expectRejected(net({ cidrBlock: "10.0.0.0/8" }), /^cidrBlock: must have a prefix from \/16 to \/22/);
            await expectRejected(
                net({ cidrBlock: "10.0.1.0/16" }),
                /^cidrBlock: must be a network address.*"10\.0\.0\.0\/16"/,
            );
            await expectRejected(
                net({ cidrBlock: "8.8.0.0/16" }),
                /^cidrBlock: must lie in a private \(RFC 1918\) network/,
            );
            await expectRejected(net({ cidrBlock: "10.0.0.300/16" }), /^cidrBlock: must be an IPv4 CIDR block/);
        });

        it("availabilityZones: a count other than zones, duplicates, names that are not zones, zones of another region", async () => {
            await expectRejected(
                net({ zones: 3, availabilityZones: names3.slice(0, 2) }),
                /^availabilityZones: must name exactly `zones` \(3\) zones/,
            );
            await expectRejected(
                net({ availabilityZones: ["eu-central-1a", "eu-central-1a", "eu-central-1b"] }),
                /^availabilityZones: must all differ/,
            );
            await expectRejected(
                net({ availabilityZones: ["a", "b", "c"] }),
                /^availabilityZones: must be Availability Zone names/,
            );
            await expectRejected(
                net({ availabilityZones: names3, aws: { region: "us-east-1" } }),
                /^availabilityZones: must be zones of aws\.region "us-east-1"/,
            );
        });

        it("target: missing, kubernetes (no network to create); GCP specifics beside target aws", async () => {
            await expectRejected(() => {
                new Network("net", {} as NetworkArgs);
            }, /^target: is required: one of "kubernetes", "aws", "gcp"/);
            await expectRejected(
                net({ target: Target.Kubernetes }),
                /^target: "kubernetes" has no network to create \(a cluster brings its own\); use "aws" or "gcp"/,
            );
            await expectRejected(net({ gcp: { region: "europe-west1" } }), /^gcp: must be left out with target "aws"/);
        });

        it("aws: flow log retention outside CloudWatch's periods, a NAT mode that does not exist, a bad region", async () => {
            await expectRejected(
                net({ aws: { flowLogs: { retentionDays: 0 } } }),
                /^aws\.flowLogs\.retentionDays: must be one of CloudWatch Logs' retention periods/,
            );
            await expectRejected(net({ aws: { flowLogs: { retentionDays: 100 } } }), /^aws\.flowLogs\.retentionDays/);
            await expectRejected(
                net({ aws: { natGateways: "none" as NatGateways } }),
                /^aws\.natGateways: must be one of "one-per-zone", "single"/,
            );
            await expectRejected(net({ aws: { region: "Frankfurt" } }), /^aws\.region: must be an AWS region/);
        });

        it("aws.existing: with ranges of its own, too few zones, subnet lists of another length", async () => {
            const existing = {
                vpcId: "vpc-1",
                publicSubnetIds: ["p1", "p2", "p3"],
                privateSubnetIds: ["s1", "s2", "s3"],
                availabilityZones: names3,
            };
            await expectRejected(
                net({ cidrBlock: "10.1.0.0/16", aws: { existing } }),
                /^cidrBlock: must be left out with aws\.existing/,
            );
            await expectRejected(
                net({
                    aws: {
                        existing: {
                            ...existing,
                            availabilityZones: names3.slice(0, 2),
                            privateSubnetIds: ["s1", "s2"],
                            publicSubnetIds: ["p1", "p2"],
                        },
                    },
                }),
                /^aws\.existing\.availabilityZones: must name at least 3 zones in production \(got 2\)/,
            );
            await expectRejected(
                net({ aws: { existing: { ...existing, privateSubnetIds: ["s1", "s2"] } } }),
                /^aws\.existing\.privateSubnetIds: must hold one subnet per zone/,
            );
        });
    });

    describe("values sent to AWS, against the provider's documented values", () => {
        it("flow log traffic type and destination, endpoint type, EIP domain, NAT connectivity and availability mode", () => {
            const valid = (file: string, arg: string, value: string) =>
                assert.ok(documented(file, arg).includes(`\`${value}\``), `${file}.${arg}: ${value} is not documented`);
            valid("ec2/flowLog", "trafficType", networkAwsValues.flowLogTrafficType);
            valid("ec2/flowLog", "logDestinationType", networkAwsValues.flowLogDestinationType);
            valid("ec2/vpcEndpoint", "vpcEndpointType", networkAwsValues.s3EndpointType);
            valid("ec2/eip", "domain", networkAwsValues.eipDomain);
            valid("ec2/natGateway", "connectivityType", networkAwsValues.natConnectivityType);
            valid("ec2/natGateway", "availabilityMode", networkAwsValues.natAvailabilityMode);
            assert.match(documented("getAvailabilityZones", "state"), /`"available"`/);
        });

        it("every retention period is one CloudWatch Logs documents", () => {
            const doc = documented("cloudwatch/logGroup", "retentionInDays");
            const listed = doc
                .match(/Possible values are: ([\d, and]+)/)![1]
                .match(/\d+/g)!
                .map(Number);
            assert.deepStrictEqual(
                [...logRetentionDays],
                listed.filter((d) => d !== 0),
            );
        });

        it("subnets fit the VPC for every allowed prefix and 6 zones, /28 at the smallest, without overlap", () => {
            for (let prefix = 16; prefix <= 22; prefix++) {
                const layout = subnetLayout(`10.0.0.0/${prefix}`, 6);
                const all = [...layout.private, ...layout.public];
                assert.strictEqual(new Set(all).size, 12);
                assert.ok(layout.public.every((c) => Number(c.split("/")[1]) === prefix + 6 && prefix + 6 <= 28));
            }
            assert.deepStrictEqual(subnetLayout("172.16.0.0/22", 2), {
                private: ["172.16.0.0/25", "172.16.0.128/25"],
                public: ["172.16.3.128/28", "172.16.3.144/28"],
            });
        });
    });
});
