/**
 * What is wrong with an image reference's pin, or undefined when it is pinned well enough.
 *
 * - A digest (`name@sha256:…`) pins the exact image, whatever the tag says.
 * - No tag means `latest`; `latest`, and any tag without a digit (`stable`, `alpine`), move.
 * - A bare major (`17`, `v7`, `17-alpine`: one number of 1–3 digits, optionally a variant
 *   after `-`, `_` or `+`) moves to every minor and patch release. Longer single numbers are
 *   taken as build or date stamps.
 * - With `requireFullVersion`, the tag must start with major.minor.patch.
 */
export function imagePinProblem(image: string, requireFullVersion: boolean): string | undefined {
    const at = image.indexOf("@");
    if (at >= 0) {
        return /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/.test(image.slice(at + 1))
            ? undefined
            : `has a malformed digest ("${image.slice(at + 1)}")`;
    }
    const slash = image.lastIndexOf("/");
    const colon = image.lastIndexOf(":");
    const tag = colon > slash ? image.slice(colon + 1) : "";
    if (tag === "") return "has no tag (Kubernetes pulls `latest`)";
    if (tag.toLowerCase() === "latest") return "uses the `latest` tag";
    if (!/\d/.test(tag)) return `uses the tag "${tag}", which names no version`;
    const version = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?=$|[-_+.])/.exec(tag);
    if (version && version[2] === undefined && version[1].length <= 3 && !/^v?\d+\./.test(tag)) {
        return `uses the bare major tag "${tag}"`;
    }
    if (requireFullVersion && (!version || version[3] === undefined)) {
        return `uses the tag "${tag}", not a full major.minor.patch version`;
    }
    return undefined;
}
