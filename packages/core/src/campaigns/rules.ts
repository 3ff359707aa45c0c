import { addDays } from "../hazards/index.ts";
import type { ChecklistEntry } from "../inspections/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// The rules of a campaign as pure functions: which venues it targets, which
// branch of its area each lies in and who inspects it there (推磨式), its
// checklist from the profile's, its status on a date, its closing summary.

export interface CampaignTarget {
  kinds?: string[] | undefined;
  riskGrades?: string[] | undefined;
  flags?: string[] | undefined;
}

export interface TargetFacts {
  kinds: readonly string[];
  flags: readonly string[];
  riskGrade?: string | undefined;
}

/** A venue's flags and risk grade as its classification sees them: its own, and those its kinds carry. */
export function effectiveFacts(profile: PolicyProfile, venue: TargetFacts): TargetFacts {
  const kinds = profile.venues.kinds.filter((k) => venue.kinds.includes(k.id));
  return {
    kinds: venue.kinds,
    flags: [...new Set([...venue.flags, ...kinds.flatMap((k) => k.flags)])],
    riskGrade: venue.riskGrade ?? kinds.find((k) => k.riskGrade)?.riskGrade,
  };
}

/** Every criterion given holds; within one, any value listed matches (as the profile's venue matches). */
export function matchesTarget(profile: PolicyProfile, target: CampaignTarget, venue: TargetFacts): boolean {
  const facts = effectiveFacts(profile, venue);
  const any = (wanted: readonly string[] | undefined, have: readonly (string | undefined)[]) => !wanted?.length || have.some((h) => h !== undefined && wanted.includes(h));
  return any(target.kinds, facts.kinds) && any(target.flags, facts.flags) && any(target.riskGrades, [facts.riskGrade]);
}

export interface Place {
  nodeId: string;
  path: string;
}

/** The branch of the area a place lies in: the area's child above it, or the area itself for what sits on it. */
export function groupOf(areaPath: string, path: string): Place {
  const below = path.slice(areaPath.length).split("/").filter(Boolean);
  const child = below[0];
  return child ? { nodeId: child, path: `${areaPath}/${child}` } : { nodeId: areaPath.split("/").filter(Boolean).at(-1)!, path: areaPath };
}

/**
 * 推磨式 rotation: the branches in path order, each branch's venues inspected
 * by the staff of the branch before it (the first's by the last's), so no
 * branch inspects its own venues. Needs two branches at least.
 */
export function rotation<G extends Place>(groups: readonly G[]): Map<string, G> {
  const ordered = [...groups].sort((a, b) => a.path.localeCompare(b.path));
  if (ordered.length < 2) return new Map();
  return new Map(ordered.map((g, i) => [g.nodeId, ordered[(i + ordered.length - 1) % ordered.length]!]));
}

export interface AdoptedItem {
  category: string;
  itemId: string;
}

export interface CustomItem {
  name: { zh: string; en?: string | undefined };
  hazardCode: string;
}

export interface ChecklistProblem {
  path: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * The campaign's checklist: items adopted from the profile's categories (their
 * names and hazard codes kept, their clause cited) and its own items, each
 * with a hazard code of the profile. Every entry's category is the campaign's
 * id, as a visit answers it; item ids are the adopted item's
 * `<category>-<item>` and `custom-<n>` for its own.
 */
export function campaignChecklist(profile: PolicyProfile, campaignId: string, adopt: readonly AdoptedItem[], custom: readonly CustomItem[], codes: readonly string[]): { checklist: ChecklistEntry[]; problems: ChecklistProblem[] } {
  const problems: ChecklistProblem[] = [];
  const checklist: ChecklistEntry[] = [];
  const seen = new Set<string>();
  adopt.forEach((a, i) => {
    const item = profile.inspectionCategories.find((c) => c.id === a.category)?.checklist.find((x) => x.id === a.itemId);
    const itemId = `${a.category}-${a.itemId}`;
    if (!item) problems.push({ path: `body.adopt[${i}].itemId`, code: "campaign.item_unknown", zh: `政策档案的检查类别“${a.category}”中没有检查项“${a.itemId}”`, en: `The profile's category “${a.category}” has no checklist item “${a.itemId}”` });
    else if (seen.has(itemId)) problems.push({ path: `body.adopt[${i}].itemId`, code: "campaign.item_repeated", zh: "同一检查项只能选一次", en: "Each item is adopted once" });
    else checklist.push({ category: campaignId, itemId, name: item.name, hazardCode: item.hazardCode, sourceRef: item.sourceRef });
    seen.add(itemId);
  });
  custom.forEach((c, i) => {
    if (!codes.includes(c.hazardCode)) {
      problems.push({ path: `body.custom[${i}].hazardCode`, code: "campaign.hazard_code_unknown", zh: `“${c.hazardCode}”不是政策档案中的隐患类别`, en: `“${c.hazardCode}” is not a hazard code of the profile` });
      return;
    }
    checklist.push({ category: campaignId, itemId: `custom-${i + 1}`, name: { zh: c.name.zh, en: c.name.en ?? c.name.zh }, hazardCode: c.hazardCode, sourceRef: null });
  });
  if (!adopt.length && !custom.length) problems.push({ path: "body.adopt", code: "campaign.checklist_empty", zh: "专项检查表至少要有一项（选用检查项或自定义检查项）", en: "The campaign's checklist needs at least one item (adopted or its own)" });
  return { checklist, problems };
}

/** The period part of the campaign's task keys: no dot (task ids are dotted), nothing a profile period key looks like. */
export const periodKey = (startDate: string, endDate: string) => `${startDate}~${endDate}`;

export type CampaignStatus = "starting" | "upcoming" | "running" | "ended" | "closed";

/** Where a campaign stands on a local date: closed, still making its tasks, not started, running, or past its end awaiting the close. */
export function campaignStatus(c: { state: "starting" | "active" | "closed"; startDate: string; endDate: string }, today: string): CampaignStatus {
  if (c.state === "closed") return "closed";
  if (c.state === "starting") return "starting";
  if (today < c.startDate) return "upcoming";
  return today > c.endDate ? "ended" : "running";
}

/** The days from start to end, both counted. */
export const lengthInDays = (startDate: string, endDate: string) => Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;

/** The end date of a campaign of `days` days from `startDate`. */
export const endAfter = (startDate: string, days: number) => addDays(startDate, days - 1);

// ── The closing summary ─────────────────────────────────────────────────────

export interface Group extends Place {
  name: string;
  inspectors?: (Place & { name: string }) | undefined;
}

export interface ProgressRow {
  nodeId: string;
  total: number;
  done: number;
  hazards: number;
  hazardIds?: string[] | undefined;
}

export interface TaskState {
  venueId: string;
  venueName?: string | undefined;
  venuePath?: string | undefined;
  state: "open" | "done";
}

/** The venues a summary lists by name; the count is always whole. */
export const NOT_VISITED_LISTED = 500;

export interface Summary {
  tasks: number;
  done: number;
  notVisited: number;
  hazardsRaised: number;
  hazardsClosed: number;
  hazardsOpen: number;
  byNode: { nodeId: string; name: string; inspectors?: { nodeId: string; name: string } | undefined; tasks: number; done: number; notVisited: number; hazardsRaised: number; hazardsClosed: number }[];
  /** The venues not visited, branch by branch, at most NOT_VISITED_LISTED. */
  venuesNotVisited: { venueId: string; name: string; nodeId: string; path: string }[];
  closedAt: string;
  reason: "end_date" | "admin";
}

/**
 * The closing summary from the campaign's tasks (visited or not, by where
 * each venue lies) and progress rows (hazards raised), with the state each
 * raised hazard is in at the close.
 */
export function summarise(input: { areaPath: string; groups: readonly Group[]; rows: readonly ProgressRow[]; tasks: readonly TaskState[]; hazardStates: ReadonlyMap<string, string>; closedAt: string; reason: Summary["reason"] }): Summary {
  const { areaPath, groups, rows, tasks, hazardStates } = input;
  const OPEN = new Set(["discovered", "registered", "dispatched", "rectifying", "verifying"]);
  const byNode = new Map<string, Summary["byNode"][number]>();
  const entry = (nodeId: string) => {
    let e = byNode.get(nodeId);
    if (!e) {
      const g = groups.find((x) => x.nodeId === nodeId);
      e = { nodeId, name: g?.name ?? nodeId, ...(g?.inspectors ? { inspectors: { nodeId: g.inspectors.nodeId, name: g.inspectors.name } } : {}), tasks: 0, done: 0, notVisited: 0, hazardsRaised: 0, hazardsClosed: 0 };
      byNode.set(nodeId, e);
    }
    return e;
  };
  for (const g of groups) entry(g.nodeId);
  const notVisited: Summary["venuesNotVisited"] = [];
  for (const t of [...tasks].sort((a, b) => (a.venuePath ?? "").localeCompare(b.venuePath ?? ""))) {
    const group = groupOf(areaPath, t.venuePath ?? areaPath);
    const e = entry(group.nodeId);
    e.tasks += 1;
    if (t.state === "done") e.done += 1;
    else {
      e.notVisited += 1;
      if (notVisited.length < NOT_VISITED_LISTED) notVisited.push({ venueId: t.venueId, name: t.venueName ?? t.venueId, nodeId: group.nodeId, path: t.venuePath ?? areaPath });
    }
  }
  let closed = 0;
  let open = 0;
  let raised = 0;
  for (const r of rows) {
    const e = entry(r.nodeId);
    const ids = r.hazardIds ?? [];
    e.hazardsRaised += r.hazards;
    raised += r.hazards;
    const c = ids.filter((id) => hazardStates.get(id) === "closed").length;
    e.hazardsClosed += c;
    closed += c;
    open += ids.filter((id) => OPEN.has(hazardStates.get(id) ?? "")).length;
  }
  const list = [...byNode.values()].filter((e) => e.tasks || e.hazardsRaised);
  return {
    tasks: list.reduce((n, e) => n + e.tasks, 0),
    done: list.reduce((n, e) => n + e.done, 0),
    notVisited: list.reduce((n, e) => n + e.notVisited, 0),
    hazardsRaised: raised,
    hazardsClosed: closed,
    hazardsOpen: open,
    byNode: list,
    venuesNotVisited: notVisited,
    closedAt: input.closedAt,
    reason: input.reason,
  };
}
