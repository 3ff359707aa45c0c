import { checklistFor, periodOf, type Period } from "../inspections/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// What a venue checks itself against, and when: pure functions of the profile.

/** The category id the items of the profile's own self-check list answer under. */
export const OWN_LIST = "self_check";

export interface SelfCheckEntry {
  category: string;
  categoryName: { zh: string; en: string };
  itemId: string;
  name: { zh: string; en: string };
  hazardCode: string;
}

const OWN_LIST_NAME = { zh: "场所自查", en: "Self-check" };

/**
 * The profile's own self-check list when it gives one; else the checklist
 * items of the venue's inspection categories (and those they include), each
 * once: the person in charge checks what an inspector would.
 */
export function selfCheckList(profile: PolicyProfile, categories: readonly string[]): SelfCheckEntry[] {
  const own = profile.selfCheck?.checklist;
  if (own) return own.map((item) => ({ category: OWN_LIST, categoryName: OWN_LIST_NAME, itemId: item.id, name: item.name, hazardCode: item.hazardCode }));
  const names = new Map(profile.inspectionCategories.map((c) => [c.id, c.name]));
  return checklistFor(profile, categories).map((e) => ({ category: e.category, categoryName: names.get(e.category)!, itemId: e.itemId, name: e.name, hazardCode: e.hazardCode }));
}

/** The self-check period `at` falls in; undefined when the profile sets no self-checks. */
export function selfCheckPeriod(profile: PolicyProfile, at: Date, timeZone: string): Period | undefined {
  return profile.selfCheck ? periodOf(profile.selfCheck.frequency, at, timeZone) : undefined;
}

export const entryKey = (e: { category: string; itemId: string }) => `${e.category}/${e.itemId}`;
