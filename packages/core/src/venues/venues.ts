import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { ContactPhone } from "../organisation/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound, readPlace } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { filledPage, pageOf, pageQuery, withCursor } from "../db/cursor.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { retirementBatches } from "./retirement.ts";
import { venuesWritten } from "./changes.ts";
import { checkFacts, classify, venueDuties } from "./classify.ts";
import { createItems, factsOf, fieldsOf, plain, updateItems, venueOrNotFound, type VenueFields, type VenueItem } from "./store.ts";
import { Feature } from "./vocabulary.ts";
import { OPERATING_STATUSES, SafetyEvaluationSchema } from "./evaluation.ts";

// ── Inputs ─────────────────────────────────────────────────────────────────

const Text = (max: number, zh: string) => z.string().trim().min(1, bilingual(`请填写${zh}`, "Required")).max(max, bilingual(`${zh}不超过 ${max} 个字`, `At most ${max} characters`));
const ProfileWord = z.string().trim().min(1).max(64);
/** The venue's numbers by the profile's measure ids (height_m: 60); ids the profile does not declare are refused by name. */
const Measures = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, bilingual("计量项 id 须为小写 snake_case", "A measure id is a snake_case id")).max(64),
    z.number({ error: bilingual("计量值须为数字", "A measure is a number") }).finite().min(0, bilingual("计量值不能为负数", "A measure cannot be negative")).max(1e9),
  )
  .refine((m) => Object.keys(m).length <= 20, bilingual("最多 20 个计量项", "At most 20 measures"))
  .meta({ description: "Numbers by the profile's venue measure ids (venues.measures), e.g. { height_m: 60 }" });
export const ExternalId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s#/]+$/, bilingual("外部编号不能含空格、# 或 /", "An external id has no spaces, # or /"));

const fields = {
  name: Text(100, "场所名称"),
  address: z.string().trim().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  nodeId: z.string().min(1).max(64).meta({ description: "The node (usually a grid) the venue lies in" }),
  kinds: z.array(ProfileWord).min(1, bilingual("请至少选择一种场所类型", "Choose at least one venue kind")).max(10).meta({ description: "Venue kind ids of the profile in force" }),
  keyUnitLevel: ProfileWord.optional(),
  enterpriseGrade: ProfileWord.optional(),
  riskGrade: ProfileWord.optional(),
  flags: z.array(ProfileWord).max(10).default([]).meta({ description: "The profile's venue flags, besides those of its kinds" }),
  features: z.array(Feature).max(10).default([]),
  measures: Measures.optional(),
  contactName: z.string().trim().max(40).optional().meta({ description: "Person in charge (负责人)" }),
  contactPhone: ContactPhone.optional(),
  externalId: ExternalId.optional(),
};

export const CreateVenueInput = z.object(fields).meta({ id: "CreateVenueInput" });

const nullable = <T extends z.ZodType>(s: T) => s.nullable().optional();
export const UpdateVenueInput = z
  .object({
    version: z.int().min(1).optional().meta({ description: "The version read; the change is refused (409) if the venue changed since" }),
    name: fields.name.optional(),
    address: nullable(z.string().trim().max(200)),
    lat: nullable(z.number().min(-90).max(90)),
    lng: nullable(z.number().min(-180).max(180)),
    nodeId: fields.nodeId.optional(),
    kinds: fields.kinds.optional(),
    keyUnitLevel: nullable(ProfileWord),
    enterpriseGrade: nullable(ProfileWord),
    riskGrade: nullable(ProfileWord),
    flags: z.array(ProfileWord).max(10).optional(),
    features: z.array(Feature).max(10).optional(),
    measures: nullable(Measures),
    contactName: nullable(z.string().trim().max(40)),
    contactPhone: nullable(ContactPhone),
    externalId: nullable(ExternalId),
  })
  .meta({ id: "UpdateVenueInput" });

export const VenueParams = z.object({ venueId: z.string().min(1).max(64) });
export const ListVenuesInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree to list (default: your scope node)" }),
  kind: ProfileWord.optional().meta({ description: "Only venues of this kind (a venue kind id of the profile)" }),
  category: ProfileWord.optional().meta({ description: "Only venues of this inspection category" }),
  supervisor: ProfileWord.optional().meta({ description: "Only venues this body supervises (profile body id)" }),
  status: z.enum(["active", "retired"]).optional().meta({ description: "Only active or only retired venues (default: both)" }),
  patrolPlan: z.enum(["missing", "set"]).optional().meta({ description: "missing: active venues a patrol_plan policy covers that have no plan yet; set: venues with a plan" }),
  q: z.string().trim().min(1).max(100).optional().meta({ description: "Words of the name, address, external id or contact (case ignored)" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ── Views ──────────────────────────────────────────────────────────────────

export const PatrolPlanViewSchema = z
  .object({
    patrollerId: z.string(),
    patrollerName: z.string(),
    frequency: z.object({ every: z.int(), unit: z.enum(["day", "week", "month", "quarter", "half_year", "year"]) }),
    method: z.string().meta({ description: "A patrol method id (on_site, night, video, joint)" }),
    note: z.string().optional(),
    setBy: z.string(),
    setAt: z.string(),
  })
  .meta({ id: "PatrolPlan" });

export const VenueViewSchema = z
  .object({
    venueId: z.string(),
    name: z.string(),
    address: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
    nodeId: z.string(),
    path: z.string(),
    kinds: z.array(z.string()),
    keyUnitLevel: z.string().optional(),
    enterpriseGrade: z.string().optional(),
    riskGrade: z.string().optional(),
    flags: z.array(z.string()),
    features: z.array(z.string()),
    measures: z.record(z.string(), z.number()).optional().meta({ description: "The venue's numbers by the profile's measure ids" }),
    classified: z
      .object({ keyUnitLevel: z.string().optional(), riskGrade: z.string().optional(), flags: z.array(z.string()).optional(), policies: z.array(z.string()) })
      .optional()
      .meta({ description: "What the profile's classify policies gave the venue (高度 ≥ 50 米 → 一级重点单位), derived from the profile; its own keyUnitLevel/riskGrade come first" }),
    contactName: z.string().optional(),
    contactPhone: z.string().optional(),
    externalId: z.string().optional(),
    supervisor: z.string().meta({ description: "The supervising body (profile body id), derived from the profile" }),
    supervisionRule: z.string().optional().meta({ description: "The supervision rule that matched; absent: the profile's fallback" }),
    categories: z.array(z.string()).meta({ description: "Inspection categories, derived from the profile" }),
    patrolPlanPolicy: z.string().optional().meta({ description: "The profile's patrol_plan policy the venue falls under (it must name a patroller, frequency and method), derived from the profile" }),
    patrolPlan: PatrolPlanViewSchema.optional(),
    patrolBy: z.object({ body: z.string(), policy: z.string() }).optional().meta({ description: "One venue read: the department that patrols it (a patrol_assignment policy, by its kind)" }),
    reportTo: z.object({ to: z.string(), forwardTo: z.string().optional(), policy: z.string() }).optional().meta({ description: "One venue read: where a venue no supervision rule assigns is reported, and the department it is pushed on to" }),
    profileVersion: z.int(),
    status: z.enum(["active", "retired"]),
    operatingStatus: z.enum(OPERATING_STATUSES).optional().meta({ description: "must_not_operate after a failed safety evaluation (不得经营使用), until one passes" }),
    safetyEvaluation: SafetyEvaluationSchema.optional().meta({ description: "The latest safety evaluation" }),
    version: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Venue" });
export type VenueView = z.infer<typeof VenueViewSchema>;
export const VenuePageSchema = pageOf(VenueViewSchema).meta({ id: "VenuePage" });

export const VenueEventSchema = z
  .object({ eventId: z.string(), at: z.string(), action: z.string(), actorId: z.string(), profileVersion: z.int(), changed: z.array(z.string()).optional(), before: z.unknown().optional(), after: z.unknown().optional(), basis: z.unknown().optional() })
  .meta({ id: "VenueEvent" });
export const VenueHistorySchema = pageOf(VenueEventSchema).meta({ id: "VenueHistory" });

export function toVenueView(v: VenueItem): VenueView {
  const { tenantId: _t, retiredAt: _r, searchText: _s, ...rest } = v as VenueItem & { searchText?: string };
  return plain(rest) as VenueView;
}

// ── Checks ─────────────────────────────────────────────────────────────────

/** 400 naming each field the profile does not know. */
export function checkAgainstProfile(profile: PolicyProfile, facts: Parameters<typeof checkFacts>[1]): void {
  const problems = checkFacts(profile, facts);
  if (!problems.length) return;
  const errors: FieldError[] = problems.map((p) => ({ path: `body.${p.field}`, code: p.code, message: p.message }));
  throw new AppError("validation", "request.invalid", {}, errors);
}

const canceled = (reasons: { index: number; code: string }[], externalIndex: number | undefined) =>
  externalIndex !== undefined && reasons.some((r) => r.index === externalIndex && r.code === "ConditionalCheckFailed")
    ? new AppError("conflict", "venue.external_id_taken")
    : reasons.some((r) => r.index === 0)
      ? new AppError("conflict", "venue.changed")
      : new AppError("conflict", "request.conflict_retry");

// ── Use cases ──────────────────────────────────────────────────────────────

/** A venue in the caller's subtree, classified by the profile in force; one transaction with its history entry and audit. */
export const createVenue = useCase(CreateVenueInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<VenueView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(input.nodeId);
  authorize(actor, "venue.manage", node);
  const { version, profile } = await profileAt();
  checkAgainstProfile(profile, input);
  const now = opts.now ?? new Date();
  const venueId = randomUUID();
  const f: VenueFields = { ...input, nodeId: node.nodeId, path: node.path };
  const view = toVenueView({ tenantId: actor.tenantId, venueId, ...plain(f), ...classifyFields(profile, f), profileVersion: version, status: "active", version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() } as VenueItem);
  const place = atPlace(node);
  const stored = await writeTransaction<VenueView>((tx) => place.items(tx, [...createItems(tx, { venueId, fields: f, profile, profileVersion: version, now }), auditItem(tx, { action: "venue.create", targetType: "venue", targetId: venueId, details: plain({ nodeId: node.nodeId, kinds: input.kinds, supervisor: view.supervisor, categories: view.categories }) }, now)]) as never,
    {
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : canceled(reasons, f.externalId ? 2 : undefined)),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { createVenue: input }, result: view },
    },
  );
  const created = stored ?? view;
  // Its tasks of the current periods at once (again on a replay: a first attempt may have stopped before them).
  await venuesWritten([{ venue: created, fresh: created.venueId === venueId }], now);
  return created;
});

function classifyFields(profile: PolicyProfile, f: VenueFields) {
  const c = classify(profile, factsOf(f));
  return { supervisor: c.supervisor, supervisionRule: c.supervisionRule, categories: c.categories, patrolPlanPolicy: c.patrolPlanPolicy, ...(c.classified ? { classified: c.classified } : {}) };
}

export const getVenue = useCase(
  z.object({}),
  async (_input, venueId: string): Promise<VenueView> => {
    const venue = await venueOrNotFound(venueId, { allowRetired: true });
    authorize(useUser(), "venue.read", venue);
    // Who patrols it and where it is reported (清单化 policies) follow from the profile in effect, like its supervisor.
    const { profile } = await profileAt(new Date());
    const facts = factsOf(venue);
    return { ...toVenueView(venue), ...venueDuties(profile, facts, { ...classify(profile, facts), supervisionRule: venue.supervisionRule, supervisor: venue.supervisor }) };
  },
  "query",
);

/**
 * A change of any field. Whenever kinds, flags, grades or levels change, the
 * supervisor and categories are derived again and a change is logged as a
 * reclassification. Conditioned on the version read (and on `version` when
 * the client sends it).
 */
export const updateVenue = useCase(UpdateVenueInput, async (input, venueId: string, opts: { now?: Date } = {}): Promise<VenueView> => {
  const actor = useUser();
  const before = await venueOrNotFound(venueId, { consistent: true });
  authorize(actor, "venue.manage", before);
  if (input.version !== undefined && input.version !== before.version) throw new AppError("conflict", "venue.changed");
  const node = input.nodeId && input.nodeId !== before.nodeId ? await nodeOrNotFound(input.nodeId) : undefined;
  if (node) authorize(actor, "venue.manage", node);
  const { version, profile } = await profileAt();
  const { version: _v, ...changes } = input;
  const f: VenueFields = { ...fieldsOf(before), ...(node ? { nodeId: node.nodeId, path: node.path } : {}) };
  for (const [k, v] of Object.entries(changes)) {
    if (k === "nodeId" || v === undefined) continue;
    (f as unknown as Record<string, unknown>)[k] = v === null ? undefined : v;
  }
  checkAgainstProfile(profile, f);
  const now = opts.now ?? new Date();
  // A venue taken to another node takes that node's path: it must not be on the move. (Its old path is
  // safe: a move rewrites the venue with a new version, and this write is conditioned on the one read.)
  const place = node ? atPlace(node) : undefined;
  await writeTransaction((tx) => {
      const u = updateItems(tx, { before, fields: f, profile, profileVersion: version, now });
      const items = [...u.items, auditItem(tx, { action: u.reclassified ? "venue.reclassify" : "venue.update", targetType: "venue", targetId: venueId, details: { changed: u.changed, version: before.version + 1 } }, now)];
      return (place ? place.items(tx, items) : items) as never;
    },
    { onCanceled: (reasons) => (place?.moved(reasons) ? nodeMoving() : canceled(reasons, before.externalId !== f.externalId && f.externalId ? (before.externalId ? 3 : 2) : undefined)) },
  );
  const after = await venueOrNotFound(venueId, { consistent: true, allowRetired: true });
  // A reclassified or moved venue's tasks follow at once: the new categories' made, those it left dropped.
  await venuesWritten([{ venue: after, fresh: false }], now);
  return toVenueView(after);
});

/**
 * Retire a venue: it leaves every schedule. Its open tasks are dropped in the
 * same transaction and the coverage they counted as due is taken back.
 */
export const retireVenue = useCase(z.object({ reason: z.string().trim().max(500).optional() }), async (input, venueId: string, opts: { now?: Date } = {}): Promise<VenueView> => {
  const actor = useUser();
  const before = await venueOrNotFound(venueId, { consistent: true });
  authorize(actor, "venue.manage", before);
  const { version } = await profileAt();
  const now = opts.now ?? new Date();
  // Normally all that goes with the venue fits the retirement's own transaction; a venue with a
  // long backlog of open tasks has the rest dropped in further ones.
  const found = await retirementBatches(before, MAX_ITEMS - 4);
  const batches = found.length ? found : [{ dropped: 0, items: () => [] }];
  for (const [i, batch] of batches.entries()) {
    await writeTransaction((tx) =>
        [
          ...(i === 0
            ? [
                tx.venue.patch({ tenantId: actor.tenantId, venueId }).set({ status: "retired", retiredAt: now.toISOString(), updatedAt: now.toISOString(), version: before.version + 1 }).where((a, op) => op.eq(a.version, before.version)).commit(),
                tx.venueEvent.create(plain({ tenantId: actor.tenantId, venueId, eventId: timeOrderedId(now.getTime()), at: now.toISOString(), action: "retire" as const, actorId: actor.userId, profileVersion: version, changed: ["status"], after: { reason: input.reason } })).commit(),
              ]
            : []),
          ...batch.items(tx),
          auditItem(tx, { action: "venue.retire", targetType: "venue", targetId: venueId, details: { droppedTasks: batch.dropped, part: i + 1, of: batches.length } }, now),
        ] as never,
      { onCanceled: (reasons) => canceled(reasons, undefined) },
    );
  }
  return toVenueView({ ...before, status: "retired", version: before.version + 1, updatedAt: now.toISOString() });
});

const MAX_ITEMS = 100;


/**
 * The venues of a subtree (default: the caller's scope), one page in path
 * order, filtered on the server: the filters are the Query's filter
 * expression, and the page reads on until it holds `limit` matches, so a page
 * is never short while more match.
 */
export const listVenues = useCase(
  ListVenuesInput,
  async (input): Promise<z.infer<typeof VenuePageSchema>> => {
    const actor = useUser();
    const node = await readPlace(input.nodeId);
    authorize(actor, "venue.read", node);
    const query = tenantDb().service.entities.venue.query.bySubtree({ tenantId: actor.tenantId }).begins({ path: `${node.path}/` });
    const { kind, category, supervisor, status, q, patrolPlan } = input;
    const filtered = [kind, category, supervisor, status, q, patrolPlan].some((f) => f !== undefined);
    const page = await withCursor(input.cursor, (cursor) =>
      filtered
        ? query
            .where((a, op) =>
              [
                kind !== undefined ? op.contains(a.kinds, kind) : "",
                category !== undefined ? op.contains(a.categories, category) : "",
                supervisor !== undefined ? op.eq(a.supervisor, supervisor) : "",
                status !== undefined ? op.eq(a.status, status) : "",
                q !== undefined ? op.contains(a.searchText, q.toLowerCase()) : "",
                patrolPlan === "missing" ? `${op.exists(a.patrolPlanPolicy)} AND ${op.notExists(a.patrolPlan)} AND ${op.eq(a.status, "active")}` : patrolPlan === "set" ? op.exists(a.patrolPlan) : "",
              ]
                .filter(Boolean)
                .join(" AND "),
            )
            .go({ cursor, ...filledPage(input.limit) })
        : query.go({ cursor, limit: input.limit }),
    );
    return { items: page.data.map(toVenueView), cursor: page.cursor };
  },
  "query",
);

/** A venue's history (creation, changes, reclassifications, retirement), oldest first, a page at a time. */
export const venueHistory = useCase(
  pageQuery({ max: 200, default: 50 }),
  async (input, venueId: string): Promise<z.infer<typeof VenueHistorySchema>> => {
    const venue = await venueOrNotFound(venueId, { allowRetired: true });
    authorize(useUser(), "venue.read", venue);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.venueEvent.query.byVenue({ tenantId: venue.tenantId, venueId }).go({ cursor, limit: input.limit }));
    return { items: page.data.map(({ tenantId: _t, venueId: _v, ...e }) => plain(e)), cursor: page.cursor };
  },
  "query",
);
