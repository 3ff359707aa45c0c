/** Roles, each scoped to a node of the jurisdiction tree (design.md, Identity). */
export const roles = [
  "tenant_admin",
  "town_officer",
  "village_manager",
  "grid_worker",
  "brigade_member",
  "department_liaison",
  "viewer",
] as const;

export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { zh: string; en: string }> = {
  tenant_admin: { zh: "县级管理员", en: "Tenant admin" },
  town_officer: { zh: "镇街消防办人员", en: "Town officer" },
  village_manager: { zh: "村居消防管理人", en: "Village/community manager" },
  grid_worker: { zh: "网格员", en: "Grid worker" },
  brigade_member: { zh: "消防队员", en: "Brigade member" },
  department_liaison: { zh: "部门联络员", en: "Department liaison" },
  viewer: { zh: "只读用户", en: "Viewer" },
};
