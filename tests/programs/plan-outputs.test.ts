import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectRoot } from "../../scripts/harness/policy-runner";

// `npm run plan` with an output path it cannot write: exit 2 with a message naming the path
// and the reason, before planning (nothing printed on stdout). Under /proc, Node's recursive
// mkdir used to loop for ever; the kill after 60 s only keeps a regression from hanging the suite.
function plan(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(projectRoot, "build/scripts/plan.js"), ...args], {
        cwd: projectRoot,
        encoding: "utf8",
        timeout: 60000,
    });
    return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

describe("npm run plan with an output path it cannot write", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "x");
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const cases: Array<[string, string[], RegExp]> = [
        [
            "--yaml under a regular file",
            ["--yaml", path.join(file, "out")],
            /^--yaml .*a-file\/out: cannot write manifests there \(ENOTDIR: .*a-file is not a directory\)$/m,
        ],
        [
            "--yaml under /proc (where recursive mkdir never returned)",
            ["--yaml", "/proc/pulumi-ha-plan/out"],
            /^--yaml \/proc\/pulumi-ha-plan\/out: cannot write manifests there \(ENOENT: no such file or directory\)$/m,
        ],
        [
            "--json under a regular file",
            ["--json", path.join(file, "plan.json")],
            /^--json .*a-file\/plan\.json: cannot write the plan there \(.*a-file is not a directory\)$/m,
        ],
        [
            "--json that is a directory",
            ["--json", tmp],
            /^--json .*: cannot write the plan there \(it is a directory\)$/m,
        ],
        [
            "--json in a folder that does not exist",
            ["--json", path.join(tmp, "no", "plan.json")],
            /^--json .*no\/plan\.json: cannot write the plan there \(its folder .*\/no does not exist\)$/m,
        ],
    ];
    for (const [what, args, message] of cases) {
        it(`${what}: exits 2 before planning`, () => {
            const r = plan(...args);
            assert.strictEqual(r.signal, null, "the plan did not end by itself");
            assert.strictEqual(r.code, 2, r.out + r.err);
            assert.match(r.err, message);
            assert.strictEqual(r.out, "", "nothing was planned");
        });
    }

    it("reports both paths at once", () => {
        const r = plan("--yaml", path.join(file, "y"), "--json", tmp);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /^--yaml .*\n--json .*it is a directory\)$/m);
    });
});
