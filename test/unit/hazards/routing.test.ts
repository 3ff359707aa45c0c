import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";
import { branch, ctx, found, preset, run, T0, thrown, user } from "./fixtures.ts";

// Routing and escalation, pure, per built-in profile: what fires when a
// hazard is registered, and what each firing cites.

describe("yancheng (十二): 镇街吹哨、部门报到", () => {
  const profile = preset("yancheng");
  const nodes = branch(profile);
  const town = user("town_officer", nodes.town!.path);
  const housing = { ...user("department_liaison", nodes.county!.path, "housing-liaison"), bodyId: "county_housing" } as const;
  const education = { ...user("department_liaison", nodes.county!.path, "education-liaison"), bodyId: "county_education" } as const;
  const site = { venueId: "site", venueKinds: ["construction_site"] };

  it("yancheng (十二): a major hazard at a building site is handled by, and reported to, the housing department, to acknowledge by the end of the next day", () => {
    const { hazard, last } = run(profile, found(profile, nodes.village!, { severity: "major", ...site }), [[town, { action: "register" }]]);
    expect(hazard.handling).toEqual({ body: "county_housing", level: "county" });
    expect(hazard.pendingAcks).toEqual([
      {
        body: "county_housing",
        requestedAt: T0.toISOString(),
        dueAt: Hazards.endOfDayAfter(T0, 1, "Asia/Shanghai").toISOString(),
        late: false,
        basis: expect.objectContaining({ rule: "report_to_industry", sourceRef: "yancheng (十二)" }),
      },
    ]);
    expect(last.events.map((e) => e.action)).toEqual(["register", "escalated"]);
    expect(last.events[1]!.details).toMatchObject({ to: "county_housing", routedBy: { rule: "construction", sourceRef: "yancheng (十二)" }, ackDays: { value: 1, default: true } });
    expect(last.intents.find((i) => i.kind === "escalated")!.to).toEqual([{ type: "handler", handling: { body: "county_housing", level: "county" } }]);
  });

  it("yancheng (十二): the venue's kind chooses the department — a school's goes to education, an industrial enterprise's to emergency management", () => {
    const school = run(profile, found(profile, nodes.village!, { severity: "violation", venueId: "s", venueKinds: ["school"] }), [[town, { action: "register" }]]).hazard;
    expect([school.handling?.body, school.pendingAcks.map((p) => p.body)]).toEqual(["county_education", ["county_education"]]);
    const plant = run(profile, found(profile, nodes.village!, { severity: "major", venueId: "p", venueKinds: ["industrial_trade_enterprise"] }), [[town, { action: "register" }]]).hazard;
    expect([plant.handling?.body, plant.pendingAcks.map((p) => p.body)]).toEqual(["county_emergency_management", ["county_emergency_management"]]);
  });

  it("yancheng (十)(十二): with no venue, or a kind no department answers for, the county committee office receives a copy and handles it", () => {
    for (const extra of [{}, { venueId: "o", venueKinds: ["organisation"] }]) {
      const { hazard } = run(profile, found(profile, nodes.village!, { severity: "major", ...extra }), [[town, { action: "register" }]]);
      expect(hazard.handling).toEqual({ body: "county_committee_office", level: "county" });
      expect(hazard.reports).toMatchObject([{ action: "report", to: "county_committee_office", copy: true }]);
      expect(hazard.pendingAcks).toEqual([]);
    }
  });

  it("yancheng (十二): only the liaison bound to the department acknowledges for it; another department's liaison is refused", () => {
    const registered = run(profile, found(profile, nodes.village!, { severity: "violation", ...site }), [[town, { action: "register" }]]).hazard;
    expect(thrown(() => Hazards.decide(ctx(profile, town), registered, { action: "acknowledge" }))).toMatchObject({ kind: "forbidden" });
    expect(thrown(() => Hazards.decide(ctx(profile, education), registered, { action: "acknowledge", body: "county_housing" }))).toMatchObject({ kind: "forbidden", code: "hazard.ack_other_body" });
    expect(thrown(() => Hazards.decide(ctx(profile, education), registered, { action: "acknowledge" }))).toMatchObject({ kind: "forbidden", code: "hazard.ack_other_body" });
    expect(Hazards.availableActions(ctx(profile, education), registered)).not.toContain("acknowledge");
    const acked = Hazards.decide(ctx(profile, housing), registered, { action: "acknowledge" }).hazard;
    expect(acked.pendingAcks).toEqual([]);
    expect(acked.acks).toMatchObject([{ body: "county_housing", by: "housing-liaison" }]);
    expect(thrown(() => Hazards.decide(ctx(profile, housing), acked, { action: "acknowledge" }))).toMatchObject({ code: "hazard.no_pending_ack" });
    // A liaison bound to no body still answers for every department at its level (accounts made before binding).
    const unbound = user("department_liaison", nodes.county!.path);
    expect(Hazards.decide(ctx(profile, unbound), registered, { action: "acknowledge" }).hazard.acks).toMatchObject([{ body: "county_housing" }]);
  });

  it("reports nothing for a general hazard, which the town handles itself", () => {
    const { hazard } = run(profile, found(profile, nodes.village!, site), [[town, { action: "register" }]]);
    expect(hazard.reports).toEqual([]);
    expect(hazard.pendingAcks).toEqual([]);
  });
});

describe("qidong 二(三)/二(四)/二(五): grid reports, transfers, hand-over, 抄报 and key supervision", () => {
  const profile = preset("qidong");
  const nodes = branch(profile);
  const town = user("town_officer", nodes.town!.path);

  it("copies a grid's hazard to the command centre, which hands it to the town office", () => {
    const { hazard } = run(profile, found(profile, nodes.grid!), [[town, { action: "register" }]]);
    expect(hazard.reports.map((r) => [r.action, r.to, r.copy])).toEqual([
      ["report", "command_centre", true],
      ["hand_over", "town_office", false],
    ]);
    expect(hazard.pendingAcks).toEqual([]);
  });

  it("reports a major hazard to the county brigade and lists it for key supervision", () => {
    const { hazard, last } = run(profile, found(profile, nodes.town!, { severity: "major" }), [[town, { action: "register" }]]);
    expect(hazard.pendingAcks.map((p) => p.body)).toEqual(["county_brigade"]);
    expect(hazard.listings).toMatchObject([{ levelId: "city_key_supervision", level: "county", listedBy: "county_brigade", nodeId: "county", trigger: "major_industry_hazard", by: "system" }]);
    expect(last.events.find((e) => e.action === "listed")!.basis).toMatchObject({ rule: "major_industry_hazard", sourceRef: "qidong 二(四)" });
  });

  it("qidong 二(四): a major hazard at a heritage building is listed with the culture-and-tourism bureau as joint supervisor (会同), which must acknowledge", () => {
    const { hazard, last } = run(profile, found(profile, nodes.town!, { severity: "major", venueId: "temple", venueKinds: ["heritage_building"] }), [[town, { action: "register" }]]);
    expect(hazard.listings).toMatchObject([{ levelId: "city_key_supervision", listedBy: "county_brigade", jointly: ["county_culture_tourism"] }]);
    expect(hazard.pendingAcks.map((p) => [p.body, p.basis.rule, p.basis.sourceRef])).toEqual([
      ["county_brigade", "major_report", "qidong 二(四)"],
      ["county_culture_tourism", "city_key_supervision", "qidong 二(四)"],
    ]);
    expect(last.events.find((e) => e.action === "listed")!.details).toMatchObject({ jointly: ["county_culture_tourism"] });
    expect(last.intents.find((i) => i.title.zh.includes("请会同督办"))!.to).toEqual([{ type: "handler", handling: { body: "county_culture_tourism", level: "county" } }]);
    const culture = { ...user("department_liaison", nodes.county!.path, "culture"), bodyId: "county_culture_tourism" };
    const acked = Hazards.decide(ctx(profile, culture), hazard, { action: "acknowledge" }).hazard;
    expect(acked.acks).toMatchObject([{ body: "county_culture_tourism", by: "culture" }]);
    expect(acked.pendingAcks.map((p) => p.body)).toEqual(["county_brigade"]);
  });

  it("qidong 二(四): with no venue, or a kind spanning many industries, the listing names no partner", () => {
    for (const extra of [{}, { venueId: "mall", venueKinds: ["crowded_venue"] }]) {
      const { hazard } = run(profile, found(profile, nodes.town!, { severity: "major", ...extra }), [[town, { action: "register" }]]);
      expect(hazard.listings[0]!.jointly).toBeUndefined();
      expect(hazard.pendingAcks.map((p) => p.body)).toEqual(["county_brigade"]);
    }
  });

  it("transfers a hazard the town finds within the brigade's remit, from the safety bureau it acts for", () => {
    const registered = run(profile, found(profile, nodes.town!, {}, T0, town), [[town, { action: "register" }]]).hazard;
    expect(registered.trail).toContain("safety_bureau");
    const assessed = Hazards.decide(ctx(profile, town), registered, { action: "assess", remitOf: ["county_brigade"] }).hazard;
    expect(assessed.handling).toEqual({ body: "county_brigade", level: "county" });
    expect(assessed.reports.at(-1)).toMatchObject({ action: "transfer", to: "county_brigade" });
    expect(assessed.pendingAcks.map((p) => p.body)).toEqual(["county_brigade"]);
  });
});

describe("songjiang 六(二)1/六(二)2: joint enforcement and two-level listing", () => {
  const profile = preset("songjiang");
  const nodes = branch(profile);
  const town = user("town_officer", nodes.town!.path);
  const county = user("tenant_admin", nodes.county!.path);

  it("五(一)5: requests district listing for a major hazard through the county committee", () => {
    const { hazard } = run(profile, found(profile, nodes.village!, { severity: "major" }), [[town, { action: "register" }]]);
    expect(hazard.reports).toMatchObject([{ action: "request_listing", to: "county_committee" }]);
    expect(hazard.listings).toEqual([]);
  });

  it("lists at the district level only with the committee's decision on a major hazard", () => {
    const major = run(profile, found(profile, nodes.village!, { severity: "major" }), [[town, { action: "register" }]]).hazard;
    const listed = Hazards.decide(ctx(profile, county), major, { action: "list", level: "district", criteria: ["涉及部门多"], reason: "多部门" }).hazard;
    expect(listed.listings).toMatchObject([{ levelId: "district", trigger: "major_and_hard", via: "county_committee" }]);
    expect(thrown(() => Hazards.decide(ctx(profile, town), major, { action: "list", level: "district", criteria: ["涉及部门多"], reason: "多部门" }))).toMatchObject({ kind: "forbidden" });
    const general = run(profile, found(profile, nodes.village!), [[town, { action: "register" }]]).hazard;
    const refusal = thrown(() => Hazards.decide(ctx(profile, county), general, { action: "list", level: "district", criteria: ["涉及部门多"], reason: "多部门" }));
    expect(refusal).toMatchObject({ code: "hazard.listing_not_triggered" });
    expect(refusal!.fields).toEqual([{ path: "triggers.major_and_hard", code: "hazard.condition_unmet", message: { zh: "隐患等级为重大火灾隐患", en: "severity is Major hazard" } }]);
  });

  it("refuses a criterion the profile does not list", () => {
    const major = run(profile, found(profile, nodes.village!, { severity: "major" }), [[town, { action: "register" }]]).hazard;
    const err = thrown(() => Hazards.decide(ctx(profile, county), major, { action: "list", level: "district", criteria: ["领导重视"], reason: "x" }));
    expect(err).toMatchObject({ kind: "validation" });
    expect(err!.fields.map((f) => f.path)).toEqual(["body.criteria[0]"]);
  });

  it("hands a multi-department hazard to the committee for joint enforcement", () => {
    const registered = run(profile, found(profile, nodes.village!), [[town, { action: "register" }]]).hazard;
    const one = Hazards.decide(ctx(profile, town), registered, { action: "assess", departments: ["market"] }).hazard;
    expect(one.handling!.body).toBe("town_office");
    const two = Hazards.decide(ctx(profile, town), one, { action: "assess", departments: ["market", "housing"] });
    expect(two.hazard.handling).toEqual({ body: "town_committee", level: "town" });
    expect(two.events.map((e) => e.action)).toEqual(["assess", "escalated"]);
  });
});

describe("zezhou and lianyungang: no escalation rules", () => {
  it.each(["zezhou", "lianyungang"])("%s: registering fires nothing", (id) => {
    const profile = preset(id);
    const nodes = branch(profile);
    const handler = id === "zezhou" ? user("grid_worker", nodes.grid!.path) : user("town_officer", nodes.town!.path);
    const { hazard, last } = run(profile, found(profile, nodes.grid!), [[handler, { action: "register" }]]);
    expect(hazard.reports).toEqual([]);
    expect(hazard.listings).toEqual([]);
    expect(last.events.map((e) => e.action)).toEqual(["register"]);
  });

  it("zezhou 三(七): lets the grid escalate by hand to a higher body, and only higher", () => {
    const profile = preset("zezhou");
    const nodes = branch(profile);
    const grid = user("grid_worker", nodes.grid!.path);
    const registered = run(profile, found(profile, nodes.grid!), [[grid, { action: "register" }]]).hazard;
    expect(thrown(() => Hazards.decide(ctx(profile, grid), registered, { action: "escalate", to: "village_committee", reason: "x" }))).toBeUndefined();
    expect(thrown(() => Hazards.decide(ctx(profile, grid), registered, { action: "escalate", to: "grid", reason: "x" }))).toMatchObject({ kind: "validation" });
    const up = Hazards.decide(ctx(profile, grid), registered, { action: "escalate", to: "county_brigade", reason: "需专业力量" }).hazard;
    expect(up.handling).toEqual({ body: "county_brigade", level: "county" });
    expect(up.pendingAcks.map((p) => p.body)).toEqual(["county_brigade"]);
  });
});

describe("registering a resident's tip", () => {
  const profile = preset("songjiang");
  const nodes = branch(profile);
  const tip = () => Hazards.discover(ctx(profile, { type: "public" }), { hazardId: "tip", place: nodes.county!, description: "楼道堆物", photos: [], source: "public_tip", reporter: { type: "public" }, priorOccurrences: [] });

  it("lands at the root with no severity, code or handler, and tells the county's officers", () => {
    const { hazard, intents } = tip();
    expect(hazard).toMatchObject({ state: "discovered", handling: undefined, deadline: undefined, severity: undefined });
    expect(intents).toMatchObject([{ kind: "create", to: [{ type: "handler", handling: { level: "county" } }] }]);
    expect(intents[0]!.urgent).toBeUndefined();
  });

  it("songjiang 六(三): a device's alarm is taken in the same way, and its message is urgent (through the officers' quiet hours)", () => {
    const { intents } = Hazards.discover(ctx(profile, { type: "system" } as never), { hazardId: "iot", place: nodes.county!, description: "烟感报警", photos: [], source: "iot_alert", reporter: { type: "system" } as never, priorOccurrences: [] });
    expect(intents).toMatchObject([{ kind: "create", urgent: true }]);
  });

  it("needs the county's officer to grade, code and place it", () => {
    const { hazard } = tip();
    const admin = user("tenant_admin", nodes.county!.path);
    expect(thrown(() => Hazards.decide(ctx(profile, user("town_officer", nodes.town!.path)), hazard, { action: "register", severity: "general", code: "fireworks" }))).toMatchObject({ kind: "forbidden" });
    const unplaced = thrown(() => Hazards.decide(ctx(profile, admin), hazard, { action: "register", severity: "general", code: "fireworks" }));
    expect(unplaced!.fields.map((f) => f.path)).toEqual(["body.severity"]);
    const registered = Hazards.decide(ctx(profile, admin), hazard, { action: "register", severity: "general", code: "fireworks", place: nodes.village! }).hazard;
    expect(registered).toMatchObject({ state: "registered", nodeId: "village", handling: { body: "town_office", level: "town" }, deadline: Hazards.endOfDayAfter(T0, 15, "Asia/Shanghai").toISOString() });
  });
});

describe("listing triggers read from the profile", () => {
  const nodes = branch(preset("songjiang"));
  const town = user("town_officer", nodes.town!.path);
  const county = user("tenant_admin", nodes.county!.path);

  it("lists on its own a hazard that several departments are found to be involved in, when a trigger says so", () => {
    const profile = preset("songjiang");
    profile.hazards.listedSupervision[0]!.triggers.push({ id: "many_departments", when: [{ kind: "multi_department" }], sourceRef: null, assumption: { zh: "测试用" } });
    const registered = run(profile, found(profile, nodes.village!), [[town, { action: "register" }]]).hazard;
    const assessed = Hazards.decide(ctx(profile, town), registered, { action: "assess", departments: ["market", "housing"] });
    expect(assessed.hazard.listings).toMatchObject([{ levelId: "town", trigger: "many_departments", by: "system" }]);
    expect(assessed.events.map((e) => e.action)).toEqual(["assess", "escalated", "listed"]);
  });

  it("lists on its own once the deciding body has recorded its decision, with its reason", () => {
    const profile = preset("songjiang");
    const major = run(profile, found(profile, nodes.village!, { severity: "major" }), [[town, { action: "register" }]]).hazard;
    expect(thrown(() => Hazards.decide(ctx(profile, town), major, { action: "assess", decision: { by: "county_committee", criteria: ["资金投入大"], reason: "需区级资金" } }))).toMatchObject({ kind: "forbidden" });
    const decided = Hazards.decide(ctx(profile, county), major, { action: "assess", decision: { by: "county_committee", criteria: ["资金投入大"], reason: "需区级资金" } }).hazard;
    expect(decided.decisions).toMatchObject([{ by: "county_committee", criteria: ["资金投入大"], reason: "需区级资金" }]);
    expect(decided.listings).toMatchObject([{ levelId: "district", trigger: "major_and_hard" }]);
  });
});
