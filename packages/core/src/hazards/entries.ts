import { DAY_MS, iso, localMonth } from "./clock.ts";
import { segments } from "./rules.ts";
import { isOpen, type Hazard } from "./types.ts";

// What a hazard puts into the lists and counters, as pure functions of the
// hazard. A change writes the difference between before and after in its
// own transaction, so lists and counters never drift from the hazards.

// ── Lists ──────────────────────────────────────────────────────────────────

export interface Summary {
  hazardId: string;
  nodeId: string;
  path: string;
  state: Hazard["state"];
  severity?: string | undefined;
  code?: string | undefined;
  codeText?: string | undefined;
  description: string;
  venueId?: string | undefined;
  venueName?: string | undefined;
  locationText?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  source: Hazard["source"];
  deadline?: string | undefined;
  overdue: boolean;
  handling?: Hazard["handling"];
  assigneeId?: string | undefined;
  listedAt: string[];
  awaitingAck: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Entry {
  list: string;
  order: string;
  hazardId: string;
  path: string;
  summary: Summary;
}

export function summaryOf(h: Hazard): Summary {
  return {
    hazardId: h.hazardId,
    nodeId: h.nodeId,
    path: h.path,
    state: h.state,
    severity: h.severity,
    code: h.code,
    codeText: h.codeText,
    description: h.description.length > 140 ? `${h.description.slice(0, 139)}…` : h.description,
    venueId: h.venueId,
    venueName: h.venueName,
    locationText: h.locationText,
    lat: h.lat,
    lng: h.lng,
    source: h.source,
    deadline: h.deadline,
    overdue: h.overdue,
    handling: h.handling,
    assigneeId: h.assigneeId,
    listedAt: h.listings.map((l) => l.levelId),
    awaitingAck: h.pendingAcks.map((p) => p.body),
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    version: h.version,
  };
}

/** The order key of path-led lists: `<path>/#…`, so `<subtree path>/` is a prefix of everything under it and nothing else. */
export const underPath = (path: string) => `${path}/#`;
export const subtreePrefix = (path: string) => `${path}/`;

/**
 * When the sweep must look at the hazard next: its deadline; once overdue,
 * a day after the last whole day counted (so an "overdue by N days" rule is
 * seen at N days exactly); and the due time of each acknowledgement still
 * awaited. Nothing to look at: no wake.
 */
export function wakeAt(h: Hazard): string | undefined {
  if (!isOpen(h.state)) return undefined;
  const times: number[] = [];
  if (h.deadline !== undefined) times.push(Date.parse(h.deadline) + (h.overdue ? (h.overdueDaysSeen + 1) * DAY_MS : 0));
  for (const p of h.pendingAcks) if (!p.late) times.push(Date.parse(p.dueAt));
  return times.length ? iso(Math.min(...times)) : undefined;
}

/** The list of the hazards created in an instant's (UTC) month: a period's hazards are the months' lists, not every hazard ever. */
export const openedList = (createdAt: string) => `opened:${createdAt.slice(0, 7)}`;

/** The list of a user's own hazards: those they reported and those assigned to them. */
export const mineList = (userId: string) => `mine:${userId}`;

/** The users a hazard is "mine" for: its reporter (a user) and its assignee, once each. */
export function mineOf(h: Hazard): string[] {
  const ids = new Set<string>();
  if (h.reporter.type === "user" && h.reporter.id) ids.add(h.reporter.id);
  if (h.assigneeId) ids.add(h.assigneeId);
  return [...ids];
}

/** Every list row of a hazard. */
export function entriesOf(h: Hazard): Entry[] {
  const summary = summaryOf(h);
  const row = (list: string, order: string): Entry => ({ list, order, hazardId: h.hazardId, path: h.path, summary });
  const byPath = (suffix: string) => `${underPath(h.path)}${suffix}#${h.hazardId}`;
  const open = isOpen(h.state);
  const rows = [row(`state:${h.state}`, byPath(h.createdAt)), row(`source:${h.source}`, byPath(h.createdAt)), row(openedList(h.createdAt), byPath(h.createdAt))];
  if (h.venueId) rows.push(row(`venue:${h.venueId}`, `${h.createdAt}#${h.hazardId}`));
  // "My hazards": what I reported and what is assigned to me, one row per person, all states (the board filters).
  for (const userId of mineOf(h)) rows.push(row(mineList(userId), byPath(h.createdAt)));
  if (open) {
    rows.push(row("open", byPath(h.createdAt)));
    if (h.assigneeId) rows.push(row(`assignee:${h.assigneeId}`, byPath(h.createdAt)));
    if (h.overdue && h.deadline) rows.push(row("overdue", byPath(h.deadline)));
    if (h.listings.length) rows.push(row("listed", byPath(h.createdAt)));
    for (const p of h.pendingAcks) rows.push(row(`ack:${p.body}`, byPath(p.dueAt)));
    const wake = wakeAt(h);
    if (wake) rows.push(row("wake", `${wake}#${h.hazardId}`));
  }
  return rows;
}

const keyOf = (e: { list: string; order: string }) => `${e.list}\u0000${e.order}`;

/** Rows to write and rows to delete to go from one version of a hazard to the next. */
export function entryChanges(before: Hazard | undefined, after: Hazard): { put: Entry[]; remove: { list: string; order: string }[] } {
  const next = entriesOf(after);
  const keep = new Set(next.map(keyOf));
  const remove = (before ? entriesOf(before) : []).filter((e) => !keep.has(keyOf(e))).map(({ list, order }) => ({ list, order }));
  return { put: next, remove };
}

// ── Counters ───────────────────────────────────────────────────────────────

/** Upper bounds (in days, inclusive) of the time-to-close histogram; the last bucket is open-ended. */
export const TTC_BUCKETS = [1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 365] as const;

export function ttcBucket(ms: number): string {
  const days = ms / DAY_MS;
  const bound = TTC_BUCKETS.find((b) => days <= b);
  return bound === undefined ? "inf" : String(bound).padStart(3, "0");
}

/**
 * The counts a hazard contributes while it is as it is: open by state and
 * severity, overdue by severity, listed (挂牌督办) by severity.
 * `listed#…` was added with the dashboard (issue 17): hazards already listed
 * when it deployed count from their next change (see docs/architecture.md).
 */
export function standingMetrics(h: Hazard): string[] {
  if (!isOpen(h.state)) return [];
  const severity = h.severity ?? "none";
  return [`open#${h.state}#${severity}`, ...(h.overdue ? [`overdue#${severity}`] : []), ...(h.listings.length ? [`listed#${severity}`] : [])];
}

/** A hazard reported counts once, in the local month it was reported (`opened#<month>`, the dashboard's trend). */
const openedMetric = (h: Hazard, timeZone: string) => `opened#${localMonth(new Date(h.createdAt), timeZone)}`;

/** A close after the deadline in effect when it closed (a hazard without a deadline is never late). */
const closedLate = (closedAt: string, deadline: string | undefined) => deadline !== undefined && Date.parse(closedAt) > Date.parse(deadline);

/** The counts a change adds once: a close, in its month, how long the round of work took, and whether it was late. */
export function closingMetrics(before: Hazard | undefined, after: Hazard, timeZone: string): string[] {
  if (after.state !== "closed" || before?.state === "closed" || !after.closedAt) return [];
  return closeMetrics({ openedAt: after.openedAt, closedAt: after.closedAt, ...(closedLate(after.closedAt, after.deadline) ? { late: true } : {}) }, timeZone);
}

/** What one close counts: the close in its local month, how long its round of work took, and a late close (`late#<month>`, for the on-time rate). */
function closeMetrics(c: Closing, timeZone: string): string[] {
  const month = localMonth(new Date(c.closedAt), timeZone);
  return [`closed#${month}`, `ttc#${month}#${ttcBucket(Date.parse(c.closedAt) - Date.parse(c.openedAt))}`, ...(c.late ? [`late#${month}`] : [])];
}

export interface CounterDelta {
  nodeId: string;
  metric: string;
  delta: number;
}

/** Sums counter changes per node and metric, for each node on a path (a node's counters cover its subtree). */
function deltaSum() {
  const deltas = new Map<string, CounterDelta>();
  return {
    add(path: string, metrics: readonly string[], delta: number) {
      for (const nodeId of segments(path)) {
        for (const metric of metrics) {
          const key = `${nodeId}\u0000${metric}`;
          const current = deltas.get(key) ?? { nodeId, metric, delta: 0 };
          deltas.set(key, { ...current, delta: current.delta + delta });
        }
      }
    },
    result: () => [...deltas.values()].filter((d) => d.delta !== 0),
  };
}

/**
 * The counter changes of one hazard change, for its node and every node above
 * it (a node's counters cover its subtree). A hazard moved to another node
 * leaves the old branch and joins the new one.
 */
export function counterDeltas(before: Hazard | undefined, after: Hazard, timeZone: string): CounterDelta[] {
  const sum = deltaSum();
  if (before) sum.add(before.path, standingMetrics(before), -1);
  sum.add(after.path, standingMetrics(after), 1);
  sum.add(after.path, closingMetrics(before, after, timeZone), 1);
  if (!before) sum.add(after.path, [openedMetric(after, timeZone)], 1);
  return sum.result();
}

/** One round of work a hazard closed: from its opening (creation or a reopening) to the close. */
export interface Closing {
  openedAt: string;
  closedAt: string;
  /** Closed after the rectification deadline then in effect. */
  late?: true;
}

/**
 * The rounds of work a hazard has closed, each counted once in its nodes'
 * counters when it closed. Without a reopening that is at most the current
 * close; a reopened hazard's earlier closes are read from its events (in
 * order), each close measured from the opening before it.
 */
export function closingsOf(h: Hazard, events?: readonly { action: string; from: string; to: string; at: string; version?: number; deadlineAfter?: string | undefined }[]): Closing[] {
  const closing = (openedAt: string, closedAt: string, deadline: string | undefined): Closing => ({ openedAt, closedAt, ...(closedLate(closedAt, deadline) ? { late: true as const } : {}) });
  if (!events) return h.state === "closed" && h.closedAt ? [closing(h.openedAt, h.closedAt, h.deadline)] : [];
  const closings: Closing[] = [];
  let openedAt = h.createdAt;
  // The deadline in effect: every event that sets one carries it (deadlineAfter).
  let deadline: string | undefined;
  let lastClose: number | string | undefined;
  for (const e of events) {
    if (e.deadlineAfter !== undefined) deadline = e.deadlineAfter;
    if (e.action === "reopen") openedAt = e.at;
    // Every event of one change carries the change's from and to (a close that ends a listing adds "delisted"): one close per change.
    const change = e.version ?? e.at;
    if (e.to === "closed" && e.from !== "closed" && change !== lastClose) {
      closings.push(closing(openedAt, e.at, deadline));
      lastClose = change;
    }
  }
  return closings;
}

/**
 * The on-time record of a node's subtree over the months `from`..`to`
 * (inclusive, YYYY-MM), from its counters: hazards closed, of them closed
 * after their deadline, and the open hazards overdue now.
 */
export function closureRecord(items: readonly { metric: string; value: number }[], from: string, to: string): { closed: number; late: number; overdueNow: number } {
  const record = { closed: 0, late: 0, overdueNow: 0 };
  for (const { metric, value } of items) {
    const [kind, month = ""] = metric.split("#");
    const inPeriod = month >= from && month <= to;
    if (kind === "closed" && inPeriod) record.closed += value;
    else if (kind === "late" && inPeriod) record.late += value;
    else if (kind === "overdue") record.overdueNow += value;
  }
  return record;
}

/**
 * The counter changes of a hazard whose node moved in the tree (same hazard,
 * another path): every count it holds (standing ones, and the closes of its
 * past rounds of work) leaves the nodes no longer above it and joins the
 * nodes now above it; the nodes above both keep theirs.
 */
export function relocationDeltas(before: Hazard, after: Hazard, closings: readonly Closing[], timeZone: string): CounterDelta[] {
  const closed = [...closings.flatMap((c) => closeMetrics(c, timeZone)), openedMetric(before, timeZone)];
  const sum = deltaSum();
  sum.add(before.path, [...standingMetrics(before), ...closed], -1);
  sum.add(after.path, [...standingMetrics(after), ...closed], 1);
  return sum.result();
}

// ── Reading counters back ──────────────────────────────────────────────────

export interface CountersView {
  nodeId: string;
  open: { total: number; byState: Record<string, number>; bySeverity: Record<string, number>; byStateAndSeverity: Record<string, Record<string, number>> };
  overdue: { total: number; bySeverity: Record<string, number> };
  listed: { total: number; bySeverity: Record<string, number> };
  opened: { total: number; byMonth: Record<string, number> };
  closed: { total: number; byMonth: Record<string, number> };
  timeToClose: { histogram: Record<string, number>; medianDays: DaysBucket | null; p90Days: DaysBucket | null };
}

/** A quantile read from the time-to-close histogram: it lies in (above, atMost] days; `atMost` null above a year. */
export interface DaysBucket {
  above: number;
  atMost: number | null;
}

const bump = (record: Record<string, number>, key: string, by: number) => {
  record[key] = (record[key] ?? 0) + by;
};

/**
 * A node's counters as a view: standing counts as they are, closed counts and
 * the time-to-close histogram over the months `from`..`to` (inclusive,
 * YYYY-MM; all when absent). The median lies in the histogram bucket where
 * the cumulative count first reaches half.
 */
export function countersView(nodeId: string, items: readonly { metric: string; value: number }[], period: { from?: string | undefined; to?: string | undefined } = {}): CountersView {
  const view: CountersView = {
    nodeId,
    open: { total: 0, byState: {}, bySeverity: {}, byStateAndSeverity: {} },
    overdue: { total: 0, bySeverity: {} },
    listed: { total: 0, bySeverity: {} },
    opened: { total: 0, byMonth: {} },
    closed: { total: 0, byMonth: {} },
    timeToClose: { histogram: {}, medianDays: null, p90Days: null },
  };
  const inPeriod = (month: string) => (period.from === undefined || month >= period.from) && (period.to === undefined || month <= period.to);
  for (const { metric, value } of items) {
    if (value === 0) continue;
    const [kind, a = "", b = ""] = metric.split("#");
    if (kind === "open") {
      view.open.total += value;
      bump(view.open.byState, a, value);
      bump(view.open.bySeverity, b, value);
      view.open.byStateAndSeverity[a] ??= {};
      bump(view.open.byStateAndSeverity[a]!, b, value);
    } else if (kind === "overdue") {
      view.overdue.total += value;
      bump(view.overdue.bySeverity, a, value);
    } else if (kind === "listed") {
      view.listed.total += value;
      bump(view.listed.bySeverity, a, value);
    } else if (kind === "opened" && inPeriod(a)) {
      view.opened.total += value;
      bump(view.opened.byMonth, a, value);
    } else if (kind === "closed" && inPeriod(a)) {
      view.closed.total += value;
      bump(view.closed.byMonth, a, value);
    } else if (kind === "ttc" && inPeriod(a)) {
      bump(view.timeToClose.histogram, b, value);
    }
  }
  view.timeToClose.medianDays = quantileOf(view.timeToClose.histogram, 0.5);
  view.timeToClose.p90Days = quantileOf(view.timeToClose.histogram, 0.9);
  return view;
}

/**
 * The bucket holding quantile `q` of the closes: the first bucket where the
 * cumulative count reaches q of the total (the median at q = 0.5, p90 at 0.9).
 */
export function quantileOf(histogram: Record<string, number>, q: number): DaysBucket | null {
  const buckets = Object.entries(histogram).sort(([a], [b]) => (a === "inf" ? 1 : b === "inf" ? -1 : Number(a) - Number(b)));
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  // The rank of the quantile in whole closes (ceil, with a hair off so that 0.9 × 70 is 63, not 64).
  const rank = Math.max(1, Math.ceil(q * total - 1e-9));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) {
      const index = bucket === "inf" ? TTC_BUCKETS.length : TTC_BUCKETS.indexOf(Number(bucket) as (typeof TTC_BUCKETS)[number]);
      return { above: index === 0 ? 0 : TTC_BUCKETS[index - 1]!, atMost: bucket === "inf" ? null : Number(bucket) };
    }
  }
  return null;
}
