import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { spawnNodeOnPort } from "./child-port";
import { projectRoot } from "./policy-runner";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const providerpb = require("@pulumi/pulumi/proto/provider_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const providerrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");

/** The folder `pulumi package add` is given: PulumiPlugin.yaml, package.json, index.ts. */
export const pluginDir = path.join(projectRoot, "provider");

/** A Pulumi package schema, as far as these checks read it. */
export interface PackageSchema {
    name: string;
    version: string;
    resources: Record<
        string,
        {
            isComponent?: boolean;
            inputProperties?: Record<string, Property>;
            properties?: Record<string, Property>;
            requiredInputs?: string[];
        }
    >;
    types: Record<
        string,
        { type: string; properties?: Record<string, Property>; enum?: Array<{ value: unknown; name?: string }> }
    >;
    dependencies?: Array<{ name: string; version: string }>;
}
export interface Property {
    type?: string;
    $ref?: string;
    items?: Property;
    additionalProperties?: Property;
    plain?: boolean;
    secret?: boolean;
    description?: string;
}

/**
 * Serves the component package as the nodejs language host does for `pulumi package add`
 * (RunPlugin): `node @pulumi/pulumi/cmd/run-plugin <plugin folder>` from another working
 * directory (the user's project), so ts-node compiles the sources, the package name comes
 * from the folder's package.json and the components from what its entry exports. Then asks
 * it for its schema over gRPC (GetSchema), as the CLI does, and stops it.
 */
export async function servePluginSchema(
    dir = pluginDir,
    cwd = fs.mkdtempSync(path.join(projectRoot, "build", "plugin-cwd-")),
): Promise<PackageSchema> {
    const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [dir] });
    try {
        const { child, port } = await spawnNodeOnPort([runPlugin, dir], {
            cwd,
            timeoutMs: 120_000,
            what: "the plugin",
        });
        try {
            const client = new providerrpc.ResourceProviderClient(
                `127.0.0.1:${port}`,
                grpc.credentials.createInsecure(),
            );
            try {
                const response: any = await new Promise((resolve, reject) =>
                    client.getSchema(new providerpb.GetSchemaRequest(), (err: Error | null, res: unknown) =>
                        err ? reject(err) : resolve(res),
                    ),
                );
                return JSON.parse(response.getSchema());
            } finally {
                client.close();
            }
        } finally {
            child.kill("SIGKILL");
        }
    } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
    }
}

/** Every `__pulumiType` a Pulumi SDK's classes declare: the tokens its package's schema defines. */
export function sdkTokens(sdk: unknown): Set<string> {
    const out = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
        if (value === null || (typeof value !== "object" && typeof value !== "function") || seen.has(value)) return;
        seen.add(value);
        if (typeof value === "function") {
            const token = (value as { __pulumiType?: unknown }).__pulumiType;
            if (typeof token === "string") out.add(token);
            return;
        }
        // The SDKs load their modules lazily through getters; reading each one loads it.
        for (const key of Object.keys(value as object)) walk((value as Record<string, unknown>)[key]);
    };
    walk(sdk);
    return out;
}

/** An installed SDK: its package name, the version it was generated from, and its tokens. */
export interface InstalledSdk {
    name: string;
    version: string;
    tokens: Set<string>;
}

export function installedSdk(npmName: string): InstalledSdk {
    // The SDK's own module tree, loaded by name: which SDK depends on the schema.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk: unknown = require(npmName);
    const pkg = JSON.parse(fs.readFileSync(require.resolve(`${npmName}/package.json`), "utf8"));
    return {
        name: pkg.pulumi?.name ?? pkg.name,
        version: (pkg.pulumi?.version ?? pkg.version).replace(/^v/, ""),
        tokens: sdkTokens(sdk),
    };
}

const builtins = new Set(["pulumi.json#/Any", "pulumi.json#/Asset", "pulumi.json#/Archive", "pulumi.json#/Json"]);
const externalResource = /^\/([^/]+)\/v([^/]+)\/schema\.json#\/resources\/(.+)$/;

/** A resource token names a resource of a module (`pkg:module:Name`); a bare package name is its provider. */
const isResourceToken = (token: string) => token.split(":").length === 3 && !token.startsWith("pulumi:providers:");

/**
 * What keeps a schema from binding (as `pulumi package gen-sdk`/`add` bind it): every `$ref`
 * must name a local type the schema defines, a Pulumi built-in, or a resource of a package
 * the schema depends on (at that version) that the package really defines. A provider is
 * never a valid reference target here, and no component input may be a provider.
 */
export function schemaProblems(schema: PackageSchema, sdks: InstalledSdk[]): string[] {
    const problems: string[] = [];
    const deps = new Map((schema.dependencies ?? []).map((d) => [d.name, d.version]));
    const checkRef = (where: string, ref: string) => {
        if (builtins.has(ref)) return;
        if (ref.startsWith("#/types/")) {
            const token = decodeURIComponent(ref.slice("#/types/".length));
            if (!schema.types[token]) problems.push(`${where}: ${ref} names no type of this schema`);
            return;
        }
        const m = externalResource.exec(ref);
        if (!m) {
            problems.push(`${where}: ${ref} is neither a local type, a built-in nor a resource of another package`);
            return;
        }
        const [, pkg, version, rawToken] = m;
        const token = decodeURIComponent(rawToken);
        if (token.startsWith("pulumi:providers:") || !token.includes(":")) {
            problems.push(`${where}: ${ref} is a provider (${token}), which no schema defines under resources`);
            return;
        }
        if (deps.get(pkg) !== version)
            problems.push(
                `${where}: ${ref} names ${pkg} v${version}, but the schema depends on ${deps.has(pkg) ? `v${deps.get(pkg)}` : "no such package"}`,
            );
        const sdk = sdks.find((s) => s.name === pkg);
        if (!sdk) problems.push(`${where}: ${ref}: no installed SDK of package ${pkg} to check it against`);
        else if (sdk.version !== version)
            problems.push(`${where}: ${ref}: the installed ${pkg} SDK is v${sdk.version}`);
        else if (!isResourceToken(token) || !sdk.tokens.has(token))
            problems.push(`${where}: ${ref}: ${pkg} defines no resource ${token}`);
    };
    const walk = (where: string, p: Property | undefined) => {
        if (!p) return;
        if (p.$ref !== undefined) checkRef(where, p.$ref);
        walk(`${where}[]`, p.items);
        walk(`${where}{}`, p.additionalProperties);
    };
    for (const [token, r] of Object.entries(schema.resources)) {
        for (const [name, p] of Object.entries(r.inputProperties ?? {})) walk(`${token}.inputs.${name}`, p);
        for (const [name, p] of Object.entries(r.properties ?? {})) walk(`${token}.outputs.${name}`, p);
    }
    for (const [token, t] of Object.entries(schema.types)) {
        for (const [name, p] of Object.entries(t.properties ?? {})) walk(`${token}.${name}`, p);
    }
    for (const [where, ref] of providerInputs(schema))
        problems.push(
            `${where}: an input is a provider (${ref}); take providers through resource options or a kubeconfig`,
        );
    return problems;
}

/** Every component input, followed through the local types it uses, whose type is a provider. */
export function providerInputs(schema: PackageSchema): Array<[string, string]> {
    const found: Array<[string, string]> = [];
    const visited = new Set<string>();
    const isProvider = (ref: string) => {
        if (ref.includes("pulumi:providers:")) return true;
        const m = externalResource.exec(ref);
        return m !== null && !decodeURIComponent(m[3]).includes(":");
    };
    const walk = (where: string, p: Property | undefined): void => {
        if (!p) return;
        if (p.$ref !== undefined) {
            if (isProvider(p.$ref)) found.push([where, p.$ref]);
            if (p.$ref.startsWith("#/types/")) {
                const token = decodeURIComponent(p.$ref.slice("#/types/".length));
                if (!visited.has(token)) {
                    visited.add(token);
                    for (const [name, q] of Object.entries(schema.types[token]?.properties ?? {}))
                        walk(`${where}.${name}`, q);
                }
            }
        }
        walk(`${where}[]`, p.items);
        walk(`${where}{}`, p.additionalProperties);
    };
    for (const [token, r] of Object.entries(schema.resources)) {
        for (const [name, p] of Object.entries(r.inputProperties ?? {})) walk(`${token}.${name}`, p);
    }
    return found;
}
