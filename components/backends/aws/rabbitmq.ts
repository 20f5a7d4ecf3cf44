import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgChecker } from "../../core/arg-checker";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "../../core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "../../core/rabbitmq-resolve";
import { BackendScope, ServiceBackend, ServicePlanContext } from "../backend";
import { awsTags, child, inRegion, placeService, serviceSecurityGroup } from "./common";

const component = "rabbitmq";

/** Amazon MQ's values, as the provider documents them (mq/broker.d.ts). */
export const amazonMq = {
    engineType: "RabbitMQ",
    /** Amazon MQ takes major.minor only ("Valid values: [3.13]" for a patch version) and applies patches itself. */
    engineVersion: "4.2",
    deploymentMode: { cluster: "CLUSTER_MULTI_AZ", single: "SINGLE_INSTANCE" },
    authenticationStrategy: "simple",
    /** AMQP over TLS: the only AMQP listener of an Amazon MQ for RabbitMQ broker. */
    amqpsPort: 5671,
    /** The management console and API (HTTPS). */
    consolePort: 443,
    /** A cluster deployment is always three nodes. */
    clusterNodes: 3,
    /** RabbitMQ 4.x runs on mq.m7g only; these are its sizes. */
    instanceFamily: "mq.m7g",
    instanceSizes: ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
    /** The broker's name: 1–50 letters, digits, '-' and '_'; Pulumi appends '-' and 7 characters. */
    brokerNameMax: 50,
    autoNameSuffix: 8,
} as const;

export const rabbitmqAwsDefaults = {
    instanceType: "mq.m7g.large",
    username: "pulumi-ha-admin",
    /** A quiet hour; Amazon MQ applies patches (autoMinorVersionUpgrade) in this window. */
    maintenanceWindow: { dayOfWeek: "SUNDAY", timeOfDay: "03:00", timeZone: "UTC" },
} as const;

/**
 * The generated password's rules, within Amazon MQ's for a broker user: at least 12 characters
 * (at most 250), at least 4 distinct, none of `,` `:` `=`. 32 characters with one of each class
 * guarantee 4 distinct; the special set leaves out `,:=` and also `/ @ % " ' \` and space, which
 * tools that skip percent-encoding mangle (URLs encode every one anyway).
 */
export const brokerPasswordArgs: random.RandomPasswordArgs = {
    length: 32,
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: "!#$&*()-_+[]{}<>?.~^",
    minUpper: 1,
    minLower: 1,
    minNumeric: 1,
    minSpecial: 1,
};

const usernamePattern = /^[A-Za-z0-9._-]{2,100}$/;
const brokerNamePattern = /^[A-Za-z0-9_-]+$/;

/** `amqps://user:password@host:5671`, user and password percent-encoded (RFC 3986 userinfo). */
export function amqpsUrl(username: string, password: string, host: string): string {
    return `amqps://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${host}:${amazonMq.amqpsPort}`;
}

/** The host of a broker's AMQPS endpoint (`amqps://b-….mq.REGION.on.aws:5671`); "" until the broker reports one. */
export function amqpsHost(instances: aws.types.output.mq.BrokerInstance[] | undefined): string {
    const endpoint = (instances ?? []).flatMap((i) => i.endpoints ?? []).find((e) => e.startsWith("amqps://"));
    return endpoint === undefined ? "" : new URL(endpoint).hostname;
}

/** The management console URL of a broker; "" until the broker reports one. */
function consoleUrl(instances: aws.types.output.mq.BrokerInstance[] | undefined): string {
    return (instances ?? []).find((i) => i.consoleUrl)?.consoleUrl ?? "";
}

/**
 * RabbitMQCluster on Amazon MQ for RabbitMQ 4.2: a CLUSTER_MULTI_AZ broker (three nodes behind
 * one endpoint, over the placement's private subnets) or, in development with `nodes: 1`, a
 * SINGLE_INSTANCE broker in the first subnet. AMQPS only, never public, its own security group
 * admitting the clients' groups on 5671 (and 443 for the console when asked), one generated admin
 * user, general logs to CloudWatch, patches applied by Amazon MQ in a Sunday maintenance window.
 *
 * Mapped from the neutral contract: quorum queues are Amazon MQ's default queue type on 4.2 (so
 * `quorumQueuesByDefault` needs nothing; false cannot be honoured and is refused); TLS is always
 * on (`tls: false` is refused); storage is sized by the instance type (`storageGiB` is refused);
 * encryption at rest uses a key AWS owns (Amazon MQ applies no customer key to RabbitMQ brokers;
 * `aws.kmsKeyArn` is refused). The broker's CA is publicly trusted: `caCertificate` is undefined.
 */
export const awsRabbitMQ: ServiceBackend<RabbitMQClusterArgs, ResolvedRabbitMQ, RabbitMQOutputs, ServicePlanContext> = {
    plan(check, args, resolved, context) {
        const given = args.aws ?? {};
        const placement = placeService(check, given, resolved.production, context?.aws);
        const single = checkRabbitMQ(check, args, resolved);
        const instanceType = given.instanceType ?? rabbitmqAwsDefaults.instanceType;
        const username = given.username ?? rabbitmqAwsDefaults.username;
        const managementFromClients = given.managementFromClients ?? false;

        return (scope) => {
            const a = placement.aws();
            const group = serviceSecurityGroup(scope, component, {
                vpcId: a.vpcId!,
                port: amazonMq.amqpsPort,
                clientSecurityGroupIds: a.clientSecurityGroupIds!,
            });
            if (managementFromClients) consoleIngress(scope, group, a.clientSecurityGroupIds!);
            const password = new random.RandomPassword(`${scope.name}-password`, brokerPasswordArgs, {
                parent: scope.parent,
            });
            const subnets = a.subnetIds!;
            const broker = new aws.mq.Broker(
                scope.name,
                {
                    engineType: amazonMq.engineType,
                    engineVersion: amazonMq.engineVersion,
                    autoMinorVersionUpgrade: true,
                    deploymentMode: single ? amazonMq.deploymentMode.single : amazonMq.deploymentMode.cluster,
                    hostInstanceType: instanceType,
                    publiclyAccessible: false,
                    // SINGLE_INSTANCE takes exactly one subnet. A private CLUSTER_MULTI_AZ broker takes at
                    // least one, each in a different zone (CreateBroker SubnetIds): every zone given.
                    subnetIds: single ? subnets.slice(0, 1) : subnets,
                    securityGroups: [group.id],
                    authenticationStrategy: amazonMq.authenticationStrategy,
                    users: [{ username, password: password.result }],
                    logs: { general: true },
                    encryptionOptions: { useAwsOwnedKey: true },
                    maintenanceWindowStartTime: { ...rabbitmqAwsDefaults.maintenanceWindow },
                    tags: awsTags(scope, component),
                    ...inRegion(scope),
                },
                child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
            );
            const host = broker.instances.apply(amqpsHost);
            return {
                amqpEndpoint: host,
                managementEndpoint: broker.instances.apply(consoleUrl),
                port: pulumi.output(amazonMq.amqpsPort),
                credentials: pulumi.secret(password.result.apply((p) => ({ username, password: p }))),
                url: pulumi.secret(pulumi.all([password.result, host]).apply(([p, h]) => amqpsUrl(username, p, h))),
                caCertificate: undefined,
            };
        };
    },
};

/** The console (443) from each client group, beside the AMQPS rules of the service group. */
function consoleIngress(scope: BackendScope, group: aws.ec2.SecurityGroup, clients: pulumi.Input<string>[]): void {
    clients.forEach(
        (client, i) =>
            new aws.vpc.SecurityGroupIngressRule(
                `${scope.name}-console-from-client-${i}`,
                {
                    securityGroupId: group.id,
                    referencedSecurityGroupId: client,
                    ipProtocol: "tcp",
                    fromPort: amazonMq.consolePort,
                    toPort: amazonMq.consolePort,
                    description: `clients of ${scope.name}: management console`,
                    tags: awsTags(scope, component),
                    ...inRegion(scope),
                },
                child(scope),
            ),
    );
}

/** Amazon MQ's rules on the neutral and aws arguments. Returns whether the broker is a single instance. */
function checkRabbitMQ(check: ArgChecker, args: RabbitMQClusterArgs, mq: ResolvedRabbitMQ): boolean {
    const a = args.aws ?? {};
    const maxName = amazonMq.brokerNameMax - amazonMq.autoNameSuffix;
    check.require(
        typeof mq.name === "string" && brokerNamePattern.test(mq.name) && mq.name.length <= maxName,
        "name",
        `${JSON.stringify(mq.name)} names the Amazon MQ broker on target aws: letters, digits, '-' and '_', at most ${maxName} characters (a broker name is at most ${amazonMq.brokerNameMax}, and Pulumi appends an ${amazonMq.autoNameSuffix}-character suffix)`,
    );

    const single = !mq.production && mq.nodes === 1;
    if (mq.production) {
        check.require(
            mq.nodes === amazonMq.clusterNodes,
            "nodes",
            `must be 3 on target aws in production: an Amazon MQ for RabbitMQ cluster (CLUSTER_MULTI_AZ) is always three nodes behind one endpoint (got ${mq.nodes})`,
        );
    } else {
        check.require(
            mq.nodes === 1 || mq.nodes === amazonMq.clusterNodes,
            "nodes",
            `must be 1 (a SINGLE_INSTANCE broker, development only) or 3 (a CLUSTER_MULTI_AZ cluster) on target aws: an Amazon MQ for RabbitMQ cluster is always three nodes (got ${mq.nodes})`,
        );
    }

    const minor = /^(\d+\.\d+)(\.\d+)?$/.exec(mq.version)?.[1];
    check.require(
        minor === amazonMq.engineVersion,
        "version",
        `must be ${amazonMq.engineVersion} (or a ${amazonMq.engineVersion}.x release) on target aws: Amazon MQ creates RabbitMQ brokers on ${amazonMq.engineVersion} (RabbitMQ 4) and applies patch releases itself (got ${JSON.stringify(mq.version)})`,
    );
    check.require(
        args.quorumQueuesByDefault !== false,
        "quorumQueuesByDefault",
        "cannot be false on target aws: quorum is the default queue type of Amazon MQ for RabbitMQ 4.2 and this component does not override it; omit it, and declare classic queues with the x-queue-type argument where you need them",
    );
    check.require(
        args.tls !== false,
        "tls",
        "cannot be false on target aws: Amazon MQ for RabbitMQ serves AMQPS (5671) and HTTPS only; omit it",
    );
    check.require(
        args.storageGiB === undefined,
        "storageGiB",
        "cannot be set on target aws: Amazon MQ sizes a RabbitMQ broker's storage by its instance type; choose aws.instanceType instead",
    );
    check.require(
        a.kmsKeyArn === undefined,
        "aws.kmsKeyArn",
        "cannot be set for RabbitMQ on target aws: Amazon MQ encrypts RabbitMQ brokers at rest with a key AWS owns and applies no customer key to them; omit it",
    );

    const instanceType = a.instanceType ?? rabbitmqAwsDefaults.instanceType;
    const sizes = amazonMq.instanceSizes.map((s) => `${amazonMq.instanceFamily}.${s}`);
    if (
        check.require(
            sizes.includes(instanceType),
            "aws.instanceType",
            `must be one of ${sizes.map((s) => `"${s}"`).join(", ")}: Amazon MQ runs RabbitMQ ${amazonMq.engineVersion} on the ${amazonMq.instanceFamily} family only (got ${JSON.stringify(instanceType)})`,
        )
    ) {
        check.require(
            !mq.production || instanceType !== `${amazonMq.instanceFamily}.medium`,
            "aws.instanceType",
            `"${amazonMq.instanceFamily}.medium" is for testing only (Amazon MQ's sizing guidance); use "${rabbitmqAwsDefaults.instanceType}" or larger in production`,
        );
    }

    const username = a.username ?? rabbitmqAwsDefaults.username;
    check.require(
        usernamePattern.test(username) && username !== "guest",
        "aws.username",
        `must be 2-100 letters, digits, '-', '.' and '_', and not "guest" (Amazon MQ for RabbitMQ deletes any user named guest) (got ${JSON.stringify(username)})`,
    );
    return single;
}
