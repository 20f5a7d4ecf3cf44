import type { KubernetesOperatorsArgs } from "../kubernetes-operators";
import type { PlatformArgs, PlatformKubernetesArgs } from "../platform";
import type { GeneratedSecretArgs } from "../shared-secret";
import {
    ObjectShape,
    boolean,
    delegated,
    dropped,
    input,
    int,
    map,
    object,
    oneOf,
    required,
    string,
} from "./arg-shape";
import { ArgChecker } from "./arg-checker";
import { AppTierArgs } from "./app-tier-contract";
import { Profile, SecretEncoding, Target } from "./enums";
import { ObjectStorageArgs } from "./object-storage-contract";
import { PostgresClusterArgs } from "./postgres-contract";
import { RabbitMQClusterArgs } from "./rabbitmq-contract";
import { RedisClusterArgs } from "./redis-contract";
import { PlatformAwsArgs } from "./platform-aws-contract";
import { PlatformGcpArgs } from "./platform-gcp-contract";

// The declared shapes of Platform's, KubernetesOperators' and SharedSecret's generated-value
// arguments (see arg-shape.ts).

/** One generated secret value: the limits SharedSecret enforces (16–1024, a known encoding). */
export const generatedSecretShape = object<GeneratedSecretArgs>("GeneratedSecretArgs", {
    encoding: oneOf(SecretEncoding),
    length: int(16, 1024),
    rotation: string(),
});

/**
 * Checks secrets to generate, by key, before anything is registered: each spec's shape and
 * each key a valid Secret key. Returns the specs without the invalid ones.
 * @param prefix the argument, e.g. "appSecrets" or "generated".
 */
export function checkGeneratedSecrets(
    check: ArgChecker,
    prefix: string,
    specs: unknown,
): Record<string, GeneratedSecretArgs> {
    const checked = map(generatedSecretShape).check(specs, prefix, check);
    if (checked === dropped) return {};
    const kept = checked as Record<string, GeneratedSecretArgs>;
    for (const key of Object.keys(kept)) check.secretKey(`${prefix}.${key}`, key);
    return kept;
}

export const kubernetesOperatorsShape: ObjectShape<KubernetesOperatorsArgs> = object<KubernetesOperatorsArgs>(
    "KubernetesOperatorsArgs",
    {
        certManager: boolean(),
        cloudnativePg: boolean(),
        barmanCloudPlugin: boolean(),
        redisOperator: boolean(),
        rabbitmqOperator: boolean(),
        rook: boolean(),
    },
);

/** Checks KubernetesOperators' arguments (all optional; omitted means `{}`, null is an error) before it registers anything. */
export function checkKubernetesOperatorsArgs(
    name: string,
    args: KubernetesOperatorsArgs | undefined,
): KubernetesOperatorsArgs {
    const check = new ArgChecker(`KubernetesOperators "${name}"`);
    const checked = check.args(args === undefined ? {} : args, kubernetesOperatorsShape);
    check.throwIfAny();
    return checked;
}

export const platformShape: ObjectShape<PlatformArgs> = object<PlatformArgs>("PlatformArgs", {
    target: oneOf(Target),
    profile: oneOf(Profile),
    // Each part's own resolver checks its arguments, prefixing each problem with the part.
    app: required(delegated<AppTierArgs>("AppTierArgs")),
    postgres: delegated<PostgresClusterArgs>("PostgresClusterArgs"),
    redis: delegated<RedisClusterArgs>("RedisClusterArgs"),
    rabbitmq: delegated<RabbitMQClusterArgs>("RabbitMQClusterArgs"),
    objectStorage: delegated<ObjectStorageArgs>("ObjectStorageArgs"),
    // Checked key by key, with the keys' names, by checkGeneratedSecrets.
    appSecrets: delegated<Record<string, GeneratedSecretArgs>>("GeneratedSecretArgs by environment variable name"),
    networkPolicies: boolean(),
    kubernetes: object<PlatformKubernetesArgs>("PlatformKubernetesArgs", {
        namespace: input(string()),
        installOperators: boolean(),
        operators: kubernetesOperatorsShape,
        createNamespace: boolean(),
    }),
    // Checked with its own shape (and its Network's and cluster's rules) by planAwsFoundation.
    aws: delegated<PlatformAwsArgs>("PlatformAwsArgs"),
    // Checked with its own shape (and its Network's and cluster's rules) by planGcpFoundation.
    gcp: delegated<PlatformGcpArgs>("PlatformGcpArgs"),
});
