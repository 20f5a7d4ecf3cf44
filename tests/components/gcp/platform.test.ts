import * as assert from "assert";
import { Platform, PlatformArgs, Target } from "../../../components";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { plain } from "../../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";

// What this proves: what a Platform on target gcp registers and refuses under the mock engine
// (the inputs we send), not that GCP accepts them. The gcp stack's own test covers the full GOTRS plan.

const app = { image: "ghcr.io/acme/shop:2.3.1", security: { runAsUser: 1000, runAsGroup: 1000 } };
const zones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];
const G = {
    Network: "gcp:compute/network:Network",
    Subnetwork: "gcp:compute/subnetwork:Subnetwork",
    Cluster: "gcp:container/cluster:Cluster",
    NodePool: "gcp:container/nodePool:NodePool",
    K8sProvider: "pulumi:providers:kubernetes",
    RabbitmqCluster: "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster",
    SecretManager: "gcp:secretmanager/secret:Secret",
} as const;

function platform(args: PlatformArgs, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            new Platform("shop", args);
        },
        { preview },
    );
}

describe("Platform on target gcp", () => {
    describe("with RabbitMQ on its GKE cluster", () => {
        let run: RunResult;
        before(async () => {
            run = await platform({
                target: Target.Gcp,
                app,
                rabbitmq: {},
                gcp: { project: "shop-prod-1", network: { availabilityZones: zones } },
                kubernetes: { namespace: "shop" },
            });
        });

        it("creates the VPC and a regional GKE cluster over the Network's zones, in the zones' region", () => {
            const cluster = inputsOf(one(run, G.Cluster));
            assert.strictEqual(cluster.location, "europe-west1");
            assert.deepStrictEqual(cluster.nodeLocations, zones);
            assert.strictEqual(cluster.project, "shop-prod-1");
            const network = one(run, G.Network);
            assert.strictEqual(cluster.network, plain(network.outputs).selfLink, "on the Platform's network");
            assert.strictEqual(cluster.subnetwork, plain(one(run, G.Subnetwork).outputs).selfLink);
        });

        it("runs RabbitMQ through its operator on GKE, every Kubernetes object through the GKE provider", () => {
            const mq = one(run, G.RabbitmqCluster);
            assert.strictEqual(inputsOf(mq).metadata.namespace, "shop");
            assert.strictEqual(ofType(run, T.KubernetesOperators).length, 1);
            const provider = one(run, G.K8sProvider).urn;
            for (const r of run.resources.filter((r) => r.type.startsWith("kubernetes:")))
                assert.ok(r.provider?.startsWith(provider), `${r.type} ${r.name} goes to GKE`);
        });

        it("keeps the app's settings in Secret Manager beside the Kubernetes Secret, in the Platform's project", () => {
            const secret = inputsOf(one(run, G.SecretManager));
            assert.strictEqual(secret.project, "shop-prod-1");
            const ns = one(run, T.Namespace);
            assert.strictEqual(inputsOf(ns).metadata.labels["pod-security.kubernetes.io/enforce"], "baseline");
        });
    });

    describe("rejects before registering anything", () => {
        it("a region that is not the zones' and a part in another project", () =>
            expectRejected(
                () => {
                    new Platform("shop", {
                        target: Target.Gcp,
                        app,
                        gcp: {
                            region: "europe-west4",
                            project: "shop-prod-1",
                            network: { availabilityZones: zones },
                            secrets: { project: "other-project" },
                        },
                    });
                },
                /^gcp\.secrets\.project: must be the Platform's gcp\.project "shop-prod-1" or left out \(got "other-project"\)/,
                /^gcp\.network\.availabilityZones: must be zones of gcp\.region "europe-west4"/,
            ));
        it("aws settings on gcp", () =>
            expectRejected(() => {
                new Platform("shop", { target: Target.Gcp, app, aws: {}, gcp: { region: "europe-west1" } });
            }, /^aws: applies only with target "aws" \(got target "gcp"\)/));
    });
});
