import { readFileSync } from "node:fs";
import { parseProfile } from "@firegov/core/profile/index";
import { describe, expect, it } from "vitest";

// The sixth county is data only: a published district document kept as found
// (test/data/counties/<id>/document.txt) and the profile encoding it. Nothing
// in code names it; this test holds that the profile is valid and that every
// rule quotes the clause it cites, word for word, in the document's numbering.

const dir = new URL("../../data/counties/yuzhong/", import.meta.url);
const profileJson: unknown = JSON.parse(readFileSync(new URL("profile.json", dir), "utf8"));
const document = readFileSync(new URL("document.txt", dir), "utf8");

type Cited = { path: string; sourceRef: string; text: string | undefined };

/** Every object in the profile that cites a clause, with where it sits. */
function citations(value: unknown, path = "$"): Cited[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.sourceRef === "string" ? [{ path, sourceRef: record.sourceRef, text: record.text as string | undefined }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, v]) => citations(v, `${path}.${key}`))];
}

/**
 * The text of a clause `一(二)` of this document: from the line opening item
 * (二) within section 一、 to the next item or section. The document numbers
 * sections 一、 and items (一) at the start of a line.
 */
function clauseText(clause: string): string {
  const match = /^([一二三四五六七八九十]+)(?:\(([一二三四五六七八九十]+)\))?$/.exec(clause);
  if (!match) throw new Error(`not this document's numbering: ${clause}`);
  const [, section, item] = match;
  const lines = document.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${section}、`));
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && /^[一二三四五六七八九十]+、/.test(l));
  const sectionLines = lines.slice(start, end < 0 ? undefined : end);
  if (item === undefined) return sectionLines.join("\n");
  const from = sectionLines.findIndex((l) => l.startsWith(`(${item})`));
  if (from < 0) return "";
  const to = sectionLines.findIndex((l, i) => i > from && /^\([一二三四五六七八九十]+\)/.test(l));
  return sectionLines.slice(from, to < 0 ? undefined : to).join("\n");
}

describe("the sixth county's profile (a district document, encoded as data)", () => {
  it("validates against the profile schema and its semantic checks", () => {
    const result = parseProfile(profileJson);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  const cited = citations(profileJson);

  it("cites its own document's clauses, numbered as the document numbers them", () => {
    expect(cited.length).toBeGreaterThanOrEqual(30);
    for (const c of cited) {
      const [profileId, clause] = c.sourceRef.split(" ");
      expect(profileId, c.path).toBe("yuzhong");
      expect(clauseText(clause!), `${c.path}: ${c.sourceRef} is not a clause of the document`).not.toBe("");
    }
    expect(new Set(cited.map((c) => c.sourceRef))).toEqual(new Set(["yuzhong 一(一)", "yuzhong 一(二)"]));
  });

  it("quotes each cited clause word for word, from within that clause", () => {
    for (const c of cited) {
      expect(c.text, `${c.path} has no quote`).toBeTypeOf("string");
      const [, clause] = c.sourceRef.split(" ");
      expect(clauseText(clause!), `${c.path}: “${c.text}” is not in ${c.sourceRef}`).toContain(c.text);
    }
  });

  it("a quote that is not in its clause would be caught: 一(二)'s text is not in 一(一)", () => {
    expect(clauseText("一(一)")).not.toContain("每个居民小组、居民小区明确1名消防管理员");
    expect(clauseText("一(二)")).toContain("每个居民小组、居民小区明确1名消防管理员");
  });

  it("keeps its source beside the document", () => {
    const source = readFileSync(new URL("SOURCE.md", dir), "utf8");
    expect(source).toContain("http://www.cqyz.gov.cn/zwgk_229/zcwj/qtwj/202303/t20230330_11831361.html");
    expect(document).toContain("重庆市渝中区进一步加强基层消防治理的实施意见");
  });
});
