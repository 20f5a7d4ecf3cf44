import { PolicyResource } from "@pulumi/policy";
import { Deferred, deferUnknown, isDeferred } from "./define";
import { selects } from "./selectors";
import { PdbProps } from "./types";

export interface Budget { name: string; namespace: string; props: PdbProps }

/**
 * PodDisruptionBudgets indexed by namespace and by one of their matchLabels, so finding
 * the budgets of N workloads costs about N lookups, not N × budgets. Budgets whose
 * values are unknown at preview are kept aside.
 */
export class BudgetIndex {
    private readonly byLabel = new Map<string, Budget[]>();
    /** Budgets without matchLabels (expressions only, or empty): scanned per namespace. */
    private readonly scan = new Map<string, Budget[]>();
    readonly unknown: Deferred[] = [];

    constructor(pdbs: PolicyResource[]) {
        for (const r of pdbs) {
            const b = deferUnknown(r, () => {
                const props = r.props as PdbProps;
                return { name: props.metadata?.name ?? r.name, namespace: props.metadata?.namespace ?? "default", props, first: Object.entries(props.spec?.selector?.matchLabels ?? {})[0] };
            });
            if (isDeferred(b)) { this.unknown.push(b); continue; }
            const { first, ...budget } = b;
            const key = first ? `${budget.namespace}\u0000${first[0]}=${first[1]}` : budget.namespace;
            const map = first ? this.byLabel : this.scan;
            map.set(key, [...(map.get(key) ?? []), budget]);
        }
    }

    /** The known budgets in `namespace` whose selector selects `labels`. */
    selecting(namespace: string, labels: Record<string, string>): Budget[] {
        const candidates = [
            ...Object.entries(labels).flatMap(([k, v]) => this.byLabel.get(`${namespace}\u0000${k}=${v}`) ?? []),
            ...(this.scan.get(namespace) ?? []),
        ];
        return [...new Set(candidates)].filter((b) => selects(b.props.spec?.selector, labels));
    }
}
