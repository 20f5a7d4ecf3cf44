import { ObjectShape } from "./arg-shape";

/** The fields of a part's `shape` but a Platform's own (target and profile), for a Platform's part arguments. */
export function withoutTargetAndProfile<T extends { target: unknown; profile?: unknown }>(
    shape: ObjectShape<T>,
): ObjectShape<Omit<T, "target" | "profile">>["fields"] {
    const { target: _target, profile: _profile, ...rest } = shape.fields;
    return rest as unknown as ObjectShape<Omit<T, "target" | "profile">>["fields"];
}
