import { PostgresClusterArgs, PostgresOutputs } from "../../core/postgres-contract";
import { ResolvedPostgres } from "../../core/postgres-resolve";
import { PostgresPlanContext, ServiceBackend } from "../backend";

/** PostgresCluster on GCP (Cloud SQL for PostgreSQL): not built yet, so `target: gcp` is refused, naming the targets that work. */
export const gcpPostgres: ServiceBackend<PostgresClusterArgs, ResolvedPostgres, PostgresOutputs, PostgresPlanContext> =
    {
        plan(check) {
            check.require(
                false,
                "target",
                '"gcp" is not implemented yet for PostgresCluster; implemented: "kubernetes", "aws"',
            );
            return () => {
                throw new Error("internal: PostgresCluster on gcp was refused when planned");
            };
        },
    };
