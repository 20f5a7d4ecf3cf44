import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { kubernetesObjects, validateKubernetesObjects } from "../../scripts/harness/k8s-validate";
import { RecordedResource, RunResult } from "../../scripts/harness/mock-engine";
import { projectRoot } from "../../scripts/harness/policy-runner";
import { runStack } from "../../scripts/harness/stacks";
import { plain } from "../../scripts/harness/wire";
import { T } from "../helpers";

// The mock engine accepts any string; the real providers do not. Every enumerated string we
// send to a provider is pinned here against the values that provider documents.

/**
 * The tls provider's `allowed_uses` values, as its upstream documentation lists them
 * (hashicorp/terraform-provider-tls, docs/resources/self_signed_cert.md and
 * locally_signed_cert.md, "Accepted values"). The provider validates against exactly these.
 */
const tlsAllowedUses = [
    "any_extended",
    "cert_signing",
    "client_auth",
    "code_signing",
    "content_commitment",
    "crl_signing",
    "data_encipherment",
    "decipher_only",
    "digital_signature",
    "email_protection",
    "encipher_only",
    "ipsec_end_system",
    "ipsec_tunnel",
    "ipsec_user",
    "key_agreement",
    "key_encipherment",
    "microsoft_commercial_code_signing",
    "microsoft_kernel_code_signing",
    "microsoft_server_gated_crypto",
    "netscape_server_gated_crypto",
    "ocsp_signing",
    "server_auth",
    "timestamping",
];

/** The backquoted values after `marker` in a doc comment of the installed SDK's declaration file. */
function documentedValues(sdkFile: string, marker: string): string[] {
    const text = fs.readFileSync(path.join(projectRoot, "node_modules", sdkFile), "utf8");
    const at = text.indexOf(marker);
    assert.ok(at >= 0, `${sdkFile} no longer documents "${marker}"`);
    const sentence = text.slice(at + marker.length, text.indexOf("\n", at));
    return [...sentence.split(/\.\s/)[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

const snakeCase = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function values(run: RunResult, type: string, field: string): unknown[] {
    return run.resources
        .filter((r) => r.type === type)
        .flatMap((r) => {
            const v = plain(r.inputs)[field];
            return Array.isArray(v) ? v : v === undefined ? [] : [v];
        });
}

/** Kubernetes types embedded in custom resources, by the field name operators give them. */
const embeddedKubernetesTypes: Record<string, string> = {
    topologySpreadConstraints: "TopologySpreadConstraint",
    resources: "ResourceRequirements",
    securityContext: "SecurityContext",
    podSecurityContext: "PodSecurityContext",
    containers: "Container",
    volumeClaimTemplate: "PersistentVolumeClaim",
};

/** Validates `data` as the core/v1 type `kind` (kubernetes-models); returns the problems. */
function schemaProblems(kind: string, data: unknown): string[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Model = require("kubernetes-models/v1")[kind];
    try {
        new Model(data).validate();
        return [];
    } catch (err: any) {
        return (err.errors ?? [{ instancePath: "", message: String(err.message) }]).map(
            (e: { instancePath: string; message: string }) => `${e.instancePath || "/"} ${e.message}`,
        );
    }
}

/** Every value under a known embedded field of a custom resource, checked against the Kubernetes schema of its type. */
function embeddedProblems(resource: RecordedResource): string[] {
    const problems: string[] = [];
    const walk = (value: unknown, at: string): void => {
        if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, `${at}/${i}`));
            return;
        }
        if (typeof value !== "object" || value === null) return;
        for (const [key, child] of Object.entries(value)) {
            const schema = embeddedKubernetesTypes[key];
            // CloudNativePG's `resources` and a pod's are the same type; Rook's `placement` holds pod fields too.
            const items = schema ? (Array.isArray(child) ? child : [child]) : [];
            for (const item of items) {
                for (const p of schemaProblems(schema, item)) problems.push(`${resource.name} ${at}/${key}: ${p}`);
            }
            walk(child, `${at}/${key}`);
        }
    };
    walk(plain(resource.inputs).spec, "/spec");
    return problems;
}

describe("values sent to providers are the values the providers accept", function () {
    this.timeout(60_000);
    let runs: RunResult[];
    before(async () => {
        runs = [await runStack("local", { preview: false }), await runStack("safeshare", { preview: false })];
    });

    it("tls allowedUses: the provider's snake_case spellings (the SDK's TSDoc camel-cases the same list)", () => {
        // The pinned list is the provider's: the SDK documents the same values, camel-cased by its doc generator.
        const fromSdk = documentedValues("@pulumi/tls/selfSignedCert.d.ts", "Accepted values: ").map(snakeCase);
        assert.deepStrictEqual([...fromSdk].sort(), [...tlsAllowedUses].sort());
        let checked = 0;
        for (const run of runs) {
            for (const type of [T.TlsSelfSignedCert, T.TlsLocallySignedCert]) {
                for (const use of values(run, type, "allowedUses")) {
                    assert.ok(
                        tlsAllowedUses.includes(String(use)),
                        `${type} allowedUses "${use}" is not one of ${tlsAllowedUses.join(", ")}`,
                    );
                    checked++;
                }
            }
        }
        assert.ok(checked >= 14, `both stacks send key usages (checked ${checked})`);
    });

    it("tls PrivateKey algorithm and curve are among the provider's documented values", () => {
        const algorithms = documentedValues("@pulumi/tls/privateKey.d.ts", "Currently-supported values are: ");
        assert.deepStrictEqual(algorithms, ["RSA", "ECDSA", "ED25519"]);
        const curvesText = fs.readFileSync(path.join(projectRoot, "node_modules/@pulumi/tls/privateKey.d.ts"), "utf8");
        const curves = [
            .../the name of the elliptic curve to use\. Currently-supported values are: ([^.]*)\./
                .exec(curvesText)![1]
                .matchAll(/`([^`]+)`/g),
        ].map((m) => m[1]);
        assert.deepStrictEqual(curves, ["P224", "P256", "P384", "P521"]);
        for (const run of runs) {
            for (const a of values(run, T.TlsPrivateKey, "algorithm"))
                assert.ok(algorithms.includes(String(a)), `algorithm ${a}`);
            for (const c of values(run, T.TlsPrivateKey, "ecdsaCurve"))
                assert.ok(curves.includes(String(c)), `ecdsaCurve ${c}`);
            assert.ok(values(run, T.TlsPrivateKey, "algorithm").length > 0);
        }
    });

    it("random: only the arguments the provider defines, with their documented types", () => {
        for (const run of runs) {
            for (const r of run.resources.filter((x) => x.type === T.RandomPassword || x.type === T.RandomBytes)) {
                const inputs = plain(r.inputs);
                assert.ok(Number.isInteger(inputs.length) && inputs.length >= 1, `${r.name} length`);
                const allowed =
                    r.type === T.RandomPassword
                        ? [
                              "length",
                              "special",
                              "upper",
                              "lower",
                              "numeric",
                              "minLower",
                              "minUpper",
                              "minNumeric",
                              "minSpecial",
                              "overrideSpecial",
                              "keepers",
                          ]
                        : ["length", "keepers"];
                for (const k of Object.keys(inputs)) assert.ok(allowed.includes(k), `${r.type} ${r.name} sends "${k}"`);
            }
        }
    });

    it("Kubernetes objects: enumerated fields are checked by the Kubernetes 1.33 schema, which rejects a wrong case", () => {
        const bad = {
            apiVersion: "policy/v1",
            kind: "PodDisruptionBudget",
            metadata: { name: "x" },
            spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: "alwaysAllow" },
        };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { PodDisruptionBudget } = require("kubernetes-models/policy/v1");
        assert.throws(() => new PodDisruptionBudget(bad).validate(), /must be equal to one of the allowed values/);
        for (const run of runs)
            assert.deepStrictEqual(validateKubernetesObjects(kubernetesObjects(run.resources, false)).problems, []);
    });

    it("Kubernetes types embedded in operators' custom resources match the Kubernetes schema (CRDs often drop the enums)", () => {
        const wrongCase = schemaProblems(embeddedKubernetesTypes.topologySpreadConstraints, {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: "doNotSchedule",
        });
        assert.match(
            wrongCase.join(),
            /whenUnsatisfiable must be equal to one of the allowed values/,
            "the embedded check rejects a wrong case",
        );
        let customResources = 0;
        for (const run of runs) {
            for (const r of run.resources.filter(
                (x) =>
                    x.type.startsWith("kubernetes:") &&
                    x.custom &&
                    !/^kubernetes:(core|apps|policy|autoscaling|networking\.k8s\.io|storage\.k8s\.io|helm\.sh|yaml)\//.test(
                        x.type,
                    ),
            )) {
                customResources++;
                assert.deepStrictEqual(embeddedProblems(r), [], r.type);
            }
        }
        assert.ok(customResources >= 8, `custom resources checked: ${customResources}`);
    });
});
