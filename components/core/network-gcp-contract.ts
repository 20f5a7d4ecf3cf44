import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, boolean, input, object, required, string } from "./arg-shape";

/** A GCP VPC made elsewhere: nothing is created, its parts pass through to the outputs. */
export interface ExistingGcpNetworkArgs {
    /** The VPC network: its id ("projects/p/global/networks/n") or self link. Becomes `vpcId` and `networkSelfLink`. */
    network: pulumi.Input<string>;
    /** The regional subnet the nodes and data services use: its id or self link. */
    subnetwork: pulumi.Input<string>;
    /** Name of the subnet's secondary range GKE takes pod IPs from. */
    podsRangeName: pulumi.Input<string>;
    /** Name of the subnet's secondary range GKE takes Service IPs from. */
    servicesRangeName: pulumi.Input<string>;
    /** Name of the network's private services access range (a VPC_PEERING global address), when it has one: Cloud SQL and Memorystore take their private IPs from it. */
    privateServicesRangeName?: pulumi.Input<string>;
    /** The zones the subnet's region offers the cluster, e.g. "europe-west1-b": ≥ 2, ≥ 3 in production, all different, of one region. */
    availabilityZones: string[];
}

/**
 * GCP specifics of {@link NetworkArgs}. On GCP a VPC is global and has no range of its own: the
 * network is one regional subnet whose primary range is `cidrBlock` (nodes, internal load
 * balancers), with two secondary ranges for GKE (pods, Services), and a private services access
 * range Google's producers (Cloud SQL, Memorystore) peer into. The four ranges must not overlap.
 */
export interface NetworkGcpArgs {
    /**
     * Region of the subnet, router and NAT, e.g. "europe-west1". Default: the region of the zones
     * given in `availabilityZones` (or `existing.availabilityZones`), else the GCP provider's region
     * (`gcp:region`). Zone names are looked up in it when none are given.
     */
    region?: string;
    /** Project of every resource. Default: the GCP provider's project (`gcp:project`). */
    project?: string;
    /**
     * The subnet's secondary range for GKE pod IPs: an RFC 1918 CIDR with prefix /9 to /21 (GKE
     * gives each node a /24 of it, so a /14 serves 1,024 nodes). Default "10.4.0.0/14", or the next
     * free /14 in 10.0.0.0/8 when that overlaps `cidrBlock` or another range given.
     */
    podsCidr?: string;
    /**
     * The subnet's secondary range for GKE Service (ClusterIP) addresses: an RFC 1918 CIDR with
     * prefix /16 to /27. Default "10.8.0.0/20" (4,096 Services), or the next free /20 in 10.0.0.0/8
     * when that overlaps another range.
     */
    servicesCidr?: string;
    /**
     * The private services access range, reserved for Google's producers (Cloud SQL, Memorystore)
     * and peered into the VPC: an RFC 1918 CIDR with prefix /8 to /24 (Google's minimum; it
     * recommends a /16 so later services fit). Default "10.16.0.0/16", or the next free /16 in
     * 10.0.0.0/8 when that overlaps another range.
     */
    privateServicesCidr?: string;
    /**
     * VPC flow logs on the subnet (5-second aggregation, half the flows sampled, all metadata) to
     * Cloud Logging. Default true in production, false in development (they are billed per GB).
     */
    flowLogs?: boolean;
    /**
     * Take an existing VPC instead of creating one; then `zones`, `availabilityZones`, `cidrBlock`
     * and the ranges and flow logs here must be left out.
     */
    existing?: ExistingGcpNetworkArgs;
}

/** The declared types of {@link NetworkGcpArgs}. */
export const networkGcpShape: ObjectShape<NetworkGcpArgs> = object<NetworkGcpArgs>("NetworkGcpArgs", {
    region: string(),
    project: string(),
    podsCidr: string(),
    servicesCidr: string(),
    privateServicesCidr: string(),
    flowLogs: boolean(),
    existing: object<ExistingGcpNetworkArgs>("ExistingGcpNetworkArgs", {
        network: required(input(string())),
        subnetwork: required(input(string())),
        podsRangeName: required(input(string())),
        servicesRangeName: required(input(string())),
        privateServicesRangeName: input(string()),
        availabilityZones: required(array(string())),
    }),
});
