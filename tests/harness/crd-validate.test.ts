import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import { crdDir, crdFolders, loadCrdSchemas, validateCustomResources } from "../../scripts/harness/crd-validate";
import { kubernetesObjects, validateKubernetesObjects } from "../../scripts/harness/k8s-validate";
import { runProgram } from "../../scripts/harness/mock-engine";

// The validator must reject what the API server would: otherwise "0 problems" proves nothing.

async function problemsOf(apiVersion: string, kind: string, spec: Record<string, unknown>): Promise<string[]> {
    const run = await runProgram(() => {
        new k8s.apiextensions.CustomResource("cr", {
            apiVersion,
            kind,
            metadata: { name: "x", namespace: "ns" },
            spec,
        });
    });
    const { unknownKinds } = validateKubernetesObjects(kubernetesObjects(run.resources, false));
    return validateCustomResources(unknownKinds).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("CRD validator (operators' schemas in ../shared/crds)", () => {
    it(`finds the pinned CRD folders in ${crdDir} (they are test data, read in place)`, () => {
        const schemas = loadCrdSchemas();
        for (const key of [
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "postgresql.cnpg.io/v1/Pooler",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "rabbitmq.com/v1beta1/RabbitmqCluster",
            "redis.redis.opstreelabs.in/v1beta2/RedisCluster",
            "redis.redis.opstreelabs.in/v1beta2/RedisReplication",
            "redis.redis.opstreelabs.in/v1beta2/RedisSentinel",
            "ceph.rook.io/v1/CephObjectStore",
            "objectbucket.io/v1alpha1/ObjectBucketClaim",
        ])
            assert.ok(schemas.has(key), key);
    });

    it("fails, saying where the CRDs come from, when a folder is missing", () => {
        assert.throws(
            () => loadCrdSchemas("/nonexistent/crds"),
            new RegExp(
                `missing CRD folders in /nonexistent/crds: ${crdFolders[0]}.*copied from their release tags \\(see \\.\\./shared/crds/README\\.md\\)`,
            ),
        );
    });

    it("accepts a valid Cluster", async () => {
        assert.deepStrictEqual(
            await problemsOf("postgresql.cnpg.io/v1", "Cluster", { instances: 3, storage: { size: "1Gi" } }),
            [],
        );
    });

    it("rejects a wrong type, a value outside an enum, and a misspelt (unknown) field", async () => {
        assert.deepStrictEqual(
            await problemsOf("postgresql.cnpg.io/v1", "Cluster", { instances: "three", storage: { size: "1Gi" } }),
            ["/spec/instances: must be integer"],
        );
        const problems = await problemsOf("postgresql.cnpg.io/v1", "Cluster", {
            instances: 3,
            storage: { size: "1Gi" },
            primaryUpdateStrategy: "sometimes",
        });
        assert.ok(
            problems.some((p) => /^\/spec\/primaryUpdateStrategy: must be equal to one of the allowed values/.test(p)),
            JSON.stringify(problems),
        );
        assert.deepStrictEqual(await problemsOf("rabbitmq.com/v1beta1", "RabbitmqCluster", { replica: 3 }), [
            '/spec: unknown field "replica"',
        ]);
    });

    it("rejects a missing required field", async () => {
        assert.deepStrictEqual(
            await problemsOf("redis.redis.opstreelabs.in/v1beta2", "RedisCluster", { clusterSize: 3 }),
            ["/spec: must have required property 'kubernetesConfig'"],
        );
    });

    it("reports a kind no pinned CRD defines", async () => {
        assert.deepStrictEqual(await problemsOf("minio.min.io/v2", "Tenant", {}), [
            "/: no pinned CRD defines minio.min.io/v2 Tenant",
        ]);
    });
});
