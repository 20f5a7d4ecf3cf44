import * as pulumi from "@pulumi/pulumi";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { mockCall, mockResource } from "./mocks";
import { Wire, containsSecret, plain, secret } from "./wire";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resproto = require("@pulumi/pulumi/proto/resource_pb");

/** Resource options as the engine receives them. */
export interface RecordedOptions {
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    retainOnDelete: boolean;
    replaceOnChanges: string[];
}

/** One RegisterResource call, as the engine saw it. */
export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    /** A multi-language component the provider builds (e.g. kubernetes:yaml/v2:ConfigFile). */
    remote: boolean;
    /** Provider reference (`urn::id`) when one was given explicitly. */
    provider?: string;
    id?: string;
    /** Inputs in wire form: secrets and unknowns kept where they were (see wire.ts). */
    inputs: Record<string, Wire>;
    /** Outputs in wire form; for components, what registerOutputs sent. */
    outputs: Record<string, Wire>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    options: RecordedOptions;
}

export interface RunOptions {
    /** Project name. Default "pulumi-ha". */
    project?: string;
    /** Stack name. Default "test". */
    stack?: string;
    /** Preview (computed values unknown) instead of update. Default false. */
    preview?: boolean;
    /** Stack config, keys fully qualified ("pulumi-ha:app"), values as the CLI passes them (JSON strings for objects). */
    config?: Record<string, string>;
    /** Config keys whose values are secret. */
    secretConfigKeys?: string[];
}

export interface RunResult {
    resources: RecordedResource[];
    /** The stack's outputs (the program's return value), as plain values. */
    stackOutputs: Record<string, unknown>;
    /** Tokens of the provider functions (invokes) the program called, in order. */
    calls: string[];
    preview: boolean;
}

/** A program that threw; carries what it had registered by then. */
export class ProgramError extends Error {
    constructor(
        readonly reason: unknown,
        readonly resources: RecordedResource[],
    ) {
        super(`program failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
}

const stackType = "pulumi:pulumi:Stack";

/** URNs as the engine builds them: the parent's type chain, without the root stack. */
function urnOf(project: string, stack: string, parentUrn: string, type: string, name: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentType = parentUrn.split("::")[2];
        if (parentType !== stackType) qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function options(req: any): RecordedOptions {
    return {
        protect: req.getProtect?.() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        aliases: [...req.getAliasurnsList(), ...req.getAliasesList().map((a: any) => JSON.stringify(a.toObject()))],
        retainOnDelete: req.getRetainondelete?.() ?? false,
        replaceOnChanges: req.getReplaceonchangesList(),
    };
}

function propertyDependencies(req: any): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v: any, k: string) => {
        out[k] = v.getUrnsList();
    });
    return out;
}

/** Deep merge of computed properties over inputs (objects merge, everything else replaces). */
function merge(base: Record<string, Wire>, over: Record<string, unknown>): Record<string, Wire> {
    const out: Record<string, Wire> = { ...base };
    for (const [k, v] of Object.entries(over)) {
        const b = out[k];
        const mergeable = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
        out[k] =
            mergeable(b) && mergeable(v) && !containsSecret(b)
                ? merge(b as Record<string, Wire>, v as Record<string, unknown>)
                : v;
    }
    return out;
}

/**
 * Runs `program` under Pulumi's mock runtime and records every resource it registers.
 * Each call resets the runtime, so runs in one process do not leak into each other.
 * Throws {@link ProgramError} (with what was registered) when the program fails.
 */
export async function runProgram(program: () => unknown, opts: RunOptions = {}): Promise<RunResult> {
    const project = opts.project ?? "pulumi-ha";
    const stack = opts.stack ?? "test";
    const preview = opts.preview ?? false;
    const resources: RecordedResource[] = [];
    const byUrn = new Map<string, RecordedResource>();
    const problems: string[] = [];
    const calls: string[] = [];

    pulumi.runtime.setAllConfig(opts.config ?? {}, opts.secretConfigKeys ?? []);
    // setMocks (not setMockOptions alone) also turns on secrets and resource references.
    await pulumi.runtime.setMocks(
        {
            newResource: () => {
                throw new Error("unreachable: registerResource is replaced below");
            },
            call: (args) => {
                calls.push(args.token);
                return mockCall(args.token, args.inputs);
            },
        },
        project,
        stack,
        preview,
    );
    const monitor = pulumi.runtime.getMonitor() as any;

    monitor.registerResource = (req: any, callback: (err: any, resp?: any) => void) => {
        try {
            const type: string = req.getType();
            const name: string = req.getName();
            const parent: string = req.getParent();
            const urn = urnOf(project, stack, parent, type, name);
            const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, Wire>;
            const recorded: RecordedResource = {
                type,
                name,
                urn,
                parent: parent || undefined,
                custom: req.getCustom(),
                remote: req.getRemote(),
                provider: req.getProvider() || undefined,
                inputs,
                outputs: {},
                dependencies: req.getDependenciesList(),
                propertyDependencies: propertyDependencies(req),
                options: options(req),
            };
            if (byUrn.has(urn)) problems.push(`duplicate resource URN ${urn}`);
            byUrn.set(urn, recorded);
            resources.push(recorded);

            let id = "";
            let outputs: Record<string, Wire> = {};
            if (recorded.custom) {
                const mocked = mockResource({ type, name, urn, inputs: plain(inputs), preview });
                outputs = merge(inputs, mocked.computed);
                // As the engine does: an output is secret when its input was, when the
                // program asked (additionalSecretOutputs), or when the provider says so.
                for (const key of [...recorded.options.additionalSecretOutputs, ...mocked.secretOutputs]) {
                    if (key in outputs && !containsSecret(outputs[key])) outputs[key] = secret(outputs[key]);
                }
                id = preview ? "" : mocked.id;
                recorded.id = id || undefined;
                recorded.outputs = outputs;
            }
            const resp = new resproto.RegisterResourceResponse();
            resp.setUrn(urn);
            resp.setId(id);
            resp.setObject(Struct.fromJavaScript(outputs as any));
            callback(null, resp);
        } catch (err) {
            callback(err);
        }
    };
    monitor.registerResourceOutputs = (req: any, callback: (err: any, resp?: any) => void) => {
        const recorded = byUrn.get(req.getUrn());
        if (recorded) recorded.outputs = (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, Wire>;
        callback(null, {});
    };

    let failure: unknown;
    // The program's own error is caught inside the stack's init, so the SDK never sees
    // a rejected stack (it would surface later as an unhandled rejection).
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        try {
            return await program();
        } catch (err) {
            failure = err;
            return {};
        }
    });
    const stackOutputs = (outputs ?? {}) as Record<string, unknown>;
    // Let every registration settle: pending RPCs after a run leak into the next one.
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    if (!failure && pulumi.log.hasErrors()) failure = new Error("the program logged errors");
    if (!failure && problems.length > 0) failure = new Error(problems.join("\n"));
    if (failure) throw new ProgramError(failure, resources);
    return { resources, stackOutputs: plain(stackOutputs), preview, calls };
}
