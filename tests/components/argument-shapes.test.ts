import * as assert from "assert";
import {
    AppTier,
    KubernetesOperators,
    ObjectStorage,
    Platform,
    PostgresCluster,
    Profile,
    RabbitMQCluster,
    RedisCluster,
} from "../../components";
import { ObjectShape, Shape } from "../../components/core/arg-shape";
import { appTierShape } from "../../components/core/app-tier-shape";
import { kubernetesOperatorsShape, platformShape } from "../../components/core/platform-shape";
import { objectStorageShape, postgresShape, rabbitmqShape, redisShape } from "../../components/core/service-shapes";
import { T } from "../helpers";
import { rejected } from "./services";

// Generic: for every key each shape declares, at every depth, every value of a wrong type
// that a JavaScript caller or a YAML file could pass must be rejected cleanly — an
// InvalidArgumentsError with a problem about that key, nothing but the Stack registered —
// and never crash a resolver with a TypeError. The shapes themselves say which values are
// wrong, so a key added to a contract is covered as soon as its shape is declared.

const candidates: unknown[] = [
    "false",
    "3",
    "x",
    1.5,
    -1,
    2147483648,
    NaN,
    42,
    true,
    null,
    {},
    { a: 1 },
    [],
    [1],
    ["x", 2],
    Symbol("s"),
    () => 1,
];

function rejects(shape: Shape<unknown, boolean>, value: unknown): boolean {
    let reported = false;
    const report = {
        invalid: () => {
            reported = true;
        },
        unknownKeys: () => {
            reported = true;
        },
    };
    if (value === null) return true;
    shape.check(value, "", report);
    return reported;
}

const isObjectShape = (s: Shape<unknown, boolean>): s is ObjectShape<unknown> => "fields" in s;

/** Every (path, wrong value) of a shape, nested objects included. */
function mutations(shape: ObjectShape<unknown>, path: string[] = []): Array<{ path: string[]; value: unknown }> {
    return Object.entries(shape.fields as Record<string, Shape<unknown, boolean>>).flatMap(([key, field]) => [
        ...candidates.filter((v) => rejects(field, v)).map((value) => ({ path: [...path, key], value })),
        ...(isObjectShape(field) ? mutations(field, [...path, key]) : []),
    ]);
}

/** `base` with `value` at `path`; missing parents come from `template` (complete, valid objects). */
function withValue(
    base: object,
    template: Record<string, any>,
    path: string[],
    value: unknown,
): Record<string, unknown> {
    const args = structuredClone(base) as Record<string, any>;
    let at = args;
    let from: Record<string, any> | undefined = template;
    for (const key of path.slice(0, -1)) {
        from = from?.[key];
        at[key] = at[key] ?? structuredClone(from ?? {});
        at = at[key];
    }
    at[path[path.length - 1]] = value;
    return args;
}

/** Whether a problem ("a.b: …" or "a.b has …") is about `path`, a part of it, or what holds it. */
function about(problem: string, path: string): boolean {
    const arg = problem.split(/:? /)[0];
    const within = (inner: string, outer: string) =>
        inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    return within(arg, path) || within(path, arg);
}

const components: Array<[string, ObjectShape<unknown>, object, Record<string, unknown>, (args: any) => void]> = [
    [
        "AppTier",
        appTierShape as ObjectShape<unknown>,
        { image: "web:1.0.0" },
        { ingress: { host: "web.example.com", tlsSecretName: "web-tls" } },
        (a) => new AppTier("web", a),
    ],
    [
        "PostgresCluster",
        postgresShape as ObjectShape<unknown>,
        { profile: Profile.Development },
        {
            backup: { enabled: true, destination: { bucket: "backups", credentialsSecretName: "keys" } },
            pooler: { enabled: true },
        },
        (a) => new PostgresCluster("pg", a),
    ],
    [
        "RedisCluster",
        redisShape as ObjectShape<unknown>,
        { profile: Profile.Development },
        {},
        (a) => new RedisCluster("cache", a),
    ],
    [
        "RabbitMQCluster",
        rabbitmqShape as ObjectShape<unknown>,
        { profile: Profile.Development },
        {},
        (a) => new RabbitMQCluster("mq", a),
    ],
    [
        "ObjectStorage",
        objectStorageShape as ObjectShape<unknown>,
        { profile: Profile.Development },
        { external: { endpoint: "https://s3.example.com", credentialsSecretName: "keys" } },
        (a) => new ObjectStorage("files", a),
    ],
    [
        "KubernetesOperators",
        kubernetesOperatorsShape as ObjectShape<unknown>,
        {},
        {},
        (a) => new KubernetesOperators("ops", a),
    ],
    [
        "Platform",
        platformShape as ObjectShape<unknown>,
        { app: { image: "web:1.0.0" } },
        {},
        (a) => new Platform("shop", a),
    ],
];

describe("every key of every argument shape rejects values of the wrong type cleanly", () => {
    for (const [component, shape, base, template, create] of components) {
        const cases = mutations(shape);
        it(`${component}: ${cases.length} wrong values, each an argument error about its key`, async () => {
            assert.ok(cases.length >= Object.keys(shape.fields).length, "every key has wrong values to try");
            for (const { path, value } of cases) {
                const where = `${path.join(".")} = ${JSON.stringify(value)}`;
                const { problems, registered } = await rejected(() =>
                    create(withValue(base, template, path, value)),
                ).catch((e) => assert.fail(`${where}: ${e.message}`));
                assert.deepStrictEqual(registered, [T.Stack], `${where}: nothing but the Stack may be registered`);
                assert.ok(
                    problems.some((p) => about(p, path.join("."))),
                    `${where}: no problem about it in ${JSON.stringify(problems)}`,
                );
            }
        });
    }
});
