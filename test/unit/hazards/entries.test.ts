import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, DAY, found, preset, run, T0, TZ, user } from "./fixtures.ts";

// Lists and counters as pure functions of a hazard before and after a change.

const profile = preset("songjiang");
const nodes = branch(profile);
const officer = user("town_officer", nodes.town!.path);

const deltas = (before: Hazards.Hazard | undefined, after: Hazards.Hazard) =>
  Object.fromEntries(Hazards.counterDeltas(before, after, TZ).map((d) => [`${d.nodeId} ${d.metric}`, d.delta]));

describe("counter deltas", () => {
  it("counts a new hazard open at its node and every node above, and once as opened in its local month (the dashboard's trend)", () => {
    const h = found(profile, nodes.village!);
    expect(deltas(undefined, h)).toEqual({
      "county open#discovered#general": 1,
      "town open#discovered#general": 1,
      "village open#discovered#general": 1,
      "county opened#2026-03": 1,
      "town opened#2026-03": 1,
      "village opened#2026-03": 1,
    });
  });

  it("counts a listed open hazard as listed by severity until it is delisted or closes", () => {
    const h = run(profile, found(profile, nodes.town!), [[officer, { action: "register" }]]).hazard;
    const listed: Hazards.Hazard = { ...h, listings: [{ levelId: "county", level: "county", listedBy: "u", nodeId: "county", trigger: "manual", at: h.updatedAt, by: "u" }] };
    expect(deltas(h, listed)).toEqual({ "county listed#general": 1, "town listed#general": 1 });
    const withdrawn = { ...listed, state: "withdrawn" as const };
    expect(deltas(listed, withdrawn)).toEqual({ "county listed#general": -1, "town listed#general": -1, "county open#registered#general": -1, "town open#registered#general": -1 });
  });

  it("moves the count from one state to the next", () => {
    const h = found(profile, nodes.town!);
    const next = run(profile, h, [[officer, { action: "register" }]]).hazard;
    expect(deltas(h, next)).toEqual({ "county open#discovered#general": -1, "county open#registered#general": 1, "town open#discovered#general": -1, "town open#registered#general": 1 });
  });

  it("moves a hazard placed elsewhere at registration from the old branch to the new", () => {
    const tip = Hazards.discover({ profile, profileVersion: 1, timeZone: TZ, now: T0, actor: { type: "public" } }, { hazardId: "t", place: nodes.county!, description: "楼道堆物", photos: [], source: "public_tip", reporter: { type: "public" }, priorOccurrences: [] }).hazard;
    const placed = run(profile, tip, [[user("tenant_admin", nodes.county!.path), { action: "register", severity: "general", code: "fireworks", place: nodes.village! }]]).hazard;
    expect(deltas(tip, placed)).toEqual({
      "county open#discovered#none": -1,
      "county open#registered#general": 1,
      "town open#registered#general": 1,
      "village open#registered#general": 1,
    });
  });

  it("counts a close once, in its local month, with its time to close", () => {
    const h = found(profile, nodes.town!);
    const later = new Date(T0.getTime() + 4 * DAY);
    const { hazard: verifying } = run(profile, h, [
      [officer, { action: "register" }],
      [officer, { action: "dispatch" }],
      [officer, { action: "start" }],
      [officer, { action: "submit" }],
    ]);
    const closed = run(profile, verifying, [[officer, { action: "close" }, later]]).hazard;
    expect(deltas(verifying, closed)).toEqual({
      "county open#verifying#general": -1,
      "town open#verifying#general": -1,
      "county closed#2026-03": 1,
      "town closed#2026-03": 1,
      "county ttc#2026-03#005": 1,
      "town ttc#2026-03#005": 1,
    });
    const reopened = run(profile, closed, [[officer, { action: "reopen", reason: "回潮" }, later]]).hazard;
    expect(deltas(closed, reopened)).toEqual({ "county open#rectifying#general": 1, "town open#rectifying#general": 1 });
  });

  it("counts an overdue hazard as overdue until it closes", () => {
    const h = run(profile, found(profile, nodes.town!), [[officer, { action: "register" }]]).hazard;
    const late = Hazards.applyRules(profile, h, new Date(Date.parse(h.deadline!) + 1), TZ).hazard;
    expect(deltas(h, late)).toEqual({ "county overdue#general": 1, "town overdue#general": 1 });
  });
});

describe("the time-to-close histogram", () => {
  it("puts a close in the first bucket whose bound it does not pass", () => {
    expect(Hazards.ttcBucket(0)).toBe("001");
    expect(Hazards.ttcBucket(DAY)).toBe("001");
    expect(Hazards.ttcBucket(DAY + 1)).toBe("002");
    expect(Hazards.ttcBucket(400 * DAY)).toBe("inf");
  });

  it("gives the p90's bucket where 90% of the closes are reached, in whole closes", () => {
    // 70 closes: 62 within a day, 1 within 2 days, 7 within 30 days. The 63rd close (ceil 0.9 × 70) is in the 2-day bucket.
    const view = Hazards.countersView("n", [
      { metric: "ttc#2026-01#001", value: 62 },
      { metric: "ttc#2026-01#002", value: 1 },
      { metric: "ttc#2026-01#030", value: 7 },
    ]);
    expect(view.timeToClose.medianDays).toEqual({ above: 0, atMost: 1 });
    expect(view.timeToClose.p90Days).toEqual({ above: 1, atMost: 2 });
    expect(Hazards.countersView("n", [{ metric: "ttc#2026-01#inf", value: 1 }]).timeToClose.p90Days).toEqual({ above: 365, atMost: null });
  });

  it("gives the median's bucket and the closed count over the months asked", () => {
    const view = Hazards.countersView("n", [
      { metric: "ttc#2026-01#003", value: 1 },
      { metric: "ttc#2026-02#007", value: 2 },
      { metric: "ttc#2026-02#030", value: 1 },
      { metric: "closed#2026-01", value: 1 },
      { metric: "closed#2026-02", value: 3 },
      { metric: "open#rectifying#general", value: 2 },
      { metric: "open#verifying#major", value: 0 },
    ]);
    expect(view.timeToClose.medianDays).toEqual({ above: 5, atMost: 7 });
    expect(view.closed).toEqual({ total: 4, byMonth: { "2026-01": 1, "2026-02": 3 } });
    expect(view.open).toEqual({ total: 2, byState: { rectifying: 2 }, bySeverity: { general: 2 }, byStateAndSeverity: { rectifying: { general: 2 } } });
    const february = Hazards.countersView("n", [{ metric: "ttc#2026-01#003", value: 1 }, { metric: "ttc#2026-02#030", value: 1 }], { from: "2026-02" });
    expect(february.timeToClose).toEqual({ histogram: { "030": 1 }, medianDays: { above: 20, atMost: 30 }, p90Days: { above: 20, atMost: 30 } });
  });
});

describe("closings read from events", () => {
  it("counts a close that also ends a listing once (its 'delisted' event carries the same change's from and to)", () => {
    const h = { ...found(profile, nodes.village!), state: "closed" as const, reopenCount: 1, closedAt: "2026-04-10T02:00:00.000Z", openedAt: "2026-04-01T02:00:00.000Z" };
    const events = [
      { action: "create", from: "discovered", to: "discovered", at: h.createdAt, version: 1 },
      { action: "close", from: "verifying", to: "closed", at: "2026-03-03T02:00:00.000Z", version: 5 },
      { action: "delisted", from: "verifying", to: "closed", at: "2026-03-03T02:00:00.000Z", version: 5 },
      { action: "reopen", from: "closed", to: "rectifying", at: "2026-04-01T02:00:00.000Z", version: 6 },
      { action: "close", from: "verifying", to: "closed", at: "2026-04-10T02:00:00.000Z", version: 8 },
    ];
    expect(Hazards.closingsOf(h, events).map((c) => c.closedAt)).toEqual(["2026-03-03T02:00:00.000Z", "2026-04-10T02:00:00.000Z"]);
  });
});

describe("list rows", () => {
  it("puts an open hazard in its state, source, month's and open lists, under its path", () => {
    const h = found(profile, nodes.village!, { venueId: "v9" });
    const lists = Hazards.entriesOf(h).map((e) => e.list).sort();
    const mine = Hazards.mineOf(h).map(Hazards.mineList);
    expect(lists).toEqual([...mine, "open", `opened:${h.createdAt.slice(0, 7)}`, "source:inspection", "state:discovered", "venue:v9", "wake"].sort());
    expect(Hazards.entriesOf(h).find((e) => e.list.startsWith("opened:"))!.order.startsWith(`${nodes.village!.path}/#${h.createdAt}`)).toBe(true);
    const row = Hazards.entriesOf(h).find((e) => e.list === "open")!;
    expect(row.order.startsWith(`${nodes.village!.path}/#`)).toBe(true);
  });

  it("removes the rows a change leaves behind and rewrites the rest", () => {
    const h = found(profile, nodes.town!);
    const next = run(profile, h, [[officer, { action: "withdraw", reason: "无效" }]]).hazard;
    const { put, remove } = Hazards.entryChanges(h, next);
    expect(remove.map((r) => r.list).sort()).toEqual(["open", "state:discovered", "wake"]);
    expect(put.map((r) => r.list).sort()).toEqual([...Hazards.mineOf(h).map(Hazards.mineList), `opened:${h.createdAt.slice(0, 7)}`, "source:inspection", "state:withdrawn"].sort());
  });

  it("keeps a hazard in 'my hazards' of its reporter and its assignee, once each, in every state", () => {
    const h = { ...found(profile, nodes.village!), reporter: { type: "user" as const, id: "u-rep" } };
    expect(Hazards.entriesOf(h).filter((e) => e.list.startsWith("mine:")).map((e) => e.list)).toEqual(["mine:u-rep"]);
    const both = { ...h, state: "closed" as const, assigneeId: "u-ass" };
    expect(Hazards.entriesOf(both).filter((e) => e.list.startsWith("mine:")).map((e) => e.list).sort()).toEqual(["mine:u-ass", "mine:u-rep"]);
    expect(Hazards.entriesOf({ ...h, assigneeId: "u-rep" }).filter((e) => e.list === "mine:u-rep")).toHaveLength(1);
    expect(Hazards.entriesOf({ ...h, reporter: { type: "public" as const } }).some((e) => e.list.startsWith("mine:"))).toBe(false);
  });
});

describe("relocation deltas (the hazard's node moved in the tree)", () => {
  const moved = (h: Hazards.Hazard, path: string) => ({ ...h, path, version: h.version + 1 });
  const relocation = (before: Hazards.Hazard, after: Hazards.Hazard, closings: Hazards.Closing[]) =>
    Object.fromEntries(Hazards.relocationDeltas(before, after, closings, TZ).map((d) => [`${d.nodeId} ${d.metric}`, d.delta]));

  it("takes an open hazard's counts from the old town to the new one, leaving the county and the moved node alone", () => {
    const h = found(profile, nodes.village!);
    const after = moved(h, `/county/townB/village`);
    expect(relocation(h, after, Hazards.closingsOf(h))).toEqual({ "town open#discovered#general": -1, "townB open#discovered#general": 1, "town opened#2026-03": -1, "townB opened#2026-03": 1 });
  });

  it("takes every close of a reopened hazard along, each measured from the opening before it", () => {
    const h = { ...found(profile, nodes.village!), state: "closed" as const, reopenCount: 1, closedAt: "2026-04-10T02:00:00.000Z", openedAt: "2026-04-01T02:00:00.000Z" };
    const events = [
      { action: "create", from: "discovered", to: "discovered", at: h.createdAt },
      { action: "close", from: "verifying", to: "closed", at: "2026-03-03T02:00:00.000Z" },
      { action: "reopen", from: "closed", to: "rectifying", at: "2026-04-01T02:00:00.000Z" },
      { action: "close", from: "verifying", to: "closed", at: "2026-04-10T02:00:00.000Z" },
    ];
    const closings = Hazards.closingsOf(h, events);
    expect(closings).toEqual([
      { openedAt: h.createdAt, closedAt: "2026-03-03T02:00:00.000Z" },
      { openedAt: "2026-04-01T02:00:00.000Z", closedAt: "2026-04-10T02:00:00.000Z" },
    ]);
    expect(relocation(h, moved(h, `/county/townB/village`), closings)).toEqual({
      "town closed#2026-03": -1,
      "town ttc#2026-03#001": -1,
      "town closed#2026-04": -1,
      "town ttc#2026-04#010": -1,
      "townB closed#2026-03": 1,
      "townB ttc#2026-03#001": 1,
      "townB closed#2026-04": 1,
      "townB ttc#2026-04#010": 1,
      "town opened#2026-03": -1,
      "townB opened#2026-03": 1,
    });
  });
});

describe("the months a period's hazards are listed under", () => {
  it("runs from the month of the first instant to the month of the last, across a year's end", () => {
    expect(Hazards.monthsBetween("2025-11-30T16:00:00.000Z", "2026-02-01T00:00:00.000Z")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(Hazards.monthsBetween("2026-03-05T00:00:00.000Z", "2026-03-06T00:00:00.000Z")).toEqual(["2026-03"]);
  });
});
