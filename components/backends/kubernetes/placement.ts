import { ArgChecker } from "../../core/arg-checker";
import { KubernetesPlacementArgs } from "../../core/services-common";

/** Checks the Kubernetes placement every data service shares: namespace and StorageClass names. */
export function checkPlacement(check: ArgChecker, placement: KubernetesPlacementArgs | undefined): void {
    check.namespace("kubernetes.namespace", placement?.namespace);
    if (placement?.storageClass !== undefined) check.dnsSubdomain("kubernetes.storageClass", placement.storageClass);
    check.namespace("kubernetes.operatorNamespace", placement?.operatorNamespace);
}
