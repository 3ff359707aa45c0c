import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { storedResult, writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError, bilingual, fieldError, type FieldError } from "../errors/index.ts";
import { OTHER_CODE, raiseHazard, raisedHazardItems, raisedItemCount, type Context, type RaisedHazard } from "../hazards/index.ts";
import { MAX_TRANSACTION_ITEMS } from "../inspections/index.ts";
import { atPlace, nodeMoving, readPlace } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { DUE_SOON_DAYS, HouseholdViewSchema, householdOrNotFound, householdsUnder, mayReveal, readableHousehold, setting, toHouseholdView, type HouseholdView } from "./households.ts";

// A visit to a vulnerable household (入户走访): the visitor answers the
// profile's checklist item by item; each failed item raises a hazard of its
// code at the household's node (source `home_visit`), in ONE transaction with
// the visit, the household's last-visit date and the audit entry. The due
// list is computed from the last visit and the category's frequency.

export const VisitAnswer = z.object({
  itemId: z.string().min(1).max(64),
  result: z.enum(["pass", "fail"], bilingual("请选择“合格”或“不合格”", "Choose pass or fail")),
  note: z.string().trim().max(500).optional(),
});

export const RecordVisitInput = z
  .object({
    items: z.array(VisitAnswer).min(1, bilingual("请逐项填写走访检查结果", "Answer every item")).max(100),
    note: z.string().trim().max(1000).optional(),
    expectedVersion: z.int().min(1).optional().meta({ description: "The household's version the form read; a different current version answers 409" }),
  })
  .meta({ id: "RecordHomeVisitInput" });

const LocalisedText = z.object({ zh: z.string(), en: z.string() });

export const HomeVisitViewSchema = z
  .object({
    visitId: z.string(),
    householdId: z.string(),
    date: z.string(),
    visitorId: z.string(),
    items: z.array(z.object({ itemId: z.string(), name: LocalisedText, result: z.enum(["pass", "fail"]), note: z.string().optional(), hazardCode: z.string(), hazardId: z.string().optional() })),
    passed: z.number(),
    failed: z.number(),
    hazardIds: z.array(z.string()),
    note: z.string().optional(),
    recordedAt: z.string(),
  })
  .meta({ id: "HomeVisit" });
export type HomeVisitView = z.infer<typeof HomeVisitViewSchema>;

export const HomeVisitResultSchema = z.object({ visit: HomeVisitViewSchema, household: HouseholdViewSchema }).meta({ id: "HomeVisitResult" });
export type HomeVisitResult = z.infer<typeof HomeVisitResultSchema>;

type Answer = z.infer<typeof VisitAnswer>;

/** Every checklist item answered once, and nothing else. */
function checkAnswers(checklist: { id: string; name: { zh: string; en: string } }[], items: Answer[]): FieldError[] {
  const errors: FieldError[] = [];
  const onList = new Set(checklist.map((c) => c.id));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!onList.has(item.itemId)) errors.push(fieldError(`body.items[${i}].itemId`, "home_visit.item_unknown", `“${item.itemId}”不在走访检查表中`, `“${item.itemId}” is not on the visit checklist`));
    else if (seen.has(item.itemId)) errors.push(fieldError(`body.items[${i}].itemId`, "home_visit.item_repeated", "同一检查项只能填写一次", "Each item is answered once"));
    seen.add(item.itemId);
  });
  const missing = checklist.filter((c) => !seen.has(c.id));
  if (missing.length) {
    errors.push(fieldError("body.items", "home_visit.items_missing", `还有 ${missing.length} 项未填写：${missing.map((m) => m.name.zh).join("、")}`, `${missing.length} item(s) not answered: ${missing.map((m) => m.name.en).join(", ")}`));
  }
  return errors;
}

/** A visit recorded by field staff of the household's subtree: failed items raise hazards, all in one transaction. */
export const recordVisit = useCase(RecordVisitInput, async (input, householdId: string, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<HomeVisitResult> => {
  const actor = useUser();
  const h = await householdOrNotFound(householdId, { consistent: true });
  authorize(actor, "home_visit.perform", h);
  // A retry whose first answer was lost finds the household already moved on: answer what the first one stored.
  if (opts.idempotencyKey !== undefined) {
    const stored = await storedResult<HomeVisitResult>(opts.idempotencyKey, { recordVisit: input, householdId });
    if (stored) return stored;
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== h.version) throw new AppError("conflict", "home_visit.household_changed");
  const now = opts.now ?? new Date();
  const s = await setting(now);
  const errors = checkAnswers(s.policy.checklist, input.items);
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);

  const tenantId = useTenant();
  const visitId = timeOrderedId(now.getTime());
  const ctx: Context = { profile: s.profile, profileVersion: s.version, timeZone: s.timeZone, now, actor: { type: "user", userId: actor.userId, role: actor.role, scopePath: actor.scopePath, ...(actor.bodyId ? { bodyId: actor.bodyId } : {}) } };
  const byId = new Map(s.policy.checklist.map((c) => [c.id, c]));
  const raised: RaisedHazard[] = [];
  const items: HomeVisitView["items"] = [];
  for (const answer of input.items) {
    const entry = byId.get(answer.itemId)!;
    const name = { zh: entry.name.zh, en: entry.name.en };
    if (answer.result === "pass") {
      items.push(plain({ itemId: answer.itemId, name, result: "pass" as const, note: answer.note, hazardCode: entry.hazardCode }));
      continue;
    }
    const hazard = await raiseHazard(
      ctx,
      {
        hazardId: timeOrderedId(now.getTime()),
        place: { nodeId: h.nodeId, path: h.path },
        locationText: h.address,
        code: entry.hazardCode,
        codeText: entry.hazardCode === OTHER_CODE ? entry.name.zh : undefined,
        // The address and the finding; no name, phone or ID number of the household.
        description: `${entry.name.zh}不符合（入户走访：${h.address}）${answer.note ? `：${answer.note}` : ""}`,
        photos: [],
        source: "home_visit",
        reporter: { type: "user", id: actor.userId },
      },
      { details: { householdId, visitId, checklistItem: answer.itemId }, basis: { rule: `homeVisits.checklist.${entry.id}`, sourceRef: entry.sourceRef, ...(entry.text ? { text: entry.text } : {}), ...(entry.assumption ? { assumption: entry.assumption } : {}) } },
    );
    raised.push(hazard);
    items.push(plain({ itemId: answer.itemId, name, result: "fail" as const, note: answer.note, hazardCode: entry.hazardCode, hazardId: hazard.outcome.hazard.hazardId }));
  }

  const place = atPlace({ nodeId: h.nodeId, path: h.path });
  // idempotency, visit, household, audit, the place's checks.
  const fixed = 1 + 3 + h.path.split("/").filter(Boolean).length;
  const room = MAX_TRANSACTION_ITEMS - fixed;
  const needed = raisedItemCount(raised, s.timeZone);
  if (needed > room) {
    const max = Math.max(0, Math.floor(room / Math.ceil(needed / raised.length)));
    throw new AppError("validation", "request.invalid", {}, [fieldError("body.items", "home_visit.too_many_failures", `一次走访最多记录 ${max} 个不合格项（本次 ${raised.length} 个）`, `At most ${max} failed items fit in one visit (this one has ${raised.length})`)]);
  }

  const hazardIds = raised.map((r) => r.outcome.hazard.hazardId);
  const visit: HomeVisitView = plain({ visitId, householdId, date: s.today, visitorId: actor.userId, items, passed: items.length - raised.length, failed: raised.length, hazardIds, note: input.note, recordedAt: now.toISOString() });
  const after = { ...h, lastVisitOn: s.today, lastVisitId: visitId, visits: h.visits + 1, version: h.version + 1, updatedAt: now.toISOString() };
  const result: HomeVisitResult = { visit, household: toHouseholdView(after, s.policy, s.today) };
  const stored = await writeTransaction<HomeVisitResult>(
    (tx) =>
      place.items(tx, [
        tx.household
          .patch({ tenantId, householdId })
          .set({ lastVisitOn: s.today, lastVisitId: visitId, visits: after.visits, version: after.version, updatedAt: after.updatedAt })
          .where((a, op) => `${op.eq(a.version, h.version)} AND ${op.eq(a.status, "active")}`)
          .commit() as TxItem,
        tx.homeVisit.create({ tenantId, ...visit, profileVersion: s.version }).commit() as TxItem,
        ...raisedHazardItems(tx, raised, { profileVersion: s.version, timeZone: s.timeZone, now, room }),
        auditItem(tx, { action: "home_visit.visit", targetType: "household", targetId: householdId, details: { visitId, nodeId: h.nodeId, failed: raised.length, hazardIds } }, now) as TxItem,
      ]),
    {
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : reasons.some((r) => r.index === 0) ? new AppError("conflict", "home_visit.household_changed") : new AppError("conflict", "request.conflict_retry")),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { recordVisit: input, householdId }, result },
    },
  );
  return stored ?? result;
});

const toVisitView = (v: Record<string, unknown>): HomeVisitView => {
  const { tenantId: _t, profileVersion: _p, ...rest } = v;
  return plain(rest) as HomeVisitView;
};

/** A household's visits, newest first (the last 50). */
async function visitsOf(householdId: string): Promise<HomeVisitView[]> {
  const { data } = await tenantDb().service.entities.homeVisit.query.byHousehold({ tenantId: useTenant(), householdId }).go({ order: "desc", limit: 50 });
  return data.map((v) => toVisitView(v as Record<string, unknown>));
}

export const HouseholdDetailSchema = z
  .object({
    household: HouseholdViewSchema,
    visits: z.array(HomeVisitViewSchema),
    mayRevealIdNumber: z.boolean().meta({ description: "Whether the caller's role is one of the profile's piiReaders" }),
  })
  .meta({ id: "HouseholdDetail" });
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

/** One household, masked, with its latest visits. */
export const getHousehold = useCase(
  z.object({}),
  async (_input, householdId: string, opts: { now?: Date } = {}): Promise<HouseholdDetail> => {
    const h = await readableHousehold(householdId);
    const [s, visits] = await Promise.all([setting(opts.now ?? new Date()), visitsOf(householdId)]);
    return { household: toHouseholdView(h, s.policy, s.today, undefined, { fullPhone: true }), visits, mayRevealIdNumber: mayReveal(s.policy, h) };
  },
  "query",
);

export const DueVisitsInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree (default: your scope node)" }),
  withinDays: z.coerce.number().int().min(0).max(90).default(DUE_SOON_DAYS).meta({ description: "Also list visits due within this many days" }),
});

export const DueVisitsSchema = z.object({ today: z.string(), items: z.array(HouseholdViewSchema) }).meta({ id: "DueHomeVisits" });

/** The subtree's households whose visit is overdue or due within `withinDays`, the most overdue first. */
export const dueVisits = useCase(
  DueVisitsInput,
  async (input, opts: { now?: Date } = {}): Promise<{ today: string; items: HouseholdView[] }> => {
    const actor = useUser();
    const place = await readPlace(input.nodeId);
    authorize(actor, "home_visit.read", place);
    const [households, s] = await Promise.all([householdsUnder(place.path), setting(opts.now ?? new Date())]);
    const items = households
      .map((h) => toHouseholdView(h, s.policy, s.today, input.withinDays))
      .filter((v) => v.dueStatus !== "not_due")
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.path.localeCompare(b.path));
    return { today: s.today, items };
  },
  "query",
);

export const HomeVisitPolicySchema = z
  .object({
    categories: z.array(z.object({ id: z.string(), name: LocalisedText, frequency: z.object({ every: z.number(), unit: z.string() }), sourceRef: z.string().nullable() })),
    checklist: z.array(z.object({ id: z.string(), name: LocalisedText, hazardCode: z.string(), sourceRef: z.string().nullable() })),
    piiReaders: z.array(z.string()),
    withoutConsent: z.array(z.string()),
    fromProfile: z.boolean().meta({ description: "False: the profile has no homeVisits section and the platform's marked defaults apply" }),
  })
  .meta({ id: "HomeVisitPolicy" });
export type HomeVisitPolicyView = z.infer<typeof HomeVisitPolicySchema>;

/** The rules the forms need: categories and frequencies, the checklist, who reads ID numbers, what is kept without consent. */
export const homeVisitPolicy = useCase(
  z.object({}),
  async (_input, opts: { now?: Date } = {}): Promise<HomeVisitPolicyView> => {
    const actor = useUser();
    authorize(actor, "home_visit.read");
    const s = await setting(opts.now ?? new Date());
    const p = s.policy;
    return {
      categories: p.categories.map((c) => ({ id: c.id, name: { zh: c.name.zh, en: c.name.en }, frequency: c.frequency, sourceRef: c.sourceRef })),
      checklist: p.checklist.map((c) => ({ id: c.id, name: { zh: c.name.zh, en: c.name.en }, hazardCode: c.hazardCode, sourceRef: c.sourceRef })),
      piiReaders: [...p.piiReaders.roles],
      withoutConsent: [...p.withoutConsent.keep],
      fromProfile: s.profile.homeVisits !== undefined,
    };
  },
  "query",
);

