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
            case "--yaml": args.yamlDir = value(); break;
            case "--json": args.jsonFile = value(); break;
            case "--policy-config": args.policyConfigFile = value(); break;
            case "--update": args.update = true; break;
            case "-h": case "--help": throw new UsageError(usage);
            default:
                if (a.startsWith("-") || stackSeen) throw new UsageError(`unexpected argument "${a}"\n${usage}`);
                args.stack = a;
                stackSeen = true;
        }
    }
    return args;
}
