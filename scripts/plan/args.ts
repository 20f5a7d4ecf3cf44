import * as fs from "fs";
import * as path from "path";

/** Command line of `npm run plan -- [stack] [options]`. */
export interface PlanArgs {
    stack: string;
    yamlDir?: string;
    jsonFile?: string;
    policyConfigFile?: string;
    /** Update mode (computed values known) instead of preview. */
    update: boolean;
}

export const usage = `usage: npm run plan -- [stack] [--yaml DIR] [--json FILE] [--policy-config FILE] [--update]
  stack               a Pulumi.<stack>.yaml beside Pulumi.yaml (default: local)
  --yaml DIR          write every Kubernetes object as a manifest (secrets redacted)
  --json FILE         write the whole plan: resources, options, secret paths, verdict
  --policy-config F   the JSON that 'pulumi preview --policy-pack-config' takes
  --update            plan as an update (computed values known) instead of a preview`;

export class UsageError extends Error {}

export function parsePlanArgs(argv: string[]): PlanArgs {
    const args: PlanArgs = { stack: "local", update: false };
    let stackSeen = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a value\n${usage}`);
            return v;
        };
        switch (a) {
            case "--yaml":
                args.yamlDir = value();
                break;
            case "--json":
                args.jsonFile = value();
                break;
            case "--policy-config":
                args.policyConfigFile = value();
                break;
            case "--update":
                args.update = true;
                break;
            case "-h":
            case "--help":
                throw new UsageError(usage);
            default:
                if (a.startsWith("-") || stackSeen) throw new UsageError(`unexpected argument "${a}"\n${usage}`);
                args.stack = a;
                stackSeen = true;
        }
    }
    return args;
}

/**
 * Why the output paths cannot be written, one line each (empty when they can): checked
 * before planning, so a typo costs no plan and never leaves a half-written result.
 * `--yaml DIR` is created if missing; `--json FILE` must not be a directory and its folder
 * must exist. Each is probed by writing (and removing) a file, which is what counts: a
 * read-only mount or /proc refuses even root.
 */
export function unwritableOutputs(args: PlanArgs): string[] {
    const problems: string[] = [];
    if (args.yamlDir !== undefined) {
        const dir = args.yamlDir;
        const why = attempt(() => makeDirectory(path.resolve(dir))) ?? probe(dir);
        if (why) problems.push(`--yaml ${dir}: cannot write manifests there (${why})`);
    }
    if (args.jsonFile !== undefined) {
        const file = args.jsonFile;
        const folder = path.dirname(path.resolve(file));
        let why: string | undefined;
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) why = "it is a directory";
        else if (!fs.existsSync(folder)) why = `its folder ${folder} does not exist`;
        else if (!fs.statSync(folder).isDirectory()) why = `${folder} is not a directory`;
        else why = fs.existsSync(file) ? attempt(() => fs.accessSync(file, fs.constants.W_OK)) : probe(folder);
        if (why) problems.push(`--json ${file}: cannot write the plan there (${why})`);
    }
    return problems;
}

/**
 * `mkdir -p`, one level at a time. Not `fs.mkdirSync(dir, { recursive: true })`: under /proc,
 * where mkdir answers ENOENT although the parent exists, Node's recursive mkdir retries for ever.
 */
function makeDirectory(dir: string): void {
    if (fs.existsSync(dir)) {
        if (!fs.statSync(dir).isDirectory())
            throw Object.assign(new Error(`ENOTDIR: ${dir} is not a directory`), { code: "ENOTDIR" });
        return;
    }
    const parent = path.dirname(dir);
    if (parent !== dir) makeDirectory(parent);
    fs.mkdirSync(dir);
}

/** undefined when `work` succeeds, else the reason (e.g. "ENOTDIR: not a directory"). */
function attempt(work: () => void): string | undefined {
    try {
        work();
        return undefined;
    } catch (err) {
        const e = err as NodeJS.ErrnoException;
        return e.code ? `${e.code}: ${e.message.split(",")[0].replace(`${e.code}: `, "")}` : String(err);
    }
}

/** Writes and removes a file in `dir`: the only test of writability that holds for root and read-only mounts. */
function probe(dir: string): string | undefined {
    const file = path.join(dir, `.plan-write-probe-${process.pid}`);
    return attempt(() => {
        fs.writeFileSync(file, "");
        fs.rmSync(file);
    });
}
