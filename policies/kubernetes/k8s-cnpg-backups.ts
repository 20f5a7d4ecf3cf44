import { PolicyResource } from "@pulumi/policy";
import { deferUnknown, stackPolicy } from "../common/define";
import { barmanPlugin, crTypes, objectKey, retentionDays } from "../common/operators";

export interface CnpgBackupsConfig { minRetentionDays?: number; requireWalArchiving?: boolean }

interface ClusterItem {
    resource: PolicyResource;
    key: string;
    spec: any;
    /** ScheduledBackups of this cluster. */
    scheduled: number;
    /** Retention of the Barman ObjectStore the cluster archives to (undefined when unset). */
    retentionDays?: number;
    archives: boolean;
    archiveTarget?: string;
}

function collect(resources: PolicyResource[]) {
    const ofType = (t: string) => resources.filter((r) => r.type === t);
    const stores = new Map(ofType(crTypes.barmanObjectStore).map((r) => [objectKey(r.props), r.props]));
    const scheduledFor = ofType(crTypes.cnpgScheduledBackup).map((r) => `${r.props.metadata?.namespace ?? "default"}/${r.props.spec?.cluster?.name}`);
    return ofType(crTypes.cnpgCluster).map((resource) => deferUnknown<ClusterItem>(resource, () => {
        const props = resource.props;
        const key = objectKey(props);
        const spec = props.spec ?? {};
        const plugin = (spec.plugins ?? []).find((p: any) => p?.name === barmanPlugin && p?.isWALArchiver);
        const namespace = props.metadata?.namespace ?? "default";
        const storeName = plugin?.parameters?.barmanObjectName;
        const store = storeName ? stores.get(`${namespace}/${storeName}`) : undefined;
        // The in-tree barmanObjectStore (deprecated since CloudNativePG 1.26) still counts as configured.
        const legacy = spec.backup?.barmanObjectStore;
        return {
            resource, key, spec,
            scheduled: scheduledFor.filter((k) => k === key).length,
            archives: !!plugin || !!legacy,
            archiveTarget: storeName,
            retentionDays: retentionDays(store ? store.spec?.retentionPolicy : spec.backup?.retentionPolicy),
        };
    }));
}

/** Every CloudNativePG Cluster archives WAL, takes scheduled base backups and keeps them long enough. */
export const k8sCnpgBackups = stackPolicy<CnpgBackupsConfig, ClusterItem>({
    name: "k8s-cnpg-backups",
    description: "Every CloudNativePG Cluster has backups configured: continuous WAL archiving (point-in-time recovery) through the Barman Cloud plugin to an ObjectStore that exists in the stack, a ScheduledBackup for base backups, and a retention policy of at least `minRetentionDays` days.",
    remediationSteps: "Give PostgresCluster a `backup` with a destination (or use it in a Platform with object storage); it creates the Barman Cloud ObjectStore with retentionPolicy, the plugin entry with isWALArchiver and a daily ScheduledBackup.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 7, description: "Fewest days of backups kept." },
            requireWalArchiving: { type: "boolean", default: true, description: "Demand WAL archiving (point-in-time recovery)." },
        },
    },
    items: collect,
    validate: (c, _all, _args, config, report) => {
        const min = config.minRetentionDays ?? 7;
        if ((config.requireWalArchiving ?? true) && !c.archives) {
            report(`Cluster ${c.key} archives no WAL (no ${barmanPlugin} plugin with isWALArchiver): no point-in-time recovery.`);
        }
        if (c.archiveTarget && c.retentionDays === undefined) {
            report(`Cluster ${c.key} archives to ObjectStore "${c.archiveTarget}", which is not in the stack or has no retentionPolicy.`);
        } else if (c.archives && (c.retentionDays ?? 0) < min) {
            report(`Cluster ${c.key} keeps backups ${c.retentionDays ?? 0} day(s); needs at least ${min}.`);
        }
        if (c.scheduled === 0) report(`Cluster ${c.key} has no ScheduledBackup: no base backups are taken.`);
    },
});
