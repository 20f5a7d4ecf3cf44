import { ChildProcess } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import Ajv from "ajv";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { spawnNodeOnPort } from "./child-port";
import { RecordedResource } from "./mock-engine";
import { reconcilePolicyConfig } from "./policy-config";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerpb = require("@pulumi/pulumi/proto/analyzer_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

export const projectRoot = path.resolve(__dirname, "../../..");
export const policyPackDir = path.join(projectRoot, "policies");
/** The pack compiled by `tsc -p .` (JS starts in about a second; TS would take six). */
export const policyPackEntry = path.join(projectRoot, "build", "policies", "index.js");

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
const levels: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"]; // proto enum order

export interface PolicyDiagnostic {
    policy: string;
    level: EnforcementLevel;
    urn: string;
    /** What the policy reported (the analyzer prefixes it with the policy's description; that is cut off). */
    message: string;
    /** True for the analyzer's "can't run … during preview" notice (a value was unknown), not a violation. */
    notice: boolean;
}

export interface PolicyVerdict {
    diagnostics: PolicyDiagnostic[];
    /** Real violations (notices excluded). */
    violations: PolicyDiagnostic[];
    mandatory: PolicyDiagnostic[];
    advisory: PolicyDiagnostic[];
    notices: PolicyDiagnostic[];
}

/** The JSON `pulumi preview --policy-pack-config` takes: per policy (or "all") a level or an object. */
export type PolicyConfigFile = Record<
    string,
    EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)
>;

export interface PolicyInfo {
    name: string;
    enforcementLevel: EnforcementLevel;
    configSchema: { properties: Record<string, any>; required: string[] };
}

function unary<Req, Res>(client: any, method: string, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        client[method](req, (err: grpc.ServiceError | null, res: Res) => (err ? reject(err) : resolve(res)));
    });
}

function toDiagnostics(resp: any, fallbackUrn: string): PolicyDiagnostic[] {
    return resp.getDiagnosticsList().map((d: any) => {
        const full: string = d.getMessage();
        const description: string = d.getDescription();
        const message = description && full.startsWith(`${description}\n`) ? full.slice(description.length + 1) : full;
        return {
            policy: d.getPolicyname(),
            level: levels[d.getEnforcementlevel()],
            urn: d.getUrn() || fallbackUrn,
            message,
            notice: /^can't run policy .* during preview/.test(message),
        };
    });
}

function resourceOptions(r: RecordedResource): any {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.options.protect);
    o.setIgnorechangesList(r.options.ignoreChanges);
    if (r.options.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(r.options.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    o.setAliasesList(r.options.aliases);
    if (r.parent) o.setParent(r.parent);
    return o;
}

/** A running policy pack process, spoken to as the Pulumi engine does. Always `stop()` it. */
export class PolicyPackProcess {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: any,
    ) {}

    /** Starts the pack (it serves the Analyzer on loopback and prints its port). */
    static async start(entry = policyPackEntry, cwd = policyPackDir): Promise<PolicyPackProcess> {
        const { child, port } = await spawnNodeOnPort([entry], { cwd, timeoutMs: 30_000, what: "policy pack" });
        try {
            const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
                "grpc.max_send_message_length": 400 * 1024 * 1024,
                "grpc.max_receive_message_length": 400 * 1024 * 1024,
            });
            return new PolicyPackProcess(child, client);
        } catch (err) {
            child.kill("SIGKILL");
            throw err;
        }
    }

    /** The pack's policies, their default levels and config schemas (GetAnalyzerInfo). */
    async info(): Promise<PolicyInfo[]> {
        const info: any = await unary(this.client, "getAnalyzerInfo", new Empty());
        return info.getPoliciesList().map((p: any) => ({
            name: p.getName(),
            enforcementLevel: levels[p.getEnforcementlevel()],
            configSchema: {
                properties: p.getConfigschema()?.getProperties()?.toJavaScript() ?? {},
                required: p.getConfigschema()?.getRequiredList() ?? [],
            },
        }));
    }

    /**
     * Sends the config the CLI would: each policy's schema defaults, overridden by "all",
     * then by the policy's own entry; validated against the schema. Unknown policy names
     * and invalid values are errors, as they are for `pulumi preview`.
     */
    async configure(config: PolicyConfigFile = {}): Promise<void> {
        const policies = await this.info();
        const names = policies.map((p) => p.name);
        for (const key of Object.keys(config)) {
            if (key !== "all" && !names.includes(key)) {
                throw new Error(`policy config names unknown policy "${key}"; the pack has: ${names.join(", ")}`);
            }
        }
        const ajv = new Ajv({ allErrors: true, strict: false });
        const req = new analyzerpb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const p of policies) {
            const { level, props } = reconcilePolicyConfig(
                { name: p.name, enforcementLevel: p.enforcementLevel, schemaProperties: p.configSchema.properties },
                config,
            );
            if (!levels.includes(level))
                throw new Error(
                    `policy config for "${p.name}": enforcementLevel must be one of ${levels.join(", ")} (got "${level}")`,
                );
            const schema = {
                type: "object",
                properties: p.configSchema.properties,
                required: p.configSchema.required,
                additionalProperties: false,
            };
            const validate = ajv.compile(schema);
            if (!validate(props)) {
                throw new Error(`policy config for "${p.name}" is invalid: ${ajv.errorsText(validate.errors)}`);
            }
            const pc = new analyzerpb.PolicyConfig();
            pc.setEnforcementlevel(levels.indexOf(level));
            pc.setProperties(Struct.fromJavaScript(props as any));
            map.set(p.name, pc);
        }
        await unary(this.client, "configure", req);
    }

    /** Analyze, once per resource, on its inputs (as the engine does before each step). */
    async analyze(resources: RecordedResource[], concurrency = 32): Promise<PolicyDiagnostic[]> {
        const out: PolicyDiagnostic[][] = new Array(resources.length);
        let next = 0;
        const worker = async () => {
            while (next < resources.length) {
                const i = next++;
                const r = resources[i];
                const req = new analyzerpb.AnalyzeRequest();
                req.setType(r.type);
                req.setName(r.name);
                req.setUrn(r.urn);
                req.setProperties(Struct.fromJavaScript(r.inputs as any));
                req.setOptions(resourceOptions(r));
                out[i] = toDiagnostics(await unary(this.client, "analyze", req), r.urn);
            }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, resources.length) }, worker));
        return out.flat();
    }

    /** AnalyzeStack, once, on every resource's outputs, with parents and dependencies. */
    async analyzeStack(resources: RecordedResource[]): Promise<PolicyDiagnostic[]> {
        const req = new analyzerpb.AnalyzeStackRequest();
        req.setResourcesList(
            resources.map((r) => {
                const a = new analyzerpb.AnalyzerResource();
                a.setType(r.type);
                a.setName(r.name);
                a.setUrn(r.urn);
                a.setProperties(Struct.fromJavaScript((r.custom ? r.outputs : { ...r.inputs, ...r.outputs }) as any));
                a.setOptions(resourceOptions(r));
                if (r.parent) a.setParent(r.parent);
                a.setDependenciesList(r.dependencies);
                const deps = a.getPropertydependenciesMap();
                for (const [k, urns] of Object.entries(r.propertyDependencies)) {
                    const pd = new analyzerpb.AnalyzerPropertyDependencies();
                    pd.setUrnsList(urns);
                    deps.set(k, pd);
                }
                return a;
            }),
        );
        return toDiagnostics(await unary(this.client, "analyzeStack", req), "");
    }

    /** configure, analyze every resource, then analyzeStack: the verdict of one preview/update. */
    async evaluate(resources: RecordedResource[], config: PolicyConfigFile = {}): Promise<PolicyVerdict> {
        await this.configure(config);
        const diagnostics = [...(await this.analyze(resources)), ...(await this.analyzeStack(resources))];
        return verdictOf(diagnostics);
    }

    stop(): void {
        this.client.close();
        if (this.child.exitCode === null) this.child.kill("SIGKILL");
    }
}

export function verdictOf(diagnostics: PolicyDiagnostic[]): PolicyVerdict {
    const violations = diagnostics.filter((d) => !d.notice);
    return {
        diagnostics,
        violations,
        mandatory: violations.filter((d) => d.level === "mandatory"),
        advisory: violations.filter((d) => d.level === "advisory"),
        notices: diagnostics.filter((d) => d.notice),
    };
}

/** Starts the pack, judges `resources`, and stops the pack, also on failure. */
export async function evaluatePolicies(
    resources: RecordedResource[],
    config: PolicyConfigFile = {},
): Promise<PolicyVerdict> {
    const pack = await PolicyPackProcess.start();
    try {
        return await pack.evaluate(resources, config);
    } finally {
        pack.stop();
    }
}
