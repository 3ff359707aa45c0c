import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, ctx, DAY, found, preset, run, T0, thrown, user } from "./fixtures.ts";

// The state machine, pure: the loop's moves, who may make them under each
// built-in profile, and the refusals.

/** Per preset: the deepest level, and who handles a general and a major hazard found there. */
const ROUTING = {
  songjiang: { deepest: "grid", general: { body: "town_office", level: "town", role: "town_officer" }, major: { body: "town_committee", level: "town", role: "town_officer" } },
  zezhou: { deepest: "grid", general: { body: "grid", level: "grid", role: "grid_worker" }, major: { body: "town_office", level: "town", role: "town_officer" } },
  // No venue known: the county committee office takes it and pushes it on (yancheng (十)); with a venue, see routing.test.ts.
  yancheng: { deepest: "village", general: { body: "town_office", level: "town", role: "town_officer" }, major: { body: "county_committee_office", level: "county", role: "tenant_admin" } },
  qidong: { deepest: "grid", general: { body: "town_office", level: "town", role: "town_officer" }, major: { body: "county_brigade", level: "county", role: "department_liaison" } },
  lianyungang: { deepest: "grid", general: { body: "town_office", level: "town", role: "town_officer" }, major: { body: "town_committee", level: "town", role: "town_officer" } },
} as const;

describe.each(Object.entries(ROUTING))("%s", (id, routing) => {
  const profile = preset(id);
  const nodes = branch(profile);
  const where = nodes[routing.deepest]!;
  const handler = user(routing.general.role, nodes[routing.general.level]!.path);

  it("routes a general hazard to the handler the profile names, with the profile's deadline", () => {
    const h = found(profile, where);
    expect(h.state).toBe("discovered");
    expect(h.handling).toEqual({ body: routing.general.body, level: routing.general.level });
    const days = profile.hazards.severities.find((s) => s.id === "general")!.rectificationDays.value;
    expect(h.deadline).toBe(Hazards.endOfDayAfter(T0, days, "Asia/Shanghai").toISOString());
  });

  it("routes a major hazard to the handler the profile names", () => {
    expect(found(profile, where, { severity: "major" }).handling).toEqual({ body: routing.major.body, level: routing.major.level });
  });

  it("lets the handler take a general hazard round the whole loop", () => {
    const { hazard } = run(profile, found(profile, where), [
      [handler, { action: "register" }],
      [handler, { action: "dispatch" }],
      [handler, { action: "start" }],
      [handler, { action: "submit" }],
      [handler, { action: "close" }],
    ]);
    expect(hazard).toMatchObject({ state: "closed", version: 6, closedAt: T0.toISOString() });
  });

  it("refuses the handler's steps to the officers of the levels above and below", () => {
    const h = run(profile, found(profile, where), [[handler, { action: "register" }]]).hazard;
    const levels: string[] = profile.levels.map((l) => l.id);
    const index = levels.indexOf(routing.general.level);
    const others = [levels[index - 1], levels[index + 1]].filter((l): l is string => l !== undefined);
    const officer: Record<string, string> = { city: "tenant_admin", county: "tenant_admin", town: "town_officer", village: "village_manager", grid: "grid_worker" };
    for (const level of others) {
      const err = thrown(() => Hazards.decide(ctx(profile, user(officer[level]!, nodes[level]!.path)), h, { action: "dispatch" }));
      expect(err, level).toMatchObject({ kind: "forbidden", code: "hazard.not_handler" });
    }
  });
});

describe("the loop's moves", () => {
  const profile = preset("songjiang");
  const nodes = branch(profile);
  const officer = user("town_officer", nodes.town!.path);

  it("refuses a move the state does not allow, with the current state and version", () => {
    const h = found(profile, nodes.village!);
    const err = thrown(() => Hazards.decide(ctx(profile, officer), h, { action: "close" }));
    expect(err).toMatchObject({ kind: "conflict", code: "hazard.transition_not_allowed", params: { action: "close", state: "discovered", version: 1 } });
    expect(err!.fields.map((f) => f.path)).toEqual(["current.state", "current.version"]);
  });

  it("refuses an officer of another town", () => {
    const h = found(profile, nodes.village!);
    const elsewhere = user("town_officer", "/county/other-town");
    expect(thrown(() => Hazards.decide(ctx(profile, elsewhere), h, { action: "register" }))).toMatchObject({ kind: "forbidden" });
  });

  it("sends a failed verification back to rectifying with a new deadline from the profile", () => {
    const later = new Date(T0.getTime() + 20 * DAY);
    const { hazard, last } = run(profile, found(profile, nodes.village!), [
      [officer, { action: "register" }],
      [officer, { action: "dispatch" }],
      [officer, { action: "start" }],
      [officer, { action: "submit" }],
      [officer, { action: "reject", reason: "仍有堆物" }, later],
    ]);
    expect(hazard.state).toBe("rectifying");
    expect(hazard.deadline).toBe(Hazards.endOfDayAfter(later, 15, "Asia/Shanghai").toISOString());
    expect(last.events[0]).toMatchObject({ action: "reject", from: "verifying", to: "rectifying", deadlineAfter: hazard.deadline, note: "仍有堆物" });
  });

  it("lets the assignee start and submit, but not close", () => {
    const grid = user("grid_worker", nodes.grid!.path, "gw1");
    const { hazard } = run(profile, found(profile, nodes.grid!), [
      [officer, { action: "register" }],
      [officer, { action: "dispatch", assignee: { userId: "gw1", scopePath: nodes.grid!.path } }],
      [grid, { action: "start" }],
      [grid, { action: "submit" }],
    ]);
    expect(hazard.state).toBe("verifying");
    expect(thrown(() => Hazards.decide(ctx(profile, grid), hazard, { action: "close" }))).toMatchObject({ code: "hazard.not_handler" });
  });

  it("reopens a closed hazard within the profile's window, not after it", () => {
    const { hazard: closed } = run(profile, found(profile, nodes.village!), [
      [officer, { action: "register" }],
      [officer, { action: "dispatch" }],
      [officer, { action: "start" }],
      [officer, { action: "submit" }],
      [officer, { action: "close" }],
    ]);
    const window = profile.hazards.reopenWindowDays.value * DAY;
    const within = Hazards.decide(ctx(profile, officer, new Date(T0.getTime() + window)), closed, { action: "reopen", reason: "回潮" });
    expect(within.hazard).toMatchObject({ state: "rectifying", reopenCount: 1, overdue: false });
    expect(thrown(() => Hazards.decide(ctx(profile, officer, new Date(T0.getTime() + window + 1)), closed, { action: "reopen", reason: "回潮" }))).toMatchObject({ code: "hazard.reopen_window_passed" });
  });

  it("withdraws an open hazard as invalid, and nothing moves it after", () => {
    const { hazard } = run(profile, found(profile, nodes.village!), [[officer, { action: "withdraw", reason: "重复" }]]);
    expect(hazard.state).toBe("withdrawn");
    for (const action of ["register", "reopen"] as const) {
      expect(thrown(() => Hazards.decide(ctx(profile, officer), hazard, action === "reopen" ? { action, reason: "x" } : { action }))).toMatchObject({ code: "hazard.transition_not_allowed" });
    }
  });

  it("follows a workflow without a dispatch step: start comes straight after registration", () => {
    const custom = preset("songjiang");
    custom.hazards.workflow.states = ["discovered", "registered", "rectifying", "verifying", "closed"];
    const h = run(custom, found(custom, nodes.village!), [[officer, { action: "register" }]]).hazard;
    expect(Hazards.targetOf(custom, h, "dispatch")).toBeUndefined();
    expect(Hazards.decide(ctx(custom, officer), h, { action: "start" }).hazard.state).toBe("rectifying");
  });

  it("keeps overlay actions off closed hazards", () => {
    const { hazard } = run(profile, found(profile, nodes.village!), [[officer, { action: "withdraw", reason: "无效" }]]);
    expect(thrown(() => Hazards.decide(ctx(profile, officer), hazard, { action: "assess", departments: ["a", "b"] }))).toMatchObject({ code: "hazard.transition_not_allowed" });
  });
});

describe("fixing on the spot", () => {
  const cases: [string, string, boolean][] = [
    ["songjiang", "general", true],
    ["songjiang", "major", false],
    ["zezhou", "general", true],
    ["zezhou", "major", false],
    ["yancheng", "general", true],
    ["yancheng", "violation", false],
    ["qidong", "general", true],
    ["qidong", "major", false],
    ["lianyungang", "general", true],
    ["lianyungang", "major", false],
  ];
  it.each(cases)("%s: a %s hazard may be fixed on the spot: %s", (id, severity, allowed) => {
    expect(Hazards.onSpotAllowed(preset(id), severity)).toBe(allowed);
  });

  it("takes a general hazard from discovered to verifying to closed", () => {
    const profile = preset("zezhou");
    const grid = branch(profile).grid!;
    const worker = user("grid_worker", grid.path);
    const { hazard } = run(profile, found(profile, grid, {}, T0, worker), [
      [worker, { action: "fix_on_spot" }],
      [worker, { action: "close" }],
    ]);
    expect(hazard.state).toBe("closed");
  });

  it("refuses a major hazard", () => {
    const profile = preset("songjiang");
    const h = found(profile, branch(profile).village!, { severity: "major" });
    expect(thrown(() => Hazards.decide(ctx(profile, user("town_officer", "/county/town")), h, { action: "fix_on_spot" }))).toMatchObject({ code: "hazard.on_spot_not_allowed" });
  });
});
