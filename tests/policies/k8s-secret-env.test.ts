import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import { AppTier } from "../../components";
import { deployment, servedContainer } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";

const policy = "k8s-secret-env";

function withEnv(env: k8s.types.input.core.v1.EnvVar[]) {
    return () => deployment("web", { replicas: 2, containers: [{ ...servedContainer, env }] });
}

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes secret env through secretKeyRef and plain env through a ConfigMap", async () => {
        expectNoViolation(
            await judge(
                () =>
                    new AppTier("app", {
                        image: "nginx:1.27",
                        env: { MODE: "production" },
                        secretEnv: {
                            DATABASE_URL: { secretName: "db", key: "url" },
                            JWT_SECRET: { secretName: "app", key: "jwt" },
                        },
                    }),
            ),
            policy,
        );
    });

    it("fails a credential as a literal value", async () => {
        const d = expectOneViolation(await judge(withEnv([{ name: "DB_PASSWORD", value: "hunter2" }])), policy, "web");
        assert.match(d.message, /reads DB_PASSWORD from a literal value/);
        assert.strictEqual(d.level, "mandatory");
    });

    it("fails DATABASE_URL read from a ConfigMap", async () => {
        const d = expectOneViolation(
            await judge(
                withEnv([{ name: "DATABASE_URL", valueFrom: { configMapKeyRef: { name: "cfg", key: "url" } } }]),
            ),
            policy,
            "web",
        );
        assert.match(d.message, /DATABASE_URL from a ConfigMap/);
    });

    it("fails a ConfigMap that holds a credential-like key", async () => {
        const d = expectOneViolation(
            await judge(
                () => new k8s.core.v1.ConfigMap("cfg", { metadata: { name: "cfg" }, data: { API_TOKEN: "abc" } }),
            ),
            policy,
            "cfg",
        );
        assert.match(d.message, /ConfigMap cfg holds "API_TOKEN"/);
    });

    it("passes literal values whose names are not credentials", async () => {
        expectNoViolation(
            await judge(
                withEnv([
                    { name: "LOG_LEVEL", value: "info" },
                    { name: "S3_BUCKET", value: "uploads" },
                ]),
            ),
            policy,
        );
    });

    it("takes more credential names from policy config", async () => {
        const program = withEnv([{ name: "LICENSE", value: "abc" }]);
        expectNoViolation(await judge(program), policy);
        expectOneViolation(await judge(program, { [policy]: { extraNamePatterns: ["^LICENSE$"] } }), policy, "web");
    });
});
