import { Aws, asFlag, awsLabel } from "../common/aws-types";
import { resourcePolicy } from "../common/define";
import { asArray, at } from "../common/read";

export interface MqBrokerPublicConfig {
    requireSecurityGroups?: boolean;
}

/** An Amazon MQ broker is reachable from its VPC only. */
export const awsMqBrokerPublic = resourcePolicy<MqBrokerPublicConfig>({
    name: "aws-mq-broker-public",
    description:
        "No Amazon MQ Broker sets publiclyAccessible: true (an endpoint on the internet, guarded by its password only). The default is false. With `requireSecurityGroups`, a private broker also names its securityGroups (else it gets the VPC's default group, which the service's clients do not control).",
    remediationSteps:
        "Leave publiclyAccessible unset or false; clients reach the broker from the VPC through its security group.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            requireSecurityGroups: {
                type: "boolean",
                default: true,
                description: "Demand that a private broker names its securityGroups.",
            },
        },
    },
    types: [Aws.MqBroker],
    validate: (props, args, config, report) => {
        const label = awsLabel(args.type, args.name);
        if (asFlag(at(props, "publiclyAccessible")) === true) {
            report(`${label} is reachable from the internet (publiclyAccessible is true).`);
            return;
        }
        if ((config.requireSecurityGroups ?? true) && asArray(at(props, "securityGroups")).length === 0)
            report(`${label} names no securityGroups: it gets the VPC's default security group.`);
    },
});
