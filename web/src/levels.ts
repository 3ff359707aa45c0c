/**
 * A county's words for the levels of its tree, for UI text: the level the
 * product treats as town-like is 镇 in one county and 街道 in another, so a
 * sentence takes the profile's name, never a fixed 镇街/村居.
 */
import { kernelOf, levelFor } from "@firegov/core/browser";
import type { PolicyProfile } from "@firegov/core/contract";
import type { Locale } from "./i18n/index.tsx";

type Levels = Pick<PolicyProfile, "levels">;
type Kernel = Parameters<typeof levelFor>[1];
type Level = PolicyProfile["levels"][number];

const said = (level: Level, locale: Locale) => (locale === "en" ? level.name.en : level.name.zh);

/** The profile's name for the level standing for a kernel level; `fallback` (a neutral word) when it has none or is not loaded yet. */
export function kernelLevelName(profile: Levels | undefined, kernel: Kernel, locale: Locale, fallback = ""): string {
  const level = profile ? levelFor(profile, kernel) : undefined;
  return level ? said(level, locale) : fallback;
}

/** The names of the levels from the one standing for `from` down to the last, joined (村、网格 / village or grid). */
export function levelNamesFrom(profile: Levels | undefined, from: Kernel, locale: Locale, fallback = ""): string {
  const levels = profile?.levels ?? [];
  const start = levels.findIndex((l) => kernelOf(l) === from);
  if (start < 0) return fallback;
  return levels.slice(start).map((l) => said(l, locale)).join(locale === "en" ? " or " : "、");
}

/** The names of the levels standing for the given kernels, in the tree's order (县、镇). */
export function levelNamesOf(profile: Levels | undefined, kernels: readonly Kernel[], locale: Locale, fallback = ""): string {
  const names = (profile?.levels ?? []).filter((l) => kernels.includes(kernelOf(l)!)).map((l) => said(l, locale));
  return names.length ? names.join(locale === "en" ? " and " : "、") : fallback;
}
