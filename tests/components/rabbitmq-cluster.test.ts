import * as assert from "assert";
import { Profile, RabbitMQCluster, RabbitMQClusterArgs } from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../helpers";
import { expectCredentialsOnlyInSecrets, expectRejected, expectValidObjects } from "./services";

// The inputs sent to the Kubernetes provider and their validity against the RabbitMQ
// Cluster Operator's CRD, not that the operator reconciles them on a cluster.

function runRabbit(args: RabbitMQClusterArgs = {}): Promise<RunResult> {
    return runProgram(() => {
        new RabbitMQCluster("mq", { kubernetes: { namespace: "data" }, ...args });
    });
}

describe("RabbitMQCluster (Kubernetes, RabbitMQ Cluster Operator)", () => {
    describe("production defaults (seed 004)", () => {
        let run: RunResult;
        before(async () => {
            run = await runRabbit();
        });

        it("registers a RabbitmqCluster, its default-user Secret and password, and a PDB (the operator makes none)", () => {
            assert.deepStrictEqual(
                childTypes(run, one(run, T.RabbitMQCluster)),
                [
                    T.NetworkPolicy,
                    T.Pdb,
                    T.RabbitmqClusterCR,
                    T.Secret,
                    T.RandomPassword,
                    T.TlsPrivateKey,
                    T.TlsPrivateKey,
                    T.TlsSelfSignedCert,
                    T.TlsCertRequest,
                    T.TlsLocallySignedCert,
                    T.Secret,
                ].sort(),
            );
            const pdb = inputsOf(one(run, T.Pdb)).spec;
            assert.deepStrictEqual(pdb, {
                maxUnavailable: 1,
                selector: { matchLabels: { "app.kubernetes.io/name": "mq" } },
                unhealthyPodEvictionPolicy: "AlwaysAllow",
            });
        });

        it("runs 3 nodes with quorum queues by default and pause-minority partition handling", () => {
            const spec = inputsOf(one(run, T.RabbitmqClusterCR)).spec;
            assert.strictEqual(spec.replicas, 3);
            assert.strictEqual(spec.image, "rabbitmq:4.2.6-management");
            assert.strictEqual(
                spec.rabbitmq.additionalConfig,
                "default_queue_type = quorum\ncluster_partition_handling = pause_minority\n",
            );
            assert.deepStrictEqual(spec.persistence, { storage: "10Gi" });
        });

        it("spreads the nodes over 3 zones strictly, through the operator's StatefulSet override", () => {
            const pod = inputsOf(one(run, T.RabbitmqClusterCR)).spec.override.statefulSet.spec.template.spec;
            assert.deepStrictEqual(pod.containers, [{ name: "rabbitmq" }]);
            assert.deepStrictEqual(pod.topologySpreadConstraints, [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "DoNotSchedule",
                    minDomains: 3,
                    labelSelector: { matchLabels: { "app.kubernetes.io/name": "mq" } },
                },
            ]);
        });

        it("serves AMQPS and HTTPS only, with a generated CA's certificate for the service and its pods", () => {
            assert.deepStrictEqual(inputsOf(one(run, T.RabbitmqClusterCR)).spec.tls, {
                secretName: "mq-tls",
                disableNonTLSListeners: true,
            });
            const dnsNames: string[] = inputsOf(one(run, T.TlsCertRequest)).dnsNames;
            assert.ok(
                dnsNames.includes("mq.data.svc.cluster.local") &&
                    dnsNames.includes("*.mq-nodes.data.svc.cluster.local"),
            );
            assert.match(plain(one(run, T.RabbitMQCluster).outputs).caCertificate, /^-----BEGIN CERTIFICATE-----/);
        });

        it("hands the operator generated credentials as an external secret; every output with them is secret", () => {
            const secret = ofType(run, T.Secret).find((s) => s.name === "mq-default-user")!;
            assert.ok(isSecret(secret.inputs.stringData));
            const data = plain(secret.inputs).stringData;
            assert.deepStrictEqual(Object.keys(data).sort(), ["default_user.conf", "password", "username"]);
            assert.strictEqual(data["default_user.conf"], `default_user = app\ndefault_pass = ${data.password}\n`);
            assert.deepStrictEqual(inputsOf(one(run, T.RabbitmqClusterCR)).spec.secretBackend, {
                externalSecret: { name: "mq-default-user" },
            });
            const out = one(run, T.RabbitMQCluster).outputs;
            assert.ok(isSecret(out.credentials) && isSecret(out.url));
            assert.strictEqual(plain(out.url), `amqps://app:${data.password}@mq.data.svc.cluster.local:5671/`);
            expectCredentialsOnlyInSecrets(run);
        });

        it("outputs the AMQP and management endpoints in plain", () => {
            const out = one(run, T.RabbitMQCluster).outputs;
            assert.deepStrictEqual(plain([out.amqpEndpoint, out.managementEndpoint, out.port]), [
                "mq.data.svc.cluster.local",
                "https://mq.data.svc.cluster.local:15671",
                5671,
            ]);
            assert.ok(!isSecret(out.amqpEndpoint));
        });

        it("protects the cluster and emits objects valid against the Kubernetes schema and the CRD", () => {
            assert.strictEqual(one(run, T.RabbitmqClusterCR).options.protect, true);
            assert.deepStrictEqual(expectValidObjects(run), { core: 4, custom: 1 });
        });
    });

    it("takes overrides (5 nodes, classic queues, storage class) and development runs one node without a PDB", async () => {
        const big = await runRabbit({
            nodes: 5,
            quorumQueuesByDefault: false,
            storageGiB: 50,
            kubernetes: { namespace: "data", storageClass: "ssd" },
        });
        const spec = inputsOf(one(big, T.RabbitmqClusterCR)).spec;
        assert.deepStrictEqual([spec.replicas, spec.persistence], [5, { storage: "50Gi", storageClassName: "ssd" }]);
        assert.doesNotMatch(spec.rabbitmq.additionalConfig, /quorum/);
        const dev = await runRabbit({ profile: Profile.Development });
        assert.strictEqual(inputsOf(one(dev, T.RabbitmqClusterCR)).spec.replicas, 1);
        assert.strictEqual(ofType(dev, T.Pdb).length, 0);
        assert.strictEqual(inputsOf(one(dev, T.RabbitmqClusterCR)).spec.tls, undefined);
        assert.match(plain(one(dev, T.RabbitMQCluster).outputs).url, /^amqp:\/\/app:.*:5672\/$/);
    });

    describe("rejects bad arguments before registering anything", () => {
        const reject = (args: RabbitMQClusterArgs, ...patterns: RegExp[]) =>
            expectRejected(
                () => {
                    new RabbitMQCluster("mq", args);
                },
                ...patterns,
            );
        it("an even number of nodes in production", () =>
            reject(
                { nodes: 4 },
                /^nodes: must be odd and at least 3 in production so quorum queues keep a majority \(got 4\)/,
            ));
        it("one node in production", () => reject({ nodes: 1 }, /^nodes: must be odd and at least 3 in production/));
        it("nodes out of range and a bad storage size", () =>
            reject({ nodes: 11, storageGiB: 1.5 }, /^nodes: must be an integer from 1 to 9/, /^storageGiB/));
        it("a bad version", () => reject({ version: "four" }, /^version: must be a version such as "4\.1\.4"/));
    });
});
