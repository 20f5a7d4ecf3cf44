import * as assert from "assert";
import * as random from "@pulumi/random";
import { crWithSpec } from "./data-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { container, podKinds, podWorkload } from "./pod-fixtures";
import { RawResource, expectRobust, only, useRawPack } from "./raw-pack";

const policy = "k8s-image-tags";

/** The names of the resources the policy flags. */
function flagged(v: Awaited<ReturnType<ReturnType<typeof usePolicyPack>>>): string[] {
    return violationsOf(v, policy)
        .map((d) => d.urn.split("::").pop()!)
        .sort();
}

const pinned = [
    "nginx:1.27.3",
    "postgres:17.6-alpine",
    "ghcr.io/cloudnative-pg/postgresql:17.6",
    "quay.io/opstree/redis:v8.2.2",
    "rabbitmq:4.1.4-management",
    "localhost:5000/team/app:2.3.1",
    "nginx:1.27",
    "registry.example.com:443/app:20240115",
    "nginx@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
    "nginx:latest@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
];
const moving = [
    "nginx",
    "nginx:latest",
    "postgres:17",
    "redis:7",
    "postgres:17-alpine",
    "quay.io/opstree/redis:v7",
    "localhost:5000/app",
    "nginx:stable",
    "nginx:alpine",
];

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes full versions, major.minor, build stamps and digests; fails untagged, latest, versionless and bare major tags", async () => {
        const v = await judge(() => {
            pinned.forEach((image, i) =>
                podWorkload("Deployment", `good-${i}`, { containers: [container("app", { image })] }),
            );
            moving.forEach((image, i) =>
                podWorkload("Deployment", `bad-${i}`, { containers: [container("app", { image })] }),
            );
        });
        assert.deepStrictEqual(flagged(v), moving.map((_, i) => `bad-${i}`).sort());
        assert.ok(violationsOf(v, policy).every((d) => d.level === "advisory"));
        const message = (i: number) => violationsOf(v, policy).find((d) => d.urn.endsWith(`::bad-${i}`))!.message;
        assert.strictEqual(
            message(0),
            'Deployment default/bad-0: container "app" image "nginx" has no tag (Kubernetes pulls `latest`); it can change under you on the next pull. Pin a full version or a digest.',
        );
        assert.match(message(1), /image "nginx:latest" uses the `latest` tag/);
        assert.match(message(2), /image "postgres:17" uses the bare major tag "17"/);
        assert.match(message(4), /image "postgres:17-alpine" uses the bare major tag "17-alpine"/);
        assert.match(message(7), /image "nginx:stable" uses the tag "stable", which names no version/);
    });

    for (const kind of podKinds) {
        it(`checks the containers and init containers of a ${kind}`, async () => {
            const d = expectOneViolation(
                await judge(() =>
                    podWorkload(kind, "w", {
                        containers: [container("app")],
                        initContainers: [container("migrate", { image: "flyway/flyway:10" })],
                    }),
                ),
                policy,
                "w",
            );
            assert.match(
                d.message,
                new RegExp(
                    `^${kind} default/w: init container "migrate" image "flyway/flyway:10" uses the bare major tag "10"`,
                ),
            );
            expectNoViolation(
                await judge(() =>
                    podWorkload(kind, "w", {
                        initContainers: [container("migrate", { image: "flyway/flyway:10.20.1" })],
                    }),
                ),
                policy,
            );
        });
    }

    it("checks the operators' images: CloudNativePG Cluster and Pooler, RabbitmqCluster, Redis kinds", async () => {
        const v = await judge(() => {
            crWithSpec("pg", "postgresql.cnpg.io/v1", "Cluster", {
                instances: 3,
                imageName: "ghcr.io/cloudnative-pg/postgresql:17",
                storage: { size: "1Gi" },
            });
            crWithSpec("pool", "postgresql.cnpg.io/v1", "Pooler", {
                cluster: { name: "pg" },
                pgbouncer: {},
                template: {
                    spec: { containers: [{ name: "pgbouncer", image: "ghcr.io/cloudnative-pg/pgbouncer:1" }] },
                },
            });
            crWithSpec("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", {
                replicas: 3,
                image: "rabbitmq:4-management",
            });
            crWithSpec("rr", "redis.redis.opstreelabs.in/v1beta2", "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig: { image: "quay.io/opstree/redis:latest" },
            });
            crWithSpec("rs", "redis.redis.opstreelabs.in/v1beta2", "RedisSentinel", {
                clusterSize: 3,
                kubernetesConfig: { image: "quay.io/opstree/redis-sentinel" },
            });
            crWithSpec("rr-s", "redis.redis.opstreelabs.in/v1beta2", "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig: { image: "quay.io/opstree/redis:v8.2.2" },
                sentinel: { size: 3, image: "quay.io/opstree/redis-sentinel:8" },
            });
            crWithSpec("rc", "redis.redis.opstreelabs.in/v1beta2", "RedisCluster", {
                clusterSize: 3,
                kubernetesConfig: { image: "quay.io/opstree/redis:v8.2.2" },
                redisExporter: { enabled: true, image: "quay.io/opstree/redis-exporter:v1" },
            });
            // Pinned, or left to the operator's own pinned default.
            crWithSpec("pg-ok", "postgresql.cnpg.io/v1", "Cluster", {
                instances: 3,
                imageName: "ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm",
                storage: { size: "1Gi" },
            });
            crWithSpec("mq-default", "rabbitmq.com/v1beta1", "RabbitmqCluster", { replicas: 3 });
            crWithSpec("rr-ok", "redis.redis.opstreelabs.in/v1beta2", "RedisReplication", {
                clusterSize: 3,
                kubernetesConfig: { image: "quay.io/opstree/redis:v8.2.2" },
            });
        });
        assert.deepStrictEqual(flagged(v), ["mq", "pg", "pool", "rc", "rr", "rr-s", "rs"]);
        const message = (name: string) => violationsOf(v, policy).find((d) => d.urn.endsWith(`::${name}`))!.message;
        assert.match(
            message("pg"),
            /^Cluster default\/pg: spec\.imageName image "ghcr\.io\/cloudnative-pg\/postgresql:17" uses the bare major tag "17"/,
        );
        assert.match(message("pool"), /^Pooler default\/pool: container "pgbouncer" image/);
        assert.match(
            message("mq"),
            /^RabbitmqCluster default\/mq: spec\.image image "rabbitmq:4-management" uses the bare major tag/,
        );
        assert.match(
            message("rr"),
            /^RedisReplication default\/rr: spec\.kubernetesConfig\.image image "quay\.io\/opstree\/redis:latest" uses the `latest` tag/,
        );
        assert.match(
            message("rr-s"),
            /spec\.sentinel\.image image "quay\.io\/opstree\/redis-sentinel:8" uses the bare major tag "8"/,
        );
        assert.match(
            message("rs"),
            /spec\.kubernetesConfig\.image image "quay\.io\/opstree\/redis-sentinel" has no tag/,
        );
        assert.match(
            message("rc"),
            /spec\.redisExporter\.image image "quay\.io\/opstree\/redis-exporter:v1" uses the bare major tag "v1"/,
        );
    });

    it("with requireFullVersion, demands major.minor.patch (or a digest)", async () => {
        const config = { [policy]: { requireFullVersion: true } };
        const images = [
            "nginx:1.27",
            "app:20240115",
            "app:sha-0a1b2c3",
            "nginx:1.27.3",
            "postgres:17.6.1-alpine",
            "v1.2.3" /* a name without a tag */,
        ];
        const v = await judge(
            () =>
                images.forEach((image, i) =>
                    podWorkload("Deployment", `w-${i}`, { containers: [container("app", { image })] }),
                ),
            config,
        );
        assert.deepStrictEqual(flagged(v), ["w-0", "w-1", "w-2", "w-5"]);
        assert.match(
            violationsOf(v, policy).find((d) => d.urn.endsWith("::w-0"))!.message,
            /uses the tag "1\.27", not a full major\.minor\.patch version/,
        );
        expectNoViolation(
            await judge(
                () => podWorkload("Deployment", "w", { containers: [container("app", { image: pinned[8] })] }),
                config,
            ),
            policy,
        );
    });

    it("honours an exemption with a reason", async () => {
        const annotations = { [`pulumi-ha.io/exempt-${policy}`]: "vendor publishes only a moving tag" };
        expectNoViolation(
            await judge(() =>
                podWorkload("Deployment", "w", {
                    annotations,
                    containers: [container("app", { image: "vendor/tool" })],
                }),
            ),
            policy,
        );
    });

    it("never fails on an image unknown at preview (a notice), and judges it at update", async () => {
        const program = () => {
            const tag = new random.RandomString("tag", { length: 6, special: false, upper: false, numeric: false })
                .result;
            podWorkload("Deployment", "w", {
                containers: [
                    container("app", { image: tag.apply((t) => `app:${t}`) }),
                    container("bad", { image: "nginx" }),
                ],
            });
        };
        const preview = await judge(program, {}, true);
        assert.deepStrictEqual(
            violationsOf(preview, policy).map((d) => d.message.split(" image ")[0]),
            ['Deployment default/w: container "bad"'],
        );
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        // At update the random tag has no digit: a versionless, moving tag.
        assert.strictEqual(violationsOf(await judge(program), policy).length, 2);
    });

    describe("malformed and unknown values anywhere", () => {
        const raw = useRawPack();
        const cr = (kind: string, apiVersion: string, spec: unknown): RawResource => ({
            type: `kubernetes:${apiVersion}:${kind}`,
            name: kind.toLowerCase(),
            props: { apiVersion, kind, metadata: { name: kind.toLowerCase(), namespace: "default" }, spec },
        });
        it("never throws, never prints undefined, and an unknown never fails a passing resource", async () => {
            const checked = await expectRobust(raw, policy, [
                {
                    type: "kubernetes:batch/v1:CronJob",
                    name: "cj",
                    props: {
                        metadata: { name: "cj" },
                        spec: {
                            schedule: "0 3 * * *",
                            jobTemplate: {
                                spec: {
                                    template: {
                                        spec: {
                                            containers: [{ name: "a", image: "nginx:1.27.3" }],
                                            initContainers: [{ name: "i", image: "busybox" }],
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                cr("Cluster", "postgresql.cnpg.io/v1", { imageName: "ghcr.io/cloudnative-pg/postgresql:17.6" }),
                cr("Pooler", "postgresql.cnpg.io/v1", {
                    template: {
                        spec: { containers: [{ name: "pgbouncer", image: "ghcr.io/cloudnative-pg/pgbouncer:1.24.1" }] },
                    },
                }),
                cr("RedisCluster", "redis.redis.opstreelabs.in/v1beta2", {
                    kubernetesConfig: { image: "quay.io/opstree/redis:v8.2.2" },
                    redisExporter: { image: "quay.io/opstree/redis-exporter:v1.76.0" },
                    sidecars: [{ name: "s", image: "busybox:1.36.1" }],
                }),
                cr("RabbitmqCluster", "rabbitmq.com/v1beta1", { image: "rabbitmq:4" }),
            ]);
            assert.ok(checked > 500, `checked ${checked} variants`);
        });
        it("skips images that are not strings, and null entries", async () => {
            const v = await raw(
                [
                    {
                        type: "kubernetes:apps/v1:Deployment",
                        name: "w",
                        props: {
                            spec: {
                                template: {
                                    spec: {
                                        containers: [
                                            null,
                                            { image: 5 },
                                            { image: {} },
                                            { image: [] },
                                            { name: "x", image: " nginx " },
                                        ],
                                    },
                                },
                            },
                        },
                    },
                    cr("RedisSentinel", "redis.redis.opstreelabs.in/v1beta2", {
                        kubernetesConfig: null,
                        sidecars: [null, { image: null }],
                    }),
                ],
                only(policy, "advisory"),
            );
            assert.deepStrictEqual(
                violationsOf(v, policy).map((d) => d.message.split(";")[0]),
                ['Deployment default/w: container "x" image "nginx" has no tag (Kubernetes pulls `latest`)'],
            );
        });
    });
});
