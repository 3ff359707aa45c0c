import { describe, expect, it } from "vitest";
import { Warnings } from "@firegov/core";
import { parseProfile, ruleCoverage } from "@firegov/core/profile/index";
import { getPreset, presetIds } from "@firegov/profiles";

describe("warnings rules (预警叫应)", () => {
  it("songjiang 五(二)3 and yancheng (三): the presets cite the clause, quoting it exactly, for who issues warnings", () => {
    for (const [id, ref, words] of [["songjiang", "songjiang 五(二)3", "及时发布火灾预警信息"], ["yancheng", "yancheng (三)", "预警叫应"]] as const) {
      const profile = getPreset(id)!;
      const issuers = profile.warnings!.issuers;
      expect(issuers.sourceRef).toBe(ref);
      expect(issuers.levels).toContain("town");
      expect(issuers.text).toContain(words);
      expect(parseProfile(profile).ok).toBe(true);
    }
  });

  it("a profile without the section takes the marked defaults: every default rule has no clause and states its assumption", () => {
    const profile = getPreset("qidong")!;
    expect(profile.warnings).toBeUndefined();
    const rules = Warnings.warningRules(profile);
    expect(rules).toBe(Warnings.DEFAULT_WARNINGS);
    for (const r of [rules.issuers, rules.escalation, ...rules.levels]) {
      expect(r.sourceRef).toBeNull();
      expect(r.assumption?.zh.length).toBeGreaterThan(0);
    }
    expect(rules.levels.map((l) => l.id)).toEqual(["blue", "yellow", "orange", "red"]);
  });

  it("every warnings rule of every preset is applied by code in the coverage report", () => {
    for (const id of presetIds) {
      const rows = ruleCoverage(getPreset(id)!).filter((r) => r.section.startsWith("warnings"));
      for (const row of rows) expect(row.code, `${id} ${row.path}`).toBeDefined();
      if (id === "songjiang" || id === "yancheng") expect(rows.map((r) => r.section)).toEqual(expect.arrayContaining(["warnings.issuers", "warnings.levels", "warnings.escalation"]));
    }
  });

  it("the deadline is the level's answer window from the issue time, or the hours given", () => {
    const at = new Date("2026-12-07T02:00:00Z");
    expect(Warnings.deadlineOf(at, { answerHours: 2 }).toISOString()).toBe("2026-12-07T04:00:00.000Z");
    expect(Warnings.deadlineOf(at, { answerHours: 2 }, 5).toISOString()).toBe("2026-12-07T07:00:00.000Z");
  });

  it("answer rate in whole percent; late only after the deadline; only pending targets escalate, and only once the deadline is reached", () => {
    expect(Warnings.answerRate(2, 5)).toBe(40);
    expect(Warnings.answerRate(0, 0)).toBe(0);
    expect(Warnings.answerRate(1, 3)).toBe(33);
    const deadline = "2026-12-07T04:00:00.000Z";
    expect(Warnings.isLate(deadline, new Date(deadline))).toBe(false);
    expect(Warnings.isLate(deadline, new Date("2026-12-07T04:00:01Z"))).toBe(true);
    const targets = [{ id: 1, state: "pending" as const }, { id: 2, state: "answered" as const }, { id: 3, state: "escalated" as const }];
    expect(Warnings.dueToEscalate(deadline, targets, new Date("2026-12-07T03:59:59Z"))).toEqual([]);
    expect(Warnings.dueToEscalate(deadline, targets, new Date(deadline)).map((t) => t.id)).toEqual([1]);
  });

  it("refuses targets that name neither nodes nor a level, or both, naming the field", () => {
    const parse = (targets: unknown) => Warnings.IssueWarningInput.safeParse({ title: "t", text: "x", level: "red", targets });
    expect(parse({}).error?.issues[0]?.path).toEqual(["targets", "nodeIds"]);
    expect(parse({ nodeIds: ["a"], level: "village" }).error?.issues[0]?.path).toEqual(["targets", "level"]);
    expect(parse({ unit: "镇" }).success).toBe(false);
    expect(parse({ level: "village" }).success).toBe(true);
  });
});
