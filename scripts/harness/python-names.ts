/**
 * The pulumi_ha names a Python program uses (`import pulumi_ha as ha`): each `ha.Class(...)` with
 * the keyword arguments given to it, and each `ha.Enum.MEMBER`. A small scanner for the sample's
 * plain style (no aliases, no `**kwargs`), enough to hold it to the SDK's names.
 */
export interface PythonNames {
    /** The module imported as the alias (`import <module> as ha`). */
    module?: string;
    /** Every class named, in order of first use. */
    classes: string[];
    /** Keyword arguments by class, e.g. `Platform` → ["namespace", "app"]. */
    keywords: Map<string, Set<string>>;
    /** Enum members used, as [enum class, member]. */
    members: Array<[string, string]>;
    /** Attributes read from resources the program made (`x = ha.C(...)`, then `x.attr`), by class. */
    attributes: Map<string, Set<string>>;
}

export function pythonSampleNames(source: string, alias = "ha"): PythonNames {
    const code = source.replace(/#.*$/gm, "").replace(/"""[\s\S]*?"""/g, '""');
    const classes: string[] = [];
    const keywords = new Map<string, Set<string>>();
    const members: Array<[string, string]> = [];
    const use = (name: string) => {
        if (!classes.includes(name)) classes.push(name);
    };
    const ref = new RegExp(`\\b${alias}\\.([A-Z]\\w*)(?:\\.([A-Z][A-Z0-9_]*)\\b|\\s*\\()?`, "g");
    for (const m of code.matchAll(ref)) {
        use(m[1]);
        if (m[2]) members.push([m[1], m[2]]);
        if (!m[0].endsWith("(")) continue;
        // The call's top-level keyword arguments: scan to the matching parenthesis.
        const kws = keywords.get(m[1]) ?? new Set<string>();
        keywords.set(m[1], kws);
        let depth = 1;
        let quote = "";
        let atArgStart = true;
        for (let i = m.index! + m[0].length; i < code.length && depth > 0; i++) {
            const c = code[i];
            if (quote) {
                if (c === "\\") i++;
                else if (c === quote) quote = "";
                continue;
            }
            if (c === '"' || c === "'") quote = c;
            else if ("([{".includes(c)) depth++;
            else if (")]}".includes(c)) depth--;
            else if (c === "," && depth === 1) atArgStart = true;
            else if (atArgStart && depth === 1 && /\S/.test(c)) {
                atArgStart = false;
                const kw = /^([a-z_]\w*)\s*=(?!=)/.exec(code.slice(i));
                if (kw) kws.add(kw[1]);
            }
        }
    }
    const module = new RegExp(`^import\\s+([\\w.]+)\\s+as\\s+${alias}\\s*$`, "m").exec(code)?.[1];
    const attributes = new Map<string, Set<string>>();
    for (const [, variable, cls] of code.matchAll(new RegExp(`^(\\w+)\\s*=\\s*${alias}\\.([A-Z]\\w*)\\(`, "gm"))) {
        const attrs = attributes.get(cls) ?? new Set<string>();
        attributes.set(cls, attrs);
        for (const m of code.matchAll(new RegExp(`\\b${variable}\\.([a-z_]\\w*)`, "g"))) attrs.add(m[1]);
    }
    return { module, classes, keywords, members, attributes };
}

/** Pulumi's Python name for a schema property (camelCase → snake_case, as its codegen's PyName does for plain words). */
export function pythonPropertyName(name: string): string {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
        .toLowerCase();
}
