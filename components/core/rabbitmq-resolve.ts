import { ArgChecker } from "./arg-checker";
import { parseQuantity } from "./formats";
import { Target } from "./enums";
import { rabbitmqNames } from "./kubernetes-names";
import { RabbitMQClusterArgs } from "./rabbitmq-contract";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "./resources";
import { rabbitmqShape } from "./service-shapes";
import { ResolvedCommon, checkPlacement, resolveCommon } from "./services-common";

export interface ResolvedRabbitMQ extends ResolvedCommon {
    name: string;
    nodes: number;
    version: string;
    quorumQueuesByDefault: boolean;
    storageSize: string;
    /** Volume size per instance or node, in GiB: the neutral form each backend maps. */
    storageGiB: number;
    tls: boolean;
    kubernetes: RabbitMQClusterArgs["kubernetes"] & {
        image: string;
        resources: Required<ResourcesArgs>;
        networkPolicy: boolean;
    };
}

// The operator's own defaults, made explicit (and visible to the pack).
const nodeResources: ResourceDefaults = {
    production: { cpuRequest: "1", memoryRequest: "2Gi", cpuLimit: "2", memoryLimit: "2Gi" },
    development: { cpuRequest: "250m", memoryRequest: "512Mi", cpuLimit: "1", memoryLimit: "1Gi" },
};

/** Applies profile defaults to {@link RabbitMQClusterArgs}; throws every problem at once. */
export function resolveRabbitMQ(name: string, given: RabbitMQClusterArgs): ResolvedRabbitMQ {
    const check = new ArgChecker(`RabbitMQCluster "${name}"`);
    const args = check.args(given, rabbitmqShape);
    const common = resolveCommon(check, args);
    if (common.target === Target.Kubernetes) {
        check.kubernetesName(name, rabbitmqNames(name));
        checkPlacement(check, args.kubernetes);
    }
    const nodes = args.nodes ?? (common.production ? 3 : 1);
    check.integer("nodes", nodes, 1, 9);
    check.require(
        !common.production || (nodes >= 3 && nodes % 2 === 1),
        "nodes",
        `must be odd and at least 3 in production so quorum queues keep a majority (got ${nodes})`,
    );
    // The RabbitMQ Cluster Operator 2.22.3's own default image.
    const version = args.version ?? "4.2.6";
    check.require(
        /^\d+\.\d+(\.\d+)?$/.test(version),
        "version",
        `must be a version such as "4.1.4" (got ${JSON.stringify(version)})`,
    );
    const storageSize = args.storageSize ?? "10Gi";
    check.quantity("storageSize", storageSize);
    const resources = resolveResources(
        check,
        "kubernetes.resources",
        args.kubernetes?.resources,
        nodeResources,
        common.production,
    );
    check.throwIfAny();
    return {
        ...common,
        name,
        nodes,
        version,
        storageSize,
        storageGiB: Math.ceil((parseQuantity(storageSize) ?? 0) / 2 ** 30),
        quorumQueuesByDefault: args.quorumQueuesByDefault ?? true,
        tls: args.tls ?? common.production,
        kubernetes: {
            ...args.kubernetes,
            image: args.kubernetes?.image ?? `rabbitmq:${version}-management`,
            resources,
            networkPolicy: args.kubernetes?.networkPolicy ?? true,
        },
    };
}
