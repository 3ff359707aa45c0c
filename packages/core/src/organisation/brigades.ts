import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { Id, ProfileId, ShortText } from "./fields.ts";
import { PageInput } from "./people.ts";
import { defined } from "../db/plain.ts";
import { fieldError } from "../errors/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { pageOf, withCursor } from "../db/cursor.ts";
import { Deployment, DutyStatus, ForceKind, unknownWord, VehicleType } from "./vocabulary.ts";

const Vehicle = z.object({ type: VehicleType, count: z.int().min(1).max(99) });

/** A team (编队) of the station, by the profile's team id (brigades.requirements.requiredTeams) where it names one. */
const Team = z.object({ id: ProfileId, name: ShortText.min(1, bilingual("请填写编队名称", "Team name is required")), memberCount: z.int().min(0).max(999).optional() });
const Teams = z
  .array(Team)
  .max(20)
  .refine((teams) => new Set(teams.map((t) => t.id)).size === teams.length, bilingual("编队不能重复", "A team is listed twice"));

export const BrigadeViewSchema = z
  .object({
    brigadeId: z.string(),
    nodeId: z.string().meta({ description: "Home node" }),
    path: z.string(),
    name: z.string(),
    force: ForceKind,
    grade: z.string().optional(),
    deployment: Deployment.optional(),
    venueId: z.string().optional(),
    publicInstitution: z.boolean().optional().meta({ description: "Registered as a public-institution legal person (事业单位法人)" }),
    lat: z.number().optional().meta({ description: "Where it is based (WGS-84 latitude)" }),
    lng: z.number().optional().meta({ description: "Where it is based (WGS-84 longitude)" }),
    coveredNodeIds: z.array(z.string()),
    memberIds: z.array(z.string()),
    formerMemberIds: z.array(z.string()).optional().meta({ description: "Members who left while on its roster (set when their person record is marked left)" }),
    vehicles: z.array(Vehicle),
    teams: z.array(Team).optional().meta({ description: "Its teams (编队), by the profile's team ids" }),
    dutyStatus: DutyStatus,
    status: z.enum(["active", "disbanded"]),
    updatedAt: z.string(),
  })
  .meta({ id: "Brigade" });

export type BrigadeView = z.infer<typeof BrigadeViewSchema>;

export function toBrigadeView(b: BrigadeView & { tenantId: string; createdAt: string }): BrigadeView {
  const { tenantId: _t, createdAt: _c, ...view } = b;
  return view;
}

export const BrigadePageSchema = pageOf(BrigadeViewSchema).meta({ id: "BrigadePage" });

const Lat = z.number().min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90"));
const Lng = z.number().min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180"));

const fields = {
  name: ShortText.min(1, bilingual("请填写队站名称", "Name is required")),
  force: ForceKind,
  grade: ProfileId.optional().meta({ description: "A grade id of profile.brigades.grades" }),
  deployment: Deployment.optional().meta({ description: "Its place in a centre/satellite layout" }),
  venueId: Id.optional().meta({ description: "A key unit's own micro fire station: the venue (of the home node) it is built at" }),
  publicInstitution: z.boolean().optional().meta({ description: "Registered as a public-institution legal person (登记为事业单位法人)" }),
  lat: Lat.optional().meta({ description: "Where it is based (WGS-84), for the nearest forces of a fire incident" }),
  lng: Lng.optional(),
  coveredNodeIds: z.array(Id).max(30).default([]).meta({ description: "Nodes it covers besides its home" }),
  memberIds: z.array(Id).max(200).default([]).meta({ description: "People of the home node" }),
  vehicles: z.array(Vehicle).max(10).default([]),
  teams: Teams.optional().meta({ description: "Its teams (编队), by the profile's team ids (brigades.requirements.requiredTeams)" }),
  dutyStatus: DutyStatus.default("on_duty"),
};

const bothOrNeither = (v: { lat?: number | null | undefined; lng?: number | null | undefined }) => (v.lat === undefined) === (v.lng === undefined) && (v.lat === null) === (v.lng === null);
const BOTH = { message: bilingual("经纬度须同时填写", "Latitude and longitude go together"), path: ["lng"] };

export const CreateBrigadeInput = z.object(fields).refine(bothOrNeither, BOTH).meta({ id: "CreateBrigadeInput" });

export const UpdateBrigadeInput = z
  .object({
    name: fields.name.optional(),
    grade: ProfileId.nullable().optional(),
    deployment: Deployment.nullable().optional(),
    venueId: Id.nullable().optional(),
    publicInstitution: z.boolean().optional(),
    lat: Lat.nullable().optional(),
    lng: Lng.nullable().optional(),
    coveredNodeIds: z.array(Id).max(30).optional(),
    memberIds: z.array(Id).max(200).optional(),
    vehicles: z.array(Vehicle).max(10).optional(),
    teams: Teams.optional(),
    dutyStatus: DutyStatus.optional(),
    status: z.enum(["active", "disbanded"]).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .refine(bothOrNeither, BOTH)
  .meta({ id: "UpdateBrigadeInput" });

/** The force kind and vehicle types are words of the county's vocabulary. */
function checkWords(profile: PolicyProfile, input: { force?: string | undefined; vehicles?: readonly { type: string }[] | undefined }): FieldError[] {
  return [...unknownWord(profile, "forceKinds", input.force, "body.force"), ...(input.vehicles ?? []).flatMap((v, i) => unknownWord(profile, "engineTypes", v.type, `body.vehicles[${i}].type`))];
}

function checkGrade(profile: PolicyProfile, grade: string | null | undefined): FieldError[] {
  if (!grade || profile.brigades.grades.some((g) => g.id === grade)) return [];
  const known = profile.brigades.grades.map((g) => `${g.id}（${g.name.zh}）`).join("、") || "—";
  return [fieldError("body.grade", "org.grade_unknown", `“${grade}”不是政策档案中的队站等级，可选：${known}`, `“${grade}” is not a brigade grade of the profile`)];
}

/** Covered nodes: active, not the home, within what the caller manages. */
async function loadCovered(home: NodeItem, ids: readonly string[]): Promise<NodeItem[]> {
  const unique = [...new Set(ids)].filter((id) => id !== home.nodeId);
  const nodes = await Promise.all(unique.map((id) => nodeOrNotFound(id)));
  for (const n of nodes) authorize(useUser(), "org.manage", n);
  return nodes;
}

/** Members must be active people of the home node (one BatchGet). */
async function checkMembers(home: NodeItem, ids: readonly string[]): Promise<FieldError[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const { data } = await tenantDb().service.entities.person.get(unique.map((personId) => ({ tenantId: home.tenantId, nodeId: home.nodeId, personId }))).go();
  const found = new Set(data.filter((p) => p.status === "active").map((p) => p.personId));
  return ids.flatMap((id, i) => (found.has(id) ? [] : [fieldError(`body.memberIds[${i}]`, "org.member_unknown", "队员须为本节点在岗的人员", "Members must be active people of the home node")]));
}

/** How the venue registry answers for a venue, without organisation importing it (venues registers this at load). */
export type VenueLookup = (venueId: string) => Promise<{ nodeId: string; status: string } | undefined>;
let lookUpVenue: VenueLookup | undefined;

/** Called by the venue registry as it loads. */
export function lookUpVenuesWith(lookup: VenueLookup): void {
  lookUpVenue = lookup;
}

/** A brigade's venue: an active venue of its home node. */
async function checkVenue(home: NodeItem, venueId: string | null | undefined): Promise<FieldError[]> {
  if (!venueId) return [];
  const venue = lookUpVenue ? await lookUpVenue(venueId) : undefined;
  if (!venue || venue.status !== "active") return [fieldError("body.venueId", "org.venue_unknown", "找不到该场所", "No such venue")];
  if (venue.nodeId !== home.nodeId) return [fieldError("body.venueId", "org.venue_elsewhere", "场所须在本队站所在节点登记", "The venue must be registered at the brigade's own node")];
  return [];
}

function reject(errors: FieldError[]) {
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
}

async function loadBrigade(home: { nodeId: string }, brigadeId: string, consistent = false) {
  const { data } = await tenantDb().service.entities.brigade.get({ tenantId: useTenant(), nodeId: home.nodeId, brigadeId }).go({ consistent });
  if (!data) throw new AppError("not_found", "brigade.not_found");
  return data;
}

export const BrigadeParams = z.object({ nodeId: Id, brigadeId: Id });

/** One GetItem: the brigade carries its home's path. */
export async function getBrigade(nodeId: string, brigadeId: string): Promise<BrigadeView> {
  const actor = useUser();
  const brigade = await loadBrigade({ nodeId }, brigadeId);
  authorize(actor, "org.read", brigade);
  return toBrigadeView(brigade);
}

/** The brigades based in a subtree, in path order. */
export const listBrigadesUnder = useCase(
  PageInput,
  async (input, nodeId: string) => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.brigade.query.bySubtree({ tenantId: node.tenantId }).begins({ path: node.path }).go({ cursor, limit: input.limit }));
    return { items: page.data.map(toBrigadeView), cursor: page.cursor };
  },
  "query",
);

/**
 * A brigade at its home node, with a cover item in each node it covers (so
 * that node's own view knows it is covered), in one transaction.
 */
export const createBrigade = useCase(CreateBrigadeInput, async (input, nodeId: string): Promise<BrigadeView> => {
  const actor = useUser();
  const home = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", home);
  const { profile } = await profileAt();
  reject([...checkWords(profile, input), ...checkGrade(profile, input.grade), ...(await checkMembers(home, input.memberIds)), ...(await checkVenue(home, input.venueId))]);
  const covered = await loadCovered(home, input.coveredNodeIds);
  const brigadeId = randomUUID();
  const item = { tenantId: actor.tenantId, nodeId, brigadeId, path: home.path, ...input, coveredNodeIds: covered.map((n) => n.nodeId), memberIds: [...new Set(input.memberIds)] };
  const place = atPlace(home);
  await writeTransaction((tx) =>
      place.items(tx, [
        tx.brigade.create(item).commit(),
        ...covered.map((n) => tx.brigadeCover.put({ tenantId: actor.tenantId, nodeId: n.nodeId, brigadeId, homeNodeId: nodeId, name: input.name, force: input.force, grade: input.grade }).commit()),
        auditItem(tx, { action: "brigade.create", targetType: "brigade", targetId: brigadeId, details: defined({ nodeId, force: input.force, grade: input.grade, covered: item.coveredNodeIds }) }),
      ] as never) as never,
    { onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")) },
  );
  return toBrigadeView(await loadBrigade(home, brigadeId, true));
});

/** Edit a brigade; its cover items follow its name, grade, coverage and status. */
export const updateBrigade = useCase(UpdateBrigadeInput, async (input, nodeId: string, brigadeId: string): Promise<BrigadeView> => {
  const actor = useUser();
  const home = await nodeOrNotFound(nodeId, { allowRetired: true });
  const current = await loadBrigade(home, brigadeId);
  authorize(actor, "org.manage", home);
  const { profile } = await profileAt();
  reject([...checkWords(profile, input), ...checkGrade(profile, input.grade), ...(input.memberIds ? await checkMembers(home, input.memberIds) : []), ...(await checkVenue(home, input.venueId))]);
  const covered = input.coveredNodeIds ? await loadCovered(home, input.coveredNodeIds) : undefined;
  const set: Record<string, unknown> = {};
  const remove: ("grade" | "deployment" | "venueId" | "lat" | "lng")[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === null) remove.push(key as "grade" | "deployment" | "venueId" | "lat" | "lng");
    else if (key === "coveredNodeIds") set[key] = covered!.map((n) => n.nodeId);
    else if (key === "memberIds") set[key] = [...new Set(value as string[])];
    else set[key] = value;
  }
  const status = input.status ?? current.status;
  const keep = status === "active" ? ((set.coveredNodeIds as string[] | undefined) ?? current.coveredNodeIds) : [];
  const dropped = current.coveredNodeIds.filter((id) => !keep.includes(id));
  const name = input.name ?? current.name;
  const grade = input.grade === null ? undefined : (input.grade ?? current.grade);
  await writeTransaction(({ brigade, brigadeCover, audit }) => [
      brigade
        .patch({ tenantId: actor.tenantId, nodeId, brigadeId })
        .set(set)
        .remove(remove)
        .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
        .commit(),
      ...dropped.map((id) => brigadeCover.delete({ tenantId: actor.tenantId, nodeId: id, brigadeId }).commit()),
      ...keep.map((id) => brigadeCover.put({ tenantId: actor.tenantId, nodeId: id, brigadeId, homeNodeId: nodeId, name, force: current.force, grade }).commit()),
      auditItem({ audit }, { action: "brigade.update", targetType: "brigade", targetId: brigadeId, details: { nodeId, fields: [...Object.keys(set), ...remove] } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toBrigadeView(await loadBrigade(home, brigadeId, true));
});

/** An active brigade where it is based, for the nearest forces of a fire incident (火警派警). */
export interface BrigadePosition {
  brigadeId: string;
  nodeId: string;
  path: string;
  name: string;
  force: BrigadeView["force"];
  dutyStatus: BrigadeView["dutyStatus"];
  lat?: number;
  lng?: number;
}

/**
 * The active brigades based in a subtree with their positions (one Query of the
 * brigades' subtree index). No access check: the caller has authorized its
 * reader for the subtree.
 */
export async function brigadePositionsUnder(path: string): Promise<BrigadePosition[]> {
  const { data } = await tenantDb().service.entities.brigade.query.bySubtree({ tenantId: useTenant() }).begins({ path }).go({ pages: "all" });
  return data
    .filter((b) => b.status === "active" && (b.path === path || b.path.startsWith(path.endsWith("/") ? path : `${path}/`)))
    .map((b) => ({ brigadeId: b.brigadeId, nodeId: b.nodeId, path: b.path, name: b.name, force: b.force, dutyStatus: b.dutyStatus, ...defined({ lat: b.lat, lng: b.lng }) }) as BrigadePosition);
}
