import type { FieldError } from "../errors/app-error.ts";
import { fieldError } from "../errors/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// A duty report (履职报告) records that the holder body of a profile
// responsibility (履职事项) performed it. It names the responsibility, and is
// kept at a node of the holder body's level: that is where the compliance
// engine looks for it (compliance/rules/duties.ts).

/** Any record naming a responsibility must be a duty report of the profile's, filed at a node where its holder sits. */
export function checkDutyReport(profile: PolicyProfile, nodeLevel: string, input: { kind: string; responsibilityId?: string | null | undefined }): FieldError[] {
  const id = input.responsibilityId ?? undefined;
  if (input.kind !== "duty_report") {
    return id === undefined ? [] : [fieldError("body.responsibilityId", "org.responsibility_kind", "只有履职报告才能对应履职事项", "Only a duty report names a duty")];
  }
  if (id === undefined) return [fieldError("body.responsibilityId", "org.responsibility_required", "请选择履职报告对应的履职事项", "Choose the duty the report is about")];
  const duty = profile.responsibilities.find((r) => r.id === id);
  if (!duty) return [fieldError("body.responsibilityId", "org.responsibility_unknown", `“${id}”不是政策档案中的履职事项`, `“${id}” is not a duty of the profile`)];
  const holder = profile.bodies.find((b) => b.id === duty.holder);
  if (holder && holder.level !== nodeLevel) {
    const level = profile.levels.find((l) => l.id === holder.level)?.name ?? { zh: holder.level, en: holder.level };
    return [fieldError("body.responsibilityId", "org.responsibility_level", `“${duty.name.zh}”由${holder.name.zh}履行，须在${level.zh}一级报告`, `“${duty.name.en}” is the ${holder.name.en}'s: report it at ${level.en} level`)];
  }
  return [];
}
