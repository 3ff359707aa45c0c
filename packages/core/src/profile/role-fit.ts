// Whether a role fits the level of the node it is scoped to. A grid worker
// scoped to a town sees and is routed the whole town's work, which is rarely
// meant; it is allowed (counties differ, and a small town may have one person
// doing both), but the person who makes it is told, in words, before and after.
// The levels, their names and the roles' names are the profile's own.
import type { Role } from "../context/roles.ts";
import { officerRoleAt, wordName } from "./levels.ts";
import type { PolicyProfile } from "./schema.ts";

type Words = Pick<PolicyProfile, "levels" | "vocabulary">;

/** The levels a role usually works at: those whose officers hold it; a role no level's officers hold (a brigade member, a viewer) fits any level. */
export function roleLevels(profile: Words, role: Role): string[] | undefined {
  const levels = profile.levels.filter((level) => officerRoleAt(profile, level.id) === role).map((level) => level.id);
  return levels.length ? levels : undefined;
}

export interface RoleFitWarning {
  code: "user.role_level_mismatch";
  field: "body.scopeNodeId";
  message: { zh: string; en: string };
}

/** A warning when `role` is scoped to a node of a level it does not usually work at. */
export function roleLevelWarning(profile: Words, role: Role, level: string): RoleFitWarning | undefined {
  const fitting = roleLevels(profile, role);
  if (!fitting || fitting.includes(level)) return undefined;
  const nameOf = (id: string) => profile.levels.find((l) => l.id === id)?.name ?? { zh: id, en: id };
  const name = nameOf(level);
  const usual = fitting.map(nameOf);
  const roleName = wordName(profile, "platformRoles", role);
  return {
    code: "user.role_level_mismatch",
    field: "body.scopeNodeId",
    message: {
      zh: `${roleName.zh}通常设在${usual.map((u) => u.zh).join("或")}级节点，所选节点是${name.zh}级：该用户将看到并接收整个节点范围内的任务和隐患。确认无误可继续。`,
      en: `A ${roleName.en.toLowerCase()} is usually scoped to a ${usual.map((u) => u.en).join(" or ")} node; the chosen node is a ${name.en}: the user will see and be sent the tasks and hazards of all of it. Go on if that is meant.`,
    },
  };
}
