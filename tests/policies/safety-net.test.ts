import * as assert from "assert";
import { PolicyResource, UnknownValueError, unknownCheckingProxy } from "@pulumi/policy";
import { notJudged, resourcePolicy, stackPolicy } from "../../policies/common/define";
import { UNKNOWN } from "../../scripts/harness/wire";
import { JudgedResource, evaluateInProcess } from "./in-process";

const meta = {
    description: "test policy of the safety net",
    remediationSteps: "none",
    enforcementLevel: "mandatory" as const,
    severity: "low" as const,
    configSchema: { properties: {} },
};
const types = ["kubernetes:apps/v1:Deployment"];

function deployment(name: string, props: Record<string, unknown>): JudgedResource {
    return {
        type: types[0],
        name,
        urn: `urn:pulumi:test::p::${types[0]}::${name}`,
        dependencies: [],
        propertyDependencies: {},
        inputs: props,
        stackProps: props,
    };
}

const broken = () => {
    throw new TypeError("x.some is not a function");
};

describe("policies/common/define.ts safety net", () => {
    it("turns an exception of a resource policy into one mandatory violation naming the resource, not an error", () => {
        const p = resourcePolicy({ ...meta, name: "net-resource", types, validate: broken });
        const v = evaluateInProcess(
            [p],
            [deployment("web", { metadata: { name: "web-k8s" } }), deployment("nameless", { metadata: { name: 7 } })],
        );
        assert.deepStrictEqual(v.errors, []);
        assert.deepStrictEqual(
            v.mandatory.map((d) => [d.urn.split("::").pop(), d.message]),
            [
                [
                    "web",
                    `net-resource ${notJudged} Deployment web-k8s: its properties have a shape the policy does not expect (TypeError: x.some is not a function). Fix the resource, or exempt it with a reason (pulumi-ha.io/exempt-net-resource); please report the shape as a bug of the pack.`,
                ],
                [
                    "nameless",
                    `net-resource ${notJudged} Deployment nameless: its properties have a shape the policy does not expect (TypeError: x.some is not a function). Fix the resource, or exempt it with a reason (pulumi-ha.io/exempt-net-resource); please report the shape as a bug of the pack.`,
                ],
            ],
        );
    });

    it("turns an exception of a stack policy into a violation on the item, or on the stack when collecting fails", () => {
        const onItem = stackPolicy<object, { resource: PolicyResource }>({
            ...meta,
            name: "net-item",
            items: (rs) => rs.map((resource) => ({ resource })),
            validate: broken,
        });
        const onItems = stackPolicy<object, { resource: PolicyResource }>({
            ...meta,
            name: "net-items",
            items: broken,
            validate: () => undefined,
        });
        const v = evaluateInProcess([onItem, onItems], [deployment("web", {})]);
        assert.deepStrictEqual(v.errors, []);
        assert.deepStrictEqual(
            v.mandatory.map((d) => [d.policy, d.urn.split("::").pop()]),
            [
                ["net-item", "web"],
                ["net-items", ""],
            ],
        );
        assert.ok(v.mandatory.every((d) => d.message.includes(notJudged)));
    });

    it("lets a value unknown at preview through as the analyzer's notice, never a violation", () => {
        const reads = resourcePolicy({
            ...meta,
            name: "net-unknown",
            types,
            validate: (props: any) => {
                if (props.spec.replicas < 2) throw new Error("unreachable");
            },
        });
        const v = evaluateInProcess([reads], [deployment("web", { spec: { replicas: UNKNOWN } })]);
        assert.deepStrictEqual([v.errors, v.violations], [[], []]);
        assert.strictEqual(v.notices.length, 1);
        // What the SDK's proxy throws is what define.ts lets through.
        assert.throws(() => unknownCheckingProxy({ a: UNKNOWN }).a, UnknownValueError);
    });

    it("reads only exemption annotations: another annotation unknown at preview does not stop the judging", () => {
        const judgesReplicas = resourcePolicy({
            ...meta,
            name: "net-exempt",
            types,
            validate: (props: any, _args, _config, report) => {
                if (props.spec.replicas < 2) report("too few");
            },
        });
        const annotated = (annotations: Record<string, unknown>) =>
            deployment("web", { metadata: { annotations }, spec: { replicas: 1 } });
        assert.strictEqual(
            evaluateInProcess([judgesReplicas], [annotated({ "checksum/config": UNKNOWN })]).mandatory.length,
            1,
        );
        assert.strictEqual(
            evaluateInProcess(
                [judgesReplicas],
                [annotated({ "checksum/config": UNKNOWN, "pulumi-ha.io/exempt-net-exempt": "load test" })],
            ).violations.length,
            0,
        );
        // An unknown exemption might exempt it: a notice.
        assert.strictEqual(
            evaluateInProcess([judgesReplicas], [annotated({ "pulumi-ha.io/exempt-net-exempt": UNKNOWN })]).notices
                .length,
            1,
        );
    });
});
