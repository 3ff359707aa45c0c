import { describe, expect, it } from "vitest";
import { Resources } from "@firegov/core";
import { parseProfile } from "@firegov/core/profile/index";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { zezhou } from "@firegov/profiles/presets/zezhou";

const facts = (over: Partial<Resources.ResourceFacts> = {}): Resources.ResourceFacts => ({
  nodeId: "n1",
  level: "town",
  equipment: [{ equipmentId: "e1", kind: "extinguisher", count: 10, expiresOn: "2027-03-31", status: "active" }],
  certificates: [{ certificateId: "c1", personName: "张三", kind: "facility_operator", number: "X1", expiresOn: "2027-03-31" }],
  budgetYears: [],
  ...over,
});

const status = (profile: Parameters<typeof Resources.resourceFindings>[0], today: string, ruleId: string, f = facts()) =>
  Resources.resourceFindings(profile, f, today).find((x) => x.ruleId === ruleId)?.status;

describe("resource findings: the lead days are the profile's", () => {
  it("songjiang 八(二): equipment is due soon exactly the profile's N days ahead, not N+1, and unmet the day after expiry", () => {
    for (const leadDays of [30, 10]) {
      const profile = { ...songjiang, resources: { ...songjiang.resources!, equipment: { ...songjiang.resources!.equipment, leadDays } } };
      const ahead = (days: number) => new Date(Date.UTC(2027, 2, 31) - days * 86_400_000).toISOString().slice(0, 10);
      expect(status(profile, ahead(leadDays), "equipment.expiry"), `${leadDays} days ahead`).toBe("due_soon");
      expect(status(profile, ahead(leadDays + 1), "equipment.expiry"), `${leadDays + 1} days ahead`).toBe("met");
      expect(status(profile, "2027-04-01", "equipment.expiry")).toBe("unmet");
    }
    expect(Resources.resourceFindings(songjiang, facts(), "2027-03-01").find((f) => f.ruleId === "equipment.expiry")).toMatchObject({ sourceRef: "songjiang 八(二)", subjectId: "e1" });
  });

  it("certificates follow the qualifications section's lead days (a marked default where the document sets none)", () => {
    const profile = { ...songjiang, qualifications: { ...songjiang.qualifications!, certificates: { ...songjiang.qualifications!.certificates, leadDays: 7 } } };
    expect(status(profile, "2027-03-24", "qualification.expiry")).toBe("due_soon");
    expect(status(profile, "2027-03-23", "qualification.expiry")).toBe("met");
    const f = Resources.resourceFindings(songjiang, facts(), "2027-03-01").find((x) => x.ruleId === "qualification.expiry")!;
    expect(f.sourceRef).toBeNull();
    expect(f.text).toContain("默认");
  });

  it("retired equipment and certificates without expiry give no expiry finding", () => {
    const f = facts({ equipment: [{ equipmentId: "e1", kind: "extinguisher", count: 1, expiresOn: "2020-01-01", status: "retired" }], certificates: [{ certificateId: "c1", personName: "李四", kind: "facility_operator", number: "X" }] });
    expect(Resources.resourceFindings(songjiang, f, "2027-01-01").filter((x) => x.ruleId.endsWith("expiry"))).toEqual([]);
  });

  it("a profile without the sections gets the marked defaults", () => {
    const { resources: _r, qualifications: _q, ...bare } = songjiang;
    const found = Resources.resourceFindings(bare as typeof songjiang, facts(), "2027-03-01");
    expect(found.find((x) => x.ruleId === "equipment.expiry")).toMatchObject({ status: "due_soon", sourceRef: null });
    expect(found.some((x) => x.ruleId === "funding.budget")).toBe(false);
  });

  it("qidong 一(二), lianyungang 四(一), yancheng (十七), zezhou 四(一), songjiang 八(二): the funding rule cites its clause at the levels it names", () => {
    const cases = [
      [qidong, "town", "qidong 一(二)"],
      [lianyungang, "county", "lianyungang 四(一)"],
      [yancheng, "town", "yancheng (十七)"],
      [zezhou, "county", "zezhou 四(一)"],
      [songjiang, "town", "songjiang 八(二)"],
    ] as const;
    for (const [profile, level, clause] of cases) {
      const out = Resources.resourceFindings(profile, facts({ level, budgetYears: [2027] }), "2027-03-01").find((x) => x.ruleId === "funding.budget");
      expect(out, clause).toMatchObject({ status: "met", sourceRef: clause });
      expect(Resources.resourceFindings(profile, facts({ level }), "2027-03-01").find((x) => x.ruleId === "funding.budget")?.status).toBe("unmet");
    }
  });

  it("yancheng (十八), zezhou 四(二), songjiang 八(三): the qualifications sections cite their clauses", () => {
    expect(yancheng.qualifications!.certificateKinds.map((k) => k.name.zh)).toEqual(["注册安全工程师", "注册消防工程师", "应急救援员", "消防设施操作员"]);
    expect(yancheng.qualifications!.certificates.sourceRef).toBe("yancheng (十八)");
    expect(zezhou.qualifications!.training).toMatchObject({ passMark: 60, sourceRef: "zezhou 四(二)" });
    expect(songjiang.qualifications!.training).toMatchObject({ passMark: 60, sourceRef: "songjiang 八(三)" });
  });

  it("a minimum naming an equipment kind the profile lacks is a profile issue", () => {
    const broken = { ...yancheng, resources: { ...yancheng.resources!, minimums: [{ ...yancheng.resources!.minimums![0]!, kind: "teleporter" }] } };
    const result = parseProfile(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual([expect.stringMatching(/resources.*minimums.*0.*kind/)]);
  });
});
