import type { HazardSummary } from "@firegov/core/contract";

/** Lower-cased, spaces collapsed: what a typed query is compared in. */
export const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Whether an open hazard answers the query: its code (as stored, e.g. `XF-03`) or the code's name,
 * the venue's name, where it is, or its description. Every word of the query must appear.
 */
export function hazardMatches(hazard: HazardSummary, query: string, codeLabel: string): boolean {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return false;
  const haystack = normalise([hazard.code, hazard.codeText, codeLabel, hazard.venueName, hazard.locationText, hazard.description].filter(Boolean).join(" "));
  return words.every((word) => haystack.includes(word));
}
