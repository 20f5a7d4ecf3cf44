import * as infra from "./gcp-mock-infra";
import type { MockContext, MockedResource } from "./mocks";
import {
    BASE64,
    CREATED_AT,
    DIGITS,
    Gcp,
    GcpMock,
    HEX,
    UPPER_ALNUM,
    configured,
    configuredProject,
    configuredRegion,
    fillMissing,
    lastSegment,
    projectNumber,
    str,
    zonesOf,
} from "./gcp-mock-base";
import { plain } from "./wire";

export {
    DEFAULT_GCP_PROJECT,
    DEFAULT_GCP_REGION,
    PRIVATE_SERVICES_RANGE,
    projectNumber,
    zonesOf,
} from "./gcp-mock-base";

/**
 * Computed outputs of the pulumi-gcp (v9) resources and functions the GCP target uses, shaped as
 * the provider returns them (output names from the package's type definitions), so that the
 * offline plan never contacts GCP:
 *
 * - In preview, what GCP assigns at create (self links, ids, IPs, endpoints, certificates,
 *   generated identifiers) is unknown. What the provider's Check computes stays known: auto-names
 *   (`name-1a2b3c4`), `project`, `region`, labels.
 * - In update, realistic values: project from `gcp:project` (else "pulumi-ha-demo") with a
 *   deterministic project number, the resource's region (`region`, else the region of its
 *   `location`, else `gcp:region`, else "europe-west1"), GCP's id and URL formats, private IPs
 *   of Cloud SQL and Memorystore inside {@link PRIVATE_SERVICES_RANGE} (10.100.0.0/16, the
 *   address a VPC_PEERING GlobalAddress gets when none is given), connection names
 *   `PROJECT:REGION:INSTANCE`, PSC discovery endpoints, a GKE endpoint and base64 PEM-shaped CA.
 *   Every "random" part is a digest of the URN, so two runs record the same values.
 * - A computed value never replaces an input (only where GCP normalises it: a bucket's location
 *   is reported upper-case), so inputs keep their secret markers and exact shapes.
 * - Secrets the provider marks sensitive are secret: HmacKey.secret, redis authString,
 *   SecretVersion.secretData, sql User.password.
 *
 * What they prove: that programs and policies read the outputs GCP's provider really has, in
 * its formats. What they do not prove: that GCP returns exactly these values (the random parts
 * are digests; certificates are PEM-shaped, not valid), that the mock follows references across
 * resources (an instance's private IP is in the default range even if its network's allocated
 * range is another one), nor which provider object a resource uses (its project or region).
 */

// ---------------------------------------------------------------------------------------------
// Cloud Storage

/** Multi-regions and predefined dual-regions (GCS reports them, like all locations, upper-case). */
const multiRegions = new Set(["ASIA", "EU", "US", "ASIA1", "EUR4", "EUR5", "EUR7", "EUR8", "NAM4"]);

function bucket(g: Gcp): GcpMock {
    const name = g.nameOf("name", 63);
    const location = str(g.inputs.location);
    const multi =
        location !== undefined && (multiRegions.has(location.toUpperCase()) || !!g.inputs.customPlacementConfig);
    return {
        id: name,
        values: {
            name,
            url: g.after(`gs://${name}`),
            selfLink: g.after(`https://www.googleapis.com/storage/v1/b/${name}`),
            projectNumber: g.after(Number(g.projectNumber)),
            storageClass: "STANDARD",
            publicAccessPrevention: g.after("inherited"),
            uniformBucketLevelAccess: g.after(false),
            rpo: g.after(multi ? "DEFAULT" : ""),
            versioning: g.after({ enabled: false }),
            softDeletePolicy: g.after({ retentionDurationSeconds: 604800, effectiveTime: CREATED_AT }),
            timeCreated: g.after(CREATED_AT),
            updated: g.after(CREATED_AT),
        },
        replaces: location !== undefined ? { location: location.toUpperCase() } : undefined,
    };
}

function bucketObject(g: Gcp): GcpMock {
    const name = g.nameOf("name", 1024);
    const bucketName = str(g.inputs.bucket) ?? "bucket";
    const md5 = Buffer.from(g.chars("md5", 32, HEX), "hex");
    const generation = Number(`17${g.chars("generation", 14, DIGITS)}`);
    const encoded = encodeURIComponent(name);
    return {
        id: `${bucketName}-${name}`,
        values: {
            name,
            outputName: g.after(name),
            selfLink: g.after(`https://www.googleapis.com/storage/v1/b/${bucketName}/o/${encoded}`),
            mediaLink: g.after(
                `https://storage.googleapis.com/download/storage/v1/b/${bucketName}/o/${encoded}?generation=${generation}&alt=media`,
            ),
            generation: g.after(generation),
            md5hash: g.after(md5.toString("base64")),
            md5hexhash: g.after(md5.toString("hex")),
            crc32c: g.after(Buffer.from(g.chars("crc", 8, HEX), "hex").toString("base64")),
            contentType: g.after("text/plain; charset=utf-8"),
            storageClass: g.after("STANDARD"),
            kmsKeyName: g.after(""),
        },
    };
}

function hmacKey(g: Gcp): GcpMock {
    const accessId = `GOOG1E${g.chars("access-id", 55, UPPER_ALNUM)}`;
    return {
        id: `projects/${g.project}/hmacKeys/${accessId}`,
        values: {
            accessId: g.after(accessId),
            secret: g.after(g.chars("secret", 40, BASE64)),
            state: "ACTIVE",
            timeCreated: g.after(CREATED_AT),
            updated: g.after(CREATED_AT),
        },
        secretOutputs: ["secret"],
    };
}

// ---------------------------------------------------------------------------------------------
// IAM (service accounts and member bindings)

function serviceAccount(g: Gcp): GcpMock {
    const accountId = g.nameOf("accountId", 30);
    const email = `${accountId}@${g.project}.iam.gserviceaccount.com`;
    const name = `projects/${g.project}/serviceAccounts/${email}`;
    return {
        id: name,
        values: {
            accountId,
            email: g.after(email),
            member: g.after(`serviceAccount:${email}`),
            name: g.after(name),
            uniqueId: g.after(`1${g.chars("unique-id", 20, DIGITS)}`),
        },
    };
}

/** An `*IAMMember`: Terraform's id is "<resource> <role> <member>"; etag a base64 policy version. */
function iamMember(resourceField: string, prefix = "") {
    return (g: Gcp): GcpMock => {
        const resource = str(g.inputs[resourceField]) ?? (resourceField === "project" ? g.project : "resource");
        const role = str(g.inputs.role) ?? "role";
        const member = str(g.inputs.member) ?? "member";
        return {
            id: `${prefix}${resource} ${role} ${member}`,
            values: { etag: g.after(`BwY${g.chars("etag", 9, BASE64)}=`) },
        };
    };
}

// ---------------------------------------------------------------------------------------------
// Cloud KMS, Secret Manager

function keyRing(g: Gcp): GcpMock {
    const name = g.nameOf();
    const location = str(g.inputs.location) ?? g.region;
    return { id: `projects/${g.project}/locations/${location}/keyRings/${name}`, values: { name } };
}

function cryptoKey(g: Gcp): GcpMock {
    const name = g.nameOf();
    const id = `${str(g.inputs.keyRing) ?? `projects/${g.project}/locations/${g.region}/keyRings/ring`}/cryptoKeys/${name}`;
    return {
        id,
        values: {
            name,
            purpose: "ENCRYPT_DECRYPT",
            primaries: g.after([{ name: `${id}/cryptoKeyVersions/1`, state: "ENABLED" }]),
            versionTemplate: g.after({ algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" }),
            destroyScheduledDuration: g.after("2592000s"),
            importOnly: g.after(false),
            cryptoKeyBackend: g.after(""),
            keyAccessJustificationsPolicy: g.after({ allowedAccessReasons: [] }),
        },
    };
}

function secret(g: Gcp): GcpMock {
    const secretId = g.nameOf("secretId", 255);
    return {
        id: `projects/${g.project}/secrets/${secretId}`,
        values: {
            secretId,
            name: g.after(`projects/${g.projectNumber}/secrets/${secretId}`),
            createTime: g.after(CREATED_AT),
            expireTime: g.after(""),
            effectiveAnnotations: g.after({}),
            replication: { auto: {} },
        },
    };
}

function secretVersion(g: Gcp): GcpMock {
    const secretRef = str(g.inputs.secret) ?? `projects/${g.project}/secrets/secret`;
    const name = `projects/${g.projectNumber}/secrets/${lastSegment(secretRef)}/versions/1`;
    return {
        id: name,
        values: {
            name: g.after(name),
            version: g.after("1"),
            createTime: g.after(CREATED_AT),
            destroyTime: g.after(""),
            enabled: true,
        },
        secretOutputs: ["secretData"],
    };
}

// ---------------------------------------------------------------------------------------------
// Network Connectivity (Private Service Connect automation for Memorystore clusters)

/** A service connection policy: a PSC policy for one service class on one network and region. */
function serviceConnectionPolicy(g: Gcp): GcpMock {
    const name = g.nameOf("name", 63);
    const location = str(g.inputs.location) ?? g.region;
    return {
        id: `projects/${g.project}/locations/${location}/serviceConnectionPolicies/${name}`,
        values: {
            name,
            infrastructure: g.after("PSC"),
            etag: g.after(g.chars("etag", 16, HEX)),
            // Connections appear once a producer (a Memorystore cluster) uses the policy.
            pscConnections: g.after([]),
            createTime: g.after(CREATED_AT),
            updateTime: g.after(CREATED_AT),
        },
    };
}

// ---------------------------------------------------------------------------------------------
// Dispatch

interface GcpType {
    mock: (g: Gcp) => GcpMock;
    /** Has a `project` output. */
    project: boolean;
    /** Has a `region` output. */
    region: boolean;
    /** Has `labels` (then `pulumiLabels` and `effectiveLabels`). */
    labels: boolean;
}

const t = (mock: (g: Gcp) => GcpMock, opts: Partial<Omit<GcpType, "mock">> = {}): GcpType => ({
    mock,
    project: opts.project ?? true,
    region: opts.region ?? false,
    labels: opts.labels ?? false,
});
const iam = { project: false };

/** Every type token the GCP target creates (pulumi-gcp v9), and its mock. */
export const gcpTypes: Record<string, GcpType> = {
    "gcp:compute/network:Network": t(infra.network),
    "gcp:compute/subnetwork:Subnetwork": t(infra.subnetwork, { region: true }),
    "gcp:compute/router:Router": t(infra.router, { region: true }),
    "gcp:compute/routerNat:RouterNat": t(infra.routerNat, { region: true }),
    "gcp:compute/globalAddress:GlobalAddress": t(infra.globalAddress, { labels: true }),
    "gcp:compute/firewall:Firewall": t(infra.firewall),
    "gcp:servicenetworking/connection:Connection": t(infra.serviceNetworkingConnection, { project: false }),
    "gcp:container/cluster:Cluster": t(infra.gkeCluster),
    "gcp:container/nodePool:NodePool": t(infra.gkeNodePool),
    "gcp:sql/databaseInstance:DatabaseInstance": t(infra.sqlInstance, { region: true }),
    "gcp:sql/user:User": t(infra.sqlUser),
    "gcp:sql/database:Database": t(infra.sqlDatabase),
    "gcp:redis/instance:Instance": t(infra.redisInstance, { region: true, labels: true }),
    "gcp:redis/cluster:Cluster": t(infra.redisCluster, { region: true, labels: true }),
    "gcp:memorystore/instance:Instance": t(infra.valkeyInstance, { labels: true }),
    "gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy": t(serviceConnectionPolicy, {
        labels: true,
    }),
    "gcp:storage/bucket:Bucket": t(bucket, { labels: true }),
    "gcp:storage/bucketObject:BucketObject": t(bucketObject, { project: false }),
    "gcp:storage/bucketIAMMember:BucketIAMMember": t(iamMember("bucket", "b/"), iam),
    "gcp:storage/hmacKey:HmacKey": t(hmacKey),
    "gcp:serviceaccount/account:Account": t(serviceAccount),
    "gcp:serviceaccount/iAMMember:IAMMember": t(iamMember("serviceAccountId"), iam),
    "gcp:projects/iAMMember:IAMMember": t(iamMember("project"), iam),
    "gcp:kms/keyRing:KeyRing": t(keyRing),
    "gcp:kms/cryptoKey:CryptoKey": t(cryptoKey, { project: false, labels: true }),
    "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": t(iamMember("cryptoKeyId"), iam),
    "gcp:secretmanager/secret:Secret": t(secret, { labels: true }),
    "gcp:secretmanager/secretVersion:SecretVersion": t(secretVersion),
};

/** Any other `gcp:` type: an id in GCP's `projects/P/...` form. */
function generic(g: Gcp): GcpMock {
    const kind = g.ctx.type.split(":").pop() ?? "resource";
    const plural = `${kind[0].toLowerCase()}${kind.slice(1)}s`;
    return { id: `projects/${g.project}/${plural}/${g.ctx.name}-${g.chars("id", 8, HEX)}`, values: {} };
}

/** Computed outputs of one `gcp:` resource. */
export function gcpResource(ctx: MockContext): MockedResource {
    const g = new Gcp(ctx);
    const spec = gcpTypes[ctx.type];
    const mocked = (spec?.mock ?? generic)(g);
    const values: Record<string, unknown> = { ...mocked.values };
    if (spec?.project) values.project = g.project;
    if (spec?.region) values.region = g.region;
    if (spec?.labels) Object.assign(values, g.labels());
    const computed = { ...fillMissing(ctx.inputs, values), ...(mocked.replaces ?? {}) };
    return { id: mocked.id, computed, secretOutputs: mocked.secretOutputs ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Functions (invokes)

/** Results of the GCP functions the target calls; `{}` for others, as for any unknown token. */
export function gcpCall(token: string, rawInputs: Record<string, unknown>): Record<string, unknown> {
    const inputs = plain(rawInputs) as Record<string, any>;
    const project = str(inputs.project) ?? configuredProject();
    switch (token) {
        case "gcp:compute/getZones:getZones": {
            const region = str(inputs.region) ?? configuredRegion();
            return {
                ...inputs,
                id: `projects/${project}/regions/${region}`,
                project,
                region,
                names: inputs.status === "DOWN" ? [] : zonesOf(region),
            };
        }
        case "gcp:organizations/getProject:getProject": {
            const projectId = str(inputs.projectId) ?? configuredProject();
            return {
                ...inputs,
                id: `projects/${projectId}`,
                projectId,
                name: projectId,
                number: projectNumber(projectId),
                orgId: "",
                folderId: "",
                billingAccount: "",
                autoCreateNetwork: true,
                deletionPolicy: "PREVENT",
                labels: {},
                effectiveLabels: {},
                pulumiLabels: {},
                tags: {},
            };
        }
        case "gcp:organizations/getClientConfig:getClientConfig": {
            const region = configuredRegion();
            // The provider's configured zone (`gcp:zone`), empty when none is set.
            const zone = configured("gcp:zone") ?? "";
            return {
                id: `projects/"${project}"/regions/"${region}"/zones/"${zone}"`,
                project,
                region,
                zone,
                // The provider marks it sensitive; a plain invoke result carries no secret marker.
                accessToken: `ya29.mock-${projectNumber(project)}`,
                defaultLabels: {},
            };
        }
        default:
            return {};
    }
}
