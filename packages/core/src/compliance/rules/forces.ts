import { levelFor, meaningOf, wordName, type PolicyProfile } from "../../profile/index.ts";
import { finding, names } from "../finding.ts";
import type { Bilingual, BrigadeFacts, Finding, OrgData } from "../types.ts";

// Brigades and micro fire stations: the forces a node must have
// (profile.brigades.requirements) and what each brigade of a grade must hold
// (profile.brigades.grades: staff, engines by type, staff quota, deployment).

type Requirement = PolicyProfile["brigades"]["requirements"][number];

/**
 * The level a requirement is judged at. A rescue zone (片区) is not a node of
 * the tree: every town must lie in some zone, so a zone requirement is judged
 * as "each town is covered by such a force".
 */
/** The level a requirement is judged at: a rescue zone (片区) is judged at the town-like level. */
const levelOf = (profile: PolicyProfile, req: Requirement) => (req.per === "zone" ? levelFor(profile, "town")?.id : req.per);

export function forceRequirements(profile: PolicyProfile, data: OrgData): Finding[] {
  const n = names(profile);
  const out: Finding[] = [];
  for (const req of profile.brigades.requirements) {
    if (req.per === "key_unit") {
      out.push(...perKeyUnit(profile, req, data));
      continue;
    }
    if (levelOf(profile, req) !== data.node.level) continue;
    const ruleId = `brigades.${req.id}`;
    const force = wordName(profile, "forceKinds", req.force);
    const grade = req.grade !== undefined ? n.grade(req.grade) : undefined;
    const wanted = { zh: `${force.zh}${grade ? `（${grade.zh}）` : ""}`, en: `${force.en}${grade ? ` (${grade.en})` : ""}` };
    if (req.units && data.node.unit !== undefined && !req.units.includes(data.node.unit)) {
      out.push(finding(data.node, ruleId, req, "not_applicable", { zh: `本条只适用于${req.units.join("、")}，本节点为${data.node.unit}`, en: `applies to ${req.units.join(", ")} only; this node is ${data.node.unit}` }));
      continue;
    }
    const candidates = [...data.brigades, ...data.coverage];
    const fits = candidates.filter((b) => (b.force === req.force ? req.grade === undefined || b.grade === req.grade : (req.alternatives ?? []).includes(b.force)));
    const found = fits.map((b) => b.name).join("、");
    out.push(...registration(data, req, ruleId, data.brigades.filter((b) => fits.includes(b))));
    out.push(...teams(data, req, ruleId, data.brigades.filter((b) => fits.includes(b) && b.force === req.force)));
    out.push(
      fits.length
        ? finding(data.node, ruleId, req, "met", { zh: `已有${wanted.zh}：${found}`, en: `has a ${wanted.en}: ${fits.map((b) => b.name).join(", ")}` })
        : finding(data.node, ruleId, req, "unmet", { zh: `未建或未覆盖${wanted.zh}`, en: `no ${wanted.en} based here or covering it` }),
    );
  }
  return out;
}

/**
 * A force the requirement wants registered as a public-institution legal
 * person (事业单位法人): each of the node's own such brigades must be. Cited
 * by the clause that says so, where the profile gives it apart.
 */
function registration(data: OrgData, req: Requirement, ruleId: string, own: readonly BrigadeFacts[]): Finding[] {
  const wanted = req.publicInstitution;
  if (wanted === undefined || wanted === false || own.length === 0) return [];
  const cited = typeof wanted === "object" ? wanted : req;
  const missing = own.filter((b) => b.publicInstitution !== true);
  return [
    missing.length
      ? finding(data.node, `${ruleId}.public_institution`, cited, "unmet", { zh: `未登记为事业单位法人：${missing.map((b) => b.name).join("、")}`, en: `not registered as a public institution: ${missing.map((b) => b.name).join(", ")}` })
      : finding(data.node, `${ruleId}.public_institution`, cited, "met", { zh: `已登记为事业单位法人：${own.map((b) => b.name).join("、")}`, en: `registered as a public institution: ${own.map((b) => b.name).join(", ")}` }),
  ];
}

/**
 * The teams a station of the requirement's kind must have (requiredTeams),
 * recorded on each of the node's own such stations: one finding per station
 * naming the teams it lacks.
 */
function teams(data: OrgData, req: Requirement, ruleId: string, own: readonly BrigadeFacts[]): Finding[] {
  const rule = req.requiredTeams;
  if (!rule) return [];
  return own.map((b) => {
    const has = new Set((b.teams ?? []).map((t) => t.id));
    const missing = rule.value.filter((t) => !has.has(t.id));
    const required = { zh: rule.value.map((t) => t.name.zh).join("、"), en: rule.value.map((t) => t.name.en).join(", ") };
    return missing.length
      ? finding(data.node, `${ruleId}.teams`, rule, "unmet", { zh: `${b.name} 缺编队：${missing.map((t) => t.name.zh).join("、")}（要求：${required.zh}）`, en: `${b.name} lacks teams: ${missing.map((t) => t.name.en).join(", ")} (required: ${required.en})` }, { subjectId: b.brigadeId })
      : finding(data.node, `${ruleId}.teams`, rule, "met", { zh: `${b.name} 已编队：${required.zh}`, en: `${b.name} has its teams: ${required.en}` }, { subjectId: b.brigadeId });
  });
}

/** Whether a node's judgement needs its key units (a requirement is per key unit). */
export const needsKeyUnits = (profile: PolicyProfile) => profile.brigades.requirements.some((r) => r.per === "key_unit");

/**
 * A force per key unit (消防安全重点单位建设微型消防站): judged at the node
 * where each key-unit venue is registered, one finding per venue: met by a
 * force of the kind (or an alternative) recorded at that node and built at
 * that venue (brigade.venueId).
 */
function perKeyUnit(profile: PolicyProfile, req: Requirement, data: OrgData): Finding[] {
  const force = wordName(profile, "forceKinds", req.force);
  return (data.keyUnits ?? []).flatMap((venue) => {
    const fits = data.brigades.filter((b) => b.venueId === venue.venueId && (b.force === req.force || (req.alternatives ?? []).includes(b.force)));
    const found = fits.length
      ? finding(data.node, `brigades.${req.id}`, req, "met", { zh: `重点单位“${venue.name}”已建${force.zh}：${fits.map((b) => b.name).join("、")}`, en: `Key unit “${venue.name}” has a ${force.en}: ${fits.map((b) => b.name).join(", ")}` }, { subjectId: venue.venueId })
      : finding(data.node, `brigades.${req.id}`, req, "unmet", { zh: `重点单位“${venue.name}”未建${force.zh}`, en: `Key unit “${venue.name}” has no ${force.en}` }, { subjectId: venue.venueId });
    return [found, ...teams(data, req, `brigades.${req.id}`, fits.filter((b) => b.force === req.force))];
  });
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
      const vehicle = wordName(profile, "engineTypes", engine.type);
      out.push(
        finding(data.node, `${base}.engines.${engine.type}`, grade, have >= engine.min ? "met" : "unmet", {
          zh: `${b.name}（${grade.name.zh}）${vehicle.zh} ${have} 辆，要求 ≥${engine.min} 辆`,
          en: `${b.name} (${grade.name.en}): ${have} × ${vehicle.en}, required ≥${engine.min}`,
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

/**
 * The level brigade quotas are totalled at: the county (县域员额总量), or the
 * tenant's root level when the profile has no county level.
 */
export function quotaLevel(profile: PolicyProfile): string | undefined {
  return levelFor(profile, "county")?.id ?? profile.levels[0]?.id;
}

/** Whether a node's judgement needs the brigades of its whole subtree (the quota total). */
export function needsSubtreeBrigades(profile: PolicyProfile, level: string): boolean {
  return profile.brigades.grades.some((g) => g.staffQuota !== undefined) && quotaLevel(profile) === level;
}

/**
 * Staff quotas per grade (员额) set the county's total: the named members of
 * all graded brigades in the county against the sum of their grades' quotas,
 * one finding at the county node. A brigade is not held to its own grade's
 * number; brigades without a grade that has a quota are not counted (named).
 */
export function quotaTotal(profile: PolicyProfile, data: OrgData): Finding[] {
  if (!needsSubtreeBrigades(profile, data.node.level)) return [];
  const quotaOf = (b: BrigadeFacts) => profile.brigades.grades.find((g) => g.id === b.grade)?.staffQuota;
  const brigades = (data.subtreeBrigades ?? []).filter((b) => meaningOf(profile, "forceKinds", b.force) === "full_time_brigade" || quotaOf(b) !== undefined);
  const counted = brigades.filter((b) => quotaOf(b) !== undefined);
  const left = brigades.filter((b) => quotaOf(b) === undefined);
  const staff = counted.reduce((sum, b) => sum + b.memberCount, 0);
  const quota = counted.reduce((sum, b) => sum + quotaOf(b)!, 0);
  const grades = profile.brigades.grades.filter((g) => g.staffQuota !== undefined);
  const cited = grades[0]!;
  const per = grades
    .map((g) => ({ g, n: counted.filter((b) => b.grade === g.id).length }))
    .filter((x) => x.n > 0)
    .map(({ g, n }) => ({ zh: `${g.name.zh} ${n} 支×${g.staffQuota}`, en: `${n} × ${g.name.en} (${g.staffQuota})` }));
  const outside: Bilingual = left.length
    ? { zh: `；未定等级的专职队 ${left.length} 支（${left.reduce((s, b) => s + b.memberCount, 0)} 人）未计入：${left.map((b) => b.name).join("、")}`, en: `; ${left.length} full-time brigade(s) without a graded quota not counted: ${left.map((b) => b.name).join(", ")}` }
    : { zh: "", en: "" };
  const vacant: Bilingual = staff < quota ? { zh: `，空编 ${quota - staff} 名`, en: `, ${quota - staff} vacant` } : { zh: "", en: "" };
  return [
    finding(data.node, "brigades.quota_total", cited, staff <= quota ? "met" : "unmet", {
      zh: `县域专职消防队 ${counted.length} 支（${per.map((p) => p.zh).join("、") || "无"}），实名队员 ${staff} 人，员额总量 ${quota} 名${staff > quota ? `，超出 ${staff - quota} 名` : vacant.zh}${outside.zh}`,
      en: `${counted.length} graded full-time brigade(s) in the county (${per.map((p) => p.en).join(", ") || "none"}): ${staff} named members, total quota ${quota}${staff > quota ? `, ${staff - quota} over` : vacant.en}${outside.en}`,
    }),
  ];
}
