import { inSubtree } from "../access/index.ts";
import type { Actor } from "../context/actor.ts";
import type { PolicyProfile } from "../profile/index.ts";

type Scheme = PolicyProfile["assessment"]["schemes"][number];

/** The profile level of the node a path names (its depth in the tree). */
export const levelOfPath = (profile: PolicyProfile, path: string) => profile.levels[path.split("/").filter(Boolean).length - 1]?.id;

/**
 * Who scores a scheme's nodes (and records the incentives tied to it): a
 * tenant admin over their subtree; a town officer who sits at the level of
 * the scheme's assessor body, over the nodes below their own (a town's
 * officers assess its villages; they never score their own town). A scheme
 * without an assessor is the county's: admins only.
 */
export function mayAssess(actor: Actor, profile: PolicyProfile, scheme: Scheme, nodePath: string): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (actor.role === "tenant_admin") return inSubtree(actor.scopePath, nodePath);
  if (actor.role !== "town_officer" || scheme.assessor === undefined) return false;
  const assessorLevel = profile.bodies.find((b) => b.id === scheme.assessor)?.level;
  return assessorLevel !== undefined && levelOfPath(profile, actor.scopePath) === assessorLevel && nodePath !== actor.scopePath && inSubtree(actor.scopePath, nodePath);
}
