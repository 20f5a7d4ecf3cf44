import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { nameOf, namespaceOf } from "./metadata";
import { at } from "./read";
import { Selector, readSelector, selects } from "./selectors";
import { readEach } from "./unknowns";

export interface Budget {
    name: string;
    namespace: string;
    /** Undefined when absent or malformed: such a budget selects nothing. */
    selector?: Selector;
    minAvailable?: unknown;
    maxUnavailable?: unknown;
}

/**
 * PodDisruptionBudgets indexed by namespace and by one of their matchLabels, so finding
 * the budgets of N workloads costs about N lookups, not N × budgets. Every field a policy
 * judges is read when the index is built, so a budget with a value unknown at preview is
 * left out whole (the first such unknown is kept in `unknown`), and what `selecting`
 * returns never throws later.
 * Callers must treat `unknown` as "maybe one more budget selects these pods".
 */
export class BudgetIndex {
    private readonly byLabel = new Map<string, Budget[]>();
    /** Budgets without matchLabels (expressions only, or empty): scanned per namespace. */
    private readonly scan = new Map<string, Budget[]>();
    readonly unknown?: UnknownValueError;

    constructor(pdbs: PolicyResource[]) {
        const budgets = readEach(pdbs, (r): Budget => {
            const props: unknown = r.props;
            return {
                name: nameOf(props, r.name),
                namespace: namespaceOf(props),
                selector: readSelector(at(props, "spec", "selector")),
                minAvailable: at(props, "spec", "minAvailable"),
                maxUnavailable: at(props, "spec", "maxUnavailable"),
            };
        });
        this.unknown = budgets.unknown;
        for (const b of budgets.known) {
            const first = b.selector ? Object.entries(b.selector.matchLabels)[0] : undefined;
            const key = first ? `${b.namespace}\u0000${first[0]}=${first[1]}` : b.namespace;
            const map = first ? this.byLabel : this.scan;
            map.set(key, [...(map.get(key) ?? []), b]);
        }
    }

    /** The known budgets in `namespace` whose selector selects `labels`. */
    selecting(namespace: string, labels: Record<string, string>): Budget[] {
        const candidates = [
            ...Object.entries(labels).flatMap(([k, v]) => this.byLabel.get(`${namespace}\u0000${k}=${v}`) ?? []),
            ...(this.scan.get(namespace) ?? []),
        ];
        return [...new Set(candidates)].filter((b) => selects(b.selector, labels));
    }

    /** Whether some known budget selects the pods, or else a budget unknown at preview might (thrown: judge at update). */
    covers(namespace: string, labels: Record<string, string>): boolean {
        if (this.selecting(namespace, labels).length > 0) return true;
        if (this.unknown) throw this.unknown;
        return false;
    }
}
