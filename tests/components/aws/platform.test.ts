import * as assert from "assert";
import { Platform, PlatformArgs, Profile, Target } from "../../../components";
import { RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { plain } from "../../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";
import { AT, zones } from "./public";

// What this proves: what a Platform on target aws registers and refuses under the mock engine
// (the inputs we send), not that AWS accepts them. The aws stack's own test covers the full GOTRS plan.

const app = { image: "ghcr.io/acme/shop:2.3.1", security: { runAsUser: 1000, runAsGroup: 1000 } };
const network = { availabilityZones: zones };
const A = {
    Vpc: "aws:ec2/vpc:Vpc",
    EksCluster: "aws:eks/cluster:Cluster",
    K8sProvider: "pulumi:providers:kubernetes",
    ServiceAccount: "kubernetes:core/v1:ServiceAccount",
} as const;

function platform(args: PlatformArgs, preview = false): Promise<RunResult> {
    return runProgram(
        () => {
            new Platform("shop", args);
        },
        { preview },
    );
}

const existingNetwork = {
    vpcId: "vpc-0abc",
    publicSubnetIds: ["subnet-p1", "subnet-p2", "subnet-p3"],
    privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: zones,
};
const existingCluster = {
    kubeconfig: "apiVersion: v1\nkind: Config\n",
    clusterName: "prod",
    clusterSecurityGroupId: "sg-eks",
};

describe("Platform on target aws", () => {
    describe("in a region of its own, with only Postgres and a bucket", () => {
        let run: RunResult;
        before(async () => {
            run = await platform({
                target: Target.Aws,
                app,
                postgres: {},
                objectStorage: { bucket: "shop-files-example" },
                aws: {
                    region: "eu-west-1",
                    network: { availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
                },
                kubernetes: { namespace: "shop" },
            });
        });

        it("puts every regional AWS resource in the Platform's region", () => {
            // IAM is global: its resources take no region.
            const aws = run.resources.filter(
                (r) => r.custom && r.type.startsWith("aws:") && !r.type.startsWith("aws:iam/"),
            );
            assert.ok(aws.length > 30);
            for (const r of aws) assert.strictEqual(plain(r.inputs).region, "eu-west-1", `${r.type} ${r.name}`);
            assert.deepStrictEqual(run.calls, [], "zone names given: no lookup");
        });

        it("installs no operator and creates the namespace on the new cluster, restricted (only the app runs there)", () => {
            assert.strictEqual(ofType(run, T.KubernetesOperators).length, 0);
            assert.strictEqual(ofType(run, T.HelmRelease).length, 0);
            const ns = one(run, T.Namespace);
            assert.ok(ns.provider?.startsWith(one(run, A.K8sProvider).urn));
            assert.strictEqual(inputsOf(ns).metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
        });

        it("lets the app reach Postgres on 5432 and AWS APIs on 443, and binds its ServiceAccount to the bucket", () => {
            const egress = inputsOf(one(run, T.NetworkPolicy, "shop")).spec.egress;
            const anywhere = egress.find((e: any) => e.to === undefined && e.ports.some((p: any) => p.port === 443));
            assert.deepStrictEqual(
                anywhere.ports.map((p: any) => p.port),
                [443, 5432],
            );
            const pod = inputsOf(one(run, T.Deployment)).spec.template.spec;
            assert.strictEqual(pod.serviceAccountName, "shop");
            const association = plain(one(run, AT.PodIdentity).inputs);
            assert.deepStrictEqual(
                [association.serviceAccount, association.namespace, association.clusterName],
                ["shop", "shop", plain(one(run, A.EksCluster).outputs).name],
            );
            // Pods fetch the role's credentials from the node's Pod Identity agent, which the fence must let through.
            assert.deepStrictEqual(
                egress.filter((e: any) => e.to?.some((p: any) => p.ipBlock)),
                [{ to: [{ ipBlock: { cidr: "169.254.170.23/32" } }], ports: [{ protocol: "TCP", port: 80 }] }],
            );
        });
    });

    it('leaves the namespace alone when it is "default" (every cluster has it)', async () => {
        const run = await platform({ target: Target.Aws, app, aws: { network } }, true);
        assert.strictEqual(ofType(run, T.Namespace).length, 0);
        assert.strictEqual(inputsOf(one(run, T.Deployment)).metadata.namespace, "default");
    });

    it("stands on an existing VPC and cluster: creates neither, places services on their subnets and group", async () => {
        const run = await platform({
            target: Target.Aws,
            app,
            redis: {},
            objectStorage: { bucket: "shop-files-example" },
            aws: { network: { aws: { existing: existingNetwork } }, cluster: { aws: { existing: existingCluster } } },
        });
        assert.strictEqual(ofType(run, A.Vpc).length, 0);
        assert.strictEqual(ofType(run, A.EksCluster).length, 0);
        assert.strictEqual(ofType(run, T.Namespace).length, 0, "an existing cluster's namespace exists");
        const subnets = plain(one(run, "aws:elasticache/subnetGroup:SubnetGroup").inputs).subnetIds;
        assert.deepStrictEqual(subnets, existingNetwork.privateSubnetIds);
        assert.strictEqual(plain(one(run, AT.Ingress).inputs).referencedSecurityGroupId, "sg-eks");
        assert.strictEqual(plain(one(run, AT.PodIdentity).inputs).clusterName, "prod");
    });

    it("with a service on kubernetes, installs only its operator, on the EKS cluster", async () => {
        const run = await platform(
            {
                target: Target.Aws,
                app,
                rabbitmq: { target: Target.Kubernetes },
                aws: { network },
                kubernetes: { namespace: "shop" },
            },
            true,
        );
        one(run, T.KubernetesOperators);
        assert.strictEqual(one(run, T.ConfigFile).name, "shop-operators-rabbitmq-operator");
        assert.strictEqual(ofType(run, T.HelmRelease).length, 0, "only the RabbitMQ operator");
        const provider = one(run, A.K8sProvider).urn;
        for (const r of run.resources.filter((x) => (x.custom || x.remote) && x.type.startsWith("kubernetes:")))
            assert.ok(r.provider?.startsWith(provider), `${r.type} ${r.name} goes to the EKS cluster`);
        assert.strictEqual(ofType(run, AT.Broker).length, 0);
        assert.strictEqual(
            inputsOf(one(run, T.Namespace)).metadata.labels["pod-security.kubernetes.io/enforce"],
            "baseline",
        );
    });

    describe("refuses, naming the argument and registering nothing", () => {
        const cases: Array<[string, PlatformArgs, RegExp[]]> = [
            [
                "aws settings on target kubernetes",
                { app, aws: { region: "eu-central-1" } },
                [/^aws: applies only with target "aws"/],
            ],
            [
                "a network of 1 zone",
                { target: Target.Aws, app, aws: { network: { zones: 1 } } },
                [/^aws\.network\.zones: must be an integer from 2 to 6/],
            ],
            [
                "a service's own placement",
                { target: Target.Aws, app, postgres: { aws: { vpcId: "vpc-1" } }, aws: { network } },
                [/^postgres\.aws\.vpcId: is filled by the Platform/],
            ],
            [
                "the cluster's subnets",
                { target: Target.Aws, app, aws: { network, cluster: { aws: { subnetIds: ["s-1", "s-2", "s-3"] } } } },
                [/^aws\.cluster\.aws\.subnetIds: is filled by the Platform from its Network's private subnets/],
            ],
            [
                "a second region",
                { target: Target.Aws, app, aws: { region: "eu-central-1", network: { aws: { region: "eu-west-1" } } } },
                [/^aws\.network\.aws\.region: must be the Platform's aws\.region "eu-central-1"/],
            ],
            [
                "an existing cluster without the group and name its services need",
                {
                    target: Target.Aws,
                    app,
                    redis: {},
                    objectStorage: { bucket: "shop-files-example" },
                    aws: { network, cluster: { aws: { existing: { kubeconfig: "apiVersion: v1" } } } },
                },
                [
                    /^aws\.cluster\.aws\.existing\.clusterSecurityGroupId: is required/,
                    /^aws\.cluster\.aws\.existing\.clusterName: is required/,
                ],
            ],
            [
                "a production service on a development network of 2 zones",
                { target: Target.Aws, profile: Profile.Development, app, postgres: { profile: Profile.Production } },
                [/^postgres\.profile: production needs a network of at least 3 zones; the Platform's has 2/],
            ],
            [
                "RabbitMQ of 5 nodes",
                { target: Target.Aws, app, rabbitmq: { nodes: 5 }, aws: { network } },
                [/^rabbitmq\.nodes: must be 3 on target aws in production/],
            ],
            [
                "wrong types from JavaScript",
                { target: Target.Aws, app, aws: { network: "big", secrets: { recoveryWindowInDays: "30" } } as any },
                [
                    /^aws\.network: must be an object of PlatformNetworkArgs/,
                    /^aws\.secrets\.recoveryWindowInDays: must be an integer/,
                ],
            ],
            [
                "a Network key that is the Platform's",
                { target: Target.Aws, app, aws: { network: { target: Target.Aws } as any } },
                [/^aws\.network\.target: is not an argument of PlatformNetworkArgs/],
            ],
        ];
        for (const [what, args, patterns] of cases)
            it(what, async () => {
                await expectRejected(() => new Platform("shop", args), ...patterns);
            });
    });
});
