import * as assert from "assert";
import * as random from "@pulumi/random";
import { crWithSpec, dataFixtures, dataService, networkPolicy } from "./data-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { RawResource, UNKNOWN, expectRobust, only, replacedAt, useRawPack } from "./raw-pack";

const policy = "k8s-network-policy";

/** Default-deny ingress in every namespace the fixtures use. */
const denyAll = () => {
    networkPolicy("deny-default", { policyTypes: ["Ingress"] });
    networkPolicy("deny-rook", { namespace: "rook-ceph", policyTypes: ["Ingress"] });
};

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    for (const fixture of Object.values(dataFixtures)) {
        it(`passes a ${fixture.kind} a default-deny policy selects, fails one nothing selects, naming it and each pod set`, async () => {
            expectNoViolation(
                await judge(() => {
                    dataService(fixture, "svc");
                    denyAll();
                }),
                policy,
            );
            const v = violationsOf(await judge(() => dataService(fixture, "svc")), policy);
            assert.deepStrictEqual(
                v.map((d) => d.urn.split("::").pop()),
                fixture.podLabels("svc").map(() => "svc"),
            );
            assert.ok(v.every((d) => d.level === "advisory"));
            fixture.podLabels("svc").forEach((labels, i) => {
                const shown = Object.entries(labels)
                    .map(([k, val]) => `${k}: ${val}`)
                    .join(", ");
                assert.ok(v[i].message.startsWith(`${fixture.kind} ${fixture.namespace}/svc: its `), v[i].message);
                assert.ok(
                    v[i].message.endsWith(
                        `(${shown}) are selected by no NetworkPolicy with Ingress in namespace ${fixture.namespace}; any pod in the cluster can connect to them.`,
                    ),
                    v[i].message,
                );
            });
            // A policy selecting exactly the pods' labels covers them too.
            expectNoViolation(
                await judge(() => {
                    dataService(fixture, "svc");
                    fixture
                        .podLabels("svc")
                        .forEach((matchLabels, i) =>
                            networkPolicy(`allow-${i}`, { namespace: fixture.namespace, podSelector: { matchLabels } }),
                        );
                }),
                policy,
            );
        });
    }

    it("counts only policies in the pods' namespace that isolate ingress", async () => {
        const pg = () => dataService(dataFixtures.cnpgCluster, "pg");
        expectOneViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { namespace: "other" });
            }),
            policy,
            "pg",
        );
        expectOneViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { policyTypes: ["Egress"] });
            }),
            policy,
            "pg",
        );
        expectNoViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { policyTypes: ["Egress", "Ingress"] });
            }),
            policy,
        );
        // Left out or empty, Kubernetes defaults policyTypes to Ingress.
        expectNoViolation(
            await judge(() => {
                pg();
                networkPolicy("np");
            }),
            policy,
        );
        expectNoViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { policyTypes: [] });
            }),
            policy,
        );
    });

    it("matches selectors: labels and expressions that select the pods, not others", async () => {
        const pg = () => dataService(dataFixtures.cnpgCluster, "pg");
        expectOneViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { podSelector: { matchLabels: { "cnpg.io/cluster": "other" } } });
            }),
            policy,
            "pg",
        );
        expectOneViolation(
            await judge(() => {
                pg();
                networkPolicy("np", { podSelector: { matchLabels: { "cnpg.io/cluster": "pg", extra: "x" } } });
            }),
            policy,
            "pg",
        );
        expectNoViolation(
            await judge(() => {
                pg();
                networkPolicy("np", {
                    podSelector: {
                        matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: ["pg", "pg2"] }],
                    },
                });
            }),
            policy,
        );
        expectNoViolation(
            await judge(() => {
                pg();
                networkPolicy("np", {
                    podSelector: { matchExpressions: [{ key: "cnpg.io/cluster", operator: "Exists" }] },
                });
            }),
            policy,
        );
        expectOneViolation(
            await judge(() => {
                pg();
                networkPolicy("np", {
                    podSelector: { matchExpressions: [{ key: "cnpg.io/cluster", operator: "DoesNotExist" }] },
                });
            }),
            policy,
            "pg",
        );
    });

    it("judges each RedisCluster role on its own", async () => {
        const d = expectOneViolation(
            await judge(() => {
                dataService(dataFixtures.redisCluster, "rc");
                networkPolicy("leaders", { podSelector: { matchLabels: { app: "rc-leader" } } });
            }),
            policy,
            "rc",
        );
        assert.match(
            d.message,
            /^RedisCluster default\/rc: its followers \(app: rc-follower\) are selected by no NetworkPolicy/,
        );
    });

    it("fences a RedisReplication's embedded Sentinels (app: <name>-s) too", async () => {
        const d = expectOneViolation(
            await judge(() => {
                crWithSpec("rr", "redis.redis.opstreelabs.in/v1beta2", "RedisReplication", {
                    clusterSize: 3,
                    kubernetesConfig: { image: "quay.io/opstree/redis:v8.2.2" },
                    sentinel: { size: 3 },
                });
                networkPolicy("redis", { podSelector: { matchLabels: { app: "rr" } } });
            }),
            policy,
            "rr",
        );
        assert.match(d.message, /its embedded Sentinel pods \(app: rr-s\) are selected by no NetworkPolicy/);
    });

    it("with requireEgress, also demands a policy isolating egress", async () => {
        const config = { [policy]: { requireEgress: true } };
        const d = expectOneViolation(
            await judge(() => {
                dataService(dataFixtures.rabbitmq, "mq");
                networkPolicy("np");
            }, config),
            policy,
            "mq",
        );
        assert.strictEqual(
            d.message,
            "RabbitmqCluster default/mq: its nodes (app.kubernetes.io/name: mq) are selected by no NetworkPolicy with Egress in namespace default; they can connect anywhere.",
        );
        expectNoViolation(
            await judge(() => {
                dataService(dataFixtures.rabbitmq, "mq");
                networkPolicy("np", { policyTypes: ["Ingress", "Egress"] });
            }, config),
            policy,
        );
        expectNoViolation(
            await judge(() => {
                dataService(dataFixtures.rabbitmq, "mq");
                networkPolicy("in");
                networkPolicy("out", { policyTypes: ["Egress"] });
            }, config),
            policy,
        );
    });

    it("honours an exemption on the data resource", async () => {
        expectNoViolation(
            await judge(() =>
                dataService(dataFixtures.rabbitmq, "mq", {
                    annotations: { [`pulumi-ha.io/exempt-${policy}`]: "cluster-wide Cilium policy fences it" },
                }),
            ),
            policy,
        );
    });

    it("never fails when a NetworkPolicy's namespace or selector is unknown at preview (a notice); judges it at update", async () => {
        for (const unknownPart of ["namespace", "selector"] as const) {
            const program = () => {
                const suffix = new random.RandomString("suffix", {
                    length: 4,
                    special: false,
                    upper: false,
                    numeric: false,
                }).result;
                dataService(dataFixtures.cnpgCluster, "pg");
                networkPolicy(
                    "np",
                    unknownPart === "namespace"
                        ? { namespace: suffix.apply(() => "default") }
                        : { podSelector: { matchLabels: { "cnpg.io/cluster": suffix.apply(() => "pg") } } },
                );
            };
            const preview = await judge(program, {}, true);
            assert.deepStrictEqual(violationsOf(preview, policy), [], unknownPart);
            assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1, unknownPart);
            const update = await judge(program);
            expectNoViolation(update, policy);
            assert.strictEqual(update.notices.length, 0);
        }
    });

    it("an unknown policy in another namespace does not hide a known violation", async () => {
        const program = () => {
            const suffix = new random.RandomString("suffix", {
                length: 4,
                special: false,
                upper: false,
                numeric: false,
            }).result;
            networkPolicy("np", { namespace: "other", podSelector: { matchLabels: { app: suffix } } });
            dataService(dataFixtures.cnpgCluster, "pg");
        };
        const preview = await judge(program, {}, true);
        expectOneViolation(preview, policy, "pg");
        assert.strictEqual(preview.notices.length, 0);
    });

    describe("malformed and unknown values anywhere", () => {
        const raw = useRawPack();
        const cr = (key: keyof typeof dataFixtures): RawResource => {
            const f = dataFixtures[key];
            return {
                type: `kubernetes:${f.apiVersion}:${f.kind}`,
                name: key,
                props: {
                    apiVersion: f.apiVersion,
                    kind: f.kind,
                    metadata: { name: key, namespace: f.namespace },
                    spec: f.spec(undefined),
                },
            };
        };
        const netpol = (name: string, namespace: string, spec: unknown): RawResource => ({
            type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
            name,
            props: { metadata: { name, namespace }, spec },
        });
        const allow = netpol("allow", "default", {
            podSelector: {
                matchLabels: { "cnpg.io/cluster": "cnpgCluster" },
                matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: ["cnpgCluster"] }],
            },
            policyTypes: ["Ingress"],
            ingress: [{ from: [{ podSelector: {} }] }],
        });

        it("never throws or prints undefined, whatever shape the data resources or the NetworkPolicies have", async () => {
            const data = Object.keys(dataFixtures).map((k) => cr(k as keyof typeof dataFixtures));
            let checked = await expectRobust(raw, policy, data, [
                netpol("deny", "default", { podSelector: {} }),
                netpol("deny-rook", "rook-ceph", { podSelector: {} }),
            ]);
            checked += await expectRobust(raw, policy, [allow], [cr("cnpgCluster")]);
            assert.ok(checked > 1000, `checked ${checked} variants`);
        });

        it("an unknown anywhere in the only covering NetworkPolicy gives a notice, never a violation", async () => {
            const paths = [
                ["metadata"],
                ["metadata", "namespace"],
                ["spec"],
                ["spec", "podSelector"],
                ["spec", "podSelector", "matchLabels"],
                ["spec", "podSelector", "matchLabels", "cnpg.io/cluster"],
                ["spec", "podSelector", "matchExpressions"],
                ["spec", "podSelector", "matchExpressions", 0, "values"],
                ["spec", "policyTypes"],
                ["spec", "policyTypes", 0],
            ];
            for (const path of paths) {
                const v = await raw(
                    [cr("cnpgCluster"), { ...allow, props: replacedAt(allow.props, path, UNKNOWN) }],
                    only(policy, "advisory"),
                );
                assert.deepStrictEqual(violationsOf(v, policy), [], path.join("."));
                assert.strictEqual(v.notices.filter((d) => d.policy === policy).length, 1, path.join("."));
            }
        });

        it("a malformed selector selects nothing; a missing one selects everything, as the API decodes it", async () => {
            const judgeWith = (spec: unknown) =>
                raw([cr("cnpgCluster"), netpol("np", "default", spec)], only(policy, "advisory"));
            for (const podSelector of [
                "x",
                [],
                { matchLabels: "x" },
                { matchLabels: { "cnpg.io/cluster": 5 } },
                { matchExpressions: {} },
                { matchExpressions: [null] },
                { matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: "cnpgCluster" }] },
            ]) {
                assert.strictEqual(
                    violationsOf(await judgeWith({ podSelector }), policy).length,
                    1,
                    JSON.stringify(podSelector),
                );
            }
            for (const spec of [{}, { podSelector: null }, { podSelector: {}, policyTypes: null }]) {
                assert.deepStrictEqual(violationsOf(await judgeWith(spec), policy), [], JSON.stringify(spec));
            }
            assert.strictEqual(
                violationsOf(await judgeWith({ podSelector: {}, policyTypes: "Ingress" }), policy).length,
                1,
                "policyTypes must be a list",
            );
        });
    });
});
