"""pulumi-ha from Python, through the SDK `pulumi package add` generates (see the README)."""
import pulumi
import pulumi_pulumi_ha as ha

# Pulumi's Python SDK names each input type <Type>Args; ours are already called ...Args in
# TypeScript, hence AppTierArgsArgs. A plain dict with the same snake_case keys works too.

# One JWT secret, generated once and shared by every replica.
secrets = ha.SharedSecret(
    "shop-secrets",
    generated={"jwt-secret": ha.GeneratedSecretArgsArgs(length=48)},
    kubernetes=ha.SharedSecretKubernetesArgsArgs(namespace="shop"),
)

# An app and its services, each on a maintained operator (installed too), wired into one
# Secret that every replica reads through secretKeyRef.
shop = ha.Platform(
    "shop",
    kubernetes=ha.PlatformKubernetesArgsArgs(namespace="shop"),
    app=ha.AppTierArgsArgs(
        image="ghcr.io/acme/shop:2.3.1",
        autoscaling=ha.AppTierAutoscalingArgsArgs(min_replicas=3, max_replicas=20),
    ),
    postgres=ha.PostgresClusterArgsArgs(storage_gi_b=50),
    redis=ha.RedisClusterArgsArgs(mode=ha.RedisMode.CLUSTER),
    rabbitmq=ha.RabbitMQClusterArgsArgs(),
    object_storage=ha.ObjectStorageArgsArgs(
        bucket="shop-files",
        kubernetes=ha.ObjectStorageKubernetesArgsArgs(
            mode=ha.ObjectStorageMode.EXTERNAL,
            external=ha.ExternalS3ArgsArgs(endpoint="https://minio.example.com", credentials_secret_name="minio-keys"),
        ),
    ),
)

pulumi.export("secret_name", secrets.secret_name)
pulumi.export("url", shop.url)
pulumi.export("database", shop.database_writer_endpoint)
