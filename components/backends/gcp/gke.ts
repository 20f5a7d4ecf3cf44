import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesClusterArgs } from "../../core/kubernetes-cluster-contract";
import { ExistingGkeClusterArgs } from "../../core/kubernetes-cluster-gcp-contract";
import { ResolvedKubernetesCluster } from "../../core/kubernetes-cluster-resolve";
import { BackendScope, ClusterPlanContext, KubernetesClusterBackendOutputs, ServiceBackend } from "../backend";
import { child, gcpLabels, gcpNamePrefix, inProject } from "./common";
import { gkeKubeconfig } from "./gke-kubeconfig";
import { GkeClusterPlan, planGkeCluster } from "./gke-plan";
import { gkeServiceAgent, gkeValues } from "./gke-values";

const component = "kubernetes-cluster";

function existingCluster(scope: BackendScope, e: ExistingGkeClusterArgs): KubernetesClusterBackendOutputs {
    const kubeconfig = pulumi.secret(e.kubeconfig);
    return {
        kubeconfig,
        clusterName: e.clusterName === undefined ? undefined : pulumi.output(e.clusterName),
        provider: new k8s.Provider(`${scope.name}-k8s`, { kubeconfig }, { parent: scope.parent }),
    };
}

/** The project id: given, or the provider's (read from its configuration: no API call). */
function projectOf(scope: BackendScope, plan: GkeClusterPlan): pulumi.Output<string> {
    if (plan.project !== undefined) return pulumi.output(plan.project);
    return gcp.organizations.getClientConfigOutput({ parent: scope.parent }).project;
}

/** The Secrets key: given, or a key ring and a 90-day-rotated key the GKE service agent may use. */
function secretsKey(
    scope: BackendScope,
    plan: GkeClusterPlan,
    n: string,
): { keyName: pulumi.Input<string>; dependsOn: pulumi.Resource[] } {
    if (plan.kmsKeyName !== undefined) return { keyName: plan.kmsKeyName, dependsOn: [] };
    const project = inProject(plan.project);
    // Key rings and keys cannot be deleted in GCP: protected like the cluster, so a destroy does not orphan them by surprise.
    const ring = new gcp.kms.KeyRing(
        `${n}-gke`,
        { location: plan.region, ...project },
        child(scope, { protect: scope.protect }),
    );
    const key = new gcp.kms.CryptoKey(
        `${n}-gke-secrets`,
        { keyRing: ring.id, rotationPeriod: gkeValues.keyRotationPeriod, labels: gcpLabels(scope, component) },
        child(scope, { protect: scope.protect }),
    );
    // The project number names the service agent; looked up only when it was not given.
    const projectNumber =
        plan.projectNumber !== undefined
            ? pulumi.output(plan.projectNumber)
            : gcp.organizations.getProjectOutput(plan.project === undefined ? {} : { projectId: plan.project }, {
                  parent: scope.parent,
              }).number;
    const grant = new gcp.kms.CryptoKeyIAMMember(
        `${n}-gke-secrets`,
        { cryptoKeyId: key.id, role: gkeValues.kmsRole, member: projectNumber.apply(gkeServiceAgent) },
        child(scope),
    );
    return { keyName: key.id, dependsOn: [grant] };
}

/** A node service account holding only the roles nodes need (not the Compute Engine default account, an Editor). */
function nodeServiceAccount(scope: BackendScope, plan: GkeClusterPlan, n: string, project: pulumi.Output<string>) {
    const account = new gcp.serviceaccount.Account(
        `${n}-nodes`,
        {
            accountId: `${n.slice(0, 23).replace(/-+$/, "")}-nodes`,
            displayName: `pulumi-ha ${scope.name}: GKE nodes`,
            ...inProject(plan.project),
        },
        child(scope),
    );
    const roles = gkeValues.nodeRoles.map(
        (role) =>
            new gcp.projects.IAMMember(
                `${n}-nodes-${role.split("/")[1]}`,
                { project, role, member: account.member },
                child(scope),
            ),
    );
    return { account, roles };
}

function createCluster(scope: BackendScope, plan: GkeClusterPlan): KubernetesClusterBackendOutputs {
    const n = gcpNamePrefix(scope);
    const project = projectOf(scope, plan);
    const labels = gcpLabels(scope, component);
    const key = secretsKey(scope, plan, n);
    const nodes = nodeServiceAccount(scope, plan, n, project);
    const privateEndpoint = plan.masterAuthorizedNetworks === undefined;
    const m = plan.maintenance;

    const cluster = new gcp.container.Cluster(
        n,
        {
            description: `pulumi-ha kubernetes-cluster ${scope.name}`,
            // A region, not a zone: the control plane is replicated over the region's zones.
            location: plan.region,
            ...(plan.autopilot
                ? {
                      enableAutopilot: true,
                      clusterAutoscaling: {
                          autoProvisioningDefaults: {
                              serviceAccount: nodes.account.email,
                              oauthScopes: [...gkeValues.oauthScopes],
                          },
                      },
                  }
                : {
                      // Node pools are managed separately: the default pool cannot be configured in place.
                      removeDefaultNodePool: true,
                      initialNodeCount: 1,
                      ...(plan.zones !== undefined ? { nodeLocations: plan.zones } : {}),
                      workloadIdentityConfig: { workloadPool: pulumi.interpolate`${project}.svc.id.goog` },
                      enableShieldedNodes: true,
                      // Dataplane V2 enforces NetworkPolicies; the legacy dataplane accepts and ignores them.
                      datapathProvider: gkeValues.datapathProvider,
                  }),
            ...(plan.version !== undefined ? { minMasterVersion: plan.version } : {}),
            network: plan.network,
            subnetwork: plan.subnetwork,
            networkingMode: gkeValues.networkingMode,
            ipAllocationPolicy: {
                clusterSecondaryRangeName: plan.podsRangeName,
                servicesSecondaryRangeName: plan.servicesRangeName,
            },
            privateClusterConfig: {
                enablePrivateNodes: true,
                enablePrivateEndpoint: privateEndpoint,
                masterIpv4CidrBlock: plan.masterIpv4CidrBlock,
            },
            ...(plan.masterAuthorizedNetworks !== undefined && plan.masterAuthorizedNetworks.length > 0
                ? {
                      masterAuthorizedNetworksConfig: {
                          cidrBlocks: plan.masterAuthorizedNetworks.map((cidrBlock) => ({
                              cidrBlock,
                              displayName: cidrBlock,
                          })),
                      },
                  }
                : {}),
            releaseChannel: { channel: plan.releaseChannel },
            maintenancePolicy:
                m.recurring !== undefined
                    ? { recurringWindow: { ...m.recurring } }
                    : { dailyMaintenanceWindow: { startTime: m.dailyStartTime } },
            databaseEncryption: { state: gkeValues.databaseEncryptionState, keyName: key.keyName },
            // GKE's own guard as well as Pulumi's: the provider defaults it to true, so development says false.
            deletionProtection: scope.protect,
            resourceLabels: labels,
            ...inProject(plan.project),
        },
        child(scope, { protect: scope.protect, dependsOn: [...key.dependsOn, ...nodes.roles] }),
    );

    if (!plan.autopilot)
        new gcp.container.NodePool(
            `${n}-pool`,
            {
                cluster: cluster.id,
                location: plan.region,
                ...(plan.zones !== undefined ? { nodeLocations: plan.zones } : {}),
                // Per zone: a regional pool repeats these counts in every node location.
                initialNodeCount: plan.nodes.desired,
                autoscaling: { minNodeCount: plan.nodes.min, maxNodeCount: plan.nodes.max },
                management: { autoRepair: true, autoUpgrade: true },
                upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
                nodeConfig: {
                    machineType: plan.machineType,
                    diskType: gkeValues.diskType,
                    serviceAccount: nodes.account.email,
                    oauthScopes: [...gkeValues.oauthScopes],
                    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
                    workloadMetadataConfig: { mode: gkeValues.workloadMetadataMode },
                    resourceLabels: labels,
                },
                ...inProject(plan.project),
            },
            // The autoscaler owns the node count after creation.
            child(scope, { ignoreChanges: ["initialNodeCount"] }),
        );

    const kubeconfig = pulumi.secret(
        pulumi
            .all([cluster.name, cluster.endpoint, cluster.masterAuth.clusterCaCertificate])
            .apply(([name, endpoint, ca]) => gkeKubeconfig(name, endpoint, ca)),
    );
    const provider = new k8s.Provider(`${scope.name}-k8s`, { kubeconfig }, { parent: scope.parent });
    return {
        kubeconfig,
        clusterName: cluster.name,
        endpoint: pulumi.interpolate`https://${cluster.endpoint}`,
        // GKE's issuer is the cluster's v1 resource URL.
        oidcIssuer: pulumi.interpolate`https://container.googleapis.com/v1/projects/${project}/locations/${cluster.location}/clusters/${cluster.name}`,
        provider,
    };
}

/** GKE: a regional private cluster with Workload Identity, KMS-encrypted Secrets and an autoscaled node pool (or Autopilot). */
export const gcpKubernetesCluster: ServiceBackend<
    KubernetesClusterArgs,
    ResolvedKubernetesCluster,
    KubernetesClusterBackendOutputs,
    ClusterPlanContext
> = {
    plan(check, args, resolved, context) {
        const network = context?.gcpNetwork;
        const plan = planGkeCluster(check, args, resolved, network !== undefined);
        // A Platform's Network exists only at create: its VPC, subnet and ranges are read then.
        return (scope) =>
            plan.cluster
                ? createCluster(scope, network ? { ...plan.cluster, ...network() } : plan.cluster)
                : existingCluster(scope, plan.existing);
    },
};
