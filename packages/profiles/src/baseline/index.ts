import type { PolicyProfile } from "@firegov/core/profile/index";
import { BASELINE_CODES, BASELINE_ITEMS, BASELINE_SETS, type BaselineCode, type BaselineItem, type BaselineSet } from "./library.ts";

// How a preset takes the national baseline: items adopted by id come out as
// the profile's own checklist items (citation and all, marked `baseline`),
// and the hazard codes they raise are added to the profile's codes. The
// expanded profile is self-contained: publishing it freezes what it says.

export { BASELINE_CODES, BASELINE_ITEMS, BASELINE_SETS, type BaselineCode, type BaselineItem, type BaselineSet };
export { NATIONAL_NORMS, normOf, type NationalNorm } from "./norms.ts";

type ChecklistItem = PolicyProfile["inspectionCategories"][number]["checklist"][number];
type HazardCode = PolicyProfile["hazards"]["codes"][number];

const itemsById = new Map(BASELINE_ITEMS.map((item) => [item.id, item]));
const codesById = new Map(BASELINE_CODES.map((code) => [code.id, code]));

/** The baseline item with this id; throws for an unknown id, so a preset naming one fails to load (and its tests fail). */
export function baselineItem(id: string): BaselineItem {
  const item = itemsById.get(id);
  if (!item) throw new Error(`no baseline checklist item "${id}"; known: ${[...itemsById.keys()].join(", ")}`);
  return item;
}

/** Checklist items for a profile: each a copy of the baseline item, keeping its national citation, marked with the baseline id. */
export function adoptBaseline(ids: readonly string[]): ChecklistItem[] {
  return ids.map((id) => {
    const { name, hazardCode, sourceRef, text } = baselineItem(id);
    return { id, name: { ...name }, hazardCode, baseline: id, sourceRef, text };
  });
}

/** A named set's items, less those a preset drops. */
export function adoptBaselineSet(set: BaselineSet, opts: { except?: readonly string[] } = {}): ChecklistItem[] {
  return adoptBaseline(BASELINE_SETS[set].filter((id) => !opts.except?.includes(id)));
}

/** The library's hazard codes with these ids (copies), in the library's order; unknown ids are skipped. */
export function baselineCodes(ids: Iterable<string>): HazardCode[] {
  const wanted = new Set(ids);
  return BASELINE_CODES.filter((code) => wanted.has(code.id)).map((code) => ({ ...code, name: { ...code.name } }));
}

/**
 * The profile with the library's hazard codes added for every checklist
 * item whose code the profile does not define yet. A code the profile
 * defines itself (its own name and clause) stays as it is.
 */
export function withBaselineCodes(profile: PolicyProfile): PolicyProfile {
  const own = new Set(profile.hazards.codes.map((code) => code.id));
  const used = profile.inspectionCategories.flatMap((category) => category.checklist.map((item) => item.hazardCode));
  const added = baselineCodes(used.filter((id) => !own.has(id) && codesById.has(id)));
  return added.length === 0 ? profile : { ...profile, hazards: { ...profile.hazards, codes: [...profile.hazards.codes, ...added] } };
}
