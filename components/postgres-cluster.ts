import * as pulumi from "@pulumi/pulumi";
import { PostgresPlanContext, backendScope } from "./backends/backend";
import { PostgresClusterArgs, PostgresOutputs } from "./core/postgres-contract";
import { ResolvedPostgres, resolvePostgres } from "./core/postgres-resolve";
import { postgresShape } from "./core/service-shapes";
import { ServiceCredentials } from "./core/services-common";
import { ServicePlan, handedDown, planService } from "./service-plan";

/** Checks a PostgresCluster's arguments in full (neutral and target rules); registers nothing. */
export function planPostgres(
    name: string,
    args: PostgresClusterArgs,
    context?: PostgresPlanContext,
): ServicePlan<ResolvedPostgres, PostgresOutputs> {
    return planService("PostgresCluster", name, args, postgresShape, resolvePostgres, (b) => b.postgres, context);
}

/**
 * A highly available PostgreSQL cluster: 3 instances over 3 zones, synchronous
 * replication to one standby (on Aurora: storage replicated over 3 zones), backups kept ≥ 7
 * days with point-in-time recovery, writer and reader endpoints, generated credentials as
 * Pulumi secrets. On Kubernetes: CloudNativePG and its Barman Cloud plugin; on AWS: Aurora
 * PostgreSQL or an RDS Multi-AZ DB cluster; on GCP: Cloud SQL for PostgreSQL (REGIONAL, with read replicas).
 *
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 * With `target` Kubernetes, pass `KubernetesOperators.postgres` in `dependsOn`.
 */
export class PostgresCluster extends pulumi.ComponentResource implements PostgresOutputs {
    public readonly writerEndpoint: pulumi.Output<string>;
    public readonly readerEndpoint: pulumi.Output<string>;
    /** Any-instance host (CloudNativePG `-r`), where the target has one. */
    public readonly anyEndpoint?: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly database: pulumi.Output<string>;
    /** `{ username, password }`, a Pulumi secret. */
    public readonly credentials: pulumi.Output<ServiceCredentials>;
    /** postgres://… to the writer; a Pulumi secret. */
    public readonly writerUrl: pulumi.Output<string>;
    /** postgres://… to the readers; a Pulumi secret. */
    public readonly readerUrl: pulumi.Output<string>;

    constructor(name: string, args: PostgresClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = handedDown<ResolvedPostgres, PostgresOutputs>(args) ?? planPostgres(name, args);
        super("pulumi-ha:index:PostgresCluster", name, {}, opts);
        const out = plan.create(backendScope(this, name, plan.resolved.deletionProtection, opts));
        this.writerEndpoint = out.writerEndpoint;
        this.readerEndpoint = out.readerEndpoint;
        this.anyEndpoint = out.anyEndpoint;
        this.port = out.port;
        this.database = out.database;
        this.credentials = out.credentials;
        this.writerUrl = out.writerUrl;
        this.readerUrl = out.readerUrl;
        this.registerOutputs({ ...out });
    }
}
