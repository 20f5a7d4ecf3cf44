// Proves SharedSecret checks the declared types of `aws` (sharedSecretAwsShape), not that AWS accepts them.
// The types of `aws` are checked before anything registers, as every other argument is.
import { SecretEncoding, SharedSecret, Target } from "../../../components";
import { expectRejected } from "../services";

const base = { target: Target.Aws, generated: { password: { encoding: SecretEncoding.Password } } };

describe("SharedSecret aws: declared types", () => {
    it("rejects an unknown aws key (a typo silently drops the replicas)", async () => {
        await expectRejected(
            () => void new SharedSecret("app", { ...base, aws: { replicaRegion: ["eu-west-1"] } as any }),
            /^aws\.replicaRegion: is not an argument of SharedSecretAwsArgs/,
        );
    });

    it("rejects aws that is not an object", async () => {
        await expectRejected(
            () => void new SharedSecret("app", { ...base, aws: "eu-west-1" as any }),
            /^aws: must be an object of SharedSecretAwsArgs/,
        );
    });

    it("rejects a kmsKeyArn that is not a string", async () => {
        await expectRejected(
            () => void new SharedSecret("app", { ...base, aws: { kmsKeyArn: 5 } as any }),
            /^aws\.kmsKeyArn: must be a string/,
        );
    });
});
