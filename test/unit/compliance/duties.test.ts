import { describe, expect, it } from "vitest";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { zezhou } from "@firegov/profiles/presets/zezhou";
import { dutyReports, evaluate, expectFinding, org, with_ } from "./fixtures.ts";

// Responsibilities (履职事项): a finding per duty at every node where its
// holder body sits, met by a duty report (履职报告) of the current period.

const dutyIds = (findings: { ruleId: string }[]) => findings.filter((f) => f.ruleId.startsWith("duty.")).map((f) => f.ruleId);

describe("duties (履职事项) of their holder bodies", () => {
  it("yancheng (三): a town office's duty list never reported this year is unmet, and says so", () => {
    const f = expectFinding(evaluate(yancheng, org("town")), "duty.duty_lists", "unmet", "yancheng (三)");
    expect(f.evidence.zh).toContain("2025-01-01 起未报告履职，要求每年至少 1 次");
    expect(dutyIds(evaluate(yancheng, org("town")))).toEqual(["duty.integrated_office", "duty.duty_lists", "duty.disaster_info_team"]);
  });

  it("yancheng (三): reported this year it is met; a report of last year does not count", () => {
    expectFinding(evaluate(yancheng, with_(org("town"), { records: dutyReports(["duty_lists"], "2025-03-02") })), "duty.duty_lists", "met", "yancheng (三)");
    expectFinding(evaluate(yancheng, with_(org("town"), { records: dutyReports(["duty_lists"], "2024-12-30") })), "duty.duty_lists", "unmet", "yancheng (三)");
  });

  it("yancheng (三): still unreported in the last 30 days of the year is due soon", () => {
    expectFinding(evaluate(yancheng, org("town"), "2025-12-10"), "duty.duty_lists", "due_soon", "yancheng (三)");
  });

  it("yancheng (二): a report of another duty does not meet this one", () => {
    const findings = evaluate(yancheng, with_(org("town"), { records: dutyReports(["disaster_info_team"], "2025-03-02") }));
    expectFinding(findings, "duty.integrated_office", "unmet", "yancheng (二)");
    expectFinding(findings, "duty.disaster_info_team", "met", "yancheng (三)");
  });

  it("yancheng (十一)/(十二): the county's duties are judged at the county, not at towns or villages", () => {
    expect(dutyIds(evaluate(yancheng, org("county")))).toEqual(["duty.enterprise_check_list", "duty.rotating_campaigns"]);
    expectFinding(evaluate(yancheng, org("county")), "duty.enterprise_check_list", "unmet", "yancheng (十一)");
    expectFinding(evaluate(yancheng, org("county")), "duty.rotating_campaigns", "unmet", "yancheng (十二)");
    expect(dutyIds(evaluate(yancheng, org("village")))).toEqual([]);
  });

  it("zezhou 三(六)/三(七): the forestry team's and the county brigade's duties are the county's", () => {
    const findings = evaluate(zezhou, with_(org("county"), { records: dutyReports(["grid_guidance"], "2025-05-01") }));
    expectFinding(findings, "duty.forestry_building_fires", "unmet", "zezhou 三(六)");
    expectFinding(findings, "duty.grid_guidance", "met", "zezhou 三(七)");
    expect(dutyIds(evaluate(zezhou, org("town")))).toEqual([]);
  });

  it("songjiang 五(一)/五(二)/五(三): the committee's and office's duty lists at the town, the committee's at the village", () => {
    expect(dutyIds(evaluate(songjiang, org("town")))).toEqual(["duty.town_committee_duties", "duty.town_office_duties"]);
    expectFinding(evaluate(songjiang, org("village")), "duty.village_committee_duties", "unmet", "songjiang 五(三)");
    expectFinding(evaluate(songjiang, org("county")), "duty.professional_support", "unmet", "songjiang 六(二)3");
  });

  it("lianyungang 一: the grid's duty (网格力量全面排查) is judged at every grid", () => {
    expectFinding(evaluate(lianyungang, org("grid")), "duty.grid_screens_all", "unmet", "lianyungang 一");
    expectFinding(evaluate(lianyungang, with_(org("grid"), { records: dutyReports(["grid_screens_all"], "2025-06-01") })), "duty.grid_screens_all", "met", "lianyungang 一");
  });

  it("qidong 一(二)/二(六): the committee's duties at the town, the liaison guidance at the county", () => {
    expectFinding(evaluate(qidong, org("town")), "duty.committee_duties", "unmet", "qidong 一(二)");
    expectFinding(evaluate(qidong, org("county")), "duty.liaison_guidance", "unmet", "qidong 二(六)");
  });

  it("a duty's report period comes from the profile: a half-yearly report is due again in July", () => {
    const halfYearly = { ...yancheng, responsibilities: yancheng.responsibilities.map((r) => (r.id === "duty_lists" ? { ...r, report: { frequency: { every: 1, unit: "half_year" as const }, sourceRef: null, assumption: { zh: "半年" } } } : r)) };
    const data = with_(org("town"), { records: dutyReports(["duty_lists"], "2025-03-02") });
    expectFinding(evaluate(halfYearly, data, "2025-06-15"), "duty.duty_lists", "met", "yancheng (三)");
    expect(evaluate(halfYearly, data, "2025-07-15").find((f) => f.ruleId === "duty.duty_lists")?.evidence.zh).toContain("2025-07-01 起未报告履职，要求每半年至少 1 次");
    expectFinding(evaluate(halfYearly, org("town"), "2025-06-15"), "duty.duty_lists", "due_soon", "yancheng (三)");
  });
});
