import {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
    UnknownValueError,
} from "@pulumi/policy";
import { annotationPrefix, exemptionFrom, gcpLabelPrefix } from "./exemptions";
import { kindOf, nameOf } from "./metadata";
import { Deferred, isDeferred, judgeEach } from "./unknowns";

interface Metadata {
    name: string;
    description: string;
    remediationSteps: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    configSchema: PolicyConfigSchema;
}

/**
 * The safety net. A policy that throws anything but UnknownValueError makes the analyzer
 * answer with a gRPC error, which fails the user's whole preview (every policy, every
 * resource) with a stack trace. So no such exception leaves a policy: it becomes one
 * violation, at the policy's own level, naming the resource and saying the policy could
 * not judge its shape. That fails closed (a resource the pack cannot read is not passed),
 * and the message tells the user what to fix. The policies read every property through
 * the safe readers of read.ts, so the net is never reached for malformed shapes (the
 * property-based test in tests/policies asserts that no message carries `notJudged`).
 */
export const notJudged = "could not judge";

function describeError(err: unknown): string {
    if (err instanceof Error) return `${err.name}: ${err.message}`;
    return typeof err === "string" ? err : typeof err;
}

/** Reads a value for a message inside the net: whatever goes wrong, the fallback. */
function safely(read: () => string, fallback: string): string {
    try {
        return read();
    } catch {
        return fallback;
    }
}

/** `Kind name` of the resource a policy could not judge (its Pulumi name if metadata.name cannot be read). */
function subjectOf(type: string, props: unknown, name: string): string {
    return `${kindOf(type)} ${safely(() => nameOf(props, name), name)}`;
}

export function notJudgedMessage(policy: string, subject: string, err: unknown): string {
    return (
        `${policy} ${notJudged} ${subject}: its properties have a shape the policy does not expect (${safely(() => describeError(err), "an unreadable error")}). ` +
        `Fix the resource, or exempt it with a reason (${policy.startsWith("gcp-") ? gcpLabelPrefix : annotationPrefix}${policy}); please report the shape as a bug of the pack.`
    );
}

/**
 * A resource policy over some types. Resources that carry an exemption for it are
 * skipped. Reading a value unknown at preview throws UnknownValueError, which the
 * analyzer turns into an advisory "can't run during preview" notice: never a violation.
 * Any other exception is caught by the safety net above.
 */
export function resourcePolicy<C extends object>(
    meta: Metadata & {
        types: readonly string[];
        /** `props` may hold anything: read it with the readers of read.ts. */
        validate(props: unknown, args: ResourceValidationArgs, config: C, report: ReportViolation): void;
    },
): ResourceValidationPolicy {
    const { types, validate, ...rest } = meta;
    return {
        ...rest,
        validateResource: (args, report) => {
            if (!types.includes(args.type)) return;
            try {
                if (exemptionFrom(args.props, meta.name)) return;
                validate(args.props, args, args.getConfig<C>(), report);
            } catch (err) {
                if (err instanceof UnknownValueError) throw err;
                report(notJudgedMessage(meta.name, subjectOf(args.type, args.props, args.name), err));
            }
        },
    };
}

/**
 * A stack policy that judges items one by one. An item whose values are unknown at
 * preview is skipped; the others are still judged, and the analyzer is then told one
 * notice for the skipped ones. Items exempted from the policy are skipped. Any exception
 * other than UnknownValueError is caught by the safety net: in `items` it becomes one
 * violation for the stack, in `validate` one violation on the item's resource.
 */
export function stackPolicy<C extends object, T extends { resource: PolicyResource }>(
    meta: Metadata & {
        items(resources: PolicyResource[]): Array<T | Deferred>;
        validate(item: T, all: T[], args: StackValidationArgs, config: C, report: (message: string) => void): void;
    },
): StackValidationPolicy {
    const { items, validate, ...rest } = meta;
    return {
        ...rest,
        validateStack: (args, report) => {
            let collected: Array<T | Deferred>;
            try {
                collected = items(args.resources);
            } catch (err) {
                if (err instanceof UnknownValueError) throw err;
                report(notJudgedMessage(meta.name, "the stack", err));
                return;
            }
            const all = collected.filter((i): i is T => !isDeferred(i));
            judgeEach(collected, (item) => {
                if (isDeferred(item)) throw item.unknown;
                try {
                    if (exemptionFrom(item.resource.props, meta.name)) return;
                    validate(item, all, args, args.getConfig<C>(), (message) => report(message, item.resource.urn));
                } catch (err) {
                    if (err instanceof UnknownValueError) throw err;
                    const r = item.resource;
                    report(notJudgedMessage(meta.name, subjectOf(r.type, r.props, r.name), err), r.urn);
                }
            });
        },
    };
}
