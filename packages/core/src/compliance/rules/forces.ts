import { forceNames, vehicleNames } from "../../organisation/index.ts";
import type { PolicyProfile } from "../../profile/index.ts";
import { finding, names } from "../finding.ts";
import type { Finding, OrgData } from "../types.ts";

// Brigades and micro fire stations: the forces a node must have
// (profile.brigades.requirements) and what each brigade of a grade must hold
// (profile.brigades.grades: staff, engines by type, staff quota, deployment).

type Requirement = PolicyProfile["brigades"]["requirements"][number];

/**
 * The level a requirement is judged at. A rescue zone (片区) is not a node of
 * the tree: every town must lie in some zone, so a zone requirement is judged
 * as "each town is covered by such a force".
 */
const levelOf = (req: Requirement) => (req.per === "zone" ? "town" : req.per);

export function forceRequirements(profile: PolicyProfile, data: OrgData): Finding[] {
  const n = names(profile);
  const out: Finding[] = [];
  for (const req of profile.brigades.requirements) {
    // Key units are venues; they are judged with the venues, not the tree.
    if (req.per === "key_unit" || levelOf(req) !== data.node.level) continue;
    const ruleId = `brigades.${req.id}`;
    const force = forceNames[req.force];
    const grade = req.grade !== undefined ? n.grade(req.grade) : undefined;
    const wanted = { zh: `${force.zh}${grade ? `（${grade.zh}）` : ""}`, en: `${force.en}${grade ? ` (${grade.en})` : ""}` };
    if (req.units && data.node.unit !== undefined && !req.units.includes(data.node.unit)) {
      out.push(finding(data.node, ruleId, req, "not_applicable", { zh: `本条只适用于${req.units.join("、")}，本节点为${data.node.unit}`, en: `applies to ${req.units.join(", ")} only; this node is ${data.node.unit}` }));
      continue;
    }
    const candidates = [...data.brigades, ...data.coverage];
    const fits = candidates.filter((b) => (b.force === req.force ? req.grade === undefined || b.grade === req.grade : (req.alternatives ?? []).includes(b.force)));
    const found = fits.map((b) => b.name).join("、");
    out.push(
      fits.length
        ? finding(data.node, ruleId, req, "met", { zh: `已有${wanted.zh}：${found}`, en: `has a ${wanted.en}: ${fits.map((b) => b.name).join(", ")}` })
        : finding(data.node, ruleId, req, "unmet", { zh: `未建或未覆盖${wanted.zh}`, en: `no ${wanted.en} based here or covering it` }),
    );
  }
  return out;
}

export function brigadeGrades(profile: PolicyProfile, data: OrgData): Finding[] {
  const out: Finding[] = [];
  for (const b of data.brigades) {
    if (b.grade === undefined) continue;
    const grade = profile.brigades.grades.find((g) => g.id === b.grade);
    const subject = { subjectId: b.brigadeId };
    if (!grade) {
      const cited = { sourceRef: null, assumption: { zh: "队站等级须为生效政策档案中的等级" } };
      out.push(finding(data.node, `brigades.grade.${b.grade}`, cited, "not_applicable", { zh: `${b.name}：等级“${b.grade}”不在生效的政策档案中`, en: `${b.name}: grade “${b.grade}” is not in the profile in effect` }, subject));
      continue;
    }
    const base = `brigades.grade.${grade.id}`;
    if (grade.minStaff !== undefined) {
      out.push(
        finding(data.node, `${base}.staff`, grade, b.memberCount >= grade.minStaff ? "met" : "unmet", {
          zh: `${b.name}（${grade.name.zh}）队员 ${b.memberCount} 人，要求 ≥${grade.minStaff} 人`,
          en: `${b.name} (${grade.name.en}): ${b.memberCount} members, required ≥${grade.minStaff}`,
        }, subject),
      );
    }
    for (const engine of grade.minEngines) {
      const have = b.vehicles.filter((v) => v.type === engine.type).reduce((sum, v) => sum + v.count, 0);
      const vehicle = vehicleNames[engine.type];
      out.push(
        finding(data.node, `${base}.engines.${engine.type}`, grade, have >= engine.min ? "met" : "unmet", {
          zh: `${b.name}（${grade.name.zh}）${vehicle.zh} ${have} 辆，要求 ≥${engine.min} 辆`,
          en: `${b.name} (${grade.name.en}): ${have} × ${vehicle.en}, required ≥${engine.min}`,
        }, subject),
      );
    }
    if (grade.staffQuota !== undefined) {
      out.push(
        finding(data.node, `${base}.quota`, grade, b.memberCount <= grade.staffQuota ? "met" : "unmet", {
          zh: `${b.name}（${grade.name.zh}）实名队员 ${b.memberCount} 人，员额 ${grade.staffQuota} 名`,
          en: `${b.name} (${grade.name.en}): ${b.memberCount} named members, quota ${grade.staffQuota}`,
        }, subject),
      );
    }
    if (grade.deployment && b.deployment) {
      const allowed = grade.deployment.value;
      const role = { centre: { zh: "中心队", en: "centre" }, satellite: { zh: "卫星队", en: "satellite" } };
      out.push(
        finding(data.node, `${base}.deployment`, grade.deployment, allowed.includes(b.deployment) ? "met" : "unmet", {
          zh: `${b.name} 作为${role[b.deployment].zh}；${grade.name.zh}可作${allowed.map((d) => role[d].zh).join("或")}`,
          en: `${b.name} deployed as ${role[b.deployment].en}; a ${grade.name.en} may be ${allowed.map((d) => role[d].en).join(" or ")}`,
        }, subject),
      );
    }
  }
  return out;
}
