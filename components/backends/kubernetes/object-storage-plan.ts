import { ObjectStorageMode, enumValues } from "../../core/enums";
import { objectStorageNames } from "../../core/kubernetes-names";
import { ExternalS3Args, ObjectStorageArgs, ObjectStorageOutputs } from "../../core/object-storage-contract";
import { ResolvedObjectStorage } from "../../core/object-storage-resolve";
import { ResourceDefaults, ResourcesArgs, resolveResources } from "../../core/resources";
import { BackendScope, ServiceBackend } from "../backend";
import { kubernetesObjectStorage } from "./object-storage";
import { checkPlacement } from "./placement";

/** Object storage on Kubernetes: the neutral resolution plus Rook's or the external endpoint's rules. */
export interface KubernetesObjectStorage extends ResolvedObjectStorage {
    mode: ObjectStorageMode;
    replicas: number;
    external?: ExternalS3Args & { region: string; forcePathStyle: boolean };
    kubernetes: NonNullable<ObjectStorageArgs["kubernetes"]> & {
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

/** The mode the object storage of `args` has on Kubernetes (the Platform needs it before planning Postgres). */
export function objectStorageMode(args: ObjectStorageArgs): ObjectStorageMode {
    return args.kubernetes?.mode ?? ObjectStorageMode.InCluster;
}

/** Rook Ceph (in-cluster) or an external S3-compatible endpoint. */
export const kubernetesObjectStorageBackend: ServiceBackend<
    ObjectStorageArgs,
    ResolvedObjectStorage,
    ObjectStorageOutputs
> = {
    plan(check, args, store) {
        const k = args.kubernetes;
        const mode = objectStorageMode(args);
        check.oneOf("kubernetes.mode", mode, enumValues(ObjectStorageMode));
        const inCluster = mode === ObjectStorageMode.InCluster;
        check.kubernetesName(store.name, objectStorageNames(store.name, inCluster));
        checkPlacement(check, k);
        if (k?.rookClusterNamespace !== undefined)
            check.namespace("kubernetes.rookClusterNamespace", k.rookClusterNamespace);
        const replicas = k?.replicas ?? (store.production ? 3 : 1);
        check.integer("kubernetes.replicas", replicas, 1, 10);
        check.require(
            !store.production || replicas >= 3 || !inCluster,
            "kubernetes.replicas",
            `must be at least 3 in production (one copy per zone), got ${replicas}`,
        );
        const gatewayInstances = k?.gatewayInstances ?? (store.production ? 3 : 1);
        check.integer("kubernetes.gatewayInstances", gatewayInstances, 1, 20);
        // A Rook bucket claim has no versioning setting; an external bucket is configured where it lives.
        check.require(
            args.versioning !== true,
            "versioning",
            'cannot be set on target "kubernetes" (a Rook bucket claim has no versioning setting; enable it on an external bucket where it lives); omit it',
        );
        const resolved: KubernetesObjectStorage = {
            ...store,
            versioning: false,
            mode,
            replicas,
            external: inCluster ? checkNoExternal(check, k?.external) : external(check, k?.external, store.production),
            kubernetes: {
                ...k,
                rookClusterNamespace: k?.rookClusterNamespace ?? "rook-ceph",
                gatewayInstances,
                resources: resolveResources(
                    check,
                    "kubernetes.resources",
                    k?.resources,
                    gatewayResources,
                    store.production,
                ),
                networkPolicy: k?.networkPolicy ?? true,
            },
        };
        return (scope: BackendScope) => kubernetesObjectStorage(scope, resolved);
    },
};

function checkNoExternal(check: Parameters<typeof external>[0], given: ExternalS3Args | undefined): undefined {
    check.require(!given, "kubernetes.external", "is only for kubernetes.mode external");
    return undefined;
}

function external(
    check: Parameters<typeof kubernetesObjectStorageBackend.plan>[0],
    e: ExternalS3Args | undefined,
    production: boolean,
): KubernetesObjectStorage["external"] {
    if (
        !check.require(
            !!e,
            "kubernetes.external",
            "is required in mode external: endpoint, and credentialsSecretName or accessKeyId + secretAccessKey",
        )
    )
        return undefined;
    const pair = e!.accessKeyId !== undefined && e!.secretAccessKey !== undefined;
    const partialPair = (e!.accessKeyId === undefined) !== (e!.secretAccessKey === undefined);
    check.require(
        !partialPair,
        "kubernetes.external.accessKeyId/secretAccessKey",
        "give both keys of the pair, or neither",
    );
    check.require(
        partialPair || pair !== !!e!.credentialsSecretName,
        "kubernetes.external.credentialsSecretName",
        pair
            ? "give either credentialsSecretName or the key pair, not both"
            : "is required unless accessKeyId and secretAccessKey are given",
    );
    if (e!.credentialsSecretName)
        check.dnsSubdomain("kubernetes.external.credentialsSecretName", e!.credentialsSecretName);
    check.url("kubernetes.external.endpoint", e!.endpoint, !production);
    return { ...e!, region: e!.region ?? "us-east-1", forcePathStyle: e!.forcePathStyle ?? false };
}
