/** The recommended app.kubernetes.io labels, put on every Kubernetes object we create. */
export interface LabelArgs {
    /** app.kubernetes.io/name: the application, e.g. "safeshare". */
    appName: string;
    /** app.kubernetes.io/instance: unique per installation, e.g. the component name. */
    instance: string;
    /** app.kubernetes.io/component: the role, e.g. "app", "database". */
    component: string;
    /** app.kubernetes.io/part-of: the larger application. */
    partOf: string;
}

export const managedBy = "pulumi-ha";

/** Labels that identify a workload's pods; stable, so safe as an immutable selector. */
export function selectorLabels(l: LabelArgs): Record<string, string> {
    return {
        "app.kubernetes.io/name": l.appName,
        "app.kubernetes.io/instance": l.instance,
        "app.kubernetes.io/component": l.component,
    };
}

/** Every recommended label: the selector labels plus part-of and managed-by. */
export function standardLabels(l: LabelArgs): Record<string, string> {
    return {
        ...selectorLabels(l),
        "app.kubernetes.io/part-of": l.partOf,
        "app.kubernetes.io/managed-by": managedBy,
    };
}
