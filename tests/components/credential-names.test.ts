import * as assert from "assert";
import * as components from "../../components/core/credentials";
import * as pack from "../../policies/kubernetes/credential-names";

// The components refuse credential-like env names in plain env; the pack flags them. The pack
// ships alone and never imports components, so it keeps its own copy of the rule: this test
// keeps the two copies identical, so neither can accept what the other refuses.
describe("one rule for credential-like names, in the components and in the pack", () => {
    it("the same words and the same connection-URL pattern", () => {
        assert.deepStrictEqual([...pack.credentialWords].sort(), [...components.credentialWords].sort());
        assert.strictEqual(pack.connectionUrl.source, components.connectionUrl.source);
        assert.strictEqual(pack.connectionUrl.flags, components.connectionUrl.flags);
    });

    it("the same verdict on names either side could meet", () => {
        const names = [
            "DATABASE_URL",
            "DATABASE_READ_URL",
            "REDIS_URL",
            "AMQP_URI",
            "MONGODB_CONNECTION_STRING",
            "JWT_SECRET",
            "API_KEY",
            "apiKey",
            "db.password",
            "SMTP_PASS",
            "AUTH_TOKEN",
            "SENTRY_DSN",
            "PRIVATE_KEY_PEM",
            "LOG_LEVEL",
            "PORT",
            "KEYCLOAK_REALM",
            "PASSTHROUGH",
            "S3_BUCKET",
            "S3_ENDPOINT",
            "AWS_ACCESS_KEY_ID",
            "SESSION_SECRETS",
            "TOKEN_TTL",
            "HTTP_SHUTDOWN_TIMEOUT",
        ];
        for (const name of names)
            assert.strictEqual(pack.looksLikeCredential(name), components.looksLikeCredential(name), name);
        assert.ok(names.filter((n) => components.looksLikeCredential(n)).length >= 12, "the corpus has both verdicts");
        assert.ok(names.filter((n) => !components.looksLikeCredential(n)).length >= 6);
    });
});

// The same goes for Kubernetes quantities: the components refuse what the pack cannot read, and both
// read them as the API server's resource.Quantity does.
describe("one reading of Kubernetes quantities, in the components and in the pack", () => {
    it("the same value for every suffix resource.Quantity takes, and the same refusals", async () => {
        const { parseQuantity: fromComponents } = await import("../../components/core/formats");
        const { parseQuantity: fromPack } = await import("../../policies/common/quantities");
        const samples = [
            "1",
            "0.5",
            ".5",
            "250m",
            "100n",
            "10u",
            "1k",
            "2M",
            "3G",
            "1T",
            "1P",
            "1E",
            "512Ki",
            "256Mi",
            "2Gi",
            "1Ti",
            "1Pi",
            "1Ei",
            "1e3",
            "2E6",
            "+1",
            "1.5Gi",
            "",
            "Gi",
            "1gb",
            "1 Gi",
            "1.2.3",
            "ten",
            "1Mi5",
        ];
        for (const q of samples) assert.strictEqual(fromPack(q), fromComponents(q), q);
        assert.ok(Math.abs(fromComponents("100n")! - 1e-7) < 1e-15);
        assert.strictEqual(fromComponents("1gb"), undefined);
    });
});

// And for backups inside the cluster: the components refuse in production what the pack flags,
// and the reason the components write is the annotation the pack reads.
describe("one rule for in-cluster backup destinations, in the components and in the pack", () => {
    it("the same verdict on endpoints, and the same annotation key", async () => {
        const { isInClusterEndpoint } = await import("../../components/core/formats");
        const { inClusterReasonAnnotation: written } = await import("../../components/backends/kubernetes/postgres");
        const pack = await import("../../policies/common/backup-destination");
        const flagsInCluster = (e: string) => pack.endpointProblems(e).some((p) => p.startsWith("inside the cluster"));
        const endpoints = [
            "https://minio",
            "https://minio:9000",
            "https://rgw.ceph.svc",
            "https://rook-ceph-rgw-x.rook-ceph.svc.cluster.local:80",
            "https://S3.Example.COM.",
            "https://s3.eu-central-1.amazonaws.com",
            "https://acct.r2.cloudflarestorage.com",
            "https://minio.svc.local",
        ];
        for (const e of endpoints) assert.strictEqual(isInClusterEndpoint(e), flagsInCluster(e), e);
        assert.deepStrictEqual(endpoints.filter(isInClusterEndpoint).length, 4);
        assert.strictEqual(written, pack.inClusterReasonAnnotation);
    });
});
