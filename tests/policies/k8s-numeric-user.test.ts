import * as assert from "assert";
import * as random from "@pulumi/random";
import { expectNoViolation, expectOneViolation, usePolicyPack, violationsOf } from "./judge";
import { container, podKinds, podWorkload } from "./pod-fixtures";
import { RawResource, expectRobust, only, useRawPack } from "./raw-pack";

const policy = "k8s-numeric-user";
const nonRoot = { runAsNonRoot: true };

describe(`policy ${policy}`, () => {
    const judge = usePolicyPack();

    for (const kind of podKinds) {
        it(`passes a ${kind} with runAsNonRoot and a numeric runAsUser (pod or container level), and fails one without, naming it`, async () => {
            expectNoViolation(
                await judge(() => podWorkload(kind, "w", { securityContext: { ...nonRoot, runAsUser: 1000 } })),
                policy,
            );
            expectNoViolation(
                await judge(() =>
                    podWorkload(kind, "w", {
                        securityContext: nonRoot,
                        containers: [container("app", { securityContext: { runAsUser: 1000 } })],
                    }),
                ),
                policy,
            );
            const d = expectOneViolation(
                await judge(() => podWorkload(kind, "w", { securityContext: nonRoot })),
                policy,
                "w",
            );
            assert.strictEqual(d.level, "advisory");
            assert.strictEqual(
                d.message,
                `container "app" of ${kind} default/w sets runAsNonRoot without a numeric runAsUser (container or pod): the kubelet refuses to start it when the image's USER is a name ("cannot verify user is non-root").`,
            );
        });
    }

    it("takes the container's runAsNonRoot over the pod's", async () => {
        // The pod asks for non-root, the container opts out: nothing for the kubelet to verify.
        expectNoViolation(
            await judge(() =>
                podWorkload("Deployment", "w", {
                    securityContext: nonRoot,
                    containers: [container("app", { securityContext: { runAsNonRoot: false } })],
                }),
            ),
            policy,
        );
        // The container asks for it alone.
        const d = expectOneViolation(
            await judge(() =>
                podWorkload("Deployment", "w", {
                    containers: [container("ok"), container("strict", { securityContext: nonRoot })],
                }),
            ),
            policy,
            "w",
        );
        assert.match(d.message, /^container "strict" of Deployment default\/w/);
    });

    it("passes pods that do not ask for non-root, and judges init containers too", async () => {
        expectNoViolation(await judge(() => podWorkload("Deployment", "w")), policy);
        expectNoViolation(
            await judge(() => podWorkload("Deployment", "w", { securityContext: { runAsNonRoot: false } })),
            policy,
        );
        const d = expectOneViolation(
            await judge(() =>
                podWorkload("Deployment", "w", {
                    containers: [container("app", { securityContext: { ...nonRoot, runAsUser: 1000 } })],
                    initContainers: [container("migrate", { securityContext: nonRoot })],
                }),
            ),
            policy,
            "w",
        );
        assert.match(d.message, /^init container "migrate" of Deployment default\/w/);
    });

    it("fails runAsUser 0 under runAsNonRoot, even when the pod sets another uid", async () => {
        const d = expectOneViolation(
            await judge(() =>
                podWorkload("StatefulSet", "db", {
                    securityContext: { ...nonRoot, runAsUser: 1000 },
                    containers: [container("app", { securityContext: { runAsUser: 0 } })],
                }),
            ),
            policy,
            "db",
        );
        assert.strictEqual(
            d.message,
            'container "app" of StatefulSet default/db sets runAsNonRoot with runAsUser 0: the kubelet refuses to start it.',
        );
    });

    it("names the workload by its resource name when metadata.name is left to the provider", async () => {
        const d = expectOneViolation(
            await judge(() => podWorkload("Deployment", "web", { metadataName: null, securityContext: nonRoot })),
            policy,
            "web",
        );
        assert.match(d.message, /of Deployment default\/web sets/);
    });

    it("with requireRunAsNonRoot, also fails containers that may run as root", async () => {
        const config = { [policy]: { requireRunAsNonRoot: true } };
        const d = expectOneViolation(await judge(() => podWorkload("Deployment", "w"), config), policy, "w");
        assert.strictEqual(
            d.message,
            'container "app" of Deployment default/w does not set runAsNonRoot (container or pod): it may run as root.',
        );
        expectNoViolation(
            await judge(
                () => podWorkload("Deployment", "w", { securityContext: { ...nonRoot, runAsUser: 1000 } }),
                config,
            ),
            policy,
        );
    });

    it("honours an exemption with a reason", async () => {
        const annotations = { [`pulumi-ha.io/exempt-${policy}`]: "image runs as uid 1000 by number" };
        expectNoViolation(
            await judge(() => podWorkload("Deployment", "w", { securityContext: nonRoot, annotations })),
            policy,
        );
    });

    it("never fails on a runAsUser unknown at preview (a notice), and judges it at update", async () => {
        const program = () => {
            const uid = new random.RandomInteger("uid", { min: 1000, max: 1000 }).result;
            podWorkload("Deployment", "w", {
                securityContext: nonRoot,
                containers: [container("app", { securityContext: { runAsUser: uid } })],
            });
        };
        const preview = await judge(program, {}, true);
        expectNoViolation(preview, policy);
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
        expectNoViolation(await judge(program), policy);
        assert.strictEqual((await judge(program)).notices.length, 0);
    });

    it("still reports a known container beside one whose values are unknown", async () => {
        const program = () => {
            const uid = new random.RandomInteger("uid", { min: 1000, max: 1000 }).result;
            podWorkload("Deployment", "w", {
                containers: [
                    container("unknown", { securityContext: { ...nonRoot, runAsUser: uid } }),
                    container("bad", { securityContext: nonRoot }),
                ],
            });
        };
        const preview = await judge(program, {}, true);
        assert.deepStrictEqual(
            violationsOf(preview, policy).map((d) => d.message.split(" of ")[0]),
            ['container "bad"'],
        );
        assert.strictEqual(preview.notices.filter((d) => d.policy === policy).length, 1);
    });

    describe("malformed and unknown values anywhere", () => {
        const raw = useRawPack();
        const pod = (spec: unknown): RawResource => ({
            type: "kubernetes:apps/v1:Deployment",
            name: "w",
            props: {
                metadata: { name: "w", namespace: "default", annotations: { note: "x" } },
                spec: { replicas: 3, template: { metadata: { labels: { app: "w" } }, spec } },
            },
        });
        it("never throws, never prints undefined, and an unknown never fails a passing pod", async () => {
            const checked = await expectRobust(raw, policy, [
                pod({
                    securityContext: { runAsNonRoot: true, runAsUser: 1000 },
                    containers: [{ name: "app", image: "nginx:1.27.3", securityContext: { runAsNonRoot: true } }],
                    initContainers: [{ name: "init", image: "busybox:1.36.1" }],
                }),
                pod({
                    securityContext: { runAsNonRoot: true },
                    containers: [{ name: "app", image: "nginx:1.27.3", securityContext: { runAsUser: 1000 } }],
                }),
                pod({ securityContext: { runAsNonRoot: true }, containers: [{ name: "bad", image: "nginx:1.27.3" }] }),
            ]);
            assert.ok(checked > 300, `checked ${checked} variants`);
        });
        it("treats null and wrong-typed entries as absent", async () => {
            const v = await raw(
                [
                    pod({
                        securityContext: null,
                        containers: [null, "x", { name: null, securityContext: { runAsNonRoot: true } }],
                    }),
                    { type: "kubernetes:batch/v1:CronJob", name: "cj", props: { spec: { jobTemplate: [null] } } },
                    {
                        type: "kubernetes:core/v1:Pod",
                        name: "p",
                        props: {
                            metadata: null,
                            spec: { securityContext: { runAsNonRoot: true, runAsUser: "1000" }, containers: [{}] },
                        },
                    },
                ],
                only(policy, "advisory"),
            );
            assert.deepStrictEqual(
                violationsOf(v, policy)
                    .map((d) => d.message.split(" sets ")[0])
                    .sort(),
                ["containers[0] of Pod default/p", "containers[2] of Deployment default/w"],
            );
        });
    });
});
