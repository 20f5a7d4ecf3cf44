import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, boolean, input, object, oneOf, required, string } from "./arg-shape";

/** GKE release channels a cluster may follow (the provider's `releaseChannel.channel`). */
export const GkeReleaseChannel = {
    /** New versions weekly: for testing. */
    Rapid: "RAPID",
    /** Several upgrades a month, after they served on RAPID. The default. */
    Regular: "REGULAR",
    /** Upgrades every few months, after they served on REGULAR. */
    Stable: "STABLE",
} as const;
export type GkeReleaseChannel = (typeof GkeReleaseChannel)[keyof typeof GkeReleaseChannel];

/** A recurring maintenance window (GKE `maintenancePolicy.recurringWindow`). */
export interface GkeRecurringWindowArgs {
    /** First start, RFC 3339 UTC, e.g. "2026-01-03T02:00:00Z". */
    startTime: string;
    /** First end, RFC 3339 UTC, after `startTime`, e.g. "2026-01-03T08:00:00Z". */
    endTime: string;
    /** RFC 5545 RRULE, e.g. "FREQ=WEEKLY;BYDAY=SA,SU". */
    recurrence: string;
}

/** When GKE may upgrade and repair the cluster: a daily start time, or a recurring window (not both). */
export interface GkeMaintenanceWindowArgs {
    /** Daily start, "HH:MM" in UTC (GKE picks a ~4 hour window). Default "03:00" when `recurring` is left out. */
    dailyStartTime?: string;
    /** A recurring window instead of the daily one. */
    recurring?: GkeRecurringWindowArgs;
}

/** A GKE cluster made elsewhere: only the Kubernetes provider is created, from its kubeconfig. */
export interface ExistingGkeClusterArgs {
    /** Kubeconfig (YAML or JSON) of the cluster; held as a Pulumi secret. */
    kubeconfig: pulumi.Input<string>;
    /** The cluster's name, passed through to `clusterName`. */
    clusterName?: pulumi.Input<string>;
}

/**
 * GCP (GKE) specifics of {@link KubernetesClusterArgs}: a regional cluster (control plane and nodes
 * over the region's zones) on a Network's subnet, private nodes, Workload Identity, Secrets
 * encrypted with Cloud KMS.
 */
export interface KubernetesClusterGcpArgs {
    /**
     * Region of the cluster, e.g. "europe-west1" (a zone is refused: the cluster is regional).
     * Required unless `availabilityZones` are given (their region is taken) or `existing`.
     */
    region?: string;
    /** Project of every resource. Default: the GCP provider's project (`gcp:project`, read from its configuration, no API call). */
    project?: string;
    /**
     * The project's number (digits), naming the GKE service agent that must use the KMS key the
     * component creates. Default: looked up once (`organizations.getProject`) when a key is created;
     * give it so a preview makes no GCP API call. Unused with `kmsKeyName`.
     */
    projectNumber?: string;
    /** Zones of the region the nodes run in (`nodeLocations`), e.g. "europe-west1-b": ≥ 3 in production, ≥ 2 in development, all different. Default: GKE's choice of three zones. Not with `autopilot`. */
    availabilityZones?: string[];
    /** The VPC network, id or self link (a Network's `networkSelfLink`). Required unless `existing`. */
    network?: pulumi.Input<string>;
    /** The regional subnet, id or self link (a Network's `subnetworkSelfLink`). Required unless `existing`. */
    subnetwork?: pulumi.Input<string>;
    /** The subnet's secondary range for pod IPs (a Network's `podsRangeName`). Required unless `existing`. */
    podsRangeName?: pulumi.Input<string>;
    /** The subnet's secondary range for Service IPs (a Network's `servicesRangeName`). Required unless `existing`. */
    servicesRangeName?: pulumi.Input<string>;
    /** Release channel GKE upgrades the cluster along. Default `GkeReleaseChannel.Regular`. */
    releaseChannel?: GkeReleaseChannel;
    /** GKE Autopilot: Google runs, sizes and secures the nodes; no node pool is created, and `nodesPerZone`, `machineType` and `availabilityZones` must be left out. Default false. */
    autopilot?: boolean;
    /** Compute Engine machine type of the node pool, e.g. "e2-standard-4" or "n2d-highmem-8". Default "e2-standard-4". */
    machineType?: string;
    /** The control plane's private range: an RFC 1918 /28 not overlapping the subnet or its secondary ranges. Default "172.16.0.0/28". */
    masterIpv4CidrBlock?: string;
    /**
     * CIDR blocks allowed to reach the API server's public endpoint; given, the public endpoint is
     * on and limited to them. Default: in production none, and the endpoint is private (reach it
     * from inside the VPC); in development the public endpoint is on (requests still need Google
     * authentication).
     */
    masterAuthorizedNetworks?: string[];
    /** Cloud KMS key ("projects/p/locations/r/keyRings/k/cryptoKeys/c") encrypting Kubernetes Secrets; the GKE service agent must already hold roles/cloudkms.cryptoKeyEncrypterDecrypter on it. Default: a key ring and key the component creates in the region, rotated every 90 days. */
    kmsKeyName?: pulumi.Input<string>;
    /** When GKE may upgrade the cluster. Default: daily from "03:00" UTC. */
    maintenanceWindow?: GkeMaintenanceWindowArgs;
    /** Take an existing cluster: only its Kubernetes provider is created. Every other field but `region` and `project` must be left out. */
    existing?: ExistingGkeClusterArgs;
}

/** The declared types of {@link KubernetesClusterGcpArgs}. */
export const kubernetesClusterGcpShape: ObjectShape<KubernetesClusterGcpArgs> = object<KubernetesClusterGcpArgs>(
    "KubernetesClusterGcpArgs",
    {
        region: string(),
        project: string(),
        projectNumber: string(),
        availabilityZones: array(string()),
        network: input(string()),
        subnetwork: input(string()),
        podsRangeName: input(string()),
        servicesRangeName: input(string()),
        releaseChannel: oneOf(GkeReleaseChannel),
        autopilot: boolean(),
        machineType: string(),
        masterIpv4CidrBlock: string(),
        masterAuthorizedNetworks: array(string()),
        kmsKeyName: input(string()),
        maintenanceWindow: object<GkeMaintenanceWindowArgs>("GkeMaintenanceWindowArgs", {
            dailyStartTime: string(),
            recurring: object<GkeRecurringWindowArgs>("GkeRecurringWindowArgs", {
                startTime: required(string()),
                endTime: required(string()),
                recurrence: required(string()),
            }),
        }),
        existing: object<ExistingGkeClusterArgs>("ExistingGkeClusterArgs", {
            kubeconfig: required(input(string())),
            clusterName: input(string()),
        }),
    },
);
