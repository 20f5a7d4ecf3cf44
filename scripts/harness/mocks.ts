import { createHash } from "crypto";
import { awsCall, awsResource } from "./aws-mocks";
import { gcpCall, gcpResource } from "./gcp-mocks";
import { UNKNOWN } from "./wire";

/**
 * Realistic computed outputs for the resource types we use, as their providers would
 * return them after create. In preview, values the provider only knows after create
 * are unknown — except those its Check computes (Kubernetes auto-names).
 */
export interface MockedResource {
    id: string;
    /** Computed properties, merged over the inputs. */
    computed: Record<string, unknown>;
    /** Output properties the provider itself marks secret. */
    secretOutputs: string[];
}

export interface MockContext {
    type: string;
    name: string;
    urn: string;
    inputs: Record<string, any>;
    preview: boolean;
}

/** Deterministic stand-in for randomness, so two runs record the same values. */
export function digest(seed: string, length: number, alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"): string {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        const bytes = createHash("sha256").update(`${seed}#${i}`).digest();
        for (const b of bytes) {
            if (out.length < length) out += alphabet[b % alphabet.length];
        }
    }
    return out;
}

const clusterScopedKinds = new Set([
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "StorageClass",
    "PriorityClass",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "PersistentVolume",
    "ClusterIssuer",
]);

function kubernetes(ctx: MockContext): MockedResource {
    const kind = ctx.type.split(":").pop()!;
    const metadata = { ...(ctx.inputs.metadata ?? {}) };
    // The provider's Check auto-names with a random suffix; known at preview.
    metadata.name ??= `${ctx.name}-${digest(ctx.urn, 8)}`;
    const namespaced = !clusterScopedKinds.has(kind);
    if (namespaced) metadata.namespace ??= "default";
    metadata.uid = ctx.preview ? UNKNOWN : digest(`uid:${ctx.urn}`, 32, "0123456789abcdef");
    const computed: Record<string, unknown> = { metadata };
    if (kind === "Service") {
        const clusterIP = ctx.preview
            ? UNKNOWN
            : `10.96.${parseInt(digest(ctx.urn, 2, "0123456789"), 10)}.${10 + parseInt(digest(ctx.urn + "ip", 2, "0123456789"), 10)}`;
        computed.spec = { ...(ctx.inputs.spec ?? {}), clusterIP };
    }
    if (kind === "Secret" && ctx.inputs.stringData) {
        // The API server folds stringData into base64 data.
        const data = Object.fromEntries(
            Object.entries<string>(ctx.inputs.stringData).map(([k, v]) => [
                k,
                v === UNKNOWN ? UNKNOWN : Buffer.from(String(v)).toString("base64"),
            ]),
        );
        computed.data = ctx.inputs.stringData === UNKNOWN ? UNKNOWN : { ...(ctx.inputs.data ?? {}), ...data };
    }
    if (!ctx.inputs.status) computed.status = ctx.preview ? UNKNOWN : {};
    return {
        id: namespaced ? `${metadata.namespace}/${metadata.name}` : metadata.name,
        computed,
        secretOutputs: kind === "Secret" ? ["data", "stringData"] : [],
    };
}

function randomPassword(ctx: MockContext): MockedResource {
    const length = Number(ctx.inputs.length ?? 16);
    const result = ctx.preview
        ? UNKNOWN
        : digest(`pw:${ctx.urn}`, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    return {
        id: "none",
        computed: { result, bcryptHash: ctx.preview ? UNKNOWN : `$2a$10$${digest(ctx.urn, 53)}` },
        secretOutputs: ["result", "bcryptHash"],
    };
}

function randomBytes(ctx: MockContext): MockedResource {
    const length = Number(ctx.inputs.length ?? 32);
    const hex = digest(`bytes:${ctx.urn}`, length * 2, "0123456789abcdef");
    const base64 = Buffer.from(hex, "hex").toString("base64");
    return {
        id: "none",
        computed: { hex: ctx.preview ? UNKNOWN : hex, base64: ctx.preview ? UNKNOWN : base64 },
        secretOutputs: ["hex", "base64"],
    };
}

/** RandomId: not a secret (the provider marks none of its outputs); `id` is its base64url form. */
function randomId(ctx: MockContext): MockedResource {
    const length = Number(ctx.inputs.byteLength ?? 8);
    const bytes = Buffer.from(digest(`id:${ctx.urn}`, length * 2, "0123456789abcdef"), "hex");
    const b64Url = bytes.toString("base64url");
    const known = {
        hex: bytes.toString("hex"),
        b64Std: bytes.toString("base64"),
        b64Url,
        dec: BigInt(`0x${bytes.toString("hex")}`).toString(),
    };
    const computed = Object.fromEntries(Object.entries(known).map(([k, v]) => [k, ctx.preview ? UNKNOWN : v]));
    return { id: ctx.preview ? UNKNOWN : b64Url, computed, secretOutputs: [] };
}

function randomInteger(ctx: MockContext): MockedResource {
    // The smallest allowed value: deterministic, and the interesting edge for tests.
    return { id: "none", computed: { result: ctx.preview ? UNKNOWN : Number(ctx.inputs.min) }, secretOutputs: [] };
}

/** @pulumi/tls: PEM-shaped placeholders (not real keys), private keys secret as the provider marks them. */
function tlsResource(ctx: MockContext): MockedResource {
    const pem = (label: string) =>
        ctx.preview
            ? UNKNOWN
            : `-----BEGIN ${label}-----\n${digest(`${label}:${ctx.urn}`, 64)}\n-----END ${label}-----\n`;
    const id = ctx.preview ? UNKNOWN : `${ctx.name}-${digest(ctx.urn, 8)}`;
    switch (ctx.type) {
        case "tls:index/privateKey:PrivateKey":
            return {
                id,
                computed: {
                    privateKeyPem: pem("PRIVATE KEY"),
                    privateKeyPemPkcs8: pem("PRIVATE KEY"),
                    privateKeyOpenssh: pem("OPENSSH PRIVATE KEY"),
                    publicKeyPem: pem("PUBLIC KEY"),
                },
                secretOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
            };
        case "tls:index/certRequest:CertRequest":
            return { id, computed: { certRequestPem: pem("CERTIFICATE REQUEST") }, secretOutputs: [] };
        default:
            return {
                id,
                computed: { certPem: pem("CERTIFICATE"), readyForRenewal: ctx.preview ? UNKNOWN : false },
                secretOutputs: [],
            };
    }
}

/** Computed outputs for one registered resource. */
export function mockResource(ctx: MockContext): MockedResource {
    if (ctx.type.startsWith("pulumi:providers:"))
        return { id: ctx.preview ? UNKNOWN : `${ctx.name}-provider`, computed: {}, secretOutputs: [] };
    if (
        ctx.type.startsWith("kubernetes:") &&
        !ctx.type.startsWith("kubernetes:helm") &&
        !ctx.type.startsWith("kubernetes:yaml")
    )
        return kubernetes(ctx);
    if (ctx.type === "random:index/randomPassword:RandomPassword") return randomPassword(ctx);
    if (ctx.type === "random:index/randomBytes:RandomBytes") return randomBytes(ctx);
    if (ctx.type === "random:index/randomInteger:RandomInteger") return randomInteger(ctx);
    if (ctx.type === "random:index/randomId:RandomId") return randomId(ctx);
    if (ctx.type.startsWith("tls:index/")) return tlsResource(ctx);
    if (ctx.type.startsWith("aws:")) return awsResource(ctx);
    if (ctx.type.startsWith("gcp:")) return gcpResource(ctx);
    return { id: ctx.preview ? UNKNOWN : `${ctx.name}-${digest(ctx.urn, 8)}`, computed: {}, secretOutputs: [] };
}

/** Results of provider functions (invokes). Unknown tokens answer `{}`. */
export function mockCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    if (token.startsWith("aws:")) return awsCall(token, inputs);
    if (token.startsWith("gcp:")) return gcpCall(token, inputs);
    return {};
}
