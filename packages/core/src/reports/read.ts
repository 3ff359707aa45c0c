import { authorize, inSubtree } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError, fieldError } from "../errors/index.ts";
import { ACK_DAYS, STATE_NAMES, endOfLocalDate, hazardsCreatedUnder, localDate, startOfLocalDay, type Hazard } from "../hazards/index.ts";
import { inspectionsFinishedUnder } from "../inspections/index.ts";
import { nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { acknowledgeHours, profileAt, type PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { PeriodInput, ResponseTimesInput, type PeriodRequest } from "./inputs.ts";
import { responseTally, type ResponseRow } from "./response-times.ts";
import { toXlsx, type Cell } from "../files/index.ts";

// The reports of a subtree over a period: response times per handling body
// and per child node, and the ledgers of hazards and inspections. Read with
// the hazard board's authorisation (hazard.read within the caller's subtree).

export const MAX_LEDGER_ROWS = 50_000;

interface Scope {
  node: NodeItem;
  profile: PolicyProfile;
  timeZone: string;
  /** The period as instants (ISO): the first and last millisecond of its local dates. */
  from: string;
  to: string;
  names: NodeNames;
}

/** The node asked (default the caller's scope), checked within the caller's subtree, with the period in the tenant's time zone. */
async function scopeOf(input: PeriodRequest): Promise<Scope> {
  const actor = useUser();
  authorize(actor, "hazard.read");
  const path = input.path ?? actor.scopePath;
  if (!inSubtree(actor.scopePath, path)) {
    throw new AppError("forbidden", "auth.forbidden", { action: "hazard.read" }, [fieldError("query.path", "report.path_outside_scope", "该节点不在您的管辖范围内", "This node is outside your scope")]);
  }
  const node = await nodeOrNotFound(path.split("/").at(-1)!, { allowRetired: true });
  if (node.path !== path) throw new AppError("not_found", "node.not_found", {}, [fieldError("query.path", "report.path_unknown", "找不到该节点路径", "No node at this path")]);
  const [{ profile }, timeZone, names] = await Promise.all([profileAt(), tenantTimeZone(), nodeNames(node)]);
  return { node, profile, timeZone, from: startOfLocalDay(input.from, timeZone).toISOString(), to: endOfLocalDate(input.to, timeZone).toISOString(), names };
}

interface NodeNames {
  /** A node's name path below the report's node (`甲镇/甲村`); the node itself: its own name. */
  of(path: string): string;
  /** The node's children by name (zh collation; ids are random, so path order is no order a reader knows): id, name, path. */
  children: { nodeId: string; name: string; path: string }[];
}

async function nodeNames(top: NodeItem): Promise<NodeNames> {
  const byId = new Map<string, NodeItem>([[top.nodeId, top]]);
  let cursor: string | null = null;
  do {
    const page: { data: NodeItem[]; cursor: string | null } = await tenantDb().service.entities.node.query.bySubtree({ tenantId: top.tenantId }).begins({ path: `${top.path}/` }).go({ cursor, limit: 500 });
    for (const n of page.data) if (n.path.startsWith(`${top.path}/`)) byId.set(n.nodeId, n);
    cursor = page.cursor;
  } while (cursor);
  const depth = top.path.split("/").filter(Boolean).length;
  return {
    of(path) {
      const ids = path.split("/").filter(Boolean).slice(depth);
      return ids.length ? ids.map((id) => byId.get(id)?.name ?? id).join("/") : top.name;
    },
    children: [...byId.values()].filter((n) => n.parentId === top.nodeId).sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.path.localeCompare(b.path)).map((n) => ({ nodeId: n.nodeId, name: n.name, path: n.path })),
  };
}

// ── Response times ─────────────────────────────────────────────────────────

export interface NamedRow extends ResponseRow {
  key: string;
  name: { zh: string; en: string };
}

export interface ResponseTimes {
  path: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  /** How long a department has to acknowledge (报到): the profile sets no such time, so the marked default. */
  ackRule: { days: number; hours?: number; sourceRef: string | null; assumption: { zh: string; en: string } };
  total: ResponseRow;
  byBody: NamedRow[];
  byNode: NamedRow[];
}

const UNASSIGNED = { zh: "未分派（待立案）", en: "Unassigned (awaiting registration)" };

function bodyName(profile: PolicyProfile, key: string): { zh: string; en: string } {
  if (key === "unassigned") return UNASSIGNED;
  if (key.startsWith("level:")) {
    const level = profile.levels.find((l) => l.id === key.slice(6));
    return level ? { zh: `${level.name.zh}级`, en: `${level.name.en ?? level.id} level` } : { zh: key, en: key };
  }
  const body = profile.bodies.find((b) => b.id === key);
  return body ? { zh: body.name.zh, en: body.name.en ?? body.id } : { zh: key, en: key };
}

/** The acknowledgement time the report judges by: the profile's hours, else the marked default (by the end of the next day). */
function ackRuleOf(profile: PolicyProfile): ResponseTimes["ackRule"] {
  const hours = acknowledgeHours(profile);
  if (hours.value === null) return { days: ACK_DAYS.value, sourceRef: null, assumption: ACK_DAYS.assumption };
  const said = hours.text ?? hours.assumption?.zh ?? "";
  return { days: Math.ceil(hours.value / 24), hours: hours.value, sourceRef: hours.sourceRef, assumption: { zh: said, en: hours.assumption?.en ?? said } };
}

/** The response-time figures of a subtree's hazards received in a period (one pass, page by page; memory bounded by the groups). */
export async function computeResponseTimes(input: PeriodRequest, now = new Date()): Promise<ResponseTimes> {
  const scope = await scopeOf(input);
  const tally = responseTally(scope.node.path, now, scope.timeZone, scope.profile);
  for await (const page of hazardsCreatedUnder(scope.node.path, scope.from, scope.to)) for (const h of page) tally.add(h);
  const result = tally.result();
  // Bodies in the profile's order, then any others (levels, unassigned).
  const order = new Map(scope.profile.bodies.map((b, i) => [b.id, i]));
  const byBody = [...result.byBody]
    .sort(([a], [b]) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b))
    .map(([key, row]) => ({ key, name: bodyName(scope.profile, key), ...row }));
  const childIds = new Set(scope.names.children.map((c) => c.nodeId));
  const byNode: NamedRow[] = [];
  const own = result.byNode.get(scope.node.nodeId);
  if (own) byNode.push({ key: scope.node.nodeId, name: { zh: `${scope.node.name}（本级）`, en: `${scope.node.name} (own)` }, ...own });
  for (const c of scope.names.children) {
    const row = result.byNode.get(c.nodeId);
    if (row) byNode.push({ key: c.nodeId, name: { zh: c.name, en: c.name }, ...row });
  }
  // Children retired or moved since: by id.
  for (const [key, row] of result.byNode) if (key !== scope.node.nodeId && !childIds.has(key)) byNode.push({ key, name: { zh: key, en: key }, ...row });
  return {
    path: scope.node.path,
    from: input.from,
    to: input.to,
    timeZone: scope.timeZone,
    generatedAt: now.toISOString(),
    ackRule: ackRuleOf(scope.profile),
    total: result.total,
    byBody,
    byNode,
  };
}

/** The columns of the response-time sheet, in the order assessors read them. */
export const RESPONSE_COLUMNS: readonly [keyof ResponseRow, string][] = [
  ["received", "受理数"],
  ["registered", "立案数"],
  ["withdrawn", "撤销数"],
  ["ackRequested", "应报到"],
  ["ackOnTime", "按时报到"],
  ["ackLate", "逾期报到"],
  ["ackAwaiting", "待报到"],
  ["closed", "结案数"],
  ["closedOnTime", "按期结案"],
  ["closedLate", "超期结案"],
  ["medianDaysToClose", "结案用时中位数（天）"],
  ["p90DaysToClose", "结案用时90分位（天）"],
  ["open", "未结案"],
  ["overdueNow", "当前超期"],
  ["reopened", "重新打开"],
];

export const responseTimes = useCase(ResponseTimesInput, async (input, opts: { now?: Date } = {}) => computeResponseTimes(input, opts.now), "query");

/** The response-time report as xlsx: a sheet per body, a sheet per node, each with a 合计 row. */
export const responseTimesXlsx = useCase(
  ResponseTimesInput,
  async (input, opts: { now?: Date } = {}): Promise<XlsxFile> => {
    const report = await computeResponseTimes(input, opts.now);
    const header = (first: string): Cell[] => [first, ...RESPONSE_COLUMNS.map(([, h]) => h)];
    const line = (name: string, row: ResponseRow): Cell[] => [name, ...RESPONSE_COLUMNS.map(([k]) => row[k])];
    const sheet = (first: string, rows: NamedRow[]) => [header(first), ...rows.map((r) => line(r.name.zh, r)), line("合计", report.total)];
    const body = await toXlsx([
      { name: "按办理部门", rows: sheet("办理部门", report.byBody) },
      { name: "按区域", rows: sheet("区域", report.byNode) },
    ]);
    return xlsxFile(`response-times-${input.from}-${input.to}`, body, report.byBody.length);
  },
  "query",
);

// ── Ledgers ────────────────────────────────────────────────────────────────

export interface XlsxFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
  rows: number;
}

const xlsxFile = (name: string, body: Uint8Array, rows: number): XlsxFile => ({ filename: `${name}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body, rows });

const SOURCE_NAMES: Record<Hazard["source"], string> = { inspection: "检查发现", grid_patrol: "网格巡查", public_tip: "群众举报", iot_alert: "物联感知", transfer: "部门移送", self_check: "场所自查", home_visit: "入户走访", open311: "城市服务平台" };
const RESULT_NAMES = { pass: "合格", fail: "不合格", not_applicable: "不适用" } as const;

/** A local date-time for a sheet: `2026-03-01 09:30`. */
function localTime(at: string | undefined, timeZone: string): string {
  if (!at) return "";
  const d = new Date(at);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
  return `${localDate(d, timeZone)} ${time}`;
}

/** Venue names by id (BatchGet). */
async function venueNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const tenantId = useUser().tenantId;
  const names = new Map<string, string>();
  let keys = [...new Set(ids)].map((venueId) => ({ tenantId, venueId }));
  for (let attempt = 1; keys.length && attempt <= 5; attempt++) {
    const { data, unprocessed } = await tenantDb().service.entities.venue.get(keys).go({ attributes: ["venueId", "name"], concurrency: 4 });
    for (const v of data as { venueId: string; name: string }[]) names.set(v.venueId, v.name);
    keys = (unprocessed as { venueId: string }[]).map((k) => ({ tenantId, venueId: k.venueId }));
  }
  return names;
}

/** User display names by id (BatchGet); an id not found stays an id. */
async function userNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const tenantId = useUser().tenantId;
  const names = new Map<string, string>();
  let keys = [...new Set(ids)].map((userId) => ({ tenantId, userId }));
  for (let attempt = 1; keys.length && attempt <= 5; attempt++) {
    const { data, unprocessed } = await tenantDb().service.entities.user.get(keys).go({ attributes: ["userId", "displayName"], concurrency: 4 });
    for (const u of data as { userId: string; displayName: string }[]) names.set(u.userId, u.displayName);
    keys = (unprocessed as { userId: string }[]).map((k) => ({ tenantId, userId: k.userId }));
  }
  return names;
}

export const HAZARD_LEDGER_HEADERS = ["隐患编号", "隐患类别", "隐患描述", "场所", "所在区域", "隐患等级", "状态", "来源", "上报时间", "整改期限", "结案时间", "超期结案", "办理部门"] as const;

/** One row per hazard of the subtree received in the period, in path order. */
export const hazardLedger = useCase(
  PeriodInput,
  async (input): Promise<XlsxFile> => {
    const scope = await scopeOf(input);
    const { profile, timeZone } = scope;
    const nameIn = <T extends { id: string; name: { zh: string } }>(items: readonly T[], id: string | undefined) => (id === undefined ? "" : (items.find((x) => x.id === id)?.name.zh ?? id));
    const rows: Cell[][] = [];
    for await (const page of hazardsCreatedUnder(scope.node.path, scope.from, scope.to)) {
      const venues = await venueNames(page.flatMap((h) => (h.venueId ? [h.venueId] : [])));
      for (const h of page) {
        const late = h.state === "closed" && h.closedAt ? (h.deadline !== undefined && h.closedAt > h.deadline ? "是" : "否") : "";
        rows.push([
          h.hazardId,
          h.codeText ?? nameIn(profile.hazards.codes, h.code),
          h.description,
          (h.venueId ? venues.get(h.venueId) : undefined) ?? h.locationText ?? "",
          scope.names.of(h.path),
          nameIn(profile.hazards.severities, h.severity),
          STATE_NAMES[h.state].zh,
          SOURCE_NAMES[h.source] ?? h.source,
          localTime(h.createdAt, timeZone),
          h.deadline ? localDate(new Date(h.deadline), timeZone) : "",
          localTime(h.closedAt, timeZone),
          late,
          h.handling ? bodyName(profile, h.handling.body ?? `level:${h.handling.level}`).zh : "",
        ]);
      }
      if (rows.length > MAX_LEDGER_ROWS) throw new AppError("validation", "report.too_large", { max: MAX_LEDGER_ROWS });
    }
    const body = await toXlsx([{ name: "隐患台账", rows: [[...HAZARD_LEDGER_HEADERS], ...rows] }]);
    return xlsxFile(`hazards-${input.from}-${input.to}`, body, rows.length);
  },
  "query",
);

export const INSPECTION_LEDGER_HEADERS = ["检查编号", "场所", "所在区域", "检查类别", "检查人", "检查时间", "检查结果", "合格项", "不合格项数", "不合格项", "发现隐患数"] as const;

/** One row per inspection of the subtree finished in the period, in path order. */
export const inspectionLedger = useCase(
  PeriodInput,
  async (input): Promise<XlsxFile> => {
    const scope = await scopeOf(input);
    const { profile, timeZone } = scope;
    const categories = new Map(profile.inspectionCategories.map((c) => [c.id, c]));
    const itemName = (category: string, itemId: string) => {
      for (const c of [categories.get(category), ...profile.inspectionCategories]) {
        const item = c?.checklist.find((i) => i.id === itemId);
        if (item) return item.name.zh;
      }
      return itemId;
    };
    const rows: Cell[][] = [];
    for await (const page of inspectionsFinishedUnder(scope.node.path, scope.from, scope.to)) {
      const [venues, users] = await Promise.all([venueNames(page.map((i) => i.venueId)), userNames(page.map((i) => i.inspectorId))]);
      for (const i of page) {
        const failed = i.items.filter((item) => item.result === "fail");
        rows.push([
          i.inspectionId,
          venues.get(i.venueId) ?? i.venueId,
          scope.names.of(i.path),
          i.categories.map((c) => categories.get(c)?.name.zh ?? c).join("、"),
          users.get(i.inspectorId) ?? i.inspectorId,
          localTime(i.finishedAt, timeZone),
          failed.length ? RESULT_NAMES.fail : RESULT_NAMES.pass,
          i.passed,
          i.failed,
          failed.map((f) => itemName(f.category, f.itemId)).join("、"),
          i.hazardIds.length,
        ]);
      }
      if (rows.length > MAX_LEDGER_ROWS) throw new AppError("validation", "report.too_large", { max: MAX_LEDGER_ROWS });
    }
    const body = await toXlsx([{ name: "检查台账", rows: [[...INSPECTION_LEDGER_HEADERS], ...rows] }]);
    return xlsxFile(`inspections-${input.from}-${input.to}`, body, rows.length);
  },
  "query",
);
