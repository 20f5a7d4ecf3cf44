import { resourcePolicy } from "../common/define";
import { Container, WorkloadProps, workloadTypes } from "../common/types";

export interface ProbesConfig { requireLiveness?: boolean; requireReadiness?: boolean }

/** Served containers (those that declare a port) have readiness and liveness probes. */
export const k8sProbes = resourcePolicy<ProbesConfig>({
    name: "k8s-probes",
    description: "Every container that serves traffic (declares a port) in a Deployment or StatefulSet has a readiness probe (no traffic before it is ready) and a liveness probe (a hung process is restarted).",
    remediationSteps: "Add readinessProbe and livenessProbe to the container (AppTier sets /health/ready and /health/live by default; override with `probes`).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            requireLiveness: { type: "boolean", default: true },
            requireReadiness: { type: "boolean", default: true },
        },
    },
    types: workloadTypes,
    validate: (props: WorkloadProps, args, config, report) => {
        const containers: Container[] = props.spec?.template?.spec?.containers ?? [];
        const name = props.metadata?.name ?? args.name;
        for (const c of containers) {
            if (!c.ports || c.ports.length === 0) continue;
            const missing = [
                (config.requireReadiness ?? true) && !c.readinessProbe ? "readinessProbe" : undefined,
                (config.requireLiveness ?? true) && !c.livenessProbe ? "livenessProbe" : undefined,
            ].filter((m): m is string => !!m);
            if (missing.length > 0) report(`Container "${c.name}" of ${args.type.split(":").pop()} ${name} serves a port but has no ${missing.join(" and no ")}.`);
        }
    },
});
