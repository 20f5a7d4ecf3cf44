import * as assert from "assert";
import { kubernetesObjects, validateKubernetesObjects } from "../harness/k8s-validate";
import { RunResult } from "../harness/mock-engine";
import { PolicyPackProcess } from "../harness/policy-runner";
import { UnknownStackError, listStacks, loadStackConfig, runStack } from "../harness/stacks";
import { isSecret, plain, secretPaths } from "../harness/wire";
import { T, inputsOf, ofType, one } from "../helpers";

describe("stack local (SafeShare, seed 000)", () => {
    let pack: PolicyPackProcess;
    let preview: RunResult;
    let update: RunResult;
    before(async () => {
        pack = await PolicyPackProcess.start();
        preview = await runStack("local", { preview: true });
        update = await runStack("local", { preview: false });
    });
    after(() => pack?.stop());

    it("is the embedded default stack and the only one so far", () => {
        assert.deepStrictEqual(listStacks(), ["local"]);
    });

    it("registers the SafeShare topology: namespace, shared secret, app tier with HPA, PDB and Ingress", () => {
        const counts = Object.fromEntries([...new Set(preview.resources.map((r) => r.type))].map((t) => [t, ofType(preview, t).length]));
        assert.deepStrictEqual(counts, {
            [T.Stack]: 1, [T.Namespace]: 1, [T.SharedSecret]: 1, [T.RandomBytes]: 1, [T.Secret]: 1,
            [T.AppTier]: 1, [T.ConfigMap]: 1, [T.Deployment]: 1, [T.Service]: 1, [T.Pdb]: 1, [T.Hpa]: 1, [T.Ingress]: 1,
        });
    });

    it("runs 3 replicas, HPA 2-10, probes, preStop and a 1/1 rolling update in namespace safeshare", () => {
        const d = inputsOf(one(preview, T.Deployment));
        assert.strictEqual(d.metadata.namespace, "safeshare");
        assert.strictEqual(d.spec.replicas, 3);
        assert.deepStrictEqual(d.spec.strategy.rollingUpdate, { maxUnavailable: 1, maxSurge: 1 });
        const c = d.spec.template.spec.containers[0];
        assert.strictEqual(c.livenessProbe.httpGet.path, "/health/live");
        assert.strictEqual(c.readinessProbe.httpGet.path, "/health/ready");
        assert.deepStrictEqual(c.lifecycle.preStop, { sleep: { seconds: 5 } });
        const hpa = inputsOf(one(preview, T.Hpa)).spec;
        assert.deepStrictEqual([hpa.minReplicas, hpa.maxReplicas], [2, 10]);
    });

    it("passes the whole policy pack with 0 violations (preview and update)", async () => {
        for (const run of [preview, update]) {
            const v = await pack.evaluate(run.resources);
            assert.deepStrictEqual(v.violations, [], JSON.stringify(v.violations, null, 1));
            assert.deepStrictEqual(v.notices, []);
        }
    });

    it("fails k8s-min-replicas on the Deployment when the stack's replicas is set to 1", async () => {
        const app = JSON.parse(loadStackConfig("local")["pulumi-ha:app"]);
        const run = await runStack("local", { overrides: { app: { ...app, replicas: 1 } } });
        const v = await pack.evaluate(run.resources);
        assert.deepStrictEqual(v.mandatory.map((d) => [d.policy, d.urn.split("::").pop()]), [["k8s-min-replicas", "safeshare"]]);
        assert.ok(v.mandatory[0].urn.includes("kubernetes:apps/v1:Deployment"));
    });

    it("fails k8s-pdb-coverage on the Deployment when the stack's disruption budget is switched off", async () => {
        const app = JSON.parse(loadStackConfig("local")["pulumi-ha:app"]);
        const run = await runStack("local", { overrides: { app: { ...app, disruptionBudget: false } } });
        assert.strictEqual(ofType(run, T.Pdb).length, 0);
        const v = await pack.evaluate(run.resources);
        assert.deepStrictEqual(v.mandatory.map((d) => [d.policy, d.urn.split("::").pop()]), [["k8s-pdb-coverage", "safeshare"]]);
    });

    it("gives every Kubernetes object a valid Kubernetes 1.33 schema (update mode, all values known)", () => {
        const objects = kubernetesObjects(update.resources, false);
        assert.strictEqual(objects.length, 8);
        const result = validateKubernetesObjects(objects);
        assert.deepStrictEqual(result.problems, []);
        assert.strictEqual(result.validated, 8);
    });

    it("keeps the encryption key secret everywhere: random output, Secret data, component and stack outputs", () => {
        assert.deepStrictEqual(secretPaths(one(update, T.RandomBytes).outputs).sort(), ["base64", "hex"]);
        const secret = one(update, T.Secret);
        assert.deepStrictEqual(secretPaths(secret.inputs), ["stringData"]);
        assert.deepStrictEqual(secretPaths(secret.outputs).sort(), ["data", "stringData"]);
        assert.ok(isSecret(one(update, T.SharedSecret).outputs.values));
        const key = plain(one(update, T.RandomBytes).outputs).hex as string;
        for (const r of update.resources) {
            // The value may appear only inside secret wrappers: strip them and it must be gone.
            const exposed = JSON.stringify(r.inputs, (_k, v) => (isSecret(v) ? "[secret]" : v)) + JSON.stringify(r.outputs, (_k, v) => (isSecret(v) ? "[secret]" : v));
            assert.ok(!exposed.includes(key), `${r.type} ${r.name} exposes the key outside a secret`);
        }
        assert.ok(!JSON.stringify(update.stackOutputs).includes(key), "stack outputs hold no secret");
    });

    it("reads the key through secretKeyRef and no credential as a literal", () => {
        const env = inputsOf(one(update, T.Deployment)).spec.template.spec.containers[0].env;
        assert.deepStrictEqual(env.find((e: any) => e.name === "ENCRYPTION_KEY"), {
            name: "ENCRYPTION_KEY", valueFrom: { secretKeyRef: { name: "safeshare-secrets", key: "encryption-key" } },
        });
        assert.ok(env.every((e: any) => e.value === undefined));
    });

    it("rejects an unknown stack, listing the stacks there are", () => {
        assert.throws(() => loadStackConfig("prod"), (e: Error) => e instanceof UnknownStackError && /unknown stack "prod"; the stacks are: local/.test(e.message));
    });

    it("rejects bad stack config with the key and the allowed values", async () => {
        await assert.rejects(runStack("local", { overrides: { topology: "kafka" } }), /config pulumi-ha:topology must be one of safeshare \(got "kafka"\)/);
        await assert.rejects(runStack("local", { overrides: { app: { image: "x", replica: 3 } } }), /config pulumi-ha:app has unknown keys replica; allowed: image, replicas/);
    });
});
