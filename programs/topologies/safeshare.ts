import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AppTier, SecretEncoding, SharedSecret } from "../../components";
import { StackConfig } from "../config";

/**
 * SafeShare (seed 000) on Kubernetes: 3 replicas behind a Service (and an Ingress when a
 * host is set), probes /health/live and /health/ready, preStop 5 s + 60 s grace, rolling
 * update 1/1, HPA 2–10 on CPU 70 % / memory 80 %, and the encryption key every replica
 * must share, generated once.
 */
export function safeshare(cfg: StackConfig): Record<string, pulumi.Output<unknown>> {
    const namespace = new k8s.core.v1.Namespace("safeshare", {
        metadata: {
            name: cfg.namespace,
            // The app's pods meet the restricted Pod Security Standard; enforce it.
            labels: { "pod-security.kubernetes.io/enforce": "restricted", "app.kubernetes.io/managed-by": "pulumi-ha" },
        },
    });
    const ns = namespace.metadata.name;

    const secrets = new SharedSecret("safeshare-secrets", {
        generated: { "encryption-key": { encoding: SecretEncoding.Hex, length: 32 } },
        partOf: "safeshare",
        kubernetes: { namespace: ns },
    });

    const app = new AppTier("safeshare", {
        image: cfg.app.image,
        profile: cfg.profile,
        namespace: ns,
        port: 8080,
        replicas: cfg.app.replicas,
        autoscaling: cfg.app.autoscaling,
        disruptionBudget: cfg.app.disruptionBudget === undefined ? undefined : { enabled: cfg.app.disruptionBudget },
        shutdown: { preStopSleepSeconds: 5, appShutdownTimeoutSeconds: 45 },
        env: {
            STORAGE_BACKEND: "s3",
            RATE_LIMIT_BACKEND: "database",
            SHUTDOWN_TIMEOUT: "45",
            UPLOAD_WAIT_TIMEOUT: "30",
            HTTP_SHUTDOWN_TIMEOUT: "10",
        },
        secretEnv: { ENCRYPTION_KEY: secrets.ref("encryption-key") },
        // Chunked uploads need every chunk on the same pod (seed 000).
        sessionAffinity: true,
        ingress: cfg.app.host ? {
            host: cfg.app.host,
            tlsSecretName: cfg.app.tlsSecretName,
            annotations: { "nginx.ingress.kubernetes.io/proxy-body-size": "100m", "nginx.ingress.kubernetes.io/proxy-read-timeout": "300" },
        } : undefined,
    });

    return { namespace: ns, url: app.url, serviceName: app.serviceName, secretName: secrets.secretName };
}
