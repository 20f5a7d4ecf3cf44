/**
 * Operator versions, pinned on purpose. Each operator's version is the one whose CRDs
 * the tests validate against (../shared/crds, README there): `appVersion` is the
 * operator's own version, which names the CRD folder; change both together.
 */
export const operatorPins = {
    /** cert-manager: the Barman Cloud plugin needs it for its TLS certificates. */
    certManager: {
        chart: "cert-manager",
        repo: "https://charts.jetstack.io",
        version: "v1.21.2",
        namespace: "cert-manager",
    },
    /**
     * CloudNativePG 1.30.0 (chart 0.29.0 carries appVersion 1.30.0). CRDs: cloudnative-pg-v1.30.0.
     * `pgbouncerImage` is the operator's own default PgBouncer image (pkg/versions), stated on each Pooler.
     */
    cloudnativePg: {
        chart: "cloudnative-pg",
        repo: "https://cloudnative-pg.github.io/charts",
        version: "0.29.0",
        appVersion: "1.30.0",
        namespace: "cnpg-system",
        pgbouncerImage: "ghcr.io/cloudnative-pg/pgbouncer:1.25.1",
    },
    /**
     * Barman Cloud plugin v0.14.0, in the operator's namespace as its docs require; the
     * image tags are set explicitly, as its installation guide does. CRDs: plugin-barman-cloud-v0.14.0.
     */
    barmanCloud: {
        chart: "plugin-barman-cloud",
        repo: "https://cloudnative-pg.github.io/charts",
        version: "0.8.1",
        appVersion: "0.14.0",
        imageTag: "v0.14.0",
        namespace: "cnpg-system",
    },
    /** OT-Container-Kit redis-operator 0.26.0 (chart 0.26.0). CRDs: redis-operator-v0.26.0. */
    redisOperator: {
        chart: "redis-operator",
        repo: "https://ot-container-kit.github.io/helm-charts/",
        version: "0.26.0",
        appVersion: "0.26.0",
        namespace: "redis-operator",
    },
    /** RabbitMQ Cluster Operator v2.22.3: no official chart, so its release manifest. CRDs: rabbitmq-cluster-operator-v2.22.3. */
    rabbitmqOperator: {
        appVersion: "2.22.3",
        manifest: "https://github.com/rabbitmq/cluster-operator/releases/download/v2.22.3/cluster-operator.yml",
        namespace: "rabbitmq-system",
    },
    /** Rook Ceph v1.20.6 operator (chart rook-ceph). CRDs: rook-ceph-v1.20.6. */
    rook: {
        chart: "rook-ceph",
        repo: "https://charts.rook.io/release",
        version: "v1.20.6",
        appVersion: "1.20.6",
        namespace: "rook-ceph",
    },
} as const;
