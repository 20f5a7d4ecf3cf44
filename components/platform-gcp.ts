import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ClusterPlanContext } from "./backends/backend";
import { checkGcpProject, checkGcpRegion, regionOfZone } from "./backends/gcp/common";
import { AppTierEgressEndpointArgs, AppTierPortRangeArgs } from "./core/app-tier-contract";
import { memorystorePorts } from "./backends/gcp/redis-common";
import { postgresPort } from "./backends/postgres-client";
import { ResolvedRedis } from "./core/redis-resolve";
import { ArgChecker } from "./core/arg-checker";
import { dropped, show } from "./core/arg-shape";
import { Profile, RedisMode, Target } from "./core/enums";
import { KubernetesClusterArgs } from "./core/kubernetes-cluster-contract";
import { NetworkArgs } from "./core/network-contract";
import { PlatformGcpArgs, platformGcpShape } from "./core/platform-gcp-contract";
import { SharedSecretGcpArgs } from "./core/shared-secret-gcp-contract";
import { planKubernetesCluster } from "./kubernetes-cluster";
import { planNetwork } from "./network";
import { FoundationPlan, MadeFoundation, createFoundation, inPlatformRegion } from "./platform-foundation";

/** What a Platform's GCP services need of its cluster, known before planning it. */
export interface GcpPlatformNeeds {
    /** The app's ServiceAccount, which a bucket's Google service account trusts through Workload Identity. */
    appServiceAccount?: { namespace: pulumi.Input<string>; name: string };
}

/** A Platform's VPC and GKE cluster, planned before anything registers. */
export type GcpFoundationPlan = FoundationPlan<SharedSecretGcpArgs>;

/**
 * The GKE metadata server, which a pod must reach to act as its Google service account (Workload
 * Identity): 169.254.169.254:80 on Dataplane V2, and its backend on 169.254.169.252:988 (GKE's
 * troubleshooting guide names both for clusters enforcing NetworkPolicies).
 */
export const gkeMetadataServer: AppTierEgressEndpointArgs[] = [
    { cidr: "169.254.169.254/32", port: 80 },
    { cidr: "169.254.169.252/32", port: 988 },
];

/**
 * Plans the Network and KubernetesCluster of a Platform on GCP with the Platform's profile, one
 * region and one project, reporting every problem to `check` (prefixed "gcp."). Returns undefined
 * when they cannot be planned: the services then have nothing to be placed on.
 */
export function planGcpFoundation(
    check: ArgChecker,
    name: string,
    given: PlatformGcpArgs | undefined,
    profile: Profile,
    needs: GcpPlatformNeeds,
): GcpFoundationPlan | undefined {
    const checked = platformGcpShape.check(given ?? {}, "gcp", check);
    if (checked === dropped) return undefined;
    const a = checked as PlatformGcpArgs;
    const regionOk = checkGcpRegion(check, "gcp.region", a.region);
    checkGcpProject(check, "gcp.project", a.project);
    const zoneNames = a.network?.gcp?.existing?.availabilityZones ?? a.network?.availabilityZones;
    // The region: given, else the zones', else the provider's (its configuration: no API call).
    const region = (regionOk ? a.region : undefined) ?? zonesRegion(zoneNames) ?? gcp.config.region;
    check.require(
        region !== undefined,
        "gcp.region",
        'is required: the region of the Platform, e.g. "europe-west1" (or set gcp:region, or name gcp.network.availabilityZones)',
    );
    // A Platform lives in one region and one project: a part may repeat them, not differ.
    const same = (arg: string, nested: string | undefined, platformArg: string, platform: string | undefined) =>
        check.require(
            nested === undefined || platform === undefined || nested === platform,
            arg,
            `must be the Platform's ${platformArg} ${show(platform)} or left out (got ${show(nested)})`,
        );
    same("gcp.network.gcp.region", a.network?.gcp?.region, "gcp.region", region);
    same("gcp.cluster.gcp.region", a.cluster?.gcp?.region, "gcp.region", region);
    same("gcp.network.gcp.project", a.network?.gcp?.project, "gcp.project", a.project);
    same("gcp.cluster.gcp.project", a.cluster?.gcp?.project, "gcp.project", a.project);
    same("gcp.secrets.project", a.secrets?.project, "gcp.project", a.project);

    const networkArgs: NetworkArgs = {
        ...a.network,
        target: Target.Gcp,
        profile,
        gcp: { ...a.network?.gcp, region, project: a.network?.gcp?.project ?? a.project },
    };
    const networkPlan = check.nested("gcp.network.", () => planNetwork(`${name}-network`, networkArgs));
    if (networkPlan === undefined) return undefined;
    const names = zoneNames ?? networkPlan.resolved.availabilityZones;
    const zoneCount = names?.length ?? networkPlan.resolved.zones;

    const made: MadeFoundation = {};
    const c = a.cluster?.gcp;
    const existing = c?.existing !== undefined;
    // Nodes in the Network's zones when their names are known (Autopilot and an existing cluster choose their own).
    const nodeZones = existing || c?.autopilot ? c?.availabilityZones : (c?.availabilityZones ?? names);
    const clusterArgs: KubernetesClusterArgs = {
        ...a.cluster,
        target: Target.Gcp,
        profile,
        gcp: {
            ...c,
            region,
            project: c?.project ?? a.project,
            ...(nodeZones !== undefined ? { availabilityZones: nodeZones } : {}),
        },
    };
    const clusterContext: ClusterPlanContext | undefined = existing
        ? undefined
        : {
              gcpNetwork: () => {
                  const network = made.network!;
                  return {
                      network: network.networkSelfLink!,
                      subnetwork: network.subnetworkSelfLink!,
                      podsRangeName: network.podsRangeName!,
                      servicesRangeName: network.servicesRangeName!,
                  };
              },
          };
    const clusterPlan = check.nested("gcp.cluster.", () =>
        planKubernetesCluster(`${name}-cluster`, clusterArgs, clusterContext),
    );
    if (clusterPlan === undefined) return undefined;

    return {
        services: {
            gcp: {
                zoneCount,
                zoneNames: names,
                region,
                project: a.project,
                appServiceAccount: needs.appServiceAccount,
                placement: () => {
                    const network = made.network!;
                    const connection = network.privateServicesConnection;
                    return {
                        // Read through the peering, so a producer waits until it is connected.
                        network: connection
                            ? pulumi.all([network.networkSelfLink!, connection]).apply(([link]) => link)
                            : network.networkSelfLink!,
                        subnetwork: network.subnetworkSelfLink!,
                        availabilityZones: network.zoneNames,
                        privateServicesRangeName: network.privateServicesRangeName,
                        clusterName: made.cluster!.clusterName!,
                    };
                },
            },
        },
        secrets: { ...a.secrets, project: a.secrets?.project ?? a.project },
        regional: (plan) => inPlatformRegion(plan, region),
        create: (parent, platformName) =>
            createFoundation(
                parent,
                platformName,
                { network: [networkArgs, networkPlan], cluster: [clusterArgs, clusterPlan] },
                made,
            ),
    };
}

/** The region of zone names, when they share one (a mix is the Network's to report). */
function zonesRegion(zones: string[] | undefined): string | undefined {
    const regions = [...new Set((zones ?? []).filter((z) => typeof z === "string").map(regionOfZone))];
    return regions.length === 1 ? regions[0] : undefined;
}

/** The ports (and port ranges) of a Platform's managed services on GCP, which its app must be allowed to reach. */
export function gcpServicePorts(on: { postgres: boolean; redis?: ResolvedRedis }): {
    ports: number[];
    ranges: AppTierPortRangeArgs[];
} {
    const redis = on.redis;
    const cluster = redis?.mode === RedisMode.Cluster;
    const redisPorts = !redis
        ? []
        : cluster
          ? [memorystorePorts.discovery]
          : [redis.tls ? memorystorePorts.instanceTls : memorystorePorts.instance];
    return {
        ports: [...(on.postgres ? [postgresPort] : []), ...redisPorts],
        ranges: cluster ? [{ ...memorystorePorts.clusterNodes }] : [],
    };
}
