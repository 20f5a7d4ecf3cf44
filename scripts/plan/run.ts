// The plan itself, loaded only once the command line is known good (see ../plan.ts): it pulls
// in the program, every provider SDK and the policy runner, seconds of loading.
import * as fs from "fs";
import { exemptionsOf } from "../../policies/common/exemptions";
import { crdFolders, validateCustomResources } from "../harness/crd-validate";
import { kubernetesObjects, kubernetesSchemaVersion, validateKubernetesObjects } from "../harness/k8s-validate";
import { RecordedResource } from "../harness/mock-engine";
import { PolicyConfigFile, evaluatePolicies } from "../harness/policy-runner";
import { runStack } from "../harness/stacks";
import { plain } from "../harness/wire";
import { PlanArgs } from "./args";
import { planJson, writeManifests } from "./outputs";
import { renderCounts, renderTree, renderVerdict } from "./render";

const tty = process.stderr.isTTY;
async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    if (tty) process.stderr.write(`… ${label}`);
    const result = await work();
    if (tty) process.stderr.write(`\r✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
}

function exemptionsIn(resources: RecordedResource[]) {
    return resources.flatMap((r) =>
        exemptionsOf(plain(r.custom ? r.outputs : r.inputs)).map((e) => ({ ...e, urn: r.urn })),
    );
}

/** Plans the stack `args` names and prints it; returns the exit code (0 clean, 1 a mandatory violation or schema problem). */
export async function planStack(args: PlanArgs): Promise<number> {
    const policyConfig: PolicyConfigFile = args.policyConfigFile
        ? JSON.parse(fs.readFileSync(args.policyConfigFile, "utf8"))
        : {};
    const mode = args.update ? "update" : "preview";

    const run = await step(`running stack "${args.stack}" under the mock engine (${mode})`, () =>
        runStack(args.stack, { preview: !args.update }),
    );
    const verdict = await step("judging it with the policy pack (Analyzer over gRPC)", () =>
        evaluatePolicies(run.resources, policyConfig),
    );
    // Validated with real values (in memory only); written out redacted.
    const schema = validateKubernetesObjects(kubernetesObjects(run.resources, false));
    const crds = validateCustomResources(schema.unknownKinds);
    const objects = kubernetesObjects(run.resources);
    const exemptions = exemptionsIn(run.resources);

    const out = [
        `Plan of stack "${args.stack}" (${mode}; offline, mock engine, nothing deployed)`,
        "",
        ...renderTree(run.resources),
        "",
        `Resources: ${run.resources.length}`,
        ...renderCounts(run.resources),
        "",
        `Kubernetes schema (${kubernetesSchemaVersion}): ${schema.validated} object(s) validated, ${schema.problems.length} problem(s)`,
        ...schema.problems.map((p) => `  ${p.object} ${p.path}: ${p.message}`),
        `Operator CRD schemas (${crdFolders.join(", ")}): ${crds.validated} custom resource(s) validated, ${crds.problems.length} problem(s)`,
        ...crds.problems.map((p) => `  ${p.object} ${p.path}: ${p.message}`),
        "",
        ...renderVerdict(verdict, exemptions),
    ];
    console.log(out.join("\n"));

    if (args.yamlDir)
        console.log(`\nWrote ${writeManifests(args.yamlDir, objects).length} manifest(s) to ${args.yamlDir}`);
    if (args.jsonFile) {
        fs.writeFileSync(
            args.jsonFile,
            planJson(args.stack, mode, run.resources, {
                counts: Object.fromEntries(renderCounts(run.resources).map((l) => l.trim().split(/\s+/).reverse())),
                verdict,
                exemptions,
                schemaProblems: [...schema.problems, ...crds.problems],
            }),
        );
        console.log(`Wrote the plan to ${args.jsonFile}`);
    }
    return verdict.mandatory.length > 0 || schema.problems.length > 0 || crds.problems.length > 0 ? 1 : 0;
}
