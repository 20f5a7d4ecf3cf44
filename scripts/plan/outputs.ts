import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { KubernetesObject } from "../harness/k8s-validate";
import { RecordedResource } from "../harness/mock-engine";
import { redacted, secretPaths, unknownPaths } from "../harness/wire";

/** Writes one manifest per object, `NNN-kind-namespace-name.yaml`, secrets redacted. Returns the files. */
export function writeManifests(dir: string, objects: KubernetesObject[]): string[] {
    fs.mkdirSync(dir, { recursive: true });
    return objects.map((o, i) => {
        const md = o.manifest.metadata ?? {};
        const base = [String(i + 1).padStart(3, "0"), o.kind.toLowerCase(), md.namespace, md.name]
            .filter(Boolean)
            .join("-");
        const file = path.join(dir, `${base.replace(/[^A-Za-z0-9._-]/g, "_")}.yaml`);
        const note = o.unknownFields.length ? `# known only after an update: ${o.unknownFields.join(", ")}\n` : "";
        fs.writeFileSync(file, note + stringify(o.manifest));
        return file;
    });
}

/** The plan as JSON: never a secret value, only where secrets are. */
export function planJson(
    stack: string,
    mode: string,
    resources: RecordedResource[],
    extra: Record<string, unknown>,
): string {
    return JSON.stringify(
        {
            stack,
            mode,
            resources: resources.map((r) => ({
                type: r.type,
                name: r.name,
                urn: r.urn,
                parent: r.parent,
                custom: r.custom,
                provider: r.provider,
                options: r.options,
                dependencies: r.dependencies,
                inputs: redacted(r.inputs),
                outputs: redacted(r.outputs),
                secretInputs: secretPaths(r.inputs),
                secretOutputs: secretPaths(r.outputs),
                unknownOutputs: unknownPaths(r.outputs),
            })),
            ...extra,
        },
        null,
        2,
    );
}
