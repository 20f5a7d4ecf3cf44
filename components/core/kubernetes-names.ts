/**
 * The Kubernetes objects named after a component, by us or by its operator, and the limit
 * each name must meet. A name that is valid for the component but too long for one of these
 * is only refused by the API server (or silently by an operator) after `pulumi up` has
 * created half the stack, so the resolvers check the longest derived name up front.
 *
 * Sources: our Kubernetes backends; CloudNativePG 1.30 (`validateName`: DNS-1035, ≤ 50;
 * services `-rw`/`-ro`/`-r`); redis-operator 0.26 (StatefulSets `-leader`/`-follower`,
 * `<name>` and `-sentinel`; Services `<statefulset>`, `-headless`, `-additional`, `-master`,
 * `-replica`); RabbitMQ Cluster Operator (StatefulSet `-server`, Services `<name>`, `-nodes`);
 * Rook (Service and Deployment `rook-ceph-rgw-<store>`).
 */
export interface DerivedName {
    /** The object's full name. */
    name: string;
    /** What it is, for the message, e.g. `the redis-operator's StatefulSet`. */
    what: string;
    /** Longest the name may be. */
    max: number;
    /** Why that limit, for the message. */
    why: string;
    /** Must start with a letter (RFC 1035): Service names, CloudNativePG cluster names. */
    dns1035: boolean;
}

const service = (name: string, by: string): DerivedName => ({
    name,
    what: `${by}Service`,
    max: 63,
    why: "a Service name is a DNS-1035 label",
    dns1035: true,
});
// The StatefulSet controller labels each pod with controller-revision-hash `<name>-<hash of up to 10>`; labels hold 63.
const statefulSet = (name: string, by: string): DerivedName => ({
    name,
    what: `${by}StatefulSet`,
    max: 52,
    why: "its pods' controller-revision-hash label holds 63 characters",
    dns1035: false,
});
const secret = (name: string): DerivedName => ({
    name,
    what: "the Secret",
    max: 253,
    why: "an object name",
    dns1035: false,
});

/** AppTier: the Service is named after the component. */
export function appTierNames(name: string): DerivedName[] {
    return [service(name, "the ")];
}

/** PostgresCluster on CloudNativePG. */
export function postgresNames(name: string, pooler: boolean): DerivedName[] {
    const by = "CloudNativePG's ";
    return [
        {
            name,
            what: "the CloudNativePG Cluster",
            max: 50,
            why: "CloudNativePG's limit for a cluster name",
            dns1035: true,
        },
        service(`${name}-rw`, by),
        service(`${name}-ro`, by),
        service(`${name}-r`, by),
        ...(pooler ? [service(`${name}-pooler-rw`, by)] : []),
        secret(`${name}-app-credentials`),
        secret(`${name}-backups`),
        secret(`${name}-daily`),
    ];
}

/** RedisCluster on the redis-operator: `cluster` mode or replicated with Sentinels. */
export function redisNames(name: string, cluster: boolean): DerivedName[] {
    const by = "the redis-operator's ";
    const sets = cluster ? [`${name}-leader`, `${name}-follower`] : [name, `${name}-sentinel`];
    return [
        ...sets.map((s) => statefulSet(s, by)),
        ...sets.flatMap((s) => [service(s, by), service(`${s}-headless`, by), service(`${s}-additional`, by)]),
        service(`${name}-master`, by),
        ...(cluster ? [] : [service(`${name}-replica`, by)]),
        secret(`${name}-auth`),
        secret(`${name}-tls`),
    ];
}

/** RabbitMQCluster on the RabbitMQ Cluster Operator. */
export function rabbitmqNames(name: string): DerivedName[] {
    const by = "the RabbitMQ operator's ";
    return [
        statefulSet(`${name}-server`, by),
        service(name, by),
        service(`${name}-nodes`, by),
        secret(`${name}-default-user`),
        secret(`${name}-tls`),
    ];
}

/** ObjectStorage: a Rook object store in the cluster, or a Secret for an external endpoint's keys. */
export function objectStorageNames(name: string, inCluster: boolean): DerivedName[] {
    return inCluster
        ? [service(`rook-ceph-rgw-${name}`, "Rook's gateway ")]
        : [{ ...secret(`${name}-s3`), dns1035: false }];
}
