import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError, formatMessage } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { actOnHazard } from "./act.ts";
import type { ActionRequest } from "./inputs.ts";
import { STALE } from "./store.ts";

// Many hazards at once from the officers' board: register, dispatch or
// assign. Each item is its own action, in its own transaction conditioned on
// the version the officer saw; one item's failure never touches another. The
// answer sorts them: succeeded, stale (someone changed it since), refused
// (not allowed, with the reason).

import { MAX_BULK } from "./bulk-limits.ts";
export { MAX_BULK };
/** Items in flight at once: enough to be quick, few enough that the counters of a shared node seldom collide. */
const CONCURRENCY = 3;

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, bilingual("只能包含字母、数字、下划线或连字符", "Letters, digits, underscores or hyphens only"));
const LocalDate = z.iso.date(bilingual("日期格式为 YYYY-MM-DD", "A date as YYYY-MM-DD"));

export const BulkActionInput = z
  .object({
    action: z.enum(["register", "dispatch", "assign"], bilingual("批量操作为 register（立案）、dispatch（派遣）或 assign（指派）", "A bulk action is register, dispatch or assign")),
    items: z
      .array(z.object({ id: Id, expectedVersion: z.int().min(1).meta({ description: "The version shown on the board" }) }))
      .min(1, bilingual("请至少选择一条隐患", "Select at least one hazard"))
      .max(MAX_BULK, bilingual(`一次最多处理 ${MAX_BULK} 条`, `At most ${MAX_BULK} hazards at once`)),
    fields: z
      .object({
        severity: z.string().min(1).max(64).optional(),
        code: z.string().min(1).max(64).optional(),
        codeText: z.string().trim().min(1).max(100).optional(),
        nodeId: Id.optional(),
        assigneeId: Id.optional(),
        deadline: LocalDate.optional(),
        responsibleParty: z.object({ name: z.string().trim().min(1).max(100), contact: z.string().trim().min(1).max(50).optional() }).optional(),
        note: z.string().trim().min(1).max(1000).optional(),
      })
      .strict()
      .default({}),
  })
  .superRefine((v, ctx) => {
    if (v.action === "assign" && !v.fields.assigneeId) ctx.addIssue({ code: "custom", path: ["fields", "assigneeId"], message: bilingual("指派须选择承办人", "Assigning needs an assignee") });
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: bilingual("同一隐患重复选择", "The same hazard is selected twice") });
      seen.add(item.id);
    });
  })
  .meta({ id: "HazardBulkInput" });

type Bulk = z.output<typeof BulkActionInput>;

const Text = z.object({ zh: z.string(), en: z.string() });
export const BulkResultSchema = z
  .object({
    succeeded: z.array(z.object({ id: z.string(), version: z.int(), state: z.string() })),
    stale: z.array(z.object({ id: z.string(), version: z.int().optional(), state: z.string().optional() })),
    refused: z.array(z.object({ id: z.string(), code: z.string(), reason: Text })),
  })
  .meta({ id: "HazardBulkResult" });
export type BulkResult = z.infer<typeof BulkResultSchema>;

/** The one-hazard action a bulk item stands for: 指派 is a dispatch to a named person. */
function actionOf(bulk: Bulk, expectedVersion: number): ActionRequest {
  const f = bulk.fields;
  if (bulk.action === "register") {
    return { action: "register", expectedVersion, severity: f.severity, code: f.code, codeText: f.codeText, nodeId: f.nodeId, responsibleParty: f.responsibleParty, note: f.note } as ActionRequest;
  }
  return { action: "dispatch", expectedVersion, assigneeId: f.assigneeId, deadline: f.deadline, responsibleParty: f.responsibleParty, note: f.note } as ActionRequest;
}

/** Why an item was refused, in both languages: the field's own message when one field is at fault. */
function reasonOf(err: AppError) {
  const field = err.fields[0];
  if (err.kind === "validation" && field) return field.message;
  return { zh: formatMessage(err.code, "zh", err.params), en: formatMessage(err.code, "en", err.params) };
}

async function one(bulk: Bulk, item: { id: string; expectedVersion: number }, key: string | undefined, now: Date, out: BulkResult) {
  try {
    const view = await actOnHazard(actionOf(bulk, item.expectedVersion), item.id, { ...(key ? { idempotencyKey: `${key}#${item.id}` } : {}), now });
    out.succeeded.push({ id: item.id, version: view.version, state: view.state });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === STALE) {
      const version = Number(err.params.version);
      out.stale.push({ id: item.id, ...(Number.isFinite(version) ? { version } : {}), ...(typeof err.params.state === "string" ? { state: err.params.state } : {}) });
    } else {
      out.refused.push({ id: item.id, code: err.fields[0]?.code ?? err.code, reason: reasonOf(err) });
    }
  }
}

/**
 * Applies one action to many hazards, each in its own transaction with its
 * expected version. With an Idempotency-Key each item carries `<key>#<id>`
 * (a retry replays what committed) and the whole summary is kept under the
 * key, so a retry answers the same summary and writes nothing more.
 */
export const bulkAct = useCase(BulkActionInput, async (input, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<BulkResult> => {
  const actor = useUser();
  authorize(actor, "hazard.act");
  const key = opts.idempotencyKey === undefined ? undefined : `bulk:${opts.idempotencyKey}`;
  if (key) {
    const stored = await storedResult<BulkResult>(key, input);
    if (stored) return stored;
  }
  const now = opts.now ?? new Date();
  const out: BulkResult = { succeeded: [], stale: [], refused: [] };
  const queue = [...input.items];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await one(input, item, key, now, out);
    }),
  );
  // The board lists them in the order it sent them.
  const order = new Map(input.items.map((item, i) => [item.id, i]));
  const byOrder = (a: { id: string }, b: { id: string }) => order.get(a.id)! - order.get(b.id)!;
  const summary: BulkResult = { succeeded: out.succeeded.sort(byOrder), stale: out.stale.sort(byOrder), refused: out.refused.sort(byOrder) };
  if (key) {
    // Kept after the items: a retry before this lands still replays each item from its own record.
    const kept = await writeTransaction<BulkResult>(() => [], { idempotency: { key, request: input, result: summary }, onCanceled: () => new AppError("conflict", "request.conflict_retry") }).catch(() => undefined);
    if (kept) return kept;
  }
  return summary;
});
