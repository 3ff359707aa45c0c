import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { toXlsx, type Cell } from "../files/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { localTime } from "./issue.ts";
import { toDetailView, warningFile } from "./store.ts";

// A warning's answers as an xlsx workbook: the warning, its answer rate, and
// one row per node (state, first answer, late, who, measures, escalation).

export const STATE_NAMES = { pending: "待叫应", answered: "已叫应", escalated: "已升级" } as const;

export async function exportWarningAnswers(warningId: string): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const actor = useUser();
  const file = await warningFile(warningId);
  if (!file) throw new AppError("not_found", "warning.not_found");
  authorize(actor, "warning.read", { path: file.warning.issuerPath });
  const [view, timeZone] = [toDetailView(file.warning, file.targets), await tenantTimeZone()];
  const time = (at: string | undefined) => (at ? localTime(at, timeZone) : null);
  const rows: Cell[][] = [
    ["节点 Node", "状态 State", "叫应时间 Answered at", "逾期 Late", "叫应人 By", "措施 Measures", "照片数 Photos", "升级时间 Escalated at"],
    ...view.items.map((t) => [t.nodeName, STATE_NAMES[t.state], time(t.ackAt), t.late ? "是" : t.ackAt ? "否" : null, t.answeredByName ?? t.answeredBy ?? null, t.measures ?? null, t.photos.length, time(t.escalatedAt)]),
  ];
  const summary: Cell[][] = [
    ["项目 Item", "内容 Value"],
    ["标题 Title", view.title],
    ["级别 Level", view.levelName.zh],
    ["内容 Text", view.text],
    ["发布时间 Issued", time(view.issuedAt)],
    ["叫应时限 Deadline", time(view.deadline)],
    ["对象数 Targets", view.targets],
    ["已叫应 Answered", view.answered],
    ["叫应率 Answer rate (%)", view.answerRate],
    ["已升级 Escalated", view.escalated],
  ];
  const body = await toXlsx([
    { name: "叫应情况", rows, widths: [20, 10, 14, 8, 12, 40, 8, 14] },
    { name: "预警", rows: summary, widths: [22, 60] },
  ]);
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `warning-${warningId}.xlsx` };
}
