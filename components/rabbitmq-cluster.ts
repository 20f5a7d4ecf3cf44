import * as pulumi from "@pulumi/pulumi";
import { ServicePlanContext, backendScope } from "./backends/backend";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "./core/rabbitmq-contract";
import { ResolvedRabbitMQ, resolveRabbitMQ } from "./core/rabbitmq-resolve";
import { rabbitmqShape } from "./core/service-shapes";
import { ServicePlan, handedDown, planService } from "./service-plan";
import { ServiceCredentials } from "./core/services-common";

/** Checks a RabbitMQCluster's arguments in full (neutral and target rules); registers nothing. */
export function planRabbitMQ(
    name: string,
    args: RabbitMQClusterArgs,
    context?: ServicePlanContext,
): ServicePlan<ResolvedRabbitMQ, RabbitMQOutputs> {
    return planService("RabbitMQCluster", name, args, rabbitmqShape, resolveRabbitMQ, (b) => b.rabbitmq, context);
}

/**
 * A highly available RabbitMQ cluster: 3 nodes over 3 zones, quorum queues by default,
 * pause-minority partition handling, generated credentials, a disruption budget.
 * On Kubernetes: the RabbitMQ Cluster Operator.
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 * With `target` Kubernetes, pass `KubernetesOperators.rabbitmq` in `dependsOn`.
 */
export class RabbitMQCluster extends pulumi.ComponentResource implements RabbitMQOutputs {
    public readonly amqpEndpoint: pulumi.Output<string>;
    public readonly managementEndpoint: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** `{ username, password }`, a Pulumi secret. */
    public readonly credentials: pulumi.Output<ServiceCredentials>;
    /** amqp://user:password@host:5672/ (amqps://…:5671/ with TLS), a Pulumi secret. */
    public readonly url: pulumi.Output<string>;
    /** PEM of the CA clients must trust, when TLS is on. */
    public readonly caCertificate?: pulumi.Output<string>;

    constructor(name: string, args: RabbitMQClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = handedDown<ResolvedRabbitMQ, RabbitMQOutputs>(args) ?? planRabbitMQ(name, args);
        super("pulumi-ha:index:RabbitMQCluster", name, {}, opts);
        const out = plan.create(backendScope(this, name, plan.resolved.deletionProtection, opts));
        this.amqpEndpoint = out.amqpEndpoint;
        this.managementEndpoint = out.managementEndpoint;
        this.port = out.port;
        this.credentials = out.credentials;
        this.url = out.url;
        this.caCertificate = out.caCertificate;
        this.registerOutputs({ ...out });
    }
}
