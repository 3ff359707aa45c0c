import { describe, expect, it } from "vitest";
import { Reports, type Hazards } from "@firegov/core";

// The response-time tally, on hazards written out by hand so every figure can
// be worked out on paper.

const TZ = "Asia/Shanghai";
const DAY = 86_400_000;
const T0 = Date.parse("2026-03-02T04:00:00Z"); // noon in Shanghai
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const NOW = new Date(T0 + 40 * DAY);

let seq = 0;
function hazard(extra: Partial<Hazards.Hazard>): Hazards.Hazard {
  const createdAt = extra.createdAt ?? at(0);
  return {
    hazardId: `h${++seq}`,
    nodeId: "g1",
    path: "/county/townA/v1/g1",
    description: "楼道堆物",
    photos: [],
    source: "inspection",
    reporter: { type: "user", id: "u1" },
    state: "registered",
    severity: "general",
    overdue: false,
    overdueDaysSeen: 0,
    handling: { body: "town_office", level: "town" },
    trail: [],
    pendingAcks: [],
    acks: [],
    reports: [],
    departments: [],
    remitOf: [],
    decisions: [],
    listings: [],
    fired: [],
    occurrences: [],
    createdAt,
    openedAt: createdAt,
    updatedAt: createdAt,
    reopenCount: 0,
    profileVersion: 1,
    version: 1,
    seq: 1,
    ...extra,
  };
}

const closed = (createdDays: number, closedDays: number, deadlineDays: number, extra: Partial<Hazards.Hazard> = {}) =>
  hazard({ createdAt: at(createdDays), state: "closed", closedAt: at(closedDays), deadline: at(deadlineDays), ...extra });

describe("response-time tally", () => {
  it("songjiang 六(二)1: closes on and after the deadline, median and p90 of days to close, per body and per child node", () => {
    const tally = Reports.responseTally("/county", NOW, TZ);
    // Town A, town office: closes after 1, 2, 3 and 10 days; the last one after its deadline (day 7).
    tally.add(closed(0, 1, 7));
    tally.add(closed(0, 2, 7));
    tally.add(closed(0, 3, 7));
    tally.add(closed(0, 10, 7, { reopenCount: 1 }));
    // Town B, the county committee office: one open past its deadline, one open in time, one withdrawn, one not yet registered.
    const b = { path: "/county/townB/v2", nodeId: "v2", handling: { body: "county_office", level: "county" as const } };
    tally.add(hazard({ ...b, state: "rectifying", deadline: at(30) }));
    tally.add(hazard({ ...b, state: "dispatched", deadline: at(50) }));
    tally.add(hazard({ ...b, state: "withdrawn", severity: "general" }));
    tally.add(hazard({ path: "/county/townB", nodeId: "townB", state: "discovered", severity: undefined, handling: undefined }));
    // At the county node itself.
    tally.add(closed(1, 1.5, 7, { path: "/county", nodeId: "county" }));

    const { total, byBody, byNode } = tally.result();
    expect(total).toMatchObject({ received: 9, registered: 7, withdrawn: 1, closed: 5, closedOnTime: 4, closedLate: 1, open: 3, overdueNow: 1, reopened: 1 });
    // Days to close 0.5, 1, 2, 3, 10: median the 3rd (2), p90 the 5th (10).
    expect(total.medianDaysToClose).toBe(2);
    expect(total.p90DaysToClose).toBe(10);

    const town = byBody.get("town_office")!;
    expect(town).toMatchObject({ received: 5, closed: 5, closedOnTime: 4, closedLate: 1, reopened: 1 });
    // 0.5, 1, 2, 3, 10 → all five closes are the town office's.
    expect(town.medianDaysToClose).toBe(2);
    expect(byBody.get("county_office")).toMatchObject({ received: 3, registered: 2, withdrawn: 1, open: 2, overdueNow: 1, closed: 0, medianDaysToClose: null });
    expect(byBody.get("unassigned")).toMatchObject({ received: 1, registered: 0, open: 1 });

    expect(byNode.get("townA")).toMatchObject({ received: 4, closed: 4, closedLate: 1, medianDaysToClose: 2, p90DaysToClose: 10 });
    expect(byNode.get("townB")).toMatchObject({ received: 4, open: 3, overdueNow: 1, withdrawn: 1 });
    expect(byNode.get("county")).toMatchObject({ received: 1, closed: 1, medianDaysToClose: 0.5 });
  });

  it("yancheng (十二) 镇街吹哨、部门报到: an acknowledgement by the end of the next day is in time; a later one, or one still missing after it, is late", () => {
    const tally = Reports.responseTally("/county", NOW, TZ);
    const reported = (acks: Hazards.Hazard["acks"], pendingAcks: Hazards.Hazard["pendingAcks"] = []) =>
      hazard({ severity: "major", handling: { body: "county_office", level: "county" }, reports: [{ to: "housing", action: "report", at: at(0), copy: false }], acks, pendingAcks });
    // Reported at noon on 2 March (Shanghai): due by the end of 3 March, 2026-03-03T15:59:59.999Z.
    tally.add(reported([{ body: "housing", at: "2026-03-03T15:59:00.000Z", by: "l1" }]));
    tally.add(reported([{ body: "housing", at: "2026-03-03T16:00:00.000Z", by: "l1" }]));
    const basis = { rule: "report_to_industry", sourceRef: "yancheng (十二)" };
    tally.add(reported([], [{ body: "housing", requestedAt: at(0), dueAt: at(1), late: true, basis }]));
    tally.add(reported([], [{ body: "housing", requestedAt: at(39.5), dueAt: at(41), late: false, basis }]));
    const { total, byBody } = tally.result();
    expect(byBody.get("housing")).toMatchObject({ received: 0, ackRequested: 4, ackOnTime: 1, ackLate: 2, ackAwaiting: 1 });
    // The hazards themselves are counted for the body handling them.
    expect(byBody.get("county_office")).toMatchObject({ received: 4, ackRequested: 0 });
    expect(total).toMatchObject({ received: 4, ackRequested: 4, ackOnTime: 1, ackLate: 2, ackAwaiting: 1 });
  });

  it("the acknowledgement is due from the first time it was asked: a report, or a listing the body supervises jointly", () => {
    const h = hazard({ listings: [{ levelId: "county", level: "county", listedBy: "x", nodeId: "county", trigger: "t", jointly: ["police"], at: at(2), by: "u" }] });
    expect(Reports.ackDueAt(h, "police", TZ)).toBe("2026-03-05T15:59:59.999Z");
    expect(Reports.ackDueAt(h, "housing", TZ)).toBeUndefined();
  });

  it("keeps a bounded histogram: a thousand closes at the same tenth of a day are one key", () => {
    const histogram = new Map<number, number>([[5, 1000]]);
    expect(Reports.quantile(histogram, 0.5)).toBe(0.5);
    expect(Reports.quantile(new Map(), 0.5)).toBeNull();
    expect(Reports.tenthsOfDays(at(0), at(0.01))).toBe(1);
  });
});

describe("report period", () => {
  const parse = (q: Record<string, string>) => Reports.PeriodInput.safeParse(q);
  it("takes a period of local dates up to a year, and names the field of a bad one", () => {
    expect(parse({ from: "2026-01-01", to: "2026-12-31" }).success).toBe(true);
    const tooLong = parse({ from: "2026-01-01", to: "2027-01-01" });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error!.issues[0]!.path).toEqual(["to"]);
    const backwards = parse({ from: "2026-03-01", to: "2026-02-01" });
    expect(backwards.error!.issues[0]!.path).toEqual(["to"]);
    const noDay = parse({ from: "2026-02-30", to: "2026-03-01" });
    expect(noDay.error!.issues[0]!.path).toEqual(["from"]);
    // The response-time query (with its format) keeps the same checks.
    const xlsx = Reports.ResponseTimesInput.safeParse({ from: "2026-01-01", to: "2027-01-01", format: "xlsx" });
    expect(xlsx.error!.issues[0]!.path).toEqual(["to"]);
    expect(Reports.ResponseTimesInput.parse({ from: "2024-02-29", to: "2025-02-28" }).format).toBe("json");
  });
});
