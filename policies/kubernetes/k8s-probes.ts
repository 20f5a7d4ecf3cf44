import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { stackPolicy } from "../common/define";
import { kindOf, nameOf, namespaceOf } from "../common/metadata";
import { containerTitle, containersOf, podSpecOf } from "../common/pod-specs";
import { asArray, asRecord, asStringMap, at } from "../common/read";
import { selects } from "../common/selectors";
import { K8s, workloadTypes } from "../common/types";
import { deferUnknown, readEach } from "../common/unknowns";
import { podTemplateLabels } from "../common/workloads";

export interface ProbesConfig {
    requireLiveness?: boolean;
    requireReadiness?: boolean;
}

interface ContainerProbes {
    label: string;
    declaresPort: boolean;
    liveness: boolean;
    readiness: boolean;
}

interface WorkloadItem {
    resource: PolicyResource;
    what: string;
    containers: ContainerProbes[];
    /** Names of the Services in its namespace whose selector selects its pods. */
    selectedBy: string[];
    /** A Service unknown at preview, which might select its pods. */
    unknownService?: UnknownValueError;
}

/** A probe counts when it has a handler: the API server refuses one without. */
function hasProbe(probe: unknown): boolean {
    const p = asRecord(probe);
    return !!p && ["httpGet", "tcpSocket", "exec", "grpc"].some((h) => asRecord(p[h]) !== undefined);
}

interface ServiceInfo {
    name: string;
    namespace: string;
    selector?: Record<string, string>;
}

function readServices(resources: PolicyResource[]): { known: ServiceInfo[]; unknown?: UnknownValueError } {
    return readEach(
        resources.filter((r) => r.type === K8s.Service),
        (r): ServiceInfo => {
            // A Service without a selector (or with a malformed one) selects no pods: its endpoints are managed by hand.
            const selector = asStringMap(at(r.props, "spec", "selector"));
            return {
                name: nameOf(r.props, r.name),
                namespace: namespaceOf(r.props),
                selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
            };
        },
    );
}

function collect(resources: PolicyResource[]) {
    const services = readServices(resources);
    return resources
        .filter((r) => workloadTypes.includes(r.type))
        .map((resource) =>
            deferUnknown<WorkloadItem>(resource, () => {
                const props = resource.props;
                const namespace = namespaceOf(props);
                const labels = podTemplateLabels(props);
                const selectedBy = services.known
                    .filter(
                        (s) => s.namespace === namespace && s.selector && selects({ matchLabels: s.selector }, labels),
                    )
                    .map((s) => s.name);
                return {
                    resource,
                    what: `${kindOf(resource.type)} ${nameOf(props, resource.name)}`,
                    containers: containersOf(podSpecOf(resource.type, props), ["containers"]).map((c) => ({
                        label: containerTitle(c),
                        declaresPort: asArray(c.container.ports).length > 0,
                        liveness: hasProbe(c.container.livenessProbe),
                        readiness: hasProbe(c.container.readinessProbe),
                    })),
                    selectedBy,
                    unknownService: services.unknown,
                };
            }),
        );
}

/**
 * Every container of a Deployment or StatefulSet has a liveness probe; every container
 * that declares a port, or whose pods a Service selects, has a readiness probe.
 */
export const k8sProbes = stackPolicy<ProbesConfig, WorkloadItem>({
    name: "k8s-probes",
    description:
        "Every container of a Deployment or StatefulSet has a liveness probe (a hung process is restarted), and every container that declares a port or whose pods a Service in the same namespace selects has a readiness probe (no traffic before it is ready). Containers listen whether or not they declare ports.",
    remediationSteps:
        "Add livenessProbe to every container and readinessProbe to every container that serves (AppTier sets /health/ready and /health/live by default; override with `probes`).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            requireLiveness: { type: "boolean", default: true },
            requireReadiness: { type: "boolean", default: true },
        },
    },
    items: collect,
    validate: (w, _all, _args, config, report) => {
        const requireLiveness = config.requireLiveness ?? true;
        const requireReadiness = config.requireReadiness ?? true;
        let undecided = false;
        for (const c of w.containers) {
            const missing: string[] = [];
            if (requireReadiness && !c.readiness) {
                if (c.declaresPort) missing.push("no readinessProbe (it declares a port)");
                else if (w.selectedBy.length > 0)
                    missing.push(
                        `no readinessProbe (Service ${w.selectedBy.map((s) => `"${s}"`).join(", ")} sends its pods traffic)`,
                    );
                // A Service unknown at preview might select these pods: judge readiness at update.
                else if (w.unknownService) undecided = true;
            }
            if (requireLiveness && !c.liveness) missing.push("no livenessProbe (a hung process is never restarted)");
            if (missing.length > 0) report(`${c.label} of ${w.what} has ${missing.join(" and ")}.`);
        }
        if (undecided && w.unknownService) throw w.unknownService;
    },
});
