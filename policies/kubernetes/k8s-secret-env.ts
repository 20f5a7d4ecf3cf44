import { resourcePolicy } from "../common/define";
import { Container, EnvVar, K8s, ObjectMeta, WorkloadProps, workloadTypes } from "../common/types";
import { looksLikeCredential } from "./credential-names";

export interface SecretEnvConfig { extraNamePatterns?: string[] }

function badSource(e: EnvVar): string | undefined {
    if (e.value !== undefined) return "a literal value";
    if (e.valueFrom?.configMapKeyRef) return "a ConfigMap";
    if (!e.valueFrom?.secretKeyRef) return "something other than a Secret";
    return undefined;
}

/** Credential-like env vars come from a Secret; ConfigMaps hold no credential-like keys. */
export const k8sSecretEnv = resourcePolicy<SecretEnvConfig>({
    name: "k8s-secret-env",
    description: "Environment variables whose names look like credentials (PASSWORD, SECRET, TOKEN, KEY, DATABASE_URL, …) come from a Secret through secretKeyRef, never a literal or a ConfigMap; ConfigMaps hold no such keys.",
    remediationSteps: "Put the value in a Secret (SharedSecret) and reference it with valueFrom.secretKeyRef (AppTier `secretEnv`).",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: { extraNamePatterns: { type: "array", items: { type: "string" }, default: [], description: "More regular expressions for credential names." } },
    },
    types: [...workloadTypes, K8s.ConfigMap],
    validate: (props, args, config, report) => {
        const extra = (config.extraNamePatterns ?? []).map((p) => new RegExp(p, "i"));
        if (args.type === K8s.ConfigMap) {
            const cm = props as { metadata?: ObjectMeta; data?: Record<string, string> };
            for (const key of Object.keys(cm.data ?? {})) {
                if (looksLikeCredential(key, extra)) report(`ConfigMap ${cm.metadata?.name ?? args.name} holds "${key}", which looks like a credential; move it to a Secret.`);
            }
            return;
        }
        const spec = (props as WorkloadProps).spec?.template?.spec;
        const containers: Container[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
        for (const c of containers) {
            for (const e of c.env ?? []) {
                const source = looksLikeCredential(e.name, extra) ? badSource(e) : undefined;
                if (source) report(`Container "${c.name}" reads ${e.name} from ${source}; credentials must come from secretKeyRef.`);
            }
        }
    },
});
