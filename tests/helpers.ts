import * as assert from "assert";
import { RecordedResource, RunResult } from "./harness/mock-engine";
import { plain } from "./harness/wire";

/** Resources of a type token, e.g. "kubernetes:apps/v1:Deployment". */
export function ofType(run: RunResult, type: string): RecordedResource[] {
    return run.resources.filter((r) => r.type === type);
}

/** The one resource of a type (and name); fails the test when there is not exactly one. */
export function one(run: RunResult, type: string, name?: string): RecordedResource {
    const found = ofType(run, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
    return found[0];
}

/** A resource's inputs with secret wrappers removed. */
export function inputsOf(r: RecordedResource): any {
    return plain(r.inputs);
}

export const T = {
    Stack: "pulumi:pulumi:Stack",
    AppTier: "pulumi-ha:index:AppTier",
    SharedSecret: "pulumi-ha:index:SharedSecret",
    Deployment: "kubernetes:apps/v1:Deployment",
    StatefulSet: "kubernetes:apps/v1:StatefulSet",
    Service: "kubernetes:core/v1:Service",
    ConfigMap: "kubernetes:core/v1:ConfigMap",
    Secret: "kubernetes:core/v1:Secret",
    Namespace: "kubernetes:core/v1:Namespace",
    Pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    Hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    Ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    RandomBytes: "random:index/randomBytes:RandomBytes",
    RandomPassword: "random:index/randomPassword:RandomPassword",
} as const;
