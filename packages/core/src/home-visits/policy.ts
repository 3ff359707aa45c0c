import type { Frequency, HomeVisitsPolicy, PolicyProfile } from "../profile/index.ts";

// The profile's homeVisits section, or the platform's marked defaults where a
// county's document sets none (each default states its assumption), and the
// pure rules the register applies: when a household's next visit is due.

const assumed = (zh: string, en: string) => ({ sourceRef: null, assumption: { zh, en } });

/** The code a default checklist item raises: the profile's catch-all, named by the item. */
export const DEFAULT_HAZARD_CODE = "other";

/** The platform's defaults: used whole when the profile has no homeVisits section. */
export const DEFAULT_HOME_VISITS: HomeVisitsPolicy = {
  categories: [
    { id: "elderly_alone", name: { zh: "独居老人", en: "Elderly living alone" }, frequency: { every: 1, unit: "month" }, ...assumed("文件未规定走访对象与频次：独居老人按每月一次走访", "The document sets no visits: elderly people living alone are visited monthly") },
    { id: "disabled", name: { zh: "残疾人家庭", en: "Household with a disabled person" }, frequency: { every: 1, unit: "month" }, ...assumed("文件未规定走访对象与频次：残疾人家庭按每月一次走访", "The document sets no visits: households with a disabled person are visited monthly") },
    { id: "left_behind", name: { zh: "留守老人、儿童家庭", en: "Left-behind elderly or children" }, frequency: { every: 1, unit: "quarter" }, ...assumed("文件未规定走访对象与频次：留守家庭按每季度一次走访", "The document sets no visits: left-behind households are visited quarterly") },
  ],
  checklist: [
    { id: "smoke_alarm", name: { zh: "安装独立式烟感报警器且完好", en: "A working stand-alone smoke alarm" }, hazardCode: DEFAULT_HAZARD_CODE, ...assumed("平台默认走访检查项", "The platform's default visit item") },
    { id: "wiring", name: { zh: "电气线路无私拉乱接、老化", en: "Wiring neither makeshift nor worn" }, hazardCode: DEFAULT_HAZARD_CODE, ...assumed("平台默认走访检查项", "The platform's default visit item") },
    { id: "escape_route", name: { zh: "疏散通道畅通", en: "Escape route clear" }, hazardCode: DEFAULT_HAZARD_CODE, ...assumed("平台默认走访检查项", "The platform's default visit item") },
    { id: "gas", name: { zh: "燃气（液化气）使用安全", en: "Gas (LPG) used safely" }, hazardCode: DEFAULT_HAZARD_CODE, ...assumed("平台默认走访检查项", "The platform's default visit item") },
  ],
  piiReaders: { roles: ["tenant_admin"], ...assumed("身份证号默认仅县级管理员可查看全文（每次查看留痕）", "By default only the county admin reads ID numbers in full (each read audited)") },
  withoutConsent: { keep: [], ...assumed("未取得同意时只登记类别与住址（走访是公共职责），不登记联系人、电话、身份证号", "Without consent only the category and address are kept (the visit is a public duty): no contact name, phone or ID number") },
};

/** The homeVisits rules in effect: the profile's, else the platform's marked defaults. */
export const homeVisitsOf = (profile: PolicyProfile): HomeVisitsPolicy => profile.homeVisits ?? DEFAULT_HOME_VISITS;

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date moved on by a frequency (a month from 31 Jan is the last of February). */
export function addFrequency(date: string, f: Frequency): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (f.unit === "day" || f.unit === "week") {
    const t = new Date(Date.UTC(y, m - 1, d) + f.every * (f.unit === "day" ? 1 : 7) * 86_400_000);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  const months = f.every * { month: 1, quarter: 3, half_year: 6, year: 12 }[f.unit];
  const index = y * 12 + (m - 1) + months;
  const [ny, nm] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

export type DueStatus = "overdue" | "due_soon" | "not_due";

/**
 * When a household's next visit is due: one frequency after its last visit,
 * or after its registration while it has none; overdue the day after, due
 * soon within `soonDays` before.
 */
export function dueOf(h: { lastVisitOn?: string | undefined; registeredOn: string }, frequency: Frequency, today: string, soonDays: number): { dueOn: string; status: DueStatus } {
  const dueOn = addFrequency(h.lastVisitOn ?? h.registeredOn, frequency);
  if (today > dueOn) return { dueOn, status: "overdue" };
  const soon = addFrequency(today, { every: soonDays, unit: "day" });
  return { dueOn, status: dueOn <= soon ? "due_soon" : "not_due" };
}
