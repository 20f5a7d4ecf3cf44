import { resourcePolicy } from "../common/define";
import { crTypes, objectKey } from "../common/operators";

export interface DataTlsConfig { allowPlainListeners?: boolean }

/** Data services encrypt traffic in transit. */
export const k8sDataTls = resourcePolicy<DataTlsConfig>({
    name: "k8s-data-tls",
    description: "Data services encrypt traffic in transit: Redis (RedisCluster, RedisReplication, RedisSentinel) with spec.TLS, RabbitmqCluster with spec.tls and its plain listeners off (unless `allowPlainListeners`), and no CloudNativePG pg_hba rule that admits clients without TLS (`host` instead of `hostssl`).",
    remediationSteps: "Keep RedisCluster / RabbitMQCluster `tls` on (the production default; a CA is generated), or give the operator a TLS Secret; write pg_hba rules as hostssl.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: { allowPlainListeners: { type: "boolean", default: false, description: "Accept RabbitMQ TLS alongside plain AMQP listeners." } },
    },
    types: [crTypes.redisCluster, crTypes.redisReplication, crTypes.redisSentinel, crTypes.rabbitmqCluster, crTypes.cnpgCluster],
    validate: (props, args, config, report) => {
        const spec = props.spec ?? {};
        const what = `${args.type.split(":").pop()} ${objectKey(props)}`;
        if (args.type === crTypes.rabbitmqCluster) {
            if (!spec.tls?.secretName) report(`${what} serves AMQP without TLS (no spec.tls.secretName).`);
            else if (!config.allowPlainListeners && !spec.tls.disableNonTLSListeners) report(`${what} keeps its plain AMQP listeners next to TLS (spec.tls.disableNonTLSListeners is not true).`);
        } else if (args.type === crTypes.cnpgCluster) {
            const plain = (spec.postgresql?.pg_hba ?? []).filter((rule: unknown) => /^\s*host\s/.test(String(rule)));
            if (plain.length > 0) report(`${what} admits clients without TLS: pg_hba ${plain.map((r: unknown) => JSON.stringify(r)).join(", ")} (use hostssl).`);
        } else if (!spec.TLS?.secret?.secretName) {
            report(`${what} serves Redis without TLS (no spec.TLS.secret.secretName).`);
        }
    },
});
