import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual, fieldErrorsFromZod } from "../errors/zod-issues.ts";
import { authorize, can } from "../access/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { ContactPhone, IdNumber, PersonName } from "./fields.ts";
import { STAFF_COLUMNS, TREE_COLUMNS, type ImportColumn } from "./formats.ts";
import type { ParsedRow } from "./import-file.ts";
import { checkPersonFields, personItem } from "./people.ts";
import { childLevel, meaningOf, profileAt, tierLevels } from "../profile/index.ts";
import { nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { employmentAliases, type Employment } from "./vocabulary.ts";

// Bulk import of the tree and of staff from rows already parsed (the file
// adapter is import-file.ts). Every row is checked first, against the tree
// and the profile in force, into a report of (row, column, reason zh/en).
// all_or_nothing: any bad row and nothing is written. skip_bad_rows: the
// good rows are written, the bad ones reported. Writing goes in
// transactions of up to 100 items; should one fail part-way, the items of
// the earlier ones are deleted again, so an import never stays half done.

export const ImportMode = z.enum(["all_or_nothing", "skip_bad_rows"]);

export const ImportInput = z.object({
  mode: ImportMode.default("all_or_nothing"),
  under: z.string().min(1).max(64).optional().meta({ description: "Node the names in the file are relative to (default: the caller's scope node)" }),
  rows: z.array(z.object({ row: z.int().min(1), values: z.record(z.string(), z.string()) })).max(5000),
});

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const RowError = z.object({ row: z.int(), column: z.string(), code: z.string(), message: Bilingual });
export const ImportReportSchema = z
  .object({ mode: ImportMode, imported: z.int(), skipped: z.int(), errors: z.array(RowError) })
  .meta({ id: "ImportReport" });

export type ImportReport = z.infer<typeof ImportReportSchema>;
type RowErr = z.infer<typeof RowError>;

/** Which header of the file holds each column (first match by name). */
function locate(columns: readonly ImportColumn[], rows: readonly ParsedRow[]) {
  const headers = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const where = new Map<string, string>();
  for (const c of columns) {
    const found = c.names.find((n) => headers.has(n)) ?? [...headers].find((h) => c.names.some((n) => n.toLowerCase() === h.toLowerCase()));
    if (found) where.set(c.key, found);
  }
  const missing = columns.filter((c) => c.required && !where.has(c.key));
  const errors: RowErr[] = missing.map((c) => ({ row: 1, column: c.names[0]!, code: "import.column_missing", message: { zh: `缺少“${c.names[0]}”列`, en: `The column “${c.names[0]}” is missing` } }));
  return { column: (key: string) => where.get(key) ?? columns.find((c) => c.key === key)!.names[0]!, value: (r: ParsedRow, key: string) => (where.has(key) ? (r.values[where.get(key)!] ?? "").trim() : ""), errors };
}

const zodReason = (schema: z.ZodType, value: string): { zh: string; en: string } | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : fieldErrorsFromZod(parsed.error)[0]!.message;
};

const NodeName = z.string().min(1, bilingual("请填写名称", "Name is required")).max(60, bilingual("名称不超过 60 个字", "At most 60 characters"));

/** The subtree under a node, keyed by the path of names below it (`甲镇/甲一村`). */
async function namesUnder(under: NodeItem) {
  const nodes: NodeItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: NodeItem[]; cursor: string | null } = await tenantDb().service.entities.node.query.bySubtree({ tenantId: under.tenantId }).begins({ path: under.path }).go({ cursor, limit: 500 });
    nodes.push(...page.data);
    cursor = page.cursor;
  } while (cursor);
  const active = nodes.filter((n) => n.status === "active" && (n.path === under.path || n.path.startsWith(`${under.path}/`)));
  const byId = new Map(active.map((n) => [n.nodeId, n]));
  const nameOf = (n: NodeItem): string => {
    if (n.nodeId === under.nodeId) return "";
    const parent = byId.get(n.parentId!);
    const above = parent ? nameOf(parent) : "";
    return above ? `${above}/${n.name}` : n.name;
  };
  const byName = new Map<string, NodeItem[]>();
  for (const n of active) byName.set(nameOf(n), [...(byName.get(nameOf(n)) ?? []), n]);
  return byName;
}

/** `甲镇 / 甲一村` and `县名/甲镇/甲一村` both name the same node below `under`. */
function normalisePath(raw: string, under: NodeItem): string {
  const parts = raw.split(/[/／>＞]/).map((p) => p.trim()).filter(Boolean);
  if (parts[0] === under.name) parts.shift();
  return parts.join("/");
}

async function underNode(id: string | undefined): Promise<NodeItem> {
  const actor = useUser();
  return nodeOrNotFound(id ?? actor.scopeNodeId);
}

// ── Writing with compensation ─────────────────────────────────────────────

type Op = (tx: TxEntities) => unknown;

/**
 * Writes the ops in transactions of at most 99 plus an audit entry; if one
 * fails, deletes what the earlier ones created and rethrows.
 */
async function writeAll(ops: Op[], undo: Op[], audit: (part: number, of: number) => Parameters<typeof auditItem>[1]): Promise<void> {
  const chunks: Op[][] = [];
  for (let i = 0; i < ops.length; i += 99) chunks.push(ops.slice(i, i + 99));
  let done = 0;
  try {
    for (const [i, chunk] of chunks.entries()) {
      await writeTransaction((tx) => [...chunk.map((op) => op(tx)), auditItem(tx, audit(i + 1, chunks.length))] as never, {
        onCanceled: () => new AppError("conflict", "request.conflict_retry"),
      });
      done += chunk.length;
    }
  } catch (err) {
    const written = undo.slice(0, done);
    for (let i = 0; i < written.length; i += 99) {
      await writeTransaction((tx) => written.slice(i, i + 99).map((op) => op(tx)) as never, { onCanceled: () => new AppError("conflict", "request.conflict_retry") });
    }
    throw err;
  }
}

function finish(mode: z.infer<typeof ImportMode>, total: number, errors: RowErr[]): { write: boolean; report: ImportReport } {
  const badRows = new Set(errors.map((e) => e.row)).size;
  if (errors.length && (mode === "all_or_nothing" || badRows >= total)) {
    if (mode === "all_or_nothing") {
      const fields: FieldError[] = errors.slice(0, 500).map((e) => ({ path: `rows[${e.row}].${e.column}`, code: e.code, message: e.message }));
      throw new AppError("validation", "import.rejected", { count: errors.length }, fields);
    }
    return { write: false, report: { mode, imported: 0, skipped: badRows, errors } };
  }
  return { write: true, report: { mode, imported: total - badRows, skipped: badRows, errors } };
}

// ── Tree ───────────────────────────────────────────────────────────────────

/**
 * Nodes from rows of (上级, 名称, 单位类型, 类别): the parent is a path of
 * names below `under`, either an existing node or one from an earlier row;
 * the level is the one below the parent's in the profile in force.
 */
export const importTree = useCase(ImportInput, async (input): Promise<ImportReport> => {
  const actor = useUser();
  const under = await underNode(input.under);
  authorize(actor, "node.manage", under);
  const { profile } = await profileAt();
  const existing = await namesUnder(under);
  const cols = locate(TREE_COLUMNS, input.rows);
  const errors: RowErr[] = [...cols.errors];
  const err = (row: number, key: string, code: string, zh: string, en: string) => errors.push({ row, column: cols.column(key), code, message: { zh, en } });
  type NewNode = { nodeId: string; parentId: string; path: string; level: string; name: string; unit?: string; tier?: string; row: number; children: number };
  const created = new Map<string, NewNode>();
  const parentAdds = new Map<string, number>();
  const classify = can(actor, "node.classify", under);

  for (const r of cols.errors.length ? [] : input.rows) {
    const before = errors.length;
    const name = cols.value(r, "name");
    const parentName = normalisePath(cols.value(r, "parent"), under);
    const nameProblem = zodReason(NodeName, name);
    if (nameProblem) err(r.row, "name", "import.name_invalid", nameProblem.zh, nameProblem.en);
    const fromFile = created.get(parentName);
    const inTree = existing.get(parentName) ?? [];
    let parent: { nodeId: string; path: string; level: string } | undefined = fromFile;
    if (!fromFile && inTree.length === 1) parent = inTree[0];
    if (!parent) {
      if (inTree.length > 1) err(r.row, "parent", "import.parent_ambiguous", `有多个节点叫“${parentName}”`, `More than one node is called “${parentName}”`);
      else err(r.row, "parent", "import.parent_unknown", `找不到上级节点“${parentName || under.name}”（上级须已存在，或在本文件中更早的行）`, `No parent node “${parentName || under.name}” (it must exist, or come in an earlier row)`);
      continue;
    }
    if (!can(actor, "node.manage", parent)) err(r.row, "parent", "import.parent_forbidden", "您无权在该节点下建节点", "You may not add nodes under this parent");
    const level = childLevel(profile, parent.level);
    if (!level) {
      err(r.row, "parent", "import.no_lower_level", "上级已是政策档案的最末一级", "The parent is at the profile's lowest level");
      continue;
    }
    const fullName = parentName ? `${parentName}/${name}` : name;
    if (name && (created.has(fullName) || existing.has(fullName))) err(r.row, "name", "import.name_taken", `同一上级下已有“${name}”`, `“${name}” already exists under this parent`);
    const unit = cols.value(r, "unit") || (level.units.length === 1 ? level.units[0] : undefined);
    if (unit && !level.units.includes(unit)) err(r.row, "unit", "import.unit_unknown", `“${unit}”不是“${level.name.zh}”的单位类型，可选：${level.units.join("、")}`, `“${unit}” is not a unit of “${level.name.en}”; one of: ${level.units.join(", ")}`);
    const tierText = cols.value(r, "tier");
    const tier = tierText ? profile.staffing.tiers.find((t) => t.id === tierText || t.name.zh === tierText) : undefined;
    if (tierText) {
      if (!classify) err(r.row, "tier", "import.tier_forbidden", "只有县级管理员能设定类别", "Only tenant admins set tiers");
      else if (!tierLevels(profile).has(level.id)) err(r.row, "tier", "import.tier_not_for_level", "该层级的节点不分类别", "Nodes of this level have no tier");
      else if (!tier) err(r.row, "tier", "import.tier_unknown", `“${tierText}”不是政策档案中的类别`, `“${tierText}” is not a tier of the profile`);
    }
    if (errors.length > before) continue;
    const nodeId = randomUUID();
    created.set(fullName, { nodeId, parentId: parent.nodeId, path: `${parent.path}/${nodeId}`, level: level.id, name, ...(unit ? { unit } : {}), ...(tier ? { tier: tier.id } : {}), row: r.row, children: 0 });
    if (fromFile) fromFile.children += 1;
    else parentAdds.set(parent.nodeId, (parentAdds.get(parent.nodeId) ?? 0) + 1);
  }

  const { write, report } = finish(input.mode, input.rows.length, errors);
  if (!write) return report;
  const nodes = [...created.values()];
  const ops: Op[] = [
    ...nodes.map((n): Op => (tx) => tx.node.create({ tenantId: actor.tenantId, nodeId: n.nodeId, parentId: n.parentId, path: n.path, level: n.level, name: n.name, unit: n.unit, tier: n.tier, activeChildren: n.children }).commit()),
    ...[...parentAdds].map(([nodeId, count]): Op => (tx) => tx.node.patch({ tenantId: actor.tenantId, nodeId }).add({ activeChildren: count }).where((a, op) => op.eq(a.status, "active")).commit()),
  ];
  const undo: Op[] = nodes.map((n): Op => (tx) => tx.node.delete({ tenantId: actor.tenantId, nodeId: n.nodeId }).commit());
  await writeAll(ops, undo, (part, of) => ({ action: "import.tree", targetType: "node", targetId: under.nodeId, details: { part, of, rows: input.rows.length, imported: report.imported, mode: input.mode } }));
  return report;
});

// ── Staff ──────────────────────────────────────────────────────────────────

const SPLIT = /[、,，;；\n]+/;

/** A profile item named by its id or its zh name. */
function byIdOrName<T extends { id: string }>(list: readonly T[], text: string, nameOf: (item: T) => string): T | undefined {
  return list.find((x) => x.id === text) ?? list.find((x) => nameOf(x) === text);
}

/** An employment kind of the county's vocabulary by its id, its zh label, or a common alias of the kernel kind it means. */
function employmentOf(profile: PolicyProfile, text: string): Employment | undefined {
  const words = profile.vocabulary.employmentKinds.filter((w) => w.id !== "any");
  return (
    words.find((w) => w.id === text || w.name.zh === text)?.id ??
    words.find((w) => employmentAliases[meaningOf(profile, "employmentKinds", w.id) ?? ""]?.includes(text))?.id
  );
}

/** Positions by id, by body + title (消防安全委员会主任), or by a title unique at the level. */
function positionOf(profile: PolicyProfile, level: string, text: string) {
  const here = profile.composition.filter((c) => profile.bodies.find((b) => b.id === c.body)?.level === level);
  const named = (c: (typeof here)[number]) => `${profile.bodies.find((b) => b.id === c.body)?.name.zh ?? ""}${c.title.zh}`;
  const found = profile.composition.find((c) => c.id === text) ?? here.find((c) => named(c) === text);
  if (found) return found;
  const byTitle = here.filter((c) => c.title.zh === text);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

/**
 * Staff from rows of (所在节点, 姓名, 用工性质, 派出单位, 所在机构, 角色,
 * 职务, 电话, 身份证号): profile words may be written as ids or as the
 * profile's zh names; several roles or positions are separated by 、 or ,.
 */
export const importStaff = useCase(ImportInput, async (input): Promise<ImportReport> => {
  const actor = useUser();
  const under = await underNode(input.under);
  authorize(actor, "org.manage", under);
  const { profile } = await profileAt();
  const existing = await namesUnder(under);
  const cols = locate(STAFF_COLUMNS, input.rows);
  const errors: RowErr[] = [...cols.errors];
  const err = (row: number, key: string, code: string, message: { zh: string; en: string }) => errors.push({ row, column: cols.column(key), code, message });
  const items: ReturnType<typeof personItem>[] = [];
  const ids = new Map<string, number>();
  const bodyName = (b: PolicyProfile["bodies"][number]) => b.name.zh;

  for (const r of cols.errors.length ? [] : input.rows) {
    const before = errors.length;
    const nodeName = normalisePath(cols.value(r, "node"), under);
    const matches = existing.get(nodeName) ?? [];
    const node = matches.length === 1 ? matches[0] : undefined;
    if (!node) {
      const [zh, en] = matches.length > 1 ? [`有多个节点叫“${nodeName}”`, `More than one node is called “${nodeName}”`] : [`找不到节点“${nodeName}”`, `No node “${nodeName}”`];
      err(r.row, "node", matches.length > 1 ? "import.node_ambiguous" : "import.node_unknown", { zh, en });
      continue;
    }
    if (!can(actor, "org.manage", node)) err(r.row, "node", "import.node_forbidden", { zh: "您无权管理该节点的人员", en: "You may not manage people of this node" });
    const name = cols.value(r, "name");
    const nameProblem = zodReason(PersonName, name);
    if (nameProblem) err(r.row, "name", "import.name_invalid", nameProblem);
    const employmentText = cols.value(r, "employment");
    const employment = employmentOf(profile, employmentText);
    if (!employment) err(r.row, "employment", "import.employment_unknown", { zh: `“${employmentText}”不是用工性质，可填：在编、政府购买服务、辅助、派驻、其他`, en: `“${employmentText}” is not an employment type: on_payroll, contracted, auxiliary, seconded, other` });
    const lookBody = (key: "secondedFrom" | "bodyId") => {
      const text = cols.value(r, key);
      if (!text) return undefined;
      const body = byIdOrName(profile.bodies, text, bodyName);
      if (!body) err(r.row, key, "import.body_unknown", { zh: `“${text}”不是政策档案中的机构`, en: `“${text}” is not a body of the profile` });
      return body?.id;
    };
    const secondedFrom = lookBody("secondedFrom");
    const bodyId = lookBody("bodyId");
    const roles = cols.value(r, "roles").split(SPLIT).map((s) => s.trim()).filter(Boolean).flatMap((text) => {
      const role = byIdOrName(profile.roles, text, (x) => x.name.zh);
      if (!role) err(r.row, "roles", "import.role_unknown", { zh: `“${text}”不是政策档案中的角色`, en: `“${text}” is not a role of the profile` });
      return role ? [role.id] : [];
    });
    const positions = cols.value(r, "positions").split(SPLIT).map((s) => s.trim()).filter(Boolean).flatMap((text) => {
      const position = positionOf(profile, node.level, text);
      if (!position) err(r.row, "positions", "import.position_unknown", { zh: `“${text}”不是本级机构的职务`, en: `“${text}” is not a position of a body at this level` });
      return position ? [position.id] : [];
    });
    const phone = cols.value(r, "phone");
    const phoneProblem = phone ? zodReason(ContactPhone, phone) : undefined;
    if (phoneProblem) err(r.row, "phone", "import.phone_invalid", phoneProblem);
    const idNumber = cols.value(r, "idNumber").toUpperCase();
    const idProblem = idNumber ? zodReason(IdNumber, idNumber) : undefined;
    if (idProblem) err(r.row, "idNumber", "import.id_number_invalid", idProblem);
    else if (idNumber && ids.has(idNumber)) err(r.row, "idNumber", "import.id_number_repeated", { zh: `身份证号与第 ${ids.get(idNumber)} 行重复`, en: `Same ID number as row ${ids.get(idNumber)}` });
    if (employment) {
      for (const problem of checkPersonFields(profile, node, { employment, secondedFrom: secondedFrom ?? null, bodyId, roles: [], positions: [] })) {
        err(r.row, problem.path.endsWith("secondedFrom") ? "secondedFrom" : "bodyId", problem.code, problem.message);
      }
    }
    if (errors.length > before) continue;
    if (idNumber) ids.set(idNumber, r.row);
    items.push(personItem(node, { name, employment: employment!, secondedFrom, bodyId, roles, positions, ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}) }));
  }

  const { write, report } = finish(input.mode, input.rows.length, errors);
  if (!write) return report;
  const ops: Op[] = items.map((item): Op => (tx) => tx.person.create(item).commit());
  const undo: Op[] = items.map((item): Op => (tx) => tx.person.delete({ tenantId: item.tenantId, nodeId: item.nodeId, personId: item.personId }).commit());
  await writeAll(ops, undo, (part, of) => ({ action: "import.staff", targetType: "node", targetId: under.nodeId, details: { part, of, rows: input.rows.length, imported: report.imported, mode: input.mode } }));
  return report;
});
