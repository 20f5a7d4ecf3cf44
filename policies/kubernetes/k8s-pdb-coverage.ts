import { UnknownValueError } from "@pulumi/policy";
import { Budget, BudgetIndex } from "../common/budget-index";
import { stackPolicy } from "../common/define";
import { shown } from "../common/read";
import { scaledValue } from "../common/selectors";
import { K8s } from "../common/types";
import { deferUnknown, isDeferred } from "../common/unknowns";
import { Workload, collectWorkloads, replicaFloor } from "../common/workloads";

export interface PdbCoverageConfig {
    requiredFromReplicas?: number;
}

type Verdict = { name: string; keeps: number; allows: number } | { name: string; unreadable: string };

/** What a budget allows for `pods` pods: pods kept, and disruptions allowed (or why it cannot be read). */
function judge(b: Budget, pods: number): Verdict {
    if (b.maxUnavailable !== undefined && b.maxUnavailable !== null) {
        const allows = scaledValue(b.maxUnavailable, pods);
        if (allows === undefined)
            return {
                name: b.name,
                unreadable: `maxUnavailable ${shown(b.maxUnavailable)} is not a count or a percentage`,
            };
        return { name: b.name, allows, keeps: pods - allows };
    }
    if (b.minAvailable === undefined || b.minAvailable === null) return { name: b.name, keeps: 1, allows: pods - 1 };
    const keeps = scaledValue(b.minAvailable, pods);
    if (keeps === undefined)
        return { name: b.name, unreadable: `minAvailable ${shown(b.minAvailable)} is not a count or a percentage` };
    return { name: b.name, keeps, allows: pods - keeps };
}

function describe(v: Verdict): string {
    return "unreadable" in v
        ? `${v.name}: ${v.unreadable}`
        : `${v.name} keeps ${v.keeps} and allows ${v.allows} disruption(s)`;
}

/**
 * Every workload with more than one pod is selected by a PodDisruptionBudget that keeps
 * at least one pod and still lets one be evicted (so node drains work).
 */
export const k8sPdbCoverage = stackPolicy<
    PdbCoverageConfig,
    Workload & { budgets: Budget[]; unknownBudget?: UnknownValueError }
>({
    name: "k8s-pdb-coverage",
    description:
        "Every multi-replica Deployment or StatefulSet is selected by a PodDisruptionBudget that keeps at least one pod and still allows at least one disruption.",
    remediationSteps:
        "Add a PodDisruptionBudget in the workload's namespace whose selector matches its pod labels, with maxUnavailable: 1 (AppTier `disruptionBudget`). Never minAvailable equal to the replicas and never maxUnavailable: 0: both block node drains.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            requiredFromReplicas: {
                type: "integer",
                minimum: 2,
                default: 2,
                description: "Workloads with at least this many pods need a budget.",
            },
        },
    },
    items: (resources) => {
        const index = new BudgetIndex(resources.filter((r) => r.type === K8s.Pdb));
        return collectWorkloads(resources).map((w) =>
            isDeferred(w)
                ? w
                : deferUnknown(w.resource, () => ({
                      ...w,
                      budgets: index.selecting(w.namespace, w.podLabels),
                      unknownBudget: index.unknown,
                  })),
        );
    },
    validate: (w, _all, _args, config, report) => {
        const pods = replicaFloor(w);
        if (pods < (config.requiredFromReplicas ?? 2)) return;
        const verdicts = w.budgets.map((b) => judge(b, pods));
        if (verdicts.some((j) => !("unreadable" in j) && j.keeps >= 1 && j.allows >= 1)) return;
        // A budget unknown at preview might be the one that covers it: judge at update.
        if (w.unknownBudget) throw w.unknownBudget;
        const label = `${w.kind} ${w.namespace}/${w.name}`;
        if (verdicts.length === 0) {
            report(`${label} runs ${pods} pods but no PodDisruptionBudget selects its pod labels.`);
        } else {
            report(
                `${label} (${pods} pods): no PodDisruptionBudget both keeps ≥ 1 pod and allows ≥ 1 disruption (${verdicts.map(describe).join("; ")}).`,
            );
        }
    },
});
