import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { splitClauses, ownCitations, normaliseText, quoteAppears, WHOLE_DOCUMENT, type Clause } from "@firegov/core/profile/index";
import { qidong } from "@firegov/profiles/presets/qidong";
import { lianyungang } from "@firegov/profiles/presets/lianyungang";
import { yancheng } from "@firegov/profiles/presets/yancheng";
import { zezhou } from "@firegov/profiles/presets/zezhou";
import { songjiang } from "@firegov/profiles/presets/songjiang";

// A county's document split by its own numbering: the clause ids are those
// its preset cites after the profile id. The seeds are the five documents'
// own text (test/data/seeds, copied from the documents the presets encode).

const seed = (id: string) => readFileSync(new URL(`../../../data/seeds/${id}.txt`, import.meta.url), "utf8");
const names = (clauses: Clause[]) => new Set(clauses.flatMap((clause) => [clause.id, ...clause.aliases]));
const presets = { qidong, lianyungang, yancheng, zezhou, songjiang };

describe("splitClauses on the five seeds", () => {
  it.each(Object.entries(presets))("%s: every clause the preset cites is a split clause", (id, preset) => {
    const clauses = splitClauses(seed(id));
    const cited = [...new Set(ownCitations(preset).map((citation) => citation.clause))];
    expect(cited.length).toBeGreaterThan(5);
    const known = names(clauses);
    expect(cited.filter((clause) => !known.has(clause))).toEqual([]);
  });

  it.each(Object.entries(presets))("%s: every quote of the preset is in its document", (id, preset) => {
    const document = normaliseText(seed(id));
    const missing = ownCitations(preset).filter((citation) => citation.text !== undefined && !quoteAppears(citation.text, document));
    expect(missing.map((citation) => `${citation.clause}: ${citation.text}`)).toEqual([]);
  });

  it("songjiang: ≥ 30 clauses, nested as the document nests them, offsets into the text", () => {
    const text = seed("songjiang");
    const clauses = splitClauses(text);
    expect(clauses.length).toBeGreaterThanOrEqual(30);
    expect(clauses).toHaveLength(59);
    const ids = clauses.map((clause) => clause.id);
    expect(ids.slice(0, 4)).toEqual(["一", "二", "三", "三(一)"]);
    expect(ids).toContain("五(一)10");
    expect(ids).toContain("六(一)3");
    expect(ids).toContain("九(三)");
    for (const clause of clauses) expect(text.slice(clause.start, clause.end)).toBe(clause.text);
    const sub = clauses.find((clause) => clause.id === "六(一)2");
    expect(sub?.parent).toBe("六(一)");
    expect(sub?.depth).toBe(2);
    expect(sub?.text.startsWith("2．第二类")).toBe(true);
    // A clause holds its sub-clauses and stops where its next sibling starts.
    const item = clauses.find((clause) => clause.id === "六(一)");
    expect(item?.text).toContain("3．第三类");
    expect(item?.text).not.toContain("（二）火灾隐患闭环协作处置");
    // Through-numbered items in songjiang restart under each section: no short forms.
    expect(clauses.flatMap((clause) => clause.aliases)).toEqual([]);
  });

  it("qidong: sections and their items, exactly", () => {
    expect(splitClauses(seed("qidong")).map((clause) => clause.id).join(" ")).toBe(
      "一 一(一) 一(二) 二 二(三) 二(四) 二(五) 二(六) 三 三(七) 三(八) 三(九) 四 四(十) 四(十一) 四(十二)",
    );
  });

  it("yancheng: items numbered through the document are also named without their section", () => {
    const clauses = splitClauses(seed("yancheng"));
    const item = clauses.find((clause) => clause.id === "三(七)");
    expect(item?.aliases).toEqual(["(七)"]);
    expect(clauses.filter((clause) => clause.parent === null).map((clause) => clause.id)).toEqual(["一", "二", "三", "四", "五", "六"]);
  });

  it("zezhou: markdown headings and half-width brackets (六) split alike", () => {
    const ids = splitClauses(seed("zezhou")).map((clause) => clause.id);
    expect(ids).toEqual(expect.arrayContaining(["一", "三", "三(一)", "三(六)", "三(八)", "四(三)"]));
  });
});

describe("splitClauses: numbering styles", () => {
  it("articles, their paragraphs and items: 第N条 / 第N款 / （1）", () => {
    const text = ["总则", "第一条 为了预防火灾，制定本办法。", "第二条 乡镇应当：", "（1）建立消防工作站；", "（2）配备专职人员。", "第三条 村（社区）应当明确消防管理人。", "第一款 管理人由村委会主任担任。", "第二款 网格员协助。"].join("\n");
    const clauses = splitClauses(text);
    expect(clauses.map((clause) => [clause.id, clause.parent])).toEqual([
      ["第一条", null],
      ["第二条", null],
      ["第二条(1)", "第二条"],
      ["第二条(2)", "第二条"],
      ["第三条", null],
      ["第三条第一款", "第三条"],
      ["第三条第二款", "第三条"],
    ]);
    expect(clauses[1]?.text).toBe("第二条 乡镇应当：\n（1）建立消防工作站；\n（2）配备专职人员。");
  });

  it("附件N starts afresh and holds its own numbering", () => {
    const text = "一、总体要求\n（一）压实责任。\n附件1\n消防工作站建设标准\n一、场所\n1．有办公室。\n附件2\n网格员职责";
    const ids = splitClauses(text).map((clause) => clause.id);
    expect(ids).toEqual(["一", "一(一)", "附件1", "附件1一", "附件1一1", "附件2"]);
  });

  it("full-width and half-width brackets and digits give the same ids", () => {
    const full = splitClauses("一、组织\n（一）领导。\n１．主任。\n（１）副主任。");
    const half = splitClauses("一、组织\n(一)领导。\n1.主任。\n(1)副主任。");
    expect(full.map((clause) => clause.id)).toEqual(["一", "一(一)", "一(一)1", "一(一)1(1)"]);
    expect(half.map((clause) => clause.id)).toEqual(full.map((clause) => clause.id));
  });

  it("a line merely starting with a number already used is text, not a clause", () => {
    const clauses = splitClauses("一、要求\n1．第一项。\n2．第二项，\n1．5 米以上的通道保持畅通。");
    expect(clauses.map((clause) => clause.id)).toEqual(["一", "一1", "一2"]);
  });

  it("a document without numbering is one clause, 全文", () => {
    const text = "  各乡镇要建立消防工作站，配备工作人员。\n\n";
    expect(splitClauses(text)).toEqual([{ id: WHOLE_DOCUMENT, aliases: [], parent: null, depth: 0, text: "  各乡镇要建立消防工作站，配备工作人员。", start: 0, end: 21 }]);
  });
});
