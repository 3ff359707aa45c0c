import type { PolicyProfile } from "../profile/index.ts";

// The checklist of one visit: every item of the venue's categories and of the
// categories they include (一次检查、全面体检), each item once.

export interface ChecklistEntry {
  /** The category whose checklist holds the item. */
  category: string;
  itemId: string;
  name: { zh: string; en: string };
  hazardCode: string;
  /** The item's clause (a county's or a national norm's), or null for a marked default. */
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

/** Categories reached from `categories` through `includes`, each once, in the order reached. */
export function applicableCategories(profile: PolicyProfile, categories: readonly string[]): string[] {
  const byId = new Map(profile.inspectionCategories.map((c) => [c.id, c]));
  const seen: string[] = [];
  const visit = (id: string) => {
    if (seen.includes(id) || !byId.has(id)) return;
    seen.push(id);
    for (const inc of byId.get(id)!.includes) visit(inc);
  };
  categories.forEach(visit);
  return seen;
}

export function checklistFor(profile: PolicyProfile, categories: readonly string[]): ChecklistEntry[] {
  const byId = new Map(profile.inspectionCategories.map((c) => [c.id, c]));
  return applicableCategories(profile, categories).flatMap((id) =>
    byId.get(id)!.checklist.map((item) => ({
      category: id,
      itemId: item.id,
      name: item.name,
      hazardCode: item.hazardCode,
      sourceRef: item.sourceRef,
      ...(item.text ? { text: item.text } : {}),
      ...(item.assumption ? { assumption: item.assumption } : {}),
    })),
  );
}

export const entryKey = (e: { category: string; itemId: string }) => `${e.category}/${e.itemId}`;
