/** What the pack knows about the operators' settings: Barman Cloud, zone spread, retention. */
import { asRecord, asString, at, records } from "./read";

/** The CloudNativePG plugin that archives WAL and takes base backups. */
export const barmanPlugin = "barman-cloud.cloudnative-pg.io";

export const zoneKey = "topology.kubernetes.io/zone";

/** Whether a pod spec (or an operator's pod settings) spreads over zones; `hard` demands it be enforced, not preferred. */
export function spreadsOverZones(pod: unknown, hard: boolean): boolean {
    const p = asRecord(pod);
    if (!p) return false;
    const enforced = (c: Record<string, unknown>) => (c.whenUnsatisfiable ?? "DoNotSchedule") === "DoNotSchedule";
    if (records(p.topologySpreadConstraints).some((c) => c.topologyKey === zoneKey && (!hard || enforced(c))))
        return true;
    const anti = at(p, "affinity", "podAntiAffinity");
    const required = records(at(anti, "requiredDuringSchedulingIgnoredDuringExecution"));
    const preferred = records(at(anti, "preferredDuringSchedulingIgnoredDuringExecution"));
    return (
        required.some((t) => t.topologyKey === zoneKey) ||
        (!hard && preferred.some((w) => at(w, "podAffinityTerm", "topologyKey") === zoneKey))
    );
}

/** Days of a retention policy such as "30d", "4w" or "3m" (CloudNativePG's format); undefined if unreadable. */
export function retentionDays(policy: unknown): number | undefined {
    const m = /^(\d+)([dwm])$/.exec(asString(policy) ?? "");
    if (!m) return undefined;
    return Number(m[1]) * { d: 1, w: 7, m: 30 }[m[2] as "d" | "w" | "m"];
}
