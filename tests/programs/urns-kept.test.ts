import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RecordedResource } from "../../scripts/harness/mock-engine";
import { runStack } from "../../scripts/harness/stacks";

// Issue 8 moved the core behind the backends. A stack that was deployed before must plan the same
// resources under the same URNs, or under aliases of them: a URN that vanishes is a delete and a
// create (for a RandomPassword: a new password, and every client locked out). The fixtures are
// the URNs both stacks registered before the move (tests/programs/fixtures/urns-<stack>.json).
// What it does not prove: that the engine matches the aliases as we read them (it does by URN).

// Component wrappers that are gone on purpose; their custom children carry aliases.
const removedWrappers = [/\$pulumi-ha:index:RedisCluster\$pulumi-ha:index:SharedSecret::[a-z0-9-]+-auth$/];

/** The URNs a resource's aliases name: alias URNs as they are, alias specs by their parent URN. */
function aliasUrns(r: RecordedResource): string[] {
    return r.options.aliases.map((alias) => {
        if (alias.startsWith("urn:")) return alias;
        const spec = JSON.parse(alias).spec ?? {};
        const parent: string | undefined = spec.parenturn;
        if (!parent) return alias;
        // urn:pulumi:<stack>::<project>::<parent's type chain>::<parent's name>
        return `${parent.slice(0, parent.lastIndexOf("::"))}$${spec.type || r.type}::${spec.name || r.name}`;
    });
}

for (const stack of ["local", "safeshare"]) {
    describe(`stack ${stack} keeps its URNs across issue 8`, () => {
        it("every URN it had is still planned, or aliased by the resource that took its place", async () => {
            const before: string[] = JSON.parse(
                fs.readFileSync(path.join(__dirname, "../../../tests/programs/fixtures", `urns-${stack}.json`), "utf8"),
            );
            const run = await runStack(stack, { preview: false });
            const now = new Set(run.resources.map((r) => r.urn));
            const aliased = new Set(run.resources.flatMap(aliasUrns));
            const lost = before.filter(
                (urn) => !now.has(urn) && !aliased.has(urn) && !removedWrappers.some((w) => w.test(urn)),
            );
            assert.deepStrictEqual(lost, [], "URNs neither planned nor aliased");
            const added = run.resources.filter(
                (r) => !before.includes(r.urn) && !aliasUrns(r).some((urn) => before.includes(urn)),
            );
            assert.deepStrictEqual(
                added.map((r) => r.urn),
                [],
                "URNs the stack did not have before, aliasing none it had",
            );
        });
    });
}
