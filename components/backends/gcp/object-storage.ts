import { ObjectStorageArgs, ObjectStorageOutputs } from "../../core/object-storage-contract";
import { ResolvedObjectStorage } from "../../core/object-storage-resolve";
import { ServicePlanContext, ServiceBackend } from "../backend";

/** ObjectStorage on GCP (Cloud Storage): not built yet, so `target: gcp` is refused, naming the targets that work. */
export const gcpObjectStorage: ServiceBackend<
    ObjectStorageArgs,
    ResolvedObjectStorage,
    ObjectStorageOutputs,
    ServicePlanContext
> = {
    plan(check) {
        check.require(
            false,
            "target",
            '"gcp" is not implemented yet for ObjectStorage; implemented: "kubernetes", "aws"',
        );
        return () => {
            throw new Error("internal: ObjectStorage on gcp was refused when planned");
        };
    },
};
