import * as assert from "assert";
import { RecordedResource, RunResult } from "../../scripts/harness/mock-engine";
import { runStack } from "../../scripts/harness/stacks";
import { planJson } from "../../scripts/plan/outputs";
import { isSecret, plain } from "../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../helpers";
import { appEnv, countsByType, expectCleanVerdict, expectValidAndSecret, useStack } from "./stack-checks";

// What this proves: the resources and inputs the aws stack's program sends (mock engine, the real
// policy pack), not that AWS accepts them or that the stack fails over as planned.

const A = {
    Vpc: "aws:ec2/vpc:Vpc",
    Subnet: "aws:ec2/subnet:Subnet",
    NatGateway: "aws:ec2/natGateway:NatGateway",
    EksCluster: "aws:eks/cluster:Cluster",
    NodeGroup: "aws:eks/nodeGroup:NodeGroup",
    RdsCluster: "aws:rds/cluster:Cluster",
    RdsInstance: "aws:rds/clusterInstance:ClusterInstance",
    ReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    Broker: "aws:mq/broker:Broker",
    Bucket: "aws:s3/bucket:Bucket",
    Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    Ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    SmSecret: "aws:secretsmanager/secret:Secret",
    SmVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    PodIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    K8sProvider: "pulumi:providers:kubernetes",
    ServiceAccount: "kubernetes:core/v1:ServiceAccount",
} as const;

const zones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"];

function zonesOf(run: RunResult, type: string, key = "availabilityZone"): string[] {
    return ofType(run, type).map((r) => plain(r.inputs)[key] as string);
}

describe("stack aws (GOTRS, seed 004, on AWS)", () => {
    const s = useStack("aws");

    it("registers the VPC, EKS, Aurora, ElastiCache, Amazon MQ, S3, Secrets Manager and the app on EKS", () => {
        const counts = countsByType(s.preview);
        const expected: Record<string, number> = {
            [A.Vpc]: 1,
            [A.Subnet]: 6,
            [A.NatGateway]: 3,
            [A.EksCluster]: 1,
            [A.NodeGroup]: 3,
            [A.RdsCluster]: 1,
            [A.RdsInstance]: 3,
            [A.ReplicationGroup]: 1,
            [A.Broker]: 1,
            [A.Bucket]: 1,
            [A.Versioning]: 1,
            [A.Encryption]: 1,
            [A.PublicAccessBlock]: 1,
            [A.SmSecret]: 1,
            [A.SmVersion]: 1,
            [A.PodIdentity]: 1,
            [A.K8sProvider]: 1,
            [T.Platform]: 1,
            [T.AppTier]: 1,
            [T.Deployment]: 1,
            [T.Namespace]: 1,
        };
        for (const [type, n] of Object.entries(expected)) assert.strictEqual(counts[type], n, type);
        assert.strictEqual(s.preview.resources.length, 112);
        // No operator, no in-cluster data service: the managed services replace them.
        for (const type of [T.HelmRelease, T.ConfigFile, T.CnpgCluster, T.RedisClusterCR, T.RabbitmqClusterCR])
            assert.strictEqual(counts[type], undefined, type);
    });

    it("plans without one AWS API call: the zones come from stack config", () => {
        assert.deepStrictEqual(s.preview.calls, []);
        assert.deepStrictEqual(s.update.calls, []);
    });

    it("spreads subnets, NAT gateways and node groups over 3 zones, one each", () => {
        const subnets = zonesOf(s.update, A.Subnet);
        assert.deepStrictEqual([...new Set(subnets)].sort(), zones);
        assert.strictEqual(subnets.length, 6, "a public and a private subnet per zone");
        const natSubnets = ofType(s.update, A.NatGateway).map((r) => plain(r.inputs).subnetId);
        assert.strictEqual(new Set(natSubnets).size, 3, "a NAT gateway per zone, each in its own subnet");
        const groups = ofType(s.update, A.NodeGroup).map((r) => plain(r.inputs));
        assert.deepStrictEqual(
            groups.map((g) => [g.subnetIds.length, g.scalingConfig.minSize, g.scalingConfig.maxSize]),
            [
                [1, 1, 3],
                [1, 1, 3],
                [1, 1, 3],
            ],
        );
    });

    it("runs Aurora as a writer and 2 readers, one per zone, in promotion order, backups 14 days", () => {
        const instances = ofType(s.update, A.RdsInstance).map((r) => plain(r.inputs));
        assert.deepStrictEqual(
            instances.map((i) => [i.availabilityZone, i.promotionTier]),
            zones.map((z, i) => [z, i]),
        );
        const cluster = plain(one(s.update, A.RdsCluster).inputs);
        assert.deepStrictEqual(
            [cluster.engine, cluster.backupRetentionPeriod, cluster.storageEncrypted, cluster.deletionProtection],
            ["aurora-postgresql", 14, true, true],
        );
        assert.match(cluster.finalSnapshotIdentifier, /^gotrs-postgres-final-[0-9a-f]{8}$/);
        assert.ok(isSecret(one(s.update, A.RdsCluster).inputs.masterPassword));
    });

    it("runs ElastiCache as 3 shards × 1 replica over the zones and Amazon MQ as a 3-zone cluster", () => {
        const group = plain(one(s.update, A.ReplicationGroup).inputs);
        assert.deepStrictEqual(
            [group.numNodeGroups, group.replicasPerNodeGroup, group.automaticFailoverEnabled, group.multiAzEnabled],
            [3, 1, true, true],
        );
        assert.deepStrictEqual(group.nodeGroupConfigurations.map((n: any) => n.primaryAvailabilityZone).sort(), zones);
        const broker = plain(one(s.update, A.Broker).inputs);
        assert.deepStrictEqual(
            [broker.deploymentMode, broker.engineVersion, broker.hostInstanceType, broker.publiclyAccessible],
            ["CLUSTER_MULTI_AZ", "4.2", "mq.m7g.large", false],
        );
        assert.strictEqual(broker.subnetIds.length, 3);
    });

    it("places every data service in the private subnets behind a group that admits only the cluster", () => {
        const clusterGroup = plain(one(s.update, A.EksCluster).outputs).vpcConfig.clusterSecurityGroupId;
        const rules = ofType(s.update, A.Ingress).map((r) => plain(r.inputs));
        assert.deepStrictEqual(rules.map((r) => r.fromPort).sort(), [5432, 5671, 6379]);
        for (const r of rules) {
            assert.strictEqual(r.referencedSecurityGroupId, clusterGroup);
            assert.strictEqual(r.cidrIpv4, undefined);
        }
        const privateSubnets = ofType(s.update, A.Subnet)
            .filter((r) => r.name.includes("private"))
            .map((r) => r.id);
        assert.deepStrictEqual(plain(one(s.update, A.Broker).inputs).subnetIds.sort(), [...privateSubnets].sort());
    });

    it("creates every Kubernetes object through the EKS cluster's provider, none through the default one", () => {
        const provider = one(s.update, A.K8sProvider);
        const onCluster = s.update.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
        assert.ok(onCluster.length >= 10);
        for (const r of onCluster)
            assert.ok(r.provider?.startsWith(`${provider.urn}::`), `${r.type} ${r.name} goes to the EKS cluster`);
        const ns = inputsOf(one(s.update, T.Namespace)).metadata.labels;
        assert.strictEqual(ns["pod-security.kubernetes.io/enforce"], "restricted", "only the app runs there");
    });

    it("gives the app its settings through secretKeyRef only, and S3 through Pod Identity (no keys)", () => {
        const env = appEnv(s.update);
        for (const name of ["DATABASE_URL", "DATABASE_READ_URL", "REDIS_URL", "AMQP_URL", "S3_BUCKET", "S3_REGION"])
            assert.deepStrictEqual(env[name].valueFrom.secretKeyRef, { name: "gotrs-env", key: name }, name);
        assert.strictEqual(env.AWS_ACCESS_KEY_ID, undefined);
        assert.strictEqual(env.AWS_SECRET_ACCESS_KEY, undefined);
        const pod = inputsOf(one(s.update, T.Deployment)).spec.template.spec;
        const association = plain(one(s.update, A.PodIdentity).inputs);
        assert.deepStrictEqual(
            [association.namespace, association.serviceAccount, association.clusterName],
            ["gotrs", pod.serviceAccountName, plain(one(s.update, A.EksCluster).outputs).name],
        );
        assert.strictEqual(inputsOf(one(s.update, A.ServiceAccount)).metadata.name, pod.serviceAccountName);
    });

    it("keeps the same settings in Secrets Manager and in the app's Secret, as secrets", () => {
        const version = one(s.update, A.SmVersion);
        assert.ok(isSecret(version.inputs.secretString));
        const inAws = JSON.parse(plain(version.inputs).secretString);
        const secret = ofType(s.update, T.Secret).find((r: RecordedResource) => r.name === "gotrs-env")!;
        assert.deepStrictEqual(inAws, plain(secret.inputs).stringData);
        assert.match(
            inAws.DATABASE_URL,
            /^postgres:\/\/gotrs:[^@]+@[^/]+\.cluster-[a-z0-9]+\.eu-central-1\.rds\.amazonaws\.com:5432\/gotrs\?sslmode=/,
        );
        assert.match(inAws.AMQP_URL, /^amqps:\/\/pulumi-ha-admin:[^@]+@b-[0-9a-f-]+\.mq\.eu-central-1\.on\.aws:5671$/);
        assert.strictEqual(inAws.S3_REGION, "eu-central-1");
    });

    it("keeps every credential secret (incl. percent-encoded in URLs) and stack output", () => {
        expectValidAndSecret(s.update);
        assert.ok(isSecret(one(s.update, T.Stack).outputs.kubeconfig), "the kubeconfig output is a secret");
    });

    it("writes no password, token or key into the plan's --json (update mode, where values are known)", () => {
        const json = planJson("aws", "update", s.update.resources, {
            counts: {},
            verdict: { diagnostics: [], violations: [], mandatory: [], advisory: [], notices: [] },
            exemptions: [],
            schemaProblems: [],
        });
        const generated = ofType(s.update, T.RandomPassword).map((r) => plain(r.outputs).result as string);
        assert.strictEqual(generated.length, 4, "Aurora, ElastiCache, Amazon MQ and the app's JWT secret");
        for (const value of generated)
            for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])
                assert.ok(!json.includes(form), "a generated credential in the plan");
        assert.doesNotMatch(
            json,
            /(postgres|rediss?|amqps?):\/\/[^"\s]*:[^"\s@]{12,}@/,
            "no connection URL with a password",
        );
        assert.doesNotMatch(json, /[0-9a-f]{64}/, "no 32-byte hex key");
    });

    it("passes the whole policy pack with 0 violations (preview and update)", async () => {
        await expectCleanVerdict(s.pack, s.preview, s.update);
    });

    it("rejects zones of another region than aws:region, naming the key", async () => {
        await assert.rejects(runStack("aws", { overrides: { "aws:region": "us-east-1" } }), (e: Error) =>
            /aws\.network\.availabilityZones: must be zones of aws\.region "us-east-1"/.test(e.message),
        );
    });
});
