import { dueSoonDays, type PolicyProfile } from "../../profile/index.ts";
import { finding } from "../finding.ts";
import { daysBetween } from "../periods.ts";
import type { Bilingual, Finding, OrgData, Status } from "../types.ts";

// Dated targets: station standards (profile.stationStandards, e.g. 八有 by a
// date) and milestones (profile.milestones). Met by the date; not yet met:
// due soon within DUE_SOON_DAYS of the date, overdue after it.

/** The due-soon window when the profile sets none (profile/settings.ts dueSoonDays). */
export const DUE_SOON_DAYS = 30;

function pending(by: string | null, today: string, DUE_SOON_DAYS: number): { status: Status; note: Bilingual } {
  if (by === null) return { status: "unmet", note: { zh: "", en: "" } };
  const left = daysBetween(today, by);
  if (left < 0) return { status: "overdue", note: { zh: `，期限 ${by}，已逾期 ${-left} 天`, en: `; due ${by}, ${-left} days overdue` } };
  if (left <= DUE_SOON_DAYS) return { status: "due_soon", note: { zh: `，期限 ${by}，还剩 ${left} 天`, en: `; due ${by}, ${left} days left` } };
  return { status: "unmet", note: { zh: `，期限 ${by}`, en: `; due ${by}` } };
}

const late = (on: string, by: string | null): Bilingual =>
  by !== null && on > by ? { zh: `，晚于期限 ${by}`, en: `, after the deadline ${by}` } : { zh: "", en: "" };

type Item = PolicyProfile["stationStandards"][number]["items"][number];

/** What a numeric item lacks: the value recorded (or none) against its minimum. */
function shortfall(item: Item, value: number | undefined): Bilingual {
  if (item.min === undefined) return { zh: "", en: "" };
  const unit = item.unit ?? { zh: "", en: "" };
  const got = value === undefined ? { zh: "未录入数值", en: "no value recorded" } : { zh: `${value}${unit.zh}`, en: `${value}${unit.en ? ` ${unit.en}` : ""}` };
  return { zh: `（${got.zh}，要求 ≥${item.min}${unit.zh}）`, en: ` (${got.en}, required ≥${item.min}${unit.en ? ` ${unit.en}` : ""})` };
}

export function stationStandards(profile: PolicyProfile, data: OrgData, today: string): Finding[] {
  const levelOf = (bodyId: string) => profile.bodies.find((b) => b.id === bodyId)?.level;
  return profile.stationStandards
    .filter((standard) => levelOf(standard.body) === data.node.level)
    .map((standard) => {
      const recorded = (itemId: string) => data.standardItems.find((i) => i.standardId === standard.id && i.itemId === itemId && i.metOn !== undefined && i.metOn <= today);
      // A numeric item (an office that fits ≥ N people) is met by its recorded value, not by the tick alone.
      const metOn = (item: Item) => {
        const got = recorded(item.id);
        return got && (item.min === undefined || (got.value !== undefined && got.value >= item.min)) ? got.metOn : undefined;
      };
      const missing = standard.items.filter((item) => metOn(item) === undefined);
      const ruleId = `standard.${standard.id}`;
      const total = standard.items.length;
      if (!missing.length) {
        const last = standard.items.map((item) => metOn(item)!).sort().at(-1)!;
        const after = late(last, standard.deadline);
        return finding(data.node, ruleId, standard, "met", {
          zh: `${standard.name.zh} ${total} 项全部达标（${last}${after.zh}）`,
          en: `${standard.name.en}: all ${total} items met (${last}${after.en})`,
        });
      }
      const { status, note } = pending(standard.deadline, today, dueSoonDays(profile).value);
      return finding(data.node, ruleId, standard, status, {
        zh: `${standard.name.zh}已达标 ${total - missing.length}/${total} 项，缺：${missing.map((i) => i.name.zh + shortfall(i, recorded(i.id)?.value).zh).join("、")}${note.zh}`,
        en: `${standard.name.en}: ${total - missing.length} of ${total} items met; missing: ${missing.map((i) => i.name.en + shortfall(i, recorded(i.id)?.value).en).join(", ")}${note.en}`,
      });
    });
}

/** Units of a milestone are named places: a node matches when its name contains one. */
function appliesTo(milestone: PolicyProfile["milestones"][number], name: string): boolean {
  if (milestone.units && !milestone.units.some((unit) => name.includes(unit))) return false;
  if (milestone.exceptUnits && milestone.exceptUnits.some((unit) => name.includes(unit))) return false;
  return true;
}

export function milestones(profile: PolicyProfile, data: OrgData, today: string): Finding[] {
  return profile.milestones
    .filter((m) => m.level === data.node.level && appliesTo(m, data.node.name))
    .map((m) => {
      const record = data.milestones.find((r) => r.milestoneId === m.id && r.metOn <= today);
      const ruleId = `milestone.${m.id}`;
      if (record) {
        const after = late(record.metOn, m.by);
        return finding(data.node, ruleId, m, "met", { zh: `${m.name.zh}：${record.metOn} 完成${after.zh}`, en: `${m.name.en}: done ${record.metOn}${after.en}` });
      }
      const { status, note } = pending(m.by, today, dueSoonDays(profile).value);
      return finding(data.node, ruleId, m, status, { zh: `${m.name.zh}：未完成${note.zh}`, en: `${m.name.en}: not done${note.en}` });
    });
}
