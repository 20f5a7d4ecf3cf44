import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    AppTier,
    AppTierArgs,
    KubernetesOperators,
    ObjectStorage,
    ObjectStorageArgs,
    ObjectStorageMode,
    Platform,
    PlatformArgs,
    PostgresCluster,
    PostgresClusterArgs,
    Profile,
    RabbitMQCluster,
    RedisCluster,
    RedisClusterArgs,
    RedisMode,
} from "../../components";
import { runProgram } from "../../scripts/harness/mock-engine";
import { T, inputsOf, one } from "../helpers";
import { expectRejected } from "./services";

// The outside tester's classes of bad input (issue 7, section 5), one or more cases each:
// every one must be an InvalidArgumentsError naming the argument and what it allows, thrown
// before anything but the Stack is registered, with exactly the problems listed. The `any`
// casts are what a JavaScript caller or a YAML file can pass.

const image = "ghcr.io/acme/web:1.2.3";
const app = (args: Record<string, unknown>) => () => {
    new AppTier("web", { image, ...args } as AppTierArgs);
};
const pg =
    (args: Record<string, unknown>, name = "pg") =>
    () => {
        new PostgresCluster(name, { profile: Profile.Development, ...args } as PostgresClusterArgs);
    };
const redis =
    (args: Record<string, unknown>, name = "cache") =>
    () => {
        new RedisCluster(name, args as RedisClusterArgs);
    };
const mq =
    (args: Record<string, unknown>, name = "mq") =>
    () => {
        new RabbitMQCluster(name, args as any);
    };
const store =
    (args: Record<string, unknown>, name = "files") =>
    () => {
        new ObjectStorage(name, args as ObjectStorageArgs);
    };
const external = { endpoint: "https://s3.example.com", credentialsSecretName: "keys" };
const platform =
    (args: Record<string, unknown>, name = "shop") =>
    () => {
        new Platform(name, { app: { image }, ...args } as PlatformArgs);
    };
const destination = { bucket: "backups", endpoint: "https://s3.example.com", credentialsSecretName: "keys" };
const chars = (n: number) => "a".repeat(n);

const cases: Array<[string, () => void, ...RegExp[]]> = [
    // Types: booleans, lists, integers within int32, strings, map values, enums, nested objects, unknown keys.
    [
        'a boolean given as a string (tls: "false")',
        redis({ tls: "false" }),
        /^tls: must be a boolean, true or false \(got "false"\)$/,
    ],
    [
        "a nested boolean given as a string",
        app({ disruptionBudget: { enabled: "no" } }),
        /^disruptionBudget\.enabled: must be a boolean, true or false \(got "no"\)$/,
    ],
    [
        'an object argument given a string (disruptionBudget: "no")',
        app({ disruptionBudget: "no" }),
        /^disruptionBudget: must be an object of AppTierDisruptionBudgetArgs \(got "no"\)$/,
    ],
    [
        'a list given as a string (command: "npm start")',
        app({ command: "npm start" }),
        /^command: must be a list, each item a string \(got "npm start"\)$/,
    ],
    [
        "a list item that is not a string",
        app({ containerArgs: ["--port", 8080] }),
        /^containerArgs\[1\]: must be a string \(got 8080\)$/,
    ],
    [
        "an integer beyond int32 (replicas: 2147483648)",
        app({ replicas: 2147483648 }),
        /^replicas: must be an integer from 0 to 2147483647 \(got 2147483648\)$/,
    ],
    [
        "a fraction where seconds are whole (terminationGracePeriodSeconds: 60.5)",
        app({ shutdown: { terminationGracePeriodSeconds: 60.5 } }),
        /^shutdown\.terminationGracePeriodSeconds: must be an integer from 0 to 2147483647 \(got 60\.5\)$/,
    ],
    [
        'a number given as a string (instances: "3")',
        pg({ instances: "3" }),
        /^instances: must be an integer from 0 to 2147483647 \(got "3"\)$/,
    ],
    ["a string given as a number (image: 42)", app({ image: 42 }), /^image: must be a string \(got 42\)$/],
    [
        "a map value that is not a string (env: {A: 1})",
        app({ env: { A: 1, B: "ok" } }),
        /^env\.A: must be a string \(got 1\)$/,
    ],
    ["an enum given another type", redis({ mode: 2 }), /^mode: must be one of "replicated", "cluster" \(got 2\)$/],
    [
        "a nested object given a string",
        pg({ kubernetes: "pg-ns" }),
        /^kubernetes: must be an object of PostgresKubernetesArgs \(got "pg-ns"\)$/,
    ],
    ["a null value", redis({ persistence: null }), /^persistence: must be a boolean, true or false \(got null\)$/],
    [
        "an unknown key (a JavaScript caller's typo)",
        pg({ instancs: 3 }),
        /^instancs: is not an argument of PostgresClusterArgs; its arguments are target, profile, deletionProtection, aws, gcp, kubernetes, version, instances, /,
    ],
    [
        "an unknown nested key",
        app({ autoscaling: { minReplica: 2 } }),
        /^autoscaling\.minReplica: is not an argument of AppTierAutoscalingArgs; its arguments are enabled, minReplicas, maxReplicas, cpuUtilization, memoryUtilization$/,
    ],
    [
        "a secretEnv entry without its key",
        app({ secretEnv: { TOKEN: { secretName: "s" } } }),
        /^secretEnv\.TOKEN\.key: is required: a string$/,
    ],
    [
        "several type problems at once, and nothing repeated by later rules",
        app({ replicas: "3", port: "80", autoscaling: { maxReplicas: "x" } }),
        /^replicas: must be an integer/,
        /^port: must be an integer/,
        /^autoscaling\.maxReplicas: must be an integer/,
    ],

    // Arguments that are not an object at all, or miss what is required: never a TypeError.
    [
        "Platform arguments undefined",
        () => {
            new Platform("shop", undefined as any);
        },
        /^args: must be an object of PlatformArgs \(got undefined\)$/,
    ],
    [
        "PostgresCluster arguments null",
        () => {
            new PostgresCluster("pg", null as any);
        },
        /^args: must be an object of PostgresClusterArgs \(got null\)$/,
    ],
    [
        "RedisCluster arguments a string",
        () => {
            new RedisCluster("cache", "cluster" as any);
        },
        /^args: must be an object of RedisClusterArgs \(got "cluster"\)$/,
    ],
    [
        "AppTier without an image",
        () => {
            new AppTier("web", {} as AppTierArgs);
        },
        /^image: is required: a string$/,
    ],
    [
        "Platform without an app",
        () => {
            new Platform("shop", {} as PlatformArgs);
        },
        /^app: is required: an object of AppTierArgs$/,
    ],
    [
        "Platform with an app that is not an object",
        platform({ app: "web" }),
        /^app: must be an object of AppTierArgs \(got "web"\)$/,
    ],
    [
        "KubernetesOperators arguments null",
        () => {
            new KubernetesOperators("ops", null as any);
        },
        /^args: must be an object of KubernetesOperatorsArgs \(got null\)$/,
    ],
    [
        "KubernetesOperators with a string for a boolean",
        () => {
            new KubernetesOperators("ops", { rook: "yes" } as any);
        },
        /^rook: must be a boolean, true or false \(got "yes"\)$/,
    ],
    [
        "external mode without the endpoint",
        store({ kubernetes: { mode: ObjectStorageMode.External, external: { credentialsSecretName: "keys" } } }),
        /^kubernetes\.external\.endpoint: is required: a string$/,
    ],
    [
        "external mode without external",
        store({ kubernetes: { mode: ObjectStorageMode.External } }),
        /^kubernetes\.external: is required in mode external/,
    ],
    [
        "a backup destination without its bucket",
        pg({ backup: { enabled: true }, kubernetes: { backup: { destination: { credentialsSecretName: "keys" } } } }),
        /^kubernetes\.backup\.destination\.bucket: is required: a string \(or an Output of one\)$/,
    ],

    // Kubernetes names: the component's own and the longest its operator derives.
    [
        "a component name that is not a string",
        () => {
            new AppTier(42 as any, { image });
        },
        /^name: must be a string \(got 42\)$/,
    ],
    [
        "a Service name that starts with a digit",
        () => {
            new AppTier("9web", { image });
        },
        /^name: "9web" must start with a letter: it names the Service "9web", which must be a DNS-1035 label$/,
    ],
    [
        "a Postgres name over CloudNativePG's 50",
        pg({}, chars(51)),
        /^name: "a{51}" is too long: it names the CloudNativePG Cluster "a{51}" \(51 characters; at most 50: CloudNativePG's limit for a cluster name\); use a name of at most 50 characters$/,
    ],
    // -follower (StatefulSet, 52) and -follower-additional (Service, 63) leave the same 43 characters.
    [
        "a Redis cluster name whose -follower StatefulSet exceeds 52",
        redis({ mode: RedisMode.Cluster }, chars(44)),
        /^name: "a{44}" is too long: it names the redis-operator's StatefulSet "a{44}-follower" \(53 characters; at most 52: its pods' controller-revision-hash label holds 63 characters\); use a name of at most 43 characters$/,
    ],
    [
        "a replicated Redis name whose -sentinel StatefulSet exceeds 52",
        redis({}, chars(44)),
        /^name: .* it names the redis-operator's StatefulSet "a{44}-sentinel" \(53 characters/,
    ],
    [
        "a RabbitMQ name whose -server StatefulSet exceeds 52",
        mq({}, chars(46)),
        /^name: "a{46}" is too long: it names the RabbitMQ operator's StatefulSet "a{46}-server" \(53 characters; at most 52: its pods' controller-revision-hash label holds 63 characters\); use a name of at most 45 characters$/,
    ],
    [
        "an in-cluster store whose rook-ceph-rgw- Service exceeds 63",
        store({ bucket: "files" }, chars(50)),
        /^name: .* it names Rook's gateway Service "rook-ceph-rgw-a{50}" \(64 characters; at most 63.*; use a name of at most 49 characters$/,
    ],
    [
        "a Platform name that makes its parts' names too long",
        platform({ rabbitmq: {} }, chars(40)),
        /^rabbitmq\.name: "a{40}-rabbitmq" is too long: .*StatefulSet "a{40}-rabbitmq-server"/,
    ],
    [
        "a namespace that is not a DNS-1123 label",
        app({ namespace: "Shop_NS" }),
        /^namespace: must be a namespace name: a DNS-1123 label .*\(got "Shop_NS"\)$/,
    ],
    [
        "a service namespace with a dot",
        redis({ kubernetes: { namespace: "team.cache" } }),
        /^kubernetes\.namespace: must be a namespace name/,
    ],
    [
        "a Platform namespace too long",
        platform({ kubernetes: { namespace: chars(64) } }),
        /^kubernetes\.namespace: must be a namespace name/,
    ],

    // Values: quantities, cron, endpoints, bucket names, ingress host, StorageClass, user ids, writable paths.
    [
        "a zero quantity",
        app({ resources: { cpuRequest: "0" } }),
        /^resources\.cpuRequest: must be a Kubernetes quantity greater than 0, such as "250m", "1" or "512Mi" \(got "0"\)$/,
    ],
    [
        "a quantity that does not parse",
        app({ resources: { memoryLimit: "1.5.5Gi" } }),
        /^resources\.memoryLimit: must be a Kubernetes quantity/,
    ],
    [
        "a memory request above its limit",
        app({ resources: { memoryRequest: "1Gi", memoryLimit: "512Mi" } }),
        /^resources\.memoryRequest: must be at most resources\.memoryLimit \(512Mi\), got 1Gi$/,
    ],
    [
        "a CPU request above its limit",
        app({ resources: { cpuRequest: "2", cpuLimit: "1500m" } }),
        /^resources\.cpuRequest: must be at most resources\.cpuLimit \(1500m\), got 2$/,
    ],
    [
        "a data service's memory request above its limit",
        pg({ kubernetes: { resources: { memoryRequest: "4Gi", memoryLimit: "2Gi" } } }),
        /^kubernetes\.resources\.memoryRequest: must be at most kubernetes\.resources\.memoryLimit \(2Gi\), got 4Gi$/,
    ],
    [
        "a Sentinel CPU request of 0",
        redis({ kubernetes: { sentinelResources: { cpuRequest: "0m" } } }),
        /^kubernetes\.sentinelResources\.cpuRequest: must be a Kubernetes quantity greater than 0/,
    ],
    [
        "an operator namespace Kubernetes refuses",
        mq({ kubernetes: { operatorNamespace: "RabbitMQ System" } }),
        /^kubernetes\.operatorNamespace: must be a namespace name/,
    ],
    ["a storage size of 0", redis({ storageGiB: 0 }), /^storageGiB: must be an integer from 1 to 65536 \(got 0\)/],
    [
        "a cron field out of range",
        pg({ backup: { enabled: true }, kubernetes: { backup: { destination, schedule: "0 0 25 * * *" } } }),
        /^kubernetes\.backup\.schedule: must be a six-field cron expression, seconds first, .*; field 3 \(hours\) "25" is not within 0-23 \(got "0 0 25 \* \* \*"\)$/,
    ],
    [
        "a cron with a seventh field",
        pg({ backup: { enabled: true }, kubernetes: { backup: { destination, schedule: "0 0 2 * * * 2026" } } }),
        /^kubernetes\.backup\.schedule: .*has 7 field\(s\)/,
    ],
    [
        "an endpoint that is not http(s)",
        store({
            kubernetes: {
                mode: ObjectStorageMode.External,
                external: { ...external, endpoint: "ftp://files.example.com" },
            },
        }),
        /^kubernetes\.external\.endpoint: must be an http\(s\) URL \(got "ftp:\/\/files\.example\.com"\)/,
        /^kubernetes\.external\.endpoint: must be https in the production profile/,
    ],
    [
        "an endpoint with credentials in it",
        store({
            kubernetes: {
                mode: ObjectStorageMode.External,
                external: { ...external, endpoint: "https://key:secret@s3.example.com" },
            },
        }),
        /^kubernetes\.external\.endpoint: must be an http\(s\) URL/,
    ],
    [
        "a plain-http backup endpoint in production",
        () => {
            new PostgresCluster("pg", {
                kubernetes: { backup: { destination: { ...destination, endpoint: "http://minio:9000" } } },
            });
        },
        /^kubernetes\.backup\.destination\.endpoint: must be https in the production profile/,
    ],
    [
        "a bucket name with '..'",
        store({ bucket: "my..files" }),
        /^bucket: must be an S3 bucket name: .*; must not contain two adjacent periods \(got "my\.\.files"\)$/,
    ],
    [
        "a bucket name that is an IP address",
        store({ bucket: "192.168.1.10" }),
        /^bucket: .*must not be formatted as an IP address/,
    ],
    ["a bucket name with the xn-- prefix", store({ bucket: "xn--files" }), /^bucket: .*must not start with "xn--"/],
    [
        "a bucket name with the -s3alias suffix",
        store({ bucket: "files-s3alias" }),
        /^bucket: .*must not end with "-s3alias"/,
    ],
    [
        "a backup bucket of 2 characters",
        pg({ backup: { enabled: true }, kubernetes: { backup: { destination: { ...destination, bucket: "pg" } } } }),
        /^kubernetes\.backup\.destination\.bucket: .*must be 3 to 63 characters/,
    ],
    [
        "an ingress host that is a URL",
        app({ ingress: { host: "https://shop.example.com", tlsSecretName: "tls" } }),
        /^ingress\.host: must be a lower-case DNS name .*\(got "https:\/\/shop\.example\.com"\)$/,
    ],
    [
        "an ingress host that is an IP address",
        app({ ingress: { host: "10.0.0.1", tlsSecretName: "tls" } }),
        /^ingress\.host: must be a lower-case DNS name/,
    ],
    [
        "a StorageClass that is not an object name",
        redis({ kubernetes: { storageClass: "Fast SSD" } }),
        /^kubernetes\.storageClass: must be a Kubernetes object name/,
    ],
    [
        "runAsUser 0 (root)",
        app({ security: { runAsUser: 0 } }),
        /^security\.runAsUser: must be an integer from 1 to 2147483647 \(got 0\)$/,
    ],
    [
        "runAsGroup and fsGroup out of range",
        app({ security: { runAsGroup: -1, fsGroup: 2147483648 } }),
        /^security\.runAsGroup: must be an integer from 0 to 2147483647 \(got -1\)$/,
        /^security\.fsGroup: must be an integer from 0 to 2147483647 \(got 2147483648\)$/,
    ],
    [
        "writable paths relative, root, and repeated",
        app({ security: { writablePaths: ["tmp", "/", "/cache", "/cache"] } }),
        /^security\.writablePaths\[0\]: must be an absolute path other than "\/"/,
        /^security\.writablePaths\[1\]: must be an absolute path/,
        /^security\.writablePaths: must not list a path twice$/,
    ],

    // Platform: the app's generated secrets are checked before any service registers.
    [
        "an app secret shorter than 16",
        platform({ postgres: { profile: Profile.Development }, appSecrets: { JWT_SECRET: { length: 8 } } }),
        /^appSecrets\.JWT_SECRET\.length: must be an integer from 16 to 1024 \(got 8\)$/,
    ],
    [
        "an app secret with an unknown encoding",
        platform({ appSecrets: { KEY: { encoding: "rot13" } } }),
        /^appSecrets\.KEY\.encoding: must be one of "password", "hex", "base64" \(got "rot13"\)$/,
    ],
    [
        "an app secret whose name is not a Secret key",
        platform({ appSecrets: { "MY KEY": {} } }),
        /^appSecrets\.MY KEY: must be a Secret key/,
    ],
    [
        "a part's mistyped argument, prefixed by the part",
        platform({ redis: { tls: "false" } }),
        /^redis\.tls: must be a boolean, true or false \(got "false"\)$/,
    ],
    [
        "a part's kubernetes that is not an object",
        platform({ postgres: { profile: Profile.Development, kubernetes: 3 } }),
        /^postgres\.kubernetes: must be an object of PostgresKubernetesArgs \(got 3\)$/,
    ],
];

describe("bad arguments of every kind are InvalidArgumentsErrors before anything registers (issue 7 §5)", () => {
    for (const [what, program, ...patterns] of cases) {
        it(what, () => expectRejected(program, ...patterns));
    }

    it("a component name that is not a DNS-1123 label", () =>
        expectRejected(() => {
            new PostgresCluster("Orders_DB", { profile: Profile.Development });
        }, /^name: "Orders_DB" names Kubernetes objects, so it must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters$/));
});

describe("what the shapes accept", () => {
    it("Outputs where the contract takes pulumi.Input, the longest allowed names, a wildcard host, @daily and http in development", async () => {
        const run = await runProgram(() => {
            new AppTier("web", {
                image,
                namespace: pulumi.output("shop"),
                secretEnv: { TOKEN: { secretName: pulumi.output("web-secrets"), key: "token" } },
                ingress: { host: "*.shop.example.com", tlsSecretName: "shop-tls" },
                security: {
                    runAsUser: 1000,
                    runAsGroup: 0,
                    fsGroup: 2147483647,
                    writablePaths: ["/tmp", "/var/cache/app"],
                },
                resources: { cpuRequest: "1", cpuLimit: "1", memoryRequest: "0.5Gi", memoryLimit: "512Mi" },
            });
            new RabbitMQCluster(chars(45), { profile: Profile.Development });
            new RedisCluster(chars(43), { mode: RedisMode.Cluster, profile: Profile.Development });
            new PostgresCluster(chars(50), {
                profile: Profile.Development,
                backup: { enabled: true },
                kubernetes: {
                    backup: {
                        schedule: "@daily",
                        destination: {
                            ...destination,
                            bucket: pulumi.output("any-name-later"),
                            endpoint: "http://minio.local:9000",
                        },
                    },
                },
            });
            new ObjectStorage(chars(49), { profile: Profile.Development, bucket: "files.example.com" });
        });
        assert.strictEqual(inputsOf(one(run, T.Ingress)).spec.rules[0].host, "*.shop.example.com");
        assert.strictEqual(one(run, T.CnpgCluster).name, chars(50));
        assert.deepStrictEqual(inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0].resources, {
            requests: { cpu: "1", memory: "0.5Gi" },
            limits: { cpu: "1", memory: "512Mi" },
        });
        assert.strictEqual(inputsOf(one(run, T.RabbitmqClusterCR)).metadata.name, chars(45));
    });

    it("a request raised above the default limit raises that limit with it (the API server refuses request > limit)", async () => {
        const run = await runProgram(() => {
            new AppTier("web", { image, resources: { cpuRequest: "2", memoryRequest: "1Gi" } });
            new PostgresCluster("pg", {
                profile: Profile.Development,
                kubernetes: { resources: { memoryRequest: "4Gi" } },
            });
        });
        assert.deepStrictEqual(inputsOf(one(run, T.Deployment)).spec.template.spec.containers[0].resources.limits, {
            cpu: "2",
            memory: "1Gi",
        });
        assert.deepStrictEqual(inputsOf(one(run, T.CnpgCluster)).spec.resources, {
            requests: { cpu: "250m", memory: "4Gi" },
            limits: { cpu: "250m", memory: "4Gi" },
        });
    });

    it("an omitted KubernetesOperators argument means every default", async () => {
        const run = await runProgram(() => {
            new KubernetesOperators("ops");
        });
        assert.ok(run.resources.some((r) => r.type === T.HelmRelease));
    });
});
