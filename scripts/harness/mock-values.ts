// Helpers the realistic provider mocks share (aws-mocks.ts, gcp-mocks.ts).

export function isObject(v: unknown): v is Record<string, any> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `values` keys the inputs leave unset (recursing into plain objects on both sides). */
export function fillMissing(inputs: Record<string, any>, values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
        if (v === undefined) continue;
        const given = inputs[k];
        if (given === undefined || given === null) out[k] = v;
        else if (isObject(given) && isObject(v)) {
            const nested = fillMissing(given, v);
            if (Object.keys(nested).length > 0) out[k] = nested;
        }
        // Otherwise the input stands (an unknown input stays unknown).
    }
    return out;
}
