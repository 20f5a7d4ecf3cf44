import type { EnforcementLevel, PolicyConfigFile } from "./policy-runner";

/** What a policy declares that its config is built from: its default level and its config schema's properties. */
export interface PolicyDefaults {
    name: string;
    enforcementLevel: EnforcementLevel;
    schemaProperties: Record<string, { default?: unknown }>;
}

/**
 * The config the CLI reconciles for one policy from a `--policy-pack-config` file: the
 * schema's defaults, overridden by the policy's own entry; and the level: the policy's,
 * overridden by "all", then by its own entry. Only the policy's own entry sets properties.
 * The level is not checked here: a file is JSON, so it can hold any string.
 */
export function reconcilePolicyConfig(
    policy: PolicyDefaults,
    file: PolicyConfigFile,
): { level: EnforcementLevel; props: Record<string, unknown> } {
    const props: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(policy.schemaProperties)) if (s.default !== undefined) props[k] = s.default;
    let level = policy.enforcementLevel;
    for (const entry of [file.all, file[policy.name]]) {
        if (entry === undefined) continue;
        if (typeof entry === "string") {
            level = entry;
            continue;
        }
        const { enforcementLevel, ...rest } = entry;
        if (enforcementLevel) level = enforcementLevel;
        if (entry === file[policy.name]) Object.assign(props, rest);
    }
    return { level, props };
}
