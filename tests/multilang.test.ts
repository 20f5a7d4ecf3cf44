import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import {
    InstalledSdk,
    PackageSchema,
    installedSdk,
    pluginDir,
    providerInputs,
    schemaProblems,
    servePluginSchema,
} from "../scripts/harness/component-plugin";
import { projectRoot } from "../scripts/harness/policy-runner";
import { pythonPropertyName, pythonSampleNames } from "../scripts/harness/python-names";

const components = [
    "AppTier",
    "SharedSecret",
    "PostgresCluster",
    "RedisCluster",
    "RabbitMQCluster",
    "ObjectStorage",
    "KubernetesOperators",
    "Platform",
    "Network",
    "KubernetesCluster",
];
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, "utf8"));
const pythonSample = path.join(projectRoot, "examples/python/__main__.py");
const token = (name: string) => `pulumi-ha:index:${name}`;

describe("component package for other languages (provider/)", () => {
    let schema: PackageSchema;
    let sdks: InstalledSdk[];

    before(async function () {
        this.timeout(180_000);
        // One real plugin process for every check below: compiling the sources with ts-node is what costs.
        schema = await servePluginSchema();
        sdks = (schema.dependencies ?? []).map((d) => installedSdk(`@pulumi/${d.name}`));
    });

    it("has its own folder: PulumiPlugin.yaml (nodejs) with package.json and index.ts, never beside a Pulumi.yaml", () => {
        // The CLI loads the innermost of PulumiPlugin.yaml and Pulumi.yaml and refuses a folder
        // holding both ("detected both", sdk/go/common/workspace/loaders.go).
        assert.strictEqual(parse(fs.readFileSync(path.join(pluginDir, "PulumiPlugin.yaml"), "utf8")).runtime, "nodejs");
        assert.ok(!fs.existsSync(path.join(pluginDir, "Pulumi.yaml")));
        assert.ok(
            !fs.existsSync(path.join(projectRoot, "PulumiPlugin.yaml")),
            "the root holds the product's Pulumi.yaml",
        );
        // run-plugin names the package after the folder's own package.json (not the root's), and
        // the analyzer starts at its `main`, following re-exports into ../components: one copy of the code.
        const pkg = readJson(path.join(pluginDir, "package.json"));
        const root = readJson(path.join(projectRoot, "package.json"));
        assert.strictEqual(pkg.name, root.name);
        assert.strictEqual(pkg.version, root.version, "the plugin's version is the package's version");
        assert.strictEqual(pkg.main, "index.ts");
        assert.ok(
            !pkg.dependencies,
            "no dependencies of its own: the SDKs resolve from the package's node_modules, one @pulumi/pulumi for plugin and components",
        );
        assert.match(
            fs.readFileSync(path.join(pluginDir, "index.ts"), "utf8"),
            /^export \* from "\.\.\/components";$/m,
        );
    });

    it("installs with the package: provider/ is an npm workspace of it, so the host installs at the package root", () => {
        // The nodejs host installs a plugin's dependencies at the npm workspace root that lists
        // the plugin's folder (sdk/nodejs/npm/workspaces.go FindWorkspaceRoot), else in the folder.
        assert.deepStrictEqual(readJson(path.join(projectRoot, "package.json")).workspaces, ["provider"]);
        assert.strictEqual(
            fs.realpathSync(path.join(projectRoot, "node_modules/pulumi-ha")),
            fs.realpathSync(pluginDir),
            "npm linked the workspace",
        );
        // One @pulumi/pulumi for the plugin host and the components it serves.
        const fromPlugin = require.resolve("@pulumi/pulumi", { paths: [pluginDir] });
        const fromComponents = require.resolve("@pulumi/pulumi", { paths: [path.join(projectRoot, "components")] });
        assert.strictEqual(fromPlugin, fromComponents);
    });

    it("is served by the real run-plugin with the package's name, version and a pulumi-ha:index token per component", () => {
        assert.strictEqual(schema.name, "pulumi-ha");
        assert.strictEqual(schema.version, readJson(path.join(projectRoot, "package.json")).version);
        assert.deepStrictEqual(
            Object.keys(schema.resources).sort(),
            components.map((c) => `pulumi-ha:index:${c}`).sort(),
        );
        for (const r of Object.values(schema.resources)) assert.strictEqual(r.isComponent, true);
        assert.deepStrictEqual(
            schema.types["pulumi-ha:index:RedisMode"].enum!.map((e) => e.value),
            ["replicated", "cluster"],
        );
        assert.deepStrictEqual(
            schema.types["pulumi-ha:index:Profile"].enum!.map((e) => e.value),
            ["production", "development"],
        );
        assert.deepStrictEqual(schema.resources["pulumi-ha:index:Platform"].requiredInputs, ["app"]);
        assert.ok(schema.resources["pulumi-ha:index:PostgresCluster"].properties!.writerUrl.secret !== false);
        const appTier = schema.resources["pulumi-ha:index:AppTier"];
        assert.deepStrictEqual(appTier.requiredInputs, ["image"]);
        assert.match(appTier.inputProperties!.replicas.description!, /Default 3 in production/);
    });

    it("binds: every $ref resolves (local types; other packages' resources that exist at that version) and no input is a provider", () => {
        assert.ok(
            sdks.some((s) => s.name === "kubernetes" && s.tokens.has("kubernetes:apps/v1:Deployment")),
            "the kubernetes SDK's tokens were read",
        );
        assert.deepStrictEqual(schemaProblems(schema, sdks), []);
    });

    it("SharedSecret reaches several clusters through kubeconfigs (inputs), never through provider objects", () => {
        const k8s = schema.types["pulumi-ha:index:SharedSecretKubernetesArgs"];
        assert.deepStrictEqual(k8s.properties!.kubeconfigs.items, { type: "string" });
        assert.strictEqual(k8s.properties!.providers, undefined);
    });

    it("the Python sample uses the names Pulumi's Python codegen gives this schema", () => {
        // `npm run sdk-check` checks the same names against the SDK Pulumi's Go codegen generates;
        // here they are derived from the schema by the rules that SDK showed: module pulumi_<name>,
        // a class per component, <Component>Args for its inputs, <Type>Args per input type
        // (AppTierArgs → AppTierArgsArgs), snake_case arguments, UPPER_SNAKE enum members.
        const used = pythonSampleNames(fs.readFileSync(pythonSample, "utf8"));
        assert.strictEqual(used.module, `pulumi_${schema.name.replace(/-/g, "_")}`);
        assert.ok(used.classes.includes("SharedSecret") && used.classes.includes("Platform"), used.classes.join(", "));
        const snake = (props: Record<string, unknown> | undefined) =>
            new Set(Object.keys(props ?? {}).map(pythonPropertyName));
        const problems: string[] = [];
        for (const c of used.classes) {
            const resource = schema.resources[token(c)];
            const type = c.endsWith("Args") ? schema.types[token(c.slice(0, -4))] : undefined;
            const bag = c.endsWith("Args") ? schema.resources[token(c.slice(0, -4))] : undefined;
            const inputs = resource
                ? snake(resource.inputProperties)
                : type?.type === "object"
                  ? snake(type.properties)
                  : bag
                    ? snake(bag.inputProperties)
                    : undefined;
            if (!inputs && !schema.types[token(c)]?.enum) {
                problems.push(`${c}: no such component, input type or enum`);
                continue;
            }
            for (const kw of used.keywords.get(c) ?? [])
                if (!inputs?.has(kw)) problems.push(`${c}(${kw}=...): not an input`);
            for (const attr of used.attributes.get(c) ?? [])
                if (!resource || !snake(resource.properties).has(attr)) problems.push(`${c}.${attr}: not an output`);
        }
        for (const [e, member] of used.members) {
            const members = (schema.types[token(e)]?.enum ?? []).map((m) =>
                pythonPropertyName(String(m.name ?? m.value))
                    .replace(/-/g, "_")
                    .toUpperCase(),
            );
            if (!members.includes(member)) problems.push(`${e}.${member}: not one of ${members.join(", ")}`);
        }
        assert.deepStrictEqual(problems, []);
    });

    it("the README's Python sample is examples/python/__main__.py, in a valid Python project", () => {
        const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
        const samples = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
        assert.deepStrictEqual(samples, [fs.readFileSync(pythonSample, "utf8")]);
        const schemaPath = path.resolve(projectRoot, "../shared/schemas/pulumi-project.schema.json");
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        const validate = ajv.compile<{ runtime: { name: string } }>(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
        const project = parse(fs.readFileSync(path.join(projectRoot, "examples/python/Pulumi.yaml"), "utf8"));
        assert.ok(validate(project), ajv.errorsText(validate.errors));
        assert.strictEqual(project.runtime.name, "python");
        assert.match(readme, /pulumi package add \.\.\/\.\.\/provider/);
    });

    it("the binding check catches a provider input, an unknown resource and a dangling local type", () => {
        const k8sVersion = sdks.find((s) => s.name === "kubernetes")!.version;
        const broken: PackageSchema = {
            name: "p",
            version: "1.0.0",
            dependencies: [{ name: "kubernetes", version: k8sVersion }],
            resources: {
                "p:index:C": {
                    isComponent: true,
                    inputProperties: { k: { $ref: "#/types/p:index:K" }, missing: { $ref: "#/types/p:index:Nope" } },
                    properties: {
                        d: {
                            $ref: `/kubernetes/v${k8sVersion}/schema.json#/resources/kubernetes:apps%2Fv1:Deploymint`,
                        },
                    },
                },
            },
            types: {
                "p:index:K": {
                    type: "object",
                    properties: {
                        providers: {
                            type: "array",
                            items: { $ref: `/kubernetes/v${k8sVersion}/schema.json#/resources/kubernetes` },
                        },
                    },
                },
            },
        };
        assert.deepStrictEqual(
            providerInputs(broken).map(([where]) => where),
            ["p:index:C.k.providers[]"],
        );
        const problems = schemaProblems(broken, sdks);
        assert.strictEqual(problems.length, 4, problems.join("\n"));
        assert.match(problems.join("\n"), /p:index:Nope names no type/);
        assert.match(problems.join("\n"), /kubernetes defines no resource kubernetes:apps\/v1:Deploymint/);
        assert.match(problems.join("\n"), /is a provider \(kubernetes\)/);
        assert.match(problems.join("\n"), /an input is a provider/);
    });
});
