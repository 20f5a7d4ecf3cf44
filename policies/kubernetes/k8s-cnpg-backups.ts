import { PolicyResource } from "@pulumi/policy";
import { endpointProblems, inClusterReason, inClusterReasonAnnotation } from "../common/backup-destination";
import { stackPolicy } from "../common/define";
import { keyOf, nameOf, namespaceOf } from "../common/metadata";
import { barmanPlugin, retentionDays } from "../common/operators";
import { asNonEmptyString, asString, at, record, records, shown } from "../common/read";
import { crTypes } from "../common/types";
import { deferUnknown, readEach } from "../common/unknowns";

export interface CnpgBackupsConfig {
    minRetentionDays?: number;
    requireWalArchiving?: boolean;
    requireExternalDestination?: boolean;
}

/** Where backups go, when that is inside the cluster or unencrypted, and what the user said about it. */
interface DestinationFinding {
    /** `ObjectStore "store"` or `spec.backup.barmanObjectStore`. */
    where: string;
    endpoint: string;
    /** The object that carries the reason annotation. */
    annotatedOn: string;
    problems: string[];
    /** The reason annotation is there but blank. */
    blankReason: boolean;
}

interface StoreInfo {
    retentionDays?: number;
    destination?: DestinationFinding;
}

interface ClusterItem {
    resource: PolicyResource;
    key: string;
    /** ScheduledBackups of this cluster. */
    scheduled: number;
    /** Retention of the Barman ObjectStore the cluster archives to (undefined when unset). */
    retentionDays?: number;
    archives: boolean;
    archiveTarget?: string;
    /** Set when the destination is inside the cluster or plain http and no reason accepts it. */
    destination?: DestinationFinding;
}

/** A destination finding, or undefined when the endpoint is fine or a reason accepts it. The annotation is read only when needed. */
function judgeDestination(
    endpointURL: unknown,
    annotated: unknown,
    where: string,
    annotatedOn: string,
): DestinationFinding | undefined {
    const problems = endpointProblems(endpointURL);
    if (problems.length === 0) return undefined;
    const reason = inClusterReason(annotated);
    if (reason.kind === "given") return undefined;
    return { where, endpoint: shown(endpointURL), annotatedOn, problems, blankReason: reason.kind === "blank" };
}

function collect(resources: PolicyResource[]) {
    const ofType = (t: string) => resources.filter((r) => r.type === t);
    const stores = readEach(ofType(crTypes.barmanObjectStore), (r): [string, StoreInfo] => {
        const spec = record(r.props.spec);
        return [
            keyOf(r.props, r.name),
            {
                retentionDays: retentionDays(spec.retentionPolicy),
                destination: judgeDestination(
                    at(spec, "configuration", "endpointURL"),
                    r.props,
                    `ObjectStore "${nameOf(r.props, r.name)}"`,
                    "the ObjectStore",
                ),
            },
        ];
    });
    const storeByKey = new Map(stores.known);
    const scheduled = readEach(ofType(crTypes.cnpgScheduledBackup), (r) => {
        const cluster = asString(at(r.props, "spec", "cluster", "name"));
        return cluster === undefined ? undefined : `${namespaceOf(r.props)}/${cluster}`;
    });
    return ofType(crTypes.cnpgCluster).map((resource) =>
        deferUnknown<ClusterItem>(resource, () => {
            const props = resource.props;
            const key = keyOf(props, resource.name);
            const spec = record(props.spec);
            const plugin = records(spec.plugins).find((p) => p.name === barmanPlugin && p.isWALArchiver === true);
            const storeName = asNonEmptyString(at(plugin, "parameters", "barmanObjectName"));
            const store = storeName !== undefined ? storeByKey.get(`${namespaceOf(props)}/${storeName}`) : undefined;
            // The ObjectStore it names might be one unknown at preview: judge at update.
            if (storeName !== undefined && !store && stores.unknown) throw stores.unknown;
            const count = scheduled.known.filter((k) => k === key).length;
            if (count === 0 && scheduled.unknown) throw scheduled.unknown;
            // The in-tree barmanObjectStore (deprecated since CloudNativePG 1.26) still counts as configured.
            const legacy = at(spec, "backup", "barmanObjectStore");
            const hasLegacy = legacy !== undefined && legacy !== null;
            const destination = store
                ? store.destination
                : hasLegacy && !plugin
                  ? judgeDestination(at(legacy, "endpointURL"), props, "spec.backup.barmanObjectStore", "the Cluster")
                  : undefined;
            return {
                resource,
                key,
                scheduled: count,
                archives: !!plugin || hasLegacy,
                archiveTarget: storeName,
                retentionDays: store ? store.retentionDays : retentionDays(at(spec, "backup", "retentionPolicy")),
                destination,
            };
        }),
    );
}

/** Every CloudNativePG Cluster archives WAL, takes scheduled base backups, keeps them long enough, and keeps them outside the cluster. */
export const k8sCnpgBackups = stackPolicy<CnpgBackupsConfig, ClusterItem>({
    name: "k8s-cnpg-backups",
    description:
        "Every CloudNativePG Cluster has backups configured: continuous WAL archiving (point-in-time recovery) through the Barman Cloud plugin to an ObjectStore that exists in the stack, a ScheduledBackup for base backups, and a retention policy of at least `minRetentionDays` days. With `requireExternalDestination`, the destination is outside the cluster and over https (an endpoint that is a cluster Service or plain http is accepted only with a reason in the annotation pulumi-ha.io/backup-in-cluster-reason).",
    remediationSteps:
        "Give PostgresCluster a `kubernetes.backup.destination` (or use it in a Platform with object storage); it creates the Barman Cloud ObjectStore with retentionPolicy, the plugin entry with isWALArchiver and a daily ScheduledBackup. Send backups to an https endpoint outside the cluster (no endpoint means AWS S3), or state why an in-cluster one is acceptable (PostgresCluster `kubernetes.backup.inClusterReason`).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 7, description: "Fewest days of backups kept." },
            requireWalArchiving: {
                type: "boolean",
                default: true,
                description: "Demand WAL archiving (point-in-time recovery).",
            },
            requireExternalDestination: {
                type: "boolean",
                default: true,
                description:
                    "Demand a backup destination outside the cluster, over https, unless an annotation gives a reason.",
            },
        },
    },
    items: collect,
    validate: (c, _all, _args, config, report) => {
        const min = config.minRetentionDays ?? 7;
        if ((config.requireWalArchiving ?? true) && !c.archives) {
            report(
                `Cluster ${c.key} archives no WAL (no ${barmanPlugin} plugin with isWALArchiver): no point-in-time recovery.`,
            );
        }
        if (c.archiveTarget && c.retentionDays === undefined) {
            report(
                `Cluster ${c.key} archives to ObjectStore "${c.archiveTarget}", which is not in the stack or has no retentionPolicy.`,
            );
        } else if (c.archives && (c.retentionDays ?? 0) < min) {
            report(`Cluster ${c.key} keeps backups ${c.retentionDays ?? 0} day(s); needs at least ${min}.`);
        }
        if (c.scheduled === 0) report(`Cluster ${c.key} has no ScheduledBackup: no base backups are taken.`);
        const d = c.destination;
        if ((config.requireExternalDestination ?? true) && d) {
            const accept = d.blankReason
                ? `or give a reason: the ${inClusterReasonAnnotation} annotation on ${d.annotatedOn} is empty`
                : `or accept it with the annotation ${inClusterReasonAnnotation}: "<reason>" on ${d.annotatedOn}`;
            report(
                `Cluster ${c.key} backs up to ${d.where} at ${d.endpoint}, which is ${d.problems.join(" and ")}. Use an https endpoint outside the cluster, ${accept}.`,
            );
        }
    },
});
