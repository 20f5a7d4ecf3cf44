import * as assert from "assert";
import { loadStackConfig } from "../../scripts/harness/stacks";
import { isSecret, plain, secretPaths } from "../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../helpers";
import {
    appEnv,
    countsByType,
    expectCleanVerdict,
    expectValidAndSecret,
    mandatoryWith,
    useStack,
} from "./stack-checks";

describe("stack safeshare (SafeShare, seed 000)", () => {
    const s = useStack("safeshare");

    it("registers the app, Postgres with PgBouncer, Redis replicated with Sentinels, and an external bucket", () => {
        assert.deepStrictEqual(countsByType(s.preview), {
            [T.ConfigMap]: 2,
            [T.Namespace]: 1,
            [T.Secret]: 4,
            [T.Service]: 1,
            [T.Deployment]: 1,
            [T.Hpa]: 1,
            [T.Ingress]: 1,
            [T.Pdb]: 2,
            [T.HelmRelease]: 4,
            [T.NetworkPolicy]: 6,
            [T.BarmanObjectStore]: 1,
            [T.CnpgCluster]: 1,
            [T.ScheduledBackup]: 1,
            [T.Pooler]: 1,
            [T.RedisReplication]: 1,
            [T.RedisSentinel]: 1,
            [T.AppTier]: 1,
            [T.KubernetesOperators]: 1,
            [T.ObjectStorage]: 1,
            [T.Platform]: 1,
            [T.PostgresCluster]: 1,
            [T.RedisCluster]: 1,
            // The Platform's; Redis's AUTH password and Secret are the RedisCluster's own children (issue 8).
            [T.SharedSecret]: 1,
            [T.Stack]: 1,
            [T.RandomBytes]: 1,
            [T.RandomPassword]: 2,
            [T.TlsPrivateKey]: 2,
            [T.TlsSelfSignedCert]: 1,
            [T.TlsCertRequest]: 1,
            [T.TlsLocallySignedCert]: 1,
        });
    });

    it("keeps the seed's app settings: 3 replicas, HPA 2-10, probes, preStop 5 s, 1/1 rolling update, sticky sessions", () => {
        const d = inputsOf(one(s.preview, T.Deployment));
        assert.deepStrictEqual(
            [d.metadata.namespace, d.spec.replicas, d.spec.strategy.rollingUpdate],
            ["safeshare", 3, { maxUnavailable: 1, maxSurge: 1 }],
        );
        const c = d.spec.template.spec.containers[0];
        assert.deepStrictEqual(
            [c.livenessProbe.httpGet.path, c.readinessProbe.httpGet.path, c.lifecycle.preStop],
            ["/health/live", "/health/ready", { sleep: { seconds: 5 } }],
        );
        const hpa = inputsOf(one(s.preview, T.Hpa)).spec;
        assert.deepStrictEqual([hpa.minReplicas, hpa.maxReplicas], [2, 10]);
        assert.strictEqual(inputsOf(one(s.preview, T.Service)).spec.sessionAffinity, "ClientIP");
    });

    it("puts files and Postgres backups on the external endpoint, with keys from the existing Secret", () => {
        const env = appEnv(s.update);
        assert.deepStrictEqual(env.AWS_ACCESS_KEY_ID.valueFrom.secretKeyRef, {
            name: "safeshare-s3",
            key: "AWS_ACCESS_KEY_ID",
        });
        const store = inputsOf(one(s.update, T.BarmanObjectStore)).spec.configuration;
        assert.deepStrictEqual(
            [store.destinationPath, store.endpointURL, store.s3Credentials.accessKeyId.name],
            ["s3://safeshare-files/postgres", "https://example-account.r2.cloudflarestorage.com", "safeshare-s3"],
        );
        const data = plain(ofType(s.update, T.Secret).find((s) => s.name === "safeshare-env")!.inputs).stringData;
        assert.deepStrictEqual([data.S3_BUCKET, data.S3_REGION], ["safeshare-files", "auto"]);
    });

    it("routes DATABASE_URL through PgBouncer and REDIS_URL to the Sentinel-tracked primary", () => {
        const data = plain(ofType(s.update, T.Secret).find((s) => s.name === "safeshare-env")!.inputs).stringData;
        assert.match(
            data.DATABASE_URL,
            /@safeshare-postgres-pooler-rw\.safeshare\.svc\.cluster\.local:5432\/safeshare\?sslmode=require$/,
        );
        assert.match(data.REDIS_URL, /^rediss:\/\/.*@safeshare-redis-master\.safeshare\.svc\.cluster\.local:6379$/);
        assert.strictEqual(inputsOf(one(s.update, T.RedisSentinel)).spec.clusterSize, 3);
    });

    it("passes the whole policy pack with 0 violations (preview and update)", async () => {
        await expectCleanVerdict(s.pack, s.preview, s.update);
    });

    it("fails k8s-pdb-coverage on the Deployment when the stack's disruption budget is switched off", async () => {
        const app = JSON.parse(loadStackConfig("safeshare")["pulumi-ha:app"]);
        assert.deepStrictEqual(await mandatoryWith(s.pack, "safeshare", { app: { ...app, disruptionBudget: false } }), [
            ["k8s-pdb-coverage", "safeshare"],
        ]);
    });

    it("keeps the encryption key secret everywhere and reads it through secretKeyRef", () => {
        assert.deepStrictEqual(secretPaths(one(s.update, T.RandomBytes).outputs).sort(), ["base64", "hex"]);
        const key = plain(one(s.update, T.RandomBytes).outputs).hex as string;
        for (const r of s.update.resources) {
            const exposed =
                JSON.stringify(r.inputs, (_k, v) => (isSecret(v) ? "[secret]" : v)) +
                JSON.stringify(r.outputs, (_k, v) => (isSecret(v) ? "[secret]" : v));
            assert.ok(!exposed.includes(key), `${r.type} ${r.name} exposes the key outside a secret`);
        }
        assert.ok(!JSON.stringify(s.update.stackOutputs).includes(key), "stack outputs hold no secret");
        assert.deepStrictEqual(appEnv(s.update).ENCRYPTION_KEY.valueFrom, {
            secretKeyRef: { name: "safeshare-env", key: "ENCRYPTION_KEY" },
        });
    });

    it("emits only schema-valid objects and keeps every credential secret (update mode)", () => {
        expectValidAndSecret(s.update);
    });
});
