import * as assert from "assert";
import { violationsOf } from "./judge";
import { RawResource, UNKNOWN, only, useRawPack } from "./raw-pack";

/**
 * The pack reads names, namespaces and operators' pod counts through one set of readers
 * (policies/common), so every policy tells the same story about the same object.
 */
describe("policies read names and operator pod counts alike", () => {
    const raw = useRawPack();
    const blank = { name: " ", namespace: "  " };

    it("a blank metadata.name or namespace reads as unset in every policy: the Pulumi name, in namespace default", async () => {
        const resources: RawResource[] = [
            {
                type: "kubernetes:apps/v1:Deployment",
                name: "web",
                props: {
                    metadata: blank,
                    spec: {
                        replicas: 1,
                        template: {
                            metadata: { labels: { app: "web" } },
                            spec: {
                                securityContext: { runAsNonRoot: true },
                                containers: [{ name: "app", image: "nginx" }],
                            },
                        },
                    },
                },
            },
            {
                type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
                name: "pg",
                props: { metadata: blank, spec: { instances: 1, imageName: "ghcr.io/cloudnative-pg/postgresql:17" } },
            },
            {
                type: "kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster",
                name: "mq",
                props: { metadata: blank, spec: { replicas: 2 } },
            },
        ];
        const v = await raw(resources);
        const messages = v.violations.map((d) => `${d.policy}: ${d.message}`);
        // Policies that name the object by namespace/name (others name it by kind and name only).
        for (const [policy, key] of [
            ["k8s-numeric-user", "default/web"],
            ["k8s-image-tags", "default/web"],
            ["k8s-cnpg-ha", "default/pg"],
            ["k8s-image-tags", "default/pg"],
            ["k8s-data-resources", "default/pg"],
            ["k8s-network-policy", "default/pg"],
            ["k8s-rabbitmq-replicas", "default/mq"],
            ["k8s-data-pdb", "default/mq"],
        ]) {
            assert.ok(
                violationsOf(v, policy).some((d) => d.message.includes(key)),
                `${policy} names ${key}: ${messages.join("\n")}`,
            );
        }
        // A blank namespace would print as " /web", a blank name as "default/ ".
        const unnamed = messages.filter((m) => / \/|\/ /.test(m));
        assert.deepStrictEqual(unnamed, [], "no message prints a blank name or namespace");
    });

    it("k8s-data-pdb counts RedisCluster roles as k8s-data-zone-spread does: declared replicas need no clusterSize, even unknown at preview", async () => {
        const redis: RawResource = {
            type: "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster",
            name: "rc",
            props: {
                metadata: { name: "rc", namespace: "data" },
                spec: { clusterSize: UNKNOWN, redisLeader: { replicas: 3 }, redisFollower: { replicas: 2 } },
            },
        };
        const v = await raw([redis], only("k8s-data-pdb", "mandatory"));
        assert.deepStrictEqual(
            violationsOf(v, "k8s-data-pdb").map((d) => d.message),
            [
                "RedisCluster data/rc: its leaders (3) have no PodDisruptionBudget; a node drain may evict several at once.",
                "RedisCluster data/rc: its followers (2) have no PodDisruptionBudget; a node drain may evict several at once.",
            ],
        );
        assert.deepStrictEqual(
            v.notices.filter((d) => d.policy === "k8s-data-pdb"),
            [],
        );
        // With a role that declares no replicas, clusterSize is its count: unknown at preview, so a notice and no verdict.
        const undeclared = await raw(
            [
                {
                    ...redis,
                    props: { ...(redis.props as object), spec: { clusterSize: UNKNOWN, redisLeader: { replicas: 3 } } },
                },
            ],
            only("k8s-data-pdb", "mandatory"),
        );
        assert.deepStrictEqual(
            [
                violationsOf(undeclared, "k8s-data-pdb").length,
                undeclared.notices.filter((d) => d.policy === "k8s-data-pdb").length,
            ],
            [0, 1],
        );
    });
});
