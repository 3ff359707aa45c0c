import { describe, expect, it } from "vitest";
import type { ProfileChange } from "@firegov/core/contract";
import { describeProfileChange } from "../../../web/src/pages/profile/diff-labels.ts";

const text = { zh: "", en: "" };

const frequencyChange: ProfileChange = {
  kind: "changed",
  path: "$.inspectionCategories[id=nine_small].frequency",
  ruleId: "nine_small",
  ruleName: { zh: "九小场所", en: "Nine small venues" },
  before: { every: 1, unit: "month" },
  after: { every: 2, unit: "month" },
  text,
};

const added: ProfileChange = {
  kind: "added",
  path: "$.inspectionCategories[id=nine_small].checklist[id=exits]",
  ruleId: "exits",
  ruleName: { zh: "安全出口畅通", en: "Exits clear" },
  after: { id: "exits", name: { zh: "安全出口畅通", en: "Exits clear" } },
  text,
};

const removed: ProfileChange = {
  kind: "removed",
  path: "$.milestones[id=county_plan]",
  ruleId: "county_plan",
  ruleName: { zh: "编制县级消防规划", en: "County fire plan" },
  before: { id: "county_plan", name: { zh: "编制县级消防规划", en: "County fire plan" }, by: "2023-12-31" },
  text,
};

describe("a profile change in words", () => {
  it("says a changed value by the field and the rule's own name, before → after", () => {
    expect(describeProfileChange(frequencyChange, "zh-CN")).toEqual({ label: "检查频次（九小场所）", sentence: "检查频次（九小场所）：每月 → 每2个月" });
    expect(describeProfileChange(frequencyChange, "en")).toEqual({
      label: "Inspection frequency (Nine small venues)",
      sentence: "Inspection frequency (Nine small venues): monthly → every 2 months",
    });
  });

  it("drops the cited-value wrapper and says days as days", () => {
    const change: ProfileChange = {
      kind: "changed",
      path: "$.hazards.severities[id=general].rectificationDays.value",
      ruleId: "general",
      ruleName: { zh: "一般隐患", en: "General hazard" },
      before: 7,
      after: 15,
      text,
    };
    expect(describeProfileChange(change, "zh-CN").sentence).toBe("整改期限（一般隐患）：7 天 → 15 天");
    expect(describeProfileChange(change, "en").sentence).toBe("Rectification period (General hazard): 7 days → 15 days");
  });

  it("names an added rule by what its list holds", () => {
    expect(describeProfileChange(added, "zh-CN")).toEqual({ label: "检查项", sentence: "新增检查项：安全出口畅通（exits）" });
    expect(describeProfileChange(added, "en")).toEqual({ label: "Check item", sentence: "Added check item: Exits clear (exits)" });
  });

  it("names a removed rule the same way", () => {
    expect(describeProfileChange(removed, "zh-CN").sentence).toBe("删除时间节点：编制县级消防规划（county_plan）");
    expect(describeProfileChange(removed, "en").sentence).toBe("Removed milestone: County fire plan (county_plan)");
  });

  it("says which language of a name changed, and keeps an unknown key as itself", () => {
    const rename: ProfileChange = { kind: "changed", path: "$.levels[id=town].name.zh", ruleId: "town", ruleName: { zh: "镇街", en: "Town" }, before: "乡镇", after: "镇街", text };
    expect(describeProfileChange(rename, "zh-CN").sentence).toBe("名称（中文）（镇街）：乡镇 → 镇街");
    const field: ProfileChange = { kind: "added", path: "$.document.reviewedOn", after: "2026-01-01", text };
    expect(describeProfileChange(field, "en").sentence).toBe("Added reviewedOn: 2026-01-01");
  });
});
