import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { quoteIssues, splitClauses, uncitedClauses, unknownClauseIssues, quoteAppears, normaliseText, type PolicyProfile } from "@firegov/core/profile/index";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";

// The profile's quotes against its attached document, and the clauses no rule cites.

const seed = (id: string) => readFileSync(new URL(`../../../data/seeds/${id}.txt`, import.meta.url), "utf8");
const copy = (profile: PolicyProfile) => structuredClone(profile) as PolicyProfile;

describe("quoteIssues", () => {
  it("finds nothing when every quote is in the document", () => {
    expect(quoteIssues(qidong, seed("qidong"))).toEqual([]);
    expect(quoteIssues(songjiang, seed("songjiang"))).toEqual([]);
  });

  it("names the JSON path of a quote absent from the document, in zh and en", () => {
    const profile = copy(qidong);
    const level = profile.levels[1]!;
    level.text = "镇（园区）每月召开一次消防工作例会";
    const issues = quoteIssues(profile, seed("qidong"));
    expect(issues).toEqual([
      {
        path: "$.levels[1].text",
        code: "profile.quote_not_in_document",
        message: { zh: expect.stringContaining("引文不在所附文件中（一(一)）"), en: expect.stringContaining("the quote is not in the attached document (一(一))") },
      },
    ]);
  });

  it("checks only the profile's own citations, not national norms'", () => {
    const profile = copy(qidong);
    profile.levels[1]!.sourceRef = "消防法 第十六条";
    profile.levels[1]!.text = "机关、团体、企业、事业等单位应当履行下列消防安全职责";
    expect(quoteIssues(profile, seed("qidong"))).toEqual([]);
  });

  it("a quote with ellipses needs its parts in order", () => {
    const document = normaliseText("甲乙丙。丁戊己。庚辛壬。");
    expect(quoteAppears("甲乙……庚辛", document)).toBe(true);
    expect(quoteAppears("庚辛……甲乙", document)).toBe(false);
    expect(quoteAppears("甲乙…丁戊...壬", document)).toBe(true);
  });

  it("compares across line breaks, widths and quotation marks", () => {
    const document = normaliseText("配备至少 2\n\n名政府购买服务人员，设“消委办”(办公室)");
    expect(quoteAppears("配备至少2名政府购买服务人员,设\"消委办\"（办公室）", document)).toBe(true);
    expect(quoteAppears("配备至少3名政府购买服务人员", document)).toBe(false);
  });
});

describe("unknownClauseIssues", () => {
  it("flags a citation of a clause the document does not have, accepting either bracket width", () => {
    const profile = copy(qidong);
    profile.levels[1]!.sourceRef = "qidong 五(一)";
    profile.levels[2]!.sourceRef = "qidong 四（十二）";
    const issues = unknownClauseIssues(profile, splitClauses(seed("qidong")));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([["$.levels[1].sourceRef", "profile.clause_not_in_document"]]);
    expect(issues[0]?.message.en).toContain('no clause "五(一)"');
  });
});

describe("uncitedClauses", () => {
  it("lists the clauses no rule cites, a cited clause covering what it holds and what holds it", () => {
    const uncited = uncitedClauses(songjiang, splitClauses(seed("songjiang"))).map((clause) => clause.id);
    expect(uncited).toContain("八(四)");
    expect(uncited).toContain("九(一)");
    // 五(一)3 is cited, so its section 五 is not uncited; 五(一) is cited, so 五(一)8 is covered.
    expect(uncited).not.toContain("五");
    expect(uncited).not.toContain("五(一)8");
    expect(uncited).not.toContain("六(一)2");
  });

  it("a rule citing a clause takes it off the list", () => {
    const profile = copy(qidong);
    const clauses = splitClauses(seed("qidong"));
    expect(uncitedClauses(profile, clauses).map((clause) => clause.id)).toContain("四(十)");
    profile.levels[1]!.sourceRef = "qidong 四(十)";
    expect(uncitedClauses(profile, clauses).map((clause) => clause.id)).not.toContain("四(十)");
  });

  it("a whole-document citation covers every clause", () => {
    const profile = copy(qidong);
    profile.levels[1]!.sourceRef = "qidong 全文";
    expect(uncitedClauses(profile, splitClauses(seed("qidong")))).toEqual([]);
  });
});
