import { Target } from "../core/enums";
import { Backend } from "./backend";
import { awsBackend } from "./aws";
import { gcpBackend } from "./gcp";
import { kubernetesBackend } from "./kubernetes";

const backends: Partial<Record<Target, Backend>> = {
    [Target.Kubernetes]: kubernetesBackend,
    [Target.Aws]: awsBackend,
    [Target.Gcp]: gcpBackend,
};

/** Whether a target has a backend. */
export function hasBackend(target: Target): boolean {
    return backends[target] !== undefined;
}

/** The backend of a target. Arguments were validated first, so a missing one is a bug. */
export function backendFor(target: Target): Backend {
    const backend = backends[target];
    if (!backend)
        throw new Error(`internal: no backend for target "${target}" (resolveCommon should have rejected it)`);
    return backend;
}
