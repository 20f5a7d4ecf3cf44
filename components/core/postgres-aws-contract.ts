import { ObjectShape, object } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/** AWS (Aurora PostgreSQL, RDS Multi-AZ DB cluster) specifics of {@link PostgresClusterArgs}. */
export interface PostgresAwsArgs extends AwsPlacementArgs {}

/** The declared types of {@link PostgresAwsArgs}. */
export const postgresAwsShape: ObjectShape<PostgresAwsArgs> = object<PostgresAwsArgs>("PostgresAwsArgs", {
    ...awsPlacementFields,
});
