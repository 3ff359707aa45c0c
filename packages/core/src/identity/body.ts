import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";

// The body of the profile a user acts for (a department's liaison for that
// department): set by those who manage users, checked against the profile in
// effect, named on the user's own page.

export const BodyId = z.string().trim().min(1).max(64).meta({ description: "A body id of the profile in effect (the department a liaison acts for)" });

export const BodyRefSchema = z
  .object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }), kind: z.string(), level: z.string() })
  .meta({ id: "UserBody", description: "The profile body the user acts for" });
export type BodyRef = z.infer<typeof BodyRefSchema>;

const invalid = (path: string, code: string, zh: string, en: string) => new AppError("validation", "request.invalid", {}, [{ path, code, message: { zh, en } }]);

/**
 * A body may be set only when the profile in effect has it, and only for a
 * user scoped at the body's own level (a county department's liaison sits at
 * the county node): elsewhere the binding could never act.
 */
export async function checkBody(bodyId: string, scopePath: string, field: "body.bodyId" | "body.scopeNodeId" = "body.bodyId"): Promise<void> {
  const { profile } = await profileAt();
  const body = profile.bodies.find((b) => b.id === bodyId);
  if (!body) {
    throw invalid("body.bodyId", "user.body_unknown", `“${bodyId}”不是现行政策档案中的机构，可选：${profile.bodies.map((b) => `${b.id}（${b.name.zh}）`).join("、")}`, `“${bodyId}” is not a body of the profile in effect; one of: ${profile.bodies.map((b) => b.id).join(", ")}`);
  }
  const level = profile.levels[scopePath.split("/").filter(Boolean).length - 1];
  if (level?.id !== body.level) {
    const at = profile.levels.find((l) => l.id === body.level);
    throw invalid(field, "user.body_level_mismatch", `${body.name.zh}设在${at?.name.zh ?? body.level}一级，用户的管辖节点须在该级`, `${body.name.en} sits at the ${at?.name.en ?? body.level} level: the user's scope node must be at that level`);
  }
}

export function bodyRef(profile: PolicyProfile, bodyId: string | undefined): BodyRef | null {
  const body = bodyId === undefined ? undefined : profile.bodies.find((b) => b.id === bodyId);
  return body ? { id: body.id, name: body.name, kind: body.kind, level: body.level } : null;
}

/** The body a user acts for, as the profile in effect names it (null: none, or one the profile no longer has). */
export async function describeBody(bodyId: string | undefined): Promise<BodyRef | null> {
  if (bodyId === undefined) return null;
  const { profile } = await profileAt();
  return bodyRef(profile, bodyId);
}
