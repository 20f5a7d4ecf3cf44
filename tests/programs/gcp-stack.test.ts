import * as assert from "assert";
import { RecordedResource } from "../../scripts/harness/mock-engine";
import { runStack } from "../../scripts/harness/stacks";
import { planJson } from "../../scripts/plan/outputs";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../helpers";
import { appEnv, countsByType, expectCleanVerdict, expectValidAndSecret, useStack } from "./stack-checks";

// What this proves: the resources and inputs the gcp stack's program sends (mock engine, the real
// policy pack), not that GCP accepts them or that the stack fails over as planned.

const G = {
    Network: "gcp:compute/network:Network",
    Subnetwork: "gcp:compute/subnetwork:Subnetwork",
    Router: "gcp:compute/router:Router",
    RouterNat: "gcp:compute/routerNat:RouterNat",
    PrivateRange: "gcp:compute/globalAddress:GlobalAddress",
    Peering: "gcp:servicenetworking/connection:Connection",
    Cluster: "gcp:container/cluster:Cluster",
    NodePool: "gcp:container/nodePool:NodePool",
    SqlInstance: "gcp:sql/databaseInstance:DatabaseInstance",
    SqlDatabase: "gcp:sql/database:Database",
    SqlUser: "gcp:sql/user:User",
    RedisCluster: "gcp:redis/cluster:Cluster",
    ConnectionPolicy: "gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy",
    Bucket: "gcp:storage/bucket:Bucket",
    BucketMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
    HmacKey: "gcp:storage/hmacKey:HmacKey",
    SmSecret: "gcp:secretmanager/secret:Secret",
    SmVersion: "gcp:secretmanager/secretVersion:SecretVersion",
    K8sProvider: "pulumi:providers:kubernetes",
    KubernetesServiceAccount: "kubernetes:core/v1:ServiceAccount",
} as const;

const zones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"];
const project = "gotrs-ha-example";

describe("stack gcp (GOTRS, seed 004, on GCP)", () => {
    const s = useStack("gcp");

    it("registers the VPC, regional GKE, Cloud SQL, Memorystore, RabbitMQ on GKE, GCS, Secret Manager and the app", () => {
        const counts = countsByType(s.preview);
        const expected: Record<string, number> = {
            [G.Network]: 1,
            [G.Subnetwork]: 1,
            [G.Router]: 1,
            [G.RouterNat]: 1,
            [G.PrivateRange]: 1,
            [G.Peering]: 1,
            [G.Cluster]: 1,
            [G.NodePool]: 1,
            [G.SqlInstance]: 3,
            [G.SqlDatabase]: 1,
            [G.SqlUser]: 1,
            [G.RedisCluster]: 1,
            [G.ConnectionPolicy]: 1,
            [G.Bucket]: 1,
            [G.HmacKey]: 1,
            [G.SmSecret]: 1,
            [G.SmVersion]: 1,
            [G.K8sProvider]: 1,
            [T.Platform]: 1,
            [T.AppTier]: 1,
            [T.Deployment]: 1,
            [T.Namespace]: 1,
            [T.RabbitmqClusterCR]: 1,
            [T.KubernetesOperators]: 1,
        };
        for (const [type, n] of Object.entries(expected)) assert.strictEqual(counts[type], n, type);
        // Only RabbitMQ runs on an operator: Postgres, Redis and the bucket are Google's.
        for (const type of [T.CnpgCluster, T.RedisClusterCR, T.ObjectBucketClaim])
            assert.strictEqual(counts[type], undefined, type);
    });

    it("plans without one GCP API call: project, project number and zones come from stack config", () => {
        assert.deepStrictEqual(s.preview.calls, []);
        assert.deepStrictEqual(s.update.calls, []);
    });

    it("puts every GCP resource in the stack's project, and every regional one in europe-west1", () => {
        const gcp = s.update.resources.filter((r) => r.custom && r.type.startsWith("gcp:"));
        assert.ok(gcp.length > 25);
        for (const r of gcp) {
            const inputs = plain(r.inputs);
            // Project-less inputs (a bucket's IAM member, a secret version) belong to their parent's project.
            if (inputs.project !== undefined) assert.strictEqual(inputs.project, project, `${r.type} ${r.name}`);
            if (inputs.region !== undefined) assert.strictEqual(inputs.region, "europe-west1", `${r.type} ${r.name}`);
        }
    });

    it("runs a regional GKE cluster over the 3 zones, private nodes, Dataplane V2, on the Network's ranges", () => {
        const cluster = plain(one(s.update, G.Cluster).inputs);
        assert.deepStrictEqual(
            [cluster.location, cluster.nodeLocations, cluster.datapathProvider],
            ["europe-west1", zones, "ADVANCED_DATAPATH"],
        );
        assert.strictEqual(cluster.privateClusterConfig.enablePrivateNodes, true);
        assert.strictEqual(cluster.network, plain(one(s.update, G.Network).outputs).selfLink);
        const pool = plain(one(s.update, G.NodePool).inputs);
        assert.deepStrictEqual(
            [pool.autoscaling.minNodeCount, pool.autoscaling.maxNodeCount, pool.management.autoRepair],
            [1, 3, true],
        );
    });

    it("runs Cloud SQL REGIONAL with PITR and backups 14 days, private IP only, 2 read replicas in the other zones", () => {
        const [primary, ...replicas] = ofType(s.update, G.SqlInstance).map((r) => plain(r.inputs));
        const p = primary.settings;
        assert.deepStrictEqual(
            [p.availabilityType, p.locationPreference.zone, p.locationPreference.secondaryZone],
            ["REGIONAL", zones[0], zones[1]],
        );
        assert.deepStrictEqual(
            [p.backupConfiguration.enabled, p.backupConfiguration.pointInTimeRecoveryEnabled],
            [true, true],
        );
        assert.strictEqual(p.backupConfiguration.backupRetentionSettings.retainedBackups, 14);
        assert.deepStrictEqual(
            [p.ipConfiguration.ipv4Enabled, p.ipConfiguration.sslMode, p.ipConfiguration.authorizedNetworks],
            [false, "ENCRYPTED_ONLY", undefined],
        );
        assert.deepStrictEqual([primary.deletionProtection, p.deletionProtectionEnabled], [true, true]);
        assert.deepStrictEqual(
            replicas.map((r) => [r.settings.availabilityType, r.settings.locationPreference.zone]).sort(),
            [
                ["ZONAL", zones[1]],
                ["ZONAL", zones[2]],
            ],
        );
        const primaryName = plain(ofType(s.update, G.SqlInstance)[0].outputs).name;
        for (const r of replicas) assert.strictEqual(r.masterInstanceName, primaryName);
        // Every instance peers through the Network's private services range.
        const range = plain(one(s.update, G.PrivateRange).outputs).name;
        for (const i of [primary, ...replicas]) assert.strictEqual(i.settings.ipConfiguration.allocatedIpRange, range);
    });

    it("runs Memorystore for Redis Cluster 3 × 1 over the zones, RabbitMQ 3 on GKE, a dual-region bucket", () => {
        const redis = plain(one(s.update, G.RedisCluster).inputs);
        assert.deepStrictEqual(
            [redis.shardCount, redis.replicaCount, redis.zoneDistributionConfig.mode, redis.deletionProtectionEnabled],
            [3, 1, "MULTI_ZONE", true],
        );
        assert.strictEqual(redis.transitEncryptionMode, "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION");
        const policy = plain(one(s.update, G.ConnectionPolicy).inputs);
        // The policy takes the subnet's resource path (its self link without the API prefix).
        const subnet = plain(one(s.update, G.Subnetwork).outputs).selfLink as string;
        assert.deepStrictEqual(policy.pscConfig.subnetworks, [
            subnet.replace("https://www.googleapis.com/compute/v1/", ""),
        ]);
        const mq = inputsOf(one(s.update, T.RabbitmqClusterCR)).spec;
        assert.strictEqual(mq.replicas, 3);
        assert.match(mq.rabbitmq.additionalConfig, /default_queue_type = quorum/);
        const bucket = plain(one(s.update, G.Bucket).inputs);
        assert.deepStrictEqual(
            [bucket.location, bucket.customPlacementConfig.dataLocations, bucket.versioning.enabled],
            ["EU", ["EUROPE-WEST1", "EUROPE-WEST4"], true],
        );
        assert.deepStrictEqual([bucket.publicAccessPrevention, bucket.uniformBucketLevelAccess], ["enforced", true]);
    });

    it("gives the app its settings through secretKeyRef only, GCS through Workload Identity and an HMAC key", () => {
        const env = appEnv(s.update);
        for (const name of [
            "DATABASE_URL",
            "DATABASE_READ_URL",
            "REDIS_URL",
            "AMQP_URL",
            "S3_BUCKET",
            "S3_ENDPOINT",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
        ])
            assert.deepStrictEqual(env[name].valueFrom.secretKeyRef, { name: "gotrs-env", key: name }, name);
        const pod = inputsOf(one(s.update, T.Deployment)).spec.template.spec;
        const ksa = inputsOf(one(s.update, G.KubernetesServiceAccount));
        assert.strictEqual(ksa.metadata.name, pod.serviceAccountName);
        assert.match(
            ksa.metadata.annotations["iam.gke.io/gcp-service-account"],
            /@gotrs-ha-example\.iam\.gserviceaccount\.com$/,
        );
        assert.strictEqual(
            plain(one(s.update, G.BucketMember).inputs).role,
            "roles/storage.objectUser",
            "the bucket only",
        );
    });

    it("keeps the same settings in Secret Manager and in the app's Secret, as secrets", () => {
        const version = one(s.update, G.SmVersion);
        assert.ok(isSecret(version.inputs.secretData));
        const inGcp = JSON.parse(plain(version.inputs).secretData);
        const secret = ofType(s.update, T.Secret).find((r: RecordedResource) => r.name === "gotrs-env")!;
        assert.deepStrictEqual(inGcp, plain(secret.inputs).stringData);
        assert.match(inGcp.DATABASE_URL, /^postgres:\/\/gotrs:[^@]+@10\.100\.\d+\.\d+:5432\/gotrs\?sslmode=require$/);
        assert.strictEqual(inGcp.S3_ENDPOINT, "https://storage.googleapis.com");
    });

    it("keeps every credential secret (incl. percent-encoded in URLs) and stack output", () => {
        expectValidAndSecret(s.update);
        assert.ok(isSecret(one(s.update, T.Stack).outputs.kubeconfig), "the kubeconfig output is a secret");
    });

    it("writes no password, token or key into the plan's --json (update mode, where values are known)", () => {
        const json = planJson("gcp", "update", s.update.resources, {
            counts: {},
            verdict: { diagnostics: [], violations: [], mandatory: [], advisory: [], notices: [] },
            exemptions: [],
            schemaProblems: [],
        });
        const generated = ofType(s.update, T.RandomPassword).map((r) => plain(r.outputs).result as string);
        assert.ok(generated.length >= 3, "Cloud SQL, RabbitMQ and the app's JWT secret");
        const hmac = plain(one(s.update, G.HmacKey).outputs).secret as string;
        for (const value of [...generated, hmac])
            for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])
                assert.ok(!json.includes(form), "a generated credential in the plan");
        assert.doesNotMatch(json, /(postgres|rediss?|amqps?):\/\/[^"\s]*:[^"\s@]{12,}@/, "no URL with a password");
    });

    it("passes the whole policy pack with 0 violations (preview and update)", async () => {
        await expectCleanVerdict(s.pack, s.preview, s.update);
    });

    it("rejects zones of another region than gcp:region, naming the key", async () => {
        await assert.rejects(runStack("gcp", { overrides: { "gcp:region": "europe-west4" } }), (e: Error) =>
            /gcp\.network\.availabilityZones: must be zones of gcp\.region "europe-west4"/.test(e.message),
        );
    });
});
