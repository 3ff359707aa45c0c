import { describe, it, expect } from "vitest";
import { qidong as p } from "@firegov/profiles/presets/qidong";
import { byId } from "../by-id.ts";

describe("qidong preset: 启政办发〔2023〕8号", () => {
  it("document: 启政办发〔2023〕8号 of 2023-02-03; levels city → 镇/园区 → 村/社区 → 网格", () => {
    expect(p.document).toMatchObject({ number: "启政办发〔2023〕8号", date: "2023-02-03", issuer: "启东市人民政府办公室" });
    expect(p.levels.map((level) => level.id)).toEqual(["county", "town", "village", "grid"]);
    expect(byId(p.levels, "town")).toMatchObject({ units: ["镇", "园区"], sourceRef: "qidong 一(一)" });
  });

  it("qidong 一(一): 消委会 director = town administrative head, deputy = fire lead, members = police station + agencies", () => {
    expect(byId(p.composition, "committee_director")).toMatchObject({ body: "town_committee", filledBy: "town_head", sourceRef: "qidong 一(一)" });
    expect(byId(p.composition, "committee_deputy")).toMatchObject({ filledBy: "fire_lead", sourceRef: "qidong 一(一)" });
    expect(byId(p.composition, "committee_member_police")).toMatchObject({ filledBy: "police_station_head", sourceRef: "qidong 一(一)" });
    expect(byId(p.composition, "committee_member_agencies")).toMatchObject({ filledBy: "functional_agency_head", sourceRef: "qidong 一(一)" });
  });

  it("qidong 一(一): 消委办 is the town's supervision agency; director = 安监局 head; deputies = cadre, police deputy head, brigade captain", () => {
    expect(byId(p.bodies, "town_office")).toMatchObject({ name: { zh: "消委会办公室（消委办）" }, within: "town_committee", sourceRef: "qidong 一(一)" });
    expect(p.venues.supervision.fallback).toMatchObject({ supervisor: "town_office", sourceRef: "qidong 一(一)" });
    expect(byId(p.composition, "office_director")).toMatchObject({ filledBy: "safety_bureau_head", sourceRef: "qidong 一(一)" });
    const deputies = p.composition.filter((position) => position.body === "town_office" && position.title.zh === "副主任");
    expect(deputies.map((position) => position.filledBy)).toEqual(["office_cadre", "police_deputy_head", "brigade_captain"]);
    expect(deputies.every((position) => position.sourceRef === "qidong 一(一)")).toBe(true);
  });

  it("qidong 一(一): at least 2 contracted (政府购买服务) staff in the office", () => {
    expect(byId(p.staffing.rules, "office_contracted")).toMatchObject({
      body: "town_office",
      employment: "contracted",
      requirement: { measure: "count", min: 2 },
      sourceRef: "qidong 一(一)",
    });
  });

  it("qidong 一(二): committee analyses and assesses periodically; office holds regular meetings, inspects, trains", () => {
    expect(byId(p.obligations, "committee_situation_analysis")).toMatchObject({ kind: "analysis", organiser: "town_committee", frequency: { every: 1, unit: "quarter" }, sourceRef: "qidong 一(二)" });
    expect(byId(p.assessment.schemes, "committee_assessment")).toMatchObject({ assessor: "town_committee", sourceRef: "qidong 一(二)" });
    expect(byId(p.obligations, "office_meeting")).toMatchObject({ kind: "meeting", organiser: "town_office", frequency: { every: 1, unit: "quarter" }, sourceRef: "qidong 一(二)" });
    expect(byId(p.inspectionCategories, "office_routine")).toMatchObject({ responsibleRole: "office_staff", sourceRef: "qidong 一(二)" });
    expect(byId(p.obligations, "office_training")).toMatchObject({ kind: "training", targets: ["村（社区）", "辖区单位场所"], sourceRef: "qidong 一(二)" });
  });

  it("qidong 二(三): 安监局 checks fire safety in petrochemical/industrial enterprises and transfers fire-remit hazards; police check their list", () => {
    expect(byId(p.venues.supervision.rules, "industrial_by_safety_bureau")).toMatchObject({
      match: { kinds: ["petrochemical_enterprise", "industrial_mining_enterprise"] },
      supervisor: "safety_bureau",
      sourceRef: "qidong 二(三)",
    });
    expect(byId(p.hazards.escalations, "remit_transfer")).toMatchObject({
      from: "safety_bureau",
      when: [{ kind: "within_remit", of: "county_brigade" }],
      action: "transfer",
      to: "county_brigade",
      sourceRef: "qidong 二(三)",
    });
    expect(byId(p.venues.supervision.rules, "police_daily_check")).toMatchObject({ supervisor: "police_station", sourceRef: "qidong 二(三)" });
  });

  it("qidong 二(四): 人员密集、三合一、九小、易燃易爆、文物古建筑 are on the industry key-supervision list", () => {
    const listed = p.venues.kinds.filter((kind) => kind.flags.includes("key_supervision"));
    expect(listed.map((kind) => kind.name.zh)).toEqual(["人员密集场所", "“三合一”场所", "九小场所", "易燃易爆单位场所", "文物古建筑"]);
    expect(listed.every((kind) => kind.sourceRef === "qidong 二(四)" && kind.riskGrade === "high")).toBe(true);
    // Each industry department supervises its own kinds; a kind spanning many industries stays with the town office.
    expect(byId(p.venues.supervision.rules, "industry_key_supervision")).toMatchObject({ supervisor: "town_office", byVenueKind: true, sourceRef: "qidong 二(四)" });
    expect((p.venues.industryDepartments ?? []).map((r) => [r.kinds, r.department])).toEqual([
      [["heritage_building"], "county_culture_tourism"],
      [["nine_small", "three_in_one"], "county_market_regulation"],
      [["flammable_explosive", "petrochemical_enterprise", "industrial_mining_enterprise"], "county_emergency_management"],
    ]);
    const departments = p.bodies.filter((b) => b.kind === "industry_department");
    expect(departments.map((b) => b.name.zh)).toEqual(["市文化广电和旅游局", "市市场监督管理局", "市应急管理局"]);
    expect(departments.every((b) => b.sourceRef === "qidong 二(四)" && b.assumption !== undefined)).toBe(true);
  });

  it("qidong 二(四): major industry hazards found by a town are reported to the city brigade, which supervises them with the industry department", () => {
    expect(byId(p.hazards.escalations, "major_report")).toMatchObject({
      from: "town_office",
      when: [{ kind: "severity", severities: ["major"] }],
      action: "report",
      to: "county_brigade",
      sourceRef: "qidong 二(四)",
    });
    expect(byId(p.bodies, "county_brigade").name.zh).toBe("市消防救援大队");
    expect(byId(p.hazards.listedSupervision, "city_key_supervision")).toMatchObject({
      listedBy: "county_brigade",
      jointlyByVenueKind: true,
      sourceRef: "qidong 二(四)",
    });
  });

  it("qidong 二(五): grid workers collect, report and follow up; the brigade trains grid leaders; hazard events are handed over", () => {
    expect(byId(p.responsibilities, "grid_work")).toMatchObject({ holder: "grid", sourceRef: "qidong 二(五)" });
    expect(byId(p.obligations, "grid_training")).toMatchObject({ organiser: "county_brigade", covers: ["grid_leader", "grid_worker"], sourceRef: "qidong 二(五)" });
    expect(byId(p.hazards.escalations, "grid_report")).toMatchObject({ from: "grid", to: "command_centre", sourceRef: "qidong 二(五)" });
    const handover = byId(p.hazards.escalations, "event_handover");
    expect(handover).toMatchObject({ action: "hand_over", from: "command_centre", sourceRef: "qidong 二(五)" });
    expect(handover.assumption?.zh).toContain("未写明移交对象");
  });

  it("qidong 二(六): the city brigade assigns 1 liaison cadre per town/park", () => {
    expect(byId(p.staffing.rules, "liaison_cadre_per_town")).toMatchObject({
      body: "county_brigade",
      role: "liaison_cadre",
      per: "town",
      requirement: { measure: "count", min: 1, max: 1 },
      sourceRef: "qidong 二(六)",
    });
  });

  it("qidong 三(七): every 镇 has a full-time brigade (GB/T 35547-2017); key units and villages micro stations; volunteer teams", () => {
    expect(byId(p.brigades.requirements, "town_brigade")).toMatchObject({
      force: "full_time_brigade",
      per: "town",
      units: ["镇"],
      standard: "GB/T 35547-2017《乡镇消防队》",
      sourceRef: "qidong 三(七)",
    });
    expect(byId(p.brigades.requirements, "key_unit_micro_station")).toMatchObject({ force: "micro_station", per: "key_unit", sourceRef: "qidong 三(七)" });
    expect(byId(p.brigades.requirements, "village_micro_station")).toMatchObject({ force: "micro_station", per: "village", sourceRef: "qidong 三(七)" });
    expect(byId(p.brigades.requirements, "volunteer_team")).toMatchObject({ force: "volunteer_team", sourceRef: "qidong 三(七)" });
  });

  it("qidong 三(九): full-time firefighter pay ≥ last year's local average wage; ≥12 years' service → subsidy on exit", () => {
    expect(byId(p.brigades.personnel, "pay_floor")).toMatchObject({
      kind: "pay_floor",
      benchmark: { zh: "上年度当地城镇非私营单位在岗职工平均工资" },
      sourceRef: "qidong 三(九)",
    });
    expect(byId(p.brigades.personnel, "long_service_subsidy")).toMatchObject({ kind: "long_service", minServiceYears: 12, sourceRef: "qidong 三(九)" });
  });

  it("qidong 四(十二): town and village fire work is in the city's annual assessment; accountability for fires", () => {
    expect(byId(p.assessment.schemes, "city_annual")).toMatchObject({
      assessedLevels: ["town", "village"],
      frequency: { every: 1, unit: "year" },
      sourceRef: "qidong 四(十二)",
    });
    expect(byId(p.assessment.incentives, "accountability")).toMatchObject({ kind: "sanction", sourceRef: "qidong 四(十二)" });
  });

  it("defaults the document is silent on are marked, not cited: workflow, deadlines, reopen window", () => {
    expect(p.hazards.workflow.sourceRef).toBeNull();
    expect(p.hazards.workflow.assumption?.zh).toBeTruthy();
    expect(p.hazards.reopenWindowDays).toMatchObject({ value: 30, sourceRef: null });
    for (const severity of p.hazards.severities) {
      expect(severity.rectificationDays.sourceRef).toBeNull();
      expect(severity.rectificationDays.assumption?.zh).toBeTruthy();
    }
  });
});
