import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { PHOTO_TYPES, presignGet, presignPhotoPut, tenantFilePrefix, toXlsx, PhotoUploadInput } from "../files/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { DateOnly, Id, ShortText, sumYuan, Yuan } from "./fields.ts";

// 经费: a node's budget lines per year and the spending against each, with
// per-line totals and balance, and the ledger as xlsx.

const Year = z.int(bilingual("年度须为整数", "The year is a whole number")).min(2000, bilingual("年度须在 2000–2100 之间", "The year is 2000–2100")).max(2100, bilingual("年度须在 2000–2100 之间", "The year is 2000–2100"));

export const CreateBudgetLineInput = z
  .object({
    year: Year,
    item: ShortText.min(1, bilingual("请填写预算科目", "The budget item is required")).meta({ description: "预算科目, e.g. 微型消防站建设" }),
    amount: Yuan.meta({ description: "Yuan" }),
    source: ShortText.min(1, bilingual("请填写资金来源", "The source is required")).meta({ description: "资金来源: 财政预算, 上级补助 …" }),
    note: ShortText.optional(),
  })
  .meta({ id: "CreateBudgetLineInput" });

export const CreateSpendingInput = z
  .object({
    lineId: Id.meta({ description: "The budget line it is spent against" }),
    date: DateOnly,
    amount: Yuan.meta({ description: "Yuan" }),
    note: ShortText.optional(),
    attachments: z.array(z.string().min(1).max(300)).max(10).optional().meta({ description: "Keys from the attachment upload (receipts, contracts)" }),
  })
  .meta({ id: "CreateSpendingInput" });

export const BudgetLineSchema = z
  .object({ lineId: z.string(), nodeId: z.string(), year: z.int(), item: z.string(), amount: z.number(), source: z.string(), note: z.string().optional(), spent: z.number(), balance: z.number(), createdAt: z.string() })
  .meta({ id: "BudgetLine" });

export const SpendingSchema = z
  .object({ spendingId: z.string(), nodeId: z.string(), lineId: z.string(), date: z.string(), amount: z.number(), note: z.string().optional(), attachments: z.array(z.string()), createdAt: z.string() })
  .meta({ id: "Spending" });

export const LedgerSchema = z
  .object({
    nodeId: z.string(),
    year: z.int().nullable(),
    lines: z.array(BudgetLineSchema),
    spending: z.array(SpendingSchema),
    totals: z.object({ budget: z.number(), spent: z.number(), balance: z.number() }),
  })
  .meta({ id: "FundingLedger" });

export const LedgerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: "Only this year's lines and their spending" }) });

export type Ledger = z.infer<typeof LedgerSchema>;

const attachmentPrefix = (nodeId: string) => `${tenantFilePrefix()}resources/${nodeId}/`;

/** Refuses a key that is not this node's own funding upload (400 naming the field). */
function assertOwnAttachments(nodeId: string, keys: readonly string[] | undefined) {
  const prefix = attachmentPrefix(nodeId);
  keys?.forEach((key, i) => {
    if (!key.startsWith(prefix) || key.includes("..")) throw invalid(`body.attachments[${i}]`, "resources.attachment_foreign", "附件须为本节点上传的经费材料", "An attachment must be one uploaded for this node's funding");
  });
}

/** A presigned upload of a receipt or contract (photo or scan) for a spending entry. */
export const presignFundingAttachment = useCase(PhotoUploadInput, async (input, nodeId: string) => {
  const node = await nodeOrNotFound(nodeId);
  authorize(useUser(), "org.manage", node);
  return presignPhotoPut(attachmentPrefix(nodeId), `${randomUUID()}.${PHOTO_TYPES[input.contentType]}`, input);
});

/** A short-lived link to one of a node's spending attachments, for those who may read the node. */
export const fundingAttachmentUrl = useCase(
  z.object({ key: z.string().min(1).max(300) }),
  async (input, nodeId: string) => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    if (!input.key.startsWith(attachmentPrefix(nodeId)) || input.key.includes("..")) throw new AppError("not_found", "resources.attachment_not_found");
    return presignGet(input.key);
  },
  "query",
);

export const createBudgetLine = useCase(CreateBudgetLineInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const lineId = timeOrderedId();
  const stored = await writeTransaction<{ lineId: string }>(
    ({ budgetLine, audit }) => [
      budgetLine.create({ tenantId: actor.tenantId, nodeId, lineId, ...input, createdBy: actor.userId }).commit(),
      auditItem({ audit }, { action: "funding.line.create", targetType: "node", targetId: nodeId, details: { lineId, year: input.year, item: input.item, amount: input.amount } }),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { lineId } } : undefined,
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    },
  );
  return { lineId: stored?.lineId ?? lineId };
});

export const createSpending = useCase(CreateSpendingInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  assertOwnAttachments(nodeId, input.attachments);
  const { data: line } = await tenantDb().service.entities.budgetLine.get({ tenantId: actor.tenantId, nodeId, lineId: input.lineId }).go();
  if (!line) throw invalid("body.lineId", "resources.line_unknown", "该节点没有这一预算科目", "No such budget line at this node");
  if (Number(input.date.slice(0, 4)) !== line.year) throw invalid("body.date", "resources.date_outside_year", `支出日期须在预算年度 ${line.year} 年内`, `The date must fall in the budget year ${line.year}`);
  const spendingId = timeOrderedId();
  const stored = await writeTransaction<{ spendingId: string }>(
    ({ spending, budgetLine, audit }) => [
      // The line must still be there when the spending is written.
      budgetLine.check({ tenantId: actor.tenantId, nodeId, lineId: input.lineId }).where((a, op) => op.exists(a.lineId)).commit(),
      spending.create({ tenantId: actor.tenantId, nodeId, spendingId, ...input, attachments: input.attachments ?? [], createdBy: actor.userId }).commit(),
      auditItem({ audit }, { action: "funding.spending.create", targetType: "node", targetId: nodeId, details: { spendingId, lineId: input.lineId, amount: input.amount, date: input.date } }),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { spendingId } } : undefined,
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    },
  );
  return { spendingId: stored?.spendingId ?? spendingId };
});

/** A node's lines (of a year, or all) with what was spent on each and the balance; the spending newest first. */
export const fundingLedger = useCase(
  LedgerQuery,
  async (input, nodeId: string): Promise<Ledger> => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    const entities = tenantDb().service.entities;
    const key = { tenantId: node.tenantId, nodeId };
    const [lines, spent] = await Promise.all([entities.budgetLine.query.byNode(key).go({ pages: "all" }), entities.spending.query.byNode(key).go({ pages: "all", order: "desc" })]);
    const chosen = lines.data.filter((l) => input.year === undefined || l.year === input.year).sort((a, b) => a.year - b.year || a.lineId.localeCompare(b.lineId));
    const ids = new Set(chosen.map((l) => l.lineId));
    const spending = spent.data.filter((s) => ids.has(s.lineId)).map((s) => ({ spendingId: s.spendingId, nodeId, lineId: s.lineId, date: s.date, amount: s.amount, ...(s.note ? { note: s.note } : {}), attachments: s.attachments ?? [], createdAt: s.createdAt }));
    const rows = chosen.map((l) => {
      const spentOn = sumYuan(spending.filter((s) => s.lineId === l.lineId).map((s) => s.amount));
      return { lineId: l.lineId, nodeId, year: l.year, item: l.item, amount: l.amount, source: l.source, ...(l.note ? { note: l.note } : {}), spent: spentOn, balance: sumYuan([l.amount, -spentOn]), createdAt: l.createdAt };
    });
    const budget = sumYuan(rows.map((r) => r.amount));
    const total = sumYuan(rows.map((r) => r.spent));
    return { nodeId, year: input.year ?? null, lines: rows, spending, totals: { budget, spent: total, balance: sumYuan([budget, -total]) } };
  },
  "query",
);

/** The ledger as xlsx: 预算科目 (with spent and balance, and a total row) and 支出明细. */
export async function exportFundingLedger(query: unknown, nodeId: string) {
  const ledger = await fundingLedger(query, nodeId);
  const lineName = new Map(ledger.lines.map((l) => [l.lineId, `${l.year} ${l.item}`]));
  const body = await toXlsx([
    {
      name: "预算科目",
      rows: [
        ["年度", "预算科目", "资金来源", "预算（元）", "已支出（元）", "结余（元）", "备注"],
        ...ledger.lines.map((l) => [l.year, l.item, l.source, l.amount, l.spent, l.balance, l.note ?? null]),
        ["合计", null, null, ledger.totals.budget, ledger.totals.spent, ledger.totals.balance, null],
      ],
      widths: [8, 28, 16, 14, 14, 14, 30],
      bold: (row) => row === ledger.lines.length + 1,
    },
    {
      name: "支出明细",
      rows: [["日期", "预算科目", "金额（元）", "说明", "附件数"], ...ledger.spending.map((s) => [s.date, lineName.get(s.lineId) ?? s.lineId, s.amount, s.note ?? null, s.attachments.length])],
      widths: [12, 32, 14, 40, 8],
    },
  ]);
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `funding-${ledger.year ?? "all"}.xlsx` };
}
