import * as assert from "assert";
import * as random from "@pulumi/random";
import { crWithSpec, dataFixtures, dataService, sized } from "./data-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { RawResource, expectRobust, only, useRawPack } from "./raw-pack";

const policy = "k8s-data-resources";
const redis = "redis.redis.opstreelabs.in/v1beta2";
const redisImage = "quay.io/opstree/redis:v8.2.2";

/** Where each fixture's resources go, as the message names it. */
const paths: Record<string, string> = {
    cnpgCluster: "spec.resources",
    cnpgPooler: "spec.template.spec.containers[pgbouncer].resources",
    redisReplication: "spec.kubernetesConfig.resources",
    redisSentinel: "spec.kubernetesConfig.resources",
    redisCluster: "spec.kubernetesConfig.resources",
    redisStandalone: "spec.kubernetesConfig.resources",
    rabbitmq: "spec.resources",
    cephObjectStore: "spec.gateway.resources",
};

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    for (const [key, fixture] of Object.entries(dataFixtures)) {
        it(`passes a ${fixture.kind} with memory requests and limits, and fails one without (mandatory), naming it`, async () => {
            expectNoViolation(await judge(() => dataService(fixture, "svc")), policy);
            const v = violationsOf(await judge(() => dataService(fixture, "svc", {})), policy);
            assert.ok(
                v.length >= 1 && v.every((d) => d.urn.endsWith("::svc") && d.level === "mandatory"),
                JSON.stringify(v),
            );
            for (const d of v) {
                assert.match(
                    d.message,
                    new RegExp(
                        `^${fixture.kind} ${fixture.namespace}/svc: its .+ \\(${paths[key].replace(/[.[\]]/g, "\\$&")}\\) have no memory request and no memory limit; the kubelet evicts them first under memory pressure\\.$`,
                    ),
                );
            }
        });
    }

    it("reports each RedisCluster role that lacks them; a role's own resources replace kubernetesConfig's", async () => {
        const rc = (spec: Record<string, unknown>) => () =>
            crWithSpec("rc", redis, "RedisCluster", {
                clusterSize: 3,
                kubernetesConfig: { image: redisImage },
                ...spec,
            });
        assert.deepStrictEqual(
            violationsOf(await judge(rc({})), policy).map((d) => d.message.split(" have ")[0]),
            [
                "RedisCluster default/rc: its leaders (spec.kubernetesConfig.resources)",
                "RedisCluster default/rc: its followers (spec.kubernetesConfig.resources)",
            ],
        );
        // Leaders sized on their own; followers still have nothing.
        const d = expectOneViolation(await judge(rc({ redisLeader: { resources: sized } })), policy, "rc");
        assert.match(d.message, /its followers \(spec\.kubernetesConfig\.resources\) have no memory request/);
        expectNoViolation(
            await judge(rc({ redisLeader: { resources: sized }, redisFollower: { resources: sized } })),
            policy,
        );
        // The operator takes a role's resources when set at all, so `{}` there hides kubernetesConfig's.
        const e = expectOneViolation(
            await judge(
                rc({ kubernetesConfig: { image: redisImage, resources: sized }, redisFollower: { resources: {} } }),
            ),
            policy,
            "rc",
        );
        assert.match(
            e.message,
            /its followers \(spec\.redisFollower\.resources\) have no memory request and no memory limit/,
        );
    });

    it("sizes a RedisReplication's embedded Sentinels on their own (spec.sentinel.resources)", async () => {
        const rr = (sentinel: Record<string, unknown>) => () =>
            crWithSpec("rr", redis, "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig: { image: redisImage, resources: sized },
                sentinel,
            });
        const d = expectOneViolation(
            await judge(rr({ size: 3, image: "quay.io/opstree/redis-sentinel:v8.2.2" })),
            policy,
            "rr",
        );
        assert.match(
            d.message,
            /^RedisReplication default\/rr: its embedded Sentinel pods \(spec\.sentinel\.resources\) have no memory request and no memory limit/,
        );
        expectNoViolation(await judge(rr({ size: 3, resources: sized })), policy);
        // size 0: the operator runs no Sentinel.
        expectNoViolation(await judge(rr({ size: 0 })), policy);
    });

    it("says which of request and limit is missing, and fails a request above the limit", async () => {
        const mq = (resources: unknown) => () => dataService(dataFixtures.rabbitmq, "mq", { resources });
        assert.strictEqual(
            expectOneViolation(await judge(mq({ requests: { memory: "2Gi" } })), policy, "mq").message,
            "RabbitmqCluster default/mq: its nodes (spec.resources) have no memory limit; the kubelet evicts them first under memory pressure.",
        );
        assert.match(
            expectOneViolation(await judge(mq({ limits: { memory: "2Gi" }, requests: { cpu: "1" } })), policy, "mq")
                .message,
            /have no memory request;/,
        );
        assert.strictEqual(
            expectOneViolation(
                await judge(mq({ requests: { memory: "3Gi" }, limits: { memory: "2Gi" } })),
                policy,
                "mq",
            ).message,
            "RabbitmqCluster default/mq: its nodes (spec.resources) request more memory (3Gi) than their limit (2Gi); Kubernetes rejects such pods.",
        );
        // Units compare by value: 2048Mi is 2Gi, 2G is less than 2Gi, a plain number is bytes.
        expectNoViolation(await judge(mq({ requests: { memory: "2048Mi" }, limits: { memory: "2Gi" } })), policy);
        expectNoViolation(await judge(mq({ requests: { memory: "2G" }, limits: { memory: "2Gi" } })), policy);
        expectOneViolation(await judge(mq({ requests: { memory: "2Gi" }, limits: { memory: "2G" } })), policy, "mq");
        expectNoViolation(await judge(mq({ requests: { memory: 1073741824 }, limits: { memory: "1Gi" } })), policy);
        assert.match(
            expectOneViolation(await judge(mq({ requests: { memory: "lots" }, limits: { memory: "0" } })), policy, "mq")
                .message,
            /have a memory request that is not a Kubernetes quantity \("lots"\) and a memory limit of "0", not above 0;/,
        );
    });

    it("looks for the Pooler's pgbouncer container by name", async () => {
        const pool = (containers: unknown[]) => () =>
            crWithSpec("pool", "postgresql.cnpg.io/v1", "Pooler", {
                cluster: { name: "pg" },
                pgbouncer: {},
                template: { spec: { containers } },
            });
        expectNoViolation(await judge(pool([{ name: "sidecar" }, { name: "pgbouncer", resources: sized }])), policy);
        assert.match(
            expectOneViolation(await judge(pool([{ name: "sidecar", resources: sized }])), policy, "pool").message,
            /its PgBouncer pods .* have no memory request and no memory limit/,
        );
        expectOneViolation(
            await judge(() =>
                crWithSpec("pool", "postgresql.cnpg.io/v1", "Pooler", { cluster: { name: "pg" }, pgbouncer: {} }),
            ),
            policy,
            "pool",
        );
    });

    it("with requireCpuRequests, also demands a CPU request", async () => {
        const noCpu = { requests: { memory: "1Gi" }, limits: { memory: "1Gi" } };
        expectNoViolation(await judge(() => dataService(dataFixtures.cnpgCluster, "pg", { resources: noCpu })), policy);
        const d = expectOneViolation(
            await judge(() => dataService(dataFixtures.cnpgCluster, "pg", { resources: noCpu }), {
                [policy]: { requireCpuRequests: true },
            }),
            policy,
            "pg",
        );
        assert.match(d.message, /its instances \(spec\.resources\) have no cpu request;/);
        expectNoViolation(
            await judge(() => dataService(dataFixtures.cnpgCluster, "pg"), { [policy]: { requireCpuRequests: true } }),
            policy,
        );
    });

    it("honours an exemption with a reason", async () => {
        expectNoViolation(
            await judge(() =>
                dataService(dataFixtures.rabbitmq, "mq", {
                    annotations: { [`pulumi-ha.io/exempt-${policy}`]: "operator defaults reviewed" },
                }),
            ),
            policy,
        );
    });

    it("never fails on a memory quantity unknown at preview (a notice), and still judges the known pod sets", async () => {
        const program = () => {
            const mi = new random.RandomInteger("mi", { min: 512, max: 512 }).result;
            const memory = mi.apply((n) => `${n}Mi`);
            crWithSpec("rc", redis, "RedisCluster", {
                clusterSize: 3,
                kubernetesConfig: { image: redisImage },
                redisLeader: { resources: { requests: { memory }, limits: { memory } } },
            });
            dataService(dataFixtures.cnpgCluster, "pg", {
                resources: { requests: { memory }, limits: { memory: "1Gi" } },
            });
        };
        const preview = await judge(program, {}, true);
        assert.deepStrictEqual(
            violationsOf(preview, policy).map((d) => d.message.split(" have ")[0]),
            ["RedisCluster default/rc: its followers (spec.kubernetesConfig.resources)"],
        );
        assert.strictEqual(preview.mandatory.filter((d) => d.policy === policy).length, 1);
        assert.strictEqual(
            preview.notices.filter((d) => d.policy === policy).length,
            2,
            "one per resource with an unknown",
        );
        const update = await judge(program);
        assert.deepStrictEqual(
            violationsOf(update, policy).map((d) => d.urn.split("::").pop()),
            ["rc"],
        );
        assert.strictEqual(update.notices.length, 0);
    });

    describe("malformed and unknown values anywhere", () => {
        const raw = useRawPack();
        const fixtures: RawResource[] = Object.entries(dataFixtures).map(([key, f]) => ({
            type: `kubernetes:${f.apiVersion}:${f.kind}`,
            name: key,
            props: {
                apiVersion: f.apiVersion,
                kind: f.kind,
                metadata: { name: key, namespace: f.namespace },
                spec: f.spec({ requests: { memory: "1Gi", cpu: "1" }, limits: { memory: "2Gi" } }),
            },
        }));
        it("never throws, never prints undefined, and an unknown never fails a passing resource", async () => {
            const checked = await expectRobust(raw, policy, [
                ...fixtures,
                {
                    type: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster",
                    name: "roles",
                    props: {
                        metadata: { name: "roles" },
                        spec: {
                            kubernetesConfig: { image: redisImage },
                            redisLeader: { resources: sized },
                            redisFollower: { resources: sized },
                        },
                    },
                },
            ]);
            assert.ok(checked > 1000, `checked ${checked} variants`);
        });
        it("turns an unknown request or limit into a notice, never a violation", async () => {
            const unknownAt = (resources: unknown): RawResource => ({
                type: "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster",
                name: "mq",
                props: { metadata: { name: "mq" }, spec: { resources } },
            });
            for (const resources of [
                { requests: { memory: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, limits: { memory: "1Gi" } },
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                { requests: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
            ]) {
                const v = await raw([unknownAt(resources)], only(policy, "mandatory"));
                assert.deepStrictEqual(violationsOf(v, policy), [], JSON.stringify(resources));
                assert.strictEqual(v.notices.filter((d) => d.policy === policy).length, 1, JSON.stringify(resources));
            }
        });
        it("reads wrong-typed resources as missing, and names a resource without metadata by its resource name", async () => {
            const v = await raw(
                [
                    {
                        type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
                        name: "pg",
                        props: { spec: { resources: [null] } },
                    },
                    {
                        type: "kubernetes:postgresql.cnpg.io/v1:Pooler",
                        name: "pool",
                        props: {
                            metadata: { name: 7 },
                            spec: { template: { spec: { containers: { name: "pgbouncer" } } } },
                        },
                    },
                    {
                        type: "kubernetes:ceph.rook.io/v1:CephObjectStore",
                        name: "store",
                        props: {
                            metadata: null,
                            spec: { gateway: { resources: { requests: { memory: {} }, limits: { memory: true } } } },
                        },
                    },
                ],
                only(policy, "mandatory"),
            );
            assert.deepStrictEqual(
                violationsOf(v, policy)
                    .map((d) => d.message.split("; ")[0])
                    .sort(),
                [
                    "CephObjectStore default/store: its RGW gateways (spec.gateway.resources) have a memory request that is not a Kubernetes quantity ({}) and a memory limit that is not a Kubernetes quantity (true)",
                    "Cluster default/pg: its instances (spec.resources) have no memory request and no memory limit",
                    "Pooler default/pool: its PgBouncer pods (spec.template.spec.containers[pgbouncer].resources) have no memory request and no memory limit",
                ],
            );
        });
    });
});
