import type { PolicyProfile } from "./schema.ts";

// A county that starts from another's rules: forking keeps every citation as
// it was (the other document's clause), declared as borrowed (借用) so that it
// still validates once the profile carries the county's own id; re-citing
// moves them onto the county's own document in one step.

type Borrowed = NonNullable<PolicyProfile["borrowed"]>[number];

/** The profile id a county's own profile takes: its county code, with `_` for `-` (ids are snake_case). */
export function ownProfileId(tenantId: string): string {
  return tenantId.replaceAll("-", "_");
}

/** Does this sourceRef cite that profile's document? */
export function citesProfile(sourceRef: string, profileId: string): boolean {
  return sourceRef.startsWith(`${profileId} `);
}

/** The borrowed document a sourceRef cites, if any: findings and the profile view mark such a citation 借用. */
export function borrowedFor(profile: Pick<PolicyProfile, "borrowed">, sourceRef: string | null): Borrowed | undefined {
  if (sourceRef === null) return undefined;
  return profile.borrowed?.find((b) => citesProfile(sourceRef, b.profileId));
}

/** Every `sourceRef` in a document, rewritten by `rewrite` (a copy; the input is left alone). */
function mapSourceRefs<T>(value: T, rewrite: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((element) => mapSourceRefs(element, rewrite)) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === "sourceRef" && typeof child === "string" ? rewrite(child) : mapSourceRefs(child, rewrite);
  }
  return out as T;
}

function citesAny(value: unknown, profileId: string): boolean {
  if (Array.isArray(value)) return value.some((element) => citesAny(element, profileId));
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, child]) => (key === "sourceRef" && typeof child === "string" ? citesProfile(child, profileId) : citesAny(child, profileId)));
}

/** Does any rule cite the profile's own document? A starting point that does not (blank) has nothing to borrow. */
export function citesOwnDocument(profile: PolicyProfile): boolean {
  return citesAny(profile, profile.id);
}

/**
 * `source`'s rules under the county's own id and name. Its citations stay as
 * they are: `source`'s own document (when any rule cites it) joins the
 * borrowed list, after what `source` itself borrowed. Forking a profile onto
 * its own id changes nothing but the name.
 */
export function forkProfile(source: PolicyProfile, into: { id: string; name?: PolicyProfile["name"] }): PolicyProfile {
  const { borrowed: inherited, ...rest } = structuredClone(source);
  const name = into.name ?? rest.name;
  if (source.id === into.id) return { ...rest, name, ...(inherited ? { borrowed: inherited } : {}) };
  const own: Borrowed[] = citesAny(rest, source.id) ? [{ profileId: source.id, document: rest.document }] : [];
  const borrowed = [...(inherited ?? []).filter((b) => b.profileId !== into.id && b.profileId !== source.id), ...own];
  return { ...rest, id: into.id, name, ...(borrowed.length > 0 ? { borrowed } : {}) };
}

/**
 * Re-cite in one step: every sourceRef led by `from` now cites the profile's
 * own document (same clause), and `from` leaves the borrowed list. For a
 * county whose own document has the same clauses; validation then checks
 * them as its own citations. Undefined when the profile borrows nothing
 * from `from`.
 */
export function reciteProfile(profile: PolicyProfile, from: string): PolicyProfile | undefined {
  if (!profile.borrowed?.some((b) => b.profileId === from)) return undefined;
  const { borrowed, ...rest } = mapSourceRefs(profile, (ref) => (citesProfile(ref, from) ? `${profile.id} ${ref.slice(from.length + 1)}` : ref));
  const left = (borrowed ?? []).filter((b) => b.profileId !== from);
  return { ...rest, ...(left.length > 0 ? { borrowed: left } : {}) };
}
