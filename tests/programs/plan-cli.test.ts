import * as assert from "assert";
import { execFile, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectRoot } from "../../scripts/harness/policy-runner";

interface PlanRun {
    code: number | null;
    out: string;
    err: string;
}

const planScript = path.join(projectRoot, "build/scripts/plan.js");

// The plan as a user runs it: a separate process, its stdout and exit code.
function plan(...args: string[]): PlanRun {
    const r = spawnSync(process.execPath, [planScript, ...args], { cwd: projectRoot, encoding: "utf8" });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same, without blocking: the full plans below run side by side, each process on its own. */
function planInBackground(...args: string[]): Promise<PlanRun> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [planScript, ...args],
            { cwd: projectRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
            (error, out, err) => resolve({ code: error ? ((error.code as number | undefined) ?? null) : 0, out, err }),
        );
    });
}

describe("npm run plan", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const policyConfig = path.join(tmp, "policy.json");
    fs.writeFileSync(policyConfig, JSON.stringify({ "k8s-hpa-min-replicas": { minReplicas: 4 } }));
    const runs = {} as Record<"local" | "update" | "safeshare" | "aws" | "gcp", PlanRun>;
    before(async function () {
        this.timeout(600000);
        const [local, update, safeshare, aws, gcp] = await Promise.all([
            planInBackground("--yaml", path.join(tmp, "yaml"), "--json", path.join(tmp, "plan.json")),
            planInBackground("--update", "--yaml", path.join(tmp, "y2"), "--json", path.join(tmp, "p2.json")),
            planInBackground("safeshare", "--policy-config", policyConfig),
            planInBackground("aws"),
            planInBackground("gcp"),
        ]);
        Object.assign(runs, { local, update, safeshare, aws, gcp });
    });

    it("plans the local stack by default: tree, counts, schema and 0 violations, exit 0", () => {
        const r = runs.local;
        assert.strictEqual(r.code, 0, r.out + r.err);
        assert.match(r.out, /^Plan of stack "local" \(preview; offline, mock engine, nothing deployed\)/);
        assert.match(
            r.out,
            /├─ pulumi-ha:index:Platform {2}gotrs\n│ {2}├─ pulumi-ha:index:KubernetesOperators {2}gotrs-operators\n/,
        );
        for (const line of [
            "kubernetes:helm.sh/v3:Release  gotrs-operators-cloudnative-pg",
            "kubernetes:yaml/v2:ConfigFile  gotrs-operators-rabbitmq-operator",
            "kubernetes:postgresql.cnpg.io/v1:Cluster  gotrs-postgres  [protect]",
            "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster  gotrs-redis  [protect]",
            "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster  gotrs-rabbitmq  [protect]",
            "kubernetes:ceph.rook.io/v1:CephObjectStore  gotrs-storage  [protect]",
            "pulumi-ha:index:AppTier  gotrs",
        ])
            assert.ok(r.out.includes(line), line);
        // 60 since issue 8: the Redis AUTH password and Secret lost their SharedSecret wrapper (aliased).
        assert.match(r.out, /Resources: 60\n/);
        assert.match(
            r.out,
            /Kubernetes schema \(1\.33\): 23 object\(s\) validated, 0 problem\(s\)\nOperator CRD schemas \(cloudnative-pg-v1\.30\.0, .*\): 7 custom resource\(s\) validated, 0 problem\(s\)/,
        );
        assert.match(r.out, /Policies: 0 mandatory, 0 advisory violation\(s\)/);
        const manifests = fs.readdirSync(path.join(tmp, "yaml"));
        assert.strictEqual(manifests.length, 30);
        assert.ok(manifests.some((f) => /deployment-gotrs-gotrs-/.test(f)));
        assert.ok(manifests.some((f) => /cluster-gotrs-gotrs-postgres\.yaml$/.test(f)));
        const json = JSON.parse(fs.readFileSync(path.join(tmp, "plan.json"), "utf8"));
        assert.strictEqual(json.resources.length, 60);
        assert.deepStrictEqual(json.verdict.mandatory, []);
    });

    it("never writes a secret value (update mode, where values are known)", () => {
        const r = runs.update;
        assert.strictEqual(r.code, 0, r.out + r.err);
        const json = JSON.parse(fs.readFileSync(path.join(tmp, "p2.json"), "utf8"));
        const bytes = json.resources.find((x: any) => x.type === "random:index/randomBytes:RandomBytes");
        assert.deepStrictEqual(bytes.outputs.hex, "[secret]");
        assert.deepStrictEqual(bytes.secretOutputs.sort(), ["base64", "hex"]);
        const secretYaml = fs.readdirSync(path.join(tmp, "y2")).find((f) => f.includes("-secret-gotrs-gotrs-env"))!;
        const envSecret = fs.readFileSync(path.join(tmp, "y2", secretYaml), "utf8");
        for (const key of ["ENCRYPTION_KEY", "DATABASE_URL", "REDIS_URL", "AMQP_URL"])
            assert.match(envSecret, new RegExp(`${key}: "\\[secret\\]"`), key);
        const written =
            fs
                .readdirSync(path.join(tmp, "y2"))
                .map((f) => fs.readFileSync(path.join(tmp, "y2", f), "utf8"))
                .join("\n") +
            fs.readFileSync(path.join(tmp, "p2.json"), "utf8") +
            r.out;
        assert.doesNotMatch(written, /[0-9a-f]{64}/, "no 32-byte hex key anywhere");
        assert.doesNotMatch(written, /PRIVATE KEY-----\n[^[]/, "no private key anywhere");
        assert.doesNotMatch(
            written,
            /(postgres|rediss?|amqps?):\/\/[^"\s]*:[A-Za-z0-9]{16,}@/,
            "no connection URL with a password anywhere",
        );
    });

    it("plans a named stack, and exits 1 naming the policy and resource when --policy-config makes it fail", () => {
        const r = runs.safeshare;
        assert.strictEqual(r.code, 1, r.out + r.err);
        assert.match(r.out, /^Plan of stack "safeshare"/);
        assert.ok(
            r.out.includes("kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisSentinel  safeshare-redis-sentinel"),
        );
        assert.match(r.out, /6 custom resource\(s\) validated, 0 problem\(s\)/);
        assert.match(
            r.out,
            /Policies: 1 mandatory, 0 advisory violation\(s\)\n {2}\[mandatory\] k8s-hpa-min-replicas {2}kubernetes:autoscaling\/v2:HorizontalPodAutoscaler safeshare\n.*minReplicas 2; needs at least 4/,
        );
    });

    it("plans the aws stack offline: the VPC, EKS, the managed services and the app, 0 violations, exit 0", () => {
        const r = runs.aws;
        assert.strictEqual(r.code, 0, r.out + r.err);
        assert.match(r.out, /^Plan of stack "aws"/);
        for (const line of [
            "pulumi-ha:index:Network  gotrs-network",
            "aws:eks/cluster:Cluster  gotrs-cluster  [protect]",
            "aws:rds/cluster:Cluster  gotrs-postgres-cluster  [protect]",
            "aws:elasticache/replicationGroup:ReplicationGroup  gotrs-redis-group  [protect]",
            "aws:mq/broker:Broker  gotrs-rabbitmq  [protect]",
            "aws:s3/bucket:Bucket  gotrs-storage  [protect]",
            "aws:secretsmanager/secretVersion:SecretVersion  gotrs-env-value",
            "pulumi-ha:index:AppTier  gotrs",
        ])
            assert.ok(r.out.includes(line), line);
        assert.match(r.out, /Resources: 112\n/);
        assert.match(r.out, /Policies: 0 mandatory, 0 advisory violation\(s\)/);
    });

    it("plans the gcp stack offline: the VPC, GKE, Cloud SQL, Memorystore, RabbitMQ on GKE, GCS, 0 violations, exit 0", () => {
        const r = runs.gcp;
        assert.strictEqual(r.code, 0, r.out + r.err);
        assert.match(r.out, /^Plan of stack "gcp"/);
        for (const line of [
            "pulumi-ha:index:Network  gotrs-network",
            "gcp:container/cluster:Cluster  gotrs-cluster  [protect]",
            "gcp:sql/databaseInstance:DatabaseInstance  gotrs-postgres  [protect; ignoreChanges settings.diskSize]",
            "gcp:redis/cluster:Cluster  gotrs-redis  [protect]",
            "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster  gotrs-rabbitmq  [protect]",
            "gcp:storage/bucket:Bucket  gotrs-storage  [protect]",
            "gcp:secretmanager/secretVersion:SecretVersion",
            "pulumi-ha:index:AppTier  gotrs",
        ])
            assert.ok(r.out.includes(line), line);
        assert.match(r.out, /Resources: 68\n/);
        assert.match(r.out, /1 custom resource\(s\) validated, 0 problem\(s\)/);
        assert.match(r.out, /Policies: 0 mandatory, 0 advisory violation\(s\)/);
    });

    it("exits 2 on an unknown stack, listing the stacks", () => {
        const r = plan("nope");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /unknown stack "nope"; the stacks are: aws, gcp, local, safeshare/);
    });

    it("exits 2 with usage on a bad argument", () => {
        const r = plan("--yaml");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /--yaml needs a value\nusage: npm run plan/);
    });
});
