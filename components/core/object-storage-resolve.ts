import { ArgChecker } from "./arg-checker";
import { ObjectStorageArgs } from "./object-storage-contract";
import { ResolvedCommon, resolveCommon } from "./services-common";

/** {@link ObjectStorageArgs} with the cloud-neutral rules applied; each backend adds its own. */
export interface ResolvedObjectStorage extends ResolvedCommon {
    name: string;
    bucket: string;
    /** Keep object versions: given, or the production default (a backend that cannot keep them says so). */
    versioning: boolean;
}

/**
 * The cloud-neutral rules and defaults of {@link ObjectStorageArgs}. Reports every problem to
 * `check` (the public component throws them together with its backend's).
 */
export function resolveObjectStorage(check: ArgChecker, name: string, args: ObjectStorageArgs): ResolvedObjectStorage {
    const common = resolveCommon(check, args);
    const bucket = args.bucket ?? name;
    check.bucketName("bucket", bucket);
    return { ...common, name, bucket, versioning: args.versioning ?? common.production };
}
