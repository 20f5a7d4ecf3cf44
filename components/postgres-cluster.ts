import * as pulumi from "@pulumi/pulumi";
import { backendFor } from "./backends";
import { backendScope } from "./backends/backend";
import { PostgresClusterArgs, PostgresOutputs } from "./core/postgres-contract";
import { resolvePostgres } from "./core/postgres-resolve";
import { ServiceCredentials } from "./core/services-common";

/**
 * A highly available PostgreSQL cluster: 3 instances over 3 zones, synchronous
 * replication to one standby, continuous WAL archiving and daily base backups kept 7
 * days (point-in-time recovery), writer / reader / any-instance endpoints, generated
 * credentials as Pulumi secrets. On Kubernetes: CloudNativePG and its Barman Cloud plugin.
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
        const pg = resolvePostgres(name, args);
        super("pulumi-ha:index:PostgresCluster", name, {}, opts);
        const out = backendFor(pg.target).postgres(backendScope(this, name, pg.deletionProtection, opts), pg);
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
