import { getAt, type Segment } from "./draft-document.ts";

// Which rule a citation picked from the document goes into: the innermost
// object on a form field's JSON path that is a rule (it has a sourceRef).

/** `$.hazards.severities[0].rectificationDays.value` as segments. */
export function segmentsOf(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.replace(/^\$/, "").matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

/** The path of the innermost rule holding the field at `path`, or undefined when none does. */
export function citableRuleAt(profile: unknown, path: string): Segment[] | undefined {
  const segments = segmentsOf(path);
  for (let length = segments.length; length >= 0; length--) {
    const prefix = segments.slice(0, length);
    const value = getAt(profile, prefix);
    if (typeof value === "object" && value !== null && !Array.isArray(value) && "sourceRef" in value) return prefix;
  }
  return undefined;
}
