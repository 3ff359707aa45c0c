import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { authorize, can } from "../access/index.ts";
import { ContactPhone } from "../organisation/index.ts";
import type { ParsedRow } from "../organisation/index.ts";
import { nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { checkFacts, classify } from "./classify.ts";
import { toXlsx } from "../files/index.ts";
import { toCsv } from "./file.ts";
import { createItems, factsOf, fieldsHash, loadVenueItem, updateItems, type VenueFields, type VenueItem } from "./store.ts";
import { venuesWritten, type VenueWritten } from "./changes.ts";
import { retirementBatches } from "./retirement.ts";
import { ExternalId } from "./venues.ts";
import { HEADERS } from "./ledger-headers.ts";
import { featureName, flagName } from "./vocabulary.ts";

// The venue ledger (台账) in and out. Import: every row checked first into a
// report of (row, column, reason zh/en); rows are matched to venues by their
// external id, so a row imported again unchanged changes nothing, a changed
// row updates (and reclassifies) its venue, and a new one creates it.
// all_or_nothing: any bad row and nothing is written; skip_bad_rows: the good
// rows are. Progress is kept on an import item a client can poll. Export: the
// venues of a subtree, filtered, as xlsx or CSV with the same Chinese headers.

export const ImportMode = z.enum(["all_or_nothing", "skip_bad_rows"]);
export const VenueImportInput = z.object({
  mode: ImportMode.default("all_or_nothing"),
  under: z.string().min(1).max(64).optional(),
  importId: z.uuid().optional().meta({ description: "A client-made id to poll the import's progress with (GET /v1/venue-imports/{importId})" }),
  rows: z.array(z.object({ row: z.int().min(1), values: z.record(z.string(), z.string()) })),
});

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const RowError = z.object({ row: z.int(), column: z.string(), code: z.string(), message: Bilingual });
export const VenueImportReportSchema = z
  .object({ importId: z.string().optional(), mode: ImportMode, created: z.int(), updated: z.int(), unchanged: z.int(), skipped: z.int(), errors: z.array(RowError) })
  .meta({ id: "VenueImportReport" });
export type VenueImportReport = z.infer<typeof VenueImportReportSchema>;
type RowErr = z.infer<typeof RowError>;

export const ImportProgressSchema = z
  .object({ importId: z.string(), status: z.enum(["checking", "writing", "done", "rejected", "failed"]), total: z.int(), processed: z.int(), startedAt: z.string(), finishedAt: z.string().optional(), report: VenueImportReportSchema.optional() })
  .meta({ id: "VenueImportProgress" });

export { HEADERS };

interface Column {
  key: keyof typeof HEADERS;
  names: string[];
  required?: boolean;
}


const COLUMNS: Column[] = [
  { key: "externalId", names: [HEADERS.externalId, "编号", "场所编号", "external_id", "externalId"] },
  { key: "name", names: [HEADERS.name, "名称", "单位名称", "name"], required: true },
  { key: "address", names: [HEADERS.address, "详细地址", "address"] },
  { key: "node", names: [HEADERS.node, "所在节点", "网格", "node"], required: true },
  { key: "lng", names: [HEADERS.lng, "lng", "longitude"] },
  { key: "lat", names: [HEADERS.lat, "lat", "latitude"] },
  { key: "kinds", names: [HEADERS.kinds, "类型", "kinds"], required: true },
  { key: "keyUnitLevel", names: [HEADERS.keyUnitLevel, "key_unit_level"] },
  { key: "enterpriseGrade", names: [HEADERS.enterpriseGrade, "enterprise_grade"] },
  { key: "riskGrade", names: [HEADERS.riskGrade, "risk_grade"] },
  { key: "flags", names: [HEADERS.flags, "flags"] },
  { key: "features", names: [HEADERS.features, "标签", "特征", "features"] },
  { key: "contactName", names: [HEADERS.contactName, "contact_name"] },
  { key: "contactPhone", names: [HEADERS.contactPhone, "电话", "contact_phone"] },
];

/** The column of a profile measure in a row: `建筑高度（米）`, `建筑高度(米)`, `建筑高度` or `height_m`. */
function measureHeader(r: ParsedRow, m: { id: string; name: { zh: string }; unit: { zh: string } }): string | undefined {
  const names = [`${m.name.zh}（${m.unit.zh}）`, `${m.name.zh}(${m.unit.zh})`, m.name.zh, m.id];
  return names.find((n) => n in r.values);
}

const SPLIT = /[、,，;；\n]+/;
const list = (text: string) => text.split(SPLIT).map((s) => s.trim()).filter(Boolean);

function locate(rows: readonly ParsedRow[]) {
  const headers = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const where = new Map<string, string>();
  for (const c of COLUMNS) {
    const found = c.names.find((n) => headers.has(n)) ?? [...headers].find((h) => c.names.some((n) => n.toLowerCase() === h.toLowerCase()));
    if (found) where.set(c.key, found);
  }
  const errors: RowErr[] = COLUMNS.filter((c) => c.required && !where.has(c.key)).map((c) => ({ row: 1, column: c.names[0]!, code: "import.column_missing", message: { zh: `缺少“${c.names[0]}”列`, en: `The column “${c.names[0]}” is missing` } }));
  return {
    column: (key: Column["key"]) => where.get(key) ?? HEADERS[key],
    value: (r: ParsedRow, key: Column["key"]) => (where.has(key) ? (r.values[where.get(key)!] ?? "").trim() : ""),
    errors,
  };
}

/** Active nodes of a subtree, by the path of names below its top (`甲镇/甲一村/一网格`) and by id. */
async function nodesUnder(under: NodeItem) {
  const nodes: NodeItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: NodeItem[]; cursor: string | null } = await tenantDb().service.entities.node.query.bySubtree({ tenantId: under.tenantId }).begins({ path: under.path }).go({ cursor });
    nodes.push(...page.data);
    cursor = page.cursor;
  } while (cursor);
  const active = nodes.filter((n) => n.status === "active" && (n.path === under.path || n.path.startsWith(`${under.path}/`)));
  const byId = new Map(active.map((n) => [n.nodeId, n]));
  const names = new Map<string, string>();
  const nameOf = (n: NodeItem): string => {
    if (n.nodeId === under.nodeId) return "";
    const cached = names.get(n.nodeId);
    if (cached !== undefined) return cached;
    const parent = byId.get(n.parentId!);
    const above = parent ? nameOf(parent) : "";
    const name = above ? `${above}/${n.name}` : n.name;
    names.set(n.nodeId, name);
    return name;
  };
  const byName = new Map<string, NodeItem[]>();
  for (const n of active) byName.set(nameOf(n), [...(byName.get(nameOf(n)) ?? []), n]);
  return { byName, byId, nameOf };
}

const normalisePath = (raw: string, under: NodeItem) => {
  const parts = raw.split(/[/／>＞]/).map((p) => p.trim()).filter(Boolean);
  if (parts[0] === under.name) parts.shift();
  return parts.join("/");
};

/** Every external-id claim of the tenant: one Query, a page at a time. */
async function allClaims(): Promise<Map<string, { venueId: string; hash?: string | undefined }>> {
  const tenantId = useTenant();
  const claims = new Map<string, { venueId: string; hash?: string | undefined }>();
  let cursor: string | null = null;
  do {
    const page: { data: { externalId: string; venueId: string; hash?: string | undefined }[]; cursor: string | null } = await tenantDb().service.entities.venueExternal.query.byExternalId({ tenantId }).go({ cursor });
    for (const c of page.data) claims.set(c.externalId, { venueId: c.venueId, hash: c.hash });
    cursor = page.cursor;
  } while (cursor);
  return claims;
}

const byIdOrName = <T extends { id: string; name: { zh: string } }>(items: readonly T[], text: string) => items.find((x) => x.id === text) ?? items.find((x) => x.name.zh === text);

type Planned = { row: number; action: "create" | "update"; fields: VenueFields; before?: VenueItem; venueId: string };
const IMPORT_DAYS = 7;

/**
 * Venues from ledger rows (columns in HEADERS; profile words as ids or zh
 * names; several kinds, flags or features separated by 、 or ,).
 */
export const importVenues = useCase(VenueImportInput, async (input, opts: { now?: Date } = {}): Promise<VenueImportReport> => {
  const actor = useUser();
  const under = await nodeOrNotFound(input.under ?? actor.scopeNodeId);
  authorize(actor, "venue.manage", under);
  const tenantId = actor.tenantId;
  const now = opts.now ?? new Date();
  const importId = input.importId;
  const progress = tenantDb().service.entities.venueImport;
  if (importId) {
    await progress
      .create({ tenantId, importId, startedBy: actor.userId, startedAt: now.toISOString(), status: "checking", total: input.rows.length, processed: 0, expiresAt: Math.floor(now.getTime() / 1000) + IMPORT_DAYS * 86_400 })
      .go()
      .catch((err: unknown) => {
        if ((err as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException") throw new AppError("conflict", "venue.import_id_used");
        throw err;
      });
  }
  const setProgress = async (set: Record<string, unknown>) => {
    if (importId) await progress.patch({ tenantId, importId }).set(set as never).go();
  };
  try {
    const { version, profile } = await profileAt(now);
    const [tree, claims] = await Promise.all([nodesUnder(under), allClaims()]);
    const { planned, errors, unchanged } = await plan(profile, under, tree, claims, input.rows, actor);
    const badRows = new Set(errors.map((e) => e.row)).size;
    const report: VenueImportReport = { ...(importId ? { importId } : {}), mode: input.mode, created: 0, updated: 0, unchanged, skipped: badRows, errors };
    if (errors.length && input.mode === "all_or_nothing") {
      await setProgress({ status: "rejected", processed: input.rows.length, report: { ...report, errors: errors.slice(0, 1000) }, finishedAt: new Date().toISOString() });
      const fields: FieldError[] = errors.slice(0, 500).map((e) => ({ path: `rows[${e.row}].${e.column}`, code: e.code, message: e.message }));
      throw new AppError("validation", "import.rejected", { count: errors.length }, fields);
    }
    await setProgress({ status: "writing", processed: input.rows.length - planned.length });
    await writePlanned(planned, profile, version, now, under.nodeId, async (done) => setProgress({ processed: input.rows.length - planned.length + done }));
    report.created = planned.filter((p) => p.action === "create").length;
    report.updated = planned.length - report.created;
    await setProgress({ status: "done", processed: input.rows.length, report: { ...report, errors: errors.slice(0, 1000) }, finishedAt: new Date().toISOString() });
    return report;
  } catch (err) {
    if (!(err instanceof AppError && err.code === "import.rejected")) await setProgress({ status: "failed", finishedAt: new Date().toISOString() }).catch(() => undefined);
    throw err;
  }
});

async function plan(profile: PolicyProfile, under: NodeItem, tree: Awaited<ReturnType<typeof nodesUnder>>, claims: Awaited<ReturnType<typeof allClaims>>, rows: ParsedRow[], actor: ReturnType<typeof useUser>) {
  const cols = locate(rows);
  const errors: RowErr[] = [...cols.errors];
  const planned: Planned[] = [];
  let unchanged = 0;
  const seenIds = new Map<string, number>();
  const err = (row: number, key: Column["key"], code: string, zh: string, en: string) => errors.push({ row, column: cols.column(key), code, message: { zh, en } });
  for (const r of cols.errors.length ? [] : rows) {
    const before = errors.length;
    const name = cols.value(r, "name");
    if (!name) err(r.row, "name", "import.name_missing", "请填写场所名称", "The venue name is required");
    else if (name.length > 100) err(r.row, "name", "import.name_invalid", "场所名称不超过 100 个字", "At most 100 characters");
    const nodeText = cols.value(r, "node");
    const nodeName = normalisePath(nodeText, under);
    const matches = tree.byId.has(nodeText) ? [tree.byId.get(nodeText)!] : (tree.byName.get(nodeName) ?? []);
    const node = matches.length === 1 ? matches[0] : undefined;
    if (!node) {
      if (matches.length > 1) err(r.row, "node", "import.node_ambiguous", `有多个节点叫“${nodeName}”`, `More than one node is called “${nodeName}”`);
      else err(r.row, "node", "import.node_unknown", `找不到节点“${nodeText}”`, `No node “${nodeText}”`);
    } else if (!can(actor, "venue.manage", node)) err(r.row, "node", "import.node_forbidden", "您无权管理该节点的场所", "You may not manage venues of this node");
    const kinds = list(cols.value(r, "kinds")).flatMap((text) => {
      const kind = byIdOrName(profile.venues.kinds, text);
      if (!kind) err(r.row, "kinds", "import.kind_unknown", `“${text}”不是政策档案中的场所类型`, `“${text}” is not a venue kind of the profile`);
      return kind ? [kind.id] : [];
    });
    if (!cols.value(r, "kinds")) err(r.row, "kinds", "import.kind_missing", "请填写场所类型", "The venue kind is required");
    const grade = (key: "keyUnitLevel" | "enterpriseGrade" | "riskGrade", grades: { id: string; name: { zh: string } }[], zh: string, en: string) => {
      const text = cols.value(r, key);
      if (!text) return undefined;
      const found = byIdOrName(grades, text);
      if (!found) err(r.row, key, `import.${key}_unknown`, grades.length ? `“${text}”不是${zh}，可填：${grades.map((g) => g.name.zh).join("、")}` : `本地政策档案不设${zh}`, grades.length ? `“${text}” is not a ${en}` : `The profile has no ${en}`);
      return found?.id;
    };
    const keyUnitLevel = grade("keyUnitLevel", profile.venues.keyUnitLevels, "重点单位级别", "key-unit level");
    const enterpriseGrade = grade("enterpriseGrade", profile.venues.enterpriseGrades, "企业分级", "enterprise grade");
    const riskGrade = grade("riskGrade", profile.venues.riskGrades, "风险等级", "risk grade");
    const flags = list(cols.value(r, "flags")).flatMap((text) => {
      const flag = profile.vocabulary.venueFlags.find((f) => f.id === text || f.name.zh === text)?.id;
      if (!flag) err(r.row, "flags", "import.flag_unknown", `“${text}”不是监管标记`, `“${text}” is not a venue flag`);
      return flag ? [flag] : [];
    });
    const features = list(cols.value(r, "features")).flatMap((text) => {
      const feature = profile.vocabulary.venueFeatures.find((f) => f.id === text || f.name.zh === text)?.id;
      if (!feature) err(r.row, "features", "import.feature_unknown", `“${text}”不是场所特征，可填：${profile.vocabulary.venueFeatures.map((f) => f.name.zh).join("、")}`, `“${text}” is not a venue feature`);
      return feature ? [feature] : [];
    });
    // One column per measure of the profile, headed by its name (with or without its unit) or its id.
    const measures: Record<string, number> = {};
    for (const m of profile.venues.measures ?? []) {
      const header = measureHeader(r, m);
      if (!header) continue;
      const text = (r.values[header] ?? "").trim();
      if (!text) continue;
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0) errors.push({ row: r.row, column: header, code: "import.measure_invalid", message: { zh: `“${text}”不是有效的${m.name.zh}（${m.unit.zh}）`, en: `“${text}” is not a valid ${m.name.en} (${m.unit.en})` } });
      else measures[m.id] = n;
    }
    const coord = (key: "lat" | "lng", max: number) => {
      const text = cols.value(r, key);
      if (!text) return undefined;
      const n = Number(text);
      if (!Number.isFinite(n) || Math.abs(n) > max) err(r.row, key, "import.coordinate_invalid", `“${text}”不是有效的${key === "lat" ? "纬度" : "经度"}`, `“${text}” is not a valid ${key === "lat" ? "latitude" : "longitude"}`);
      return Number.isFinite(n) ? n : undefined;
    };
    const lat = coord("lat", 90);
    const lng = coord("lng", 180);
    const contactPhone = cols.value(r, "contactPhone") || undefined;
    if (contactPhone && !ContactPhone.safeParse(contactPhone).success) err(r.row, "contactPhone", "import.phone_invalid", "请输入 11 位手机号码或带区号的固定电话", "Enter an 11-digit mobile number or a landline with its area code");
    const externalId = cols.value(r, "externalId") || undefined;
    if (externalId && !ExternalId.safeParse(externalId).success) err(r.row, "externalId", "import.external_id_invalid", "外部编号不超过 64 个字符，且不能含空格、# 或 /", "At most 64 characters, without spaces, # or /");
    else if (externalId && seenIds.has(externalId)) err(r.row, "externalId", "import.external_id_repeated", `外部编号与第 ${seenIds.get(externalId)} 行重复`, `Same external id as row ${seenIds.get(externalId)}`);
    if (externalId) seenIds.set(externalId, r.row);
    const facts = { kinds, flags, keyUnitLevel, enterpriseGrade, riskGrade };
    if (errors.length === before) for (const p of checkFacts(profile, facts)) err(r.row, p.field as Column["key"], p.code, p.message.zh, p.message.en);
    if (errors.length > before) continue;
    const contactName = cols.value(r, "contactName") || undefined;
    const address = cols.value(r, "address") || undefined;
    const fields: VenueFields = JSON.parse(JSON.stringify({ name, address, lat, lng, nodeId: node!.nodeId, path: node!.path, ...facts, features, ...(Object.keys(measures).length ? { measures } : {}), contactName, contactPhone, externalId }));
    const claim = externalId ? claims.get(externalId) : undefined;
    if (!claim) {
      planned.push({ row: r.row, action: "create", fields, venueId: randomUUID() });
      continue;
    }
    if (claim.hash === fieldsHash(fields)) {
      unchanged += 1;
      continue;
    }
    const existing = await loadVenueItem(claim.venueId, true);
    if (!existing || existing.status !== "active") {
      err(r.row, "externalId", "import.venue_retired", "该外部编号对应的场所已注销", "The venue with this external id is retired");
      continue;
    }
    if (!can(actor, "venue.manage", existing)) {
      err(r.row, "externalId", "import.venue_forbidden", "该外部编号对应的场所不在您的管辖范围内", "The venue with this external id is outside your scope");
      continue;
    }
    planned.push({ row: r.row, action: "update", fields, before: existing, venueId: existing.venueId });
  }
  return { planned, errors, unchanged };
}

/** A planned row as the venue it writes, for those who follow venue writes (its tasks). */
function writtenOf(p: Planned, profile: PolicyProfile): VenueWritten {
  const c = classify(profile, factsOf(p.fields));
  const venue = { venueId: p.venueId, name: p.fields.name, nodeId: p.fields.nodeId, path: p.fields.path, categories: c.categories, status: "active" as const, patrolPlanPolicy: c.patrolPlanPolicy, patrolPlan: p.before?.patrolPlan };
  return { venue, fresh: p.action === "create" };
}

const MAX_UNDO_ITEMS = 99;

/**
 * Writes in transactions of at most 99 items and an audit entry, each chunk
 * followed at once by its venues' tasks; if one fails, the venues created so
 * far are deleted again, with the tasks made for them.
 */
async function writePlanned(planned: Planned[], profile: PolicyProfile, version: number, now: Date, underId: string, onProgress: (done: number) => Promise<void>) {
  const tenantId = useTenant();
  const build = (tx: TxEntities, p: Planned): TxItem[] =>
    p.action === "create" ? createItems(tx, { venueId: p.venueId, fields: p.fields, profile, profileVersion: version, now, action: "import" }) : updateItems(tx, { before: p.before!, fields: p.fields, profile, profileVersion: version, now }).items;
  const PER_TX = 32; // at most 3 items per venue: the venue, its history entry, its external-id claim
  const created: Planned[] = [];
  let done = 0;
  try {
    for (let i = 0; i < planned.length; i += PER_TX) {
      const chunk = planned.slice(i, i + PER_TX);
      await writeTransaction((tx) => [...chunk.flatMap((p) => build(tx, p)), auditItem(tx, { action: "venue.import", targetType: "node", targetId: underId, details: { rows: chunk.map((p) => p.row), created: chunk.filter((p) => p.action === "create").length } }, now)] as never, {
        onCanceled: () => new AppError("conflict", "request.conflict_retry"),
      });
      created.push(...chunk.filter((p) => p.action === "create"));
      // The chunk's tasks of the current periods, before the next chunk: a county's import leaves no venue waiting a day.
      await venuesWritten(chunk.map((p) => writtenOf(p, profile)), now);
      done += chunk.length;
      if (done % (PER_TX * 10) === 0 || done === planned.length) await onProgress(done);
    }
  } catch (err) {
    for (const p of created) {
      // What others made for it (its open tasks and the coverage they counted) goes first, then the venue.
      const venue = { ...writtenOf(p, profile).venue, tenantId } as unknown as VenueItem;
      for (const batch of await retirementBatches(venue, MAX_UNDO_ITEMS)) {
        await writeTransaction((tx) => batch.items(tx) as never, { onCanceled: () => new AppError("conflict", "request.conflict_retry") });
      }
    }
    for (let i = 0; i < created.length; i += 33) {
      const undo = created.slice(i, i + 33);
      await writeTransaction((tx) =>
          undo.flatMap((p) => [
            tx.venue.delete({ tenantId, venueId: p.venueId }).commit(),
            ...(p.fields.externalId ? [tx.venueExternal.delete({ tenantId, externalId: p.fields.externalId }).commit()] : []),
          ]) as never,
        { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
      );
    }
    throw err;
  }
}

export const ImportProgressParams = z.object({ importId: z.uuid() });

export const importProgress = useCase(
  ImportProgressParams,
  async ({ importId }) => {
    const actor = useUser();
    authorize(actor, "venue.read");
    const { data } = await tenantDb().service.entities.venueImport.get({ tenantId: actor.tenantId, importId }).go({ consistent: true });
    if (!data || (data.startedBy !== actor.userId && actor.role !== "tenant_admin")) throw new AppError("not_found", "venue.import_not_found");
    return JSON.parse(JSON.stringify({ importId, status: data.status, total: data.total, processed: data.processed, startedAt: data.startedAt, finishedAt: data.finishedAt, report: data.report })) as z.infer<typeof ImportProgressSchema>;
  },
  "path",
);

// ── Export ─────────────────────────────────────────────────────────────────

export const ExportInput = z.object({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree (default: your scope node)" }),
  category: z.string().min(1).max(64).optional(),
  kind: z.string().min(1).max(64).optional(),
  supervisor: z.string().min(1).max(64).optional(),
  status: z.enum(["active", "retired", "all"]).default("active"),
});

export const MAX_EXPORT_ROWS = 50_000;

/** A ledger of the venues of a subtree as xlsx or CSV; the headers are the import's, so an export imports back unchanged. */
export const exportVenues = useCase(
  ExportInput,
  async (input): Promise<{ filename: string; contentType: string; body: Uint8Array; rows: number }> => {
    const actor = useUser();
    const node = await nodeOrNotFound(input.nodeId ?? actor.scopeNodeId, { allowRetired: true });
    authorize(actor, "venue.read", node);
    const { profile } = await profileAt();
    const tree = await nodesUnder(node);
    const venues: VenueItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: VenueItem[]; cursor: string | null } = await tenantDb().service.entities.venue.query.bySubtree({ tenantId: actor.tenantId }).begins({ path: `${node.path}/` }).go({ cursor });
      for (const v of page.data) {
        if (input.status !== "all" && v.status !== input.status) continue;
        if (input.category && !v.categories.includes(input.category)) continue;
        if (input.kind && !v.kinds.includes(input.kind)) continue;
        if (input.supervisor && v.supervisor !== input.supervisor) continue;
        venues.push(v);
      }
      if (venues.length > MAX_EXPORT_ROWS) throw new AppError("validation", "venue.export_too_large", { max: MAX_EXPORT_ROWS });
      cursor = page.cursor;
    } while (cursor);
    const nameOf = <T extends { id: string; name: { zh: string } }>(items: readonly T[], id: string | undefined) => (id === undefined ? "" : (items.find((x) => x.id === id)?.name.zh ?? id));
    // The profile's measures, one column each, headed as the import reads them (建筑高度（米）).
    const measures = profile.venues.measures ?? [];
    const header = [...Object.values(HEADERS), ...measures.map((m) => `${m.name.zh}（${m.unit.zh}）`), "监管主体", "检查类别", "状态"];
    const rows = venues.map((v) => {
      const n = tree.byId.get(v.nodeId);
      const c = classify(profile, factsOf(v));
      return [
        v.externalId ?? "",
        v.name,
        v.address ?? "",
        n ? tree.nameOf(n) || n.name : v.nodeId,
        v.lng === undefined ? "" : String(v.lng),
        v.lat === undefined ? "" : String(v.lat),
        v.kinds.map((k) => nameOf(profile.venues.kinds, k)).join("、"),
        nameOf(profile.venues.keyUnitLevels, v.keyUnitLevel),
        nameOf(profile.venues.enterpriseGrades, v.enterpriseGrade),
        nameOf(profile.venues.riskGrades, v.riskGrade),
        v.flags.map((f) => flagName(profile, f).zh).join("、"),
        v.features.map((f) => featureName(profile, f).zh).join("、"),
        v.contactName ?? "",
        v.contactPhone ?? "",
        ...measures.map((m) => {
          const value = (v.measures as Record<string, number> | undefined)?.[m.id];
          return value === undefined ? "" : String(value);
        }),
        nameOf(profile.bodies, c.supervisor),
        c.categories.map((id) => nameOf(profile.inspectionCategories, id)).join("、"),
        v.status === "active" ? "在册" : "已注销",
      ];
    });
    const stamp = new Date().toISOString().slice(0, 10);
    const body = input.format === "csv" ? toCsv([header, ...rows]) : await toXlsx([{ name: "场所台账", rows: [header, ...rows] }]);
    return {
      filename: `venues-${stamp}.${input.format}`,
      contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body,
      rows: rows.length,
    };
  },
  "query",
);
