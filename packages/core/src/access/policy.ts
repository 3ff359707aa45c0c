import type { Actor } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "../context/roles.ts";

/**
 * The authorization policy: one table of action × role, plus the subtree rule
 * (a user acts only on what lies in their scope node's subtree). Use cases
 * call `authorize`; handlers never decide.
 */
export const actions = [
  "tenant.read",
  "user.read",
  "user.manage",
  "audit.read",
  "profile.read",
  "profile.edit",
  "profile.publish",
  "node.read",
  "node.manage",
  "node.classify",
  "org.read",
  "org.manage",
  "org.personal_data",
  "compliance.read",
  "compliance.refresh",
  "hazard.read",
  "hazard.report",
  "hazard.act",
  "inbox.read",
  "venue.read",
  "venue.manage",
  "venue.plan",
  "inspection.read",
  "inspection.perform",
  "spot_check.draw",
  "campaign.read",
  "campaign.manage",
  "assessment.read",
  "assessment.score",
  "assessment.incentive",
  "self_check.link",
  "tenant.configure",
  "incident.read",
  "incident.manage",
  "home_visit.read",
  "home_visit.manage",
  "home_visit.perform",
  "warning.read",
  "warning.issue",
  "warning.answer",
  "iot.read",
  "iot.manage",
] as const;
export type Action = (typeof actions)[number];

const everyone: Role[] = ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison", "viewer"];

export const policy: Record<Action, readonly Role[]> = {
  "tenant.read": everyone,
  "user.read": ["tenant_admin", "town_officer", "village_manager"],
  "user.manage": ["tenant_admin", "town_officer"],
  "audit.read": ["tenant_admin"],
  "profile.read": everyone,
  "profile.edit": ["tenant_admin"],
  "profile.publish": ["tenant_admin"],
  "node.read": everyone,
  "node.manage": ["tenant_admin", "town_officer"],
  // A town's tier sets its staffing minimums: classified from the county, never by the town itself.
  "node.classify": ["tenant_admin"],
  "org.read": everyone,
  "org.manage": ["tenant_admin", "town_officer", "village_manager"],
  // Phone and ID numbers: admins and officers, within their subtree.
  "org.personal_data": ["tenant_admin", "town_officer"],
  "compliance.read": everyone,
  "compliance.refresh": ["tenant_admin", "town_officer"],
  "hazard.read": everyone,
  // Anyone in the field may report what they find; viewers only look.
  "hazard.report": ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison"],
  // The gate for acting on a hazard at all; which action, at which level, for which body, is the profile's routing (hazards/rules.ts).
  "hazard.act": ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison"],
  "inbox.read": everyone,
  "venue.read": everyone,
  // The venue ledger is kept from the village up; grid workers report what they find through inspections and hazards.
  "venue.manage": ["tenant_admin", "town_officer", "village_manager"],
  // A high-risk venue's patrol plan names who patrols it: set from the town up.
  "venue.plan": ["tenant_admin", "town_officer"],
  "inspection.read": everyone,
  // Field staff inspect within their own subtree (a grid worker: their grid); viewers only look.
  "inspection.perform": ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison"],
  // 双随机: the county draws (its admin, or brigade staff scoped over the whole county: checked against the root).
  "spot_check.draw": ["tenant_admin", "brigade_member"],
  // Campaigns (专项整治) are set up by the county or a town for its own area; everyone else follows them.
  "campaign.read": everyone,
  "campaign.manage": ["tenant_admin", "town_officer"],
  "assessment.read": everyone,
  // Scoring and incentives are the assessor body's (assessment/assessor.ts narrows officers to it).
  "assessment.score": ["tenant_admin", "town_officer"],
  "assessment.incentive": ["tenant_admin", "town_officer"],
  // A venue's self-check link lets whoever holds it write self-checks for the venue: the county or the town issues and replaces it.
  "self_check.link": ["tenant_admin", "town_officer"],
  // The tenant's own settings (the map's basemap and its key): the county's admin.
  "tenant.configure": ["tenant_admin"],
  "incident.read": everyone,
  // Fire incidents (火灾事故) are recorded from the village up and by the brigades that fought them.
  "incident.manage": ["tenant_admin", "town_officer", "village_manager", "brigade_member"],
  // Vulnerable households (入户走访): personal data, so no department liaison or viewer reads the register; ID numbers stay masked
  // for every reader but the profile's piiReaders (home-visits/households.ts), whose every full read is audited.
  "home_visit.read": ["tenant_admin", "town_officer", "village_manager", "grid_worker"],
  // The register is kept by the village (居（村）委) from the village up.
  "home_visit.manage": ["tenant_admin", "town_officer", "village_manager"],
  // The village's fire-safety staff and the grid worker visit, within their subtree.
  "home_visit.perform": ["tenant_admin", "town_officer", "village_manager", "grid_worker"],
  // Early warnings (预警叫应): the county and the towns issue (the profile's warnings.issuers narrows the levels); every role that acts answers for a node of its subtree.
  "warning.read": everyone,
  "warning.issue": ["tenant_admin", "town_officer"],
  "warning.answer": ["tenant_admin", "town_officer", "village_manager", "grid_worker", "brigade_member", "department_liaison"],
  // 消防物联网: the county registers devices and issues their keys; officers see the devices of their subtree.
  "iot.read": ["tenant_admin", "town_officer", "village_manager"],
  "iot.manage": ["tenant_admin"],
};

/** Which roles each role may hand out when it manages users: never above its own. */
export const assignableRoles: Partial<Record<Role, readonly Role[]>> = {
  tenant_admin: everyone,
  town_officer: ["town_officer", "village_manager", "grid_worker", "brigade_member", "viewer"],
};

/** Scope paths are materialised paths (`/root/town/village`): a subtree is a prefix. */
export function inSubtree(scopePath: string, targetPath: string): boolean {
  return targetPath === scopePath || targetPath.startsWith(scopePath.endsWith("/") ? scopePath : `${scopePath}/`);
}

export function can(actor: Actor, action: Action, target?: { path: string }): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  if (!policy[action].includes(actor.role)) return false;
  return target ? inSubtree(actor.scopePath, target.path) : true;
}

/** 403 unless the actor may do the action (on the target, when one is named). */
export function authorize(actor: Actor, action: Action, target?: { path: string }): void {
  if (actor.type === "public") throw new AppError("unauthorized", "auth.required");
  if (!can(actor, action, target)) throw new AppError("forbidden", "auth.forbidden", { action });
}
