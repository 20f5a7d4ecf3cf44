import * as pulumi from "@pulumi/pulumi";
import { ServicePlanContext, backendScope } from "./backends/backend";
import { RedisClusterArgs, RedisOutputs } from "./core/redis-contract";
import { ResolvedRedis, resolveRedis } from "./core/redis-resolve";
import { redisShape } from "./core/service-shapes";
import { ServicePlan, handedDown, planService } from "./service-plan";

/** Checks a RedisCluster's arguments in full (neutral and target rules); registers nothing. */
export function planRedis(
    name: string,
    args: RedisClusterArgs,
    context?: ServicePlanContext,
): ServicePlan<ResolvedRedis, RedisOutputs> {
    return planService("RedisCluster", name, args, redisShape, resolveRedis, (b) => b.redis, context);
}

/**
 * Highly available Redis (or Valkey): `replicated` — a primary, replicas and 3 Sentinels
 * that fail over by majority (seed 001) — or `cluster` — 3 masters each with a replica
 * (seed 004). Persistence on, AUTH password generated once, pods spread over zones.
 * On Kubernetes: the OT-Container-Kit redis-operator.
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 * With `target` Kubernetes, pass `KubernetesOperators.redis` in `dependsOn`.
 */
export class RedisCluster extends pulumi.ComponentResource implements RedisOutputs {
    public readonly primaryEndpoint: pulumi.Output<string>;
    public readonly readerEndpoint?: pulumi.Output<string>;
    public readonly sentinelEndpoint?: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** The AUTH password, a Pulumi secret. */
    public readonly authToken: pulumi.Output<string>;
    /** redis://:token@host:port (rediss:// with TLS), a Pulumi secret. */
    public readonly url: pulumi.Output<string>;
    /** PEM of the CA clients must trust, when TLS is on. */
    public readonly caCertificate?: pulumi.Output<string>;

    constructor(name: string, args: RedisClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = handedDown<ResolvedRedis, RedisOutputs>(args) ?? planRedis(name, args);
        super("pulumi-ha:index:RedisCluster", name, {}, opts);
        const out = plan.create(backendScope(this, name, plan.resolved.deletionProtection, opts));
        this.primaryEndpoint = out.primaryEndpoint;
        this.readerEndpoint = out.readerEndpoint;
        this.sentinelEndpoint = out.sentinelEndpoint;
        this.port = out.port;
        this.authToken = out.authToken;
        this.url = out.url;
        this.caCertificate = out.caCertificate;
        this.registerOutputs({ ...out });
    }
}
