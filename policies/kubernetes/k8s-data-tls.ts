import { resourcePolicy } from "../common/define";
import { describeObject } from "../common/metadata";
import { asNonEmptyString, at, record, strings } from "../common/read";
import { crTypes } from "../common/types";

export interface DataTlsConfig {
    allowPlainListeners?: boolean;
}

/** Data services encrypt traffic in transit. */
export const k8sDataTls = resourcePolicy<DataTlsConfig>({
    name: "k8s-data-tls",
    description:
        "Data services encrypt traffic in transit: Redis (RedisCluster, RedisReplication, RedisSentinel) with spec.TLS, RabbitmqCluster with spec.tls and its plain listeners off (unless `allowPlainListeners`), and no CloudNativePG pg_hba rule that admits clients without TLS (`host` instead of `hostssl`).",
    remediationSteps:
        "Keep RedisCluster / RabbitMQCluster `tls` on (the production default; a CA is generated), or give the operator a TLS Secret; write pg_hba rules as hostssl.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowPlainListeners: {
                type: "boolean",
                default: false,
                description: "Accept RabbitMQ TLS alongside plain AMQP listeners.",
            },
        },
    },
    types: [
        crTypes.redisCluster,
        crTypes.redisReplication,
        crTypes.redisSentinel,
        crTypes.rabbitmqCluster,
        crTypes.cnpgCluster,
    ],
    validate: (props, args, config, report) => {
        const spec = record(at(props, "spec"));
        const what = describeObject(args.type, props, args.name);
        if (args.type === crTypes.rabbitmqCluster) {
            if (!asNonEmptyString(at(spec, "tls", "secretName")))
                report(`${what} serves AMQP without TLS (no spec.tls.secretName).`);
            else if (!config.allowPlainListeners && at(spec, "tls", "disableNonTLSListeners") !== true)
                report(
                    `${what} keeps its plain AMQP listeners next to TLS (spec.tls.disableNonTLSListeners is not true).`,
                );
        } else if (args.type === crTypes.cnpgCluster) {
            // A rule that is not a string is not a pg_hba line; only `host` lines admit plain connections.
            const plain = strings(at(spec, "postgresql", "pg_hba")).filter((rule) => /^\s*host\s/.test(rule));
            if (plain.length > 0)
                report(
                    `${what} admits clients without TLS: pg_hba ${plain.map((r) => JSON.stringify(r)).join(", ")} (use hostssl).`,
                );
        } else if (!asNonEmptyString(at(spec, "TLS", "secret", "secretName"))) {
            report(`${what} serves Redis without TLS (no spec.TLS.secret.secretName).`);
        }
    },
});
