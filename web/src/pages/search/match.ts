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

/** The profile's hazard codes the query names (by id or by name in either language), at most `max`: searched on the server, beyond the first page of open hazards. */
export function codesNamed(codes: readonly { id: string; name: { zh: string; en: string } }[], query: string, max = 5): string[] {
  const q = normalise(query);
  if (!q) return [];
  return codes.filter((c) => normalise(c.id) === q || normalise(c.name.zh).includes(q) || normalise(c.name.en).includes(q)).slice(0, max).map((c) => c.id);
}
