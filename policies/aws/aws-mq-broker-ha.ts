import { Aws, awsLabel, lowered } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { asNonEmptyString, at, shown } from "../common/read";

export interface MqBrokerHaConfig {
    allowSingleInstance?: boolean;
}

/** The deployment mode that survives the loss of one Availability Zone, per engine (lower-cased). */
const multiAzModes: Record<string, string> = {
    rabbitmq: "CLUSTER_MULTI_AZ",
    activemq: "ACTIVE_STANDBY_MULTI_AZ",
};

/** An Amazon MQ broker runs in more than one Availability Zone. */
export const awsMqBrokerHa = resourcePolicy<MqBrokerHaConfig>({
    name: "aws-mq-broker-ha",
    description:
        "Every Amazon MQ Broker runs in several Availability Zones: deploymentMode CLUSTER_MULTI_AZ for engineType RabbitMQ (three nodes behind one endpoint), ACTIVE_STANDBY_MULTI_AZ for ActiveMQ. The default, SINGLE_INSTANCE, is one broker in one zone. The engine is matched case-insensitively. `allowSingleInstance` accepts SINGLE_INSTANCE (a development stack) while still reporting a multi-AZ mode the engine does not support.",
    remediationSteps:
        "Set deploymentMode: CLUSTER_MULTI_AZ (RabbitMQ) or ACTIVE_STANDBY_MULTI_AZ (ActiveMQ), with subnetIds in distinct zones. The mode cannot change in place: the broker is replaced.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowSingleInstance: {
                type: "boolean",
                default: false,
                description: "Accept SINGLE_INSTANCE brokers (a development stack).",
            },
        },
    },
    types: [Aws.MqBroker],
    validate: (props, args, config, report) => {
        const engineRaw = at(props, "engineType");
        const engine = lowered(engineRaw);
        const wanted = engine !== undefined ? multiAzModes[engine] : undefined;
        const label = awsLabel(args.type, args.name);
        const modeRaw = at(props, "deploymentMode");
        const unset = modeRaw === undefined || modeRaw === null;
        const mode = unset ? "SINGLE_INSTANCE" : (asNonEmptyString(modeRaw)?.trim().toUpperCase() ?? shown(modeRaw));
        if (mode === "SINGLE_INSTANCE" && (config.allowSingleInstance ?? false)) return;
        if (wanted === undefined) {
            // An engine the pack does not know: any multi-AZ mode will do.
            if (!Object.values(multiAzModes).includes(mode))
                report(
                    `${label} (engineType ${shown(engineRaw)}) runs deploymentMode ${mode}${unset ? " (the default)" : ""}, in one Availability Zone.`,
                );
            return;
        }
        if (mode !== wanted)
            report(
                `${label} (engineType ${shown(engineRaw)}) runs deploymentMode ${mode}${unset ? " (the default)" : ""}; needs ${wanted} to survive the loss of an Availability Zone.`,
            );
    },
});
