import { ChildProcess, spawn } from "child_process";

export interface SpawnOnPortOptions {
    cwd: string;
    timeoutMs: number;
    /** Names the child in errors ("policy pack", "the plugin"). */
    what: string;
}

export interface NodeChildOnPort {
    child: ChildProcess;
    port: number;
}

/**
 * Starts `node <args>` in `cwd` and waits until it prints the port it serves gRPC on, on a
 * line of its own on stdout (as a policy pack and a component plugin do for the Pulumi
 * engine). If it exits first or says nothing within `timeoutMs`, it is killed and the error
 * carries its stderr, which is where either explains why. On success the caller owns the
 * child and must kill it.
 */
export async function spawnNodeOnPort(args: string[], opts: SpawnOnPortOptions): Promise<NodeChildOnPort> {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
        stderr += chunk;
    });
    try {
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            const timer = setTimeout(
                () => reject(new Error(`${opts.what} did not print its port in ${opts.timeoutMs / 1000} s: ${stderr}`)),
                opts.timeoutMs,
            );
            child.stdout!.on("data", (chunk) => {
                out += chunk;
                const m = /^(\d+)\s*$/m.exec(out);
                if (m) {
                    clearTimeout(timer);
                    resolve(Number(m[1]));
                }
            });
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`${opts.what} exited with ${code}: ${stderr}`));
            });
        });
        return { child, port };
    } catch (err) {
        child.kill("SIGKILL");
        throw err;
    }
}
