import * as assert from "assert";
import { broker, exempt, rawAws, unknownAtPreview } from "./aws-fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";
import { expectRobust, only, useRawPack } from "./raw-pack";

/** The Amazon MQ policies through the real analyzer, on the inputs a program sends (not what AWS accepts). */

const securityGroups = ["sg-0123456789abcdef0"];

describe("policy aws-mq-broker-ha", () => {
    const policy = "aws-mq-broker-ha";
    const judge = usePolicyPack();

    it("passes a RabbitMQ cluster and an ActiveMQ active/standby pair (engine matched case-insensitively)", async () => {
        expectNoViolation(
            await judge(() => {
                broker("mq");
                broker("amq", {
                    engineType: "ActiveMQ",
                    engineVersion: "5.18",
                    deploymentMode: "ACTIVE_STANDBY_MULTI_AZ",
                });
                broker("lower", { engineType: "rabbitmq" });
            }),
            policy,
        );
    });

    it("fails the default single instance, and the other engine's mode, naming the broker", async () => {
        const d = expectOneViolation(await judge(() => broker("mq", { deploymentMode: undefined })), policy, "mq");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Amazon MQ Broker mq (engineType RabbitMQ) runs deploymentMode SINGLE_INSTANCE (the default); needs CLUSTER_MULTI_AZ to survive the loss of an Availability Zone.",
        );
        assert.strictEqual(
            expectOneViolation(
                await judge(() => broker("amq", { engineType: "ActiveMQ", deploymentMode: "CLUSTER_MULTI_AZ" })),
                policy,
                "amq",
            ).message,
            "Amazon MQ Broker amq (engineType ActiveMQ) runs deploymentMode CLUSTER_MULTI_AZ; needs ACTIVE_STANDBY_MULTI_AZ to survive the loss of an Availability Zone.",
        );
    });

    it("accepts SINGLE_INSTANCE with allowSingleInstance, still not a mode the engine lacks", async () => {
        const config = { [policy]: { allowSingleInstance: true } };
        expectNoViolation(await judge(() => broker("mq", { deploymentMode: "SINGLE_INSTANCE" }), config), policy);
        expectOneViolation(
            await judge(() => broker("mq", { deploymentMode: "ACTIVE_STANDBY_MULTI_AZ" }), config),
            policy,
            "mq",
        );
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(
            await judge(() => broker("mq", { deploymentMode: "SINGLE_INSTANCE", tags: exempt(policy) })),
            policy,
        );
        const program = () => broker("mq", { deploymentMode: unknownAtPreview("mode", "SINGLE_INSTANCE") });
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectOneViolation(await judge(program), policy, "mq");
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing broker", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.broker("mq")])) > 50);
            const v = await raw(
                [rawAws.broker("odd", { engineType: 7, deploymentMode: ["x"] })],
                only(policy, "mandatory"),
            );
            assert.strictEqual(
                expectOneViolation(v, policy, "odd").message,
                'Amazon MQ Broker odd (engineType 7) runs deploymentMode ["x"], in one Availability Zone.',
            );
        });
    });
});

describe("policy aws-mq-broker-public", () => {
    const policy = "aws-mq-broker-public";
    const judge = usePolicyPack();

    it("passes a private broker with security groups; fails a public one, naming it", async () => {
        expectNoViolation(await judge(() => broker("mq", { securityGroups })), policy);
        const d = expectOneViolation(await judge(() => broker("mq", { publiclyAccessible: true })), policy, "mq");
        assert.strictEqual(d.level, "mandatory");
        assert.strictEqual(
            d.message,
            "Amazon MQ Broker mq is reachable from the internet (publiclyAccessible is true).",
        );
    });

    it("fails a private broker without securityGroups unless requireSecurityGroups is false", async () => {
        assert.strictEqual(
            expectOneViolation(await judge(() => broker("mq")), policy, "mq").message,
            "Amazon MQ Broker mq names no securityGroups: it gets the VPC's default security group.",
        );
        expectNoViolation(await judge(() => broker("mq"), { [policy]: { requireSecurityGroups: false } }), policy);
    });

    it("honours the exemption tag; never fails on a value unknown at preview", async () => {
        expectNoViolation(await judge(() => broker("mq", { publiclyAccessible: true, tags: exempt(policy) })), policy);
        const program = () => broker("mq", { securityGroups, publiclyAccessible: unknownAtPreview("public", true) });
        expectNoViolation(await judge(program, {}, true), policy);
        expectOneViolation(await judge(program), policy, "mq");
        // Security groups created by the stack are unknown at preview: not a missing list.
        expectNoViolation(
            await judge(() => broker("mq", { securityGroups: [unknownAtPreview("sg", "sg-1")] }), {}, true),
            policy,
        );
    });

    describe("malformed shapes", () => {
        const raw = useRawPack();
        it("never throws, never prints undefined, and an unknown never fails a passing broker", async () => {
            assert.ok((await expectRobust(raw, policy, [rawAws.broker("mq", { securityGroups })])) > 50);
            expectOneViolation(
                await raw(
                    [rawAws.broker("mq", { publiclyAccessible: "true", securityGroups })],
                    only(policy, "mandatory"),
                ),
                policy,
                "mq",
            );
        });
    });
});
