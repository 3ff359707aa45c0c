import { describe, it, expect } from "vitest";
import { NATIONAL_REF, SourceRef, normalizeClause, parseProfile, type PolicyProfile, type ProfileIssue } from "@firegov/core/profile/index";
import { qidong } from "@firegov/profiles/presets/qidong";
import { songjiang } from "@firegov/profiles/presets/songjiang";

// A rule cites its county's clause (`<profileId> <clause>`) or a national
// norm's: a law or a ministry's order by article, a standard by clause.

function issuesOf(input: unknown): [string, string][] {
  const result = parseProfile(input);
  if (result.ok) throw new Error("expected the profile to be rejected");
  return result.issues.map((found: ProfileIssue) => [found.path, found.code]);
}

describe("SourceRef: national norms", () => {
  it.each([
    "消防法 第二十八条",
    "消防法 第十六条(二)",
    "消防法 第十八条第二款",
    "公安部令第61号 第十六条",
    "公安部令第61号 第二十五条(四)",
    "应急管理部令第5号 第二十条",
    "住房和城乡建设部令第6号 第八条",
    "GB 25201-2010 5.2.1",
    "GB 35181-2017 5.1",
    "GB 35181-2017 7.1.3",
    "GB/T 40248-2021 6",
    "GA 703-2007 4.1",
    "GB 25201-2010",
    "消防法 第二十八条（四）",
  ])("accepts %s, and it is a national citation", (ref) => {
    expect(SourceRef.safeParse(ref).success).toBe(true);
    expect(NATIONAL_REF.test(ref)).toBe(true);
  });

  it.each([
    ["GB 35181 6.2", "a standard without its year"],
    ["GB 35181-2017 第六条", "a standard cited by article"],
    ["消防法第二十八条", "no space between the norm and the article"],
    ["消防法 第28条", "an article in arabic numerals"],
    ["消防法 二十八条", "an article without 第"],
    ["公安部令61号 第二条", "an order without 第"],
    ["Fire Law art. 28", "an English citation"],
  ])("rejects %s (%s), in zh and en", (ref) => {
    const parsed = SourceRef.safeParse(ref);
    expect(parsed.success).toBe(false);
    const message = parsed.error!.issues[0]!.message;
    expect(message).toContain("出处须为");
    expect(message).toContain("national norm");
    expect(NATIONAL_REF.test(ref)).toBe(false);
  });

  it("keeps the county form as it was: `<profileId> <clause>` with 一–十 numerals", () => {
    for (const ref of ["songjiang 六(一)2", "yancheng (十一)", "lianyungang 一"]) expect(SourceRef.safeParse(ref).success).toBe(true);
    for (const ref of ["songjiang 6.2.2", "Songjiang 六", "songjiang", "songjiang ", "songjiang 六 一", "songjiang 附件"]) expect(SourceRef.safeParse(ref).success).toBe(false);
    // A county clause is never mistaken for a national one.
    expect(NATIONAL_REF.test("songjiang 六(一)2")).toBe(false);
  });
});

describe("SourceRef: a document's own numbering (issue 14)", () => {
  it.each([
    ["demo 第十二条", "an article"],
    ["demo 第十二条第二款", "an article's paragraph"],
    ["demo 第3条第1款第2项", "article, paragraph and item in arabic numerals"],
    ["demo （3）", "a full-width bracketed sub-item"],
    ["demo (3)", "a half-width bracketed sub-item"],
    ["demo 一（二）", "the document's own full-width brackets"],
    ["demo 一(二)3（1）", "four levels deep"],
    ["demo 附件2", "an annex"],
    ["demo 附件2 三(一)", "a clause within an annex"],
    ["demo 全文", "the whole document, for one without clause numbers"],
  ])("accepts %s (%s)", (ref) => {
    expect(SourceRef.safeParse(ref).success).toBe(true);
    expect(NATIONAL_REF.test(ref)).toBe(false);
  });

  it("takes 一（二） and 一(二) as one clause", () => {
    expect(normalizeClause("一（二）3（1）")).toBe("一(二)3(1)");
  });
});

describe("parseProfile: national citations", () => {
  it("lets any profile cite a national norm (no foreign-document issue)", () => {
    const input: PolicyProfile = structuredClone(qidong);
    input.staffing.rules[0]!.sourceRef = "公安部令第61号 第三十六条";
    expect(parseProfile(input).ok).toBe(true);
  });

  it("still names a county clause of another profile as foreign", () => {
    const input: PolicyProfile = structuredClone(songjiang);
    input.inspectionCategories[0]!.checklist[0]!.sourceRef = "qidong 二(四)";
    expect(issuesOf(input)).toEqual([["$.inspectionCategories[0].checklist[0].sourceRef", "profile.source_ref_foreign"]]);
  });

  it("asks a cited coverage period for its text, and a default one for its assumption", () => {
    const cited: PolicyProfile = structuredClone(songjiang);
    delete cited.inspectionCategories[0]!.coveragePeriod!.text;
    expect(issuesOf(cited)).toEqual([["$.inspectionCategories[0].coveragePeriod.text", "profile.text_missing"]]);
    const assumed: PolicyProfile = structuredClone(songjiang);
    assumed.inspectionCategories[0]!.coveragePeriod = { every: 1, unit: "month", sourceRef: null };
    expect(issuesOf(assumed)).toEqual([["$.inspectionCategories[0].coveragePeriod.assumption", "profile.assumption_missing"]]);
  });
});
