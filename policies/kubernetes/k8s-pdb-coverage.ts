import { UnknownValueError } from "@pulumi/policy";
import { Budget, BudgetIndex } from "../common/budget-index";
import { deferUnknown, isDeferred, stackPolicy } from "../common/define";
import { scaledValue } from "../common/selectors";
import { K8s, PdbProps } from "../common/types";
import { Workload, collectWorkloads, replicaFloor } from "../common/workloads";

export interface PdbCoverageConfig { requiredFromReplicas?: number }

/** What a budget allows for `pods` pods: pods kept, and disruptions allowed. */
function judge(b: PdbProps, pods: number): { keeps: number; allows: number } {
    const spec = b.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
        const allows = scaledValue(spec.maxUnavailable, pods);
        return { allows, keeps: pods - allows };
    }
    const keeps = spec.minAvailable !== undefined ? scaledValue(spec.minAvailable, pods) : 1;
    return { keeps, allows: pods - keeps };
}

/**
 * Every workload with more than one pod is selected by a PodDisruptionBudget that keeps
 * at least one pod and still lets one be evicted (so node drains work).
 */
export const k8sPdbCoverage = stackPolicy<PdbCoverageConfig, Workload & { budgets: Budget[]; unknownBudget?: UnknownValueError }>({
    name: "k8s-pdb-coverage",
    description: "Every multi-replica Deployment or StatefulSet is selected by a PodDisruptionBudget that keeps at least one pod and still allows at least one disruption.",
    remediationSteps: "Add a PodDisruptionBudget in the workload's namespace whose selector matches its pod labels, with maxUnavailable: 1 (AppTier `disruptionBudget`). Never minAvailable equal to the replicas and never maxUnavailable: 0: both block node drains.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: { requiredFromReplicas: { type: "integer", minimum: 2, default: 2, description: "Workloads with at least this many pods need a budget." } },
    },
    items: (resources) => {
        const index = new BudgetIndex(resources.filter((r) => r.type === K8s.Pdb));
        return collectWorkloads(resources).map((w) => isDeferred(w) ? w : deferUnknown(w.resource, () => ({
            ...w,
            budgets: index.selecting(w.namespace, w.podLabels),
            unknownBudget: index.unknown[0]?.unknown,
        })));
    },
    validate: (w, _all, _args, config, report) => {
        const pods = replicaFloor(w);
        if (pods < (config.requiredFromReplicas ?? 2)) return;
        const verdicts = w.budgets.map((b) => ({ name: b.name, ...judge(b.props, pods) }));
        if (verdicts.some((j) => j.keeps >= 1 && j.allows >= 1)) return;
        // A budget unknown at preview might be the one that covers it: judge at update.
        if (w.unknownBudget) throw w.unknownBudget;
        const label = `${w.kind} ${w.namespace}/${w.name}`;
        if (verdicts.length === 0) {
            report(`${label} runs ${pods} pods but no PodDisruptionBudget selects its pod labels.`);
        } else {
            const detail = verdicts.map((j) => `${j.name} keeps ${j.keeps} and allows ${j.allows} disruption(s)`).join("; ");
            report(`${label} (${pods} pods): no PodDisruptionBudget both keeps ≥ 1 pod and allows ≥ 1 disruption (${detail}).`);
        }
    },
});
