/**
 * pulumi-ha: highly available application stacks on AWS, GCP and Kubernetes.
 * Every component registers as `pulumi-ha:index:<Class>`.
 */
export { AppTier } from "./app-tier";
export * from "./core/app-tier-contract";
export { SharedSecret } from "./shared-secret";
export type { SharedSecretArgs, GeneratedSecretArgs, SharedSecretKubernetesArgs } from "./shared-secret";
export { Profile, SecretEncoding, Target } from "./core/enums";
export { InvalidArgumentsError } from "./core/arg-checker";
