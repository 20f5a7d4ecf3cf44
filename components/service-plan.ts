import { backendFor, hasBackend } from "./backends";
import { Backend, ServiceBackend } from "./backends/backend";
import { BackendScope } from "./backends/backend";
import { ArgChecker } from "./core/arg-checker";
import { ObjectShape } from "./core/arg-shape";
import { Target } from "./core/enums";
import { ResolvedCommon } from "./core/services-common";

/** A service checked in full (neutral rules, then its target's) and ready to create. */
export interface ServicePlan<Resolved, Outputs> {
    resolved: Resolved;
    create: (scope: BackendScope) => Outputs;
}

/**
 * Checks a service's arguments: their types, the cloud-neutral rules (core), then its target's
 * (the backend's `plan`), and throws every problem of all three in one `InvalidArgumentsError`.
 * Registers nothing.
 */
export function planService<Args, Resolved extends ResolvedCommon, Outputs, Context>(
    component: string,
    name: string,
    given: Args,
    shape: ObjectShape<Args>,
    resolve: (check: ArgChecker, name: string, args: Args) => Resolved,
    backend: (b: Backend) => ServiceBackend<Args, Resolved, Outputs, Context>,
    context?: Context,
): ServicePlan<Resolved, Outputs> {
    const check = new ArgChecker(`${component} "${name}"`);
    const args = check.args(given, shape);
    const resolved = resolve(check, name, args);
    refuseOtherClouds(check, args as TargetedArgs, resolved.target);
    // An unknown target has no backend to ask (resolveCommon reported it).
    if (!hasBackend(resolved.target)) check.throwIfAny();
    const create = backend(backendFor(resolved.target)).plan(check, args, resolved, context);
    check.throwIfAny();
    return { resolved, create };
}

// Plans a Platform made for the children it is about to construct, keyed by the args object it
// hands each one: a child's arguments are resolved once, by the Platform, with its context.
const handed = new WeakMap<object, ServicePlan<unknown, unknown>>();

/** Hands `plan` to the component about to be constructed with `args`; returns `args`. */
export function handDown<Args extends object>(args: Args, plan: ServicePlan<unknown, unknown>): Args {
    handed.set(args, plan);
    return args;
}

/** The plan a Platform handed down with `args`, if any (taken once). */
export function handedDown<Resolved, Outputs>(args: object): ServicePlan<Resolved, Outputs> | undefined {
    const plan = handed.get(args);
    handed.delete(args);
    return plan as ServicePlan<Resolved, Outputs> | undefined;
}

/** What a component standing under the services names per target: its target and each cloud's region. */
export interface TargetedArgs {
    target?: Target;
    aws?: { region?: string };
    gcp?: { region?: string };
}

/** The backends of a component standing under the services, by target; kubernetes has none (nothing to create). */
export type BackendsByTarget<Args, Resolved, Outputs, Context> = Partial<
    Record<Target, ServiceBackend<Args, Resolved, Outputs, Context>>
>;

// The cloud fields a component may carry: with one target chosen, another cloud's is a mistake.
const cloudFields = [Target.Aws, Target.Gcp] as const;

/** With one target chosen, another cloud's specifics would be silently ignored: each is refused. */
function refuseOtherClouds(check: ArgChecker, args: TargetedArgs, target: Target): void {
    for (const field of cloudFields)
        if (field !== target)
            check.require(
                args[field] === undefined,
                field,
                `must be left out with target "${target}": only the ${target} specifics apply`,
            );
}

/**
 * Plans a component that stands under the services (Network, KubernetesCluster): its types, its
 * neutral rules, the target, then the chosen target's backend's rules, all thrown at once. A
 * target without a backend is refused (`onKubernetes` says why target kubernetes has nothing to
 * create); another cloud's field beside the chosen target is refused too, since it would be
 * silently ignored. The plan's creator runs in the target's `region` (`aws.region`,
 * `gcp.region`) unless the scope names one.
 */
export function planOnTarget<Args extends TargetedArgs, Resolved, Outputs, Context>(
    component: string,
    name: string,
    given: Args,
    shape: ObjectShape<Args>,
    resolve: (check: ArgChecker, args: Args) => Resolved,
    backends: BackendsByTarget<Args, Resolved, Outputs, Context>,
    onKubernetes: string,
    context?: Context,
): ServicePlan<Resolved, Outputs> {
    const check = new ArgChecker(`${component} "${name}"`);
    const args = check.args(given, shape);
    const resolved = resolve(check, args);
    const target = args.target;
    const backend = target === undefined ? undefined : backends[target];
    // Target kubernetes has a cluster already: nothing to create (an unknown target the shape reported).
    if (target === Target.Kubernetes) check.require(false, "target", onKubernetes);
    // No backend (an unknown, missing or kubernetes target, all reported): nothing more to check.
    if (target === undefined || backend === undefined) {
        check.throwIfAny();
        throw new Error(`internal: ${component} "${name}" has no backend for target ${String(target)}`);
    }
    refuseOtherClouds(check, args, target);
    const create = backend.plan(check, args, resolved, context);
    check.throwIfAny();
    const region = target === Target.Aws ? args.aws?.region : target === Target.Gcp ? args.gcp?.region : undefined;
    return { resolved, create: (scope) => create({ ...scope, region: scope.region ?? region }) };
}
