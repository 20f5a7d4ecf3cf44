import {
    Policies,
    Policy,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
    UnknownValueError,
    unknownCheckingProxy,
} from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { RecordedResource } from "../../scripts/harness/mock-engine";
import { PolicyDefaults, reconcilePolicyConfig } from "../../scripts/harness/policy-config";
import { PolicyConfigFile, PolicyDiagnostic, PolicyVerdict, verdictOf } from "../../scripts/harness/policy-runner";
// The SDK's own deserializer (internal, but the exact code the analyzer runs on each request).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(s: Struct, proxySecrets: boolean): Record<string, unknown>;
};

/**
 * Runs the pack's policies in this process, on the argument shapes @pulumi/policy builds
 * (its deserializer and its unknown-checking proxy), with the same verdict the analyzer
 * would send: thousands of evaluations a second instead of a gRPC round trip each.
 * tests/policies/unknowns.test.ts checks that both paths agree.
 */

/** A resource as the analyzer sees it: deserialized inputs (Analyze) and properties (AnalyzeStack). */
export interface JudgedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    dependencies: string[];
    /** Dependencies by property, as the engine passes them to AnalyzeStack. */
    propertyDependencies: Record<string, string[]>;
    /** What Analyze gets: the inputs. */
    inputs: Record<string, unknown>;
    /** What AnalyzeStack gets: a custom resource's outputs, a component's inputs and outputs. */
    stackProps: Record<string, unknown>;
}

export function judged(r: RecordedResource): JudgedResource {
    const deserialize = (v: Record<string, unknown>) => deserializeProperties(Struct.fromJavaScript(v as any), false);
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        inputs: deserialize(r.inputs),
        stackProps: deserialize(r.custom ? r.outputs : { ...r.inputs, ...r.outputs }),
    };
}

/** Back to what the mock engine records, so the real analyzer (policy-runner) judges the same values. */
export function recorded(r: JudgedResource, template: RecordedResource): RecordedResource {
    return { ...template, custom: true, inputs: r.inputs, outputs: r.stackProps };
}

export type Phase = "resource" | "stack";

/** Lets a test see (or record) what a policy reads: `wrap` returns the object the SDK's proxy will wrap. */
export type Wrap = (props: Record<string, unknown>, resource: JudgedResource, phase: Phase) => Record<string, unknown>;

export interface InProcessVerdict extends PolicyVerdict {
    /** Exceptions other than UnknownValueError: each would have failed the user's whole preview. */
    errors: Array<{ policy: string; urn: string; error: unknown }>;
}

export interface EvaluateOptions {
    config?: PolicyConfigFile;
    wrap?: Wrap;
    /** Which resources Analyze runs on (default all); AnalyzeStack always sees all. */
    analyze?: (r: JudgedResource) => boolean;
    /** Run AnalyzeStack (default true). */
    stack?: boolean;
    /** Run Analyze (default true). */
    resources?: boolean;
}

const noTimeouts = { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 };
const options = (parent?: string): PolicyResourceOptions => ({
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: noTimeouts,
    additionalSecretOutputs: [],
    parent,
});

/**
 * What Analyze's args and AnalyzeStack's resources alike show of a resource: its names,
 * `props`, options and the SDK's `isType`/`asType`.
 */
type ResourceView = "type" | "props" | "urn" | "name" | "opts" | "isType" | "asType";

function viewOf<T extends Record<ResourceView, unknown>>(
    r: JudgedResource,
    props: Record<string, unknown>,
): Pick<T, ResourceView> {
    const isType = (cls: { __pulumiType?: string }) => cls.__pulumiType === r.type;
    const asType = (cls: { __pulumiType?: string }) => (isType(cls) ? props : undefined);
    const view = { type: r.type, props, urn: r.urn, name: r.name, opts: options(r.parent), isType, asType };
    return view as unknown as Pick<T, ResourceView>;
}

/** The pack's policies never call it; if one did, the test should see it. */
const notApplicable = (reason?: string): never => {
    throw new Error(`notApplicable: ${reason}`);
};

/**
 * The config the CLI sends (schema defaults, "all", the policy's entry). A violation at
 * "remediate" is reported as "mandatory", as @pulumi/policy's analyzer does (its validation
 * still failed after any remediation, and stack policies cannot remediate).
 */
function configOf(p: Policy, file: PolicyConfigFile): { level: string; props: Record<string, unknown> } {
    const { level, props } = reconcilePolicyConfig(
        {
            name: p.name,
            enforcementLevel: p.enforcementLevel ?? "mandatory",
            schemaProperties: (p.configSchema?.properties ?? {}) as PolicyDefaults["schemaProperties"],
        },
        file,
    );
    return { level: level === "remediate" ? "mandatory" : level, props };
}

const notice = (p: Policy, e: UnknownValueError) =>
    `can't run policy '${p.name}' from policy pack (in process) during preview: ${e.message}`;

/** Analyze on each resource (resource policies), then AnalyzeStack once (stack policies), as one preview or update does. */
/** The stack's resources as a stack policy sees them: parents, dependencies and property dependencies linked. */
function stackView(resources: JudgedResource[], wrap: Wrap): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const stackResources = resources.map((r) => {
        const props = unknownCheckingProxy(wrap(r.stackProps, r, "stack"));
        const pr: PolicyResource = {
            ...viewOf<PolicyResource>(r, props),
            dependencies: [],
            propertyDependencies: {},
        };
        byUrn.set(r.urn, pr);
        return pr;
    });
    resources.forEach((r, i) => {
        stackResources[i].parent = r.parent ? byUrn.get(r.parent) : undefined;
        const resolve = (urns: string[]) => urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => !!x);
        stackResources[i].dependencies = resolve(r.dependencies);
        stackResources[i].propertyDependencies = Object.fromEntries(
            Object.entries(r.propertyDependencies ?? {}).map(([k, urns]) => [k, resolve(urns)]),
        );
    });
    return stackResources;
}

export function evaluateInProcess(
    policies: Policies,
    resources: JudgedResource[],
    opts: EvaluateOptions = {},
): InProcessVerdict {
    const diagnostics: PolicyDiagnostic[] = [];
    const errors: InProcessVerdict["errors"] = [];
    const wrap: Wrap = opts.wrap ?? ((props) => props);
    const configs = new Map(policies.map((p) => [p.name, configOf(p, opts.config ?? {})]));
    const reporter =
        (p: Policy, fallbackUrn: string): ReportViolation =>
        (message, urn) => {
            diagnostics.push({
                policy: p.name,
                level: configs.get(p.name)!.level as PolicyDiagnostic["level"],
                urn: urn || fallbackUrn,
                message,
                notice: false,
            });
        };
    /**
     * Runs one validation as the analyzer does: an unknown value read is a notice, not a
     * violation; any other throw is recorded (it would have failed the user's preview).
     */
    const run = (p: Policy, urn: string, validation: () => void | Promise<void>) => {
        try {
            const result = validation();
            if (result instanceof Promise) throw new Error("the pack's policies are synchronous");
        } catch (e) {
            if (e instanceof UnknownValueError)
                diagnostics.push({ policy: p.name, level: "advisory", urn, message: notice(p, e), notice: true });
            else errors.push({ policy: p.name, urn, error: e });
        }
    };

    if (opts.resources ?? true) {
        for (const r of resources) {
            if (opts.analyze && !opts.analyze(r)) continue;
            for (const p of policies) {
                const validate = (p as ResourceValidationPolicy).validateResource;
                if (!validate || configs.get(p.name)!.level === "disabled") continue;
                for (const v of Array.isArray(validate) ? validate : [validate]) {
                    const props = unknownCheckingProxy(wrap(r.inputs, r, "resource"));
                    const args: ResourceValidationArgs = {
                        ...viewOf<ResourceValidationArgs>(r, props),
                        stackTags: new Map(),
                        getConfig: <T>() => configs.get(p.name)!.props as T,
                        notApplicable,
                    };
                    run(p, r.urn, () => v(args, reporter(p, r.urn)));
                }
            }
        }
    }

    if (opts.stack ?? true) {
        const stackPolicies = policies.filter(
            (p) => (p as StackValidationPolicy).validateStack && configs.get(p.name)!.level !== "disabled",
        );
        // One view of the stack for every stack policy, as the analyzer hands each the same resources.
        const stackResources = stackPolicies.length > 0 ? stackView(resources, wrap) : [];
        for (const p of stackPolicies) {
            const args: StackValidationArgs = {
                resources: stackResources,
                stackTags: new Map(),
                getConfig: <T>() => configs.get(p.name)!.props as T,
                notApplicable,
            };
            run(p, "", () => (p as StackValidationPolicy).validateStack!(args, reporter(p, "")));
        }
    }
    return { ...verdictOf(diagnostics), errors };
}
