import { ArgChecker } from "./arg-checker";
import { limitDefault } from "./formats";

/**
 * CPU and memory of one container, as Kubernetes quantities ("250m", "1", "512Mi", "2Gi").
 * Requests drive scheduling (and an HPA's utilisation); limits cap a runaway container.
 * Memory requests and limits keep a pod from being the kubelet's first eviction under
 * memory pressure. Each request must be positive and at most its limit.
 */
export interface ResourcesArgs {
    /** CPU request, e.g. "250m". */
    cpuRequest?: string;
    /** Memory request, e.g. "256Mi". */
    memoryRequest?: string;
    /** CPU limit, e.g. "500m". */
    cpuLimit?: string;
    /** Memory limit, e.g. "512Mi". */
    memoryLimit?: string;
}

/** Production and development defaults of one kind of pod. */
export interface ResourceDefaults {
    production: Required<ResourcesArgs>;
    development: Required<ResourcesArgs>;
}

/** `given` over the profile's defaults, each value a Kubernetes quantity. */
export function resolveResources(
    check: ArgChecker,
    arg: string,
    given: ResourcesArgs | undefined,
    defaults: ResourceDefaults,
    production: boolean,
): Required<ResourcesArgs> {
    const base = production ? defaults.production : defaults.development;
    const r: Required<ResourcesArgs> = {
        cpuRequest: given?.cpuRequest ?? base.cpuRequest,
        memoryRequest: given?.memoryRequest ?? base.memoryRequest,
        cpuLimit:
            given?.cpuLimit ?? (given?.cpuRequest ? limitDefault(base.cpuLimit, given.cpuRequest) : base.cpuLimit),
        memoryLimit:
            given?.memoryLimit ??
            (given?.memoryRequest ? limitDefault(base.memoryLimit, given.memoryRequest) : base.memoryLimit),
    };
    check.resources(arg, r);
    return r;
}
