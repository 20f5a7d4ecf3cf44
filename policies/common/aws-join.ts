/**
 * Joins AWS resources that name each other by a property: a BucketVersioning names its
 * bucket (`bucket`), a ClusterInstance its cluster (`clusterIdentifier`). The value is the
 * target's name when both are known; at preview either may be unknown (an auto-named
 * bucket, a reference to `bucket.id`), and then the property's dependencies say which
 * resource the value was computed from. When neither settles it, the link is "maybe", with
 * the unknown that hides it: a policy must not report a violation that link could undo.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { Maybe, maybe } from "./aws-types";
import { asArray, asNonEmptyString, asRecord, asString, at } from "./read";

/**
 * A resource's names as others refer to it: the `key` property (`bucket`, `clusterIdentifier`)
 * and its `id` (the same string for these resources), each when it is a known string, and
 * the unknown that hides the `key` at preview. An unknown `id` alone hides nothing: a
 * resource whose `key` is known is found by it.
 */
export interface Named {
    resource: PolicyResource;
    names: string[];
    unknown?: UnknownValueError;
}

export function named(resource: PolicyResource, key: string): Named {
    const names: string[] = [];
    const own = maybe(() => asNonEmptyString(at(resource.props, key)));
    if (own.known && own.value !== undefined) names.push(own.value);
    const id = maybe(() => asNonEmptyString(at(resource.props, "id")));
    if (id.known && id.value !== undefined) names.push(id.value);
    return { resource, names, unknown: own.known ? undefined : own.unknown };
}

/** URNs of the resources the value of `key` was computed from (the engine's property dependencies). */
export function dependencyUrns(resource: PolicyResource, key: string): string[] {
    const deps = asArray(asRecord(resource.propertyDependencies)?.[key]);
    return deps.map((d) => asString(asRecord(d)?.urn)).filter((u): u is string => u !== undefined);
}

/** How `resource` refers to a target through `key`: the value, and which candidate targets it was computed from. */
export interface Reference {
    resource: PolicyResource;
    value: Maybe<string | undefined>;
    from: string[];
}

export function referenceOf(resource: PolicyResource, key: string, candidates: ReadonlySet<string>): Reference {
    return {
        resource,
        value: maybe(() => asNonEmptyString(at(resource.props, key))),
        from: dependencyUrns(resource, key).filter((u) => candidates.has(u)),
    };
}

/**
 * true: `ref` refers to `target`; false: it does not; an UnknownValueError: it may, unknown
 * at preview. A value computed from exactly one candidate refers to that one, whatever the
 * value turns out to be (`bucket.id`, `cluster.id`); else the value is compared with the
 * target's names.
 */
export function refersTo(ref: Reference, target: Named): boolean | UnknownValueError {
    if (ref.from.length === 1) return ref.from[0] === target.resource.urn;
    if (!ref.value.known) return ref.value.unknown;
    const value = ref.value.value;
    if (value === undefined) return false;
    if (target.names.includes(value)) return true;
    return target.unknown ?? false;
}

/** The resources that refer to one target, and the first unknown behind a resource that may. */
export interface Linked {
    linked: PolicyResource[];
    maybe?: UnknownValueError;
}

/**
 * For each target (by URN): which of `referrers` refer to it through `key`. Never throws
 * UnknownValueError: the unknowns are kept for the policy to decide on.
 */
export function linkAll(targets: Named[], referrers: PolicyResource[], key: string): Map<string, Linked> {
    const candidates = new Set(targets.map((t) => t.resource.urn));
    const refs = referrers.map((r) => referenceOf(r, key, candidates));
    const out = new Map<string, Linked>();
    for (const t of targets) {
        const entry: Linked = { linked: [] };
        for (const ref of refs) {
            const verdict = refersTo(ref, t);
            if (verdict === true) entry.linked.push(ref.resource);
            else if (verdict instanceof UnknownValueError) entry.maybe ??= verdict;
        }
        out.set(t.resource.urn, entry);
    }
    return out;
}
