import { RecordedResource } from "../harness/mock-engine";
import { PolicyDiagnostic, PolicyVerdict } from "../harness/policy-runner";
import { Exemption } from "../../policies/common/exemptions";

/** Resources as a tree by parent, like `pulumi preview`: type and name per line. */
export function renderTree(resources: RecordedResource[]): string[] {
    const children = new Map<string, RecordedResource[]>();
    for (const r of resources) {
        const key = r.parent ?? "";
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const lines: string[] = [];
    const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean) => {
        const marks = [
            r.options.protect ? "protect" : "",
            r.options.ignoreChanges.length ? `ignoreChanges ${r.options.ignoreChanges.join(",")}` : "",
        ].filter(Boolean);
        lines.push(
            `${root ? "" : prefix + (last ? "└─ " : "├─ ")}${r.type}  ${r.name}${marks.length ? `  [${marks.join("; ")}]` : ""}`,
        );
        const kids = children.get(r.urn) ?? [];
        kids.forEach((k, i) => walk(k, root ? "" : prefix + (last ? "   " : "│  "), i === kids.length - 1, false));
    };
    const roots = children.get("") ?? [];
    roots.forEach((r, i) => walk(r, "", i === roots.length - 1, true));
    return lines;
}

/** Counts by type, most first. */
export function renderCounts(resources: RecordedResource[]): string[] {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const width = Math.max(...rows.map(([, n]) => String(n).length));
    return rows.map(([t, n]) => `${String(n).padStart(width)}  ${t}`);
}

function resourceLabel(urn: string): string {
    const parts = urn.split("::");
    return parts.length >= 4 ? `${parts[2].split("$").pop()} ${parts[3]}` : urn || "(stack)";
}

function diagnosticLine(d: PolicyDiagnostic): string {
    return `  [${d.level}] ${d.policy}  ${resourceLabel(d.urn)}\n      ${d.message.replace(/\n/g, "\n      ")}`;
}

/** The verdict block: counts, then each violation naming policy and resource. */
export function renderVerdict(v: PolicyVerdict, exemptions: Array<Exemption & { urn: string }>): string[] {
    const lines = [`Policies: ${v.mandatory.length} mandatory, ${v.advisory.length} advisory violation(s)`];
    lines.push(...v.mandatory.map(diagnosticLine), ...v.advisory.map(diagnosticLine));
    if (v.notices.length > 0) {
        lines.push(`Notices (checks that need values known only at update): ${v.notices.length}`);
        lines.push(...v.notices.map((d) => `  ${d.policy}  ${resourceLabel(d.urn)}: ${d.message}`));
    }
    if (exemptions.length > 0) {
        lines.push(`Exemptions: ${exemptions.length}`);
        lines.push(...exemptions.map((e) => `  ${e.policy}  ${resourceLabel(e.urn)}: ${e.reason}`));
    }
    return lines;
}
