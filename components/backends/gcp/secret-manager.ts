import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { SharedSecretGcpArgs } from "../../core/shared-secret-gcp-contract";
import { BackendScope } from "../backend";
import { checkGcpProject, child, gcpLabels, gcpRegionName, inProject } from "./common";

const component = "shared-secret";

/** A Cloud KMS key's resource name, capturing its location. */
const kmsKeyName = /^projects\/[^/]+\/locations\/([a-z0-9-]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** Where the values landed in Secret Manager. */
export interface GcpSecretOutputs {
    /** The secret's resource name, "projects/NUMBER/secrets/ID". */
    secretName: pulumi.Output<string>;
    /** Its id within the project. */
    secretId: pulumi.Output<string>;
}

/**
 * The Secret Manager half of a SharedSecret: checks `gcp` (reporting every problem to `check`,
 * registering nothing) and returns the creator of one secret holding every value as a JSON object,
 * replicated automatically or to the regions given (each with its own CMEK key when given).
 * The secret id is the component's name folded to what Secret Manager accepts; a deleted id can
 * be reused at once (Secret Manager keeps no recovery window), so a replacement does not collide.
 */
export function planGcpSecret(
    check: ArgChecker,
    given: SharedSecretGcpArgs | undefined,
): (scope: BackendScope, values: pulumi.Output<Record<string, string>>) => GcpSecretOutputs {
    const a = given ?? {};
    checkGcpProject(check, "gcp.project", a.project);
    const locations = checkLocations(check, a.replicaLocations);
    // Keys are matched to valid locations only: a bad location is reported once, by itself.
    if (locations !== undefined) checkKeys(check, a, locations);

    return (scope, values) => {
        const replication =
            locations === undefined || locations.length === 0
                ? { auto: {} }
                : {
                      userManaged: {
                          replicas: locations.map((location) => {
                              const key = a.kmsKeyNames?.[location];
                              return key === undefined
                                  ? { location }
                                  : { location, customerManagedEncryption: { kmsKeyName: key } };
                          }),
                      },
                  };
        const secret = new gcp.secretmanager.Secret(
            scope.name,
            {
                secretId: secretIdOf(scope.name),
                replication,
                labels: gcpLabels(scope, component),
                ...inProject(a.project),
            },
            child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
        );
        new gcp.secretmanager.SecretVersion(
            `${scope.name}-value`,
            // jsonStringify keeps the secretness of `values`; secret() says so outright.
            { secret: secret.id, secretData: pulumi.secret(pulumi.jsonStringify(values)) },
            child(scope),
        );
        return { secretName: secret.name, secretId: secret.secretId };
    };
}

/** Secret Manager ids: letters, digits, `-` and `_`, at most 255. */
export function secretIdOf(name: string): string {
    return name.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);
}

/** The replica locations when valid (none: automatic replication); undefined when they are not. */
function checkLocations(check: ArgChecker, locations: unknown): string[] | undefined {
    if (locations === undefined) return [];
    const list = Array.isArray(locations) ? (locations as unknown[]) : [];
    let ok = check.require(
        list.length > 0,
        "gcp.replicaLocations",
        `must name at least one region, e.g. ["europe-west1"] (omit it for automatic replication; got ${show(locations)})`,
    );
    list.forEach((l, i) => {
        ok =
            check.require(
                typeof l === "string" && gcpRegionName.test(l),
                `gcp.replicaLocations[${i}]`,
                `must be a GCP region name such as "europe-west1" (got ${show(l)})`,
            ) && ok;
    });
    ok =
        check.require(
            new Set(list).size === list.length,
            "gcp.replicaLocations",
            "must all differ: one replica per region",
        ) && ok;
    return ok ? (list as string[]) : undefined;
}

function checkKeys(check: ArgChecker, a: SharedSecretGcpArgs, locations: string[]): void {
    if (a.kmsKeyNames === undefined) return;
    if (
        !check.require(
            a.replicaLocations !== undefined,
            "gcp.kmsKeyNames",
            "applies only with gcp.replicaLocations (automatic replication takes one key for every location)",
        )
    )
        return;
    for (const [location, key] of Object.entries(a.kmsKeyNames)) {
        const arg = `gcp.kmsKeyNames.${location}`;
        if (!check.require(locations.includes(location), arg, "names a location not in gcp.replicaLocations")) continue;
        if (pulumi.Output.isInstance(key) || key instanceof Promise) continue;
        const keyLocation = typeof key === "string" ? kmsKeyName.exec(key)?.[1] : undefined;
        if (
            check.require(
                keyLocation !== undefined,
                arg,
                `must be a Cloud KMS key name such as "projects/p/locations/${location}/keyRings/r/cryptoKeys/k" (got ${show(key)})`,
            )
        )
            check.require(
                keyLocation === location,
                arg,
                `must be a key in ${location} (a replica is encrypted with a key of its own location); the name says ${keyLocation}`,
            );
    }
}
