import * as assert from "assert";
import { RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { plain, redacted } from "../../../scripts/harness/wire";
import { ofType } from "../../helpers";

// Shared by the tests of the public components on target aws (public-services, shared-secret-aws):
// the AWS type tokens, a placement, and a scan for values shown outside a secret.

/** AWS resource type tokens the public components register on target aws. */
export const AT = {
    Key: "aws:kms/key:Key",
    SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    Ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    RdsCluster: "aws:rds/cluster:Cluster",
    RdsInstance: "aws:rds/clusterInstance:ClusterInstance",
    RdsParams: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    RdsSubnets: "aws:rds/subnetGroup:SubnetGroup",
    CacheGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    CacheParams: "aws:elasticache/parameterGroup:ParameterGroup",
    CacheSubnets: "aws:elasticache/subnetGroup:SubnetGroup",
    Broker: "aws:mq/broker:Broker",
    Bucket: "aws:s3/bucket:Bucket",
    PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    Ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    Role: "aws:iam/role:Role",
    RolePolicy: "aws:iam/rolePolicy:RolePolicy",
    PodIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    SmSecret: "aws:secretsmanager/secret:Secret",
    SmVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    RandomId: "random:index/randomId:RandomId",
} as const;

export const zones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"];

/** A standalone data service's placement: three private subnets, one per zone, the EKS group as client. */
export const placement = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: zones,
    clientSecurityGroupIds: ["sg-eks"],
};

/** Runs a program that must succeed (the mock engine; update unless `preview`). */
export function run(program: () => void, preview = false): Promise<RunResult> {
    return runProgram(program, { preview });
}

/** Every AWS resource registered. */
export function awsResources(r: RunResult): RecordedResource[] {
    return r.resources.filter((x) => x.type.startsWith("aws:"));
}

/**
 * No value of `values` appears, as it is or percent-encoded (as in a URL), in any recorded
 * resource's inputs or outputs outside a secret — every resource, whatever its provider.
 */
export function expectShownNowhere(r: RunResult, values: string[]): void {
    assert.ok(values.length > 0 && values.every((v) => typeof v === "string" && v.length >= 16), "values to look for");
    const forms = values.flatMap((v) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]);
    for (const x of r.resources) {
        const shown = JSON.stringify([redacted(x.inputs), redacted(x.outputs)]);
        for (const f of forms)
            assert.ok(!shown.includes(f), `${x.type} ${x.name} shows a secret value outside a secret`);
    }
}

/** The results of every RandomPassword, RandomBytes (hex and base64) of a run. */
export function generatedValues(r: RunResult): string[] {
    const out = (x: RecordedResource) => plain(x.outputs);
    return [
        ...ofType(r, "random:index/randomPassword:RandomPassword").map((x) => out(x).result as string),
        ...ofType(r, "random:index/randomBytes:RandomBytes").flatMap((x) => [out(x).hex, out(x).base64]),
    ];
}
