import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectRoot } from "../../scripts/harness/policy-runner";

// The plan as a user runs it: a separate process, its stdout and exit code.
function plan(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(projectRoot, "build/scripts/plan.js"), ...args], {
        cwd: projectRoot,
        encoding: "utf8",
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run plan", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("plans the local stack by default: tree, counts, schema and 0 violations, exit 0", () => {
        const r = plan("--yaml", path.join(tmp, "yaml"), "--json", path.join(tmp, "plan.json"));
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
        const r = plan("--update", "--yaml", path.join(tmp, "y2"), "--json", path.join(tmp, "p2.json"));
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
        const cfg = path.join(tmp, "policy.json");
        fs.writeFileSync(cfg, JSON.stringify({ "k8s-hpa-min-replicas": { minReplicas: 4 } }));
        const r = plan("safeshare", "--policy-config", cfg);
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
        const r = plan("aws");
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
