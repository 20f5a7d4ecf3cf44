import * as assert from "assert";
import { show } from "../../components/core/arg-shape";
import { bucketNameProblem, cronProblem, isIngressHost, parseQuantity, urlScheme } from "../../components/core/formats";

// The formats arguments are checked against, pinned to what the systems that read them accept.

describe("argument formats", () => {
    it("Kubernetes quantities: every suffix and number form resource.Quantity takes, and nothing else", () => {
        const parsed: Array<[string, number]> = [
            ["250m", 0.25],
            ["1", 1],
            ["1.5", 1.5],
            [".5", 0.5],
            ["5.", 5],
            ["+2", 2],
            ["512Mi", 512 * 2 ** 20],
            ["1Gi", 2 ** 30],
            ["2k", 2000],
            ["1e3", 1000],
            ["1E", 1e18],
            ["3M", 3e6],
        ];
        for (const [q, n] of parsed) assert.strictEqual(parseQuantity(q), n, q);
        for (const q of ["", "lots", "1.5.5", "1GB", "1 Gi", "Mi", "1mi", "0x10", "1e"])
            assert.strictEqual(parseQuantity(q), undefined, q);
    });

    it("CloudNativePG schedules: six fields, seconds first, lists, ranges, steps, names and descriptors", () => {
        for (const ok of [
            "0 0 2 * * *",
            "*/15 * * * * *",
            "0 30 1-5/2 * * MON-FRI",
            "0 0 2 ? * sun",
            "0 0 0 1,15 JAN,jul *",
            "@daily",
            "@hourly",
        ]) {
            assert.strictEqual(cronProblem(ok), undefined, ok);
        }
        const bad: Array<[string, RegExp]> = [
            ["0 2 * * *", /has 5 field/],
            ["", /has 0 field/],
            ["60 * * * * *", /field 1 \(seconds\)/],
            ["0 0 24 * * *", /field 3 \(hours\)/],
            ["0 0 0 0 * *", /field 4 \(day of month\)/],
            ["0 0 0 * 13 *", /field 5 \(month\)/],
            ["0 0 0 * * 7", /field 6 \(day of week\)/],
            ["0 0 5-1 * * *", /field 3/],
            ["0 */0 * * * *", /field 2/],
            ["0 0 2 * * * *", /has 7 field/],
            ["@every 1h", /has 2 field/],
        ];
        for (const [schedule, problem] of bad) assert.match(cronProblem(schedule) ?? "accepted", problem, schedule);
    });

    it("endpoints: http(s) with a host and no credentials", () => {
        assert.strictEqual(urlScheme("https://s3.example.com"), "https");
        assert.strictEqual(urlScheme("http://minio.minio.svc:9000/"), "http");
        for (const u of [
            "minio:9000",
            "ftp://x.example.com",
            "https://",
            "https://k:s@s3.example.com",
            "https://s3 .example.com",
            "s3.example.com",
        ]) {
            assert.strictEqual(urlScheme(u), undefined, u);
        }
    });

    it("S3 bucket names by AWS's rules", () => {
        for (const ok of ["abc", "my-files", "files.example.com", "a".repeat(63), "123-files"])
            assert.strictEqual(bucketNameProblem(ok), undefined, ok);
        for (const bad of [
            "ab",
            "a".repeat(64),
            "My-Files",
            "files_",
            "-files",
            "files-",
            "my..files",
            "10.0.0.1",
            "xn--files",
            "sthree-files",
            "files-s3alias",
            "files--ol-s3",
        ]) {
            assert.ok(bucketNameProblem(bad), bad);
        }
    });

    it("Ingress hosts: DNS names, a leading wildcard, never an IP, a port or a URL", () => {
        for (const ok of ["shop.example.com", "*.example.com", "localhost", "a-b.c"]) assert.ok(isIngressHost(ok), ok);
        for (const bad of [
            "10.0.0.1",
            "shop.example.com:443",
            "https://shop.example.com",
            "Shop.example.com",
            "*",
            "a.*.com",
            "",
            "-shop.com",
            `${"a".repeat(64)}.com`,
        ]) {
            assert.ok(!isIngressHost(bad), bad);
        }
    });

    it("messages show values as JSON, never [object Object]", () => {
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        class Provider {
            self = this;
        }
        assert.deepStrictEqual(
            [
                show("x"),
                show(undefined),
                show(null),
                show(circular),
                show(new Provider()),
                show([1, "a"]),
                show(Symbol("s")),
            ],
            ['"x"', "undefined", "null", "an object", "a Provider", '[1,"a"]', "Symbol(s)"],
        );
    });
});
