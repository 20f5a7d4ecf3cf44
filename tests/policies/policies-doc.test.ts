import { sharedPolicyPack } from "./shared-pack";
import * as assert from "assert";
import * as fs from "fs";
import { policies } from "../../policies/all-policies";
import { policiesDocPath, renderPoliciesDoc } from "../../scripts/policies-doc";

describe("docs/policies.md", () => {
    it("is what `npm run docs:policies` writes from the pack today", () => {
        const onDisk = fs.existsSync(policiesDocPath) ? fs.readFileSync(policiesDocPath, "utf8") : "";
        if (onDisk !== renderPoliciesDoc()) assert.fail("docs/policies.md is out of date: run npm run docs:policies");
    });

    it("has one row per policy the running pack serves, with its level, config defaults and exemption key", async () => {
        const served = await (await sharedPolicyPack()).info();
        const rows = renderPoliciesDoc()
            .split("\n")
            .filter((l) => l.startsWith("| `"));
        assert.deepStrictEqual(
            rows.map((r) => /^\| `([^`]+)`/.exec(r)![1]),
            served.map((p) => p.name),
            "one row per served policy, in order",
        );
        for (const p of served) {
            const row = rows.find((r) => r.startsWith(`| \`${p.name}\` | ${p.enforcementLevel} |`));
            assert.ok(row, `row of ${p.name} with level ${p.enforcementLevel}`);
            const key = p.name.startsWith("gcp-") ? `pulumi-ha-exempt-${p.name}` : `pulumi-ha.io/exempt-${p.name}`;
            assert.ok(row.endsWith(`| \`${key}\` |`), `exemption key of ${p.name}`);
            for (const [key, schema] of Object.entries(p.configSchema.properties)) {
                assert.ok(row.includes(`\`${key}\``), `${p.name} documents config ${key}`);
                if (schema.default !== undefined)
                    assert.ok(
                        row.includes(`default \`${JSON.stringify(schema.default)}\``),
                        `${p.name}.${key} default`,
                    );
            }
        }
        assert.strictEqual(rows.length, policies.length);
    });

    it("keeps a table cell on one line and escapes what Markdown would eat", () => {
        const doc = renderPoliciesDoc(
            [
                {
                    name: "x-test",
                    description: "a | b\nc <name> `<kept>`",
                    enforcementLevel: "advisory",
                    configSchema: { properties: {} },
                    validateResource: () => undefined,
                },
            ],
            "9.9.9",
        );
        const row = doc.split("\n").find((l) => l.startsWith("| `x-test`"))!;
        assert.ok(row.includes("a \\| b c &lt;name&gt; `<kept>`"), row);
        assert.match(doc, /pulumi-ha-policies 9\.9\.9\) has 1 policy\. /);
    });
});
