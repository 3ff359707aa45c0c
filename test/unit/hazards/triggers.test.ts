import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, ctx, DAY, found, preset, run, T0, TZ, user } from "./fixtures.ts";

// Escalation triggers against an injected clock: each fires at the instant
// its condition first holds, never a millisecond before.

/** The built-in district profile with one more town-level trigger: overdue by three days. */
function withOverdueTrigger(days: number) {
  const profile = preset("songjiang");
  profile.hazards.listedSupervision[0]!.triggers.push({ id: "long_overdue", when: [{ kind: "overdue", days }], sourceRef: null, assumption: { zh: "测试用", en: "for the test" } });
  return profile;
}

describe("overdue by N days", () => {
  const profile = withOverdueTrigger(3);
  const nodes = branch(profile);
  const officer = user("town_officer", nodes.town!.path);
  const registered = run(profile, found(profile, nodes.village!), [[officer, { action: "register" }]]).hazard;
  const deadline = Date.parse(registered.deadline!);
  const at = (ms: number) => Hazards.applyRules(profile, registered, new Date(ms), TZ);

  it("is not overdue at the deadline's last millisecond, and is one millisecond later", () => {
    expect(at(deadline - 1).hazard.overdue).toBe(false);
    expect(at(deadline).hazard.overdue).toBe(true);
    expect(at(deadline).events.map((e) => e.action)).toEqual(["overdue"]);
  });

  it("lists the hazard exactly N days after the deadline", () => {
    expect(at(deadline + 3 * DAY - 1).hazard.listings).toEqual([]);
    const listed = at(deadline + 3 * DAY);
    expect(listed.hazard.listings).toMatchObject([{ levelId: "town", trigger: "long_overdue", at: new Date(deadline + 3 * DAY).toISOString() }]);
    expect(listed.events.map((e) => e.action)).toEqual(["overdue", "listed"]);
  });

  it("fires once: looking again finds nothing new", () => {
    const once = at(deadline + 4 * DAY).hazard;
    const again = Hazards.applyRules(profile, once, new Date(deadline + 5 * DAY), TZ);
    expect(again.events).toEqual([]);
  });

  it("wakes the sweep at the deadline, then a day after each whole day counted, so day N is seen at N days exactly", () => {
    expect(Hazards.wakeAt(registered)).toBe(registered.deadline);
    const seenAt = (ms: number) => Hazards.sweep(ctx(profile, { type: "system" }, new Date(ms)), registered)!.hazard;
    expect(Hazards.wakeAt(seenAt(deadline + 1))).toBe(new Date(deadline + DAY).toISOString());
    expect(Hazards.wakeAt(seenAt(deadline + 2 * DAY + 5))).toBe(new Date(deadline + 3 * DAY).toISOString());
  });

  it("stops counting once the hazard is closed", () => {
    const done = run(profile, registered, [
      [officer, { action: "dispatch" }],
      [officer, { action: "start" }],
      [officer, { action: "submit" }],
      [officer, { action: "close" }],
    ]).hazard;
    expect(Hazards.applyRules(profile, done, new Date(deadline + 10 * DAY), TZ).events).toEqual([]);
    expect(Hazards.wakeAt(done)).toBeUndefined();
  });
});

describe("N recurrences within M days", () => {
  const profile = preset("songjiang"); // recurring: 2 times within 180 days (a marked default)
  const nodes = branch(profile);
  const officer = user("town_officer", nodes.town!.path);
  const raisedAfter = (days: number) => {
    const second = new Date(T0.getTime() + days * DAY);
    const h = found(profile, nodes.village!, { venueId: "v1", code: "fireworks", priorOccurrences: [T0.toISOString()] }, second);
    return run(profile, h, [[officer, { action: "register" }, second]]).hazard;
  };

  it("lists the second raise within 180 days at the town level", () => {
    expect(raisedAfter(180).listings).toMatchObject([{ levelId: "town", trigger: "recurring" }]);
  });

  it("does not list a second raise 180 days and a millisecond later", () => {
    const second = new Date(T0.getTime() + 180 * DAY + 1);
    const h = found(profile, nodes.village!, { venueId: "v1", code: "fireworks", priorOccurrences: [T0.toISOString()] }, second);
    expect(run(profile, h, [[officer, { action: "register" }, second]]).hazard.listings).toEqual([]);
  });

  it("counts any window of M days, not only the latest", () => {
    const at = (d: number) => new Date(T0.getTime() + d * DAY).toISOString();
    expect(Hazards.recurs([at(0), at(10), at(300)], 2, 30)).toBe(true);
    expect(Hazards.recurs([at(0), at(40), at(80)], 2, 30)).toBe(false);
    expect(Hazards.recurs([at(0), at(20), at(40)], 3, 40)).toBe(true);
    expect(Hazards.recurs([at(0), at(20), at(41)], 3, 40)).toBe(false);
  });

  it("does not count hazards without a venue, or coded other", () => {
    expect(found(profile, nodes.village!, { code: "fireworks", priorOccurrences: [T0.toISOString()] }).occurrences).toEqual([]);
    expect(found(profile, nodes.village!, { venueId: "v1", priorOccurrences: [T0.toISOString()] }).occurrences).toEqual([]);
  });
});

describe("department acknowledgement", () => {
  const profile = preset("yancheng");
  const nodes = branch(profile);
  const town = user("town_officer", nodes.town!.path);
  // A building site's major hazard goes to the housing department, which must acknowledge it.
  const registered = run(profile, found(profile, nodes.village!, { severity: "major", venueId: "site", venueKinds: ["construction_site"] }), [[town, { action: "register" }]]).hazard;
  const due = Date.parse(registered.pendingAcks[0]!.dueAt);

  it("falls late at its due time, once", () => {
    expect(Hazards.applyRules(profile, registered, new Date(due - 1), TZ).events).toEqual([]);
    const late = Hazards.applyRules(profile, registered, new Date(due), TZ);
    expect(late.events.map((e) => e.action)).toEqual(["ack_overdue"]);
    expect(late.hazard.pendingAcks[0]!.late).toBe(true);
    expect(Hazards.applyRules(profile, late.hazard, new Date(due + DAY), TZ).events).toEqual([]);
  });

  it("wakes the sweep at the acknowledgement's due time when that comes before the deadline", () => {
    expect(Hazards.wakeAt(registered)).toBe(registered.pendingAcks[0]!.dueAt);
  });
});
