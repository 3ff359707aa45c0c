import type { Role } from "../context/roles.ts";
import { KERNEL_LEVELS, KERNEL_OFFICER, kernelIds, type KernelLevel, type VocabularyKey } from "./kernel.ts";
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

type Level = PolicyProfile["levels"][number];

/** The kernel level a profile level stands for: its `kernel`, else its id when that is a kernel id. */
export function kernelOf(level: Pick<Level, "id" | "kernel">): KernelLevel | undefined {
  return level.kernel ?? ((KERNEL_LEVELS as readonly string[]).includes(level.id) ? (level.id as KernelLevel) : undefined);
}

/** The profile's level that stands for a kernel level (the county's town-like level for "town"), if any. */
export function levelFor(profile: Pick<PolicyProfile, "levels">, kernel: KernelLevel): Level | undefined {
  return profile.levels.find((level) => kernelOf(level) === kernel);
}

/**
 * The platform role of the officers acting for the governing bodies at a
 * level: the level's own `officerRole`, else its kernel's (KERNEL_OFFICER),
 * else the level above's; the county admin at the top.
 */
export function officerRoleAt(profile: Pick<PolicyProfile, "levels">, levelId: string): Role | undefined {
  const index = profile.levels.findIndex((level) => level.id === levelId);
  if (index < 0) return undefined;
  for (let i = index; i >= 0; i--) {
    const level = profile.levels[i]!;
    const kernel = kernelOf(level);
    if (level.officerRole) return level.officerRole;
    if (kernel) return KERNEL_OFFICER[kernel];
  }
  return "tenant_admin";
}

/** A vocabulary entry's kernel meaning: its `means`, else its id when that is a kernel id. */
export function meaningOf(profile: Pick<PolicyProfile, "vocabulary">, key: VocabularyKey, id: string): string | undefined {
  const entry = profile.vocabulary[key].find((candidate) => candidate.id === id);
  if (entry?.means) return entry.means;
  return kernelIds(key).includes(id) ? id : undefined;
}

/** A word's labels from the profile's vocabulary; an unknown word as itself. */
export function wordName(profile: Pick<PolicyProfile, "vocabulary">, key: VocabularyKey, id: string): { zh: string; en: string } {
  return profile.vocabulary[key].find((candidate) => candidate.id === id)?.name ?? { zh: id, en: id };
}

/** The level compliance rolls up by: the town-like level, else the profile's second. */
export function rollupLevelOf(profile: Pick<PolicyProfile, "levels">): string {
  return levelFor(profile, "town")?.id ?? profile.levels[1]?.id ?? profile.levels[0]!.id;
}
