import { RecordedResource } from "./mock-engine";
import { plain, redacted, unknownPaths, withoutUnknowns } from "./wire";

/** The Kubernetes version whose OpenAPI schema kubernetes-models 4.5.1 carries. */
export const kubernetesSchemaVersion = "1.33";

export interface KubernetesObject {
    resource: RecordedResource;
    apiVersion: string;
    kind: string;
    /** The object as it would be applied: outputs (with auto-names), without status/uid and without fields unknown at preview. */
    manifest: Record<string, any>;
    /** Fields left out because they are known only after an update (preview). */
    unknownFields: string[];
}

export interface SchemaProblem {
    /** `Kind namespace/name (Pulumi name)`. */
    object: string;
    /** JSON pointer of the bad field, e.g. /spec/replicas. */
    path: string;
    message: string;
}

/** `kubernetes:apps/v1:Deployment` → apps/v1, Deployment; core is the bare `v1`. */
export function apiVersionAndKind(type: string): { apiVersion: string; kind: string } | undefined {
    const m = /^kubernetes:([^:]+):([A-Za-z0-9]+)$/.exec(type);
    if (!m || m[1].startsWith("helm") || m[1].startsWith("yaml") || m[1].startsWith("kustomize")) return undefined;
    const [group, version] = m[1].split("/");
    return { apiVersion: group === "core" ? version : `${group}/${version}`, kind: m[2] };
}

/** Every Kubernetes object a run registered, as a manifest. `redactSecrets` replaces secret values. */
export function kubernetesObjects(resources: RecordedResource[], redactSecrets = true): KubernetesObject[] {
    return resources
        .filter((r) => r.custom)
        .flatMap((resource) => {
            const ak = apiVersionAndKind(resource.type);
            if (!ak) return [];
            const known = withoutUnknowns(resource.outputs);
            const body = redactSecrets ? redacted(known) : plain(known);
            // A Secret's `data` is base64: the redaction mark is written encoded, so the manifest stays
            // one that kubectl and strict decoders accept.
            if (redactSecrets && ak.kind === "Secret" && body.data && typeof body.data === "object") {
                body.data = Object.fromEntries(
                    Object.entries(body.data).map(([k, v]) => [
                        k,
                        typeof v === "string" ? Buffer.from(v).toString("base64") : v,
                    ]),
                );
            }
            const { status: _status, ...rest } = body;
            const metadata = { ...(rest.metadata ?? {}) };
            delete metadata.uid;
            const unknownFields = unknownPaths(resource.outputs).filter((p) => !/^(status|metadata\.uid)\b/.test(p));
            return [
                {
                    resource,
                    ...ak,
                    unknownFields,
                    manifest: { apiVersion: ak.apiVersion, kind: ak.kind, ...rest, metadata },
                },
            ];
        });
}

/** The model class for an apiVersion/kind, from kubernetes-models; undefined for custom resources. */
function modelFor(apiVersion: string, kind: string): (new (data: unknown) => { validate(): void }) | undefined {
    const modulePath = `kubernetes-models/${apiVersion}`;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(modulePath)[kind];
    } catch {
        return undefined;
    }
}

function label(o: KubernetesObject): string {
    const md = o.manifest.metadata ?? {};
    return `${o.kind} ${md.namespace ? `${md.namespace}/` : ""}${md.name} (${o.resource.name})`;
}

/**
 * Validates core objects against the Kubernetes OpenAPI schema. Objects of kinds the
 * schema does not know (custom resources) are returned in `unknownKinds` for the CRD
 * validator. Values unknown at preview must not be validated: run in update mode.
 */
export function validateKubernetesObjects(objects: KubernetesObject[]): {
    problems: SchemaProblem[];
    validated: number;
    unknownKinds: KubernetesObject[];
} {
    const problems: SchemaProblem[] = [];
    const unknownKinds: KubernetesObject[] = [];
    let validated = 0;
    for (const o of objects) {
        const Model = modelFor(o.apiVersion, o.kind);
        if (!Model) {
            unknownKinds.push(o);
            continue;
        }
        validated++;
        try {
            new Model(o.manifest).validate();
        } catch (err: any) {
            const errors: Array<{ instancePath: string; message: string }> = err.errors ?? [
                { instancePath: "", message: String(err.message) },
            ];
            for (const e of errors)
                problems.push({ object: label(o), path: e.instancePath || "/", message: e.message });
        }
    }
    return { problems, validated, unknownKinds };
}
