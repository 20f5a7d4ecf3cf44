import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgChecker } from "../../core/arg-checker";
import { show } from "../../core/arg-shape";
import { SharedSecretAwsArgs } from "../../core/shared-secret-aws-contract";
import { BackendScope } from "../backend";
import { awsTags, checkRegion, child, encryptionKey, inRegion, regionName } from "./common";

const component = "shared-secret";

export const secretsManagerDefaults = {
    recoveryWindowInDays: 30,
} as const;

/** An AWS region name: "eu-central-1", "us-gov-west-1", "eusc-de-east-1". */
/** A KMS key ARN, capturing its region: arn:PARTITION:kms:REGION:ACCOUNT:key/ID. */
const kmsKeyArn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[A-Za-z0-9-]+$/;

/** Where the values landed in Secrets Manager. */
export interface AwsSecretOutputs {
    secretArn: pulumi.Output<string>;
    secretName: pulumi.Output<string>;
}

/**
 * The Secrets Manager half of a SharedSecret: checks `aws` (reporting every problem to `check`,
 * registering nothing) and returns the creator of one secret holding every value as a JSON
 * object, encrypted with the given key or one it creates, recoverable for `recoveryWindowInDays`
 * after a delete, and replicated to `replicaRegions` (each with its own regional key when given,
 * else the account's `aws/secretsmanager` key there). The secret's name is Pulumi's auto-name
 * (`<name>-` plus 7 characters): Secrets Manager keeps a deleted name reserved for the recovery
 * window, so a fixed name would block a replacement.
 *
 * That no replica region is the secret's own is checked when `aws.region` names it; a region
 * taken from the provider is known only when the secret is created.
 */
export function planAwsSecret(
    check: ArgChecker,
    given: SharedSecretAwsArgs | undefined,
): (scope: BackendScope, values: pulumi.Output<Record<string, string>>) => AwsSecretOutputs {
    const a = given ?? {};
    checkRegion(check, "aws.region", a.region);
    const regions = checkReplicaRegions(check, a.replicaRegions);
    if (typeof a.region === "string")
        check.require(
            !regions.includes(a.region),
            "aws.replicaRegions",
            `must not hold the secret's own region ${JSON.stringify(a.region)}: Secrets Manager refuses a replica there`,
        );
    checkReplicaKeys(check, a.replicaKmsKeyArns, regions);
    const recoveryWindowInDays = a.recoveryWindowInDays ?? secretsManagerDefaults.recoveryWindowInDays;
    check.require(
        Number.isInteger(recoveryWindowInDays) &&
            (recoveryWindowInDays === 0 || (recoveryWindowInDays >= 7 && recoveryWindowInDays <= 30)),
        "aws.recoveryWindowInDays",
        `must be 0 (delete at once, unrecoverable) or an integer from 7 to 30 (got ${show(recoveryWindowInDays)})`,
    );
    if (typeof a.kmsKeyArn === "string") check.nonEmpty("aws.kmsKeyArn", a.kmsKeyArn);

    return (givenScope, values) => {
        const scope = { ...givenScope, region: givenScope.region ?? a.region };
        const tags = awsTags(scope, component);
        const key = encryptionKey(scope, component, a.kmsKeyArn);
        const replicas = regions.map((region) => {
            const replicaKey = a.replicaKmsKeyArns?.[region];
            return replicaKey === undefined ? { region } : { region, kmsKeyId: replicaKey };
        });
        const secret = new aws.secretsmanager.Secret(
            scope.name,
            {
                description: `pulumi-ha SharedSecret ${scope.name}: its values as one JSON object`,
                kmsKeyId: key,
                recoveryWindowInDays,
                replicas: replicas.length > 0 ? replicas : undefined,
                tags,
                ...inRegion(scope),
            },
            child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
        );
        new aws.secretsmanager.SecretVersion(
            `${scope.name}-value`,
            {
                secretId: secret.id,
                // jsonStringify keeps the secretness of `values`; secret() says so outright.
                secretString: pulumi.secret(pulumi.jsonStringify(values)),
                ...inRegion(scope),
            },
            child(scope),
        );
        return { secretArn: secret.arn, secretName: secret.name };
    };
}

function checkReplicaRegions(check: ArgChecker, regions: unknown): string[] {
    if (regions === undefined) return [];
    if (
        !check.require(
            Array.isArray(regions),
            "aws.replicaRegions",
            `must be a list of AWS region names such as "eu-west-1" (got ${show(regions)})`,
        )
    )
        return [];
    const list = regions as unknown[];
    let ok = true;
    list.forEach((r, i) => {
        ok =
            check.require(
                typeof r === "string" && regionName.test(r),
                `aws.replicaRegions[${i}]`,
                `must be an AWS region name such as "eu-west-1" or "us-gov-west-1" (got ${show(r)})`,
            ) && ok;
    });
    ok =
        check.require(
            new Set(list).size === list.length,
            "aws.replicaRegions",
            "must all differ: a secret has one replica per region",
        ) && ok;
    return ok ? (list as string[]) : [];
}

function checkReplicaKeys(check: ArgChecker, keys: unknown, regions: string[]): void {
    if (keys === undefined) return;
    if (
        !check.require(
            typeof keys === "object" && keys !== null && !Array.isArray(keys),
            "aws.replicaKmsKeyArns",
            `must map replica regions to KMS key ARNs (got ${show(keys)})`,
        )
    )
        return;
    for (const [region, arn] of Object.entries(keys as Record<string, unknown>)) {
        const arg = `aws.replicaKmsKeyArns.${region}`;
        if (!check.require(regions.includes(region), arg, `names a region not in aws.replicaRegions`)) continue;
        if (pulumi.Output.isInstance(arn) || arn instanceof Promise) continue;
        const keyRegion = typeof arn === "string" ? kmsKeyArn.exec(arn)?.[1] : undefined;
        if (
            check.require(
                keyRegion !== undefined,
                arg,
                `must be a KMS key ARN such as "arn:aws:kms:${region}:111122223333:key/…" (got ${show(arn)})`,
            )
        )
            check.require(
                keyRegion === region,
                arg,
                `must be a key in ${region} (a KMS key serves its own region only); the ARN names ${keyRegion}`,
            );
    }
}
