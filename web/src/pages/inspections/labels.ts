/**
 * Names of the profile's words for venues and inspections, by id: the
 * profile is the only source; an id it no longer has shows as itself.
 */
import type { InspectionTask, PolicyProfile, Venue } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";

type Named = { id: string; name: { zh: string; en: string } };
const nameIn = (list: readonly Named[] | undefined, id: string | undefined, locale: Locale) => {
  const found = list?.find((x) => x.id === id);
  return found ? (locale === "en" ? found.name.en : found.name.zh) : (id ?? "");
};

export const categoryName = (p: PolicyProfile | undefined, id: string, locale: Locale) => nameIn(p?.inspectionCategories, id, locale);
export const kindName = (p: PolicyProfile | undefined, id: string, locale: Locale) => nameIn(p?.venues.kinds, id, locale);
export const bodyName = (p: PolicyProfile | undefined, id: string | undefined, locale: Locale) => nameIn(p?.bodies, id, locale);
export const riskGradeName = (p: PolicyProfile | undefined, id: string | undefined, locale: Locale) => nameIn(p?.venues.riskGrades, id, locale);
export const roleName = (p: PolicyProfile | undefined, id: string, locale: Locale) => nameIn(p?.roles, id, locale);

/** Who a task is for: its assignee by name, else the profile role responsible for it. */
export const taskFor = (p: PolicyProfile | undefined, task: InspectionTask, locale: Locale) => task.assigneeName ?? task.assigneeId ?? roleName(p, task.responsibleRole, locale);

/** The profile's patrol_plan policy a venue falls under, with its clause. */
type Policy = PolicyProfile["venues"]["policies"][number];
export const planPolicy = (p: PolicyProfile | undefined, venue: Venue) =>
  p?.venues.policies.find((x): x is Extract<Policy, { kind: "patrol_plan" }> => x.kind === "patrol_plan" && x.id === venue.patrolPlanPolicy);

/** The supervision rule that classified the venue, with its clause; the fallback's when none matched. */
export function supervisionBasis(p: PolicyProfile | undefined, venue: Venue): { sourceRef: string | null; text?: string | undefined; fallback: boolean } {
  const rule = venue.supervisionRule ? p?.venues.supervision.rules.find((r) => r.id === venue.supervisionRule) : undefined;
  if (rule) return { sourceRef: rule.sourceRef, text: rule.text, fallback: false };
  const fb = p?.venues.supervision.fallback;
  return { sourceRef: fb?.sourceRef ?? null, text: fb?.text, fallback: true };
}

/** A category's clause in the profile, for citing beside it. */
export const categorySource = (p: PolicyProfile | undefined, id: string) => p?.inspectionCategories.find((c) => c.id === id)?.sourceRef ?? null;

export const isOverdue = (task: InspectionTask, now = Date.now()) => Date.parse(task.dueAt) < now;

export function formatDue(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** The day of an instant (the web's one formatter, display.ts). */
export { formatDate as formatDay } from "../../display.ts";

/** Per cent with one decimal at most, as the API computes it. */
export const percentText = (n: number) => `${Math.round(n * 10) / 10}%`;

/** What a task is called: a campaign task by its campaign's name, any other by its category in the profile. */
export const taskName = (p: PolicyProfile | undefined, task: Pick<InspectionTask, "category" | "title">, locale: Locale) =>
  task.title ? (locale === "en" && task.title.en ? task.title.en : task.title.zh) : categoryName(p, task.category, locale);
