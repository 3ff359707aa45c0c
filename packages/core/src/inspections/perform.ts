import { z } from "zod";
import { coverageSlice } from "./inspection.entity.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { atPlace, nodeMoving } from "../jurisdiction/index.ts";
import { OTHER_CODE, raiseHazard, raisedHazardItems, raisedItemCount, type Context, type RaisedHazard } from "../hazards/index.ts";
import { authorize } from "../access/index.ts";
import { timeOrderedId } from "../db/ids.ts";
import { profileAt } from "../profile/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { photoPrefix } from "../venues/index.ts";
import { plain } from "../db/plain.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { venueOrNotFound, type VenueItem } from "../venues/index.ts";
import { checklistFor, entryKey, type ChecklistEntry } from "./checklist.ts";
import { basePeriod, periodOf, slotPeriod } from "./periods.ts";
import { mayPerform, type Performer } from "./performers.ts";
import { coverageDeltas, parseTaskId, planTask, responsibleNode, taskIdOf } from "./schedule.ts";
import { toInspectionView, type InspectionView } from "./views.ts";
import { campaignOf, type CampaignVisit } from "./campaign-tasks.ts";

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

const PhotoKey = z.string().regex(/^t\/[a-z0-9-]+\/[A-Za-z0-9._/-]{1,200}$/, bilingual("照片须为上传后得到的存储键", "A photo is the storage key its upload returned"));

export const ItemResult = z.object({
  category: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
  result: z.enum(["pass", "fail", "not_applicable"]),
  note: z.string().trim().max(1000).optional(),
  photos: z.array(PhotoKey).max(10, bilingual("每项最多 10 张照片", "At most 10 photos per item")).default([]),
  severity: z.string().min(1).max(64).optional().meta({ description: "For a failed item: a severity id of the profile; absent, the hazard waits in 发现 for registration" }),
});

export const FinishInspectionInput = z
  .object({
    taskId: z.string().min(1).max(200).optional().meta({ description: "The task opened, if any; an ad hoc visit sends none" }),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(2000).optional(),
    items: z.array(ItemResult).max(300).default([]).meta({ description: "Every item of the venue's checklists, each pass, fail or not_applicable" }),
    lat: z.number(bilingual("纬度须为数字", "Latitude is a number")).min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).optional().meta({ description: "WGS-84 latitude where the inspector stood (the phone's GPS), evidence of the visit" }),
    lng: z.number(bilingual("经度须为数字", "Longitude is a number")).min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).optional().meta({ description: "WGS-84 longitude where the inspector stood" }),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "lng"], message: bilingual("经纬度须成对填写", "Give latitude and longitude together") });
  })
  .meta({ id: "FinishInspectionInput" });

type TaskItem = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

async function loadTask(key: { subjectId: string; category: string; period: string }) {
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.inspectionTask.get({ tenantId, ...key }).go({ consistent: true });
  return data;
}

const field = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, message: { zh, en } });

/** Every answer on the checklist, every checklist item answered once, photos of this venue, severities of the profile. */
function checkAnswers(profile: PolicyProfile, checklist: ChecklistEntry[], input: z.infer<typeof FinishInspectionInput>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const onList = new Map(checklist.map((e) => [entryKey(e), e]));
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const key = entryKey(item);
    if (!onList.has(key)) errors.push(field(`body.items[${i}].itemId`, "inspection.item_unknown", `“${item.itemId}”不在该场所适用的检查表中`, `“${item.itemId}” is not on this venue's checklists (${item.category})`));
    else if (seen.has(key)) errors.push(field(`body.items[${i}].itemId`, "inspection.item_repeated", "同一检查项只能填写一次", "Each checklist item is answered once"));
    seen.add(key);
    item.photos.forEach((p, j) => {
      if (!p.startsWith(prefix)) errors.push(field(`body.items[${i}].photos[${j}]`, "inspection.photo_foreign", "照片不是为该场所上传的", "The photo was not uploaded for this venue"));
    });
    if (item.severity !== undefined && !profile.hazards.severities.some((s) => s.id === item.severity)) {
      errors.push(field(`body.items[${i}].severity`, "inspection.severity_unknown", `“${item.severity}”不是政策档案中的隐患等级`, `“${item.severity}” is not a severity of the profile`));
    }
    if (item.severity !== undefined && item.result !== "fail") errors.push(field(`body.items[${i}].severity`, "inspection.severity_without_failure", "只有不合格项才有隐患等级", "Only a failed item has a severity"));
  });
  const missing = checklist.filter((e) => !seen.has(entryKey(e)));
  if (missing.length) {
    errors.push(field("body.items", "inspection.items_missing", `还有 ${missing.length} 项未填写：${missing.slice(0, 10).map((m) => m.name.zh).join("、")}`, `${missing.length} item(s) not answered: ${missing.slice(0, 10).map((m) => m.itemId).join(", ")}`));
  }
  return errors;
}

interface TaskOp {
  key: { subjectId: string; category: string; period: string };
  before: TaskItem | undefined;
  kind: "coverage" | "patrol" | "campaign" | "plan";
}

const notForVenue = () => new AppError("validation", "request.invalid", {}, [field("body.taskId", "inspection.task_not_for_venue", "该任务不存在或不属于该场所", "No such task for this venue")]);

/** The campaign task opened, when the visit is one (undefined for any other task, or none). */
async function campaignTaskOf(taskId: string | undefined, venue: VenueItem): Promise<TaskItem | undefined> {
  const key = taskId === undefined ? undefined : parseTaskId(taskId);
  const task = key && (await loadTask(key));
  if (!task || task.kind !== "campaign") return undefined;
  if (task.venueId !== venue.venueId) throw notForVenue();
  return task;
}

/** 403 naming who the task is for: its assignee, or the profile role responsible for it. */
function notYours(profile: PolicyProfile, task: { assigneeId?: string | undefined; assigneeName?: string | undefined; responsibleRole: string }): AppError {
  const role = profile.roles.find((r) => r.id === task.responsibleRole)?.name;
  return task.assigneeId !== undefined
    ? new AppError("forbidden", "inspection.task_assigned", { name: task.assigneeName ?? task.assigneeId })
    : new AppError("forbidden", "inspection.task_not_your_role", { roleZh: role?.zh ?? task.responsibleRole, roleEn: role?.en ?? task.responsibleRole });
}

/**
 * The tasks this visit settles: the venue's coverage task of each category's
 * current period, the patrol of its responsible node, its patrol plan's task,
 * and the task opened; each only when the visitor may perform it. A task
 * opened that is not theirs refuses the visit (403); a task merely due at the
 * venue that is someone else's stays open for them, and this visit counts
 * for none of it (an ad hoc visit is recorded, but settles only the visitor's own).
 */
async function tasksSettled(profile: PolicyProfile, venue: VenueItem, taskId: string | undefined, now: Date, timeZone: string, actor: Performer): Promise<TaskOp[]> {
  const keys = new Map<string, { key: TaskOp["key"]; kind: TaskOp["kind"] }>();
  const planned = planTask(profile, venue, now, timeZone);
  if (planned) keys.set(taskIdOf(planned), { key: { subjectId: planned.subjectId, category: planned.category, period: planned.period }, kind: "plan" });
  const openedKey = taskId === undefined ? undefined : parseTaskId(taskId);
  for (const id of venue.categories) {
    const category = profile.inspectionCategories.find((c) => c.id === id);
    if (category?.coveragePeriod) {
      // N visits a period (每月两次): the visit settles the first of the period's slots not yet done,
      // unless it was opened from one of them (then that one, below).
      const base = periodOf(category.coveragePeriod, now, timeZone).key;
      const fromSlot = openedKey?.subjectId === venue.venueId && openedKey.category === id && basePeriod(openedKey.period) === base;
      for (let n = 1; !fromSlot && n <= (category.coveragePeriod.times ?? 1); n++) {
        const key = { subjectId: venue.venueId, category: id, period: slotPeriod(base, n) };
        const task = n === (category.coveragePeriod.times ?? 1) ? undefined : await loadTask(key);
        if (task?.state === "done") continue;
        keys.set(taskIdOf(key), { key, kind: "coverage" });
        break;
      }
    }
    if (category?.patrolFrequency) {
      const key = { subjectId: responsibleNode(profile, id, venue.path).nodeId, category: id, period: periodOf(category.patrolFrequency, now, timeZone).key };
      keys.set(taskIdOf(key), { key, kind: "patrol" });
    }
  }
  if (taskId !== undefined) {
    const key = parseTaskId(taskId);
    const opened = key && (await loadTask(key));
    const ours = opened && (opened.venueId === venue.venueId || (opened.kind === "patrol" && venue.categories.includes(opened.category) && responsibleNode(profile, opened.category, venue.path).nodeId === opened.subjectId));
    if (!ours) throw notForVenue();
    if (!mayPerform(profile, actor, opened)) throw notYours(profile, opened);
    keys.set(taskId, { key: key!, kind: opened.kind });
  }
  const ops: TaskOp[] = [];
  for (const { key, kind } of keys.values()) {
    const before = (await loadTask(key)) ?? undefined;
    // A patrol or a plan's task is only ever settled, never created, by a visit; a coverage visit with no task yet counts as due and done.
    if (kind !== "coverage" && !before) continue;
    if (before?.state === "done") continue;
    const responsibleRole = before?.responsibleRole ?? profile.inspectionCategories.find((c) => c.id === key.category)?.responsibleRole ?? "";
    if (!mayPerform(profile, actor, { assigneeId: before?.assigneeId, coAssigneeIds: before?.coAssigneeIds, responsibleRole })) continue;
    ops.push({ key, before, kind });
  }
  return ops;
}

/** A campaign visit settles its own task while it is open (a second visit is recorded, and counts its hazards, but settles nothing). */
async function campaignTaskSettled(task: TaskItem): Promise<TaskOp[]> {
  const key = { subjectId: task.subjectId, category: task.category, period: task.period };
  const before = (await loadTask(key)) ?? undefined;
  if (!before) throw notForVenue();
  return before.state === "open" ? [{ key, before, kind: "campaign" }] : [];
}

function taskItems(tx: TxEntities, venue: VenueItem, ops: TaskOp[], profile: PolicyProfile, inspectionId: string, now: Date, dueAtOf: (op: TaskOp) => string): TxItem[] {
  const tenantId = useTenant();
  const at = now.toISOString();
  return ops.map((op) => {
    if (op.before) {
      const b = op.before;
      return tx.inspectionTask
        .patch({ tenantId, ...op.key })
        .set({ state: "done", doneAt: at, inspectionId, path: b.path, dueAt: b.dueAt, inspections: (b.inspections ?? 0) + 1 })
        .where((a, o) => o.eq(a.state, "open"))
        .commit() as TxItem;
    }
    const node = responsibleNode(profile, op.key.category, venue.path);
    const category = profile.inspectionCategories.find((c) => c.id === op.key.category)!;
    return tx.inspectionTask
      .create(plain({ tenantId, ...op.key, kind: op.kind as "coverage", venueId: venue.venueId, venueName: venue.name, venuePath: venue.path, nodeId: node.nodeId, path: op.kind === "coverage" ? venue.path : node.path, responsibleRole: category.responsibleRole, dueAt: dueAtOf(op), state: "done" as const, doneAt: at, inspectionId, inspections: 1, createdAt: at }))
      .commit() as TxItem;
  });
}

/**
 * A finished visit: the answers to every applicable checklist, recorded in
 * ONE transaction with the tasks it settles, the coverage counters, and a
 * hazard for every failed item (linked to the inspection and the item, with
 * the item's hazard code). When the failures would not fit DynamoDB's
 * 100-item transaction, the visit is refused with 400 naming the limit.
 */
export const finishInspection = useCase(FinishInspectionInput, async (input, venueId: string, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<InspectionView> => {
  const actor = useUser();
  const venue = await venueOrNotFound(venueId);
  const campaignTask = await campaignTaskOf(input.taskId, venue);
  // A campaign task is performed by the staff of the place it is listed at: the venue's, or in a
  // cross-area campaign (推磨式) the other branch's the campaign sent, not the venue's own.
  authorize(actor, "inspection.perform", campaignTask ? { path: campaignTask.path } : venue);
  const tenantId = actor.tenantId;
  const now = opts.now ?? new Date();
  const [{ version, profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  // A campaign's visit answers the campaign's own checklist and settles its task only.
  const campaign: CampaignVisit | undefined = campaignTask ? await campaignOf(campaignTask.category, { visit: true, now }) : undefined;
  const checklist = campaign ? campaign.checklist : checklistFor(profile, venue.categories);
  const errors = checkAnswers(profile, checklist, input, photoPrefix(venueId));
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);

  for (let attempt = 1; ; attempt++) {
    const ops = campaignTask ? await campaignTaskSettled(campaignTask) : await tasksSettled(profile, venue, input.taskId, now, timeZone, actor);
    const inspectionId = timeOrderedId(now.getTime());
    const entries = new Map(checklist.map((e) => [entryKey(e), e]));
    const ctx: Context = { profile, profileVersion: version, timeZone, now, actor: { type: "user", userId: actor.userId, role: actor.role, scopePath: actor.scopePath } };
    const raised: RaisedHazard[] = [];
    const recorded = [];
    for (const item of input.items) {
      const entry = entries.get(entryKey(item))!;
      if (item.result !== "fail") {
        recorded.push({ ...item, hazardCode: entry.hazardCode });
        continue;
      }
      const hazard = await raiseHazard(
        ctx,
        {
          hazardId: timeOrderedId(now.getTime()),
          place: { nodeId: venue.nodeId, path: venue.path },
          venueId,
          venueName: venue.name,
          venueKinds: venue.kinds,
          locationText: venue.address ?? venue.name,
          code: entry.hazardCode,
          // A campaign's own item may carry the code “other”: its name says what was found.
          ...(entry.hazardCode === OTHER_CODE ? { codeText: entry.name.zh } : {}),
          severity: item.severity,
          description: item.note || `${entry.name.zh}（${venue.name}）`,
          photos: item.photos,
          source: "inspection",
          reporter: { type: "user", id: actor.userId },
        },
        {
          details: { inspectionId, checklistCategory: item.category, checklistItem: item.itemId, ...(campaign ? { campaignId: campaignTask!.category } : {}) },
          // The item's clause (county or national) goes with the hazard it found, on its first event.
          basis: { rule: entryKey(entry), sourceRef: entry.sourceRef, ...(entry.text ? { text: entry.text } : {}), ...(entry.assumption ? { assumption: entry.assumption } : {}) },
        },
      );
      raised.push(hazard);
      recorded.push({ ...item, hazardCode: entry.hazardCode, hazardId: hazard.outcome.hazard.hazardId });
    }

    const coverage = coverageDeltas(ops.filter((op) => op.kind === "coverage").map((op) => ({ venuePath: venue.path, category: op.key.category, period: op.key.period, due: op.before ? 0 : 1, inspected: 1 })));
    // The visit stores the venue's path (and counts coverage by it): not while its node or one above is on the move.
    const place = atPlace({ nodeId: venue.nodeId, path: venue.path });
    const fixed = 1 + ops.length + coverage.length + 1 + (opts.idempotencyKey === undefined ? 0 : 1) + venue.path.split("/").filter(Boolean).length + (campaign?.itemCount ?? 0);
    const room = MAX_TRANSACTION_ITEMS - fixed;
    const needed = raisedItemCount(raised, timeZone);
    if (needed > room) {
      const perHazard = Math.ceil(needed / raised.length);
      const max = Math.max(0, Math.floor(room / perHazard));
      throw new AppError("validation", "inspection.too_many_failures", { max, count: raised.length }, [
        field("body.items", "inspection.too_many_failures", `一次检查最多记录 ${max} 个不合格项（本次 ${raised.length} 个），请分次提交`, `At most ${max} failed items fit in one inspection (this one has ${raised.length}); record the rest in another`),
      ]);
    }

    const passed = input.items.filter((i) => i.result === "pass").length;
    const inspection = plain({
      tenantId,
      venueId,
      inspectionId,
      nodeId: venue.nodeId,
      path: venue.path,
      categories: campaign ? [campaignTask!.category] : venue.categories,
      taskIds: ops.map((op) => taskIdOf(op.key)),
      inspectorId: actor.userId,
      startedAt: input.startedAt,
      finishedAt: now.toISOString(),
      note: input.note,
      lat: input.lat,
      lng: input.lng,
      items: recorded,
      hazardIds: raised.map((r) => r.outcome.hazard.hazardId),
      passed,
      failed: raised.length,
      notApplicable: input.items.length - passed - raised.length,
      profileVersion: version,
    });
    const view = toInspectionView(inspection);
    const dueAtOf = (op: TaskOp) => {
      const category = profile.inspectionCategories.find((c) => c.id === op.key.category)!;
      return periodOf(category.coveragePeriod!, now, timeZone).dueAt;
    };
    try {
      const stored = await writeTransaction<InspectionView>((tx) =>
          place.items(tx, [
            tx.inspection.create(inspection).commit(),
            ...taskItems(tx, venue, ops, profile, inspectionId, now, dueAtOf),
            ...coverage.map((d) => tx.coverage.update({ tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).add({ due: d.due, inspected: d.inspected }).set({ path: d.path, slice: coverageSlice(d.category, d.period) }).commit()),
            ...raisedHazardItems(tx, raised, { profileVersion: version, timeZone, now, room }),
            ...(campaign ? campaign.items(tx, { venuePath: venue.path, settles: ops.length > 0, hazardIds: inspection.hazardIds, now }) : []),
            auditItem(tx, { action: "inspection.finish", targetType: "venue", targetId: venueId, details: { inspectionId, failed: raised.length, hazardIds: inspection.hazardIds, tasks: inspection.taskIds } }, now),
          ] as never) as never,
        {
          onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
          idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { finishInspection: input, venueId }, result: view },
        },
      );
      return stored ?? view;
    } catch (err) {
      // Another visit settled the same task meanwhile: read the tasks again and count this visit accordingly.
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 3) throw err;
    }
  }
});
