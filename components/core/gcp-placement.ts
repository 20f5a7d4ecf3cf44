import * as pulumi from "@pulumi/pulumi";
import { ShapeFields, array, input, string } from "./arg-shape";

/**
 * Where a GCP data service sits: a region of a project, with private IPs only, taken from the
 * private services access range of a VPC network (Cloud SQL, Memorystore). A Platform fills these
 * from the Network it creates; a standalone service is given them (and should depend on the
 * Network, whose private services connection must exist before a producer peers into it).
 * Every networked data service's `gcp?:` arguments extend this.
 */
export interface GcpPlacementArgs {
    /** Project of every resource. Default: the GCP provider's project (`gcp:project`). */
    project?: string;
    /** Region, e.g. "europe-west1". Default: the region of `availabilityZones`, else the GCP provider's region (`gcp:region`). */
    region?: string;
    /**
     * The VPC network the service takes a private IP in: its id ("projects/p/global/networks/n") or
     * self link (a Network's `networkSelfLink`). It must have private services access. Required on
     * target gcp (no default; a Platform fills it).
     */
    network?: pulumi.Input<string>;
    /**
     * Zones of the region the service's primary, standby and replicas go to, in that order, e.g.
     * ["europe-west1-b", "europe-west1-c", "europe-west1-d"]: all different, of one region, ≥ 3 in
     * production, ≥ 2 in development. Default: Google's choice within the region (each service
     * still keeps its standby in another zone than its primary).
     */
    availabilityZones?: pulumi.Input<string>[];
    /** Name of the private services access range to take the IP from (a Network's `privateServicesRangeName`). Default: any range of the network's peering. */
    privateServicesRangeName?: pulumi.Input<string>;
    /** Cloud KMS key ("projects/p/locations/<region>/keyRings/k/cryptoKeys/c") encrypting the data at rest (CMEK); the service's agent must hold roles/cloudkms.cryptoKeyEncrypterDecrypter on it. Default: Google-managed encryption. */
    kmsKeyName?: pulumi.Input<string>;
}

/** The declared types of {@link GcpPlacementArgs}, for each service's `gcp` shape. */
export const gcpPlacementFields: ShapeFields<GcpPlacementArgs> = {
    project: string(),
    region: string(),
    network: input(string()),
    availabilityZones: array(input(string())),
    privateServicesRangeName: input(string()),
    kmsKeyName: input(string()),
};
