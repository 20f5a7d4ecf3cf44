import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../core/arg-checker";
import { KubernetesClusterOutputs } from "../core/kubernetes-cluster-contract";
import { ObjectStorageArgs, ObjectStorageOutputs } from "../core/object-storage-contract";
import { ResolvedObjectStorage } from "../core/object-storage-resolve";
import { BackupDestinationArgs, PostgresClusterArgs, PostgresOutputs } from "../core/postgres-contract";
import { ResolvedPostgres } from "../core/postgres-resolve";
import { RabbitMQClusterArgs, RabbitMQOutputs } from "../core/rabbitmq-contract";
import { ResolvedRabbitMQ } from "../core/rabbitmq-resolve";
import { RedisClusterArgs, RedisOutputs } from "../core/redis-contract";
import { ResolvedRedis } from "../core/redis-resolve";

/**
 * What a public component hands its backend. Providers travel the way Pulumi passes them: the
 * component's `provider`/`providers` options reach every child the backend parents to it (a
 * Platform on aws hands its EKS cluster's Kubernetes provider down so); an AWS resource takes
 * its region from `region` (pulumi-aws v7), so one AWS provider serves every region.
 */
export interface BackendScope {
    /** The public component: the parent of everything the backend creates. */
    parent: pulumi.ComponentResource;
    /** The component's name; child names derive from it. */
    name: string;
    /** Protect stateful children (the resolved `deletionProtection`). */
    protect: boolean;
    /**
     * The component's own `dependsOn` (e.g. the operators). Pulumi does not pass a
     * component's dependsOn to its children, so the backend puts it on the resources
     * that must wait.
     */
    dependsOn?: pulumi.ComponentResourceOptions["dependsOn"];
    /**
     * Region of the service's regional resources (AWS, GCP): pulumi-aws v7 takes a `region`
     * on every resource, so one provider can span regions. Default: the provider's region.
     */
    region?: string;
}

/**
 * One target's implementation of one service, in two steps. `plan` checks and defaults the
 * target's own rules (its `kubernetes?`/`aws?`/`gcp?` field, and target limits on the neutral
 * fields), reporting every problem to `check`; it never throws and registers nothing. It returns
 * the creator the public component runs once every check (neutral and target) has passed, so
 * the problems of both are thrown together, before anything is registered.
 */
export interface ServiceBackend<Args, Resolved, Outputs, Context = ServicePlanContext> {
    plan(check: ArgChecker, args: Args, resolved: Resolved, context?: Context): (scope: BackendScope) => Outputs;
}

/**
 * Where a Platform on AWS places a service: the zones are known when it plans (their count, and
 * their names when its Network was given them); the VPC, subnets and the cluster's security group
 * exist only once the Platform has created its Network and KubernetesCluster, so they are read
 * when the service is created.
 */
export interface AwsPlannedPlacement {
    /** Number of zones of the Platform's Network. */
    zoneCount: number;
    /** The zones' names, when the Network was given them (else AWS is asked at create). */
    zoneNames?: string[];
    /** The placement; called when the service is created. */
    placement: () => AwsPlatformPlacement;
    /** The app's ServiceAccount, which a bucket binds to its role through EKS Pod Identity. */
    appServiceAccount?: { namespace: pulumi.Input<string>; name: string };
}

/** What a Platform's Network and KubernetesCluster give a service on AWS. */
export interface AwsPlatformPlacement {
    vpcId: pulumi.Input<string>;
    /** Private subnets, one per zone. */
    subnetIds: pulumi.Input<string>[];
    /** Their zones, in the same order. */
    availabilityZones: pulumi.Input<string>[];
    /** The cluster's security group: the only client a service admits. */
    clientSecurityGroupIds: pulumi.Input<string>[];
    /** The EKS cluster's name. */
    clusterName: pulumi.Input<string>;
}

/**
 * Where a Platform on GCP places a service: its region, project and zones are known when it plans;
 * the network (and its private services connection) exists only once the Platform has created its
 * Network, so it is read when the service is created.
 */
export interface GcpPlannedPlacement {
    /** Number of zones of the Platform's Network. */
    zoneCount: number;
    /** The zones' names, when the Network was given them (else GCP is asked at create). */
    zoneNames?: string[];
    /** The Platform's region (else the GCP provider's). */
    region?: string;
    /** The Platform's project (else the GCP provider's). */
    project?: string;
    /** The placement; called when the service is created. */
    placement: () => GcpPlatformPlacement;
    /** The app's Kubernetes ServiceAccount, which a bucket's Google service account trusts through GKE Workload Identity. */
    appServiceAccount?: { namespace: pulumi.Input<string>; name: string };
}

/** What a Platform's Network gives a service on GCP. */
export interface GcpPlatformPlacement {
    /**
     * The VPC network's self link. It resolves only once the network's private services connection
     * exists, so a producer (Cloud SQL, Memorystore) given it waits for the peering.
     */
    network: pulumi.Input<string>;
    /** The regional subnet's self link (Memorystore clusters reach it through Private Service Connect). */
    subnetwork: pulumi.Input<string>;
    /** The Network's zones, in order. */
    availabilityZones: pulumi.Input<string>[];
    /** The private services access range. */
    privateServicesRangeName?: pulumi.Input<string>;
    /**
     * The GKE cluster's name. A Workload Identity binding reads it so that it waits for the cluster:
     * GCP refuses a member of `<project>.svc.id.goog` until a cluster has created that pool.
     */
    clusterName: pulumi.Input<string>;
}

/** What a cluster backend returns: the neutral outputs and the provider every Kubernetes object on the cluster goes through. */
export interface KubernetesClusterBackendOutputs extends KubernetesClusterOutputs {
    provider: k8s.Provider;
}

/**
 * What a Platform tells its cluster about the Network it plans alongside: what is known now, and
 * what exists once that Network is created (read when the cluster is created).
 */
export interface ClusterPlanContext {
    /** AWS: the private subnets, their number now and their ids at create. */
    subnets?: { zoneCount: number; ids: () => pulumi.Input<string>[] };
    /** GCP: the VPC, the regional subnet and its GKE ranges, at create. */
    gcpNetwork?: () => GkeNetworkPlacement;
}

/** Where a GKE cluster sits in a Network (its outputs). */
export interface GkeNetworkPlacement {
    network: pulumi.Input<string>;
    subnetwork: pulumi.Input<string>;
    podsRangeName: pulumi.Input<string>;
    servicesRangeName: pulumi.Input<string>;
}

/** What a Platform tells a service's backend it is planned within. */
export interface ServicePlanContext {
    /** Placement on AWS from the Platform's Network and KubernetesCluster. */
    aws?: AwsPlannedPlacement;
    /** Placement on GCP from the Platform's Network and KubernetesCluster. */
    gcp?: GcpPlannedPlacement;
}

/**
 * What a Platform tells the Postgres backend: backups go to the Platform's own bucket, whose
 * outputs exist only once it is created (the destination is read when the cluster is created).
 */
export interface PostgresPlanContext extends ServicePlanContext {
    backupStore?: {
        /** The bucket lives in the cluster it would back up. */
        inCluster: boolean;
        /** The bucket, its endpoint and keys; called when the Postgres cluster is created. */
        destination: () => BackupDestinationArgs;
    };
}

/**
 * One target's implementation of every data service: plan (the target's rules), then create.
 * A new cloud is one object of these.
 */
export interface Backend {
    postgres: ServiceBackend<PostgresClusterArgs, ResolvedPostgres, PostgresOutputs, PostgresPlanContext>;
    redis: ServiceBackend<RedisClusterArgs, ResolvedRedis, RedisOutputs, ServicePlanContext>;
    rabbitmq: ServiceBackend<RabbitMQClusterArgs, ResolvedRabbitMQ, RabbitMQOutputs, ServicePlanContext>;
    objectStorage: ServiceBackend<ObjectStorageArgs, ResolvedObjectStorage, ObjectStorageOutputs, ServicePlanContext>;
}

/** The scope a public component hands its backend. */
export function backendScope(
    parent: pulumi.ComponentResource,
    name: string,
    deletionProtection: boolean,
    opts: pulumi.ComponentResourceOptions | undefined,
): BackendScope {
    return { parent, name, protect: deletionProtection, dependsOn: opts?.dependsOn };
}
