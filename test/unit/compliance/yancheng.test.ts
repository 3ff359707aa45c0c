import { describe, expect, it } from "vitest";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { evaluate, expectFinding, org, people, reaching, FIVE_INTO, statuses, with_ } from "./fixtures.ts";

/** An office of the given make-up (on-payroll enforcement officers, fire and police secondees, others). */
function office(onPayroll: number, fire: number, police: number, others: number) {
  return [
    ...people(onPayroll, { bodyId: "town_office", employment: "on_payroll", roles: ["enforcement_officer", "office_staff"] }),
    ...people(fire, { bodyId: "town_office", employment: "seconded", secondedFrom: "county_brigade", roles: ["seconded_staff"] }),
    ...people(police, { bodyId: "town_office", employment: "seconded", secondedFrom: "police_station", roles: ["police_officer"] }),
    ...people(others, { bodyId: "town_office", employment: "contracted", roles: ["office_staff"] }),
  ];
}
const lead = () => people(1, { bodyId: "town_office", employment: "on_payroll", roles: ["disaster_prevention_lead"] });
const town = (tier: string | undefined, staff = office(5, 1, 1, 2)) => with_(org("town", tier ? { tier } : {}), { people: staff });
const record = (kind: "drill" | "annual_plan" | "publicity" | "meeting", date: string, obligationId?: string) => ({ recordId: `${kind}-${date}`, kind, date, workNotices: 0, ...(obligationId ? { obligationId } : {}) });

describe("yancheng (六): office staffing by town tier", () => {
  it("a developed town with 5 on-payroll, 1 fire and 1 police secondee and 20% others meets every staffing rule", () => {
    // 5 + 1 + 1 + 2 contracted + 1 on-payroll disaster lead = 10 staff; the rest (not on-payroll, not seconded) 2 = 20%
    const findings = evaluate(yancheng, town("developed", [...office(5, 1, 1, 2), ...lead()]));
    const staffing = Object.fromEntries(Object.entries(statuses(findings)).filter(([k]) => k.startsWith("staffing.")));
    expect(staffing).toEqual({
      "staffing.developed_on_payroll": "met",
      "staffing.developed_fire_seconded": "met",
      "staffing.developed_police_named": "met",
      "staffing.developed_other_share": "met",
      "staffing.disaster_prevention_lead": "met",
    });
  });

  it("a developed town with 4 on-payroll enforcement officers", () => {
    const f = expectFinding(evaluate(yancheng, town("developed", office(4, 1, 1, 2))), "staffing.developed_on_payroll", "unmet", "yancheng (六)");
    expect(f.evidence.zh).toBe("在编监管执法人员 4 人，要求 ≥5 人");
  });

  it("a developed town with 3 fire secondees (1–2 allowed) and no police", () => {
    const findings = evaluate(yancheng, town("developed", office(5, 3, 0, 3)));
    expectFinding(findings, "staffing.developed_fire_seconded", "unmet", "yancheng (六)");
    expectFinding(findings, "staffing.developed_police_named", "unmet", "yancheng (六)");
  });

  it("a developed town whose other staff are under 20% of the office", () => {
    // 5 + 1 + 1 + 1 = 8 staff, 1 other = 12.5%
    const f = expectFinding(evaluate(yancheng, town("developed", office(5, 1, 1, 1))), "staffing.developed_other_share", "unmet", "yancheng (六)");
    expect(f.evidence.en).toBe("other staff 1 of 8 in the Comprehensive enforcement and emergency office (12.5%), required ≥20%");
  });

  it("an other town: 3 on-payroll, 1 + 1 secondees and 10% others suffice", () => {
    const findings = evaluate(yancheng, town("other", office(3, 1, 1, 1)));
    for (const id of ["other_on_payroll", "other_fire_seconded", "other_police_named", "other_other_share"]) expectFinding(findings, `staffing.${id}`, "met", "yancheng (六)");
    expect(findings.some((f) => f.ruleId.startsWith("staffing.developed_"))).toBe(false);
  });

  it("an other town with 2 fire secondees (exactly 1 required)", () => {
    expectFinding(evaluate(yancheng, town("other", office(3, 2, 1, 1))), "staffing.other_fire_seconded", "unmet", "yancheng (六)");
  });

  it("a town whose tier is not set: the tiered rules are not applicable", () => {
    const findings = evaluate(yancheng, town(undefined));
    expectFinding(findings, "staffing.developed_on_payroll", "not_applicable", "yancheng (六)");
    expectFinding(findings, "staffing.other_on_payroll", "not_applicable", "yancheng (六)");
  });
});

describe("yancheng (一): a town leader in charge of work safety, disaster prevention and fire", () => {
  it("missing, then named (the deputy secretary or deputy mayor as the leader in charge)", () => {
    expectFinding(evaluate(yancheng, town("other")), "composition.town_safety_lead", "unmet", "yancheng (一)");
    const named = with_(town("other"), { people: [...office(3, 1, 1, 1), ...people(1, { positions: ["town_safety_lead"], roles: ["fire_lead"] })] });
    expectFinding(evaluate(yancheng, named), "composition.town_safety_lead", "met", "yancheng (一)");
  });
});

describe("yancheng (三): a named person for disaster prevention", () => {
  it("missing, then present", () => {
    expectFinding(evaluate(yancheng, town("other")), "staffing.disaster_prevention_lead", "unmet", "yancheng (三)");
    expectFinding(evaluate(yancheng, town("other", [...office(3, 1, 1, 1), ...lead()])), "staffing.disaster_prevention_lead", "met", "yancheng (三)");
  });
});

describe("yancheng (七)/(十三): brigade quotas set the county total; centre/satellite roles", () => {
  const brigade = (grade: string | undefined, members: number, deployment: "centre" | "satellite", id = `b-${grade}`) => ({ brigadeId: id, name: `${grade ?? "未定级"}专职消防队`, force: "full_time_brigade" as const, ...(grade ? { grade } : {}), deployment, memberCount: members, vehicles: [] });
  const county = (...subtree: ReturnType<typeof brigade>[]) => ({ ...org("county"), subtreeBrigades: subtree });

  it("yancheng (七): the county's named members within the sum of its brigades' quotas; a brigade over its own grade's number is no finding", () => {
    // grade-2 team of 12 (its grade says 11) and a small team of 8: 20 named, quota 11 + 10 = 21.
    const f = expectFinding(evaluate(yancheng, county(brigade("grade_2", 12, "satellite"), brigade("small", 8, "satellite"))), "brigades.quota_total", "met", "yancheng (七)");
    expect(f.evidence.zh).toBe("县域专职消防队 2 支（二级队 1 支×11、小型队 1 支×10），实名队员 20 人，员额总量 21 名，空编 1 名");
    const town = evaluate(yancheng, with_(org("town"), { brigades: [brigade("grade_2", 12, "satellite")] }));
    expect(town.filter((x) => x.ruleId.endsWith(".quota") || x.ruleId === "brigades.quota_total")).toEqual([]);
  });

  it("yancheng (七): over the county total is a county-level finding", () => {
    const f = expectFinding(evaluate(yancheng, county(brigade("special", 50, "centre"), brigade("grade_1", 16, "satellite"))), "brigades.quota_total", "unmet", "yancheng (七)");
    expect(f.evidence.en).toBe("2 graded full-time brigade(s) in the county (1 × Special-service team (45), 1 × Grade-1 team (16)): 66 named members, total quota 61, 5 over");
    expect(f.nodeId).toBe("county-1");
  });

  it("yancheng (七): a full-time brigade without a grade is not counted, and is named", () => {
    const f = expectFinding(evaluate(yancheng, county(brigade("grade_1", 10, "centre"), brigade(undefined, 30, "satellite", "b-x"))), "brigades.quota_total", "met", "yancheng (七)");
    expect(f.evidence.zh).toContain("未定等级的专职队 1 支（30 人）未计入：未定级专职消防队");
  });

  it("yancheng (十三): a grade-1 team as a centre; a grade-2 team may not be one", () => {
    expectFinding(evaluate(yancheng, with_(org("town"), { brigades: [brigade("grade_1", 16, "centre")] })), "brigades.grade.grade_1.deployment", "met", "yancheng (十三)", "b-grade_1");
    expectFinding(evaluate(yancheng, with_(org("town"), { brigades: [brigade("grade_2", 12, "centre")] })), "brigades.grade.grade_2.deployment", "unmet", "yancheng (十三)", "b-grade_2");
    expectFinding(evaluate(yancheng, with_(org("town"), { brigades: [brigade("small", 10, "satellite")] })), "brigades.grade.small.deployment", "met", "yancheng (十三)", "b-small");
  });
});

describe("yancheng (九): the town's regular meeting (例会)", () => {
  it("yancheng (九): judged quarterly (the system's reading of 例会): a quarter without one is a finding", () => {
    const f = expectFinding(evaluate(yancheng, with_(org("town"), { records: [record("meeting", "2024-12-01")] })), "obligation.town_regular_meeting", "overdue", "yancheng (九)");
    expect(f.evidence.zh).toContain("要求每季度至少 1 次");
    expect(f.severity).toBe("high");
    expectFinding(evaluate(yancheng, with_(org("town"), { records: [record("meeting", "2025-03-30")] }), "2025-05-10"), "obligation.town_regular_meeting", "unmet", "yancheng (九)");
    expectFinding(evaluate(yancheng, with_(org("town"), { records: [record("meeting", "2025-03-30")] })), "obligation.town_regular_meeting", "due_soon", "yancheng (九)");
    expectFinding(evaluate(yancheng, with_(org("town"), { records: [record("meeting", "2025-04-30")] })), "obligation.town_regular_meeting", "met", "yancheng (九)");
  });
});

describe("yancheng (二十): brigade members with 12+ years' service are recommended on leaving", () => {
  it("yancheng (二十): a full-time firefighter who left after 13 years without a recommendation recorded is a finding", () => {
    const [left] = people(1, { hiredOn: "2011-01-01", leftOn: "2024-02-01", leftFor: "other" });
    const team = { brigadeId: "b1", name: "甲镇专职消防队", force: "full_time_brigade" as const, grade: "grade_1", memberCount: 0, memberIds: [], formerMemberIds: [left!.personId], vehicles: [] };
    const data = { ...with_(org("town"), { brigades: [team] }), leavers: [left!] };
    const f = expectFinding(evaluate(yancheng, data), "brigades.personnel.long_service_placement", "unmet", "yancheng (二十)", "b1");
    expect(f.evidence.zh).toContain("推荐到地方国有企业、民营企业从事安全工作");
  });
});

describe("yancheng (十五): a comprehensive drill each year, in every town and every village", () => {
  it("a village with no drill this year", () => {
    const data = with_(org("village"), { records: [record("drill", "2024-11-02")] });
    const f = expectFinding(evaluate(yancheng, data, "2025-06-15"), "obligation.comprehensive_drill", "unmet", "yancheng (十五)");
    expect(f.evidence.zh).toBe("综合演练：2025-01-01 起 0 次，要求每年至少 1 次");
  });

  it("a village that drilled in March", () => {
    expectFinding(evaluate(yancheng, with_(org("village"), { records: [record("drill", "2025-03-09")] })), "obligation.comprehensive_drill", "met", "yancheng (十五)");
  });

  it("a town with no drill in December: due soon after last year's drill, overdue without one", () => {
    expectFinding(evaluate(yancheng, with_(org("town"), { records: [record("drill", "2024-10-01")] }), "2025-12-10"), "obligation.comprehensive_drill", "due_soon", "yancheng (十五)");
    expectFinding(evaluate(yancheng, org("town"), "2025-12-10"), "obligation.comprehensive_drill", "overdue", "yancheng (十五)");
  });

  it("a drill recorded for the special-drill obligation does not count as the comprehensive one", () => {
    const data = with_(org("town", { createdOn: "2025-01-01" }), { records: [record("drill", "2025-03-09", "special_drills")] });
    expectFinding(evaluate(yancheng, data), "obligation.comprehensive_drill", "unmet", "yancheng (十五)");
  });
});

describe("yancheng (十一)/(十六): the annual plan and campaign publicity of a town", () => {
  it("done this year, and missing", () => {
    const done = with_(org("town"), { records: [record("annual_plan", "2025-01-20"), ...reaching("publicity", "2025-05-12", FIVE_INTO)] });
    const findings = evaluate(yancheng, done);
    expectFinding(findings, "obligation.annual_plan", "met", "yancheng (十一)");
    expectFinding(findings, "obligation.campaign_publicity", "met", "yancheng (十六)");
    const none = evaluate(yancheng, org("town", { createdOn: "2025-01-01" }));
    expectFinding(none, "obligation.annual_plan", "unmet", "yancheng (十一)");
    expectFinding(none, "obligation.campaign_publicity", "unmet", "yancheng (十六)");
  });
});

describe("yancheng (十六): publicity into the five targets and on the campaign occasions", () => {
  const town = (records: ReturnType<typeof reaching>) => with_(org("town", { createdOn: "2025-01-01" }), { records });

  it("yancheng (十六): each of 企业、农村、社区、学校、家庭 reached; the missing ones named", () => {
    const f = expectFinding(evaluate(yancheng, town(reaching("publicity", "2025-03-02", ["企业", "学校"]))), "obligation.campaign_publicity", "unmet", "yancheng (十六)");
    expect(f.evidence.zh).toContain("未覆盖：农村、社区、家庭");
  });

  it("yancheng (十六): 防灾减灾日 (5·12) done on the day, 安全生产月 (June) under way without a record: due soon; 消防宣传月 still ahead", () => {
    const f = expectFinding(evaluate(yancheng, town(reaching("publicity", "2025-05-12", ["社区"]))), "obligation.campaign_publicity.occasions", "due_soon", "yancheng (十六)");
    expect(f.evidence.zh).toBe("安全宣传教育·活动节点（2025-01-01 至 2025-12-31）：已开展：全国防灾减灾日（5月12日）；待开展：安全生产月（6月）、消防宣传月（11月）");
    expect(f.severity).toBe("medium");
  });

  it("yancheng (十六): June passed with no record: 安全生产月 is overdue; a record naming the campaign counts though dated before the day", () => {
    const forTheDay = reaching("publicity", "2025-05-08", ["学校"], { campaign: "全国防灾减灾日" });
    const f = expectFinding(evaluate(yancheng, town(forTheDay), "2025-07-05"), "obligation.campaign_publicity.occasions", "overdue", "yancheng (十六)");
    expect(f.evidence.en).toBe(
      "Safety publicity, campaign occasions (2025-01-01 to 2025-12-31): done: National Disaster Prevention and Reduction Day (2025-05-12); passed without a record: Work Safety Month (2025-06); to come: Fire Publicity Month (2025-11)",
    );
    expect(f.severity).toBe("high");
  });

  it("yancheng (十六): every occasion of the year recorded is met; a publicity record on a day of no occasion counts for none", () => {
    const all = town([...reaching("publicity", "2025-05-12", ["社区"]), ...reaching("publicity", "2025-06-20", ["企业"]), ...reaching("publicity", "2025-11-09", ["学校"])]);
    expectFinding(evaluate(yancheng, all, "2025-12-01"), "obligation.campaign_publicity.occasions", "met", "yancheng (十六)");
    const off = town([...reaching("publicity", "2025-05-13", ["社区"]), ...reaching("publicity", "2025-06-20", ["企业"])]);
    const f = expectFinding(evaluate(yancheng, off, "2025-07-01"), "obligation.campaign_publicity.occasions", "overdue", "yancheng (十六)");
    expect(f.evidence.zh).toContain("已过未开展：全国防灾减灾日（5月12日）");
  });

  it("yancheng (十六): the occasions' dates are the system's reading of names the document gives", () => {
    const ob = yancheng.obligations.find((o) => o.id === "campaign_publicity")!;
    expect(ob.occasions?.map((o) => [o.id, o.month, o.day ?? null, o.sourceRef])).toEqual([
      ["disaster_prevention_day", 5, 12, "yancheng (十六)"],
      ["work_safety_month", 6, null, "yancheng (十六)"],
      ["fire_publicity_month", 11, null, "yancheng (十六)"],
    ]);
    for (const o of ob.occasions ?? []) expect(o.assumption?.zh).toMatch(/^文件只写名称，日期为系统的理解：每年/);
  });
});

describe("yancheng (十四): rotation training covers every grassroots safety worker each year", () => {
  const attend = (personId: string, date: string) => ({ personId, recordId: `t-${date}`, kind: "training" as const, date });

  it("one grid worker of three not trained this year", () => {
    const grid = people(3, { roles: ["grid_worker"] });
    const data = with_(org("village"), { people: grid, attendance: [attend(grid[0]!.personId, "2025-04-01"), attend(grid[1]!.personId, "2025-05-01"), attend(grid[2]!.personId, "2024-09-01")] });
    const f = expectFinding(evaluate(yancheng, data), "obligation.rotation_training", "unmet", "yancheng (十四)");
    expect(f.evidence.zh).toContain(`未参训：${grid[2]!.name}`);
  });

  it("all trained this year", () => {
    const grid = people(2, { roles: ["grid_worker"] });
    const data = with_(org("village"), { people: grid, attendance: grid.map((p) => attend(p.personId, "2025-02-01")) });
    expectFinding(evaluate(yancheng, data), "obligation.rotation_training", "met", "yancheng (十四)");
  });
});
