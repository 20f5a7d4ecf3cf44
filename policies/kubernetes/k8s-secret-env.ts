import { resourcePolicy } from "../common/define";
import { nameOf } from "../common/metadata";
import { containerTitle, containersOf, podSpecOf } from "../common/pod-specs";
import { Rec, asString, at, record, records, strings } from "../common/read";
import { K8s, workloadTypes } from "../common/types";
import { looksLikeCredential } from "./credential-names";

export interface SecretEnvConfig {
    extraNamePatterns?: string[];
}

function present(v: unknown): boolean {
    return v !== undefined && v !== null;
}

function badSource(e: Rec): string | undefined {
    if (present(e.value)) return "a literal value";
    const from = record(e.valueFrom);
    if (present(from.configMapKeyRef)) return "a ConfigMap";
    if (!present(from.secretKeyRef)) return "something other than a Secret";
    return undefined;
}

/** The config's extra patterns; an invalid one is an error the user must see, not a silent gap. */
function compile(patterns: unknown): { extra: RegExp[]; invalid: string[] } {
    const extra: RegExp[] = [];
    const invalid: string[] = [];
    for (const p of strings(patterns)) {
        try {
            extra.push(new RegExp(p, "i"));
        } catch {
            invalid.push(p);
        }
    }
    return { extra, invalid };
}

/** Credential-like env vars come from a Secret; ConfigMaps hold no credential-like keys. */
export const k8sSecretEnv = resourcePolicy<SecretEnvConfig>({
    name: "k8s-secret-env",
    description:
        "Environment variables whose names look like credentials (PASSWORD, SECRET, TOKEN, KEY, DATABASE_URL, …) come from a Secret through secretKeyRef, never a literal or a ConfigMap; ConfigMaps hold no such keys.",
    remediationSteps:
        "Put the value in a Secret (SharedSecret) and reference it with valueFrom.secretKeyRef (AppTier `secretEnv`).",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            extraNamePatterns: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "More regular expressions for credential names.",
            },
        },
    },
    types: [...workloadTypes, K8s.ConfigMap],
    validate: (props, args, config, report) => {
        const { extra, invalid } = compile(config.extraNamePatterns);
        if (invalid.length > 0)
            report(
                `Policy config extraNamePatterns holds invalid regular expression(s) ${invalid.map((p) => JSON.stringify(p)).join(", ")}: fix the policy config.`,
            );
        if (args.type === K8s.ConfigMap) {
            for (const key of Object.keys(record(at(props, "data")))) {
                if (looksLikeCredential(key, extra))
                    report(
                        `ConfigMap ${nameOf(props, args.name)} holds "${key}", which looks like a credential; move it to a Secret.`,
                    );
            }
            return;
        }
        // Every container's title is read before any is judged: a name unknown at preview leaves the whole resource to the update.
        const pod = podSpecOf(args.type, props);
        const containers = (["containers", "initContainers"] as const).flatMap((field) =>
            containersOf(pod, [field]).map((c) => ({ ...c, label: containerTitle(c) })),
        );
        for (const { container, label } of containers) {
            for (const e of records(container.env)) {
                // An entry without a string name is refused by the API server; there is no name to judge.
                const name = asString(e.name);
                const source = name !== undefined && looksLikeCredential(name, extra) ? badSource(e) : undefined;
                if (source) report(`${label} reads ${name} from ${source}; credentials must come from secretKeyRef.`);
            }
        }
    },
});
