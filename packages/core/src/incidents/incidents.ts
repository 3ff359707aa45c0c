import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser, type Actor } from "../context/actor.ts";
import { withCursor } from "../db/cursor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError, fieldError, type FieldError } from "../errors/index.ts";
import { toXlsx, type Cell } from "../files/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { brigadePositionsUnder, type BrigadePosition } from "../organisation/index.ts";
import { incidentsPolicy, profileAt, type IncidentsPolicy } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound } from "../venues/index.ts";
import { CreateIncidentInput, ExportIncidentsInput, ListIncidentsInput, UpdateIncidentInput } from "./inputs.ts";
import { causeOf } from "./rules.ts";
import type { IncidentView } from "./views.ts";

// Fire incidents (火灾事故): recorded where they happened (a venue, or a node
// with a location), each write one transaction with its audit entry.

/** What the table holds for an incident. */
export interface IncidentItem {
  tenantId: string;
  incidentId: string;
  nodeId: string;
  path: string;
  occurredAt: string;
  venueId?: string;
  venueName?: string;
  lat?: number;
  lng?: number;
  address?: string;
  cause: string;
  description?: string;
  directLoss: number;
  deaths: number;
  injuries: number;
  forces: { brigadeId: string; nodeId: string; name: string; force: string; dispatchedAt?: string; arrivedAt?: string }[];
  earlyFireSave?: { brigadeId: string; nodeId: string; name: string };
  status: "reported" | "closed";
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  version: number;
}

/** Up to five minutes ahead of the server's clock is a clock's drift, not the future. */
const DRIFT_MS = 5 * 60_000;

/** Dispatch is county-wide (县域内火警派警): the forces of the whole tree, from its root. */
export const rootPathOf = (path: string) => `/${path.split("/")[1] ?? ""}`;

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 6000) / 10;

export function toIncidentView(item: IncidentItem, policy: IncidentsPolicy): IncidentView {
  const { tenantId: _t, ...rest } = item;
  const cause = causeOf(policy, item.cause);
  return {
    ...rest,
    causeName: cause ? cause.name : { zh: item.cause, en: item.cause },
    forces: item.forces.map((f) => ({ ...f, ...(f.dispatchedAt && f.arrivedAt ? { responseMinutes: minutesBetween(f.dispatchedAt, f.arrivedAt) } : {}) })),
  };
}

export async function incidentOrNotFound(incidentId: string, consistent = false): Promise<IncidentItem> {
  const { data } = await tenantDb().service.entities.incident.get({ tenantId: useUser().tenantId, incidentId }).go({ consistent });
  if (!data) throw new AppError("not_found", "incident.not_found");
  return data as unknown as IncidentItem;
}

interface Facts {
  occurredAt?: string | undefined;
  cause?: string | undefined;
  forces?: { brigadeId: string; dispatchedAt?: string | undefined; arrivedAt?: string | undefined }[] | undefined;
  earlyFireSave?: { brigadeId: string } | null | undefined;
}

/** The cause in the profile, times not in the future and in order, forces known brigades of the county, the early-fire save a micro station. */
async function checkFacts(policy: IncidentsPolicy, input: Facts, occurredAt: string, path: string, now: Date): Promise<{ errors: FieldError[]; brigades: Map<string, BrigadePosition> }> {
  const errors: FieldError[] = [];
  const future = (t: string) => Date.parse(t) > now.getTime() + DRIFT_MS;
  if (input.occurredAt !== undefined && future(input.occurredAt)) errors.push(fieldError("body.occurredAt", "incident.in_future", "发生时间不能晚于现在", "The time of the fire cannot be in the future"));
  if (input.cause !== undefined && !causeOf(policy, input.cause)) {
    const known = policy.causes.map((c) => `${c.id}（${c.name.zh}）`).join("、");
    errors.push(fieldError("body.cause", "incident.cause_unknown", `“${input.cause}”不是政策档案中的起火原因分类，可选：${known}`, `“${input.cause}” is not a cause category of the profile`));
  }
  const wanted = [...(input.forces ?? []).map((f) => f.brigadeId), ...(input.earlyFireSave ? [input.earlyFireSave.brigadeId] : [])];
  const brigades = new Map<string, BrigadePosition>();
  if (wanted.length) for (const b of await brigadePositionsUnder(rootPathOf(path))) brigades.set(b.brigadeId, b);
  const seen = new Set<string>();
  (input.forces ?? []).forEach((f, i) => {
    const at = `body.forces[${i}]`;
    if (!brigades.has(f.brigadeId)) errors.push(fieldError(`${at}.brigadeId`, "incident.force_unknown", "找不到该消防力量（须为本县在编的队站）", "No such active brigade or station in the county"));
    if (seen.has(f.brigadeId)) errors.push(fieldError(`${at}.brigadeId`, "incident.force_repeated", "同一力量只能列一次", "Each force is listed once"));
    seen.add(f.brigadeId);
    if (f.dispatchedAt && Date.parse(f.dispatchedAt) < Date.parse(occurredAt)) errors.push(fieldError(`${at}.dispatchedAt`, "incident.dispatched_before_fire", "调派时间不能早于发生时间", "Dispatched before the fire broke out"));
    if (f.dispatchedAt && future(f.dispatchedAt)) errors.push(fieldError(`${at}.dispatchedAt`, "incident.in_future", "调派时间不能晚于现在", "The dispatch time cannot be in the future"));
    if (f.arrivedAt && future(f.arrivedAt)) errors.push(fieldError(`${at}.arrivedAt`, "incident.in_future", "到场时间不能晚于现在", "The arrival time cannot be in the future"));
    if (f.arrivedAt && Date.parse(f.arrivedAt) < Date.parse(f.dispatchedAt ?? occurredAt)) errors.push(fieldError(`${at}.arrivedAt`, "incident.arrived_before_dispatch", "到场时间不能早于调派时间（或发生时间）", "Arrived before it was dispatched (or before the fire)"));
  });
  if (input.earlyFireSave) {
    const station = brigades.get(input.earlyFireSave.brigadeId);
    if (!station) errors.push(fieldError("body.earlyFireSave.brigadeId", "incident.force_unknown", "找不到该微型消防站", "No such active micro station in the county"));
    else if (station.force !== "micro_station") errors.push(fieldError("body.earlyFireSave.brigadeId", "incident.not_micro_station", "初期火灾扑救须为微型消防站", "An early-fire save is a micro station's"));
  }
  return { errors, brigades };
}

const forceOf = (b: BrigadePosition, f: { dispatchedAt?: string | undefined; arrivedAt?: string | undefined }) =>
  plain({ brigadeId: b.brigadeId, nodeId: b.nodeId, name: b.name, force: b.force, dispatchedAt: f.dispatchedAt && new Date(f.dispatchedAt).toISOString(), arrivedAt: f.arrivedAt && new Date(f.arrivedAt).toISOString() });
const saveOf = (b: BrigadePosition) => ({ brigadeId: b.brigadeId, nodeId: b.nodeId, name: b.name });
const reject = (errors: FieldError[]) => {
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
};

/**
 * Record a fire incident at a venue (its node and location from the venue) or
 * at a node with a location. With an Idempotency-Key, a retry answers the first.
 */
export const createIncident = useCase(CreateIncidentInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<IncidentView> => {
  const actor = useUser();
  const now = opts.now ?? new Date();
  const venue = input.venueId !== undefined ? await venueOrNotFound(input.venueId) : undefined;
  const node: NodeItem = await nodeOrNotFound(venue ? venue.nodeId : input.nodeId!);
  if (venue && input.nodeId !== undefined && input.nodeId !== venue.nodeId) reject([fieldError("body.nodeId", "incident.node_mismatch", "场所不在所填节点", "The venue is not at that node")]);
  authorize(actor, "incident.manage", node);
  const { profile } = await profileAt(now);
  const policy = incidentsPolicy(profile);
  const request = { createIncident: input };
  if (opts.idempotencyKey !== undefined) {
    const stored = await storedResult<IncidentView>(opts.idempotencyKey, request);
    if (stored) return stored;
  }
  const occurredAt = new Date(input.occurredAt).toISOString();
  const { errors, brigades } = await checkFacts(policy, input, occurredAt, node.path, now);
  reject(errors);
  const incidentId = timeOrderedId(now);
  const lat = input.lat ?? venue?.lat;
  const lng = input.lat !== undefined ? input.lng : venue?.lng;
  const item: IncidentItem = plain({
    tenantId: actor.tenantId,
    incidentId,
    nodeId: node.nodeId,
    path: node.path,
    occurredAt,
    venueId: venue?.venueId,
    venueName: venue?.name,
    ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
    address: input.address ?? venue?.address,
    cause: input.cause,
    description: input.description,
    directLoss: input.directLoss,
    deaths: input.deaths,
    injuries: input.injuries,
    forces: input.forces.map((f) => forceOf(brigades.get(f.brigadeId)!, f)),
    earlyFireSave: input.earlyFireSave ? saveOf(brigades.get(input.earlyFireSave.brigadeId)!) : undefined,
    status: "reported" as const,
    createdBy: actor.userId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  });
  const view = toIncidentView(item, policy);
  const place = atPlace(node);
  await writeTransaction(
    (tx) =>
      place.items(tx, [
        tx.incident.create(item as never).commit(),
        auditItem(tx, { action: "incident.create", targetType: "incident", targetId: incidentId, details: plain({ nodeId: node.nodeId, venueId: venue?.venueId, cause: input.cause, deaths: input.deaths, injuries: input.injuries, earlyFireSave: input.earlyFireSave?.brigadeId }) }, now),
      ] as never) as never,
    {
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result: view },
    },
  );
  return view;
});

/** Edit an incident (its place stays): conditioned on the version read, so two editors never overwrite each other unseen. */
export const updateIncident = useCase(UpdateIncidentInput, async (input, incidentId: string, opts: { now?: Date } = {}): Promise<IncidentView> => {
  const actor = useUser();
  const now = opts.now ?? new Date();
  const current = await incidentOrNotFound(incidentId);
  authorize(actor, "incident.manage", current);
  if (current.version !== input.version) throw new AppError("conflict", "incident.version_stale", { version: current.version });
  const { profile } = await profileAt(now);
  const policy = incidentsPolicy(profile);
  const occurredAt = input.occurredAt !== undefined ? new Date(input.occurredAt).toISOString() : current.occurredAt;
  const forces = input.forces ?? current.forces;
  const { errors, brigades } = await checkFacts(policy, { ...input, forces }, occurredAt, current.path, now);
  reject(errors);
  const set: Record<string, unknown> = { updatedAt: now.toISOString(), version: current.version + 1 };
  const remove: string[] = [];
  const { version: _v, ...changes } = input;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) remove.push(key);
    else if (key === "occurredAt") set[key] = occurredAt;
    else if (key === "forces") set[key] = input.forces!.map((f) => forceOf(brigades.get(f.brigadeId)!, f));
    else if (key === "earlyFireSave") set[key] = saveOf(brigades.get(input.earlyFireSave!.brigadeId)!);
    else set[key] = value;
  }
  if (input.status === "closed" && current.status !== "closed") set.closedAt = now.toISOString();
  if (input.status === "reported" && current.closedAt) remove.push("closedAt");
  await writeTransaction(({ incident, audit }) => [
      incident
        .patch({ tenantId: actor.tenantId, incidentId })
        .set(set)
        .remove(remove as never)
        .where((a, op) => op.eq(a.version, current.version))
        .commit(),
      auditItem({ audit }, { action: input.status === "closed" && current.status !== "closed" ? "incident.close" : "incident.update", targetType: "incident", targetId: incidentId, details: { fields: [...Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined)] } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "incident.version_stale", { version: current.version }) },
  );
  return toIncidentView(await incidentOrNotFound(incidentId, true), policy);
});

/** The subtree an incident list covers: a node within the caller's scope (default their scope). */
async function placeOf(actor: Actor & { type: "user" }, nodeId: string | undefined): Promise<string> {
  if (nodeId === undefined) {
    authorize(actor, "incident.read");
    return actor.scopePath;
  }
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(actor, "incident.read", node);
  return node.path;
}

const underPath = (path: string) => `${path}/`;

/** The incidents of a subtree, in path order, newest first within a node (one Query page). */
export const listIncidents = useCase(
  ListIncidentsInput,
  async (input) => {
    const actor = useUser();
    const path = await placeOf(actor, input.nodeId);
    const { profile } = await profileAt();
    const policy = incidentsPolicy(profile);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.incident.query.bySubtree({ tenantId: actor.tenantId }).begins({ path: underPath(path) } as never).go({ cursor, limit: input.limit, order: "desc" }));
    return { items: page.data.map((i) => toIncidentView(i as unknown as IncidentItem, policy)), cursor: page.cursor };
  },
  "query",
);

/**
 * Every incident of a subtree with an instant in [from, to] (for the
 * assessment's count): one Query of the subtree's rows. No access check: the
 * caller has authorized its reader for the subtree.
 */
export async function incidentsBetween(path: string, from: string, to: string): Promise<{ incidentId: string; occurredAt: string; earlyFireSave?: { brigadeId: string; nodeId: string; name: string } }[]> {
  const { data } = await tenantDb()
    .service.entities.incident.query.bySubtree({ tenantId: useTenant() })
    .begins({ path: underPath(path) } as never)
    .where((a, op) => `${op.gte(a.occurredAt, from)} AND ${op.lte(a.occurredAt, to)}`)
    .go({ pages: "all", attributes: ["incidentId", "occurredAt", "earlyFireSave"] });
  return data as never;
}

/** The micro station an incident records as having put out its early fire, if any (no access check: for the incentive register). */
export async function earlyFireSaveOf(incidentId: string): Promise<{ brigadeId: string; nodeId: string; name: string } | undefined> {
  const { data } = await tenantDb().service.entities.incident.get({ tenantId: useTenant(), incidentId }).go({ attributes: ["earlyFireSave"] });
  return (data?.earlyFireSave as { brigadeId: string; nodeId: string; name: string } | undefined) ?? undefined;
}

/** The incident ledger of a subtree as xlsx, Chinese headers. */
export const exportIncidents = useCase(
  ExportIncidentsInput,
  async (input): Promise<{ filename: string; contentType: string; body: Uint8Array; rows: number }> => {
    const actor = useUser();
    const path = await placeOf(actor, input.nodeId);
    const { profile } = await profileAt();
    const policy = incidentsPolicy(profile);
    const { data } = await tenantDb().service.entities.incident.query.bySubtree({ tenantId: actor.tenantId }).begins({ path: underPath(path) } as never).go({ pages: "all" });
    const views = (data as unknown as IncidentItem[]).map((i) => toIncidentView(i, policy)).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const header: Cell[] = ["发生时间", "场所", "地址", "起火原因", "直接财产损失（元）", "死亡", "受伤", "出动力量", "首支到场（分钟）", "微型消防站初期扑救", "状态", "事故编号"];
    const rows: Cell[][] = views.map((v) => {
      const first = v.forces.map((f) => f.responseMinutes).filter((m): m is number => m !== undefined);
      return [v.occurredAt, v.venueName ?? "", v.address ?? "", v.causeName.zh, v.directLoss, v.deaths, v.injuries, v.forces.map((f) => f.name).join("、"), first.length ? Math.min(...first) : null, v.earlyFireSave?.name ?? "", v.status === "closed" ? "已结案" : "已报告", v.incidentId];
    });
    const body = await toXlsx([{ name: "火灾事故", rows: [header, ...rows], widths: [22, 20, 24, 12, 14, 6, 6, 24, 12, 18, 8, 24] }]);
    return { filename: `incidents-${new Date().toISOString().slice(0, 10)}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body, rows: rows.length };
  },
  "query",
);
