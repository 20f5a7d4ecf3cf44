import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ArgChecker } from "../../core/arg-checker";
import { enumValues } from "../../core/enums";
import { AwsPostgresDeployment, AwsPostgresStorageType, PostgresAwsArgs } from "../../core/postgres-aws-contract";
import { PostgresClusterArgs, PostgresOutputs } from "../../core/postgres-contract";
import { ResolvedPostgres } from "../../core/postgres-resolve";
import { BackendScope, ServiceBackend, PostgresPlanContext } from "../backend";
import { postgresPasswordArgs, postgresPort, postgresUrl } from "../postgres-client";
import { awsTags, child, encryptionKey, inRegion, serviceSecurityGroup, placeService } from "./common";
import {
    auroraInstanceFamilies,
    awsPostgresMajors,
    awsPostgresMinorByMajor,
    instanceSizePattern,
    multiAzClusterInstanceFamilies,
    multiAzStorage,
    rdsRetentionRange,
} from "./postgres-pins";

const component = "postgres";

// Daily backup in a quiet hour, then the weekly maintenance window after it (RDS: they must not overlap).
export const postgresBackupWindow = "02:00-03:00";
export const postgresMaintenanceWindow = "sun:04:00-sun:05:00";

// Names RDS refuses for the master user or the database (besides PostgreSQL's reserved words).
const rdsReserved = ["rdsadmin", "rdsrepladmin", "rds_superuser", "rds_replication", "rds_password"];
const pgReservedWords = [
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "default",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "for",
    "foreign",
    "from",
    "grant",
    "group",
    "having",
    "in",
    "into",
    "limit",
    "not",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "primary",
    "references",
    "select",
    "table",
    "then",
    "to",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "when",
    "where",
    "with",
];

/** The engine version sent to RDS: the pinned minor of a bare major, a major.minor as given. */
function engineVersionOf(check: ArgChecker, version: string): string | undefined {
    const [major, minor] = String(version).split(".");
    const majors: readonly string[] = awsPostgresMajors;
    if (
        !check.require(
            majors.includes(major) && (minor === undefined || /^\d+$/.test(minor)),
            "version",
            `must be a PostgreSQL major Aurora and RDS offer (${awsPostgresMajors.join(", ")}) or one of its minors such as "17.6" on target aws (got ${JSON.stringify(version)})`,
        )
    )
        return undefined;
    if (minor !== undefined) return `${major}.${minor}`;
    const pinned = awsPostgresMinorByMajor[major];
    check.require(
        pinned !== undefined,
        "version",
        `must name a minor such as "${major}.12" on target aws: this package pins a minor only for majors ${Object.keys(awsPostgresMinorByMajor).join(", ")} (got ${JSON.stringify(version)})`,
    );
    return pinned;
}

/** An instance class of one of `families`, such as "db.r7g.large". */
function checkInstanceClass(
    check: ArgChecker,
    value: string,
    families: readonly string[],
    deployment: AwsPostgresDeployment,
): boolean {
    const parts = typeof value === "string" ? value.split(".") : [];
    const family = parts.length === 3 ? `${parts[0]}.${parts[1]}` : undefined;
    const serverless = value === "db.serverless";
    return check.require(
        !!family && families.includes(family) && instanceSizePattern.test(parts[2]),
        "aws.instanceClass",
        serverless
            ? `"db.serverless" (Aurora Serverless v2) is not offered yet: it needs a capacity range this package does not take; use a provisioned class of ${families.join(", ")}`
            : `must be a DB instance class "<family>.<size>" such as "${families.includes("db.r7g") ? "db.r7g.large" : "db.m6gd.large"}", of a family aws.deployment "${deployment}" supports: ${families.join(", ")} (got ${JSON.stringify(value)})`,
    );
}

/** A name RDS takes for the master user or the initial database: a letter first, no reserved word. */
function checkRdsName(check: ArgChecker, arg: string, value: string): void {
    check.require(
        /^[a-z]/.test(value) && !rdsReserved.includes(value) && !pgReservedWords.includes(value),
        arg,
        `must start with a letter and not be a reserved word (${rdsReserved.join(", ")}, or a PostgreSQL keyword such as "user") on target aws: RDS refuses it (got ${JSON.stringify(value)})`,
    );
}

/** RDS snapshot identifiers: letters, digits and single hyphens, a letter first, ≤ 255. */
export function snapshotBase(name: string): string {
    const cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return `${/^[a-z]/.test(cleaned) ? "" : "pg-"}${cleaned}`.slice(0, 200) || "pg";
}

interface MultiAzStorage {
    storageType: AwsPostgresStorageType;
    allocatedStorage: number;
    iops: number;
}

/** Storage of a Multi-AZ DB cluster: type, size and IOPS within what RDS accepts for the type. */
function multiAzStorageOf(check: ArgChecker, args: PostgresClusterArgs, pg: ResolvedPostgres): MultiAzStorage {
    const a = args.aws ?? {};
    const storageType = a.storageType ?? AwsPostgresStorageType.Io2;
    if (!check.oneOf("aws.storageType", storageType, enumValues(AwsPostgresStorageType)))
        return { storageType, allocatedStorage: 0, iops: 0 };
    const limits = multiAzStorage[storageType];
    const allocatedStorage = args.storageGiB === undefined ? limits.minGiB : pg.storageGiB;
    check.require(
        allocatedStorage >= limits.minGiB && allocatedStorage <= limits.maxGiB,
        "storageGiB",
        `must be ${limits.minGiB}–${limits.maxGiB} with aws.storageType "${storageType}" on a Multi-AZ DB cluster (the service minimum${storageType === AwsPostgresStorageType.Gp3 ? ": gp3 takes provisioned IOPS, which a Multi-AZ DB cluster needs, only from 400 GiB" : " for io2"}; got ${allocatedStorage} GiB)`,
    );
    const iops = a.iops ?? limits.defaultIops;
    if (check.integer("aws.iops", iops, limits.minIops, limits.maxIops)) {
        check.require(
            iops <= allocatedStorage * limits.maxIopsPerGiB,
            "aws.iops",
            `must be at most ${limits.maxIopsPerGiB} per GiB of storage with "${storageType}" (${allocatedStorage} GiB allows ${allocatedStorage * limits.maxIopsPerGiB}; got ${iops})`,
        );
    }
    return { storageType, allocatedStorage, iops };
}

/**
 * PostgresCluster on AWS: Aurora PostgreSQL (a writer and readers, one per zone, promotion tiers in
 * order) or an RDS Multi-AZ DB cluster (a writer and two readable standbys), encrypted with KMS,
 * TLS forced (`rds.force_ssl`), backups kept ≥ 7 days in production with a final snapshot,
 * Performance Insights on, in private subnets behind a security group admitting only the clients.
 */
export const awsPostgres: ServiceBackend<PostgresClusterArgs, ResolvedPostgres, PostgresOutputs, PostgresPlanContext> =
    {
        plan(check, args, pg, context) {
            const a: PostgresAwsArgs = args.aws ?? {};
            const placement = placeService(check, args.aws, pg.production, context?.aws);
            const deployment = a.deployment ?? AwsPostgresDeployment.Aurora;
            const deploymentOk = check.oneOf("aws.deployment", deployment, enumValues(AwsPostgresDeployment));
            const aurora = deployment === AwsPostgresDeployment.Aurora;
            const engineVersion = engineVersionOf(check, pg.version);
            const major = engineVersion?.split(".")[0] ?? "";
            const families = aurora ? auroraInstanceFamilies : multiAzClusterInstanceFamilies;
            const instanceClass = a.instanceClass ?? (aurora ? "db.r7g.large" : "db.m6gd.large");
            if (deploymentOk) checkInstanceClass(check, instanceClass, families, deployment);

            let instances = pg.instances;
            let storage: MultiAzStorage | undefined;
            if (aurora) {
                check.require(
                    !pg.production || instances >= 2,
                    "instances",
                    `must be at least 2 in production on target aws: a writer and a reader in another zone to fail over to (got ${instances})`,
                );
                check.require(
                    a.storageType === undefined && a.iops === undefined,
                    a.storageType === undefined ? "aws.iops" : "aws.storageType",
                    `applies only to aws.deployment "${AwsPostgresDeployment.MultiAzCluster}": Aurora manages its own storage`,
                );
            } else if (deploymentOk) {
                instances = args.instances ?? 3;
                check.require(
                    instances === 3,
                    "instances",
                    `must be 3 (or unset) with aws.deployment "${deployment}": a Multi-AZ DB cluster is always one writer and two readable standbys in three zones (got ${instances}); use aws.deployment "${AwsPostgresDeployment.Aurora}" for another count`,
                );
                check.require(
                    placement.zoneCount === 0 || placement.zoneCount >= 3,
                    "aws.availabilityZones",
                    `must name at least 3 zones with aws.deployment "${deployment}": its three instances each take one (got ${placement.zoneCount})`,
                );
                storage = multiAzStorageOf(check, args, pg);
            }

            const givenRetention = args.backup?.retentionDays;
            const retention =
                args.backup?.enabled === false && !pg.production
                    ? rdsRetentionRange.min
                    : (givenRetention ?? (pg.production ? 14 : 7));
            if (givenRetention !== undefined)
                check.require(
                    Number.isInteger(givenRetention) &&
                        givenRetention >= (pg.production ? 7 : rdsRetentionRange.min) &&
                        givenRetention <= rdsRetentionRange.max,
                    "backup.retentionDays",
                    `must be an integer from ${pg.production ? 7 : rdsRetentionRange.min} to ${rdsRetentionRange.max} on target aws (RDS keeps automated backups at most ${rdsRetentionRange.max} days${pg.production ? "; at least 7 in production" : ""}; got ${JSON.stringify(givenRetention)})`,
                );

            check.require(
                !args.pooler?.enabled,
                "pooler.enabled",
                "is not offered on target aws yet (RDS Proxy is not implemented): connect to writerEndpoint, or leave the pooler off",
            );
            checkRdsName(check, "owner", pg.owner);
            checkRdsName(check, "database", pg.database);

            return (scope) =>
                createPostgres(scope, pg, placement.aws(), {
                    aurora,
                    engineVersion: engineVersion!,
                    major,
                    instanceClass,
                    instances,
                    retention,
                    storage,
                });
        },
    };

interface PostgresPlan {
    aurora: boolean;
    engineVersion: string;
    major: string;
    instanceClass: string;
    instances: number;
    retention: number;
    storage?: MultiAzStorage;
}

function createPostgres(
    scope: BackendScope,
    pg: ResolvedPostgres,
    a: PostgresAwsArgs,
    p: PostgresPlan,
): PostgresOutputs {
    const tags = awsTags(scope, component);
    const region = inRegion(scope);
    const engine = p.aurora ? "aurora-postgresql" : "postgres";
    const zones = a.availabilityZones!;
    const kmsKeyArn = encryptionKey(scope, component, a.kmsKeyArn);
    const group = serviceSecurityGroup(scope, component, {
        vpcId: a.vpcId!,
        port: postgresPort,
        clientSecurityGroupIds: a.clientSecurityGroupIds!,
    });
    const subnets = new aws.rds.SubnetGroup(
        `${scope.name}-subnets`,
        {
            description: `pulumi-ha postgres ${scope.name}: one private subnet per zone`,
            subnetIds: a.subnetIds!,
            tags,
            ...region,
        },
        child(scope),
    );
    const parameters = new aws.rds.ClusterParameterGroup(
        `${scope.name}-params`,
        {
            family: `${p.aurora ? "aurora-postgresql" : "postgres"}${p.major}`,
            description: `pulumi-ha postgres ${scope.name}: TLS required`,
            // pending-reboot is accepted for static and dynamic parameters alike; a new cluster starts with it.
            parameters: [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }],
            tags,
            ...region,
        },
        child(scope),
    );
    const password = new random.RandomPassword(`${scope.name}-password`, postgresPasswordArgs, child(scope));
    // A final snapshot per cluster lifetime: a fixed name would collide with the last one's on the next destroy.
    const snapshotSuffix = new random.RandomId(`${scope.name}-final-snapshot`, { byteLength: 4 }, child(scope));
    const performanceInsights = {
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: kmsKeyArn,
        // 7 days is the free tier; longer is a paid choice.
        performanceInsightsRetentionPeriod: 7,
    };
    const cluster = new aws.rds.Cluster(
        `${scope.name}-cluster`,
        {
            engine,
            ...(p.aurora ? { engineMode: "provisioned" } : {}),
            engineVersion: p.engineVersion,
            databaseName: pg.database,
            masterUsername: pg.owner,
            masterPassword: password.result,
            port: postgresPort,
            dbSubnetGroupName: subnets.name,
            vpcSecurityGroupIds: [group.id],
            dbClusterParameterGroupName: parameters.name,
            storageEncrypted: true,
            kmsKeyId: kmsKeyArn,
            backupRetentionPeriod: p.retention,
            preferredBackupWindow: postgresBackupWindow,
            preferredMaintenanceWindow: postgresMaintenanceWindow,
            copyTagsToSnapshot: true,
            deletionProtection: pg.deletionProtection,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: pulumi.interpolate`${snapshotBase(scope.name)}-final-${snapshotSuffix.hex}`,
            iamDatabaseAuthenticationEnabled: a.iamAuthentication ?? false,
            enabledCloudwatchLogsExports: ["postgresql"],
            applyImmediately: false,
            ...(p.storage
                ? {
                      dbClusterInstanceClass: p.instanceClass,
                      storageType: p.storage.storageType,
                      allocatedStorage: p.storage.allocatedStorage,
                      iops: p.storage.iops,
                      availabilityZones: zones.slice(0, 3),
                      autoMinorVersionUpgrade: true,
                      ...performanceInsights,
                  }
                : {}),
            tags,
            ...region,
        },
        child(scope, { protect: scope.protect, dependsOn: scope.dependsOn }),
    );

    if (p.aurora) {
        // The first instance Aurora creates becomes the writer: readers wait for the intended one.
        let writer: aws.rds.ClusterInstance | undefined;
        for (let i = 0; i < p.instances; i++) {
            const instance: aws.rds.ClusterInstance = new aws.rds.ClusterInstance(
                `${scope.name}-${i + 1}`,
                {
                    clusterIdentifier: cluster.id,
                    engine: "aurora-postgresql",
                    engineVersion: cluster.engineVersion,
                    instanceClass: p.instanceClass,
                    availabilityZone: zones[i % zones.length],
                    // Failover order: tier 0 is the intended writer, then the readers in zone order.
                    promotionTier: Math.min(i, 15),
                    dbSubnetGroupName: subnets.name,
                    publiclyAccessible: false,
                    autoMinorVersionUpgrade: true,
                    applyImmediately: false,
                    copyTagsToSnapshot: true,
                    preferredMaintenanceWindow: postgresMaintenanceWindow,
                    ...performanceInsights,
                    tags,
                    ...region,
                },
                child(scope, { protect: scope.protect, dependsOn: writer ? [writer] : undefined }),
            );
            writer ??= instance;
        }
    }

    const username = pg.owner;
    const database = pg.database;
    const url = (host: pulumi.Output<string>) =>
        pulumi.secret(pulumi.all([password.result, host]).apply(([pw, h]) => postgresUrl(username, pw, h, database)));
    return {
        writerEndpoint: cluster.endpoint,
        readerEndpoint: cluster.readerEndpoint,
        port: pulumi.output(postgresPort),
        database: pulumi.output(database),
        credentials: pulumi.secret(password.result.apply((pw) => ({ username, password: pw }))),
        writerUrl: url(cluster.endpoint),
        readerUrl: url(cluster.readerEndpoint),
    };
}
