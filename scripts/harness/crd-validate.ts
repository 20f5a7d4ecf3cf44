import * as fs from "fs";
import * as path from "path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { parseAllDocuments } from "yaml";
import { KubernetesObject, SchemaProblem } from "./k8s-validate";
import { projectRoot } from "./policy-runner";

/** The operators' CRDs, pinned with the operator versions we install (../shared/crds/README.md). */
export const crdDir = path.resolve(projectRoot, "../shared/crds");
export const crdFolders = [
    "cloudnative-pg-v1.30.0",
    "plugin-barman-cloud-v0.14.0",
    "rabbitmq-cluster-operator-v2.22.3",
    "redis-operator-v0.26.0",
    "rook-ceph-v1.20.6",
];

/**
 * Kubernetes structural schemas are OpenAPI v3 with extensions; turn the ones that change
 * validation into JSON Schema: int-or-string, nullable, and strict (unknown) fields.
 */
function toJsonSchema(node: any): any {
    if (Array.isArray(node)) return node.map(toJsonSchema);
    if (!node || typeof node !== "object") return node;
    const out: any = {};
    for (const [k, v] of Object.entries(node))
        out[k] = k === "enum" || k === "default" || k === "example" ? v : toJsonSchema(v);
    if (out["x-kubernetes-int-or-string"]) {
        delete out.type;
        out.anyOf = [{ type: "integer" }, { type: "string" }];
    }
    if (out.nullable && typeof out.type === "string") out.type = [out.type, "null"];
    // Unknown fields are errors, as with the API server's strict field validation
    // (kubectl's default): a misspelt field must not pass silently.
    if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
        out.additionalProperties = false;
    }
    // Ajv reads `nullable` itself and rejects it without a `type`; it is folded in above.
    delete out.nullable;
    return out;
}

const schemaCache = new Map<string, Map<string, object>>();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<object, ValidateFunction>();

/** apiVersion/kind → JSON Schema of the whole object, from every served version of every CRD in `dir`. */
export function loadCrdSchemas(dir = crdDir): Map<string, object> {
    const cached = schemaCache.get(dir);
    if (cached) return cached;
    const missing = crdFolders.filter((f) => !fs.existsSync(path.join(dir, f)));
    if (missing.length > 0) {
        throw new Error(
            `missing CRD folders in ${dir}: ${missing.join(", ")} — they are the operators' CRDs copied from their release tags (see ../shared/crds/README.md); custom resources cannot be validated without them`,
        );
    }
    const schemas = new Map<string, object>();
    for (const folder of crdFolders) {
        for (const file of fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith(".yaml"))) {
            for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, folder, file), "utf8"))) {
                const crd: any = doc.toJS();
                if (crd?.kind !== "CustomResourceDefinition") continue;
                for (const version of crd.spec.versions) {
                    if (!version.served || !version.schema) continue;
                    const schema = toJsonSchema(version.schema.openAPIV3Schema);
                    // The API server accepts these on every object, whether the CRD lists them or not.
                    schema.properties = {
                        apiVersion: { type: "string" },
                        kind: { type: "string" },
                        metadata: { type: "object" },
                        ...schema.properties,
                    };
                    schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, schema);
                }
            }
        }
    }
    schemaCache.set(dir, schemas);
    return schemas;
}

/** A compiled validator, compiled on first use: the pinned CRDs define ~80 kinds, a stack uses a handful. */
function validatorOf(schema: object): ValidateFunction {
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    return validate;
}

/** Validates custom resources against their CRD; a kind no pinned CRD defines is a problem too. */
export function validateCustomResources(
    objects: KubernetesObject[],
    dir = crdDir,
): { problems: SchemaProblem[]; validated: number } {
    const all = loadCrdSchemas(dir);
    const problems: SchemaProblem[] = [];
    let validated = 0;
    for (const o of objects) {
        const md = o.manifest.metadata ?? {};
        const object = `${o.kind} ${md.namespace ? `${md.namespace}/` : ""}${md.name} (${o.resource.name})`;
        const schema = all.get(`${o.apiVersion}/${o.kind}`);
        if (!schema) {
            problems.push({ object, path: "/", message: `no pinned CRD defines ${o.apiVersion} ${o.kind}` });
            continue;
        }
        validated++;
        const validate = validatorOf(schema);
        if (!validate(o.manifest)) {
            for (const e of validate.errors ?? [])
                problems.push({ object, path: e.instancePath || "/", message: errorMessage(e) });
        }
    }
    return { problems, validated };
}

function errorMessage(e: ErrorObject): string {
    const params = e.params as Record<string, unknown>;
    if (Array.isArray(params.allowedValues)) return `${e.message} (${params.allowedValues.join(", ")})`;
    if (typeof params.additionalProperty === "string") return `unknown field "${params.additionalProperty}"`;
    return e.message ?? "invalid";
}
