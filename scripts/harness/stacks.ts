import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { buildStack } from "../../programs/stack";
import { RunResult, runProgram } from "./mock-engine";
import { projectRoot } from "./policy-runner";
import { listStacks, unknownStackMessage } from "./stack-files";

export const projectName = "pulumi-ha";

export { listStacks };

export class UnknownStackError extends Error {}

/**
 * The config the CLI would hand the program: Pulumi.yaml's declared defaults, overridden by
 * Pulumi.<stack>.yaml. Keys are namespaced (`pulumi-ha:app`); objects become JSON strings,
 * as the CLI passes structured config. `overrides` replace whole keys (for tests).
 */
export function loadStackConfig(
    stack: string,
    overrides: Record<string, unknown> = {},
    root = projectRoot,
): Record<string, string> {
    const unknown = unknownStackMessage(stack, root);
    if (unknown !== undefined) throw new UnknownStackError(unknown);
    const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) ?? {};
    const stackFile = parse(fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8")) ?? {};
    const values: Record<string, unknown> = {};
    for (const [k, decl] of Object.entries<any>(project.config ?? {})) {
        if (decl && typeof decl === "object" && "default" in decl) values[qualify(k)] = decl.default;
    }
    for (const [k, v] of Object.entries<any>(stackFile.config ?? {})) {
        if (v && typeof v === "object" && "secure" in v) {
            throw new Error(
                `config ${k} of stack ${stack} is encrypted ({secure: …}); decrypting needs the Pulumi CLI`,
            );
        }
        values[qualify(k)] = v;
    }
    for (const [k, v] of Object.entries(overrides)) values[qualify(k)] = v;
    return Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

function qualify(key: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

/** Runs the root program with a stack's config under the mock engine. */
export function runStack(
    stack: string,
    opts: { preview?: boolean; overrides?: Record<string, unknown> } = {},
): Promise<RunResult> {
    const config = loadStackConfig(stack, opts.overrides);
    return runProgram(() => buildStack(), { stack, preview: opts.preview ?? true, config, project: projectName });
}
