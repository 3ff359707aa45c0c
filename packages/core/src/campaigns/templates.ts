import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { bilingual } from "../errors/index.ts";
import { hazardCodes, localDate, OTHER_CODE } from "../hazards/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";

import { endAfter, type AdoptedItem, type CustomItem } from "./rules.ts";

// Templates for the common campaigns (holidays, major events, 推磨式 cross
// checks), kept as data in packages/profiles and written without any
// county's ids: they name venue flags (a closed vocabulary) and hazard codes,
// and are resolved against the tenant's profile into a form's first values.

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("id 须为小写字母开头的 snake_case", "expected a snake_case id"));
const Label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
/** A venue flag id of the profile in effect (vocabulary.venueFlags). */
const Flag = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const CampaignTemplate = z.strictObject({
  id: Id,
  occasion: z.enum(["holiday", "major_event", "high_risk", "cross_area"]),
  name: Label,
  /** How long it usually runs, from the day it is set up. */
  days: z.int().min(1).max(366),
  /** Venues whose kinds carry any of these flags; none (or none in the profile): every kind, to narrow in the form. */
  flags: z.array(Flag),
  /** Each item adopts the profile's first checklist item of the code; a profile without one gets an item of its own (code “other” if it lacks the code). */
  items: z.array(z.strictObject({ name: Label, hazardCode: Id })).min(1),
  crossArea: z.literal("rotate").optional(),
  /** Templates are system defaults: no clause of any one document. */
  sourceRef: z.null(),
  assumption: Label,
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

export const CampaignPrefillSchema = z
  .object({
    templateId: z.string(),
    occasion: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    startDate: z.string(),
    endDate: z.string(),
    target: z.object({ kinds: z.array(z.string()), flags: z.array(z.string()) }),
    adopt: z.array(z.object({ category: z.string(), itemId: z.string() })),
    custom: z.array(z.object({ name: z.object({ zh: z.string(), en: z.string().optional() }), hazardCode: z.string() })),
    crossArea: z.object({ mode: z.literal("rotate") }).optional(),
    sourceRef: z.null(),
    assumption: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: "CampaignPrefill" });
export type CampaignPrefill = z.infer<typeof CampaignPrefillSchema>;

/** A template made concrete for a profile, starting `today`. Pure. */
export function prefill(profile: PolicyProfile, template: CampaignTemplate, today: string): CampaignPrefill {
  const flagged = profile.venues.kinds.filter((k) => k.flags.some((f) => template.flags.includes(f)));
  const kinds = (flagged.length ? flagged : profile.venues.kinds).map((k) => k.id);
  const codes = hazardCodes(profile);
  const adopt: AdoptedItem[] = [];
  const custom: CustomItem[] = [];
  const taken = new Set<string>();
  for (const item of template.items) {
    const found = profile.inspectionCategories.flatMap((c) => c.checklist.map((x) => ({ category: c.id, itemId: x.id, code: x.hazardCode }))).find((x) => x.code === item.hazardCode && !taken.has(`${x.category}-${x.itemId}`));
    if (found) {
      taken.add(`${found.category}-${found.itemId}`);
      adopt.push({ category: found.category, itemId: found.itemId });
    } else custom.push({ name: item.name, hazardCode: codes.includes(item.hazardCode) ? item.hazardCode : OTHER_CODE });
  }
  return {
    templateId: template.id,
    occasion: template.occasion,
    name: template.name,
    startDate: today,
    endDate: endAfter(today, template.days),
    target: { kinds, flags: [] },
    adopt,
    custom,
    ...(template.crossArea ? { crossArea: { mode: template.crossArea } } : {}),
    sourceRef: null,
    assumption: template.assumption,
  };
}

/** The templates, made concrete for the profile in effect and today's date: what the new-campaign form starts from. */
export async function campaignPrefills(templates: readonly CampaignTemplate[], now = new Date()): Promise<{ items: CampaignPrefill[] }> {
  authorize(useUser(), "campaign.manage");
  const [{ profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  const today = localDate(now, timeZone);
  return { items: templates.map((t) => prefill(profile, t, today)) };
}
