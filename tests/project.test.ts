import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import { policies } from "../policies/all-policies";
import { runProgram } from "../scripts/harness/mock-engine";
import { projectRoot } from "../scripts/harness/policy-runner";
import { T, inputsOf, ofType, one } from "./helpers";

const sharedDir = path.resolve(projectRoot, "../shared");
const read = (p: string) => fs.readFileSync(path.join(projectRoot, p), "utf8");

/**
 * Which file `pulumi preview` runs for this project, and the warning it prints, as the
 * nodejs language host decides: the engine turns `main` into a working directory and an entry
 * (pkg/engine/project.go getPwdMain: a folder, or no main, becomes the entry "."); only for "."
 * does @pulumi/pulumi's cmd/run/run.js read the nearest package.json, taking `exports["."]`
 * (default, require, import) or else `main`, and warning "Could not find entry point" when that
 * file does not exist (then it runs the folder). A file named by `main` is run as is.
 */
function nodejsHostEntry(
    main: string | undefined,
    pkg: { main?: string; exports?: string | Record<string, string | Record<string, string>> },
    exists: (p: string) => boolean = fs.existsSync,
): { program: string; warning?: string } {
    const target = path.resolve(projectRoot, main ?? ".");
    if (main !== undefined && fs.statSync(target).isFile()) return { program: target };
    const exp = typeof pkg.exports === "string" ? pkg.exports : pkg.exports?.["."];
    const entry = typeof exp === "string" ? exp : exp ? (exp.default ?? exp.require ?? exp.import) : pkg.main;
    if (!entry) return { program: target };
    const resolved = path.join(projectRoot, entry);
    return exists(resolved)
        ? { program: resolved }
        : {
              program: target,
              warning: `Could not find entry point '${entry}' specified in package.json; using '${target}' instead`,
          };
}

describe("project", () => {
    it("Pulumi.yaml is valid against Pulumi's project schema (../shared/schemas)", () => {
        const schemaPath = path.join(sharedDir, "schemas/pulumi-project.schema.json");
        assert.ok(
            fs.existsSync(schemaPath),
            `missing ${schemaPath}: the Pulumi project schema comes from pulumi/pulumi sdk/go/common/workspace/project.json, provided in ../shared/schemas`,
        );
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        const validate = ajv.compile<Record<string, any>>(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
        const project = parse(read("Pulumi.yaml"));
        assert.ok(validate(project), ajv.errorsText(validate.errors));
        assert.strictEqual(project.name, "pulumi-ha");
        assert.strictEqual(project.runtime.name, "nodejs");
        assert.strictEqual(project.main, "programs/index.ts");
    });

    it("Pulumi.yaml's main names the program's file, so the nodejs host runs programs/ with no package.json fallback", () => {
        const project = parse(read("Pulumi.yaml"));
        const pkg = JSON.parse(read("package.json"));
        assert.deepStrictEqual(nodejsHostEntry(project.main, pkg), {
            program: path.join(projectRoot, "programs/index.ts"),
        });
        // The rule bites: with a folder as main the host takes package.json's entry, the library:
        // a warning on every run without dist/, and after `npm run build` the library run as the program.
        const dist = path.join(projectRoot, "dist/index.js");
        assert.deepStrictEqual(
            nodejsHostEntry("programs/", pkg, () => false).warning,
            `Could not find entry point './dist/index.js' specified in package.json; using '${path.join(projectRoot, "programs")}' instead`,
        );
        assert.deepStrictEqual(
            nodejsHostEntry("programs/", pkg, (p) => p === dist),
            { program: dist },
        );
        // The npm package keeps its library entry for `import * as ha from "pulumi-ha"`.
        assert.strictEqual(pkg.main, "dist/index.js");
    });

    it("every stack file sets only this project's config (and its cloud provider's region and project)", () => {
        for (const f of fs.readdirSync(projectRoot).filter((x) => /^Pulumi\..+\.yaml$/.test(x))) {
            const keys = Object.keys(parse(read(f)).config ?? {});
            assert.ok(keys.length > 0, f);
            // This project's keys, and the cloud provider's region and project (the aws and gcp stacks').
            for (const k of keys) assert.match(k, /^(pulumi-ha:|aws:region$|gcp:region$|gcp:project$)/, `${f}: ${k}`);
        }
    });

    it("package.json: name, exports with types, Node ≥ 20, TypeScript below 7, pinned @pulumi/pulumi", () => {
        const pkg = JSON.parse(read("package.json"));
        assert.strictEqual(pkg.name, "pulumi-ha");
        assert.deepStrictEqual(pkg.exports["."], { types: "./dist/index.d.ts", default: "./dist/index.js" });
        assert.strictEqual(pkg.engines.node, ">=20");
        assert.match(pkg.devDependencies.typescript, /^~?5\./);
        assert.strictEqual(pkg.dependencies["@pulumi/pulumi"], "3.248.0");
        assert.ok(fs.existsSync(path.join(projectRoot, "package-lock.json")));
    });

    it("npm run build emits JavaScript and declarations that export the components", () => {
        // Inside the project, so the emitted code resolves node_modules like a consumer's would.
        fs.mkdirSync(path.join(projectRoot, "build"), { recursive: true });
        const out = fs.mkdtempSync(path.join(projectRoot, "build", "dist-check-"));
        try {
            const tsc = path.join(projectRoot, "node_modules/typescript/bin/tsc");
            const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", out], {
                cwd: projectRoot,
                encoding: "utf8",
            });
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            const dts = fs.readFileSync(path.join(out, "index.d.ts"), "utf8");
            for (const name of ["AppTier", "SharedSecret", "Profile", "SecretEncoding", "InvalidArgumentsError"])
                assert.match(dts, new RegExp(`\\b${name}\\b`));
            assert.ok(fs.existsSync(path.join(out, "app-tier.d.ts")));
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            assert.strictEqual(typeof require(path.join(out, "index.js")).AppTier, "function");
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    it("the policy pack is a runnable CrossGuard pack with one policy per file, named after it", () => {
        assert.strictEqual(parse(read("policies/PulumiPolicy.yaml")).runtime, "nodejs");
        assert.match(JSON.parse(read("policies/package.json")).version, /^\d+\.\d+\.\d+$/);
        assert.match(read("policies/index.ts"), /new PolicyPack\("pulumi-ha"/);
        const files = [
            ["kubernetes", "k8s"],
            ["aws", "aws"],
            ["gcp", "gcp"],
        ].flatMap(([dir, prefix]) =>
            fs
                .readdirSync(path.join(projectRoot, "policies", dir))
                .filter((f) => new RegExp(`^${prefix}-.*\\.ts$`).test(f))
                .map((f) => f.replace(/\.ts$/, "")),
        );
        assert.deepStrictEqual(policies.map((p) => p.name).sort(), files.sort());
        for (const p of policies) {
            assert.ok(p.description.length > 20, p.name);
            assert.ok(p.remediationSteps && p.remediationSteps.length > 20, p.name);
            assert.ok(p.enforcementLevel, p.name);
            assert.ok(
                p.configSchema && Object.keys(p.configSchema.properties).length > 0,
                `${p.name} has a config schema`,
            );
        }
    });

    it("the README's samples are examples/quickstart.ts, platform.ts, platform-aws.ts and platform-gcp.ts, which compile and run", async () => {
        const readme = read("README.md");
        const samples = [
            ...readme.slice(readme.indexOf("## Use it in your own program")).matchAll(/```typescript\n([\s\S]*?)```/g),
        ].map((m) => m[1]);
        assert.deepStrictEqual(
            samples,
            [
                read("examples/quickstart.ts"),
                read("examples/platform.ts"),
                read("examples/platform-aws.ts"),
                read("examples/platform-gcp.ts"),
            ],
            "README samples under '## Use it in your own program' are the examples, verbatim",
        );
        // tsc -p . compiled them (paths maps "pulumi-ha" to components/); run them as a user program would.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Module = require("module");
        const resolve = Module._resolveFilename;
        Module._resolveFilename = function (request: string, ...rest: unknown[]) {
            return resolve.call(
                this,
                request === "pulumi-ha" ? path.join(projectRoot, "build/components/index.js") : request,
                ...rest,
            );
        };
        try {
            // A user's program is loaded as the CLI loads it: by require, after tsc compiled it.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const quickstart = await runProgram(() => require("../examples/quickstart"));
            assert.strictEqual(
                inputsOf(one(quickstart, T.Deployment)).spec.template.spec.containers[0].image,
                "ghcr.io/acme/shop:2.3.1",
            );
            one(quickstart, T.SharedSecret, "shop-secrets");
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const platform = await runProgram(() => require("../examples/platform"));
            one(platform, T.Platform, "shop");
            for (const t of [T.CnpgCluster, T.RedisClusterCR, T.RabbitmqClusterCR, T.Deployment]) one(platform, t);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const onAws = await runProgram(() => require("../examples/platform-aws"));
            one(onAws, T.Platform, "shop");
            for (const t of [
                "aws:eks/cluster:Cluster",
                "aws:rds/cluster:Cluster",
                "aws:elasticache/replicationGroup:ReplicationGroup",
                "aws:mq/broker:Broker",
                "aws:s3/bucket:Bucket",
                "aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "aws:secretsmanager/secret:Secret",
                T.Deployment,
            ])
                one(onAws, t);
            // Nothing asks AWS at plan: the zones were given.
            assert.deepStrictEqual(onAws.calls, []);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const onGcp = await runProgram(() => require("../examples/platform-gcp"));
            one(onGcp, T.Platform, "shop");
            for (const t of [
                "gcp:container/cluster:Cluster",
                "gcp:memorystore/instance:Instance",
                "gcp:storage/bucket:Bucket",
                "gcp:secretmanager/secret:Secret",
                T.RabbitmqClusterCR,
                T.Deployment,
            ])
                one(onGcp, t);
            assert.strictEqual(ofType(onGcp, "gcp:sql/databaseInstance:DatabaseInstance").length, 3);
            // Nothing asks GCP at plan: the zones and the project number were given.
            assert.deepStrictEqual(onGcp.calls, []);
        } finally {
            Module._resolveFilename = resolve;
        }
    });
});
