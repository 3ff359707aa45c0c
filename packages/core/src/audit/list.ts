import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { filledPage } from "../db/cursor.ts";
import { toXlsx } from "../files/index.ts";
import { useCase } from "../use-case.ts";
import { auditActionLabel, auditTargetLabel } from "./labels.ts";

const Code = z.string().trim().min(1).max(80);

/** The time range, and the filters an officer narrows it with (person, object, action); filtered by DynamoDB, not the client. */
export const ListAuditInput = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  actorId: Code.optional().meta({ description: "Only entries by this user (id)" }),
  action: Code.optional().meta({ description: "Only this action (`venue.create`), or every action of a kind with a trailing dot (`user.`)" }),
  targetType: Code.optional().meta({ description: "Only entries about this kind of object (`venue`, `user`, ...)" }),
  targetId: Code.optional().meta({ description: "Only entries about this object (id)" }),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
type Filter = z.infer<typeof ListAuditInput>;

type Entry = { auditId: string; at: string; actorType: string; actorId: string; action: string; targetType: string; targetId: string; requestId: string; details?: Record<string, unknown> };

function page(input: Filter, cursor: string | null, limit: number) {
  const actor = useUser();
  const from = new Date(input.from).toISOString();
  // The sort key is `<at>#<id>`: everything at `to` sorts below `to` + "#\uffff".
  const to = `${new Date(input.to).toISOString()}#\uffff`;
  const query = tenantDb().service.entities.audit.query.byTime({ tenantId: actor.tenantId }).between({ at: from }, { at: to });
  const { actorId, action, targetType, targetId } = input;
  const filtered = [actorId, action, targetType, targetId].some((f) => f !== undefined);
  if (!filtered) return query.go({ cursor, limit, order: "desc" });
  return query
    .where((a, op) =>
      [
        actorId !== undefined ? op.eq(a.actorId, actorId) : "",
        action !== undefined ? (action.endsWith(".") ? op.begins(a.action, action) : op.eq(a.action, action)) : "",
        targetType !== undefined ? op.eq(a.targetType, targetType) : "",
        targetId !== undefined ? op.eq(a.targetId, targetId) : "",
      ]
        .filter(Boolean)
        .join(" AND "),
    )
    .go({ cursor, order: "desc", ...filledPage(limit) });
}

/** The tenant's audit entries between two instants, filtered, newest first, a page at a time. */
export const listAudit = useCase(
  ListAuditInput,
  async (input) => {
    authorize(useUser(), "audit.read");
    const found = await page(input, input.cursor ?? null, input.limit);
    return { items: found.data.map(({ tenantId: _t, ...entry }) => entry as Entry), cursor: found.cursor };
  },
  "query",
);

const EXPORT_MAX = 10_000;

/**
 * The same selection as an xlsx workbook with Chinese headers and labels
 * (the codes kept in their own columns); `names` gives people's and the
 * caller's extra action names (the loop's, which audit cannot import).
 */
export const exportAudit = useCase(
  ListAuditInput.omit({ cursor: true, limit: true }),
  async (input, extra: { actionNames?: Record<string, { zh: string; en: string }> } = {}) => {
    const actor = useUser();
    authorize(actor, "audit.read");
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const found: { data: Entry[]; cursor: string | null } = await page({ ...input, limit: 200 }, cursor, 200);
      entries.push(...found.data);
      cursor = found.cursor;
    } while (cursor && entries.length < EXPORT_MAX);
    const users = new Map<string, string>();
    for (const id of new Set(entries.filter((e) => e.actorType === "user").map((e) => e.actorId))) {
      const { data } = await tenantDb().service.entities.user.get({ tenantId: actor.tenantId, userId: id }).go();
      if (data) users.set(id, data.displayName);
    }
    const header = ["时间", "操作", "操作人", "对象类型", "对象", "详情", "操作代码", "操作人编号", "请求编号"];
    const rows = entries.map((e) => [
      e.at,
      auditActionLabel(e.action, "zh", extra.actionNames),
      e.actorType === "user" ? (users.get(e.actorId) ?? e.actorId) : e.actorType === "public" ? "公众（未登录）" : `系统（${e.actorId.replace(/^system:/, "")}）`,
      auditTargetLabel(e.targetType, "zh"),
      e.targetType === "user" ? (users.get(e.targetId) ?? e.targetId) : e.targetId,
      e.details ? JSON.stringify(e.details) : "",
      e.action,
      e.actorId,
      e.requestId,
    ]);
    const body = await toXlsx([{ name: "审计日志", rows: [header, ...rows], widths: [22, 18, 14, 12, 38, 40, 24, 38, 38] }]);
    return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `audit-${input.from.slice(0, 10)}-${input.to.slice(0, 10)}.xlsx` };
  },
  "query",
);
