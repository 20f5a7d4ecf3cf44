import { RedisClusterArgs, RedisOutputs } from "../../core/redis-contract";
import { ResolvedRedis } from "../../core/redis-resolve";
import { ServicePlanContext, ServiceBackend } from "../backend";

/** RedisCluster on GCP (Memorystore): not built yet, so `target: gcp` is refused, naming the targets that work. */
export const gcpRedis: ServiceBackend<RedisClusterArgs, ResolvedRedis, RedisOutputs, ServicePlanContext> = {
    plan(check) {
        check.require(
            false,
            "target",
            '"gcp" is not implemented yet for RedisCluster; implemented: "kubernetes", "aws"',
        );
        return () => {
            throw new Error("internal: RedisCluster on gcp was refused when planned");
        };
    },
};
