import * as assert from "assert";
import { Profile, RabbitMQClusterArgs } from "../../../components";
import { ArgChecker } from "../../../components/core/arg-checker";
import { ResolvedRabbitMQ, resolveRabbitMQ } from "../../../components/core/rabbitmq-resolve";
import {
    amazonMq,
    amqpsHost,
    amqpsUrl,
    awsRabbitMQ,
    brokerPasswordArgs,
    rabbitmqAwsDefaults,
} from "../../../components/backends/aws/rabbitmq";
import { containsSecret, isSecret, plain, redacted, secretPaths } from "../../../scripts/harness/wire";
import { T, childTypes, inputsOf, one, ofType } from "../../helpers";
import { BackendRun, documentedValues, expectPlanRejected, onAws, runBackend } from "./run-backend-mq";

// What the Amazon MQ backend sends to the AWS provider, checked against the provider's
// documented values and Amazon MQ's documented rules — not that AWS accepts it (no cloud here).

const A = {
    Broker: "aws:mq/broker:Broker",
    SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    Ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
} as const;

const placement = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
    clientSecurityGroupIds: ["sg-eks"],
};

/** The arguments with a placement, and their resolved form on target aws. */
function service(given: RabbitMQClusterArgs = {}): { args: RabbitMQClusterArgs; resolved: ResolvedRabbitMQ } {
    const args = { ...given, aws: { ...placement, ...given.aws } };
    return { args, resolved: onAws(resolveRabbitMQ(new ArgChecker("test"), "mq", args)) };
}

function run(given: RabbitMQClusterArgs = {}, region?: string): Promise<BackendRun> {
    const { args, resolved } = service(given);
    return runBackend(awsRabbitMQ, args, resolved, { name: "mq", region });
}

function rejects(args: RabbitMQClusterArgs, resolved: ResolvedRabbitMQ, ...patterns: RegExp[]): Promise<string[]> {
    return expectPlanRejected((check: ArgChecker) => awsRabbitMQ.plan(check, args, resolved), ...patterns);
}

/** Every character a RandomPassword with these arguments can produce. */
function passwordAlphabet(p: typeof brokerPasswordArgs): string {
    return [
        p.upper === false ? "" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        p.lower === false ? "" : "abcdefghijklmnopqrstuvwxyz",
        p.numeric === false ? "" : "0123456789",
        p.special === false ? "" : String(p.overrideSpecial ?? "!@#$%&*()-_=+[]{}<>:?"),
    ].join("");
}

describe("aws RabbitMQ backend (Amazon MQ for RabbitMQ)", () => {
    describe("production defaults", () => {
        let r: BackendRun;
        before(async () => {
            r = await run();
        });

        it("creates a broker, its security group admitting the client group on 5671, and a generated password", () => {
            assert.deepStrictEqual(
                childTypes(r.run, r.parent),
                [A.Broker, A.SecurityGroup, A.Ingress, T.RandomPassword].sort(),
            );
            const rule = inputsOf(one(r.run, A.Ingress));
            assert.deepStrictEqual(
                [rule.ipProtocol, rule.fromPort, rule.toPort, rule.referencedSecurityGroupId, rule.cidrIpv4],
                ["tcp", 5671, 5671, "sg-eks", undefined],
            );
        });

        it("sends a 3-node CLUSTER_MULTI_AZ RabbitMQ 4.2 broker on mq.m7g.large over every private subnet, never public", () => {
            const broker = inputsOf(one(r.run, A.Broker));
            const group = one(r.run, A.SecurityGroup);
            assert.deepStrictEqual(
                {
                    engineType: broker.engineType,
                    engineVersion: broker.engineVersion,
                    deploymentMode: broker.deploymentMode,
                    hostInstanceType: broker.hostInstanceType,
                    autoMinorVersionUpgrade: broker.autoMinorVersionUpgrade,
                    publiclyAccessible: broker.publiclyAccessible,
                    subnetIds: broker.subnetIds,
                    securityGroups: broker.securityGroups,
                    authenticationStrategy: broker.authenticationStrategy,
                    logs: broker.logs,
                    encryptionOptions: broker.encryptionOptions,
                    maintenanceWindowStartTime: broker.maintenanceWindowStartTime,
                },
                {
                    engineType: "RabbitMQ",
                    engineVersion: "4.2",
                    deploymentMode: "CLUSTER_MULTI_AZ",
                    hostInstanceType: "mq.m7g.large",
                    autoMinorVersionUpgrade: true,
                    publiclyAccessible: false,
                    subnetIds: placement.subnetIds,
                    securityGroups: [group.id],
                    authenticationStrategy: "simple",
                    logs: { general: true },
                    encryptionOptions: { useAwsOwnedKey: true },
                    maintenanceWindowStartTime: { dayOfWeek: "SUNDAY", timeOfDay: "03:00", timeZone: "UTC" },
                },
            );
            assert.deepStrictEqual(broker.tags, {
                "pulumi-ha.io/component": "rabbitmq",
                "pulumi-ha.io/instance": "mq",
                "app.kubernetes.io/managed-by": "pulumi-ha",
            });
            assert.strictEqual(broker.region, undefined, "no region given: the provider's");
        });

        it("protects the broker, and sends exactly one user whose password is a secret from the RandomPassword", () => {
            const broker = one(r.run, A.Broker);
            assert.strictEqual(broker.options.protect, true);
            const users = plain(broker.inputs.users);
            assert.strictEqual(users.length, 1);
            assert.strictEqual(users[0].username, "pulumi-ha-admin");
            assert.strictEqual(users[0].password, plain(one(r.run, T.RandomPassword).outputs).result);
            assert.ok(
                secretPaths(broker.inputs).some((p) => p.startsWith("users")),
                "the users block is secret",
            );
            assert.deepStrictEqual(inputsOf(one(r.run, T.RandomPassword)), { ...brokerPasswordArgs });
        });

        it("outputs AMQPS on 5671, no CA (publicly trusted certificate), and the credentials and URL only as secrets", () => {
            const out = r.parent.outputs;
            assert.ok(isSecret(out.credentials) && isSecret(out.url));
            assert.ok(!containsSecret(out.amqpEndpoint) && !containsSecret(out.port));
            assert.strictEqual(r.outputs.port, 5671);
            assert.strictEqual(r.outputs.caCertificate, undefined);
            const password = plain(one(r.run, T.RandomPassword).outputs).result;
            assert.deepStrictEqual(r.outputs.credentials, { username: "pulumi-ha-admin", password });
            assert.strictEqual(r.outputs.url, amqpsUrl("pulumi-ha-admin", password, String(r.outputs.amqpEndpoint)));
            for (const res of r.run.resources) {
                const shown = JSON.stringify([redacted(res.inputs), redacted(res.outputs)]);
                assert.ok(!shown.includes(password), `${res.type} ${res.name} shows the password outside a secret`);
            }
        });
    });

    it("reads the AMQPS host and console from the broker's instances, as Amazon MQ reports them", () => {
        // The shape of aws.mq.Broker `instances` (types/output.d.ts BrokerInstance); not a live broker.
        const instances = [
            {
                consoleUrl: "https://b-1234.mq.eu-central-1.on.aws",
                endpoints: ["amqps://b-1234.mq.eu-central-1.on.aws:5671"],
                ipAddress: "",
            },
        ];
        assert.strictEqual(amqpsHost(instances), "b-1234.mq.eu-central-1.on.aws");
        assert.strictEqual(amqpsHost(undefined), "");
    });

    it("development with nodes 1 runs a SINGLE_INSTANCE broker in the first subnet; nodes 3 a cluster", async () => {
        const single = inputsOf(one((await run({ profile: Profile.Development })).run, A.Broker));
        assert.deepStrictEqual([single.deploymentMode, single.subnetIds], ["SINGLE_INSTANCE", ["subnet-a"]]);
        const cluster = inputsOf(one((await run({ profile: Profile.Development, nodes: 3 })).run, A.Broker));
        assert.deepStrictEqual([cluster.deploymentMode, cluster.subnetIds], ["CLUSTER_MULTI_AZ", placement.subnetIds]);
    });

    it("takes overrides: instance type, username, the console for clients, the region on every AWS resource", async () => {
        const r = await run(
            {
                aws: {
                    ...placement,
                    clientSecurityGroupIds: ["sg-eks", "sg-batch"],
                    instanceType: "mq.m7g.2xlarge",
                    username: "orders.app_1",
                    managementFromClients: true,
                },
            },
            "eu-west-1",
        );
        const broker = inputsOf(one(r.run, A.Broker));
        assert.deepStrictEqual(
            [broker.hostInstanceType, plain(broker.users)[0].username],
            ["mq.m7g.2xlarge", "orders.app_1"],
        );
        const rules = ofType(r.run, A.Ingress).map((x) => inputsOf(x));
        assert.deepStrictEqual(rules.map((x) => `${x.referencedSecurityGroupId}:${x.fromPort}-${x.toPort}`).sort(), [
            "sg-batch:443-443",
            "sg-batch:5671-5671",
            "sg-eks:443-443",
            "sg-eks:5671-5671",
        ]);
        for (const res of r.run.resources.filter((x) => x.type.startsWith("aws:")))
            assert.strictEqual(inputsOf(res).region, "eu-west-1", `${res.type} ${res.name}`);
        assert.strictEqual(plain(r.parent.outputs.credentials).username, "orders.app_1");
    });

    describe("rejects what Amazon MQ cannot run, naming the argument, before anything registers", () => {
        it("nodes other than 3 in production (5, or 1), and other than 1 or 3 in development", async () => {
            const five = service({ nodes: 5 });
            await rejects(
                five.args,
                five.resolved,
                /^nodes: must be 3 on target aws in production.*always three nodes.*got 5/,
            );
            const prod = service();
            await rejects(
                prod.args,
                { ...prod.resolved, nodes: 1 },
                /^nodes: must be 3 on target aws in production.*got 1/,
            );
            const dev = service({ profile: Profile.Development, nodes: 5 });
            await rejects(dev.args, dev.resolved, /^nodes: must be 1 \(a SINGLE_INSTANCE.*or 3.*got 5/);
        });

        it("an instance type outside mq.m7g (RabbitMQ 4.x), and mq.m7g.medium in production", async () => {
            const m5 = service({ aws: { ...placement, instanceType: "mq.m5.large" } });
            await rejects(
                m5.args,
                m5.resolved,
                /^aws\.instanceType: must be one of "mq\.m7g\.medium".*m7g family only \(got "mq\.m5\.large"\)/,
            );
            const medium = service({ aws: { ...placement, instanceType: "mq.m7g.medium" } });
            await rejects(medium.args, medium.resolved, /^aws\.instanceType: "mq\.m7g\.medium" is for testing only/);
            const devMedium = service({
                profile: Profile.Development,
                aws: { ...placement, instanceType: "mq.m7g.medium" },
            });
            assert.strictEqual(
                inputsOf(one((await runBackend(awsRabbitMQ, devMedium.args, devMedium.resolved)).run, A.Broker))
                    .hostInstanceType,
                "mq.m7g.medium",
            );
        });

        it("the username guest, and a username outside 2-100 letters, digits, - . _", async () => {
            for (const username of ["guest", "a", "orders~app", "x".repeat(101)]) {
                const s = service({ aws: { ...placement, username } });
                await rejects(
                    s.args,
                    s.resolved,
                    /^aws\.username: must be 2-100 letters, digits, '-', '\.' and '_', and not "guest"/,
                );
            }
        });

        it("a version other than 4.2.x, quorumQueuesByDefault false, tls false, a storage size, a KMS key", async () => {
            const s = service({
                version: "3.13",
                quorumQueuesByDefault: false,
                tls: false,
                storageGiB: 20,
                aws: { ...placement, kmsKeyArn: "arn:aws:kms:eu-central-1:111122223333:key/k" },
            });
            await rejects(
                s.args,
                s.resolved,
                /^version: must be 4\.2 .*got "3\.13"/,
                /^quorumQueuesByDefault: cannot be false on target aws: quorum is the default queue type/,
                /^tls: cannot be false on target aws: Amazon MQ for RabbitMQ serves AMQPS/,
                /^storageGiB: cannot be set on target aws/,
                /^aws\.kmsKeyArn: cannot be set for RabbitMQ on target aws: .*key AWS owns/,
            );
        });

        it("a missing placement, and a name the broker cannot take", async () => {
            const args: RabbitMQClusterArgs = {};
            const resolved = onAws(resolveRabbitMQ(new ArgChecker("test"), "mq", args));
            await rejects(
                args,
                resolved,
                /^aws\.vpcId: is required/,
                /^aws\.subnetIds: is required/,
                /^aws\.availabilityZones: is required/,
                /^aws\.clientSecurityGroupIds: is required/,
            );
            const long = service();
            await rejects(
                long.args,
                { ...long.resolved, name: "q".repeat(43) },
                /^name: .*names the Amazon MQ broker.*at most 42 characters/,
            );
        });
    });

    describe("what AWS would reject (§6): the inputs we send, not that AWS accepts them", () => {
        it("the password arguments can only produce Amazon MQ passwords: ≥ 12 (≤ 250) characters, ≥ 4 distinct, none of , : =", () => {
            const p = brokerPasswordArgs;
            const alphabet = passwordAlphabet(p);
            for (const c of ",:=") assert.ok(!alphabet.includes(c), `the alphabet holds ${c}`);
            const length = Number(p.length);
            assert.ok(length >= 12 && length <= 250, `length ${length}`);
            // One character at least from each of four disjoint classes: four distinct characters.
            const mins = [p.minUpper, p.minLower, p.minNumeric, p.minSpecial].map(Number);
            assert.ok(mins.every((m) => m >= 1) && mins.reduce((x, y) => x + y) <= length);
            const special = String(p.overrideSpecial);
            assert.ok(
                ![...special].some((c) => /[A-Za-z0-9]/.test(c)),
                "the special class is disjoint from the others",
            );
            assert.strictEqual(p.special, true, "the special class is on, so minSpecial applies");
        });

        it("every URL built from adversarial credentials parses back to the same user, password, host and port", () => {
            const host = "b-1234abcd.mq.eu-central-1.on.aws";
            const specials = String(brokerPasswordArgs.overrideSpecial);
            const passwords = [
                "#$&<>abcdEFGH1234",
                `${specials}Aa1`,
                ...[...specials, "#", "$", "&", "<", ">", "@", "/", "?", "%", " "].map((c) => `ab${c}CD${c}12${c}xyz`),
            ];
            for (const username of ["pulumi-ha-admin", "orders.app_1", "a-b"]) {
                for (const password of passwords) {
                    const url = new URL(amqpsUrl(username, password, host));
                    assert.deepStrictEqual(
                        [
                            url.protocol,
                            decodeURIComponent(url.username),
                            decodeURIComponent(url.password),
                            url.hostname,
                            url.port,
                        ],
                        ["amqps:", username, password, host, "5671"],
                        `${username} / ${password}`,
                    );
                }
            }
        });

        it("the RabbitMQ 4.x engine is sent on an mq.m7g instance type, with the patch version left to Amazon MQ", async () => {
            for (const instanceType of amazonMq.instanceSizes.filter((s) => s !== "medium").map((s) => `mq.m7g.${s}`)) {
                const broker = inputsOf(one((await run({ aws: { ...placement, instanceType } })).run, A.Broker));
                assert.match(broker.engineVersion, /^4\.\d+$/);
                assert.match(broker.hostInstanceType, /^mq\.m7g\./);
            }
            assert.strictEqual(rabbitmqAwsDefaults.instanceType, "mq.m7g.large");
        });

        it("every enumerated value sent is one the provider documents", () => {
            assert.ok(documentedValues("mq/broker.d.ts", "BrokerArgs", "engineType").includes(amazonMq.engineType));
            const modes = documentedValues("mq/broker.d.ts", "BrokerArgs", "deploymentMode");
            assert.ok(
                modes.includes(amazonMq.deploymentMode.cluster) && modes.includes(amazonMq.deploymentMode.single),
                modes.join(),
            );
            assert.ok(
                documentedValues("mq/broker.d.ts", "BrokerArgs", "authenticationStrategy").includes(
                    amazonMq.authenticationStrategy,
                ),
            );
            assert.ok(
                ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].includes(
                    rabbitmqAwsDefaults.maintenanceWindow.dayOfWeek,
                ),
            );
            assert.match(rabbitmqAwsDefaults.maintenanceWindow.timeOfDay, /^([01]\d|2[0-3]):[0-5]\d$/);
        });
    });
});
