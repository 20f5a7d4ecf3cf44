import * as pulumi from "@pulumi/pulumi";
import { ObjectStorageMode, Platform, RedisMode, SecretEncoding } from "../../components";
import { StackConfig } from "../config";
import { stackNamespace } from "./namespace";

/**
 * SafeShare (seed 000) on Kubernetes: 3 replicas behind a Service (and an Ingress when a
 * host is set), probes /health/live and /health/ready, preStop 5 s + 60 s grace, rolling
 * update 1/1, HPA 2–10 on CPU 70 % / memory 80 %, sticky sessions for chunked uploads;
 * a 3-instance Postgres (primary + synchronous standby + one more) behind a PgBouncer
 * pooler, Redis replicated with Sentinel, files and Postgres backups on an external
 * S3-compatible endpoint (R2 here) whose keys live in an existing Secret, and the
 * encryption key every replica must share, generated once.
 */
export function safeshare(cfg: StackConfig): Record<string, pulumi.Output<unknown>> {
    const ns = stackNamespace("safeshare", cfg.namespace);
    const s = cfg.services;
    const platform = new Platform("safeshare", {
        profile: cfg.profile,
        kubernetes: { namespace: ns, installOperators: cfg.installOperators },
        appSecrets: { ENCRYPTION_KEY: { encoding: SecretEncoding.Hex, length: 32 } },
        app: {
            image: cfg.app.image,
            port: 8080,
            replicas: cfg.app.replicas,
            // The image's numeric user and the paths it writes, and the paths it serves health on: the stack file's.
            security: cfg.app.security,
            probes: cfg.app.probes,
            autoscaling: cfg.app.autoscaling,
            disruptionBudget:
                cfg.app.disruptionBudget === undefined ? undefined : { enabled: cfg.app.disruptionBudget },
            shutdown: { preStopSleepSeconds: 5, appShutdownTimeoutSeconds: 45 },
            env: {
                STORAGE_BACKEND: "s3",
                RATE_LIMIT_BACKEND: "database",
                SHUTDOWN_TIMEOUT: "45",
                UPLOAD_WAIT_TIMEOUT: "30",
                HTTP_SHUTDOWN_TIMEOUT: "10",
            },
            // Chunked uploads need every chunk on the same pod (seed 000).
            sessionAffinity: true,
            ingress: cfg.app.host
                ? {
                      host: cfg.app.host,
                      tlsSecretName: cfg.app.tlsSecretName,
                      annotations: {
                          "nginx.ingress.kubernetes.io/proxy-body-size": "100m",
                          "nginx.ingress.kubernetes.io/proxy-read-timeout": "300",
                      },
                  }
                : undefined,
        },
        postgres: { database: "safeshare", owner: "safeshare", pooler: { enabled: true }, ...s.postgres },
        redis: {
            mode: RedisMode.Replicated,
            nodes: 3,
            ...s.redis,
            kubernetes: { sentinels: 3, ...s.redis?.kubernetes },
        },
        objectStorage: {
            bucket: "safeshare-files",
            ...s.objectStorage,
            kubernetes: { mode: ObjectStorageMode.External, ...s.objectStorage?.kubernetes },
        },
    });
    return { namespace: ns, url: platform.url, serviceName: platform.serviceName, secretName: platform.secretName };
}
