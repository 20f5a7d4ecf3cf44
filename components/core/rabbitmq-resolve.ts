import { ArgChecker } from "./arg-checker";
import { RabbitMQClusterArgs } from "./rabbitmq-contract";
import { ResolvedCommon, checkStorageGiB, resolveCommon } from "./services-common";

/** {@link RabbitMQClusterArgs} with the cloud-neutral rules applied; each backend adds its own. */
export interface ResolvedRabbitMQ extends ResolvedCommon {
    name: string;
    nodes: number;
    /** As given, or the default "4.2.6"; each backend maps it to what it runs. */
    version: string;
    quorumQueuesByDefault: boolean;
    /** Storage per node, in GiB. */
    storageGiB: number;
    tls: boolean;
}

/**
 * The cloud-neutral rules and defaults of {@link RabbitMQClusterArgs}. Reports every problem to
 * `check` (the public component throws them together with its backend's).
 */
export function resolveRabbitMQ(check: ArgChecker, name: string, args: RabbitMQClusterArgs): ResolvedRabbitMQ {
    const common = resolveCommon(check, args);
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
    const storageGiB = checkStorageGiB(check, args.storageGiB, 10);
    return {
        ...common,
        name,
        nodes,
        version,
        storageGiB,
        quorumQueuesByDefault: args.quorumQueuesByDefault ?? true,
        tls: args.tls ?? common.production,
    };
}
