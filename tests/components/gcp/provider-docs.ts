import * as assert from "assert";
import * as fs from "fs";

/**
 * The TSDoc pulumi-gcp gives one argument of one of its interfaces: `file` is the .d.ts under
 * @pulumi/gcp ("sql/databaseInstance", "types/input"), optionally ":<namespace>" when the interface
 * name repeats across namespaces ("types/input:redis"). Tests pin the values we send against it.
 */
export function documented(file: string, iface: string, arg: string): string {
    const [dts, namespace] = file.split(":");
    const text = fs.readFileSync(require.resolve(`@pulumi/gcp/${dts}.d.ts`), "utf8");
    const from = namespace === undefined ? 0 : text.indexOf(`export declare namespace ${namespace} {`);
    assert.ok(from >= 0, `${dts}: no namespace ${namespace}`);
    const start = text.indexOf(`interface ${iface} {`, from);
    assert.ok(start >= 0, `${file}: no interface ${iface}`);
    const end = text.indexOf("\n    }\n", start);
    const body = text.slice(start, end > 0 ? end + 1 : text.indexOf("\n}\n", start));
    const at = body.search(new RegExp(`\\n\\s+${arg}\\??: `));
    assert.ok(at > 0, `${file} ${iface}: no argument ${arg}`);
    return body.slice(body.lastIndexOf("/**", at), at);
}
