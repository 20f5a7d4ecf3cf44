import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ProgramError, runProgram } from "../../scripts/harness/mock-engine";
import { UNKNOWN, isSecret, secretPaths } from "../../scripts/harness/wire";
import { T, one } from "../helpers";

describe("harness: mock engine", () => {
    it("records type, URN, parent, dependencies and options", async () => {
        const run = await runProgram(() => {
            const ns = new k8s.core.v1.Namespace("ns", { metadata: { name: "apps" } }, { protect: true });
            new k8s.core.v1.ConfigMap(
                "cm",
                { metadata: { namespace: ns.metadata.name }, data: { a: "b" } },
                {
                    ignoreChanges: ["data"],
                    deleteBeforeReplace: true,
                    dependsOn: [ns],
                    retainOnDelete: true,
                },
            );
        });
        const ns = one(run, T.Namespace);
        const cm = one(run, T.ConfigMap);
        assert.strictEqual(ns.urn, "urn:pulumi:test::pulumi-ha::kubernetes:core/v1:Namespace::ns");
        assert.strictEqual(cm.parent, one(run, T.Stack).urn);
        assert.ok(ns.options.protect);
        assert.deepStrictEqual(cm.options.ignoreChanges, ["data"]);
        assert.strictEqual(cm.options.deleteBeforeReplace, true);
        assert.strictEqual(cm.options.retainOnDelete, true);
        assert.deepStrictEqual(cm.dependencies, [ns.urn]);
        assert.deepStrictEqual(cm.propertyDependencies.metadata, [ns.urn]);
    });

    it("keeps secret markers where they were, in inputs and outputs", async () => {
        const run = await runProgram(() => {
            new k8s.core.v1.ConfigMap("cm", { data: { plain: "x", hidden: pulumi.secret("y") } });
        });
        const cm = one(run, T.ConfigMap);
        assert.deepStrictEqual(secretPaths(cm.inputs), ["data.hidden"]);
        assert.deepStrictEqual(secretPaths(cm.outputs), ["data.hidden"], "a secret input stays secret in the outputs");
        assert.ok(!isSecret(cm.outputs.data));
    });

    it("returns unknown computed values in preview and realistic ones in update", async () => {
        const program = () => {
            new k8s.core.v1.Service("svc", { spec: { ports: [{ port: 80 }] } });
        };
        const preview = one(await runProgram(program, { preview: true }), T.Service);
        const update = one(await runProgram(program), T.Service);
        assert.strictEqual((preview.outputs as any).spec.clusterIP, UNKNOWN);
        assert.match((update.outputs as any).spec.clusterIP, /^10\.96\.\d+\.\d+$/);
        assert.match((update.outputs as any).metadata.name, /^svc-[a-z0-9]{8}$/, "auto-named like the provider");
        assert.strictEqual(preview.id, undefined);
        assert.strictEqual(update.id, `default/${(update.outputs as any).metadata.name}`);
    });

    it("does not leak resources, config or stack between runs", async () => {
        const first = await runProgram(
            () => {
                new k8s.core.v1.Namespace("a", {});
                return { c: new pulumi.Config().get("x") };
            },
            { stack: "one", config: { "pulumi-ha:x": "1" } },
        );
        const second = await runProgram(
            () => {
                new k8s.core.v1.Namespace("b", {});
                return { c: new pulumi.Config().get("x") ?? "unset" };
            },
            { stack: "two" },
        );
        assert.deepStrictEqual(
            first.resources.map((r) => r.name),
            ["pulumi-ha-one", "a"],
        );
        assert.deepStrictEqual(
            second.resources.map((r) => r.name),
            ["pulumi-ha-two", "b"],
        );
        assert.deepStrictEqual([first.stackOutputs.c, second.stackOutputs.c], ["1", "unset"]);
    });

    it("fails a program that registers the same URN twice, as the engine would", async () => {
        await assert.rejects(
            runProgram(() => {
                new k8s.core.v1.Namespace("dup", {});
                new k8s.core.v1.Namespace("dup", {});
            }),
            (err: ProgramError) => /duplicate resource URN .*Namespace::dup/.test(err.message),
        );
    });

    it("works again after a failed run", async () => {
        await assert.rejects(
            runProgram(() => {
                throw new Error("boom");
            }),
            /program failed: boom/,
        );
        const run = await runProgram(() => {
            new k8s.core.v1.Namespace("after", {});
        });
        assert.deepStrictEqual(
            run.resources.map((r) => r.name),
            ["pulumi-ha-test", "after"],
        );
    });
});
