import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { awsKubernetesCluster } from "./backends/aws/eks";
import { KubernetesClusterBackendOutputs } from "./backends/backend";
import { backendScope } from "./backends/backend";
import { gcpKubernetesCluster } from "./backends/gcp/gke";
import { ClusterPlanContext } from "./backends/backend";
import { ServicePlan, handedDown, planOnTarget } from "./service-plan";
import { Target } from "./core/enums";
import {
    KubernetesClusterArgs,
    KubernetesClusterOutputs,
    kubernetesClusterShape,
} from "./core/kubernetes-cluster-contract";
import { ResolvedKubernetesCluster, resolveKubernetesCluster } from "./core/kubernetes-cluster-resolve";

/** A KubernetesCluster checked in full (its arguments, the neutral rules, its target's) and ready to create. */
export type KubernetesClusterPlan = ServicePlan<ResolvedKubernetesCluster, KubernetesClusterBackendOutputs>;

/**
 * Checks a KubernetesCluster's arguments — their types, the neutral rules, then its target's — and throws
 * every problem in one `InvalidArgumentsError`. Registers nothing: a Platform can plan it before it
 * registers anything, then create it under its own scope.
 */
export function planKubernetesCluster(
    name: string,
    args: KubernetesClusterArgs,
    context?: ClusterPlanContext,
): KubernetesClusterPlan {
    return planOnTarget(
        "KubernetesCluster",
        name,
        args,
        kubernetesClusterShape,
        resolveKubernetesCluster,
        { [Target.Aws]: awsKubernetesCluster, [Target.Gcp]: gcpKubernetesCluster },
        `"kubernetes" is a cluster already: pass its kubeconfig to the components placed on it; use "aws" or "gcp" to create one`,
        context,
    );
}

// The provider is kept off the class's properties: a provider-typed output would put a `$ref`
// to a provider in the package schema, which does not bind (DESIGN §5).
const providers = new WeakMap<KubernetesCluster, k8s.Provider>();

/**
 * A managed Kubernetes cluster over several zones. On AWS: EKS at a pinned version, its control
 * plane on the private subnets with the private endpoint on, Secrets envelope-encrypted with KMS,
 * every control-plane log type on, access entries only (no aws-auth ConfigMap), a managed node
 * group per zone (or EKS Auto Mode), pinned add-ons (VPC CNI, kube-proxy, CoreDNS, Pod Identity
 * agent, EBS CSI driver with its role through Pod Identity) and a default encrypted gp3
 * StorageClass. Or an existing cluster, from its kubeconfig (`aws.existing`). On GCP: a regional GKE
 * cluster (control plane and nodes over the region's zones) with private nodes, Workload Identity,
 * a release channel, a maintenance window, Secrets encrypted with Cloud KMS and an autoscaled,
 * auto-repaired node pool with shielded nodes (or Autopilot); or an existing one (`gcp.existing`).
 *
 * Create Kubernetes objects on it through `provider` (e.g. `{ provider: cluster.provider }`).
 * Arguments are checked before anything is registered (`InvalidArgumentsError`).
 */
export class KubernetesCluster extends pulumi.ComponentResource implements KubernetesClusterOutputs {
    /** Kubeconfig of the cluster, a Pulumi secret. On EKS it authenticates with `aws eks get-token`, on GKE with `gke-gcloud-auth-plugin`. */
    public readonly kubeconfig: pulumi.Output<string>;
    /** The cluster's name. */
    public readonly clusterName?: pulumi.Output<string>;
    /** The API server's URL. */
    public readonly endpoint?: pulumi.Output<string>;
    /** The security group the nodes use (EKS's cluster security group): data services admit it. AWS only. */
    public readonly clusterSecurityGroupId?: pulumi.Output<string>;
    /** The cluster's OIDC issuer URL. */
    public readonly oidcIssuer?: pulumi.Output<string>;

    constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan =
            handedDown<ResolvedKubernetesCluster, KubernetesClusterBackendOutputs>(args) ??
            planKubernetesCluster(name, args);
        super("pulumi-ha:index:KubernetesCluster", name, {}, opts);
        const out = plan.create(backendScope(this, name, plan.resolved.deletionProtection, opts));
        providers.set(this, out.provider);
        this.kubeconfig = out.kubeconfig;
        this.clusterName = out.clusterName;
        this.endpoint = out.endpoint;
        this.clusterSecurityGroupId = out.clusterSecurityGroupId;
        this.oidcIssuer = out.oidcIssuer;
        const { provider: _provider, ...outputs } = out;
        this.registerOutputs(outputs);
    }

    /** The Kubernetes provider of this cluster: create the AppTier and every object on the cluster through it. */
    get provider(): k8s.Provider {
        return providers.get(this)!;
    }
}
