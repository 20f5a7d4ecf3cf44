import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import * as random from "@pulumi/random";
import { KubernetesOperators, Platform } from "../../components";
import { operatorPins } from "../../components/backends/kubernetes/operator-pins";
import { crdFolders } from "../../scripts/harness/crd-validate";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { UNKNOWN, plain } from "../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../helpers";

// What the program asks the Kubernetes provider to install; the provider fetches the
// charts and the manifest at deploy time, which cannot happen here.

describe("KubernetesOperators", () => {
    let run: RunResult;
    before(async () => {
        run = await runProgram(() => {
            new KubernetesOperators("ops", { rook: true });
        });
    });

    const release = (chart: string) =>
        plain(ofType(run, T.HelmRelease).find((r) => plain(r.inputs).chart === chart)!.inputs);

    it("installs each operator from its official chart at the pinned version, atomically, in its own namespace", () => {
        assert.deepStrictEqual(
            ofType(run, T.HelmRelease)
                .map((r) => {
                    const i = plain(r.inputs);
                    return [i.chart, i.version, i.repositoryOpts.repo, i.namespace, i.atomic, i.createNamespace];
                })
                .sort(),
            [
                ["cert-manager", "v1.21.2", "https://charts.jetstack.io", "cert-manager", true, true],
                ["cloudnative-pg", "0.29.0", "https://cloudnative-pg.github.io/charts", "cnpg-system", true, true],
                ["plugin-barman-cloud", "0.8.1", "https://cloudnative-pg.github.io/charts", "cnpg-system", true, true],
                [
                    "redis-operator",
                    "0.26.0",
                    "https://ot-container-kit.github.io/helm-charts/",
                    "redis-operator",
                    true,
                    true,
                ],
                ["rook-ceph", "v1.20.6", "https://charts.rook.io/release", "rook-ceph", true, true],
            ],
        );
        assert.deepStrictEqual(release("cert-manager").values, { crds: { enabled: true } });
        assert.deepStrictEqual(release("plugin-barman-cloud").values, {
            image: { tag: "v0.14.0" },
            sidecarImage: { tag: "v0.14.0" },
        });
    });

    it("installs the RabbitMQ operator from its v2.22.3 release manifest (it has no official chart)", () => {
        assert.strictEqual(
            inputsOf(one(run, T.ConfigFile)).file,
            "https://github.com/rabbitmq/cluster-operator/releases/download/v2.22.3/cluster-operator.yml",
        );
    });

    it("orders the Barman plugin after CloudNativePG and cert-manager", () => {
        const urn = (chart: string) => ofType(run, T.HelmRelease).find((r) => plain(r.inputs).chart === chart)!.urn;
        const barman = ofType(run, T.HelmRelease).find((r) => plain(r.inputs).chart === "plugin-barman-cloud")!;
        assert.deepStrictEqual(barman.dependencies.sort(), [urn("cert-manager"), urn("cloudnative-pg")].sort());
    });

    it("pins every operator to the version whose CRDs the tests validate against", () => {
        const pinned = [
            `cloudnative-pg-v${operatorPins.cloudnativePg.appVersion}`,
            `plugin-barman-cloud-v${operatorPins.barmanCloud.appVersion}`,
            `rabbitmq-cluster-operator-v${operatorPins.rabbitmqOperator.appVersion}`,
            `redis-operator-v${operatorPins.redisOperator.appVersion}`,
            `rook-ceph-v${operatorPins.rook.appVersion}`,
        ];
        assert.deepStrictEqual(pinned.sort(), [...crdFolders].sort());
        assert.ok(operatorPins.rabbitmqOperator.manifest.includes(`/v${operatorPins.rabbitmqOperator.appVersion}/`));
        assert.strictEqual(operatorPins.barmanCloud.imageTag, `v${operatorPins.barmanCloud.appVersion}`);
    });

    it("skips what the cluster already runs; Rook only when asked", async () => {
        const none = await runProgram(() => {
            new KubernetesOperators("ops", {
                certManager: false,
                cloudnativePg: false,
                redisOperator: false,
                rabbitmqOperator: false,
            });
        });
        assert.deepStrictEqual(none.resources.map((r) => r.type).sort(), [T.KubernetesOperators, T.Stack].sort());
        const defaults = await runProgram(() => {
            new KubernetesOperators("ops");
        });
        assert.ok(!ofType(defaults, T.HelmRelease).some((r) => plain(r.inputs).chart === "rook-ceph"));
    });
});

describe("operators and services on a cluster the same program creates (AWS, GCP next)", () => {
    // A cluster created in the same program has a kubeconfig that is unknown at the first
    // preview. The engine then does not configure the Kubernetes provider at all: a helm.sh/v3
    // Release and every object preview as creates without a chart fetch or an API server.
    // Anything that needs the provider during the program (an invoke, a helm.sh/v4 Chart's
    // render) would break that preview; this proves nothing here does.
    let run: RunResult;
    before(async () => {
        run = await runProgram(
            () => {
                const kubeconfig = new random.RandomPassword("kubeconfig-of-a-new-cluster", { length: 16 }).result;
                const provider = new k8s.Provider("new-cluster", { kubeconfig });
                new Platform(
                    "shop",
                    {
                        kubernetes: { namespace: "shop" },
                        app: { image: "ghcr.io/acme/shop:1.0.0" },
                        postgres: {
                            kubernetes: {
                                backup: {
                                    destination: {
                                        bucket: "backups",
                                        endpoint: "https://s3.example.com",
                                        credentialsSecretName: "keys",
                                    },
                                },
                            },
                        },
                        redis: {},
                        rabbitmq: {},
                    },
                    { provider },
                );
            },
            { preview: true },
        );
    });

    it("the provider's kubeconfig is unknown at preview", () => {
        assert.strictEqual(one(run, "pulumi:providers:kubernetes").inputs.kubeconfig, UNKNOWN);
    });

    it("every Kubernetes object and operator install goes through that provider", () => {
        const provider = one(run, "pulumi:providers:kubernetes").urn;
        const kubernetes = run.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
        assert.ok(kubernetes.length >= 20, `${kubernetes.length} objects`);
        for (const r of kubernetes)
            assert.ok(r.provider?.startsWith(`${provider}::`), `${r.type} ${r.name} uses ${r.provider}`);
        assert.deepStrictEqual(
            ofType(run, T.HelmRelease)
                .map((r) => plain(r.inputs).chart)
                .sort(),
            ["cert-manager", "cloudnative-pg", "plugin-barman-cloud", "redis-operator"],
        );
    });

    it("calls no provider function while the program runs (nothing asks the cluster anything)", () => {
        assert.deepStrictEqual(run.calls, []);
    });
});
