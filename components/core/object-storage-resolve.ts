import { ArgChecker } from "./arg-checker";
import { ObjectStorageMode, Target, enumValues } from "./enums";
import { objectStorageNames } from "./kubernetes-names";
import { ExternalS3Args, ObjectStorageArgs } from "./object-storage-contract";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "./resources";
import { objectStorageShape } from "./service-shapes";
import { ResolvedCommon, checkPlacement, resolveCommon } from "./services-common";

export interface ResolvedObjectStorage extends ResolvedCommon {
    name: string;
    mode: ObjectStorageMode;
    bucket: string;
    versioning: boolean;
    replicas: number;
    external?: ExternalS3Args & { region: string; forcePathStyle: boolean };
    kubernetes: ObjectStorageArgs["kubernetes"] & {
        rookClusterNamespace: string;
        gatewayInstances: number;
        resources: Required<ResourcesArgs>;
        networkPolicy: boolean;
    };
}

// Rook's cluster chart sizes a gateway at 1 CPU / 1Gi requests and a 2Gi memory limit.
const gatewayResources: ResourceDefaults = {
    production: { cpuRequest: "500m", memoryRequest: "1Gi", cpuLimit: "2", memoryLimit: "2Gi" },
    development: { cpuRequest: "100m", memoryRequest: "256Mi", cpuLimit: "1", memoryLimit: "512Mi" },
};

/** Applies profile defaults to {@link ObjectStorageArgs}; throws every problem at once. */
export function resolveObjectStorage(name: string, given: ObjectStorageArgs): ResolvedObjectStorage {
    const check = new ArgChecker(`ObjectStorage "${name}"`);
    const args = check.args(given, objectStorageShape);
    const common = resolveCommon(check, args);
    const mode = args.mode ?? ObjectStorageMode.InCluster;
    check.oneOf("mode", mode, enumValues(ObjectStorageMode));
    if (common.target === Target.Kubernetes) {
        check.kubernetesName(name, objectStorageNames(name, mode === ObjectStorageMode.InCluster));
        checkPlacement(check, args.kubernetes);
        if (args.kubernetes?.rookClusterNamespace !== undefined)
            check.namespace("kubernetes.rookClusterNamespace", args.kubernetes.rookClusterNamespace);
    }
    const bucket = args.bucket ?? name;
    check.bucketName("bucket", bucket);
    const replicas = args.replicas ?? (common.production ? 3 : 1);
    check.integer("replicas", replicas, 1, 10);
    check.require(
        !common.production || replicas >= 3 || mode === ObjectStorageMode.External,
        "replicas",
        `must be at least 3 in production (one copy per zone), got ${replicas}`,
    );
    const gatewayInstances = args.kubernetes?.gatewayInstances ?? (common.production ? 3 : 1);
    check.integer("kubernetes.gatewayInstances", gatewayInstances, 1, 20);
    let external: ResolvedObjectStorage["external"];
    if (mode === ObjectStorageMode.External) {
        if (
            check.require(
                !!args.external,
                "external",
                "is required in mode external: endpoint, and credentialsSecretName or accessKeyId + secretAccessKey",
            )
        ) {
            const e = args.external!;
            const pair = e.accessKeyId !== undefined && e.secretAccessKey !== undefined;
            const partialPair = (e.accessKeyId === undefined) !== (e.secretAccessKey === undefined);
            check.require(
                !partialPair,
                "external.accessKeyId/secretAccessKey",
                "give both keys of the pair, or neither",
            );
            check.require(
                partialPair || pair !== !!e.credentialsSecretName,
                "external.credentialsSecretName",
                pair
                    ? "give either credentialsSecretName or the key pair, not both"
                    : "is required unless accessKeyId and secretAccessKey are given",
            );
            if (e.credentialsSecretName) check.dnsSubdomain("external.credentialsSecretName", e.credentialsSecretName);
            external = {
                ...args.external!,
                region: args.external!.region ?? "us-east-1",
                forcePathStyle: args.external!.forcePathStyle ?? false,
            };
            check.url("external.endpoint", external.endpoint, !common.production);
        }
    } else {
        check.require(!args.external, "external", "is only for mode external");
    }
    const onKubernetes = common.target === Target.Kubernetes;
    const versioning = args.versioning ?? (common.production && !onKubernetes);
    check.require(
        !(versioning && onKubernetes),
        "versioning",
        'cannot be set on target "kubernetes" (a Rook bucket claim has no versioning setting; enable it on an external bucket where it lives); omit it',
    );
    const resources = resolveResources(
        check,
        "kubernetes.resources",
        args.kubernetes?.resources,
        gatewayResources,
        common.production,
    );
    check.throwIfAny();
    return {
        ...common,
        name,
        mode,
        bucket,
        versioning,
        replicas,
        external,
        kubernetes: {
            ...args.kubernetes,
            rookClusterNamespace: args.kubernetes?.rookClusterNamespace ?? "rook-ceph",
            gatewayInstances,
            resources,
            networkPolicy: args.kubernetes?.networkPolicy ?? true,
        },
    };
}
