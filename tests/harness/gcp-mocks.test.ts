import * as assert from "assert";
import * as gcp from "@pulumi/gcp";
import { PRIVATE_SERVICES_RANGE, gcpTypes, projectNumber } from "../../scripts/harness/gcp-mocks";
import { cidrContains } from "../../scripts/harness/gcp-mock-base";
import { RecordedResource, RunOptions, runProgram } from "../../scripts/harness/mock-engine";
import { UNKNOWN, isSecret, plain } from "../../scripts/harness/wire";
import { one } from "../helpers";

// What these tests prove: the shapes and formats the mock engine answers for the GCP resources and
// functions the GCP target uses (ids, self links, private IPs, connection names, discovery
// endpoints, GKE endpoint and CA, unknowns in preview, secret outputs), written from the
// pulumi-gcp v9 type definitions and GCP's documented formats. What they do not prove: that GCP
// returns exactly these values (the "random" parts are digests), nor that any backend uses them.

const G = {
    Network: "gcp:compute/network:Network",
    Subnetwork: "gcp:compute/subnetwork:Subnetwork",
    Router: "gcp:compute/router:Router",
    RouterNat: "gcp:compute/routerNat:RouterNat",
    GlobalAddress: "gcp:compute/globalAddress:GlobalAddress",
    Firewall: "gcp:compute/firewall:Firewall",
    Connection: "gcp:servicenetworking/connection:Connection",
    Cluster: "gcp:container/cluster:Cluster",
    NodePool: "gcp:container/nodePool:NodePool",
    Sql: "gcp:sql/databaseInstance:DatabaseInstance",
    SqlUser: "gcp:sql/user:User",
    SqlDatabase: "gcp:sql/database:Database",
    Redis: "gcp:redis/instance:Instance",
    RedisCluster: "gcp:redis/cluster:Cluster",
    Valkey: "gcp:memorystore/instance:Instance",
    Policy: "gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy",
    Bucket: "gcp:storage/bucket:Bucket",
    BucketMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
    HmacKey: "gcp:storage/hmacKey:HmacKey",
    Account: "gcp:serviceaccount/account:Account",
    KeyRing: "gcp:kms/keyRing:KeyRing",
    CryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    Secret: "gcp:secretmanager/secret:Secret",
    SecretVersion: "gcp:secretmanager/secretVersion:SecretVersion",
} as const;

const PROJECT = "pulumi-ha-demo";
const REGION = "europe-west1";
const RANGE = `${PRIVATE_SERVICES_RANGE.address}/${PRIVATE_SERVICES_RANGE.prefixLength}`;
const out = (r: RecordedResource): any => plain(r.outputs);

async function both(program: () => unknown, opts: RunOptions = {}) {
    return {
        preview: await runProgram(program, { ...opts, preview: true }),
        update: await runProgram(program, { ...opts, preview: false }),
    };
}

/** A VPC with private services access, as the GCP Network component builds it. */
const network = () => {
    const vpc = new gcp.compute.Network("vpc", { autoCreateSubnetworks: false });
    new gcp.compute.Subnetwork("nodes", {
        network: vpc.id,
        ipCidrRange: "10.0.0.0/20",
        secondaryIpRanges: [
            { rangeName: "pods", ipCidrRange: "10.4.0.0/14" },
            { rangeName: "services", ipCidrRange: "10.8.0.0/20" },
        ],
    });
    const router = new gcp.compute.Router("router", { network: vpc.id });
    new gcp.compute.RouterNat("nat", {
        router: router.name,
        natIpAllocateOption: "AUTO_ONLY",
        sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
    });
    const range = new gcp.compute.GlobalAddress("psa", {
        purpose: "VPC_PEERING",
        addressType: "INTERNAL",
        prefixLength: 16,
        network: vpc.id,
    });
    new gcp.servicenetworking.Connection("psa", {
        network: vpc.id,
        service: "servicenetworking.googleapis.com",
        reservedPeeringRanges: [range.name],
    });
    new gcp.compute.Firewall("allow-internal", {
        network: vpc.name,
        allows: [{ protocol: "tcp" }],
        sourceRanges: ["10.0.0.0/8"],
    });
    return vpc;
};

const data = () => {
    const vpc = network();
    const sql = new gcp.sql.DatabaseInstance("pg", {
        databaseVersion: "POSTGRES_16",
        settings: {
            tier: "db-custom-2-7680",
            availabilityType: "REGIONAL",
            ipConfiguration: { ipv4Enabled: false, privateNetwork: vpc.id },
        },
    });
    new gcp.sql.User("app", { instance: sql.name, password: "s3cret" });
    new gcp.sql.Database("app", { instance: sql.name });
    new gcp.redis.Instance("cache", {
        memorySizeGb: 1,
        tier: "STANDARD_HA",
        readReplicasMode: "READ_REPLICAS_ENABLED",
        replicaCount: 1,
        authEnabled: true,
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        connectMode: "PRIVATE_SERVICE_ACCESS",
        authorizedNetwork: vpc.id,
    });
    new gcp.redis.Cluster("rc", { shardCount: 3, replicaCount: 1, pscConfigs: [{ network: vpc.id }] });
    new gcp.memorystore.Instance("vk", {
        instanceId: "vk",
        location: REGION,
        shardCount: 1,
        desiredAutoCreatedEndpoints: [{ network: vpc.id, projectId: PROJECT }],
    });
};

const gke = () => {
    const cluster = new gcp.container.Cluster("gke", {
        location: REGION,
        initialNodeCount: 1,
        removeDefaultNodePool: true,
        privateClusterConfig: { enablePrivateNodes: true, masterIpv4CidrBlock: "172.16.0.0/28" },
        workloadIdentityConfig: { workloadPool: `${PROJECT}.svc.id.goog` },
    });
    new gcp.container.NodePool("pool", {
        cluster: cluster.name,
        location: REGION,
        nodeCount: 1,
        nodeLocations: ["europe-west1-b", "europe-west1-c", "europe-west1-d"],
    });
};

const storage = () => {
    const bucket = new gcp.storage.Bucket("files", { location: "eu", uniformBucketLevelAccess: true });
    const sa = new gcp.serviceaccount.Account("app", { accountId: "app-files" });
    new gcp.storage.BucketIAMMember("app", {
        bucket: bucket.name,
        role: "roles/storage.objectUser",
        member: sa.member,
    });
    new gcp.storage.HmacKey("s3", { serviceAccountEmail: sa.email });
    const ring = new gcp.kms.KeyRing("ring", { location: REGION });
    new gcp.kms.CryptoKey("key", { keyRing: ring.id, rotationPeriod: "7776000s", labels: { team: "a" } });
    const secret = new gcp.secretmanager.Secret("db", { secretId: "db-password", replication: { auto: {} } });
    new gcp.secretmanager.SecretVersion("db", { secret: secret.id, secretData: "hunter2" });
};

describe("harness: GCP mocks", () => {
    it("mocks only tokens the installed pulumi-gcp defines", () => {
        for (const token of Object.keys(gcpTypes)) {
            const [, mod, cls] = token.split(/[:/]/).filter((_, i) => i !== 2);
            const ctor = (gcp as any)[mod]?.[cls];
            assert.strictEqual(ctor?.__pulumiType, token, `${token} is not a resource of @pulumi/gcp`);
        }
    });

    it("answers the VPC with GCP ids, self links and private services access (update)", async () => {
        const run = await runProgram(() => {
            network();
        });
        const vpc = one(run, G.Network);
        const name = out(vpc).name;
        assert.match(name, /^vpc-[0-9a-f]{7}$/, "auto-named like pulumi-gcp");
        assert.strictEqual(vpc.id, `projects/${PROJECT}/global/networks/${name}`);
        assert.strictEqual(
            out(vpc).selfLink,
            `https://www.googleapis.com/compute/v1/projects/${PROJECT}/global/networks/${name}`,
        );
        assert.strictEqual(out(vpc).autoCreateSubnetworks, false, "an input is never replaced");
        assert.strictEqual(out(vpc).project, PROJECT);

        const subnet = out(one(run, G.Subnetwork));
        assert.strictEqual(subnet.gatewayAddress, "10.0.0.1");
        assert.strictEqual(subnet.region, REGION);
        assert.strictEqual(subnet.network, vpc.id, "a reference resolves to the network's id");
        assert.deepStrictEqual(
            subnet.secondaryIpRanges.map((r: any) => r.rangeName),
            ["pods", "services"],
            "secondary ranges echo",
        );
        assert.match(subnet.selfLink, new RegExp(`/projects/${PROJECT}/regions/${REGION}/subnetworks/nodes-`));

        const router = one(run, G.Router);
        assert.strictEqual(router.id, `projects/${PROJECT}/regions/${REGION}/routers/${out(router).name}`);
        const nat = one(run, G.RouterNat);
        assert.strictEqual(nat.id, `${PROJECT}/${REGION}/${out(router).name}/${out(nat).name}`);

        const range = out(one(run, G.GlobalAddress));
        assert.strictEqual(range.address, PRIVATE_SERVICES_RANGE.address);
        assert.strictEqual(range.prefixLength, 16);
        assert.deepStrictEqual(range.effectiveLabels, { "goog-pulumi-provisioned": "true" });

        const connection = one(run, G.Connection);
        assert.strictEqual(out(connection).peering, "servicenetworking-googleapis-com");
        assert.deepStrictEqual(out(connection).reservedPeeringRanges, [range.name]);

        const fw = one(run, G.Firewall);
        assert.strictEqual(fw.id, `projects/${PROJECT}/global/firewalls/${out(fw).name}`);
        assert.strictEqual(out(fw).direction, "INGRESS");
    });

    it("gives Cloud SQL a connection name, a private IP in the allocated range and CA certs", async () => {
        const run = await runProgram(data);
        const pg = out(one(run, G.Sql));
        assert.match(pg.name, /^pg-[0-9a-f]{7}$/);
        assert.strictEqual(pg.connectionName, `${PROJECT}:${REGION}:${pg.name}`);
        assert.ok(cidrContains(RANGE, pg.privateIpAddress), `${pg.privateIpAddress} is inside ${RANGE}`);
        assert.deepStrictEqual(pg.ipAddresses, [{ type: "PRIVATE", ipAddress: pg.privateIpAddress, timeToRetire: "" }]);
        assert.strictEqual(pg.firstIpAddress, pg.privateIpAddress);
        assert.strictEqual(pg.publicIpAddress, "");
        assert.strictEqual(
            pg.selfLink,
            `https://sqladmin.googleapis.com/sql/v1beta4/projects/${PROJECT}/instances/${pg.name}`,
        );
        assert.match(
            pg.serviceAccountEmailAddress,
            /^p\d{12}-[a-z0-9]{6}@gcp-sa-cloud-sql\.iam\.gserviceaccount\.com$/,
        );
        assert.match(pg.serverCaCerts[0].cert, /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
        assert.match(pg.dnsName, new RegExp(`^[0-9a-f]{12}\\.${REGION}\\.sql\\.goog\\.$`));
        assert.strictEqual(pg.settings.availabilityType, "REGIONAL", "an input is never replaced");
        assert.strictEqual(pg.region, REGION);

        const user = one(run, G.SqlUser);
        assert.ok(isSecret(user.outputs.password), "the user's password is secret");
        assert.strictEqual(user.id, `app-${out(user).name.slice(4)}//${pg.name}`);
        const db = one(run, G.SqlDatabase);
        assert.strictEqual(db.id, `projects/${PROJECT}/instances/${pg.name}/databases/${out(db).name}`);
    });

    it("gives Memorystore for Redis a host, read endpoint, CA, AUTH string (secret) and zones", async () => {
        const run = await runProgram(data);
        const redis = one(run, G.Redis);
        const r = out(redis);
        assert.strictEqual(redis.id, `projects/${PROJECT}/locations/${REGION}/instances/${r.name}`);
        assert.ok(cidrContains(RANGE, r.host));
        assert.ok(cidrContains(RANGE, r.readEndpoint));
        assert.notStrictEqual(r.readEndpoint, r.host);
        assert.strictEqual(r.port, 6378, "TLS (SERVER_AUTHENTICATION) serves on 6378");
        assert.strictEqual(r.readEndpointPort, 6378);
        assert.strictEqual(r.currentLocationId, `${REGION}-b`);
        assert.strictEqual(r.alternativeLocationId, `${REGION}-c`);
        assert.strictEqual(r.serverCaCerts.length, 1);
        assert.match(r.serverCaCerts[0].cert, /^-----BEGIN CERTIFICATE-----/);
        assert.ok(isSecret(redis.outputs.authString), "authString is secret");
        assert.match(r.authString, /^[0-9a-f-]{36}$/);
        assert.strictEqual(r.nodes.length, 2);

        const plainRedis = await runProgram(() => {
            new gcp.redis.Instance("basic", { memorySizeGb: 1 });
        });
        const b = out(one(plainRedis, G.Redis));
        assert.deepStrictEqual([b.port, b.readEndpoint, b.readEndpointPort, b.authString], [6379, "", 0, ""]);
        assert.deepStrictEqual(b.serverCaCerts, []);
    });

    it("gives Redis Cluster and Valkey PSC discovery endpoints on the given network", async () => {
        const run = await runProgram(data);
        const vpcId = one(run, G.Network).id;
        const rc = out(one(run, G.RedisCluster));
        assert.strictEqual(rc.state, "ACTIVE");
        assert.match(rc.uid, /^[0-9a-f-]{36}$/);
        assert.strictEqual(rc.discoveryEndpoints.length, 1);
        assert.strictEqual(rc.discoveryEndpoints[0].port, 6379);
        assert.ok(cidrContains(RANGE, rc.discoveryEndpoints[0].address));
        assert.deepStrictEqual(rc.discoveryEndpoints[0].pscConfig, { network: vpcId });
        assert.strictEqual(rc.pscConnections.length, 2);
        assert.strictEqual(rc.pscConnections[0].address, rc.discoveryEndpoints[0].address);
        assert.strictEqual(rc.replicaCount, 1, "an input is never replaced");
        assert.strictEqual(rc.sizeGb, 13 * 3 * 2);

        const vk = one(run, G.Valkey);
        const v = out(vk);
        assert.strictEqual(vk.id, `projects/${PROJECT}/locations/${REGION}/instances/vk`);
        assert.strictEqual(v.name, vk.id);
        assert.strictEqual(v.discoveryEndpoints.length, 1);
        assert.deepStrictEqual([v.discoveryEndpoints[0].network, v.discoveryEndpoints[0].port], [vpcId, 6379]);
        assert.strictEqual(v.pscAutoConnections[0].connectionType, "CONNECTION_TYPE_DISCOVERY");
        assert.strictEqual(v.pscAutoConnections[0].ipAddress, v.discoveryEndpoints[0].address);
        assert.strictEqual(v.endpoints[0].connections[0].pscAutoConnection.ipAddress, v.discoveryEndpoints[0].address);
    });

    it("gives a service connection policy GCP's id and PSC infrastructure, unknown in preview", async () => {
        const policy = () => {
            const vpc = network();
            new gcp.networkconnectivity.ServiceConnectionPolicy("psc", {
                location: REGION,
                serviceClass: "gcp-memorystore-redis",
                network: vpc.id,
                pscConfig: { subnetworks: ["projects/p/regions/europe-west1/subnetworks/s"] },
                labels: { team: "a" },
            });
        };
        const { preview, update } = await both(policy);
        const p = one(update, G.Policy);
        const o = out(p);
        assert.match(o.name, /^psc-[0-9a-f]{7}$/);
        assert.strictEqual(p.id, `projects/${PROJECT}/locations/${REGION}/serviceConnectionPolicies/${o.name}`);
        assert.deepStrictEqual([o.infrastructure, o.pscConnections, o.project], ["PSC", [], PROJECT]);
        assert.strictEqual(o.serviceClass, "gcp-memorystore-redis", "an input is never replaced");
        assert.deepStrictEqual(o.effectiveLabels, { team: "a", "goog-pulumi-provisioned": "true" });
        assert.strictEqual(out(one(preview, G.Policy)).infrastructure, UNKNOWN);
    });

    it("gives a regional GKE cluster an endpoint, a base64 PEM CA and node pools per zone", async () => {
        const run = await runProgram(gke);
        const cluster = one(run, G.Cluster);
        const c = out(cluster);
        assert.strictEqual(cluster.id, `projects/${PROJECT}/locations/${REGION}/clusters/${c.name}`);
        assert.strictEqual(c.selfLink, `https://container.googleapis.com/v1/${cluster.id}`);
        assert.match(c.endpoint, /^34\.\d+\.\d+\.\d+$/);
        assert.strictEqual(c.privateClusterConfig.privateEndpoint, "172.16.0.2");
        assert.strictEqual(c.privateClusterConfig.enablePrivateNodes, true);
        const ca = Buffer.from(c.masterAuth.clusterCaCertificate, "base64").toString();
        assert.match(ca, /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
        assert.strictEqual(c.location, REGION);
        assert.deepStrictEqual(c.nodeLocations, ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
        assert.match(c.labelFingerprint, /^[0-9a-f]{8}$/);
        assert.deepStrictEqual(c.workloadIdentityConfig, { workloadPool: `${PROJECT}.svc.id.goog` });

        const pool = one(run, G.NodePool);
        const p = out(pool);
        assert.strictEqual(pool.id, `projects/${PROJECT}/locations/${REGION}/clusters/${c.name}/nodePools/${p.name}`);
        assert.strictEqual(p.instanceGroupUrls.length, 3);
        assert.match(
            p.instanceGroupUrls[1],
            new RegExp(
                `^https://www\\.googleapis\\.com/compute/v1/projects/${PROJECT}/zones/europe-west1-c/instanceGroupManagers/gke-`,
            ),
        );
        assert.match(p.managedInstanceGroupUrls[0], /\/zones\/europe-west1-b\/instanceGroups\/gke-.*-grp$/);
    });

    it("answers storage, IAM, KMS and Secret Manager; the HMAC secret is secret", async () => {
        const run = await runProgram(storage);
        const bucket = one(run, G.Bucket);
        const b = out(bucket);
        assert.match(b.name, /^files-[0-9a-f]{7}$/);
        assert.strictEqual(bucket.id, b.name);
        assert.strictEqual(b.url, `gs://${b.name}`);
        assert.strictEqual(b.selfLink, `https://www.googleapis.com/storage/v1/b/${b.name}`);
        assert.strictEqual(b.location, "EU", "GCS reports locations upper-case");
        assert.strictEqual(b.projectNumber, Number(projectNumber(PROJECT)));

        const sa = one(run, G.Account);
        const email = `app-files@${PROJECT}.iam.gserviceaccount.com`;
        assert.strictEqual(out(sa).email, email);
        assert.strictEqual(sa.id, `projects/${PROJECT}/serviceAccounts/${email}`);
        assert.match(out(sa).uniqueId, /^\d{21}$/);
        const member = one(run, G.BucketMember);
        assert.strictEqual(member.id, `b/${b.name} roles/storage.objectUser serviceAccount:${email}`);

        const hmac = one(run, G.HmacKey);
        assert.ok(isSecret(hmac.outputs.secret), "the HMAC secret is a Pulumi secret");
        assert.match(out(hmac).accessId, /^GOOG1E[A-Z0-9]{55}$/);
        assert.strictEqual(out(hmac).serviceAccountEmail, email);

        const ring = one(run, G.KeyRing);
        assert.strictEqual(ring.id, `projects/${PROJECT}/locations/${REGION}/keyRings/${out(ring).name}`);
        const key = one(run, G.CryptoKey);
        assert.strictEqual(key.id, `${ring.id}/cryptoKeys/${out(key).name}`);
        assert.deepStrictEqual(out(key).effectiveLabels, { team: "a", "goog-pulumi-provisioned": "true" });

        const number = projectNumber(PROJECT);
        const secret = one(run, G.Secret);
        assert.strictEqual(secret.id, `projects/${PROJECT}/secrets/db-password`);
        assert.strictEqual(out(secret).name, `projects/${number}/secrets/db-password`);
        const version = one(run, G.SecretVersion);
        assert.strictEqual(out(version).name, `projects/${number}/secrets/db-password/versions/1`);
        assert.strictEqual(out(version).version, "1");
        assert.ok(isSecret(version.outputs.secretData), "secretData stays secret");
    });

    it("leaves what GCP assigns at create unknown in preview, and keeps names, project and region", async () => {
        const { preview, update } = await both(data);
        const pg = out(one(preview, G.Sql));
        for (const key of ["connectionName", "privateIpAddress", "selfLink", "serverCaCerts", "ipAddresses"]) {
            assert.strictEqual(pg[key], UNKNOWN, `sql ${key} is unknown in preview`);
        }
        assert.strictEqual(pg.name, out(one(update, G.Sql)).name, "the auto-name is known in preview");
        assert.strictEqual(pg.region, REGION);
        assert.strictEqual(pg.project, PROJECT);
        assert.strictEqual(pg.databaseVersion, "POSTGRES_16", "inputs stay known");
        const redis = one(preview, G.Redis);
        assert.strictEqual(out(redis).host, UNKNOWN);
        assert.strictEqual(out(redis).authorizedNetwork, UNKNOWN, "a reference to an unknown id is unknown");
        assert.ok(isSecret(redis.outputs.authString));
        assert.strictEqual(out(one(preview, G.RedisCluster)).discoveryEndpoints, UNKNOWN);
        assert.strictEqual(one(preview, G.Network).id, undefined);
        const gkePreview = await runProgram(gke, { preview: true });
        assert.strictEqual(out(one(gkePreview, G.Cluster)).endpoint, UNKNOWN);
        assert.strictEqual(out(one(gkePreview, G.Cluster)).masterAuth, UNKNOWN);
    });

    it("gives the same values on every run (digests, not randomness)", async () => {
        const program = () => {
            data();
            gke();
            storage();
        };
        const first = await runProgram(program);
        const second = await runProgram(program);
        assert.deepStrictEqual(
            first.resources.map((r) => [r.id, r.outputs]),
            second.resources.map((r) => [r.id, r.outputs]),
        );
    });

    it("takes project and region from the resource, then gcp:project / gcp:region", async () => {
        const config = { "gcp:project": "acme-prod", "gcp:region": "us-central1" };
        const run = await runProgram(
            () => {
                new gcp.sql.DatabaseInstance("a", {
                    databaseVersion: "POSTGRES_16",
                    settings: { tier: "db-f1-micro" },
                });
                new gcp.sql.DatabaseInstance("b", {
                    databaseVersion: "POSTGRES_16",
                    region: "europe-west4",
                    project: "other",
                    settings: { tier: "db-f1-micro" },
                });
                new gcp.redis.Instance("c", { memorySizeGb: 1, locationId: "asia-east1-a" });
            },
            { config },
        );
        const [a, b] = run.resources.filter((r) => r.type === G.Sql).map(out);
        assert.strictEqual(a.connectionName, `acme-prod:us-central1:${a.name}`);
        assert.deepStrictEqual([a.project, a.region], ["acme-prod", "us-central1"]);
        assert.strictEqual(b.connectionName, `other:europe-west4:${b.name}`);
        assert.ok(
            a.ipAddresses.some((ip: any) => ip.type === "PRIMARY"),
            "public IP unless ipv4Enabled is false",
        );
        const c = out(one(run, G.Redis));
        assert.deepStrictEqual([c.region, c.currentLocationId], ["asia-east1", "asia-east1-a"]);
    });

    it("answers the zones, project and client config invokes from the stack config", async () => {
        const config = { "gcp:project": "acme-prod", "gcp:region": "europe-west4" };
        const run = await runProgram(
            async () => {
                const zones = await gcp.compute.getZones({});
                const west1 = await gcp.compute.getZones({ region: REGION });
                const project = await gcp.organizations.getProject({});
                const client = await gcp.organizations.getClientConfig({});
                return { zones, west1, project, client };
            },
            { config },
        );
        const s = run.stackOutputs as any;
        assert.deepStrictEqual(s.zones.names, ["europe-west4-a", "europe-west4-b", "europe-west4-c"]);
        assert.deepStrictEqual([s.zones.region, s.zones.project], ["europe-west4", "acme-prod"]);
        assert.deepStrictEqual(s.west1.names, ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
        assert.deepStrictEqual([s.project.projectId, s.project.number], ["acme-prod", projectNumber("acme-prod")]);
        assert.match(s.project.number, /^[1-9]\d{11}$/);
        assert.deepStrictEqual([s.client.project, s.client.region], ["acme-prod", "europe-west4"]);
        assert.ok(s.client.accessToken.length > 0);
        assert.deepStrictEqual(run.calls, [
            "gcp:compute/getZones:getZones",
            "gcp:compute/getZones:getZones",
            "gcp:organizations/getProject:getProject",
            "gcp:organizations/getClientConfig:getClientConfig",
        ]);
    });
});
