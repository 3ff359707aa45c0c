import { describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { Assessment } from "@firegov/core";
import { songjiang } from "@firegov/profiles/presets/songjiang";

// The assessors' workbook read back: one row per town, one column per
// indicator with its weight, the weighted total, the rank, the lagging flag,
// a row of averages; and the evidence sheet with the assessor's notes.

const scheme = songjiang.assessment.schemes.find((s) => s.id === "town_annual")!;
const ids = scheme.indicators.map((i) => i.id);
const town = (nodeId: string, name: string): Assessment.AssessedNode => ({ nodeId, name, path: `/c/${nodeId}`, level: "town", parentId: "c" });
const entered = (nodeId: string, scores: number[]): Assessment.EnteredScore[] =>
  scores.map((score, k) => ({ nodeId, indicatorId: ids[k]!, score, note: `${nodeId} 第${k + 1}项依据`, enteredBy: "u1", enteredByName: "考核员", enteredAt: "2026-12-20T02:00:00.000Z" }));

function sheet(): Assessment.Sheet {
  const nodes = [town("a", "甲镇"), town("b", "乙镇"), town("d", "丁镇")];
  // 甲镇 and 乙镇 fully scored by the assessor; 丁镇 has four of eight (its total is over what is scored).
  const scores = [...entered("a", [90, 80, 70, 60, 100, 90, 80, 70]), ...entered("b", [60, 60, 60, 60, 60, 60, 60, 40]), ...entered("d", [100, 100, 100, 100])];
  const cards = Assessment.scorecards(songjiang, scheme, nodes, new Map(), scores);
  return {
    schemeId: scheme.id,
    name: scheme.name,
    period: { start: "2026-01-01", end: "2026-12-31" },
    evaluatedAt: "2026-12-31T15:59:59.999Z",
    profileVersion: 1,
    lagging: { bottom: 1, belowScore: 60, sourceRef: "songjiang 七(三)", text: "" },
    indicators: scheme.indicators.map((i) => ({ indicatorId: i.id, name: i.name, weight: i.weight })),
    cards: cards.map(({ parentId, ...c }) => ({ ...c, ...(parentId ? { parentId } : {}) })),
  };
}

describe("songjiang 七(一): the assessment period exported as the assessors' workbook", () => {
  it("songjiang 七(一)/七(三): one row per town, a column per indicator; totals, ranks and the averages row read back right", async () => {
    const bytes = await Assessment.sheetXlsx(sheet());
    const rows = (await readSheet(Buffer.from(bytes), "考核结果")) as (string | number | null)[][];
    const header = rows[0]!;
    expect(header[0]).toBe("单位");
    expect(header.slice(1, 9)).toEqual(scheme.indicators.map((i) => `${i.name.zh}（12.5）`));
    expect(header.slice(9)).toEqual(["总分", "排名", "同级数", "是否落后"]);
    const body = rows.slice(1, -1);
    // Best first: 丁镇 (100 over what is scored), 甲镇 (80), 乙镇 (57.5).
    expect(body.map((r) => [r[0], r[9], r[10], r[11], r[12]])).toEqual([
      ["丁镇", 100, 1, 3, "否"],
      ["甲镇", 80, 2, 3, "否"],
      ["乙镇", 57.5, 3, 3, "是"],
    ]);
    // Each row's total is the weighted mean of its scored cells, recomputed from the file.
    for (const r of body) {
      const cells = r.slice(1, 9).map((v) => (v === null || v === undefined ? null : Number(v)));
      const scored = cells.filter((v): v is number => v !== null);
      expect(Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10).toBe(r[9]);
    }
    expect(body[0]!.slice(5, 9).every((v) => v === null || v === undefined)).toBe(true);
    // The last row: each column's average over the towns scored in it.
    const averages = rows.at(-1)!;
    expect(averages[0]).toBe("平均分");
    expect(averages[1]).toBe(83.3); // (100 + 90 + 60) / 3
    expect(averages[8]).toBe(55); // (70 + 40) / 2
    expect(averages[9]).toBe(79.2); // (100 + 80 + 57.5) / 3
  });

  it("the evidence sheet lists every score with the assessor's note", async () => {
    const rows = (await readSheet(Buffer.from(await Assessment.sheetXlsx(sheet())), "评分依据")) as (string | number | null)[][];
    expect(rows[0]).toEqual(["单位", "指标", "得分", "计分方式", "依据", "评分说明", "评分人", "条款"]);
    expect(rows.find((r) => r[0] === "甲镇" && r[1] === "消防工作计划实施")).toEqual(["甲镇", "消防工作计划实施", 80, "检查覆盖（考核单位录入）", "无检查覆盖统计", "a 第2项依据", "考核员", "songjiang 七(一)"]);
    expect(rows.length).toBe(1 + 3 * 8);
  });
});
