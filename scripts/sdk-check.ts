// npm run sdk-check: what `pulumi package gen-sdk provider --language python` does, without the
// CLI. Serves provider/ as the nodejs language host does and takes its schema (GetSchema), then
// runs scripts/sdk-check (Go, Pulumi's own schema binder and Python code generator) on it, and
// checks that every name the Python sample uses is in the generated SDK. Then, with python3,
// installs the SDK (and the pulumi package of our @pulumi/pulumi's version, from PyPI) in a
// virtualenv, runs the sample under Pulumi's Python mocks and checks that every input it sends
// is one the schema declares.
// Not part of `npm test`: the first run downloads and builds Pulumi's Go codegen (minutes).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PackageSchema, Property, installedSdk, servePluginSchema } from "./harness/component-plugin";
import { projectRoot } from "./harness/policy-runner";
import { pythonSampleNames } from "./harness/python-names";

async function main(): Promise<number> {
    const out = path.join(projectRoot, "build", "sdk-check");
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const schema = await servePluginSchema();
    const externals = (schema.dependencies ?? []).map((d) => {
        const sdk = installedSdk(`@pulumi/${d.name}`);
        return {
            name: sdk.name,
            version: sdk.version,
            resources: [...sdk.tokens].filter((t) => t.split(":").length === 3).sort(),
        };
    });
    fs.writeFileSync(path.join(out, "schema.json"), JSON.stringify(schema, null, 2));
    fs.writeFileSync(path.join(out, "externals.json"), JSON.stringify(externals));
    console.log(
        `schema: ${Object.keys(schema.resources).length} components, ${Object.keys(schema.types).length} types; depends on ${externals.map((e) => `${e.name} v${e.version}`).join(", ") || "nothing"}`,
    );

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
    const modules = fs
        .readdirSync(python, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    const used = pythonSampleNames(
        fs.readFileSync(path.join(projectRoot, "examples", "python", "__main__.py"), "utf8"),
    );
    const missing: string[] = [];
    if (!used.module || !modules.includes(used.module))
        missing.push(`module ${used.module} (the SDK's is ${modules.join(", ")})`);
    for (const c of used.classes) {
        const body = bodies.get(c);
        if (!body) {
            missing.push(`class ${c}`);
            continue;
        }
        for (const kw of used.keywords.get(c) ?? [])
            if (!new RegExp(`^\\s+${kw}: `, "m").test(body)) missing.push(`${c}(${kw}=...)`);
        for (const attr of used.attributes.get(c) ?? [])
            if (!body.includes(`def ${attr}(self)`)) missing.push(`${c}.${attr}`);
    }
    for (const [e, member] of used.members)
        if (!new RegExp(`^\\s+${member} = `, "m").test(bodies.get(e) ?? "")) missing.push(`${e}.${member}`);
    console.log(
        `Python SDK: module ${modules.join(", ")}, ${bodies.size} classes; the sample uses ${used.classes.length} classes, all checked`,
    );
    if (missing.length > 0) {
        console.error(`the sample uses names the generated SDK does not define: ${missing.join(", ")}`);
        return 1;
    }
    return runPythonSample(schema, out, python);
}

/** Runs the sample with the generated SDK under Pulumi's Python mocks; checks what it sends. */
function runPythonSample(schema: PackageSchema, out: string, python: string): number {
    const venv = path.join(out, "venv");
    const run = (cmd: string, args: string[]) =>
        spawnSync(cmd, args, { cwd: out, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run("python3", ["--version"]).status !== 0) {
        console.log("python3 not found: the sample was not run (names checked above)");
        return 0;
    }
    const pulumiVersion = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")).version;
    for (const [cmd, args] of [
        ["python3", ["-m", "venv", venv]],
        [path.join(venv, "bin", "pip"), ["install", "--quiet", `pulumi==${pulumiVersion}`, python]],
    ] as Array<[string, string[]]>) {
        const r = run(cmd, args);
        if (r.status !== 0) {
            console.error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
            return 1;
        }
    }
    const sample = run(path.join(venv, "bin", "python"), [
        path.join(projectRoot, "scripts", "sdk-check", "run_sample.py"),
        path.join(projectRoot, "examples", "python", "__main__.py"),
    ]);
    if (sample.status !== 0) {
        console.error(`the Python sample failed:\n${sample.stderr}`);
        return 1;
    }
    const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = JSON.parse(
        sample.stdout,
    );
    const problems: string[] = [];
    for (const r of registered) {
        const resource = schema.resources[r.type];
        if (!resource) problems.push(`${r.type} "${r.name}": not a resource of the schema`);
        else checkValue(schema, `${r.type} "${r.name}"`, resource.inputProperties ?? {}, r.inputs, problems);
    }
    console.log(`Python sample run under Pulumi's mocks: ${registered.map((r) => `${r.type} "${r.name}"`).join(", ")}`);
    if (problems.length > 0 || !registered.some((r) => r.type === "pulumi-ha:index:Platform")) {
        console.error(
            `the sample sent inputs the schema does not declare:\n  ${problems.join("\n  ") || "no Platform registered"}`,
        );
        return 1;
    }
    return 0;
}

/** Checks a value sent for an object with these properties: every key one the schema declares, recursively. */
function checkValue(
    schema: PackageSchema,
    where: string,
    properties: Record<string, Property>,
    value: unknown,
    problems: string[],
): void {
    if (value === null || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const p = properties[key];
        if (!p) {
            problems.push(`${where}.${key}: not an input (declared: ${Object.keys(properties).join(", ")})`);
            continue;
        }
        checkProperty(schema, `${where}.${key}`, p, v, problems);
    }
}

function checkProperty(schema: PackageSchema, where: string, p: Property, v: unknown, problems: string[]): void {
    if (p.$ref?.startsWith("#/types/")) {
        const t = schema.types[decodeURIComponent(p.$ref.slice("#/types/".length))];
        if (t?.type === "object") checkValue(schema, where, t.properties ?? {}, v, problems);
        else if (t?.enum && !t.enum.some((e) => e.value === v))
            problems.push(`${where}: ${JSON.stringify(v)} is not one of the enum's values`);
    } else if (p.type === "array" && Array.isArray(v)) {
        v.forEach((item, i) => checkProperty(schema, `${where}[${i}]`, p.items!, item, problems));
    } else if (p.type === "object" && p.additionalProperties && v && typeof v === "object") {
        for (const [k, item] of Object.entries(v))
            checkProperty(schema, `${where}.${k}`, p.additionalProperties, item, problems);
    }
}

main().then(
    (code) => process.exit(code),
    (err) => {
        console.error(err);
        process.exit(2);
    },
);
