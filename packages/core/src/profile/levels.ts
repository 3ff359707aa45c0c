import type { PolicyProfile } from "./schema.ts";

/** The levels at which a profile's tiered staffing rules apply (where a node may carry a tier). */
export function tierLevels(profile: PolicyProfile): Set<string> {
  const levelOfBody = (id: string) => profile.bodies.find((b) => b.id === id)?.level;
  return new Set(profile.staffing.rules.filter((r) => r.tier !== undefined).map((r) => r.per ?? levelOfBody(r.body) ?? ""));
}

/** The profile level below `level`, if any. */
export function childLevel(profile: PolicyProfile, level: string) {
  const index = profile.levels.findIndex((l) => l.id === level);
  return index < 0 ? undefined : profile.levels[index + 1];
}
