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
