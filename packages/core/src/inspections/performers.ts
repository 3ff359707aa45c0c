import type { Role } from "../access/index.ts";
import { rolesFor } from "../hazards/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// Who may perform (finish) an inspection task. A category names the profile
// role responsible for it (网格员, 消防办人员, 居委专兼职消防工作人员 …); users
// hold one of the platform's seven roles. The profile says which platform
// roles act in each of its roles (`actsAs`); where it is silent, the default
// below applies. A task with an assignee (a patrol plan's named patroller)
// is that one user's alone.

/**
 * The default where a profile role has no `actsAs`: by the role's id, for
 * the words the presets share. The ids are generic terms of grassroots fire
 * work, no county's; a county whose words differ says `actsAs` in its profile.
 */
export const DEFAULT_ACTS_AS: Readonly<Record<string, readonly Role[]>> = {
  /** 网格员, 网格长: the grid's own workers. */
  grid_worker: ["grid_worker"],
  grid_leader: ["grid_worker"],
  /** 巡查人员: patrols are walked by town staff and by grid workers alike. */
  patroller: ["town_officer", "grid_worker"],
  /** 街镇巡查人员, the town office's staff and heads. */
  town_patroller: ["town_officer"],
  office_staff: ["town_officer"],
  office_head: ["town_officer"],
  enforcement_officer: ["town_officer"],
  /** 居（村）委 fire staff and managers. */
  village_fire_staff: ["village_manager"],
  village_fire_manager: ["village_manager"],
  /** Full-time firefighters and brigade members. */
  full_time_firefighter: ["brigade_member"],
  town_fire_force: ["brigade_member"],
};

/**
 * The platform roles that act in a profile role: its `actsAs`; else the
 * default by id; else by its body, as hazards route work to bodies (the
 * officer of the body's level, a department's liaison, a force's members);
 * else none (only an assignee may then perform the role's tasks).
 */
export function platformRolesOf(profile: PolicyProfile, roleId: string): readonly Role[] {
  const role = profile.roles.find((r) => r.id === roleId);
  if (role?.actsAs) return role.actsAs;
  const byId = DEFAULT_ACTS_AS[roleId];
  if (byId) return byId;
  const body = role?.body === undefined ? undefined : profile.bodies.find((b) => b.id === role.body);
  return body ? rolesFor(profile, { body: body.id, level: body.level }) : [];
}

export interface Performer {
  type: string;
  userId?: string | undefined;
  role?: Role | undefined;
}

/**
 * Whether the actor may perform a task: its assignee alone when it has one,
 * else a user whose platform role acts in the task's responsible role. (The
 * place is checked apart: `inspection.perform` within the user's subtree.)
 */
export function mayPerform(profile: PolicyProfile, actor: Performer, task: { assigneeId?: string | undefined; coAssigneeIds?: readonly string[] | undefined; responsibleRole: string }): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  // A drawn spot check has two inspectors: the assignee and its co-assignees.
  if (task.assigneeId !== undefined) return actor.userId === task.assigneeId || (actor.userId !== undefined && (task.coAssigneeIds ?? []).includes(actor.userId));
  return actor.role !== undefined && platformRolesOf(profile, task.responsibleRole).includes(actor.role);
}
