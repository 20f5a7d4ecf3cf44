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
