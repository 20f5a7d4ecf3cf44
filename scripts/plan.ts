/**
 * The offline plan: runs the root program with a stack's config under Pulumi's mock
 * engine, judges what it registered with the real policy pack (its Analyzer service),
 * validates every Kubernetes object against the Kubernetes OpenAPI schema, and prints
 * what `pulumi preview` would show. Exit 0: no mandatory violation; 1: some; 2: error.
 * Nothing here talks to a cloud or a cluster.
 */
import { UsageError, parsePlanArgs, unwritableOutputs } from "./plan/args";
import { unknownStackMessage } from "./harness/stack-files";

async function main(): Promise<number> {
    const args = parsePlanArgs(process.argv.slice(2));
    const unwritable = unwritableOutputs(args);
    if (unwritable.length > 0) throw new UsageError(unwritable.join("\n"));
    const unknown = unknownStackMessage(args.stack);
    if (unknown !== undefined) throw new Error(unknown);
    // Loaded only now: a bad command line is answered before seconds of module loading.
    const { planStack } = await import("./plan/run");
    return planStack(args);
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (err) => {
        // A ProgramError (the mock engine's) carries the program's own error as its reason.
        const reason = err !== null && typeof err === "object" && "reason" in err ? err.reason : err;
        console.error(
            err instanceof UsageError
                ? err.message
                : `plan failed: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
        process.exitCode = 2;
    },
);
