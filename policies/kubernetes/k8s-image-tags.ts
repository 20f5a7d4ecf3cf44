import { resourcePolicy } from "../common/define";
import { imagePinProblem } from "../common/image-refs";
import { describeObject } from "../common/metadata";
import { containerLabel, containersOf, podSpecOf, podWorkloadTypes } from "../common/pod-specs";
import { asArray, asRecord, at } from "../common/read";
import { crTypes } from "../common/types";
import { judgeEach } from "../common/unknowns";

export interface ImageTagsConfig {
    requireFullVersion?: boolean;
}

/** One image a resource names, with where it names it (for messages). */
interface ImageAt {
    where: string;
    read(): unknown;
}

/** Images of the containers (and init containers) of a pod spec. */
function podImages(pod: unknown): ImageAt[] {
    return containersOf(pod, ["initContainers", "containers"]).map((c) => ({
        where: containerLabel(c),
        read: () => c.container.image,
    }));
}

/** Images of the redis-operator's pods: Redis or Sentinel, exporter, embedded Sentinel, init container, sidecars. */
function redisImages(spec: unknown): ImageAt[] {
    return [
        { where: "spec.kubernetesConfig.image", read: () => at(spec, "kubernetesConfig", "image") },
        { where: "spec.redisExporter.image", read: () => at(spec, "redisExporter", "image") },
        { where: "spec.sentinel.image", read: () => at(spec, "sentinel", "image") },
        { where: "spec.initContainer.image", read: () => at(spec, "initContainer", "image") },
        ...asArray(at(spec, "sidecars")).map((s, i) => ({
            where: `spec.sidecars[${i}].image`,
            read: () => asRecord(s)?.image,
        })),
    ];
}

/** Every image a resource of `type` names; operators' defaults (no image given) are their own pins. */
function imagesOf(type: string, props: unknown): ImageAt[] {
    const spec = at(props, "spec");
    switch (type) {
        case crTypes.cnpgCluster:
            return [{ where: "spec.imageName", read: () => at(spec, "imageName") }];
        case crTypes.cnpgPooler:
            return podImages(at(spec, "template", "spec"));
        case crTypes.rabbitmqCluster:
            return [{ where: "spec.image", read: () => at(spec, "image") }];
        case crTypes.redisReplication:
        case crTypes.redisSentinel:
        case crTypes.redisCluster:
        case crTypes.redisStandalone:
            return redisImages(spec);
        case crTypes.cephCluster:
            return [{ where: "spec.cephVersion.image", read: () => at(spec, "cephVersion", "image") }];
        default:
            return podImages(podSpecOf(type, props));
    }
}

const operatorTypes = [
    crTypes.cnpgCluster,
    crTypes.cnpgPooler,
    crTypes.rabbitmqCluster,
    crTypes.redisReplication,
    crTypes.redisSentinel,
    crTypes.redisCluster,
    crTypes.redisStandalone,
    crTypes.cephCluster,
];

/** Images pinned to a version that does not move (or a digest). */
export const k8sImageTags = resourcePolicy<ImageTagsConfig>({
    name: "k8s-image-tags",
    description:
        "Every image is pinned: not untagged, not `latest` or another tag without a version (`stable`, `alpine`), not a bare major (`postgresql:17`, `redis:7`, `17-alpine`), all of which move to new releases under you; a digest (`@sha256:…`) is always fine. Checks the containers and init containers of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods, and operators' images: CloudNativePG Cluster spec.imageName and Pooler pod template, RabbitmqCluster spec.image, redis-operator kubernetesConfig.image (and exporter, embedded Sentinel, init container, sidecars), Rook CephCluster spec.cephVersion.image.",
    remediationSteps:
        "Pin a full version (e.g. `ghcr.io/cloudnative-pg/postgresql:17.6`, `redis:7.4.5`) or a digest; the data components take the image as `kubernetes.image`.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requireFullVersion: {
                type: "boolean",
                default: false,
                description: "Demand a major.minor.patch tag (or a digest); major.minor alone is then a violation too.",
            },
        },
    },
    types: [...podWorkloadTypes, ...operatorTypes],
    validate: (props, args, config, report) => {
        const what = describeObject(args.type, props, args.name);
        judgeEach(imagesOf(args.type, props), ({ where, read }) => {
            const image = read();
            // No image (or not a string): the operator's default, or an object the API server rejects anyway.
            if (typeof image !== "string" || image.trim() === "") return;
            const problem = imagePinProblem(image.trim(), config.requireFullVersion === true);
            if (problem)
                report(
                    `${what}: ${where} image "${image.trim()}" ${problem}; it can change under you on the next pull. Pin a full version or a digest.`,
                );
        });
    },
});
