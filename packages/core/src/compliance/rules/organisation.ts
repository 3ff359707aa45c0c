import { wordName, type PolicyProfile } from "../../profile/index.ts";
import { finding, list, names, range, within } from "../finding.ts";
import type { Bilingual, Finding, OrgData, PersonFacts } from "../types.ts";

// Bodies' composition (profile.composition) and staffing minimums
// (profile.staffing.rules): counted over the people of the node.

type StaffingRule = PolicyProfile["staffing"]["rules"][number];

const levelOfBody = (profile: PolicyProfile, bodyId: string) => profile.bodies.find((b) => b.id === bodyId)?.level;

type Position = PolicyProfile["composition"][number];

/**
 * Each position of a body at the node's level: enough holders, not too many.
 * A seat whose holder must hold its role (`mustHoldRole`) counts only the
 * people in it who hold `filledBy`; the others are named as lacking it.
 */
export function composition(profile: PolicyProfile, data: OrgData): Finding[] {
  const n = names(profile);
  return profile.composition
    .filter((position) => levelOfBody(profile, position.body) === data.node.level)
    .flatMap((position) => {
      const seated = data.people.filter((p) => p.positions.includes(position.id));
      const roleRule = position.mustHoldRole;
      const holders = roleRule ? seated.filter((p) => p.roles.includes(position.filledBy)) : seated;
      const lacking = seated.filter((p) => !holders.includes(p));
      const { min, max } = position.count;
      const ok = position.required ? within(holders.length, min, max) : max === undefined || holders.length <= max;
      const body = n.body(position.body);
      // Names help while they are few; a member list of fourteen units is read in the body's own page.
      const who = holders.length && holders.length <= 3 ? list(holders.map((p) => p.name)) : undefined;
      const required = range(position.required ? min : 0, max);
      const role = n.role(position.filledBy);
      const without: Bilingual = lacking.length
        ? { zh: `；${list(lacking.map((p) => p.name)).zh}未担任“${role.zh}”，不计入`, en: `; ${list(lacking.map((p) => p.name)).en} not holding the role “${role.en}”, not counted` }
        : { zh: "", en: "" };
      // A clause of its own (由…担任) cites the finding on the role; the seat's clause otherwise.
      const cited: Position | Exclude<typeof roleRule, boolean | undefined> = typeof roleRule === "object" && lacking.length ? roleRule : position;
      return [
        finding(data.node, `composition.${position.id}`, cited, ok ? "met" : "unmet", {
          zh: `${body.zh}${position.title.zh} ${holders.length} 人${who ? `（${who.zh}）` : ""}，要求 ${required.zh} 人${without.zh}`,
          en: `${body.en} ${position.title.en.toLowerCase()}: ${holders.length}${who ? ` (${who.en})` : ""}, required ${required.en}${without.en}`,
        }),
        ...posting(data, position, holders.length, body),
      ];
    });
}

/** A seat to be publicly posted (挂牌公示): met once a posting is recorded at the node. */
function posting(data: OrgData, position: Position, holders: number, body: Bilingual): Finding[] {
  const rule = position.publicPosting;
  if (!rule) return [];
  const posted = (data.postings ?? []).filter((p) => p.positionId === position.id).map((p) => p.postedOn).sort().at(-1);
  const seat = { zh: `${body.zh}${position.title.zh}`, en: `${body.en} ${position.title.en.toLowerCase()}` };
  return [
    posted
      ? finding(data.node, `composition.${position.id}.posting`, rule, "met", { zh: `${seat.zh}已挂牌公示（${posted}）`, en: `${seat.en} publicly posted (${posted})` })
      : finding(data.node, `composition.${position.id}.posting`, rule, "unmet", {
          zh: `${seat.zh}未挂牌公示${holders ? "" : "（且无人在任）"}`,
          en: `${seat.en} not publicly posted${holders ? "" : " (and no one holds it)"}`,
        }),
  ];
}

/**
 * Does a person count for a rule? `any` counts the body's whole staff;
 * `seconded` those seconded by the rule's `from` body; `other` is the rest
 * (其余人员): staff whose employment no sibling rule of the same body and
 * tier names.
 */
function counts(rule: StaffingRule, siblings: readonly StaffingRule[]) {
  const named = (r: StaffingRule, p: PersonFacts) => p.employment === r.employment && (r.from === undefined || p.secondedFrom === r.from);
  const claimers = siblings.filter((r) => r.employment !== "any" && r.employment !== "other");
  return (p: PersonFacts) => {
    if (rule.role !== undefined && !p.roles.includes(rule.role)) return false;
    if (rule.employment === "any") return true;
    if (rule.employment === "other") return claimers.length ? !claimers.some((r) => named(r, p)) : p.employment === "other";
    return named(rule, p);
  };
}

function label(profile: PolicyProfile, rule: StaffingRule) {
  const n = names(profile);
  if (rule.role !== undefined) return n.role(rule.role);
  if (rule.employment === "seconded" && rule.from !== undefined) {
    const from = n.body(rule.from);
    return { zh: `${from.zh}派驻（指定）人员`, en: `staff seconded by the ${from.en}` };
  }
  return wordName(profile, "employmentKinds", rule.employment);
}

/** Staffing minimums, ranges and shares of the body's total, per town tier where the rule has one. */
export function staffing(profile: PolicyProfile, data: OrgData): Finding[] {
  const n = names(profile);
  const out: Finding[] = [];
  for (const rule of profile.staffing.rules) {
    if ((rule.per ?? levelOfBody(profile, rule.body)) !== data.node.level) continue;
    const ruleId = `staffing.${rule.id}`;
    if (rule.tier !== undefined) {
      const tier = n.tier(rule.tier);
      if (data.node.tier === undefined) {
        out.push(finding(data.node, ruleId, rule, "not_applicable", { zh: `未设定类别；本条适用于“${tier.zh}”`, en: `tier not set; this rule applies to “${tier.en}”` }));
        continue;
      }
      if (data.node.tier !== rule.tier) continue;
    }
    const siblings = profile.staffing.rules.filter((r) => r.body === rule.body && r.tier === rule.tier && r.per === rule.per);
    const staff = data.people.filter((p) => p.bodyId === rule.body);
    const matching = staff.filter(counts(rule, siblings));
    const what = label(profile, rule);
    const req = rule.requirement;
    if (req.measure === "count") {
      const required = range(req.min, req.max);
      out.push(
        finding(data.node, ruleId, rule, within(matching.length, req.min, req.max) ? "met" : "unmet", {
          zh: `${what.zh} ${matching.length} 人，要求 ${required.zh} 人`,
          en: `${what.en} ${matching.length}, required ${required.en}`,
        }),
      );
    } else {
      const percent = staff.length ? Math.round((matching.length / staff.length) * 1000) / 10 : 0;
      const ok = staff.length > 0 && percent >= req.minPercent && (req.maxPercent === undefined || percent <= req.maxPercent);
      const body = n.body(rule.body);
      const required = req.maxPercent === undefined ? `≥${req.minPercent}%` : `${req.minPercent}%–${req.maxPercent}%`;
      out.push(
        finding(data.node, ruleId, rule, ok ? "met" : "unmet", {
          zh: `${what.zh} ${matching.length} 人，占${body.zh}总数 ${staff.length} 人的 ${percent}%，要求 ${required}`,
          en: `${what.en} ${matching.length} of ${staff.length} in the ${body.en} (${percent}%), required ${required}`,
        }),
      );
    }
  }
  return out;
}
