import * as assert from "assert";
import { Platform, PlatformArgs, RedisMode, Target } from "../../../components";
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
    ServiceAccount: "gcp:serviceaccount/account:Account",
    WorkloadIdentityUser: "gcp:serviceaccount/iAMMember:IAMMember",
    HmacKey: "gcp:storage/hmacKey:HmacKey",
    KubernetesServiceAccount: "kubernetes:core/v1:ServiceAccount",
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
    describe("with RabbitMQ on its GKE cluster, a Memorystore cluster and a bucket", () => {
        let run: RunResult;
        before(async () => {
            run = await platform({
                target: Target.Gcp,
                app,
                rabbitmq: {},
                redis: { mode: RedisMode.Cluster, shards: 3, replicasPerShard: 1 },
                objectStorage: { bucket: "shop-files-example" },
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

        it("lets the app reach Memorystore's discovery endpoint and node ports, and no data port else", () => {
            const egress = inputsOf(one(run, T.NetworkPolicy, "shop")).spec.egress;
            const anywhere = egress.find((e: any) => e.to === undefined && e.ports.some((p: any) => p.port === 443));
            assert.deepStrictEqual(anywhere.ports, [
                { protocol: "TCP", port: 443 },
                { protocol: "TCP", port: 6379 },
                { protocol: "TCP", port: 11000, endPort: 13047 },
            ]);
        });

        it("binds the app's ServiceAccount to the bucket's Google service account through Workload Identity", () => {
            const account = plain(one(run, G.ServiceAccount, "shop-storage-storage").outputs).email;
            const ksa = inputsOf(one(run, G.KubernetesServiceAccount));
            assert.deepStrictEqual(
                [ksa.metadata.name, ksa.metadata.namespace, ksa.metadata.annotations],
                ["shop", "shop", { "iam.gke.io/gcp-service-account": account }],
            );
            assert.strictEqual(inputsOf(one(run, T.Deployment)).spec.template.spec.serviceAccountName, "shop");
            const bindingResource = one(run, G.WorkloadIdentityUser);
            // GCP refuses a member of <project>.svc.id.goog until a cluster has made that pool.
            assert.ok(
                bindingResource.propertyDependencies?.member?.includes(one(run, G.Cluster).urn),
                "the binding waits for the GKE cluster",
            );
            const binding = inputsOf(bindingResource);
            assert.deepStrictEqual(
                [binding.role, binding.member],
                ["roles/iam.workloadIdentityUser", "serviceAccount:shop-prod-1.svc.id.goog[shop/shop]"],
            );
            // The pods reach the GKE metadata server for their tokens.
            const egress = inputsOf(one(run, T.NetworkPolicy, "shop")).spec.egress;
            for (const [cidr, port] of [
                ["169.254.169.254/32", 80],
                ["169.254.169.252/32", 988],
            ] as const)
                assert.ok(
                    egress.some((e: any) => e.to?.[0]?.ipBlock?.cidr === cidr && e.ports[0].port === port),
                    `${cidr}:${port}`,
                );
        });

        it("gives the app the bucket's S3-compatible endpoint and HMAC key through secretKeyRef only", () => {
            const env = Object.fromEntries(
                inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0].env.map((e: any) => [e.name, e]),
            );
            for (const name of ["S3_ENDPOINT", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
                assert.deepStrictEqual(env[name].valueFrom.secretKeyRef, { name: "shop-env", key: name }, name);
            const data = plain(ofType(run, T.Secret).find((r) => r.name === "shop-env")!.inputs).stringData;
            assert.strictEqual(data.S3_ENDPOINT, "https://storage.googleapis.com");
            assert.strictEqual(data.AWS_SECRET_ACCESS_KEY, plain(one(run, G.HmacKey).outputs).secret);
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
