import * as assert from "assert";
import {
    AppTier,
    AppTierArgs,
    ObjectStorage,
    PostgresCluster,
    PostgresClusterArgs,
    Profile,
    RabbitMQCluster,
    RedisCluster,
    RedisMode,
} from "../../components";
import { RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { T, inputsOf, one, ofType } from "../helpers";
import { expectRejected, expectValidObjects } from "./services";

// Issue 7, sections 2 and 3: pods that start on a real cluster, sized and fenced data services,
// backups that leave the failure domain. What the components send, under the mock engine.

const run = (program: () => void) => runProgram(program);
const destination = { bucket: "backups", endpoint: "https://s3.example.com", credentialsSecretName: "backup-keys" };
const pgArgs: PostgresClusterArgs = {
    kubernetes: { namespace: "data", partOf: "shop", backup: { destination } },
    pooler: { enabled: true },
};

/** The NetworkPolicies of a run, by the labels their podSelector matches. */
function policyFor(r: RunResult, labels: Record<string, string>): any {
    const sameLabels = (m: Record<string, string> | undefined) =>
        !!m &&
        Object.keys(m).length === Object.keys(labels).length &&
        Object.entries(labels).every(([k, v]) => m[k] === v);
    const found = ofType(r, T.NetworkPolicy)
        .map(inputsOf)
        .filter((p) => sameLabels(p.spec.podSelector.matchLabels));
    assert.strictEqual(found.length, 1, `one NetworkPolicy selecting ${JSON.stringify(labels)}`);
    return found[0];
}

const ns = (name: string) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } });
const pods = (labels: Record<string, string>) => ({ podSelector: { matchLabels: labels } });
const tcp = (...ports: Array<number | string>) => ports.map((port) => ({ protocol: "TCP", port }));

describe("AppTier: a numeric user, a read-only root and a fence", () => {
    const app = (args: Partial<AppTierArgs>) =>
        run(() => {
            new AppTier("web", { image: "ghcr.io/acme/web:1.2.3", ...args });
        });

    it("sets the numeric ids the kubelet needs to verify runAsNonRoot", async () => {
        const r = await app({ security: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 } });
        assert.deepStrictEqual(inputsOf(one(r, T.Deployment)).spec.template.spec.securityContext, {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: "RuntimeDefault" },
        });
    });

    it("mounts an emptyDir at every writable path and makes the root filesystem read-only", async () => {
        const r = await app({ security: { writablePaths: ["/tmp", "/app/cache"] } });
        const spec = inputsOf(one(r, T.Deployment)).spec.template.spec;
        assert.deepStrictEqual(spec.volumes, [
            { name: "writable-0", emptyDir: {} },
            { name: "writable-1", emptyDir: {} },
        ]);
        assert.deepStrictEqual(spec.containers[0].volumeMounts, [
            { name: "writable-0", mountPath: "/tmp" },
            { name: "writable-1", mountPath: "/app/cache" },
        ]);
        assert.strictEqual(spec.containers[0].securityContext.readOnlyRootFilesystem, true);
        const off = await app({ security: { writablePaths: ["/tmp"], readOnlyRootFilesystem: false } });
        assert.strictEqual(
            inputsOf(one(off, T.Deployment)).spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem,
            undefined,
        );
        expectValidObjects(r);
    });

    it("admits only the ingress controller's namespace and the platform's pods, on the app port", async () => {
        const r = await app({ partOf: "shop", ingress: { host: "web.example.com", tlsSecretName: "web-tls" } });
        const policy = policyFor(r, { "app.kubernetes.io/instance": "web" });
        assert.deepStrictEqual(policy.spec, {
            podSelector: { matchLabels: { "app.kubernetes.io/instance": "web" } },
            policyTypes: ["Ingress", "Egress"],
            ingress: [
                { from: [ns("ingress-nginx"), pods({ "app.kubernetes.io/part-of": "shop" })], ports: tcp("http") },
            ],
            // Out: DNS, its own namespace (its services), and https anywhere (external APIs, S3).
            egress: [
                {
                    ports: [
                        { protocol: "UDP", port: 53 },
                        { protocol: "TCP", port: 53 },
                    ],
                },
                { to: [{ podSelector: {} }] },
                { ports: tcp(443) },
            ],
        });
        const dev = await app({ profile: Profile.Development });
        assert.strictEqual(ofType(dev, T.NetworkPolicy).length, 0, "development: no fence unless asked");
    });

    it("lets the app reach the namespaces and ports it is given", async () => {
        const r = await app({ networkPolicy: { egressNamespaces: ["rook-ceph"], egressPorts: [443, 587] } });
        const egress = policyFor(r, { "app.kubernetes.io/instance": "web" }).spec.egress;
        assert.deepStrictEqual(egress.slice(1), [
            { to: [{ podSelector: {} }, ns("rook-ceph")] },
            { ports: tcp(443, 587) },
        ]);
    });

    it("lets the app reach single endpoints on one port each, and rejects one that is not an IPv4 range", async () => {
        const r = await app({ networkPolicy: { egressEndpoints: [{ cidr: "169.254.170.23/32", port: 80 }] } });
        const egress = policyFor(r, { "app.kubernetes.io/instance": "web" }).spec.egress;
        assert.deepStrictEqual(egress.slice(3), [{ to: [{ ipBlock: { cidr: "169.254.170.23/32" } }], ports: tcp(80) }]);
        await expectRejected(
            () => {
                new AppTier("web", {
                    image: "ghcr.io/acme/web:1.2.3",
                    networkPolicy: { egressEndpoints: [{ cidr: "agent.local", port: 0 }] },
                });
            },
            /^networkPolicy\.egressEndpoints\[0\]\.cidr: must be an IPv4 CIDR such as "169\.254\.170\.23\/32" \(got "agent\.local"\)$/,
            /^networkPolicy\.egressEndpoints\[0\]\.port: /,
        );
    });

    it("rejects root, a relative or repeated writable path", () =>
        expectRejected(
            () => {
                new AppTier("web", {
                    image: "ghcr.io/acme/web:1.2.3",
                    security: { runAsUser: 0, writablePaths: ["tmp", "/a", "/a"] },
                });
            },
            /^security\.runAsUser: must be an integer from 1 to 2147483647 \(got 0\)/,
            /^security\.writablePaths\[0\]: must be an absolute path/,
            /^security\.writablePaths: must not list a path twice/,
        ));
});

describe("PostgresCluster: sized, fenced, pinned, backed up elsewhere", () => {
    let r: RunResult;
    before(async () => {
        r = await run(() => {
            new PostgresCluster("pg", pgArgs);
        });
    });

    it("runs Guaranteed QoS instances (requests = limits) and sized PgBouncer pods", () => {
        const spec = inputsOf(one(r, T.CnpgCluster)).spec;
        assert.deepStrictEqual(spec.resources, {
            requests: { cpu: "1", memory: "2Gi" },
            limits: { cpu: "1", memory: "2Gi" },
        });
        const pgbouncer = inputsOf(one(r, T.Pooler)).spec.template.spec.containers[0];
        assert.deepStrictEqual(pgbouncer.resources, {
            requests: { cpu: "100m", memory: "128Mi" },
            limits: { cpu: "500m", memory: "256Mi" },
        });
    });

    it("states PgBouncer's pinned image, a liveness probe and the non-root identity CloudNativePG gives it", () => {
        const template = inputsOf(one(r, T.Pooler)).spec.template.spec;
        const pgbouncer = template.containers[0];
        assert.deepStrictEqual(
            [pgbouncer.name, pgbouncer.image, pgbouncer.livenessProbe.tcpSocket],
            ["pgbouncer", "ghcr.io/cloudnative-pg/pgbouncer:1.25.1", { port: 5432 }],
        );
        assert.deepStrictEqual(
            [
                pgbouncer.securityContext.runAsNonRoot,
                pgbouncer.securityContext.allowPrivilegeEscalation,
                pgbouncer.securityContext.capabilities,
            ],
            [true, false, { drop: ["ALL"] }],
        );
        assert.deepStrictEqual([template.securityContext.runAsUser, template.securityContext.runAsGroup], [998, 996]);
    });

    it("pins the operand image to a full version", () => {
        assert.strictEqual(
            inputsOf(one(r, T.CnpgCluster)).spec.imageName,
            "ghcr.io/cloudnative-pg/postgresql:17.10-standard-trixie",
        );
    });

    it("admits the operator (5432, status 8000), the instances, the pooler and the platform's clients only", () => {
        const instances = policyFor(r, { "cnpg.io/cluster": "pg" });
        assert.deepStrictEqual(instances.spec.ingress, [
            { from: [ns("cnpg-system"), pods({ "cnpg.io/cluster": "pg" })], ports: tcp(5432, 8000) },
            {
                from: [pods({ "app.kubernetes.io/part-of": "shop" }), pods({ "cnpg.io/poolerName": "pg-pooler-rw" })],
                ports: tcp(5432),
            },
        ]);
        const pooler = policyFor(r, { "cnpg.io/poolerName": "pg-pooler-rw" });
        assert.deepStrictEqual(pooler.spec.ingress, [
            { from: [pods({ "app.kubernetes.io/part-of": "shop" })], ports: tcp(5432) },
        ]);
        // Out: DNS, the instances, and the API server (CloudNativePG's instance manager watches it).
        assert.deepStrictEqual(pooler.spec.egress.slice(1), [
            { to: [pods({ "cnpg.io/cluster": "pg" })], ports: tcp(5432) },
            { ports: tcp(443, 6443) },
        ]);
    });

    it("names its operator's namespace when it runs elsewhere, and can be unfenced", async () => {
        const moved = await run(() => {
            new PostgresCluster("pg", {
                ...pgArgs,
                kubernetes: { ...pgArgs.kubernetes, operatorNamespace: "platform-operators" },
            });
        });
        assert.deepStrictEqual(
            policyFor(moved, { "cnpg.io/cluster": "pg" }).spec.ingress[0].from[0],
            ns("platform-operators"),
        );
        const open = await run(() => {
            new PostgresCluster("pg", { ...pgArgs, kubernetes: { ...pgArgs.kubernetes, networkPolicy: false } });
        });
        assert.strictEqual(ofType(open, T.NetworkPolicy).length, 0);
    });

    it("takes sizing overrides", async () => {
        const big = await run(() => {
            new PostgresCluster("pg", {
                ...pgArgs,
                kubernetes: {
                    ...pgArgs.kubernetes,
                    resources: { cpuRequest: "4", cpuLimit: "4", memoryRequest: "16Gi", memoryLimit: "16Gi" },
                },
            });
        });
        assert.deepStrictEqual(inputsOf(one(big, T.CnpgCluster)).spec.resources.limits, { cpu: "4", memory: "16Gi" });
    });

    it("refuses a backup destination inside the cluster in production without a reason", () =>
        expectRejected(() => {
            new PostgresCluster("pg", {
                kubernetes: {
                    backup: {
                        destination: { ...destination, endpoint: "https://minio.storage.svc.cluster.local:9000" },
                    },
                },
            });
        }, /^kubernetes\.backup\.destination\.endpoint: is inside the cluster it backs up/));

    it("refuses a plain-http backup destination in production", () =>
        expectRejected(() => {
            new PostgresCluster("pg", {
                kubernetes: { backup: { destination: { ...destination, endpoint: "http://backups.example.com" } } },
            });
        }, /^kubernetes\.backup\.destination\.endpoint: must be https in the production profile/));

    it("accepts one with a reason, and records the reason on the ObjectStore for the pack", async () => {
        const reason = "MinIO replicates the bucket to a second site";
        const inCluster = await run(() => {
            new PostgresCluster("pg", {
                kubernetes: {
                    backup: {
                        inClusterReason: reason,
                        destination: { ...destination, endpoint: "https://minio.storage.svc.cluster.local" },
                    },
                },
            });
        });
        assert.strictEqual(
            inputsOf(one(inCluster, T.BarmanObjectStore)).metadata.annotations["pulumi-ha.io/backup-in-cluster-reason"],
            reason,
        );
    });

    it("a major it has no pinned minor for needs a full version", () =>
        expectRejected(() => {
            new PostgresCluster("pg", { ...pgArgs, version: "16" });
        }, /^version: must name a minor release such as "16\.4" \(images are pinned to a full version; pinned majors: 17, 18\), or give kubernetes\.image/));
});

describe("RedisCluster, RabbitMQCluster, ObjectStorage: sized and fenced", () => {
    it("Redis replicated: servers and Sentinels sized; maxmemory below the limit; each set fenced", async () => {
        const r = await run(() => {
            new RedisCluster("cache", { kubernetes: { partOf: "shop" } });
        });
        const replication = inputsOf(one(r, T.RedisReplication)).spec;
        assert.deepStrictEqual(replication.kubernetesConfig.resources, {
            requests: { cpu: "500m", memory: "1Gi" },
            limits: { cpu: "1", memory: "1Gi" },
        });
        assert.deepStrictEqual(inputsOf(one(r, T.RedisSentinel)).spec.kubernetesConfig.resources.limits, {
            cpu: "200m",
            memory: "128Mi",
        });
        assert.match(
            inputsOf(one(r, T.ConfigMap)).data["redis-additional.conf"],
            /\nmaxmemory 805306368\n/,
            "75 % of 1Gi",
        );
        const clients = pods({ "app.kubernetes.io/part-of": "shop" });
        assert.deepStrictEqual(policyFor(r, { app: "cache" }).spec.ingress, [
            {
                from: [pods({ app: "cache" }), pods({ app: "cache-sentinel" }), ns("redis-operator"), clients],
                ports: tcp(6379),
            },
        ]);
        assert.deepStrictEqual(policyFor(r, { app: "cache-sentinel" }).spec.ingress, [
            { from: [pods({ app: "cache-sentinel" }), ns("redis-operator"), clients], ports: tcp(26379) },
        ]);
    });

    it("Redis cluster: leaders and followers reach each other on the data port and the cluster bus", async () => {
        const r = await run(() => {
            new RedisCluster("cache", { mode: RedisMode.Cluster });
        });
        for (const role of ["leader", "follower"]) {
            const ingress = policyFor(r, { app: `cache-${role}` }).spec.ingress;
            assert.deepStrictEqual(ingress[0], {
                from: [pods({ app: "cache-leader" }), pods({ app: "cache-follower" })],
                ports: tcp(6379, 16379),
            });
        }
        assert.ok(inputsOf(one(r, T.RedisClusterCR)).spec.kubernetesConfig.resources.limits.memory);
    });

    it("RabbitMQ: the operator's default sizing made explicit; nodes, operator and clients each on their ports", async () => {
        const r = await run(() => {
            new RabbitMQCluster("mq", { kubernetes: { partOf: "shop" } });
        });
        assert.deepStrictEqual(inputsOf(one(r, T.RabbitmqClusterCR)).spec.resources, {
            requests: { cpu: "1", memory: "2Gi" },
            limits: { cpu: "2", memory: "2Gi" },
        });
        const ingress = policyFor(r, { "app.kubernetes.io/name": "mq" }).spec.ingress;
        assert.deepStrictEqual(ingress, [
            {
                from: [pods({ "app.kubernetes.io/name": "mq" })],
                ports: [...tcp(4369, 25672), { protocol: "TCP", port: 35672, endPort: 35682 }],
            },
            { from: [ns("rabbitmq-system")], ports: tcp(15671) },
            { from: [pods({ "app.kubernetes.io/part-of": "shop" })], ports: tcp(5671) },
        ]);
        expectValidObjects(r);
    });

    it("Rook gateways: sized; fenced in Rook's namespace, admitting Rook and the platform's clients on the pod port 8080", async () => {
        const r = await run(() => {
            new ObjectStorage("files", { kubernetes: { namespace: "shop", partOf: "shop" } });
        });
        assert.deepStrictEqual(inputsOf(one(r, T.CephObjectStore)).spec.gateway.resources, {
            requests: { cpu: "500m", memory: "1Gi" },
            limits: { cpu: "2", memory: "2Gi" },
        });
        const policy = policyFor(r, { app: "rook-ceph-rgw", rook_object_store: "files" });
        assert.strictEqual(policy.metadata.namespace, "rook-ceph");
        assert.deepStrictEqual(policy.spec.ingress, [
            {
                from: [
                    ns("rook-ceph"),
                    { ...ns("shop"), podSelector: { matchLabels: { "app.kubernetes.io/part-of": "shop" } } },
                    { ...ns("shop"), podSelector: { matchLabels: { "pulumi-ha.io/object-storage-client": "true" } } },
                ],
                ports: tcp(8080),
            },
        ]);
    });

    it("a bad quantity in any sizing argument is an argument error", () =>
        expectRejected(() => {
            new RabbitMQCluster("mq", { kubernetes: { resources: { memoryLimit: "lots" } } });
        }, /^kubernetes\.resources\.memoryLimit: must be a Kubernetes quantity/));
});
