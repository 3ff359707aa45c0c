import { rollupLevelOf } from "./levels.ts";
import type { PolicyProfile } from "./schema.ts";

// The product's tunable windows and the roll-up level, read from the
// profile's `settings` section; where the profile says nothing, the values
// the product has always used, each a marked default (sourceRef null +
// assumption) so a reader sees it is the system's reading, not the county's.

export interface Setting<T> {
  value: T;
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
  /** True when the profile sets none and this is the system's default. */
  default: boolean;
}

type Cited<T> = { value: T; sourceRef: string | null; text?: string | undefined; assumption?: { zh: string; en?: string | undefined } | undefined };

const of = <T>(cited: Cited<T> | undefined, fallback: Omit<Setting<T>, "default" | "sourceRef">): Setting<T> =>
  cited
    ? { value: cited.value, sourceRef: cited.sourceRef, ...(cited.text ? { text: cited.text } : {}), ...(cited.assumption ? { assumption: cited.assumption } : {}), default: false }
    : { ...fallback, sourceRef: null, default: true };

/**
 * Hours a handling body has to acknowledge (报到) a hazard reported to it;
 * null by default: by the end of the next local day (hazards/rules.ts ACK_DAYS).
 */
export function acknowledgeHours(profile: Pick<PolicyProfile, "settings">): Setting<number | null> {
  return of<number | null>(profile.settings?.acknowledgeHours, {
    value: null,
    assumption: { zh: "政策档案未规定部门报到时限，系统默认报送次日结束前报到", en: "The profile sets no time for a department to acknowledge; by default, by the end of the next day" },
  });
}

/** Days before a deadline within which it is "due soon" (临期). */
export function dueSoonDays(profile: Pick<PolicyProfile, "settings">): Setting<number> {
  return of(profile.settings?.dueSoonDays, {
    value: 30,
    assumption: { zh: "政策档案未规定临期提醒天数，系统默认期限前 30 天内为临期", en: "The profile sets no due-soon window; by default, within 30 days of the deadline" },
  });
}

/** The level whose units the compliance roll-up lists (汇总层级). */
export function rollupLevel(profile: Pick<PolicyProfile, "settings" | "levels">): Setting<string> {
  return of(profile.settings?.rollupLevel, {
    // The county's town-like level (kernel town), whatever it calls it; else its second level.
    value: rollupLevelOf(profile),
    assumption: { zh: "政策档案未规定汇总层级，系统默认按镇（街道）一级汇总", en: "The profile sets no roll-up level; by default, per town-level unit" },
  });
}

/** Every setting with its source or default mark: what the profile page shows. */
export function settingsOf(profile: Pick<PolicyProfile, "settings" | "levels">) {
  return { acknowledgeHours: acknowledgeHours(profile), dueSoonDays: dueSoonDays(profile), rollupLevel: rollupLevel(profile) };
}
