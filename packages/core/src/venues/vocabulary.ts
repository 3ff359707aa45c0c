import { z } from "zod";
import { PolicyProfile } from "../profile/index.ts";

/**
 * Building and use features of a venue: national terms (not any county's),
 * used in ledgers and filters; the profile's own flags stay in `flags`.
 */
export const FEATURES = {
  three_in_one: { zh: "三合一", en: "Three-in-one premises" },
  nine_small: { zh: "九小场所", en: "Nine small venues" },
  crowded: { zh: "人员密集", en: "Crowded venue" },
  group_rental: { zh: "群租房", en: "Group rental" },
  homestay: { zh: "民宿", en: "Homestay" },
  high_rise: { zh: "高层", en: "High-rise" },
  construction_site: { zh: "建筑工地", en: "Construction site" },
  underground: { zh: "地下空间", en: "Underground space" },
  flammable: { zh: "易燃易爆", en: "Flammable or explosive goods" },
  heritage: { zh: "文物古建筑", en: "Heritage building" },
} as const;
export type Feature = keyof typeof FEATURES;
export const Feature = z.enum(Object.keys(FEATURES) as [Feature, ...Feature[]]);

/** The profile's VenueFlag vocabulary, read from the profile schema itself. */
export const VENUE_FLAGS: readonly string[] = PolicyProfile.shape.venues.shape.kinds.element.shape.flags.element.options;

export const FLAG_NAMES: Record<string, { zh: string; en: string }> = {
  key_supervision: { zh: "行业重点监管", en: "Key industry supervision" },
  priority_governance: { zh: "重点治理", en: "Priority governance" },
  safety_evaluation: { zh: "须安全评估", en: "Safety evaluation required" },
  police_daily_check: { zh: "公安派出所日常检查", en: "Police daily-check list" },
  small_venue: { zh: "小场所", en: "Small venue" },
};
