import { ObjectShape, object } from "./arg-shape";
import { AwsPlacementArgs, awsPlacementFields } from "./aws-placement";

/** AWS (S3) specifics of {@link ObjectStorageArgs}. */
export interface ObjectStorageAwsArgs extends AwsPlacementArgs {}

/** The declared types of {@link ObjectStorageAwsArgs}. */
export const objectStorageAwsShape: ObjectShape<ObjectStorageAwsArgs> = object<ObjectStorageAwsArgs>(
    "ObjectStorageAwsArgs",
    {
        ...awsPlacementFields,
    },
);
