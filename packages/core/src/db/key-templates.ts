/**
 * ElectroDB key helpers. Every partition key starts with the tenant key
 * (`T#<tenantId>`, see keys.ts); `casing: "none"` keeps ids as written.
 * The `const` type parameters keep composite names literal, so ElectroDB
 * still types each entity's keys.
 */
export function tenantPk<const C extends string[] = []>(field: string, suffix = "", composite: C = [] as unknown as C) {
  return { field, composite: ["tenantId", ...composite] as ["tenantId", ...C], template: `T#\${tenantId}${suffix}`, casing: "none" as const };
}

export function sortKey<const C extends string[]>(field: string, template: string, composite: C) {
  return { field, composite, template, casing: "none" as const };
}

// A node's organisation data lives in the node's own partition,
// `T#<tenant>#NODE#<nodeId>`, one item per thing (person, body, checklist
// item, brigade, coverage, record, attendance, milestone). Each item is also
// projected into the `nodeView` index (gsi2) under the same partition, with a
// sort key that puts dated items (`D#<date>#…`) before undated ones (`S#…`).
// So one Query, `gsi2sk >= D#<since>`, reads everything the compliance engine
// needs of a node: its current organisation and only the dated records of the
// periods being judged, however long its history grows.

/** The partition of one node's organisation data (table or nodeView index). */
export function nodePk(field: "pk" | "gsi2pk") {
  return tenantPk(field, "#NODE#${nodeId}", ["nodeId"]);
}

/** An undated item in the nodeView index. */
export function viewStatic<const C extends string[]>(template: string, composite: C) {
  return sortKey("gsi2sk", `S#${template}`, composite);
}

/** A dated item in the nodeView index: its date leads, so a period is a key range. */
export function viewDated<const C extends string[]>(template: string, composite: C) {
  return sortKey("gsi2sk", `D#\${date}#${template}`, ["date", ...composite] as ["date", ...C]);
}

/** The lowest nodeView sort key of items dated on or after `date`. */
export const viewFrom = (date: string) => `D#${date}`;
