// Whether a role fits the level of the node it is scoped to. A grid worker
// scoped to a town sees and is routed the whole town's work, which is rarely
// meant; it is allowed (counties differ, and a small town may have one person
// doing both), but the person who makes it is told, in words, before and after.
import type { Role } from "../context/roles.ts";
import { roleNames } from "../context/roles.ts";

/** The levels (profile level ids) each role usually works at; a role not listed fits any level. */
export const ROLE_LEVELS: Partial<Record<Role, readonly string[]>> = {
  tenant_admin: ["city", "county"],
  town_officer: ["town"],
  village_manager: ["village"],
  grid_worker: ["grid"],
};

const GENERIC_LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  city: { zh: "市级", en: "city" },
  county: { zh: "县（区）级", en: "county" },
  town: { zh: "镇街级", en: "town" },
  village: { zh: "村居级", en: "village/community" },
  grid: { zh: "网格级", en: "grid" },
};

export interface RoleFitWarning {
  code: "user.role_level_mismatch";
  field: "body.scopeNodeId";
  message: { zh: string; en: string };
}

/**
 * A warning when `role` is scoped to a node of a level it does not usually
 * work at; `levelName` is the profile's own name for the node's level.
 */
export function roleLevelWarning(role: Role, level: string, levelName?: { zh: string; en: string }): RoleFitWarning | undefined {
  const fitting = ROLE_LEVELS[role];
  if (!fitting || fitting.includes(level)) return undefined;
  const name = levelName ?? GENERIC_LEVEL_NAMES[level] ?? { zh: level, en: level };
  const usual = fitting.map((l) => GENERIC_LEVEL_NAMES[l] ?? { zh: l, en: l });
  const roleName = roleNames[role];
  return {
    code: "user.role_level_mismatch",
    field: "body.scopeNodeId",
    message: {
      zh: `${roleName.zh}通常设在${usual.map((u) => u.zh).join("或")}节点，所选节点是${name.zh}：该用户将看到并接收整个节点范围内的任务和隐患。确认无误可继续。`,
      en: `A ${roleName.en.toLowerCase()} is usually scoped to a ${usual.map((u) => u.en).join(" or ")} node; the chosen node is ${name.en}: the user will see and be sent the tasks and hazards of all of it. Go on if that is meant.`,
    },
  };
}
