import * as pulumi from "@pulumi/pulumi";
import { ObjectShape, array, input, map, object, string } from "./arg-shape";

/**
 * GCP (Secret Manager) specifics of a SharedSecret: the values are also kept as one JSON secret in
 * Secret Manager, the source of truth outside the cluster.
 */
export interface SharedSecretGcpArgs {
    /** Project of the secret. Default: the GCP provider's project (`gcp:project`). */
    project?: string;
    /**
     * Regions Secret Manager keeps the secret in (user-managed replication), e.g.
     * ["europe-west1", "europe-west4"]: region names, all different. Default: automatic replication
     * (Google chooses the locations; the secret survives a regional outage).
     */
    replicaLocations?: string[];
    /**
     * Cloud KMS key (resource name "projects/P/locations/L/keyRings/R/cryptoKeys/K") per replica
     * location, keyed by location; each must be a key in that location. Only with
     * `replicaLocations`. Default: Google-managed encryption.
     */
    kmsKeyNames?: Record<string, pulumi.Input<string>>;
}

/** The declared types of {@link SharedSecretGcpArgs}. */
export const sharedSecretGcpShape: ObjectShape<SharedSecretGcpArgs> = object<SharedSecretGcpArgs>(
    "SharedSecretGcpArgs",
    {
        project: string(),
        replicaLocations: array(string()),
        kmsKeyNames: map(input(string())),
    },
);
