import type { PolicyProfile } from "./schema.ts";

// 按照行业类别: which industry department (行业主管部门) answers for a venue,
// by the venue's kinds, and the body a rule marked `byVenueKind` names for a
// venue. Pure; every domain that routes by industry reads it here.

type IndustryRule = NonNullable<PolicyProfile["venues"]["industryDepartments"]>[number];

/** The first industry-department rule naming one of the kinds, if any. */
export function industryRuleFor(profile: PolicyProfile, kinds: readonly string[] | undefined): IndustryRule | undefined {
  if (!kinds?.length) return undefined;
  return (profile.venues.industryDepartments ?? []).find((rule) => rule.kinds.some((k) => kinds.includes(k)));
}

/** The industry department (a body id) of a venue of these kinds, if the profile names one. */
export function industryDepartmentFor(profile: PolicyProfile, kinds: readonly string[] | undefined): string | undefined {
  return industryRuleFor(profile, kinds)?.department;
}

/**
 * A body reference as the profile means it for a venue of these kinds: the
 * kinds' industry department when the reference is marked `byVenueKind` and
 * the profile names one, else the body named.
 */
export function bodyForVenue<B extends string | undefined>(profile: PolicyProfile, ref: { body?: B; byVenueKind?: boolean | undefined }, kinds: readonly string[] | undefined): B | string {
  if (!ref.byVenueKind) return ref.body as B;
  return industryDepartmentFor(profile, kinds) ?? (ref.body as B);
}
