import * as fs from "fs";
import * as path from "path";

// Which stacks there are, read from the files alone: the plan answers an unknown stack with
// this before it loads the program and the provider SDKs.

/** The project's folder (this file is build/scripts/harness/stack-files.js once compiled). */
export const stackFilesRoot = path.resolve(__dirname, "../../..");

/** Stacks there are: every Pulumi.<stack>.yaml beside Pulumi.yaml. */
export function listStacks(root = stackFilesRoot): string[] {
    return fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

/** The message for a stack that is not one, naming those there are. */
export function unknownStackMessage(stack: string, root = stackFilesRoot): string | undefined {
    const stacks = listStacks(root);
    return stacks.includes(stack) ? undefined : `unknown stack "${stack}"; the stacks are: ${stacks.join(", ")}`;
}
