// npm run sdk-check: what `pulumi package gen-sdk provider --language python` does, without the
// CLI. Serves provider/ as the nodejs language host does and takes its schema (GetSchema), then
// runs scripts/sdk-check (Go, Pulumi's own schema binder and Python code generator) on it, and
// checks that every name the Python sample uses is in the generated SDK.
// Not part of `npm test`: the first run downloads and builds Pulumi's Go codegen (minutes).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { installedSdk, servePluginSchema } from "../tests/harness/component-plugin";
import { projectRoot } from "../tests/harness/policy-runner";
import { pythonSampleNames } from "../tests/harness/python-names";

async function main(): Promise<number> {
    const out = path.join(projectRoot, "build", "sdk-check");
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const schema = await servePluginSchema();
    const externals = (schema.dependencies ?? []).map((d) => {
        const sdk = installedSdk(`@pulumi/${d.name}`);
        return { name: sdk.name, version: sdk.version, resources: [...sdk.tokens].filter((t) => t.split(":").length === 3).sort() };
    });
    fs.writeFileSync(path.join(out, "schema.json"), JSON.stringify(schema, null, 2));
    fs.writeFileSync(path.join(out, "externals.json"), JSON.stringify(externals));
    console.log(`schema: ${Object.keys(schema.resources).length} components, ${Object.keys(schema.types).length} types; depends on ${externals.map((e) => `${e.name} v${e.version}`).join(", ") || "nothing"}`);

    const python = path.join(out, "python");
    const go = spawnSync("go", ["run", ".", path.join(out, "schema.json"), path.join(out, "externals.json"), python], {
        cwd: path.join(projectRoot, "scripts", "sdk-check"),
        stdio: "inherit",
    });
    if (go.error) throw go.error;
    if (go.status !== 0) return 1;

    // Every name the sample uses must be one the generated SDK defines: the module, each class,
    // each keyword argument given to it, each attribute read from a resource, each enum member.
    const bodies = new Map<string, string>();
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(p);
            else if (p.endsWith(".py")) {
                const chunks = fs.readFileSync(p, "utf8").split(/^(?=class \w+[(:])/m);
                for (const chunk of chunks) {
                    const m = /^class (\w+)[(:]/.exec(chunk);
                    if (m) bodies.set(m[1], (bodies.get(m[1]) ?? "") + chunk);
                }
            }
        }
    };
    walk(python);
    const modules = fs.readdirSync(python, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const used = pythonSampleNames(fs.readFileSync(path.join(projectRoot, "examples", "python", "__main__.py"), "utf8"));
    const missing: string[] = [];
    if (!used.module || !modules.includes(used.module)) missing.push(`module ${used.module} (the SDK's is ${modules.join(", ")})`);
    for (const c of used.classes) {
        const body = bodies.get(c);
        if (!body) { missing.push(`class ${c}`); continue; }
        for (const kw of used.keywords.get(c) ?? []) if (!new RegExp(`^\\s+${kw}: `, "m").test(body)) missing.push(`${c}(${kw}=...)`);
        for (const attr of used.attributes.get(c) ?? []) if (!body.includes(`def ${attr}(self)`)) missing.push(`${c}.${attr}`);
    }
    for (const [e, member] of used.members) if (!new RegExp(`^\\s+${member} = `, "m").test(bodies.get(e) ?? "")) missing.push(`${e}.${member}`);
    console.log(`Python SDK: module ${modules.join(", ")}, ${bodies.size} classes; the sample uses ${used.classes.length} classes, all checked`);
    if (missing.length > 0) {
        console.error(`the sample uses names the generated SDK does not define: ${missing.join(", ")}`);
        return 1;
    }
    return 0;
}

main().then((code) => process.exit(code), (err) => {
    console.error(err);
    process.exit(2);
});
