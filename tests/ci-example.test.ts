import * as assert from "assert";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import { register } from "module";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { crdDir, crdFolders } from "../scripts/harness/crd-validate";
import { projectRoot } from "../scripts/harness/policy-runner";

// The GitHub Actions workflow users copy (README, "CI"): valid for GitHub, and doing what
// the README promises — a real preview with the policy pack on pull requests, and a plan
// that needs no secret where GitHub gives none.

const workflowFile = "examples/ci/pulumi-ha-preview.yml";
const fetchCrdsFile = "examples/ci/fetch-crds.sh";
const read = (p: string) => fs.readFileSync(path.join(projectRoot, p), "utf8");

type WorkflowParser = typeof import("@actions/workflow-parser");
let workflowParser: Promise<WorkflowParser> | undefined;

/** GitHub's own workflow parser (@actions/workflow-parser): the errors GitHub would show for `content`. */
async function workflowErrors(content: string): Promise<string[]> {
    if (!workflowParser) {
        // The parser imports its JSON schema without `with { type: "json" }`, which Node refuses
        // (actions/languageservices#387); this load hook adds the attribute to those files only.
        const hook = `export async function load(url, context, next) {
            const json = url.includes("/@actions/workflow-parser/") && url.endsWith(".json");
            return next(url, json ? { ...context, importAttributes: { ...context.importAttributes, type: "json" } } : context);
        }`;
        register(`data:text/javascript,${encodeURIComponent(hook)}`);
        // An ES module only: it needs a real import(), which tsc (module: commonjs) would
        // compile into a require().
        const importEsm = new Function("specifier", "return import(specifier)") as (
            s: string,
        ) => Promise<WorkflowParser>;
        workflowParser = importEsm("@actions/workflow-parser");
    }
    const wp = await workflowParser;
    const parsed = wp.parseWorkflow({ name: workflowFile, content }, new wp.NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((e) => e.message);
    if (parsed.value) {
        const template = await wp.convertWorkflowTemplate(parsed.context, parsed.value);
        errors.push(...(template.errors ?? []).map((e) => e.Message));
    }
    return [...new Set(errors)];
}

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    if?: string;
}
interface Job {
    needs?: string | string[];
    if?: string;
    permissions?: Record<string, string>;
    strategy?: { matrix?: { stack?: string[] } };
    outputs?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const workflow = (): Workflow => parse(read(workflowFile));
const stepIndex = (job: Job, match: (s: Step) => boolean, what: string) => {
    const i = job.steps.findIndex(match);
    assert.ok(i >= 0, `no step ${what}`);
    return i;
};
/** The stacks of this project: one per Pulumi.<stack>.yaml beside Pulumi.yaml. */
const projectStacks = () =>
    fs
        .readdirSync(projectRoot)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();

/** The CRD list in fetch-crds.sh: folder, repository, tag, path at the tag, SHA-256. */
function fetchList() {
    const script = read(fetchCrdsFile);
    const body = /<<'CRDS'\n([\s\S]*?)\nCRDS\n/.exec(script);
    assert.ok(body, `${fetchCrdsFile}: no <<'CRDS' … CRDS list`);
    return body[1].split("\n").map((line) => {
        const [folder, repo, tag, file, sha256, ...rest] = line.split(" ");
        assert.strictEqual(rest.length, 0, line);
        return { folder, repo, tag, file, sha256 };
    });
}
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A file:// mirror of the operators' repositories holding the tests' CRDs, for fetch-crds.sh. */
function crdMirror(dir: string) {
    for (const e of fetchList()) {
        const target = path.join(dir, e.repo, e.tag, e.file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(path.join(crdDir, e.folder, path.basename(e.file)), target);
    }
}

describe("CI example (examples/ci): the workflow users copy", () => {
    it("is a valid GitHub Actions workflow by GitHub's own parser, which does reject broken ones", async () => {
        const content = read(workflowFile);
        assert.deepStrictEqual(await workflowErrors(content), []);
        // The same parser on mistakes this workflow could make: a secret in a job's `if`
        // (GitHub has no `secrets` there), a job it does not have, a misspelt event.
        const broken: Array<[string, string, RegExp]> = [
            [
                "if: needs.credentials.outputs.available == 'true'",
                "if: secrets.PULUMI_ACCESS_TOKEN != ''",
                /Unrecognized named-value: 'secrets'/,
            ],
            [
                "needs: credentials\n    if: needs.credentials.outputs.available != 'true'",
                "needs: credential\n    if: needs.credentials.outputs.available != 'true'",
                /depends on unknown job 'credential'/,
            ],
            ["  pull_request:\n", "  pull_requests:\n", /Unexpected value 'pull_requests'/],
        ];
        for (const [from, to, error] of broken) {
            assert.ok(content.includes(from), from);
            const errors = await workflowErrors(content.replace(from, to));
            assert.ok(
                errors.some((e) => error.test(e)),
                `${to}: ${errors.join("; ")}`,
            );
        }
    });

    it("on pull requests, runs `pulumi preview --policy-pack policies` with pulumi/actions@v7 for every stack", () => {
        const wf = workflow();
        assert.ok("pull_request" in wf.on, "runs on pull_request");
        const preview = wf.jobs.preview;
        assert.deepStrictEqual(preview.strategy?.matrix?.stack, projectStacks());
        const pulumi = stepIndex(preview, (s) => /^pulumi\/actions@/.test(s.uses ?? ""), "uses pulumi/actions");
        const step = preview.steps[pulumi];
        assert.strictEqual(step.uses, "pulumi/actions@v7");
        assert.strictEqual(step.with?.command, "preview");
        assert.strictEqual(step.with?.policyPacks, "policies");
        assert.ok(fs.existsSync(path.join(projectRoot, "policies/PulumiPolicy.yaml")), "policies/ is the pack");
        assert.strictEqual(step.with?.["stack-name"], "${{ matrix.stack }}");
        assert.strictEqual(step.with?.["comment-on-pr"], true);
        assert.strictEqual(step.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
        // The action runs the CLI natively: Node and the dependencies come first, and the
        // cluster's kubeconfig from the KUBECONFIG secret.
        assert.ok(stepIndex(preview, (s) => s.uses === "actions/checkout@v7", "checks out") < pulumi);
        assert.ok(stepIndex(preview, (s) => s.run === "npm ci --no-audit --no-fund", "runs npm ci") < pulumi);
        const kube = stepIndex(
            preview,
            (s) => s.env?.KUBECONFIG_CONTENT === "${{ secrets.KUBECONFIG }}",
            "writes KUBECONFIG",
        );
        assert.ok(kube < pulumi);
        assert.match(preview.steps[kube].run ?? "", /KUBECONFIG=.*>> "\$GITHUB_ENV"/);
        // Least privilege: read everywhere, write only where the preview comments.
        assert.deepStrictEqual(wf.permissions, { contents: "read" });
        assert.deepStrictEqual(preview.permissions, {
            contents: "read",
            "pull-requests": "write",
            "id-token": "write",
        });
        // The aws stack previews with OpenID Connect credentials, before the CLI runs; no kubeconfig.
        const awsCredentials = stepIndex(
            preview,
            (s) => /^aws-actions\/configure-aws-credentials@v\d+$/.test(s.uses ?? ""),
            "configures AWS credentials",
        );
        assert.ok(awsCredentials < pulumi);
        assert.strictEqual(preview.steps[awsCredentials].if, "matrix.stack == 'aws'");
        assert.strictEqual(preview.steps[awsCredentials].with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
        // The gcp stack the same way, through Workload Identity Federation.
        const gcpCredentials = stepIndex(
            preview,
            (s) => /^google-github-actions\/auth@v\d+$/.test(s.uses ?? ""),
            "authenticates to GCP",
        );
        assert.ok(gcpCredentials < pulumi);
        assert.strictEqual(preview.steps[gcpCredentials].if, "matrix.stack == 'gcp'");
        assert.deepStrictEqual(preview.steps[gcpCredentials].with, {
            workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
            service_account: "${{ vars.GCP_SERVICE_ACCOUNT }}",
        });
        assert.strictEqual(preview.steps[kube].if, "matrix.stack != 'aws' && matrix.stack != 'gcp'");
    });

    it("runs the credential-free `npm run plan` exactly when the preview cannot (no token: forks, Dependabot)", () => {
        const wf = workflow();
        const { credentials, preview, plan } = wf.jobs;
        // The one job that reads the token says whether it is there; `secrets` cannot be read in a job's `if`.
        const check = credentials.steps.find(
            (s) => s.env?.PULUMI_ACCESS_TOKEN === "${{ secrets.PULUMI_ACCESS_TOKEN }}",
        );
        assert.ok(check, "credentials job reads the token");
        assert.strictEqual(credentials.outputs?.available, `\${{ steps.${check.id}.outputs.available }}`);
        const available = (token: string) => {
            const out = path.join(os.tmpdir(), `gh-output-${process.pid}`);
            try {
                const r = spawnSync("bash", ["-c", check.run ?? ""], {
                    encoding: "utf8",
                    env: { ...process.env, PULUMI_ACCESS_TOKEN: token, GITHUB_OUTPUT: out },
                });
                assert.strictEqual(r.status, 0, r.stderr);
                return fs.readFileSync(out, "utf8");
            } finally {
                fs.rmSync(out, { force: true });
            }
        };
        assert.strictEqual(available(""), "available=false\n", "an empty token (what a fork gets) selects the plan");
        assert.strictEqual(available("pul-0123"), "available=true\n", "a token selects the preview");
        assert.deepStrictEqual([preview.needs, plan.needs], ["credentials", "credentials"]);
        assert.strictEqual(preview.if, "needs.credentials.outputs.available == 'true'");
        assert.strictEqual(plan.if, "needs.credentials.outputs.available != 'true'");
        // No secret anywhere in the plan job, and every stack the preview covers.
        assert.doesNotMatch(JSON.stringify(plan), /secrets\./);
        assert.deepStrictEqual(plan.strategy?.matrix?.stack, preview.strategy?.matrix?.stack);
        const planStep = stepIndex(plan, (s) => s.run === 'npm run plan -- "$STACK"', "runs npm run plan");
        assert.strictEqual(plan.steps[planStep].env?.STACK, "${{ matrix.stack }}");
        assert.ok(stepIndex(plan, (s) => s.run === "npm ci --no-audit --no-fund", "runs npm ci") < planStep);
        assert.ok(stepIndex(plan, (s) => s.run === fetchCrdsFile, "fetches the CRDs") < planStep);
        assert.ok(JSON.parse(read("package.json")).scripts.plan, "package.json has a plan script");
        // Values reach shell scripts through env, never `${{ }}` inside `run:` (script injection).
        for (const job of Object.values(wf.jobs)) for (const s of job.steps) assert.doesNotMatch(s.run ?? "", /\$\{\{/);
    });

    it("fetch-crds.sh lists, at each operator's release tag, byte for byte the CRDs the plan and the tests validate against", () => {
        const list = fetchList();
        assert.deepStrictEqual([...new Set(list.map((e) => e.folder))].sort(), [...crdFolders].sort());
        for (const folder of crdFolders) {
            const files = fs.readdirSync(path.join(crdDir, folder)).filter((f) => f.endsWith(".yaml"));
            const listed = list.filter((e) => e.folder === folder);
            assert.deepStrictEqual(listed.map((e) => path.basename(e.file)).sort(), files.sort(), folder);
            for (const e of listed) {
                assert.ok(folder.endsWith(`-${e.tag}`), `${folder}: fetched at ${e.tag}`);
                assert.strictEqual(
                    e.sha256,
                    sha256(path.join(crdDir, folder, path.basename(e.file))),
                    `${folder}/${e.file}`,
                );
            }
        }
    });

    it("fetch-crds.sh puts them in ../shared/crds beside the checkout, and refuses a file that differs", function () {
        this.timeout(60_000);
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fetch-crds-"));
        try {
            crdMirror(path.join(tmp, "mirror"));
            // A checkout at tmp/repo: the default destination is tmp/shared/crds, as
            // tests/harness/crd-validate.ts reads ../shared/crds from the project root.
            const script = path.join(tmp, "repo", fetchCrdsFile);
            fs.mkdirSync(path.dirname(script), { recursive: true });
            fs.copyFileSync(path.join(projectRoot, fetchCrdsFile), script);
            const run = (...args: string[]) =>
                spawnSync("bash", [script, ...args], {
                    encoding: "utf8",
                    env: { ...process.env, CRD_BASE_URL: `file://${path.join(tmp, "mirror")}` },
                });
            const ok = run();
            assert.strictEqual(ok.status, 0, ok.stderr);
            for (const folder of crdFolders) {
                for (const f of fs.readdirSync(path.join(crdDir, folder))) {
                    assert.ok(
                        fs
                            .readFileSync(path.join(tmp, "shared/crds", folder, f))
                            .equals(fs.readFileSync(path.join(crdDir, folder, f))),
                        `${folder}/${f}`,
                    );
                }
            }
            // A changed upstream file (or a tampered mirror) fails the job and is not left behind.
            const victim = fetchList()[0];
            fs.appendFileSync(path.join(tmp, "mirror", victim.repo, victim.tag, victim.file), "# changed\n");
            const bad = run(path.join(tmp, "dest"));
            assert.strictEqual(bad.status, 1);
            assert.match(
                bad.stderr,
                new RegExp(`${victim.repo}@${victim.tag} ${victim.file} does not have the SHA-256 the tests pin`),
            );
            assert.ok(!fs.existsSync(path.join(tmp, "dest", victim.folder, path.basename(victim.file))));
            assert.ok(fs.existsSync(path.join(tmp, "dest", fetchList()[1].folder, path.basename(fetchList()[1].file))));
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
