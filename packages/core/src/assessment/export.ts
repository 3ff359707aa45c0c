import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { toXlsx, type Cell } from "../files/index.ts";
import { useCase } from "../use-case.ts";
import { currentSheet, DateOnly } from "./read.ts";
import type { Sheet } from "./snapshot.ts";

// A period's sheet as the assessors' workbook: one row per assessed node, one
// column per indicator (its weight in the header), the weighted total, the
// rank among siblings and whether it lags; a last row of each column's
// average; and a second sheet with every score's evidence or note. A closed
// period exports its snapshot.


const METHOD_NAMES: Record<string, string> = {
  compliance: "合规检查",
  hazard_closure_on_time: "隐患按期整改",
  inspection_coverage: "检查覆盖",
  hazard_overdue: "逾期隐患",
  hazard_listed: "挂牌督办隐患",
  campaign_progress: "专项整治进度",
  records: "工作记录",
  incidents: "火灾事故",
  manual: "考核单位评分",
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

/** The cards in the workbook's order: siblings together, best rank first (unranked last), then by name. */
function ordered(sheet: Sheet) {
  return [...sheet.cards].sort(
    (a, b) => parentOf(a.path).localeCompare(parentOf(b.path)) || (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, "zh-CN"),
  );
}

/** The main sheet's rows: the header, a row per node (scores, total, rank, lagging), and the averages. */
export function sheetRows(sheet: Sheet): Cell[][] {
  const header: Cell[] = ["单位", ...sheet.indicators.map((i) => `${i.name.zh}（${i.weight}）`), "总分", "排名", "同级数", "是否落后"];
  const cards = ordered(sheet);
  const rows: Cell[][] = cards.map((card) => [
    card.name,
    ...sheet.indicators.map((i) => card.indicators.find((x) => x.indicatorId === i.indicatorId)?.score ?? null),
    card.total,
    card.rank,
    card.ranked || null,
    card.lagging ? "是" : "否",
  ]);
  const mean = (values: (number | null)[]) => {
    const scored = values.filter((v): v is number => v !== null);
    return scored.length ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  };
  const averages: Cell[] = ["平均分", ...sheet.indicators.map((_, k) => mean(rows.map((r) => r[k + 1] as number | null))), mean(cards.map((c) => c.total)), null, null, null];
  return [header, ...rows, averages];
}

/** The evidence sheet: one row per node and indicator, with how it was scored and on what. */
export function evidenceRows(sheet: Sheet): Cell[][] {
  const rows: Cell[][] = [["单位", "指标", "得分", "计分方式", "依据", "评分说明", "评分人", "条款"]];
  for (const card of ordered(sheet)) {
    for (const i of card.indicators) {
      rows.push([card.name, i.name.zh, i.score, i.entered ? `${METHOD_NAMES[i.method] ?? i.method}（考核单位录入）` : (METHOD_NAMES[i.method] ?? i.method), i.evidence?.zh ?? "", i.entered?.note ?? "", i.entered?.enteredByName ?? i.entered?.enteredBy ?? "", i.sourceRef ?? ""]);
    }
  }
  return rows;
}

/** The workbook: 考核结果 (its averages row's label bold too) and 评分依据. */
export async function sheetXlsx(sheet: Sheet): Promise<Uint8Array> {
  const main = sheetRows(sheet);
  return toXlsx([
    { name: "考核结果", rows: main, widths: main[0]!.map((_, j) => (j === 0 ? 18 : 12)), bold: (i, j) => i === main.length - 1 && j === 0 },
    { name: "评分依据", rows: evidenceRows(sheet), widths: [18, 20, 8, 18, 40, 40, 12, 16] },
  ]);
}

export const ExportInput = z.object({
  period: DateOnly.optional().meta({ description: "Any day of the period (default today)" }),
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The assessed nodes under this node (default: the caller's scope)" }),
});

/** A scheme's period as the assessors' workbook (the snapshot of a closed period). */
export const exportScorecards = useCase(
  ExportInput,
  async (input, schemeId: string): Promise<{ filename: string; contentType: string; body: Uint8Array; rows: number; closed: boolean }> => {
    const actor = useUser();
    authorize(actor, "assessment.read");
    const path = input.nodeId ? (await nodeOrNotFound(input.nodeId, { allowRetired: true })).path : actor.scopePath;
    authorize(actor, "assessment.read", { path });
    const sheet = await currentSheet(schemeId, input.period, path);
    return {
      filename: `${schemeId}-${sheet.period.start}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await sheetXlsx(sheet),
      rows: sheet.cards.length,
      closed: sheet.closed !== undefined,
    };
  },
  "query",
);
