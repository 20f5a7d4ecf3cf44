/** Kubernetes resource quantities ("512Mi", "1G", "1.5", "2e3", "100m"), as the API server reads them. */
const quantity = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const suffixes: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    n: 1e-9,
    u: 1e-6,
    m: 1e-3,
    "": 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
};

/**
 * The value of a quantity (bytes for memory), or undefined when it is not one. A number is
 * a quantity too (YAML `memory: 1073741824`). Precise enough to compare two quantities.
 */
export function parseQuantity(v: unknown): number | undefined {
    if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
    if (typeof v !== "string") return undefined;
    const m = quantity.exec(v.trim());
    if (!m) return undefined;
    const suffix = m[2] ?? "";
    // "E" alone is exa; "e3" / "E-2" are decimal exponents.
    const scale = /^[eE][+-]?\d+$/.test(suffix) ? 10 ** Number(suffix.slice(1)) : suffixes[suffix];
    const value = Number(m[1]) * scale;
    return Number.isFinite(value) ? value : undefined;
}
