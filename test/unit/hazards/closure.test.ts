import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, DAY, found, preset, run, T0, TZ, user } from "./fixtures.ts";

// The on-time record the assessment scores hazard governance by: a close
// after the deadline in effect counts `late#<month>` at the hazard's node and
// every node above it, as closes count `closed#<month>`.

const profile = preset("songjiang");
const nodes = branch(profile);
const officer = user("town_officer", nodes.town!.path);

const metrics = (before: Hazards.Hazard, after: Hazards.Hazard) => Hazards.counterDeltas(before, after, TZ).filter((d) => d.nodeId === "town").map((d) => d.metric).sort();

function verifying() {
  return run(profile, found(profile, nodes.town!), [
    [officer, { action: "register" }],
    [officer, { action: "dispatch" }],
    [officer, { action: "start" }],
    [officer, { action: "submit" }],
  ]).hazard;
}

describe("closes on time and late (songjiang 七(一) 火灾隐患治理)", () => {
  it("a close before the deadline counts no late close", () => {
    const h = verifying();
    const closed = run(profile, h, [[officer, { action: "close" }, new Date(T0.getTime() + 3 * DAY)]]).hazard;
    expect(metrics(h, closed)).toEqual(["closed#2026-03", "open#verifying#general", "ttc#2026-03#003"]);
  });

  it("a close after the deadline counts one late close in its month", () => {
    const h = verifying();
    expect(h.deadline).toBeDefined();
    const after = new Date(Date.parse(h.deadline!) + 2 * DAY);
    const closed = run(profile, h, [[officer, { action: "close" }, after]]).hazard;
    expect(metrics(h, closed)).toContain(`late#${Hazards.localMonth(after, TZ)}`);
  });

  it("a reopened hazard's earlier closes are late or not by the deadline then in effect", () => {
    const h = { ...found(profile, nodes.village!), state: "closed" as const, reopenCount: 1, closedAt: "2026-04-10T02:00:00.000Z", openedAt: "2026-04-01T02:00:00.000Z", deadline: "2026-04-20T15:59:59.999Z" };
    const events = [
      { action: "create", from: "discovered", to: "discovered", at: h.createdAt, deadlineAfter: "2026-03-05T15:59:59.999Z" },
      { action: "close", from: "verifying", to: "closed", at: "2026-03-10T02:00:00.000Z" },
      { action: "reopen", from: "closed", to: "rectifying", at: "2026-04-01T02:00:00.000Z", deadlineAfter: "2026-04-20T15:59:59.999Z" },
      { action: "close", from: "verifying", to: "closed", at: "2026-04-10T02:00:00.000Z" },
    ];
    expect(Hazards.closingsOf(h, events).map((c) => c.late ?? false)).toEqual([true, false]);
    const moved = Hazards.relocationDeltas(h, { ...h, path: "/county/townB/village", version: h.version + 1 }, Hazards.closingsOf(h, events), TZ);
    expect(moved.filter((d) => d.metric.startsWith("late#")).map((d) => `${d.nodeId} ${d.metric} ${d.delta}`).sort()).toEqual(["town late#2026-03 -1", "townB late#2026-03 1"]);
  });

  it("reads a subtree's record over months: closes, late closes and the open hazards overdue now", () => {
    const items = [
      { metric: "closed#2025-12", value: 4 },
      { metric: "closed#2026-01", value: 3 },
      { metric: "closed#2026-02", value: 5 },
      { metric: "late#2025-12", value: 2 },
      { metric: "late#2026-02", value: 1 },
      { metric: "overdue#general", value: 2 },
      { metric: "overdue#major", value: 1 },
      { metric: "open#rectifying#general", value: 7 },
    ];
    expect(Hazards.closureRecord(items, "2026-01", "2026-12")).toEqual({ closed: 8, late: 1, overdueNow: 3 });
  });
});
