/**
 * Values unknown at preview. Reading one through the SDK's proxy throws UnknownValueError,
 * which must reach the analyzer (it becomes a "can't run during preview" notice, never a
 * violation). These helpers are the only places that catch it: to set one item aside while
 * the others are still judged, and to tell the analyzer about the first one at the end.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";

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
 * Reads every item on its own: an item whose values are unknown at preview is left out of
 * `known`, and the first such unknown is kept, so callers can decide what it might change.
 */
export function readEach<T, R>(items: Iterable<T>, read: (item: T) => R): { known: R[]; unknown?: UnknownValueError } {
    const known: R[] = [];
    let unknown: UnknownValueError | undefined;
    for (const item of items) {
        try {
            known.push(read(item));
        } catch (err) {
            if (!(err instanceof UnknownValueError)) throw err;
            unknown ??= err;
        }
    }
    return { known, unknown };
}

/**
 * Judges every item on its own. An item whose values are unknown at preview is skipped and
 * the others are still judged (their violations stand); the first unknown is rethrown at
 * the end so the analyzer still says the policy could not judge everything.
 */
export function judgeEach<T>(items: Iterable<T>, judge: (item: T) => void): void {
    const { unknown } = readEach(items, judge);
    if (unknown) throw unknown;
}

/** The value, or undefined when it is unknown at preview (for labels only: a name must not stop the judging). */
export function knownOrUndefined(read: () => unknown): unknown {
    try {
        return read();
    } catch (err) {
        if (err instanceof UnknownValueError) return undefined;
        throw err;
    }
}
