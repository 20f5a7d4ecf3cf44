import * as assert from "assert";
import {
    Finding,
    ManifestObject,
    classify,
    parseCheckov,
    parseKubeLinter,
    parsePolaris,
    polarisPodSpec,
    summarize,
} from "../scripts/lint-manifests-summary";

// `npm run lint:manifests` is opt-in (it installs kube-linter, Polaris and Checkov), so its
// verdict logic is tested here without the tools: given each tool's JSON report (shapes from
// their sources: kube-linter pkg/run, Polaris pkg/validator/output.go, Checkov -o json), does it
// flag exactly the findings issue 7 promises the reviewer will not see?

function object(
    kind: string,
    apiVersion: string,
    body: Record<string, unknown>,
    file = `${kind}.yaml`,
): ManifestObject {
    return { file, apiVersion, kind, namespace: "shop", name: kind.toLowerCase(), body: { apiVersion, kind, ...body } };
}

const deployment = (podSecurityContext: Record<string, unknown>) =>
    object("Deployment", "apps/v1", {
        spec: {
            template: {
                spec: { securityContext: podSecurityContext, containers: [{ name: "app", image: "a:1.2.3" }] },
            },
        },
    });
const pooler = object("Pooler", "postgresql.cnpg.io/v1", {
    spec: { cluster: { name: "db" }, template: { spec: { containers: [{ name: "pgbouncer" }] } } },
});
const cluster = object("Cluster", "postgresql.cnpg.io/v1", { spec: { instances: 3, resources: {} } });

const finding = (tool: Finding["tool"], check: string, o: ManifestObject): Finding => ({
    tool,
    stack: "s",
    check,
    object: `${o.kind}/${o.namespace}/${o.name}`,
    message: "m",
});

describe("lint:manifests summary", () => {
    it("puts a missing numeric user, missing resources and a missing NetworkPolicy in class (a), for every tool", () => {
        const d = deployment({});
        const gate: Array<[Finding["tool"], string]> = [
            ["kube-linter", "run-as-non-root"],
            ["kube-linter", "unset-memory-requirements"],
            ["kube-linter", "non-isolated-pod"],
            ["polaris", "runAsRootAllowed"],
            ["polaris", "cpuLimitsMissing"],
            ["polaris", "missingNetworkPolicy"],
            ["checkov", "CKV_K8S_23"],
            ["checkov", "CKV_K8S_13"],
            ["checkov", "CKV2_K8S_6"],
        ];
        for (const [tool, check] of gate) {
            assert.strictEqual(classify(finding(tool, check, d), d).kind, "gate", `${tool} ${check}`);
        }
    });

    it("counts Checkov's high-UID check as (a) only when there is no numeric user at all", () => {
        const without = deployment({ runAsNonRoot: true });
        const low = deployment({ runAsNonRoot: true, runAsUser: 1000 });
        assert.deepStrictEqual(classify(finding("checkov", "CKV_K8S_40", without), without), {
            kind: "gate",
            topic: "numeric user",
            why: undefined,
        });
        assert.strictEqual(classify(finding("checkov", "CKV_K8S_40", low), low).kind, "hardening");
    });

    it("says when a gate finding is about an operator's custom resource, and leaves unknown checks to a person", () => {
        const v = classify(finding("polaris", "runAsRootAllowed", pooler), pooler);
        assert.strictEqual(v.kind, "gate");
        assert.match(v.kind === "gate" ? (v.why ?? "") : "", /Pooler is an operator's custom resource/);
        const d = deployment({});
        assert.strictEqual(classify(finding("kube-linter", "some-new-check", d), d).kind, "unclassified");
    });

    it("finds the pod spec Polaris audits in a Pooler's template, and none in a Cluster", () => {
        assert.deepStrictEqual(polarisPodSpec(pooler.body), { containers: [{ name: "pgbouncer" }] });
        assert.strictEqual(polarisPodSpec(cluster.body), undefined);
    });

    it("reads each tool's JSON report into findings named Kind/namespace/name", () => {
        const kl = parseKubeLinter(
            {
                Reports: [
                    {
                        Check: "run-as-non-root",
                        Diagnostic: { Message: 'container "app" is not set to runAsNonRoot' },
                        Object: {
                            K8sObject: { Namespace: "shop", Name: "web", GroupVersionKind: { Kind: "Deployment" } },
                        },
                    },
                ],
            },
            "s",
        );
        assert.deepStrictEqual(
            kl.map((f) => [f.check, f.object]),
            [["run-as-non-root", "Deployment/shop/web"]],
        );

        const failed = (ID: string) => ({ ID, Message: "no", Success: false, Severity: "danger" });
        const pol = parsePolaris(
            {
                Results: [
                    {
                        Kind: "Deployment",
                        Namespace: "shop",
                        Name: "web",
                        Results: { deploymentMissingReplicas: { ID: "deploymentMissingReplicas", Success: true } },
                        PodResult: {
                            Results: { missingNetworkPolicy: failed("missingNetworkPolicy") },
                            ContainerResults: [
                                {
                                    Name: "app",
                                    Results: {
                                        runAsRootAllowed: failed("runAsRootAllowed"),
                                        pullPolicyNotAlways: { ...failed("pullPolicyNotAlways"), Severity: "ignore" },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
            "s",
        );
        assert.deepStrictEqual(
            pol.map((f) => [f.check, f.object]),
            [
                ["missingNetworkPolicy", "Deployment/shop/web"],
                ["runAsRootAllowed", "Deployment/shop/web container app"],
            ],
        );

        const d = { ...deployment({}), file: "029-deployment-shop-web.yaml", name: "web" };
        const ck = parseCheckov(
            {
                results: {
                    failed_checks: [
                        {
                            check_id: "CKV2_K8S_6",
                            check_name: "pods lack a NetworkPolicy",
                            resource: "Pod.shop.web.app-x",
                            file_path: "/s/029-deployment-shop-web.yaml",
                        },
                    ],
                },
            },
            "s",
            [d],
        );
        assert.deepStrictEqual(
            ck.map((f) => [f.check, f.object]),
            [["CKV2_K8S_6", "Deployment/shop/web"]],
        );
    });

    it("counts class (a) findings, and names the data-service resources no tool looks inside", () => {
        const d = deployment({ runAsNonRoot: true, runAsUser: 1000 });
        const findings = [finding("checkov", "CKV_K8S_40", d), finding("polaris", "missingNetworkPolicy", pooler)];
        const s = summarize(findings, new Map([["s", [d, pooler, cluster]]]), new Map([["kube-linter", "403"]]));
        assert.strictEqual(s.gate, 1);
        assert.ok(s.lines.includes("kube-linter: NOT RUN (403)"), s.lines.join("\n"));
        assert.ok(s.lines.includes("  [s] Cluster/shop/cluster"), s.lines.join("\n"));
        assert.ok(
            s.lines.includes("  [s] Polaris audits only the pod template of: Pooler/shop/pooler"),
            s.lines.join("\n"),
        );
    });
});
