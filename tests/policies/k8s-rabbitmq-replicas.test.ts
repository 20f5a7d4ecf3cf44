import * as assert from "assert";
import { RabbitMQCluster } from "../../components";
import { customResource } from "./fixtures";
import { expectNoViolation, expectOneViolation, usePolicyPack } from "./judge";

const policy = "k8s-rabbitmq-replicas";
const rabbit = (replicas?: number) => customResource("mq", "rabbitmq.com/v1beta1", "RabbitmqCluster", { replicas });

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    it("passes the RabbitMQCluster defaults (3 nodes) and 5 nodes", async () => {
        expectNoViolation(
            await judge(() => {
                new RabbitMQCluster("mq", {});
            }),
            policy,
        );
        expectNoViolation(await judge(() => rabbit(5)), policy);
    });

    it("fails the operator's default of one node, naming the cluster (mandatory)", async () => {
        const d = expectOneViolation(await judge(() => rabbit()), policy, "mq");
        assert.strictEqual(d.level, "mandatory");
        assert.match(d.message, /RabbitmqCluster default\/mq runs 1 node\(s\); needs at least 3/);
    });

    it("fails an even number of nodes", async () => {
        const d = expectOneViolation(await judge(() => rabbit(4)), policy, "mq");
        assert.match(d.message, /runs 4 nodes, an even number: use 3 or 5/);
    });

    it("takes its threshold from policy config", async () => {
        expectOneViolation(await judge(() => rabbit(3), { [policy]: { minReplicas: 5 } }), policy, "mq");
        expectNoViolation(await judge(() => rabbit(1), { [policy]: { minReplicas: 1 } }), policy);
    });
});
