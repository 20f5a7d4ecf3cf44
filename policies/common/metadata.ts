import { asNonEmptyString, at } from "./read";

/**
 * metadata.name when it is a non-empty string, else `fallback` (the Pulumi resource name,
 * which the Kubernetes provider also uses to auto-name): messages never say "undefined".
 */
export function nameOf(props: unknown, fallback: string): string {
    return asNonEmptyString(at(props, "metadata", "name")) ?? fallback;
}

/** metadata.namespace when it is a non-empty string, else "default" (as the API server does). */
export function namespaceOf(props: unknown): string {
    return asNonEmptyString(at(props, "metadata", "namespace")) ?? "default";
}

/** `namespace/name` of an object, for messages and for joining objects that name each other. */
export function keyOf(props: unknown, fallback: string): string {
    return `${namespaceOf(props)}/${nameOf(props, fallback)}`;
}

/** The kind in a Pulumi type token (`kubernetes:apps/v1:Deployment` → Deployment). */
export function kindOf(type: string): string {
    return type.split(":").pop() || type;
}

/** `Kind namespace/name` for messages, from the resource type token and the name fallback. */
export function describeObject(type: string, props: unknown, fallback: string): string {
    return `${kindOf(type)} ${keyOf(props, fallback)}`;
}
