import { describe, it, expect } from "vitest";
import { describeChange, diffProfiles, type PolicyProfile } from "@firegov/core/profile/index";
import { presets } from "@firegov/profiles";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";

describe("diffProfiles", () => {
  it.each(Object.values(presets).map((profile) => [profile.id, profile] as const))("finds nothing between %s and itself", (_id, profile) => {
    expect(diffProfiles(profile, structuredClone(profile))).toEqual([]);
  });

  it("matches list elements by id, so reordering is no change", () => {
    const reordered: PolicyProfile = structuredClone(songjiang);
    reordered.inspectionCategories.reverse();
    reordered.bodies.reverse();
    expect(diffProfiles(songjiang, reordered)).toEqual([]);
  });

  it("ignores the order of keys inside a value", () => {
    const after: PolicyProfile = structuredClone(songjiang);
    expect(after.hazards.escalations[1]!.when).toEqual([{ kind: "severity", severities: ["major"] }]);
    after.hazards.escalations[1]!.when = [{ severities: ["major"], kind: "severity" }];
    expect(diffProfiles(songjiang, after)).toEqual([]);
  });

  it("reports one changed value with its rule id and both citations", () => {
    const after: PolicyProfile = structuredClone(songjiang);
    after.inspectionCategories[1]!.coveragePeriod = { ...after.inspectionCategories[1]!.coveragePeriod!, unit: "month" };
    expect(diffProfiles(songjiang, after)).toEqual([
      {
        kind: "changed",
        path: "$.inspectionCategories[id=street].coveragePeriod.unit",
        ruleId: "street",
        ruleName: after.inspectionCategories[1]!.name,
        before: "quarter",
        after: "month",
        sourceRefBefore: "songjiang 六(一)2",
        sourceRefAfter: "songjiang 六(一)2",
      },
    ]);
  });

  describe("between qidong and songjiang", () => {
    const changes = diffProfiles(qidong, songjiang);
    const at = (path: string) => changes.find((change) => change.path === path);

    it("shows the renamed town level with the clause on each side", () => {
      expect(at("$.levels[id=town].name.zh")).toEqual({
        kind: "changed",
        path: "$.levels[id=town].name.zh",
        ruleId: "town",
        ruleName: qidong.levels.find((level) => level.id === "town")!.name,
        before: "镇（园区）",
        after: "街镇（经开区）",
        sourceRefBefore: "qidong 一(一)",
        sourceRefAfter: "songjiang 四(二)",
      });
    });

    it("shows the office renamed from 消委办 to 消防办", () => {
      expect(at("$.bodies[id=town_office].name.zh")).toMatchObject({
        before: "消委会办公室（消委办）",
        after: "消防安全管理办公室（消防办）",
        sourceRefBefore: "qidong 一(一)",
        sourceRefAfter: "songjiang 四(二)",
      });
    });

    it("shows rules only one side has, cited to their own clause", () => {
      expect(at("$.staffing.rules[id=office_contracted]")).toMatchObject({ kind: "removed", ruleId: "office_contracted", sourceRefBefore: "qidong 一(一)" });
      expect(at("$.hazards.listedSupervision[id=district]")).toMatchObject({ kind: "added", ruleId: "district", sourceRefAfter: "songjiang 六(二)2" });
      expect(at("$.inspectionCategories[id=street]")).toMatchObject({ kind: "added", sourceRefAfter: "songjiang 六(一)2" });
    });

    it("cites every change made inside a rule", () => {
      const insideRules = changes.filter((change) => change.path.includes("[id="));
      expect(insideRules.length).toBeGreaterThan(50);
      for (const change of insideRules) {
        expect(change.ruleId).toBeDefined();
        expect(change.sourceRefBefore !== undefined || change.sourceRefAfter !== undefined).toBe(true);
      }
    });
  });
});

describe("describeChange", () => {
  it("renders a change as one zh and one en line with the clauses", () => {
    const [change] = diffProfiles(qidong, songjiang).filter((found) => found.path === "$.levels[id=town].name.zh");
    expect(describeChange(change!)).toEqual({
      zh: "修改 $.levels[id=town].name.zh：\"镇（园区）\" → \"街镇（经开区）\"（依据：qidong 一(一) → songjiang 四(二)）",
      en: 'changed $.levels[id=town].name.zh: "镇（园区）" → "街镇（经开区）" (source: qidong 一(一) → songjiang 四(二))',
    });
  });

  it("treats a bare period as one value and names the rule it is in", () => {
    const after: PolicyProfile = structuredClone(songjiang);
    const obligation = after.obligations.find((o) => o.frequency)!;
    const before = obligation.frequency!;
    obligation.frequency = { every: before.every + 1, unit: before.unit };
    expect(diffProfiles(songjiang, after)).toEqual([
      expect.objectContaining({ kind: "changed", path: `$.obligations[id=${obligation.id}].frequency`, ruleName: obligation.name, before, after: obligation.frequency }),
    ]);
  });

  it("names an added rule by id and name, and a default as having no source", () => {
    const line = describeChange({
      kind: "added",
      path: "$.hazards.severities[id=major]",
      ruleId: "major",
      after: { id: "major", name: { zh: "重大火灾隐患", en: "Major hazard" } },
      sourceRefAfter: null,
    });
    expect(line).toEqual({
      zh: "新增 $.hazards.severities[id=major]：major（重大火灾隐患）（依据：默认值，无出处）",
      en: "added $.hazards.severities[id=major]: major (Major hazard) (source: default, no source)",
    });
  });
});
