import {
    CREATED_AT,
    DIGITS,
    EXPIRES_AT,
    Gcp,
    GcpMock,
    HEX,
    LOWER_ALNUM,
    PRIVATE_SERVICES_RANGE,
    BASE64,
    cidrOf,
    ipAt,
    ipInside,
    isObject,
    isZone,
    lastSegment,
    num,
    regionOfLocation,
    str,
    zonesOf,
} from "./gcp-mock-base";
import { UNKNOWN } from "./wire";

/**
 * Mocks of the GCP infrastructure types: compute networking, GKE, Cloud SQL and Memorystore.
 * The conventions (unknown in preview, digests, inputs never replaced) are in gcp-mocks.ts.
 */

// ---------------------------------------------------------------------------------------------
// Compute networking

export function network(g: Gcp): GcpMock {
    const name = g.nameOf();
    const id = `projects/${g.project}/global/networks/${name}`;
    const numeric = g.numericId("network");
    return {
        id,
        values: {
            name,
            selfLink: g.after(g.computeLink(`global/networks/${name}`)),
            networkId: g.after(numeric),
            numericId: g.after(numeric),
            gatewayIpv4: g.after(""),
            internalIpv6Range: g.after(""),
            mtu: g.after(1460),
            routingMode: g.after("REGIONAL"),
            autoCreateSubnetworks: true,
            deleteDefaultRoutesOnCreate: false,
            bgpBestPathSelectionMode: g.after("LEGACY"),
            bgpAlwaysCompareMed: g.after(false),
            bgpInterRegionCost: g.after(""),
        },
    };
}

export function subnetwork(g: Gcp): GcpMock {
    const name = g.nameOf();
    const cidr = cidrOf(g.inputs.ipCidrRange);
    return {
        id: `projects/${g.project}/regions/${g.region}/subnetworks/${name}`,
        values: {
            name,
            selfLink: g.after(g.computeLink(`regions/${g.region}/subnetworks/${name}`)),
            gatewayAddress: g.after(cidr ? ipAt(cidr, 1) : UNKNOWN),
            creationTimestamp: g.after(CREATED_AT),
            fingerprint: g.after(g.chars("fingerprint", 11, BASE64) + "="),
            subnetworkId: g.after(Number(g.numericId("subnetwork").slice(0, 15))),
            // Echoed as given (the key is an input); GCP adds nothing to the secondary ranges.
            secondaryIpRanges: g.after([]),
            stackType: g.after("IPV4_ONLY"),
            purpose: g.after("PRIVATE"),
            state: g.after(""),
            privateIpGoogleAccess: g.after(false),
            privateIpv6GoogleAccess: g.after("DISABLE_GOOGLE_ACCESS"),
            ipv6CidrRange: g.after(""),
            externalIpv6Prefix: g.after(""),
            internalIpv6Prefix: g.after(""),
            ipv6GceEndpoint: g.after(""),
        },
    };
}

export function router(g: Gcp): GcpMock {
    const name = g.nameOf();
    return {
        id: `projects/${g.project}/regions/${g.region}/routers/${name}`,
        values: {
            name,
            selfLink: g.after(g.computeLink(`regions/${g.region}/routers/${name}`)),
            creationTimestamp: g.after(CREATED_AT),
        },
    };
}

export function routerNat(g: Gcp): GcpMock {
    const name = g.nameOf();
    const routerName = lastSegment(str(g.inputs.router) ?? "router");
    return {
        id: `${g.project}/${g.region}/${routerName}/${name}`,
        values: {
            name,
            natIps: g.after([]),
            drainNatIps: g.after([]),
            minPortsPerVm: g.after(64),
            enableDynamicPortAllocation: g.after(false),
            enableEndpointIndependentMapping: g.after(false),
            endpointTypes: g.after(["ENDPOINT_TYPE_VM"]),
            autoNetworkTier: g.after("PREMIUM"),
        },
    };
}

export function globalAddress(g: Gcp): GcpMock {
    const name = g.nameOf();
    const peering = g.inputs.purpose === "VPC_PEERING";
    return {
        id: `projects/${g.project}/global/addresses/${name}`,
        values: {
            name,
            address: g.after(peering ? PRIVATE_SERVICES_RANGE.address : g.publicIp("address")),
            prefixLength: peering ? PRIVATE_SERVICES_RANGE.prefixLength : g.after(0),
            addressType: "EXTERNAL",
            selfLink: g.after(g.computeLink(`global/addresses/${name}`)),
            creationTimestamp: g.after(CREATED_AT),
            labelFingerprint: g.after(g.chars("label-fingerprint", 11, BASE64) + "="),
        },
    };
}

export function firewall(g: Gcp): GcpMock {
    const name = g.nameOf();
    return {
        id: `projects/${g.project}/global/firewalls/${name}`,
        values: {
            name,
            selfLink: g.after(g.computeLink(`global/firewalls/${name}`)),
            creationTimestamp: g.after(CREATED_AT),
            direction: g.after("INGRESS"),
            priority: 1000,
            destinationRanges: g.after([]),
            enableLogging: g.after(false),
        },
    };
}

export function serviceNetworkingConnection(g: Gcp): GcpMock {
    const networkRef = str(g.inputs.network) ?? "network";
    const service = str(g.inputs.service) ?? "servicenetworking.googleapis.com";
    return {
        id: `${encodeURIComponent(g.networkPath(networkRef) ?? networkRef)}:${service}`,
        values: { peering: g.after(service.split(".").join("-")) },
    };
}

// ---------------------------------------------------------------------------------------------
// GKE

/** The GKE version the mock reports (REGULAR channel, early 2026). */
const GKE_VERSION = "1.33.5-gke.1308000";

export function gkeCluster(g: Gcp): GcpMock {
    const name = g.nameOf("name", 40);
    const location = str(g.inputs.location) ?? g.region;
    const id = `projects/${g.project}/locations/${location}/clusters/${name}`;
    const privateConfig = isObject(g.inputs.privateClusterConfig) ? g.inputs.privateClusterConfig : {};
    const masterCidr = cidrOf(privateConfig.masterIpv4CidrBlock);
    const privateEndpoint = masterCidr ? ipAt(masterCidr, 2) : ipInside("10.0.0.0/28", `ep:${g.ctx.urn}`);
    const publicEndpoint = g.publicIp("endpoint");
    const ca = Buffer.from(g.pem("cluster-ca")).toString("base64");
    return {
        id,
        values: {
            name,
            location,
            selfLink: g.after(`https://container.googleapis.com/v1/${id}`),
            endpoint: g.after(privateConfig.enablePrivateEndpoint === true ? privateEndpoint : publicEndpoint),
            masterAuth: g.after({
                clusterCaCertificate: ca,
                clientCertificate: "",
                clientKey: "",
                clientCertificateConfig: { issueClientCertificate: false },
            }),
            privateClusterConfig: {
                privateEndpoint: g.after(privateEndpoint),
                publicEndpoint: g.after(publicEndpoint),
                peeringName: g.after(""),
                masterIpv4CidrBlock: g.after(""),
                masterGlobalAccessConfig: g.after({ enabled: false }),
            },
            // A regional cluster runs over the region's zones; a zonal one lists only extra zones.
            nodeLocations: g.after(isZone(location) ? [] : zonesOf(regionOfLocation(location) ?? g.region)),
            labelFingerprint: g.after(g.chars("label-fingerprint", 8, HEX)),
            masterVersion: g.after(GKE_VERSION),
            nodeVersion: g.after(GKE_VERSION),
            releaseChannel: { channel: "REGULAR" },
            clusterIpv4Cidr: g.after("10.4.0.0/14"),
            servicesIpv4Cidr: g.after("34.118.224.0/20"),
            tpuIpv4CidrBlock: g.after(""),
            operation: g.after(""),
            loggingService: g.after("logging.googleapis.com/kubernetes"),
            monitoringService: g.after("monitoring.googleapis.com/kubernetes"),
            networkingMode: g.after("VPC_NATIVE"),
            datapathProvider: g.after("LEGACY_DATAPATH"),
            defaultMaxPodsPerNode: g.after(110),
            network: g.after(`projects/${g.project}/global/networks/default`),
            subnetwork: g.after(`projects/${g.project}/regions/${g.region}/subnetworks/default`),
        },
    };
}

export function gkeNodePool(g: Gcp): GcpMock {
    const name = g.nameOf("name", 40);
    const clusterRef = str(g.inputs.cluster) ?? "cluster";
    const clusterName = lastSegment(clusterRef);
    const location = str(g.inputs.location) ?? g.region;
    const givenZones = Array.isArray(g.inputs.nodeLocations) ? g.inputs.nodeLocations.map(String) : undefined;
    const zones = givenZones ?? (isZone(location) ? [location] : zonesOf(regionOfLocation(location) ?? g.region));
    const group = (zone: string) =>
        `gke-${clusterName.slice(0, 14)}-${name.slice(0, 14)}-${g.chars(`group:${zone}`, 8, HEX)}`;
    const perNode = num(g.inputs.nodeCount) ?? num(g.inputs.initialNodeCount) ?? 1;
    return {
        id: `projects/${g.project}/locations/${location}/clusters/${clusterName}/nodePools/${name}`,
        values: {
            name,
            location,
            namePrefix: "",
            nodeLocations: g.after(zones),
            instanceGroupUrls: g.after(
                zones.map((z) => g.computeLink(`zones/${z}/instanceGroupManagers/${group(z)}-grp`)),
            ),
            managedInstanceGroupUrls: g.after(
                zones.map((z) => g.computeLink(`zones/${z}/instanceGroups/${group(z)}-grp`)),
            ),
            nodeCount: g.after(perNode),
            initialNodeCount: g.after(perNode),
            version: g.after(GKE_VERSION),
            maxPodsPerNode: g.after(110),
            operation: g.after(""),
            management: { autoRepair: true, autoUpgrade: true },
        },
    };
}

// ---------------------------------------------------------------------------------------------
// Cloud SQL

export function sqlInstance(g: Gcp): GcpMock {
    const name = g.nameOf("name", 98);
    const settings = isObject(g.inputs.settings) ? g.inputs.settings : {};
    const ipConfig = isObject(settings.ipConfiguration) ? settings.ipConfiguration : {};
    const hasPrivate = ipConfig.privateNetwork !== undefined;
    const hasPublic = ipConfig.ipv4Enabled !== false;
    const privateIp = g.privateServicesIp("sql-private");
    const publicIp = g.publicIp("sql-public");
    const ipAddresses = [
        ...(hasPublic ? [{ type: "PRIMARY", ipAddress: publicIp, timeToRetire: "" }] : []),
        ...(hasPrivate ? [{ type: "PRIVATE", ipAddress: privateIp, timeToRetire: "" }] : []),
    ];
    const version = str(g.inputs.databaseVersion) ?? "POSTGRES_16";
    const dnsName = `${g.chars("dns", 12, HEX)}.${g.region}.sql.goog.`;
    const replica = g.inputs.masterInstanceName !== undefined;
    return {
        id: name,
        values: {
            name,
            connectionName: g.after(`${g.project}:${g.region}:${name}`),
            privateIpAddress: g.after(hasPrivate ? privateIp : ""),
            publicIpAddress: g.after(hasPublic ? publicIp : ""),
            ipAddresses: g.after(ipAddresses),
            firstIpAddress: g.after(ipAddresses[0]?.ipAddress ?? ""),
            selfLink: g.after(`https://sqladmin.googleapis.com/sql/v1beta4/projects/${g.project}/instances/${name}`),
            serviceAccountEmailAddress: g.after(
                `p${g.projectNumber}-${g.chars("sa", 6, LOWER_ALNUM)}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
            ),
            serverCaCerts: g.after([
                {
                    cert: g.pem("sql-ca"),
                    commonName: `C=US,O=Google\\, Inc,CN=Google Cloud SQL Server CA,dnQualifier=${g.uuid("ca")}`,
                    createTime: CREATED_AT,
                    expirationTime: EXPIRES_AT,
                    sha1Fingerprint: g.sha1("sql-ca"),
                },
            ]),
            dnsName: g.after(dnsName),
            dnsNames: g.after(
                hasPrivate ? [{ name: dnsName, connectionType: "PRIVATE_SERVICES_ACCESS", dnsScope: "INSTANCE" }] : [],
            ),
            instanceType: g.after(replica ? "READ_REPLICA_INSTANCE" : "CLOUD_SQL_INSTANCE"),
            masterInstanceName: g.after(""),
            replicaNames: g.after([]),
            maintenanceVersion: g.after(`${version}_5.R20260101.00_00`),
            availableMaintenanceVersions: g.after([]),
            encryptionKeyName: g.after(""),
            pscServiceAttachmentLink: g.after(""),
            settings: {
                activationPolicy: "ALWAYS",
                availabilityType: "ZONAL",
                diskType: "PD_SSD",
                pricingPlan: "PER_USE",
                edition: g.after("ENTERPRISE"),
                diskSize: g.after(10),
                version: g.after(1),
            },
        },
    };
}

export function sqlUser(g: Gcp): GcpMock {
    const name = g.nameOf();
    const instance = str(g.inputs.instance) ?? "instance";
    const host = str(g.inputs.host) ?? "";
    return {
        id: `${name}/${host}/${instance}`,
        values: { name, host: "", sqlServerUserDetails: g.after([]) },
        secretOutputs: ["password"],
    };
}

export function sqlDatabase(g: Gcp): GcpMock {
    const name = g.nameOf();
    const instance = str(g.inputs.instance) ?? "instance";
    const path = `projects/${g.project}/instances/${instance}/databases/${name}`;
    return {
        id: path,
        values: {
            name,
            charset: g.after("UTF8"),
            collation: g.after("en_US.UTF8"),
            selfLink: g.after(`https://sqladmin.googleapis.com/sql/v1beta4/${path}`),
        },
    };
}

// ---------------------------------------------------------------------------------------------
// Memorystore

export function redisInstance(g: Gcp): GcpMock {
    const name = g.nameOf("name", 40);
    const tier = str(g.inputs.tier) ?? "BASIC";
    const ha = tier === "STANDARD_HA";
    const readReplicas = g.inputs.readReplicasMode === "READ_REPLICAS_ENABLED";
    const tls = g.inputs.transitEncryptionMode === "SERVER_AUTHENTICATION";
    const auth = g.inputs.authEnabled === true;
    const zone = str(g.inputs.locationId) ?? `${g.region}-b`;
    const reserved = cidrOf(g.inputs.reservedIpRange);
    const host = reserved ? ipInside(reserved, `host:${g.ctx.urn}`) : g.privateServicesIp("redis-host");
    const readEndpoint = reserved ? ipInside(reserved, `read:${g.ctx.urn}`) : g.privateServicesIp("redis-read");
    // With in-transit encryption Memorystore for Redis serves TLS on 6378, else 6379.
    const port = tls ? 6378 : 6379;
    const replicas = num(g.inputs.replicaCount) ?? (ha ? (readReplicas ? 2 : 1) : 0);
    const range = reserved ?? `${host.split(".").slice(0, 3).join(".")}.0/29`;
    return {
        id: `projects/${g.project}/locations/${g.region}/instances/${name}`,
        values: {
            name,
            tier,
            host: g.after(host),
            port: g.after(port),
            currentLocationId: g.after(zone),
            locationId: g.after(zone),
            alternativeLocationId: ha ? g.after(`${g.region}-c`) : g.after(""),
            readReplicasMode: readReplicas ? "READ_REPLICAS_ENABLED" : g.after("READ_REPLICAS_DISABLED"),
            readEndpoint: g.after(readReplicas ? readEndpoint : ""),
            readEndpointPort: g.after(readReplicas ? port : 0),
            replicaCount: g.after(replicas),
            transitEncryptionMode: "DISABLED",
            serverCaCerts: g.after(
                tls
                    ? [
                          {
                              cert: g.pem("redis-ca"),
                              createTime: CREATED_AT,
                              expireTime: EXPIRES_AT,
                              serialNumber: g.chars("serial", 8, DIGITS),
                              sha1Fingerprint: g.sha1("redis-ca"),
                          },
                      ]
                    : [],
            ),
            authEnabled: false,
            authString: g.after(auth ? g.uuid("auth") : ""),
            connectMode: "DIRECT_PEERING",
            authorizedNetwork: g.after(`projects/${g.project}/global/networks/default`),
            reservedIpRange: g.after(range),
            effectiveReservedIpRange: g.after(range),
            secondaryIpRange: g.after(""),
            nodes: g.after(
                Array.from({ length: 1 + replicas }, (_, i) => ({
                    id: `node-${i}`,
                    zone: i === 0 ? zone : `${g.region}-${i % 2 === 1 ? "c" : "d"}`,
                })),
            ),
            persistenceIamIdentity: g.after(
                `serviceAccount:service-${g.projectNumber}@cloud-redis.iam.gserviceaccount.com`,
            ),
            persistenceConfig: { persistenceMode: "DISABLED" },
            redisVersion: g.after("REDIS_7_2"),
            maintenanceVersion: g.after("20260101_00_00"),
            maintenanceSchedules: g.after([]),
            createTime: g.after(CREATED_AT),
        },
        secretOutputs: ["authString"],
    };
}

/** A PSC forwarding rule GCP creates in the consumer project for a Memorystore endpoint. */
function pscConnection(g: Gcp, network: string, index: number) {
    return {
        address: g.privateServicesIp(`psc-${network}-${index}`),
        forwardingRule: g.computeLink(`regions/${g.region}/forwardingRules/sca-auto-fr-${g.uuid(`fr-${index}`)}`),
        network,
        projectId: g.project,
        pscConnectionId: g.numericId(`psc-${network}-${index}`),
    };
}

/** The service attachments of a Memorystore cluster in Google's tenant project. */
function serviceAttachments(g: Gcp, prefix: string, types: string[]) {
    const tenant = `${g.chars("tenant", 12, LOWER_ALNUM)}-tp`;
    return types.map((connectionType, i) => ({
        connectionType,
        serviceAttachment: `projects/${tenant}/regions/${g.region}/serviceAttachments/${prefix}-${g.uuid(`sa-${i}`)}`,
    }));
}

function managedServerCas(g: Gcp, tls: boolean) {
    return tls ? [{ caCerts: [{ certificates: [g.pem("managed-ca")] }] }] : [];
}

/** Node sizes (GB) of the Memorystore node types. */
const nodeSizes: Record<string, number> = {
    REDIS_SHARED_CORE_NANO: 1.4,
    REDIS_STANDARD_SMALL: 6.5,
    REDIS_HIGHMEM_MEDIUM: 13,
    REDIS_HIGHMEM_XLARGE: 58,
    SHARED_CORE_NANO: 1.4,
    STANDARD_SMALL: 6.5,
    HIGHMEM_MEDIUM: 13,
    HIGHMEM_XLARGE: 58,
};

export function redisCluster(g: Gcp): GcpMock {
    const name = g.nameOf("name", 63);
    const configs: unknown[] = Array.isArray(g.inputs.pscConfigs) ? g.inputs.pscConfigs : [];
    const networks = configs
        .map((c) => (isObject(c) ? g.networkPath(c.network) : undefined))
        .filter((n): n is string => n !== undefined);
    const tls = g.inputs.transitEncryptionMode === "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION";
    const nodeType = str(g.inputs.nodeType) ?? "REDIS_HIGHMEM_MEDIUM";
    const shards = num(g.inputs.shardCount) ?? 1;
    const replicas = num(g.inputs.replicaCount) ?? 0;
    const size = (nodeSizes[nodeType] ?? 13) * shards * (1 + replicas);
    const connections = networks.flatMap((n) => [pscConnection(g, n, 0), pscConnection(g, n, 1)]);
    return {
        id: `projects/${g.project}/locations/${g.region}/clusters/${name}`,
        values: {
            name,
            discoveryEndpoints: g.after(
                networks.map((n, i) => ({
                    address: connections[2 * i].address,
                    port: 6379,
                    pscConfig: { network: n },
                })),
            ),
            pscConnections: g.after(connections),
            pscServiceAttachments: g.after(
                serviceAttachments(g, "gcp-memorystore-redis-auto", [
                    "CONNECTION_TYPE_DISCOVERY",
                    "CONNECTION_TYPE_PRIMARY",
                ]),
            ),
            state: g.after("ACTIVE"),
            stateInfos: g.after([]),
            uid: g.after(g.uuid("uid")),
            createTime: g.after(CREATED_AT),
            nodeType,
            replicaCount: 0,
            authorizationMode: "AUTH_MODE_DISABLED",
            transitEncryptionMode: "TRANSIT_ENCRYPTION_MODE_DISABLED",
            zoneDistributionConfig: { mode: "MULTI_ZONE" },
            sizeGb: g.after(Math.ceil(size)),
            preciseSizeGb: g.after(size),
            managedServerCas: g.after(managedServerCas(g, tls)),
            serverCaMode: g.after("SERVER_CA_MODE_GOOGLE_MANAGED_PER_INSTANCE_CA"),
            maintenanceSchedules: g.after([]),
            availableMaintenanceVersions: g.after([]),
            effectiveMaintenanceVersion: g.after("MEMORYSTORE_20260101_00_00"),
            backupCollection: g.after(""),
            isAclPolicyInSync: g.after(false),
            persistenceConfig: g.after({ mode: "DISABLED" }),
        },
    };
}

/** Memorystore for Valkey (`gcp.memorystore.Instance`): PSC auto-connections per desired network. */
export function valkeyInstance(g: Gcp): GcpMock {
    const instanceId = String(g.autoName("instanceId", 63));
    const location = str(g.inputs.location) ?? g.region;
    const path = `projects/${g.project}/locations/${location}/instances/${instanceId}`;
    const desired: unknown[] = [
        ...(Array.isArray(g.inputs.desiredAutoCreatedEndpoints) ? g.inputs.desiredAutoCreatedEndpoints : []),
        ...(Array.isArray(g.inputs.desiredPscAutoConnections) ? g.inputs.desiredPscAutoConnections : []),
    ];
    const targets = desired
        .filter(isObject)
        .map((d) => ({ network: g.networkPath(d.network), projectId: str(d.projectId) ?? g.project }))
        .filter((d): d is { network: string; projectId: string } => d.network !== undefined);
    const clustered = (str(g.inputs.mode) ?? "CLUSTER") === "CLUSTER";
    const types = clustered ? ["CONNECTION_TYPE_DISCOVERY"] : ["CONNECTION_TYPE_PRIMARY", "CONNECTION_TYPE_READER"];
    const attachments = serviceAttachments(g, "gcp-memorystore-auto", types);
    const auto = targets.flatMap((t, ti) =>
        types.map((connectionType, i) => ({
            connectionType,
            forwardingRule: g.computeLink(`regions/${g.region}/forwardingRules/sca-auto-fr-${g.uuid(`fr-${ti}-${i}`)}`),
            ipAddress: g.privateServicesIp(`psc-${ti}-${i}`),
            network: t.network,
            port: 6379,
            projectId: t.projectId,
            pscConnectionId: g.numericId(`psc-${ti}-${i}`),
            pscConnectionStatus: "ACTIVE",
            serviceAttachment: attachments[i].serviceAttachment,
        })),
    );
    const tls = g.inputs.transitEncryptionMode === "SERVER_AUTHENTICATION";
    const nodeType = str(g.inputs.nodeType) ?? "HIGHMEM_MEDIUM";
    return {
        id: path,
        values: {
            instanceId,
            location,
            name: g.after(path),
            mode: "CLUSTER",
            engineVersion: g.after("VALKEY_8_0"),
            discoveryEndpoints: g.after(
                clustered ? auto.map((c) => ({ address: c.ipAddress, port: c.port, network: c.network })) : [],
            ),
            pscAutoConnections: g.after(auto),
            endpoints: g.after(
                auto.length === 0
                    ? []
                    : [{ connections: auto.map(({ pscConnectionStatus: _, ...c }) => ({ pscAutoConnection: c })) }],
            ),
            pscAttachmentDetails: g.after(attachments),
            state: g.after("ACTIVE"),
            stateInfos: g.after([]),
            uid: g.after(g.uuid("uid")),
            createTime: g.after(CREATED_AT),
            updateTime: g.after(CREATED_AT),
            nodeType,
            nodeConfigs: g.after([{ sizeGb: nodeSizes[nodeType] ?? 13 }]),
            replicaCount: g.after(0),
            authorizationMode: "AUTH_DISABLED",
            transitEncryptionMode: "TRANSIT_ENCRYPTION_DISABLED",
            zoneDistributionConfig: { mode: "MULTI_ZONE" },
            managedServerCas: g.after(managedServerCas(g, tls)),
            serverCaMode: g.after("SERVER_CA_MODE_GOOGLE_MANAGED_PER_INSTANCE_CA"),
            persistenceConfig: g.after({ mode: "DISABLED" }),
            maintenanceSchedules: g.after([]),
            availableMaintenanceVersions: g.after([]),
            effectiveMaintenanceVersion: g.after("MEMORYSTORE_20260101_00_00"),
            backupCollection: g.after(""),
            isAclPolicyInSync: g.after(false),
        },
    };
}
