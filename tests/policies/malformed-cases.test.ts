import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import { cnpg, customResource, deployment, otRedis, servedContainer } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";

/**
 * The malformed shapes issue 7 §4b saw fail a whole preview, through the real analyzer:
 * each must now give a verdict (an exception would reject `judge` with the gRPC error), and
 * messages name the resource, never "undefined" or "[object Object]".
 */
// Shapes no typed input allows: a JavaScript or YAML program can still send them.
const loose = <T>(v: unknown) => v as T;
const kubernetesConfig = { image: "quay.io/opstree/redis:v8.2.2" };

describe("policies on the malformed shapes that used to fail the preview", () => {
    const judge = usePolicyPack();

    it("env: [null], an entry without a name and one with a numeric name: only the real credential is reported", async () => {
        const env = loose<k8s.types.input.core.v1.EnvVar[]>([
            null,
            { value: "x" },
            { name: 5, value: "y" },
            { name: "DB_PASSWORD", value: "hunter2" },
        ]);
        const d = expectOneViolation(
            await judge(() => deployment("web", { replicas: 2, containers: [{ ...servedContainer, env }] })),
            "k8s-secret-env",
            "web",
        );
        assert.strictEqual(
            d.message,
            'Container "app" reads DB_PASSWORD from a literal value; credentials must come from secretKeyRef.',
        );
    });

    it("containers: [null] and a container without a name", async () => {
        expectNoViolation(
            await judge(() => deployment("web", { replicas: 2, containers: loose([null, servedContainer]) })),
            "k8s-probes",
        );
        const d = expectOneViolation(
            await judge(() => deployment("web", { replicas: 2, containers: loose([null, { image: "busybox:1.37" }]) })),
            "k8s-probes",
            "web",
        );
        assert.strictEqual(
            d.message,
            "Container #2 of Deployment web has no livenessProbe (a hung process is never restarted).",
        );
    });

    it("topologySpreadConstraints: {} is no zone spread (reported, not thrown)", async () => {
        const d = expectOneViolation(
            await judge(() =>
                customResource("r", otRedis, "RedisReplication", {
                    clusterSize: 3,
                    kubernetesConfig,
                    topologySpreadConstraints: {},
                }),
            ),
            "k8s-data-zone-spread",
            "r",
        );
        assert.strictEqual(d.message, "RedisReplication default/r: its pods (3) have no zone spread.");
    });

    it("CloudNativePG spec.plugins: {} archives nothing (reported by the stack policy, which judges the other clusters too)", async () => {
        const v = violationsOf(
            await judge(() => {
                customResource("pg", cnpg, "Cluster", { instances: 3, storage: { size: "1Gi" }, plugins: {} });
                customResource("pg2", cnpg, "Cluster", { instances: 3, storage: { size: "1Gi" }, plugins: [null, 7] });
            }),
            "k8s-cnpg-backups",
        );
        assert.deepStrictEqual(
            v.map((d) => [d.urn.split("::").pop(), d.message.split(":")[0]]),
            [
                [
                    "pg",
                    "Cluster default/pg archives no WAL (no barman-cloud.cloudnative-pg.io plugin with isWALArchiver)",
                ],
                ["pg", "Cluster default/pg has no ScheduledBackup"],
                [
                    "pg2",
                    "Cluster default/pg2 archives no WAL (no barman-cloud.cloudnative-pg.io plugin with isWALArchiver)",
                ],
                ["pg2", "Cluster default/pg2 has no ScheduledBackup"],
            ],
        );
    });

    it("a metadata.name that is not a string: messages use the resource's name", async () => {
        const v = await judge(() => {
            new k8s.apiextensions.CustomResource("cache", {
                apiVersion: otRedis,
                kind: "RedisReplication",
                metadata: { name: loose({ a: 1 }), namespace: "default" },
                spec: { clusterSize: 3, kubernetesConfig },
            });
        });
        assert.ok(v.violations.length > 0);
        for (const d of v.violations) assert.doesNotMatch(d.message, /undefined|\[object Object\]/, d.message);
        assert.strictEqual(
            expectOneViolation(v, "k8s-data-tls", "cache").message,
            "RedisReplication default/cache serves Redis without TLS (no spec.TLS.secret.secretName).",
        );
    });
});
