import {
    EnforcementLevel, PolicyConfigSchema, PolicyResource, ReportViolation, ResourceValidationArgs,
    ResourceValidationPolicy, Severity, StackValidationArgs, StackValidationPolicy, UnknownValueError,
} from "@pulumi/policy";
import { exemptionFrom } from "./exemptions";

interface Metadata {
    name: string;
    description: string;
    remediationSteps: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    configSchema: PolicyConfigSchema;
}

/**
 * A resource policy over some types. Resources that carry an exemption for it are
 * skipped. Reading a value unknown at preview throws UnknownValueError, which the
 * analyzer turns into an advisory "can't run during preview" notice: never a violation.
 */
export function resourcePolicy<C extends object>(meta: Metadata & {
    types: readonly string[];
    validate(props: any, args: ResourceValidationArgs, config: C, report: ReportViolation): void;
}): ResourceValidationPolicy {
    const { types, validate, ...rest } = meta;
    return {
        ...rest,
        validateResource: (args, report) => {
            if (!types.includes(args.type)) return;
            if (exemptionFrom(args.props, meta.name)) return;
            validate(args.props, args, args.getConfig<C>(), report);
        },
    };
}

/** An item whose values are unknown at preview: judged at update instead. */
export interface Deferred {
    resource: PolicyResource;
    unknown: UnknownValueError;
}

/** Builds an item, or a {@link Deferred} when a value it reads is unknown at preview. */
export function deferUnknown<T>(resource: PolicyResource, build: () => T): T | Deferred {
    try {
        return build();
    } catch (err) {
        if (err instanceof UnknownValueError) return { resource, unknown: err };
        throw err;
    }
}

export function isDeferred(item: object): item is Deferred {
    return (item as Deferred).unknown instanceof UnknownValueError;
}

/**
 * A stack policy that judges items one by one. An item whose values are unknown at
 * preview is skipped; the others are still judged, and the analyzer is then told one
 * notice for the skipped ones. Items exempted from the policy are skipped.
 */
export function stackPolicy<C extends object, T extends { resource: PolicyResource }>(meta: Metadata & {
    items(resources: PolicyResource[]): Array<T | Deferred>;
    validate(item: T, all: T[], args: StackValidationArgs, config: C, report: (message: string) => void): void;
}): StackValidationPolicy {
    const { items, validate, ...rest } = meta;
    return {
        ...rest,
        validateStack: (args, report) => {
            let unknown: UnknownValueError | undefined;
            const collected = items(args.resources);
            const all = collected.filter((i): i is T => !isDeferred(i));
            for (const item of collected) {
                if (isDeferred(item)) {
                    unknown ??= item.unknown;
                    continue;
                }
                try {
                    if (exemptionFrom(item.resource.props, meta.name)) continue;
                    validate(item, all, args, args.getConfig<C>(), (message) => report(message, item.resource.urn));
                } catch (err) {
                    if (!(err instanceof UnknownValueError)) throw err;
                    unknown ??= err;
                }
            }
            if (unknown) throw unknown;
        },
    };
}
