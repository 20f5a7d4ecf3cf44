import * as assert from "assert";
import * as fs from "fs";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { KubernetesCluster, KubernetesClusterArgs, Network, Profile, Target } from "../../../components";
import { kubeconfigFor } from "../../../components/backends/aws/eks-kubeconfig";
import { architectureOf, eksAwsValues } from "../../../components/backends/aws/eks-values";
import { eksAddonPins, eksKubernetesVersion } from "../../../components/backends/aws/eks-pins";
import { RecordedResource, RunResult, runProgram } from "../../../scripts/harness/mock-engine";
import { isSecret, plain } from "../../../scripts/harness/wire";
import { T, inputsOf, one, ofType } from "../../helpers";
import { expectRejected } from "../services";

// The inputs the KubernetesCluster sends to the AWS and Kubernetes providers under the mock
// engine: not that EKS accepts them, that the nodes join, or that the add-on versions exist.

const type = (cls: object) => (cls as { __pulumiType: string }).__pulumiType;
const A = {
    Cluster: type(aws.eks.Cluster),
    NodeGroup: type(aws.eks.NodeGroup),
    Addon: type(aws.eks.Addon),
    AccessEntry: type(aws.eks.AccessEntry),
    AccessPolicy: type(aws.eks.AccessPolicyAssociation),
    Role: type(aws.iam.Role),
    Attachment: type(aws.iam.RolePolicyAttachment),
    Key: type(aws.kms.Key),
    Component: "pulumi-ha:index:KubernetesCluster",
    K8sProvider: "pulumi:providers:kubernetes",
};
const subnets = ["subnet-a", "subnet-b", "subnet-c"];
const base: KubernetesClusterArgs = { target: Target.Aws, aws: { region: "eu-central-1", subnetIds: subnets } };

let captured: KubernetesCluster | undefined;
function runCluster(args: Partial<KubernetesClusterArgs> = {}): Promise<RunResult> {
    return runProgram(() => {
        captured = new KubernetesCluster("prod", { ...base, ...args });
    });
}

/** Whether input `prop` of `r` takes a value of `from` (through the dependency Pulumi records with it). */
const takes = (r: RecordedResource, prop: string, from: RecordedResource) =>
    (r.propertyDependencies[prop] ?? []).includes(from.urn);
/**
 * `actual` is `role`'s ARN. The generic mock computes no ARNs (the harness's AWS mocks will): while
 * the ARN is unknown, Pulumi drops the input and records no dependency, so nothing can be compared.
 */
function expectArnOf(actual: unknown, role: RecordedResource): void {
    const arn = plain(role.outputs).arn;
    if (arn !== undefined) assert.strictEqual(actual, arn);
    else assert.strictEqual(actual, undefined);
}
/** The managed policies attached to a role (its attachments are named after it). */
const attached = (run: RunResult, role: RecordedResource) =>
    ofType(run, A.Attachment)
        .filter((a) => a.name.startsWith(`${role.name}-`))
        .map((a) => {
            const name = plain(role.outputs).name;
            if (name !== undefined) assert.strictEqual(inputsOf(a).role, name, `${a.name} attaches to ${role.name}`);
            return inputsOf(a).policyArn;
        })
        .sort();
const trust = (role: RecordedResource) => JSON.parse(inputsOf(role).assumeRolePolicy).Statement;
const providerRef = (run: RunResult) => {
    const p = one(run, A.K8sProvider);
    return `${p.urn}::${p.id}`;
};

/** The provider's TSDoc of an argument (in a resource's args or a nested input type). */
function documented(file: string, arg: string, within?: string): string {
    const text = fs.readFileSync(require.resolve(`@pulumi/aws/${file}.d.ts`), "utf8");
    const from = within ? text.indexOf(`interface ${within} {`) : text.indexOf("export interface ");
    assert.ok(from >= 0, `${file}: no ${within}`);
    const part = text.slice(from);
    const at = part.search(new RegExp(`\\n\\s+${arg}\\??: `));
    assert.ok(at > 0, `${file}: no argument ${arg}`);
    return part.slice(part.lastIndexOf("/**", at), at);
}

describe("KubernetesCluster (AWS, EKS)", () => {
    describe("production defaults: managed node groups", () => {
        let run: RunResult;
        before(async () => {
            run = await runCluster({
                aws: { ...base.aws, adminPrincipalArns: ["arn:aws:iam::111122223333:role/ops"] },
            });
        });

        it("pins Kubernetes 1.36 and puts the control plane on the private subnets, private endpoint only", () => {
            const cluster = inputsOf(one(run, A.Cluster));
            assert.strictEqual(cluster.version, "1.36");
            assert.strictEqual(eksKubernetesVersion, "1.36");
            assert.deepStrictEqual(cluster.vpcConfig, {
                subnetIds: subnets,
                endpointPrivateAccess: true,
                endpointPublicAccess: false,
            });
            assert.strictEqual(cluster.region, "eu-central-1");
        });

        it("authenticates through access entries only (API), the creator bootstrapped as admin, and no aws-auth ConfigMap", () => {
            assert.deepStrictEqual(inputsOf(one(run, A.Cluster)).accessConfig, {
                authenticationMode: "API",
                bootstrapClusterCreatorAdminPermissions: true,
            });
            assert.deepStrictEqual(ofType(run, T.ConfigMap), []);
            const entry = inputsOf(one(run, A.AccessEntry));
            const policy = inputsOf(one(run, A.AccessPolicy));
            assert.strictEqual(entry.principalArn, "arn:aws:iam::111122223333:role/ops");
            assert.deepStrictEqual(
                [policy.principalArn, policy.policyArn, policy.accessScope],
                [
                    "arn:aws:iam::111122223333:role/ops",
                    "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                    { type: "cluster" },
                ],
            );
        });

        it("envelope-encrypts Secrets with a KMS key of its own (rotation on), and logs every control-plane log type", () => {
            const cluster = inputsOf(one(run, A.Cluster));
            const key = one(run, A.Key);
            assert.deepStrictEqual(cluster.encryptionConfig.resources, ["secrets"]);
            assert.ok(takes(one(run, A.Cluster), "encryptionConfig", key), "the key's ARN encrypts Secrets");
            assert.strictEqual(inputsOf(key).enableKeyRotation, true);
            assert.deepStrictEqual(cluster.enabledClusterLogTypes, [
                "api",
                "audit",
                "authenticator",
                "controllerManager",
                "scheduler",
            ]);
        });

        it("protects the control plane and its key (Pulumi protect and EKS deletion protection)", () => {
            const cluster = one(run, A.Cluster);
            assert.strictEqual(cluster.options.protect, true);
            assert.strictEqual(inputsOf(cluster).deletionProtection, true);
            assert.strictEqual(one(run, A.Key).options.protect, true);
        });

        it("runs one node group per zone, each on its zone's private subnet: ≥ 1 node per zone, 3 in all, AL2023 x86-64 on demand", () => {
            const groups = ofType(run, A.NodeGroup).sort((a, b) => a.name.localeCompare(b.name));
            assert.deepStrictEqual(
                groups.map((g) => [g.name, inputsOf(g).subnetIds]),
                subnets.map((s, i) => [`prod-zone-${i}`, [s]]),
            );
            for (const g of groups.map(inputsOf)) {
                assert.deepStrictEqual(g.scalingConfig, { minSize: 1, desiredSize: 1, maxSize: 3 });
                assert.deepStrictEqual(
                    [g.instanceTypes, g.amiType, g.capacityType],
                    [["m7i.large"], "AL2023_x86_64_STANDARD", "ON_DEMAND"],
                );
                assert.strictEqual(g.version, "1.36", "nodes follow the control plane's version");
                assert.deepStrictEqual(g.updateConfig, { maxUnavailable: 1 });
                assert.deepStrictEqual(g.nodeRepairConfig, { enabled: true });
            }
            assert.ok(groups.map(inputsOf).reduce((sum, g) => sum + g.scalingConfig.minSize, 0) >= 3);
        });

        it("installs the five add-ons at their pinned versions: CNI, kube-proxy and Pod Identity before the nodes, CoreDNS and EBS CSI after", () => {
            const addons = ofType(run, A.Addon);
            assert.deepStrictEqual(
                addons.map((a) => [inputsOf(a).addonName, inputsOf(a).addonVersion]).sort(),
                Object.entries(eksAddonPins)
                    .map(([name, pin]) => [name, pin.version])
                    .sort(),
            );
            const groupUrns = ofType(run, A.NodeGroup).map((g) => g.urn);
            const addon = (name: string) => addons.find((a) => inputsOf(a).addonName === name)!;
            for (const name of ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]) {
                assert.ok(!groupUrns.some((u) => addon(name).dependencies.includes(u)), `${name} before the nodes`);
                for (const g of ofType(run, A.NodeGroup)) assert.ok(g.dependencies.includes(addon(name).urn));
            }
            for (const name of ["coredns", "aws-ebs-csi-driver"])
                for (const u of groupUrns) assert.ok(addon(name).dependencies.includes(u), `${name} after the nodes`);
            for (const a of addons.map(inputsOf))
                assert.deepStrictEqual(
                    [a.resolveConflictsOnCreate, a.resolveConflictsOnUpdate],
                    ["OVERWRITE", "OVERWRITE"],
                );
            assert.strictEqual(inputsOf(one(run, A.Cluster)).bootstrapSelfManagedAddons, false);
        });

        it("turns on NetworkPolicy enforcement in the vpc-cni add-on only (configurationValues), and writes no ConfigMap for it", () => {
            const config = (a: RecordedResource) => inputsOf(a).configurationValues;
            const addons = ofType(run, A.Addon);
            const cni = addons.filter((a) => inputsOf(a).addonName === "vpc-cni");
            assert.strictEqual(cni.length, 1);
            assert.deepStrictEqual(JSON.parse(config(cni[0])), { enableNetworkPolicy: "true" });
            assert.deepStrictEqual(JSON.parse(config(cni[0])), eksAwsValues.vpcCniConfiguration);
            const others = addons.filter((a) => a !== cni[0]);
            assert.strictEqual(others.length, 4);
            for (const a of others) assert.strictEqual(config(a), undefined, `${inputsOf(a).addonName} has none`);
            assert.deepStrictEqual(ofType(run, T.ConfigMap), []);
        });

        it("gives the EBS CSI controller its role through Pod Identity, with AmazonEBSCSIDriverPolicy only", () => {
            const ebs = ofType(run, A.Addon).find((a) => inputsOf(a).addonName === "aws-ebs-csi-driver")!;
            const role = one(run, A.Role, "prod-ebs-csi");
            const associations = inputsOf(ebs).podIdentityAssociations;
            assert.strictEqual(associations.length, 1);
            assert.strictEqual(associations[0].serviceAccount, "ebs-csi-controller-sa");
            expectArnOf(associations[0].roleArn, role);
            assert.deepStrictEqual(trust(role), [
                {
                    Effect: "Allow",
                    Principal: { Service: "pods.eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                },
            ]);
            assert.deepStrictEqual(attached(run, role), [
                "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
            ]);
            const podIdentity = ofType(run, A.Addon).find((a) => inputsOf(a).addonName === "eks-pod-identity-agent")!;
            assert.ok(ebs.dependencies.includes(podIdentity.urn));
        });

        it("gives the cluster and node roles exactly the AWS-managed policies EKS documents for them", () => {
            const cluster = one(run, A.Role, "prod-cluster");
            const node = one(run, A.Role, "prod-node");
            assert.deepStrictEqual(attached(run, cluster), ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]);
            assert.deepStrictEqual(trust(cluster)[0].Principal, { Service: "eks.amazonaws.com" });
            assert.deepStrictEqual(attached(run, node), [
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            ]);
            assert.deepStrictEqual(trust(node)[0].Principal, { Service: "ec2.amazonaws.com" });
            expectArnOf(inputsOf(one(run, A.Cluster)).roleArn, cluster);
            for (const g of ofType(run, A.NodeGroup)) expectArnOf(inputsOf(g).nodeRoleArn, node);
            // The attachments outlive the cluster: EKS needs them until it has deleted what it made.
            for (const a of ofType(run, A.Attachment).filter((a) => /^prod-(cluster|node)-/.test(a.name)))
                assert.ok(one(run, A.Cluster).dependencies.includes(a.urn), a.name);
        });

        it("creates a default, encrypted gp3 StorageClass through the cluster's own provider, binding when a pod is scheduled", () => {
            const sc = one(run, T.StorageClass);
            assert.strictEqual(sc.provider, providerRef(run));
            const spec = inputsOf(sc);
            assert.deepStrictEqual(
                [
                    spec.metadata.name,
                    spec.metadata.annotations,
                    spec.provisioner,
                    spec.parameters,
                    spec.volumeBindingMode,
                ],
                [
                    "gp3",
                    { "storageclass.kubernetes.io/is-default-class": "true" },
                    "ebs.csi.aws.com",
                    { type: "gp3", encrypted: "true" },
                    "WaitForFirstConsumer",
                ],
            );
            const ebs = ofType(run, A.Addon).find((a) => inputsOf(a).addonName === "aws-ebs-csi-driver")!;
            assert.ok(sc.dependencies.includes(ebs.urn));
        });

        it("outputs the kubeconfig as a secret whose user runs `aws eks get-token` for this cluster and region", () => {
            const outputs = one(run, A.Component).outputs;
            assert.ok(isSecret(outputs.kubeconfig), "kubeconfig is secret");
            const config = JSON.parse(plain(outputs.kubeconfig));
            // The cluster's name is computed (auto-named); JSON writes an unknown as null.
            const name = plain(one(run, A.Cluster).outputs).name ?? null;
            assert.deepStrictEqual(config.users[0].user.exec.command, "aws");
            assert.deepStrictEqual(config.users[0].user.exec.args, [
                "eks",
                "get-token",
                "--cluster-name",
                name,
                "--region",
                "eu-central-1",
                "--output",
                "json",
            ]);
            assert.ok(
                isSecret(one(run, A.K8sProvider).inputs.kubeconfig),
                "the provider's kubeconfig input stays secret",
            );
            assert.strictEqual(plain(outputs.clusterName) ?? null, name);
            assert.strictEqual(outputs.provider, undefined, "the provider is not an output");
        });

        it("exposes the Kubernetes provider on the component (a getter, not a schema property)", () => {
            assert.ok(captured !== undefined && k8s.Provider.isInstance(captured.provider));
            assert.strictEqual(one(run, A.K8sProvider).parent, one(run, A.Component).urn);
        });
    });

    describe("options", () => {
        it("Graviton instance types get the AL2023 ARM AMI; node counts per zone are configurable", async () => {
            const run = await runCluster({
                nodesPerZone: { min: 2, desired: 3, max: 6 },
                aws: { ...base.aws, instanceTypes: ["m7g.large", "c7g.xlarge"] },
            });
            for (const g of ofType(run, A.NodeGroup).map(inputsOf)) {
                assert.strictEqual(g.amiType, "AL2023_ARM_64_STANDARD");
                assert.deepStrictEqual(g.scalingConfig, { minSize: 2, desiredSize: 3, maxSize: 6 });
            }
        });

        it("opens the public endpoint to the CIDRs given only", async () => {
            const run = await runCluster({ aws: { ...base.aws, publicEndpointCidrs: ["203.0.113.0/24"] } });
            const vpc = inputsOf(one(run, A.Cluster)).vpcConfig;
            assert.deepStrictEqual([vpc.endpointPublicAccess, vpc.publicAccessCidrs], [true, ["203.0.113.0/24"]]);
        });

        it("development: 2 zones allowed, public endpoint open (IAM still authenticates), not protected", async () => {
            const run = await runCluster({
                profile: Profile.Development,
                aws: { ...base.aws, subnetIds: subnets.slice(0, 2) },
            });
            const cluster = one(run, A.Cluster);
            assert.deepStrictEqual(
                [inputsOf(cluster).vpcConfig.endpointPublicAccess, inputsOf(cluster).vpcConfig.publicAccessCidrs],
                [true, ["0.0.0.0/0"]],
            );
            assert.strictEqual(ofType(run, A.NodeGroup).length, 2);
            assert.strictEqual(cluster.options.protect, false);
            assert.strictEqual(inputsOf(cluster).deletionProtection, false);
            assert.deepStrictEqual(inputsOf(ofType(run, A.NodeGroup)[0]).scalingConfig, {
                minSize: 1,
                desiredSize: 1,
                maxSize: 2,
            });
        });

        it("uses a KMS key given instead of creating one, and add-on versions given instead of the pins", async () => {
            const run = await runCluster({
                aws: {
                    ...base.aws,
                    kmsKeyArn: "arn:aws:kms:eu-central-1:111122223333:key/abc",
                    addonVersions: { coredns: "v1.14.3-eksbuild.1" },
                },
            });
            assert.deepStrictEqual(ofType(run, A.Key), []);
            assert.strictEqual(
                inputsOf(one(run, A.Cluster)).encryptionConfig.provider.keyArn,
                "arn:aws:kms:eu-central-1:111122223333:key/abc",
            );
            const coredns = ofType(run, A.Addon).find((a) => inputsOf(a).addonName === "coredns")!;
            assert.strictEqual(inputsOf(coredns).addonVersion, "v1.14.3-eksbuild.1");
        });
    });

    describe("EKS Auto Mode", () => {
        let run: RunResult;
        before(async () => {
            run = await runCluster({ aws: { ...base.aws, autoMode: true } });
        });

        it("turns on compute, block storage and load balancing together, with the node role, and creates no node groups or add-ons", () => {
            const cluster = inputsOf(one(run, A.Cluster));
            assert.deepStrictEqual(
                [cluster.computeConfig.enabled, cluster.computeConfig.nodePools],
                [true, ["general-purpose", "system"]],
            );
            assert.ok(
                takes(one(run, A.Cluster), "computeConfig", one(run, A.Role, "prod-node")),
                "Auto Mode's nodes take the node role",
            );
            assert.deepStrictEqual(cluster.storageConfig, { blockStorage: { enabled: true } });
            assert.deepStrictEqual(cluster.kubernetesNetworkConfig, { elasticLoadBalancing: { enabled: true } });
            assert.strictEqual(cluster.bootstrapSelfManagedAddons, false);
            assert.deepStrictEqual([ofType(run, A.NodeGroup).length, ofType(run, A.Addon).length], [0, 0]);
        });

        it("gives the roles Auto Mode's policies (the cluster role may tag sessions)", () => {
            const clusterRole = one(run, A.Role, "prod-cluster");
            assert.deepStrictEqual(attached(run, clusterRole), [
                "arn:aws:iam::aws:policy/AmazonEKSBlockStoragePolicy",
                "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                "arn:aws:iam::aws:policy/AmazonEKSComputePolicy",
                "arn:aws:iam::aws:policy/AmazonEKSLoadBalancingPolicy",
                "arn:aws:iam::aws:policy/AmazonEKSNetworkingPolicy",
            ]);
            assert.deepStrictEqual(trust(clusterRole)[0].Action, ["sts:AssumeRole", "sts:TagSession"]);
            assert.deepStrictEqual(attached(run, one(run, A.Role, "prod-node")), [
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy",
            ]);
        });

        it("turns on NetworkPolicy enforcement with the amazon-vpc-cni ConfigMap in kube-system, through the cluster's provider", () => {
            const cm = one(run, T.ConfigMap);
            assert.deepStrictEqual(
                [inputsOf(cm).metadata, inputsOf(cm).data],
                [{ name: "amazon-vpc-cni", namespace: "kube-system" }, { "enable-network-policy-controller": "true" }],
            );
            assert.strictEqual(cm.provider, providerRef(run));
            assert.strictEqual(cm.parent, one(run, A.Component).urn);
        });

        it("makes the gp3 StorageClass for Auto Mode's own EBS provisioner", () => {
            assert.strictEqual(inputsOf(one(run, T.StorageClass)).provisioner, "ebs.csi.eks.amazonaws.com");
            assert.strictEqual(one(run, T.StorageClass).provider, providerRef(run));
        });
    });

    describe("on a Network, in preview", () => {
        it("takes the Network's private subnets (a list of known length) and registers the same resources with unknown ids", async () => {
            const program = () => {
                const network = new Network("net", {
                    target: Target.Aws,
                    availabilityZones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
                    aws: { region: "eu-central-1" },
                });
                new KubernetesCluster("prod", {
                    target: Target.Aws,
                    aws: { region: "eu-central-1", subnetIds: network.privateSubnets },
                });
            };
            const preview = await runProgram(program, { preview: true });
            const update = await runProgram(program);
            const shape = (run: RunResult) => run.resources.map((r) => `${r.type}::${r.name}`).sort();
            assert.deepStrictEqual(shape(preview), shape(update));
            assert.deepStrictEqual(preview.calls, []);
            const groups = ofType(update, A.NodeGroup).sort((a, b) => a.name.localeCompare(b.name));
            const privateSubnets = ["net-private-0", "net-private-1", "net-private-2"].map(
                (name) => one(update, type(aws.ec2.Subnet), name).id,
            );
            assert.deepStrictEqual(
                groups.map((g) => inputsOf(g).subnetIds),
                privateSubnets.map((id) => [id]),
            );
            assert.deepStrictEqual(inputsOf(one(update, A.Cluster)).vpcConfig.subnetIds, privateSubnets);
        });
    });

    describe("existing cluster", () => {
        it("creates only the Kubernetes provider, from the kubeconfig given (kept secret), and passes the rest through", async () => {
            const run = await runProgram(() => {
                captured = new KubernetesCluster("prod", {
                    target: Target.Aws,
                    aws: {
                        existing: {
                            kubeconfig: "apiVersion: v1\nkind: Config\n",
                            clusterName: "shop",
                            clusterSecurityGroupId: "sg-1",
                        },
                    },
                });
            });
            assert.deepStrictEqual(
                run.resources.map((r) => r.type),
                [T.Stack, A.Component, A.K8sProvider],
            );
            assert.ok(isSecret(one(run, A.K8sProvider).inputs.kubeconfig));
            const out = one(run, A.Component).outputs;
            assert.ok(isSecret(out.kubeconfig));
            assert.deepStrictEqual([plain(out.clusterName), plain(out.clusterSecurityGroupId)], ["shop", "sg-1"]);
            assert.ok(k8s.Provider.isInstance(captured!.provider));
        });
    });

    describe("invalid arguments, rejected before anything registers", () => {
        const cluster = (args: Partial<KubernetesClusterArgs>) => () => {
            new KubernetesCluster("prod", { ...base, ...args });
        };

        it("target: kubernetes (already a cluster); the aws field beside target gcp", async () => {
            await expectRejected(cluster({ target: Target.Kubernetes }), /^target: "kubernetes" is a cluster already/);
            await expectRejected(
                cluster({ target: Target.Gcp, gcp: { region: "europe-west1", existing: { kubeconfig: "x" } } }),
                /^aws: must be left out with target "gcp"/,
            );
        });

        it("aws.subnetIds: missing, 2 in production, duplicates", async () => {
            await expectRejected(
                cluster({ aws: { region: "eu-central-1" } }),
                /^aws\.subnetIds: is required on target aws/,
            );
            await expectRejected(
                cluster({ aws: { subnetIds: subnets.slice(0, 2) } }),
                /^aws\.subnetIds: must hold one private subnet per zone, 3 to 16 in production.*\(got 2\)/,
            );
            await expectRejected(cluster({ aws: { subnetIds: ["s", "s", "t"] } }), /^aws\.subnetIds: must all differ/);
        });

        it("nodesPerZone: min 0 in production, max below min, desired outside min–max", async () => {
            await expectRejected(
                cluster({ nodesPerZone: { min: 0 } }),
                /^nodesPerZone\.min: must be at least 1 in production/,
            );
            await expectRejected(cluster({ nodesPerZone: { min: 3, max: 2 } }), /^nodesPerZone\.max: must be from 3/);
            await expectRejected(
                cluster({ nodesPerZone: { desired: 5, max: 4 } }),
                /^nodesPerZone\.desired: must be from nodesPerZone\.min \(1\) to nodesPerZone\.max \(4\)/,
            );
        });

        it("aws.instanceTypes: not instance types, or two architectures in one group", async () => {
            await expectRejected(
                cluster({ aws: { ...base.aws, instanceTypes: ["large"] } }),
                /^aws\.instanceTypes: must be EC2 instance types/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, instanceTypes: ["m7i.large", "m7g.large"] } }),
                /^aws\.instanceTypes: must all be of one architecture/,
            );
        });

        it("aws.autoMode with node groups' settings", async () => {
            await expectRejected(
                cluster({
                    nodesPerZone: { min: 2 },
                    aws: { ...base.aws, autoMode: true, instanceTypes: ["m7i.large"] },
                }),
                /^nodesPerZone: must be left out with aws\.autoMode/,
                /^aws\.instanceTypes: must be left out with aws\.autoMode/,
            );
        });

        it("aws.publicEndpointCidrs: empty, not a CIDR, a private range", async () => {
            await expectRejected(
                cluster({ aws: { ...base.aws, publicEndpointCidrs: [] } }),
                /^aws\.publicEndpointCidrs: must hold at least one/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, publicEndpointCidrs: ["203.0.113.1/24"] } }),
                /^aws\.publicEndpointCidrs\[0\]: must be an IPv4 CIDR block/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, publicEndpointCidrs: ["10.0.0.0/8"] } }),
                /^aws\.publicEndpointCidrs\[0\]: must be a public range/,
            );
        });

        it("aws.adminPrincipalArns, aws.addonVersions, version, aws.region", async () => {
            await expectRejected(
                cluster({
                    aws: { ...base.aws, adminPrincipalArns: ["arn:aws:sts::111122223333:assumed-role/ops/me"] },
                }),
                /^aws\.adminPrincipalArns\[0\]: must be an IAM user or role ARN/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, addonVersions: { "metrics-server": "v1.0.0" } } }),
                /^aws\.addonVersions\.metrics-server: is not an add-on this cluster installs/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, addonVersions: { coredns: "latest" } } }),
                /^aws\.addonVersions\.coredns: must be an EKS add-on version/,
            );
            await expectRejected(
                cluster({ version: "1.36.2" }),
                /^version: must be a Kubernetes minor version such as "1\.36"/,
            );
            await expectRejected(
                cluster({ aws: { ...base.aws, region: "eu-central" } }),
                /^aws\.region: must be an AWS region/,
            );
        });

        it("aws.existing with anything to create", async () => {
            await expectRejected(
                cluster({ aws: { subnetIds: subnets, existing: { kubeconfig: "x" } } }),
                /^aws\.subnetIds: must be left out with aws\.existing/,
            );
        });
    });

    describe("values sent to AWS, against the documented values", () => {
        const valid = (file: string, arg: string, value: string, within?: string) =>
            assert.ok(
                documented(file, arg, within).includes(`\`${value}\``),
                `${within ?? file}.${arg}: ${value} is not documented`,
            );

        it("values the provider documents: authentication mode, encrypted resources, capacity type, conflict resolution, access scope, Auto Mode node pools", () => {
            valid("types/input", "authenticationMode", eksAwsValues.authenticationMode, "ClusterAccessConfig");
            for (const r of eksAwsValues.encryptedResources)
                valid("types/input", "resources", r, "ClusterEncryptionConfig");
            valid("eks/nodeGroup", "capacityType", eksAwsValues.capacityType);
            valid("eks/addon", "resolveConflictsOnCreate", eksAwsValues.resolveConflicts);
            valid("eks/addon", "resolveConflictsOnUpdate", eksAwsValues.resolveConflicts);
            valid("types/input", "type", eksAwsValues.accessScopeType, "AccessPolicyAssociationAccessScope");
            for (const p of eksAwsValues.autoModeNodePools)
                valid("types/input", "nodePools", p, "ClusterComputeConfig");
        });

        it("values the EKS API reference documents (the provider's TSDoc links there): log types, AMI types, add-on names, access policy", () => {
            // EKS API LogType: api | audit | authenticator | controllerManager | scheduler.
            assert.deepStrictEqual(
                [...eksAwsValues.logTypes],
                ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            );
            assert.match(documented("eks/cluster", "enabledClusterLogTypes"), /control-plane-logs/);
            // EKS API Nodegroup amiType (lower-case "x86_64" in the API, unlike the CDK's member names).
            const amiTypes = [
                "AL2_x86_64",
                "AL2_x86_64_GPU",
                "AL2_ARM_64",
                "CUSTOM",
                "BOTTLEROCKET_ARM_64",
                "BOTTLEROCKET_x86_64",
                "AL2023_x86_64_STANDARD",
                "AL2023_ARM_64_STANDARD",
                "AL2023_x86_64_NEURON",
                "AL2023_x86_64_NVIDIA",
                "AL2023_ARM_64_NVIDIA",
            ];
            for (const t of Object.values(eksAwsValues.amiTypes)) assert.ok(amiTypes.includes(t), t);
            assert.match(
                documented("eks/nodeGroup", "amiType"),
                /API_Nodegroup\.html#AmazonEKS-Type-Nodegroup-amiType/,
            );
            // EKS user guide, "AWS add-ons": the EKS add-on names.
            assert.deepStrictEqual(Object.keys(eksAddonPins).sort(), [
                "aws-ebs-csi-driver",
                "coredns",
                "eks-pod-identity-agent",
                "kube-proxy",
                "vpc-cni",
            ]);
            // EKS user guide, access policies: arn:aws:eks::aws:cluster-access-policy/<name>.
            assert.match(
                eksAwsValues.clusterAdminPolicyArn,
                /^arn:aws:eks::aws:cluster-access-policy\/AmazonEKSClusterAdminPolicy$/,
            );
            for (const pin of Object.values(eksAddonPins)) assert.match(pin.version, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        });

        it("tells architectures apart by instance family", () => {
            const cases: Record<string, string | undefined> = {
                "m7i.large": "x86_64",
                "m7i-flex.large": "x86_64",
                "c6a.xlarge": "x86_64",
                "g5.xlarge": "x86_64",
                "m7g.large": "arm64",
                "c7gn.large": "arm64",
                "r8gd.2xlarge": "arm64",
                "t4g.medium": "arm64",
                "g5g.xlarge": "arm64",
                large: undefined,
            };
            for (const [t, arch] of Object.entries(cases)) assert.strictEqual(architectureOf(t), arch, t);
        });

        it("writes a kubeconfig without region when none is known", () => {
            const config = JSON.parse(kubeconfigFor("c", "https://x", "Y2E=", undefined));
            assert.deepStrictEqual(config.users[0].user.exec.args, [
                "eks",
                "get-token",
                "--cluster-name",
                "c",
                "--output",
                "json",
            ]);
            assert.strictEqual(config.clusters[0].cluster["certificate-authority-data"], "Y2E=");
        });
    });
});
