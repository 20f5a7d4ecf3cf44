// Proves the inputs the KubernetesCluster sends to the GCP and Kubernetes providers under the mock
// engine (and that bad arguments are refused before anything registers); not that GKE accepts them,
// that nodes join, or that the KMS key and IAM grants take effect.
import * as assert from "assert";
import * as fs from "fs";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { KubernetesCluster, KubernetesClusterArgs, Profile, Target } from "../../../components";
import { gkeValues } from "../../../components/backends/gcp/gke-values";
import { GkeReleaseChannel } from "../../../components/core/kubernetes-cluster-gcp-contract";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";
import { documented as documentedIn } from "./provider-docs";

const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const G = {
    Component: "pulumi-ha:index:KubernetesCluster",
    Cluster: type(gcp.container.Cluster),
    NodePool: type(gcp.container.NodePool),
    KeyRing: type(gcp.kms.KeyRing),
    Key: type(gcp.kms.CryptoKey),
    KeyGrant: type(gcp.kms.CryptoKeyIAMMember),
    Account: type(gcp.serviceaccount.Account),
    ProjectRole: type(gcp.projects.IAMMember),
    K8sProvider: "pulumi:providers:kubernetes",
};
const zones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];
const net = {
    network: "projects/shop-prod/global/networks/net-vpc",
    subnetwork: "projects/shop-prod/regions/europe-west1/subnetworks/net-subnet",
    podsRangeName: "pods",
    servicesRangeName: "services",
};
const base = {
    region: "europe-west1",
    project: "shop-prod",
    projectNumber: "123456789012",
    availabilityZones: zones,
    ...net,
};

let captured: KubernetesCluster | undefined;
function runCluster(args: Partial<KubernetesClusterArgs> = {}, gcpArgs: object = {}): Promise<RunResult> {
    return runProgram(() => {
        captured = new KubernetesCluster("prod", { target: Target.Gcp, ...args, gcp: { ...base, ...gcpArgs } });
    });
}

/** The TSDoc of a nested input type's argument (types/input.d.ts). */
const documented = (iface: string, arg: string) => documentedIn("types/input", iface, arg);

describe("KubernetesCluster (GCP, GKE)", () => {
    describe("production defaults, zones and project number given", () => {
        let run: RunResult;
        before(async () => {
            run = await runCluster();
        });

        it("creates a cluster, a node pool, a key ring + key + its grant, a node account with 5 roles, and the provider, all the component's children", () => {
            const counts = Object.fromEntries(
                Object.entries(G)
                    .filter(([k]) => k !== "Component")
                    .map(([k, t]) => [k, ofType(run, t).length]),
            );
            assert.deepStrictEqual(counts, {
                Cluster: 1,
                NodePool: 1,
                KeyRing: 1,
                Key: 1,
                KeyGrant: 1,
                Account: 1,
                ProjectRole: 5,
                K8sProvider: 1,
            });
            const c = one(run, G.Component);
            for (const r of run.resources.filter((r) => r.type !== T.Stack && r !== c))
                assert.strictEqual(r.parent, c.urn, `${r.name} is the component's child`);
        });

        it("makes no invoke: a preview needs no GCP API call when project, project number and zones are given", () => {
            assert.deepStrictEqual(run.calls, []);
        });

        it("is regional over the given zones, private nodes with a private endpoint, VPC-native on the Network's ranges", () => {
            const c = inputsOf(one(run, G.Cluster));
            assert.strictEqual(c.location, "europe-west1");
            assert.deepStrictEqual(c.nodeLocations, zones);
            assert.deepStrictEqual([c.removeDefaultNodePool, c.initialNodeCount], [true, 1]);
            assert.deepStrictEqual(
                [c.network, c.subnetwork, c.networkingMode],
                [net.network, net.subnetwork, "VPC_NATIVE"],
            );
            assert.strictEqual(c.datapathProvider, "ADVANCED_DATAPATH", "Dataplane V2: NetworkPolicies are enforced");
            assert.deepStrictEqual(c.ipAllocationPolicy, {
                clusterSecondaryRangeName: "pods",
                servicesSecondaryRangeName: "services",
            });
            assert.deepStrictEqual(c.privateClusterConfig, {
                enablePrivateNodes: true,
                enablePrivateEndpoint: true,
                masterIpv4CidrBlock: "172.16.0.0/28",
            });
            assert.strictEqual(c.masterAuthorizedNetworksConfig, undefined);
        });

        it("sets Workload Identity, the REGULAR channel, a daily maintenance window, shielded nodes, labels and both deletion protections", () => {
            const c = inputsOf(one(run, G.Cluster));
            assert.deepStrictEqual(c.workloadIdentityConfig, { workloadPool: "shop-prod.svc.id.goog" });
            assert.deepStrictEqual(c.releaseChannel, { channel: "REGULAR" });
            assert.deepStrictEqual(c.maintenancePolicy, { dailyMaintenanceWindow: { startTime: "03:00" } });
            assert.strictEqual(c.enableShieldedNodes, true);
            assert.strictEqual(c.deletionProtection, true);
            assert.strictEqual(one(run, G.Cluster).options.protect, true);
            assert.strictEqual(c.resourceLabels["pulumi-ha-component"], "kubernetes-cluster");
        });

        it("encrypts Secrets with the key it creates (90-day rotation), the GKE service agent granted on it first", () => {
            const c = one(run, G.Cluster);
            const key = one(run, G.Key);
            assert.strictEqual(inputsOf(c).databaseEncryption.state, "ENCRYPTED");
            assert.strictEqual(inputsOf(c).databaseEncryption.keyName, key.id);
            assert.strictEqual(inputsOf(key).rotationPeriod, "7776000s");
            assert.strictEqual(inputsOf(one(run, G.KeyRing)).location, "europe-west1");
            const grant = inputsOf(one(run, G.KeyGrant));
            assert.deepStrictEqual(
                [grant.cryptoKeyId, grant.role, grant.member],
                [
                    key.id,
                    "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                    "serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com",
                ],
            );
            assert.ok(c.dependencies.includes(one(run, G.KeyGrant).urn), "the cluster waits for the grant");
        });

        it("autoscales the node pool per zone (min 1, max 3), auto-repairs and upgrades, shielded GKE_METADATA nodes on a minimal account", () => {
            const p = inputsOf(one(run, G.NodePool));
            assert.strictEqual(p.location, "europe-west1");
            assert.deepStrictEqual(p.nodeLocations, zones);
            assert.deepStrictEqual(p.autoscaling, { minNodeCount: 1, maxNodeCount: 3 });
            assert.strictEqual(p.initialNodeCount, 1);
            assert.deepStrictEqual(p.management, { autoRepair: true, autoUpgrade: true });
            const nc = p.nodeConfig;
            assert.strictEqual(nc.machineType, "e2-standard-4");
            assert.deepStrictEqual(nc.shieldedInstanceConfig, {
                enableSecureBoot: true,
                enableIntegrityMonitoring: true,
            });
            assert.deepStrictEqual(nc.workloadMetadataConfig, { mode: "GKE_METADATA" });
            assert.deepStrictEqual(nc.oauthScopes, ["https://www.googleapis.com/auth/cloud-platform"]);
            const account = plain(one(run, G.Account).outputs);
            assert.strictEqual(nc.serviceAccount, account.email);
            const roles = ofType(run, G.ProjectRole).map((r) => inputsOf(r));
            assert.deepStrictEqual(roles.map((r) => r.role).sort(), [...gkeValues.nodeRoles].sort());
            for (const r of roles) assert.deepStrictEqual([r.project, r.member], ["shop-prod", account.member]);
        });

        it("outputs the kubeconfig as a secret whose user runs gke-gcloud-auth-plugin; the provider takes it secret", () => {
            const out = one(run, G.Component).outputs;
            assert.ok(isSecret(out.kubeconfig));
            const config = JSON.parse(plain(out.kubeconfig));
            const cluster = plain(one(run, G.Cluster).outputs);
            assert.strictEqual(config.clusters[0].cluster.server, `https://${cluster.endpoint}`);
            assert.strictEqual(
                config.clusters[0].cluster["certificate-authority-data"],
                cluster.masterAuth.clusterCaCertificate,
            );
            assert.strictEqual(config.users[0].user.exec.command, "gke-gcloud-auth-plugin");
            assert.strictEqual(config.users[0].user.exec.apiVersion, "client.authentication.k8s.io/v1beta1");
            assert.ok(isSecret(one(run, G.K8sProvider).inputs.kubeconfig));
            assert.ok(k8s.Provider.isInstance(captured!.provider));
            assert.strictEqual(plain(out.endpoint), `https://${cluster.endpoint}`);
            assert.strictEqual(
                plain(out.oidcIssuer),
                `https://container.googleapis.com/v1/projects/shop-prod/locations/europe-west1/clusters/${cluster.name}`,
            );
            assert.strictEqual(out.clusterSecurityGroupId, undefined);
        });
    });

    describe("overrides", () => {
        it("development: no protection, public endpoint, min 0 allowed", async () => {
            const run = await runCluster(
                { profile: Profile.Development, nodesPerZone: { min: 0, max: 2 } },
                { availabilityZones: zones.slice(0, 2) },
            );
            const c = one(run, G.Cluster);
            assert.deepStrictEqual([inputsOf(c).deletionProtection, c.options.protect], [false, false]);
            assert.strictEqual(inputsOf(c).privateClusterConfig.enablePrivateEndpoint, false);
            assert.deepStrictEqual(inputsOf(one(run, G.NodePool)).autoscaling, { minNodeCount: 0, maxNodeCount: 2 });
        });

        it("authorized networks open the public endpoint to them only; a given key is used and nothing KMS is created", async () => {
            const kmsKeyName = "projects/shop-prod/locations/europe-west1/keyRings/r/cryptoKeys/k";
            const run = await runCluster(
                {},
                { masterAuthorizedNetworks: ["203.0.113.0/24"], kmsKeyName, releaseChannel: GkeReleaseChannel.Stable },
            );
            const c = inputsOf(one(run, G.Cluster));
            assert.strictEqual(c.privateClusterConfig.enablePrivateEndpoint, false);
            assert.deepStrictEqual(c.masterAuthorizedNetworksConfig, {
                cidrBlocks: [{ cidrBlock: "203.0.113.0/24", displayName: "203.0.113.0/24" }],
            });
            assert.strictEqual(c.databaseEncryption.keyName, kmsKeyName);
            assert.deepStrictEqual(c.releaseChannel, { channel: "STABLE" });
            assert.deepStrictEqual(
                [G.KeyRing, G.Key, G.KeyGrant].map((t) => ofType(run, t).length),
                [0, 0, 0],
            );
        });

        it("looks the project number up (getProject) only when a key is created and the number is not given", async () => {
            const run = await runCluster({}, { projectNumber: undefined });
            assert.deepStrictEqual(run.calls, ["gcp:organizations/getProject:getProject"]);
            assert.match(
                inputsOf(one(run, G.KeyGrant)).member,
                /^serviceAccount:service-\d+@container-engine-robot\.iam\.gserviceaccount\.com$/,
            );
        });

        it("Autopilot: enableAutopilot, no node pool, the node account as Autopilot's default", async () => {
            const run = await runCluster({}, { autopilot: true, availabilityZones: undefined });
            const c = inputsOf(one(run, G.Cluster));
            assert.strictEqual(c.enableAutopilot, true);
            assert.strictEqual(ofType(run, G.NodePool).length, 0);
            assert.deepStrictEqual(
                [c.removeDefaultNodePool, c.nodeLocations, c.enableShieldedNodes],
                [undefined, undefined, undefined],
            );
            assert.strictEqual(
                c.clusterAutoscaling.autoProvisioningDefaults.serviceAccount,
                plain(one(run, G.Account).outputs).email,
            );
            assert.strictEqual(c.databaseEncryption.state, "ENCRYPTED");
            assert.strictEqual(c.location, "europe-west1");
        });

        it("existing: only the provider, from the kubeconfig kept secret", async () => {
            const run = await runProgram(() => {
                captured = new KubernetesCluster("shop", {
                    target: Target.Gcp,
                    gcp: {
                        region: "europe-west1",
                        existing: { kubeconfig: "apiVersion: v1\nkind: Config\n", clusterName: "shop" },
                    },
                });
            });
            assert.deepStrictEqual(
                run.resources
                    .filter((r) => r.type !== T.Stack)
                    .map((r) => r.type)
                    .sort(),
                [G.Component, G.K8sProvider].sort(),
            );
            assert.ok(isSecret(one(run, G.K8sProvider).inputs.kubeconfig));
            assert.strictEqual(plain(one(run, G.Component).outputs.clusterName), "shop");
        });
    });

    describe("invalid arguments, rejected before anything registers", () => {
        const cluster =
            (args: Partial<KubernetesClusterArgs>, gcpArgs: object = {}) =>
            () => {
                new KubernetesCluster("prod", { target: Target.Gcp, ...args, gcp: { ...base, ...gcpArgs } });
            };

        it("a zone given as gcp.region", async () => {
            await expectRejected(
                cluster({}, { region: "europe-west1-b", availabilityZones: undefined }),
                /^gcp\.region: is a zone; a regional cluster needs its region, e\.g\. "europe-west1"/,
            );
        });
        it("a release channel GKE does not have", async () => {
            await expectRejected(
                cluster({}, { releaseChannel: "NIGHTLY" }),
                /^gcp\.releaseChannel: must be one of "RAPID", "REGULAR", "STABLE"/,
            );
        });
        it("nodesPerZone.min 0 in production", async () => {
            await expectRejected(
                cluster({ nodesPerZone: { min: 0 } }),
                /^nodesPerZone\.min: must be at least 1 in production/,
            );
        });
        it("autopilot with nodesPerZone (and zones)", async () => {
            await expectRejected(
                cluster({ nodesPerZone: { min: 1 } }, { autopilot: true }),
                /^nodesPerZone: must be left out with gcp\.autopilot/,
                /^gcp\.availabilityZones: must be left out with gcp\.autopilot/,
            );
        });
        it("a malformed machine type", async () => {
            await expectRejected(
                cluster({}, { machineType: "E2 Standard" }),
                /^gcp\.machineType: must be a Compute Engine machine type/,
            );
        });
        it("no region nor zones; the Network's parts missing", async () => {
            await expectRejected(
                () => new KubernetesCluster("prod", { target: Target.Gcp, gcp: {} }),
                /^gcp\.region: is required on target gcp/,
                /^gcp\.network: is required/,
                /^gcp\.subnetwork: is required/,
                /^gcp\.podsRangeName: is required/,
                /^gcp\.servicesRangeName: is required/,
            );
        });
        it("a public or mis-sized control-plane range; two zones in production; a bad daily time", async () => {
            await expectRejected(
                cluster(
                    {},
                    {
                        masterIpv4CidrBlock: "172.16.0.0/24",
                        availabilityZones: zones.slice(0, 2),
                        maintenanceWindow: { dailyStartTime: "3am" },
                    },
                ),
                /^gcp\.masterIpv4CidrBlock: must be an RFC 1918 \/28/,
                /^gcp\.availabilityZones: must name at least 3 zones in production/,
                /^gcp\.maintenanceWindow\.dailyStartTime: must be a time "HH:MM"/,
            );
        });
    });

    describe("values pinned against the provider's documentation", () => {
        it("sends only documented values", () => {
            assert.match(documented("ClusterReleaseChannel", "channel"), /\* REGULAR:/);
            for (const ch of Object.values(GkeReleaseChannel))
                assert.match(documented("ClusterReleaseChannel", "channel"), new RegExp(`\\* ${ch}:`));
            assert.match(
                documented("ClusterDatabaseEncryption", "state"),
                new RegExp(`\`${gkeValues.databaseEncryptionState}\``),
            );
            assert.match(documented("NodePoolNodeConfigWorkloadMetadataConfig", "mode"), /Mode is the configuration/);
            const nodeConfigDoc = fs.readFileSync(require.resolve("@pulumi/gcp/types/input.d.ts"), "utf8");
            assert.ok(nodeConfigDoc.includes(`* ${gkeValues.workloadMetadataMode}: Run the GKE Metadata Server`));
            const clusterDoc = fs.readFileSync(require.resolve("@pulumi/gcp/container/cluster.d.ts"), "utf8");
            assert.ok(clusterDoc.includes(`Options are \`${gkeValues.networkingMode}\` or \`ROUTES\``));
            assert.ok(clusterDoc.includes(`Set to \`${gkeValues.datapathProvider}\` to enable Dataplane v2`));
            const keyDoc = fs.readFileSync(require.resolve("@pulumi/gcp/kms/cryptoKey.d.ts"), "utf8");
            assert.ok(keyDoc.includes("letter `s` (seconds). It must be greater than a day"));
            assert.ok(Number(gkeValues.keyRotationPeriod.slice(0, -1)) === 90 * 86400);
        });
    });
});
