import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectRoot } from "../harness/policy-runner";

// The plan as a user runs it: a separate process, its stdout and exit code.
function plan(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(projectRoot, "build/scripts/plan.js"), ...args], { cwd: projectRoot, encoding: "utf8" });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run plan", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("plans the local stack by default: tree, counts, schema and 0 violations, exit 0", () => {
        const r = plan("--yaml", path.join(tmp, "yaml"), "--json", path.join(tmp, "plan.json"));
        assert.strictEqual(r.code, 0, r.out + r.err);
        assert.match(r.out, /^Plan of stack "local" \(preview; offline, mock engine, nothing deployed\)/);
        assert.match(r.out, /├─ pulumi-ha:index:AppTier {2}safeshare\n│ {2}├─ kubernetes:core\/v1:ConfigMap {2}safeshare-env/);
        assert.match(r.out, /Resources: 12\n/);
        assert.match(r.out, /Kubernetes schema \(1\.33\): 8 object\(s\) validated, 0 problem\(s\)/);
        assert.match(r.out, /Policies: 0 mandatory, 0 advisory violation\(s\)/);
        const manifests = fs.readdirSync(path.join(tmp, "yaml"));
        assert.strictEqual(manifests.length, 8);
        assert.ok(manifests.some((f) => /deployment-safeshare-safeshare-/.test(f)));
        const json = JSON.parse(fs.readFileSync(path.join(tmp, "plan.json"), "utf8"));
        assert.strictEqual(json.resources.length, 12);
        assert.deepStrictEqual(json.verdict.mandatory, []);
    });

    it("never writes a secret value (update mode, where values are known)", () => {
        const r = plan("--update", "--yaml", path.join(tmp, "y2"), "--json", path.join(tmp, "p2.json"));
        assert.strictEqual(r.code, 0, r.out + r.err);
        const json = JSON.parse(fs.readFileSync(path.join(tmp, "p2.json"), "utf8"));
        const bytes = json.resources.find((x: any) => x.type === "random:index/randomBytes:RandomBytes");
        assert.deepStrictEqual(bytes.outputs.hex, "[secret]");
        assert.deepStrictEqual(bytes.secretOutputs.sort(), ["base64", "hex"]);
        const secretYaml = fs.readdirSync(path.join(tmp, "y2")).find((f) => f.includes("-secret-"))!;
        assert.match(fs.readFileSync(path.join(tmp, "y2", secretYaml), "utf8"), /encryption-key: "\[secret\]"/);
        assert.doesNotMatch(fs.readFileSync(path.join(tmp, "p2.json"), "utf8") + r.out, /[0-9a-f]{64}/, "no 32-byte hex key anywhere");
    });

    it("exits 1 naming the policy and resource when --policy-config makes the stack fail", () => {
        const cfg = path.join(tmp, "policy.json");
        fs.writeFileSync(cfg, JSON.stringify({ "k8s-hpa-min-replicas": { minReplicas: 3 } }));
        const r = plan("local", "--policy-config", cfg);
        assert.strictEqual(r.code, 1, r.out + r.err);
        assert.match(r.out, /Policies: 1 mandatory, 0 advisory violation\(s\)\n {2}\[mandatory\] k8s-hpa-min-replicas {2}kubernetes:autoscaling\/v2:HorizontalPodAutoscaler safeshare\n.*minReplicas 2; needs at least 3/);
    });

    it("exits 2 on an unknown stack, listing the stacks", () => {
        const r = plan("nope");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /unknown stack "nope"; the stacks are: local/);
    });

    it("exits 2 with usage on a bad argument", () => {
        const r = plan("--yaml");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /--yaml needs a value\nusage: npm run plan/);
    });
});
