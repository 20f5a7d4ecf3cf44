import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../core/arg-checker";
import { ObjectStorageOutputs } from "../core/object-storage-contract";
import { ResolvedObjectStorage } from "../core/object-storage-resolve";
import { PostgresOutputs } from "../core/postgres-contract";
import { ResolvedPostgres } from "../core/postgres-resolve";
import { RabbitMQOutputs } from "../core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "../core/rabbitmq-resolve";
import { RedisOutputs } from "../core/redis-contract";
import { ResolvedRedis } from "../core/redis-resolve";

/** What a public component hands its backend. */
export interface BackendScope {
    /** The public component: the parent of everything the backend creates. */
    parent: pulumi.ComponentResource;
    /** The component's name; child names derive from it. */
    name: string;
    /** Protect stateful children (the resolved `deletionProtection`). */
    protect: boolean;
    /**
     * The component's own `dependsOn` (e.g. the operators). Pulumi does not pass a
     * component's dependsOn to its children, so the backend puts it on the resources
     * that must wait.
     */
    dependsOn?: pulumi.ComponentResourceOptions["dependsOn"];
    /**
     * Region of the service's regional resources (AWS, GCP): pulumi-aws v7 takes a `region`
     * on every resource, so one provider can span regions. Default: the provider's region.
     */
    region?: string;
}

/**
 * One target's implementation of one service, in two steps. `plan` checks and defaults the
 * target's own rules (its `kubernetes?`/`aws?`/`gcp?` field, and target limits on the neutral
 * fields), reporting every problem to `check`; it never throws and registers nothing. It returns
 * the creator the public component runs once every check (neutral and target) has passed, so
 * the problems of both are thrown together, before anything is registered.
 */
export interface ServiceBackend<Args, Resolved, Outputs> {
    plan(check: ArgChecker, args: Args, resolved: Resolved): (scope: BackendScope) => Outputs;
}

/**
 * One target's implementation of every data service. Functions, not classes: each
 * takes resolved (validated, defaulted) arguments and returns the service's outputs,
 * so a new cloud is one object of four functions.
 */
export interface Backend {
    postgres(scope: BackendScope, args: ResolvedPostgres): PostgresOutputs;
    redis(scope: BackendScope, args: ResolvedRedis): RedisOutputs;
    rabbitmq(scope: BackendScope, args: ResolvedRabbitMQ): RabbitMQOutputs;
    objectStorage(scope: BackendScope, args: ResolvedObjectStorage): ObjectStorageOutputs;
}

/** The scope a public component hands its backend. */
export function backendScope(
    parent: pulumi.ComponentResource,
    name: string,
    deletionProtection: boolean,
    opts: pulumi.ComponentResourceOptions | undefined,
): BackendScope {
    return { parent, name, protect: deletionProtection, dependsOn: opts?.dependsOn };
}
