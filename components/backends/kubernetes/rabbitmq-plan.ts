import { rabbitmqNames } from "../../core/kubernetes-names";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "../../core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "../../core/rabbitmq-resolve";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "../../core/resources";
import { BackendScope, ServiceBackend } from "../backend";
import { checkPlacement } from "./placement";
import { kubernetesRabbitMQ } from "./rabbitmq";

/** RabbitMQ as the Cluster Operator runs it: the neutral resolution plus every Kubernetes rule. */
export interface KubernetesRabbitMQ extends ResolvedRabbitMQ {
    /** The volume size as a Kubernetes quantity. */
    storageSize: string;
    kubernetes: NonNullable<RabbitMQClusterArgs["kubernetes"]> & {
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

/** The RabbitMQ Cluster Operator's rules: derived names, the pinned image, sizing. */
export const kubernetesRabbitMQBackend: ServiceBackend<RabbitMQClusterArgs, ResolvedRabbitMQ, RabbitMQOutputs> = {
    plan(check, args, mq) {
        const k = args.kubernetes;
        check.kubernetesName(mq.name, rabbitmqNames(mq.name));
        checkPlacement(check, k);
        const resolved: KubernetesRabbitMQ = {
            ...mq,
            storageSize: `${mq.storageGiB}Gi`,
            kubernetes: {
                ...k,
                image: k?.image ?? `rabbitmq:${mq.version}-management`,
                resources: resolveResources(check, "kubernetes.resources", k?.resources, nodeResources, mq.production),
                networkPolicy: k?.networkPolicy ?? true,
            },
        };
        return (scope: BackendScope) => kubernetesRabbitMQ(scope, resolved);
    },
};
