import * as assert from "assert";
import { InvalidArgumentsError } from "../../components";
import { validateCustomResources } from "../../scripts/harness/crd-validate";
import { kubernetesObjects, validateKubernetesObjects } from "../../scripts/harness/k8s-validate";
import { ProgramError, RunResult, runProgram } from "../../scripts/harness/mock-engine";
import { plain, redacted } from "../../scripts/harness/wire";
import { T, ofType } from "../helpers";

/** Runs a program that must be rejected; returns the problems and what got registered. */
export async function rejected(program: () => void): Promise<{ problems: string[]; registered: string[] }> {
    try {
        await runProgram(program);
    } catch (err) {
        assert.ok(err instanceof ProgramError, `expected ProgramError, got ${err}`);
        assert.ok(err.reason instanceof InvalidArgumentsError, `expected InvalidArgumentsError, got ${err.reason}`);
        return { problems: err.reason.problems, registered: err.resources.map((r) => r.type) };
    }
    assert.fail("expected the arguments to be rejected");
}

/** Asserts the program is rejected before anything but the Stack registers, with exactly a problem matching each pattern. */
export async function expectRejected(program: () => void, ...patterns: RegExp[]): Promise<string[]> {
    const { problems, registered } = await rejected(program);
    assert.deepStrictEqual(registered, [T.Stack], "nothing but the Stack may be registered");
    for (const p of patterns)
        assert.ok(
            problems.some((x) => p.test(x)),
            `no problem matches ${p}: ${JSON.stringify(problems)}`,
        );
    assert.strictEqual(
        problems.length,
        patterns.length,
        `expected ${patterns.length} problem(s): ${JSON.stringify(problems)}`,
    );
    return problems;
}

/** Every Kubernetes object valid against the Kubernetes schema, every custom resource against its operator's CRD. */
export function expectValidObjects(run: RunResult): { core: number; custom: number } {
    const schema = validateKubernetesObjects(kubernetesObjects(run.resources, false));
    assert.deepStrictEqual(schema.problems, []);
    const crds = validateCustomResources(schema.unknownKinds);
    assert.deepStrictEqual(crds.problems, []);
    return { core: schema.validated, custom: crds.validated };
}

/**
 * Every generated password and private key, and proof none of them appears anywhere the
 * run recorded outside a secret (inputs and outputs of every resource, incl. the Stack).
 */
export function expectCredentialsOnlyInSecrets(run: RunResult): { passwords: string[]; privateKeys: string[] } {
    const passwords = ofType(run, T.RandomPassword).map((r) => plain(r.outputs).result as string);
    const privateKeys = ofType(run, T.TlsPrivateKey).map((r) => plain(r.outputs).privateKeyPem as string);
    assert.ok(
        passwords.length > 0 && passwords.every((p) => typeof p === "string" && p.length >= 16),
        "passwords were generated",
    );
    assert.ok(
        privateKeys.every((k) => typeof k === "string" && k.includes("PRIVATE KEY")),
        "private keys are PEM",
    );
    for (const r of run.resources) {
        const shown = JSON.stringify([redacted(r.inputs), redacted(r.outputs)]);
        // As generated, and percent-encoded as connection URLs carry it.
        for (const p of passwords)
            for (const form of new Set([p, encodeURIComponent(p)]))
                assert.ok(!shown.includes(form), `${r.type} ${r.name} shows a password outside a secret`);
        for (const k of privateKeys)
            assert.ok(!shown.includes(k.split("\n")[1]), `${r.type} ${r.name} shows a private key outside a secret`);
    }
    return { passwords, privateKeys };
}
