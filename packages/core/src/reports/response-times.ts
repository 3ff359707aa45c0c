import { acknowledgeBy, isOpen, type Hazard } from "../hazards/index.ts";
import type { PolicyProfile } from "../profile/index.ts";

// The response-time report (响应时效): how the hazards received in a period
// were acknowledged (报到), closed and left overdue, per handling body and per
// child node. Pure: a tally takes hazards one by one (page by page) and keeps
// only counts and a bounded histogram, never the hazards, so its memory does
// not grow with the number of hazards.

const DAY_MS = 86_400_000;

/** Days to close are kept in tenths of a day (rounded up); the histogram has at most one key per tenth, bounded by the period's span. */
const TENTHS = 10;

export interface ResponseRow {
  /** Hazards created (受理) in the period. */
  received: number;
  /** Of them, in the loop past discovery (立案 or beyond, closes included; withdrawn ones apart). */
  registered: number;
  withdrawn: number;
  /** Acknowledgements (报到) requested of the body (by a report, transfer or joint listing). */
  ackRequested: number;
  /** Given by the end of the due day. */
  ackOnTime: number;
  /** Given after the due time, or still missing after it. */
  ackLate: number;
  /** Still awaited and not yet due. */
  ackAwaiting: number;
  closed: number;
  closedOnTime: number;
  closedLate: number;
  /** Days from receipt to close (nearest rank, in tenths of a day rounded up); null with no close. */
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  open: number;
  /** Open past their rectification deadline now. */
  overdueNow: number;
  /** Reopened at least once. */
  reopened: number;
}

type Counts = Omit<ResponseRow, "medianDaysToClose" | "p90DaysToClose">;

const zero = (): Counts => ({ received: 0, registered: 0, withdrawn: 0, ackRequested: 0, ackOnTime: 0, ackLate: 0, ackAwaiting: 0, closed: 0, closedOnTime: 0, closedLate: 0, open: 0, overdueNow: 0, reopened: 0 });

class Acc {
  counts = zero();
  /** tenths of a day → closes */
  ttc = new Map<number, number>();
  row(): ResponseRow {
    return { ...this.counts, medianDaysToClose: quantile(this.ttc, 0.5), p90DaysToClose: quantile(this.ttc, 0.9) };
  }
}

/** The nearest-rank quantile of a histogram of tenths of a day, in days: the smallest value with at least ⌈p·n⌉ closes at or below it. */
export function quantile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  let n = 0;
  for (const c of histogram.values()) n += c;
  if (!n) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const key of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(key)!;
    if (seen >= rank) return key / TENTHS;
  }
  return null;
}

/** Days from one instant to another in tenths, rounded up (a close within the hour it came in counts 0.1). */
export const tenthsOfDays = (from: string, to: string) => Math.max(0, Math.ceil(((Date.parse(to) - Date.parse(from)) / DAY_MS) * TENTHS));

/**
 * When a body's acknowledgement was due: the end of the day `ACK_DAYS` after
 * it was first asked for (a report or transfer to it, or a listing it
 * supervises jointly), as hazards/rules.ts sets a pending acknowledgement's due time.
 */
export function ackDueAt(h: Pick<Hazard, "reports" | "listings">, body: string, timeZone: string, profile: Pick<PolicyProfile, "settings"> = {}): string | undefined {
  const asked = [...h.reports.filter((r) => r.to === body && !r.copy).map((r) => r.at), ...h.listings.filter((l) => l.jointly?.includes(body)).map((l) => l.at)].sort()[0];
  return asked === undefined ? undefined : acknowledgeBy(profile, new Date(asked), timeZone).toISOString();
}

/** The key of the body handling a hazard: its body, else its level, else unassigned (before registration). */
export const bodyKeyOf = (h: Pick<Hazard, "handling">) => h.handling?.body ?? (h.handling ? `level:${h.handling.level}` : "unassigned");

/** The child of `path` a hazard lies under (its id), or `path`'s own node for a hazard at the node itself. */
export function childKeyOf(path: string, hazardPath: string): string {
  const top = path.split("/").filter(Boolean);
  const ids = hazardPath.split("/").filter(Boolean);
  return ids[top.length] ?? top.at(-1)!;
}

export interface Tally {
  add(h: Hazard): void;
  result(): { total: ResponseRow; byBody: Map<string, ResponseRow>; byNode: Map<string, ResponseRow> };
}

/**
 * A tally of the hazards of `path`'s subtree received in the period: the
 * caller feeds it every such hazard once (it does not filter) and reads the
 * rows at the end. `now` decides what is overdue and what is awaited.
 */
export function responseTally(path: string, now: Date, timeZone: string, profile: Pick<PolicyProfile, "settings"> = {}): Tally {
  const total = new Acc();
  const byBody = new Map<string, Acc>();
  const byNode = new Map<string, Acc>();
  const at = <K>(map: Map<K, Acc>, key: K) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new Acc()));
    return acc;
  };
  const nowMs = now.getTime();
  return {
    add(h) {
      const handling = [total, at(byBody, bodyKeyOf(h)), at(byNode, childKeyOf(path, h.path))];
      const bump = (key: keyof Counts) => handling.forEach((a) => a.counts[key]++);
      bump("received");
      if (h.state === "withdrawn") bump("withdrawn");
      if (h.state !== "discovered" && h.state !== "withdrawn") bump("registered");
      if (h.reopenCount > 0) bump("reopened");
      if (isOpen(h.state)) {
        bump("open");
        if (h.deadline !== undefined && Date.parse(h.deadline) < nowMs) bump("overdueNow");
      }
      if (h.state === "closed" && h.closedAt) {
        bump("closed");
        bump(h.deadline !== undefined && Date.parse(h.closedAt) > Date.parse(h.deadline) ? "closedLate" : "closedOnTime");
        const t = tenthsOfDays(h.createdAt, h.closedAt);
        for (const a of handling) a.ttc.set(t, (a.ttc.get(t) ?? 0) + 1);
      }
      // Acknowledgements count for the body asked (and the hazard's node and the total).
      const ackRows = (body: string) => [total, at(byBody, body), at(byNode, childKeyOf(path, h.path))];
      for (const ack of h.acks) {
        const due = ackDueAt(h, ack.body, timeZone, profile);
        for (const a of ackRows(ack.body)) {
          a.counts.ackRequested++;
          a.counts[due !== undefined && Date.parse(ack.at) > Date.parse(due) ? "ackLate" : "ackOnTime"]++;
        }
      }
      for (const p of h.pendingAcks) {
        for (const a of ackRows(p.body)) {
          a.counts.ackRequested++;
          a.counts[Date.parse(p.dueAt) < nowMs ? "ackLate" : "ackAwaiting"]++;
        }
      }
    },
    result() {
      const rows = (m: Map<string, Acc>) => new Map([...m].map(([k, a]) => [k, a.row()]));
      return { total: total.row(), byBody: rows(byBody), byNode: rows(byNode) };
    },
  };
}
