import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize, can } from "../access/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { DateOnly, Id, LongText, ProfileId, ShortText } from "./fields.ts";
import { timeOrderedId } from "../db/ids.ts";
import { defined } from "../db/plain.ts";
import { fieldError, invalid } from "../errors/index.ts";
import { latestToday } from "./dates.ts";
import { nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { filledPage, pageOf, withCursor } from "../db/cursor.ts";
import { LEDGER_STATES, RecordKind, unknownWord, type LedgerState } from "./vocabulary.ts";
import { checkDutyReport } from "./duty-reports.ts";
import { noticeCost, noticeDelivery, noticeFields, noticeItems, noticeReceipts, noticeRecipients } from "./work-notices.ts";
import type { ReceiptsView } from "../notifications/index.ts";

/** A transaction holds 100 items: the record, its attendance items and the audit entry. */
export const MAX_ATTENDEES = 95;

const Attendee = z.object({ personId: Id, nodeId: Id });
const Texts = (max: number) => z.array(ShortText.min(1)).max(max);
const Count = z.int().min(0).max(1_000_000);

const recordFields = {
  obligationId: ProfileId.optional().meta({ description: "The profile obligation it fulfils; without it, it counts for every obligation of its kind" }),
  responsibilityId: ProfileId.optional().meta({ description: "duty_report: the profile responsibility (履职事项) it reports on" }),
  date: DateOnly,
  title: ShortText.optional(),
  note: LongText.optional(),
  attendees: z.array(Attendee).max(MAX_ATTENDEES).optional().meta({ description: "People who attended (trainings count per person)" }),
  chairPersonId: Id.optional().meta({ description: "meeting: the chair" }),
  topics: Texts(30).optional().meta({ description: "meeting: topics discussed" }),
  minutes: LongText.optional().meta({ description: "meeting: minutes" }),
  workNotices: Texts(30).optional().meta({ description: "meeting: work notices issued (工作提示)" }),
  course: ShortText.optional().meta({ description: "training: course" }),
  hours: z.number().min(0).max(1000).optional().meta({ description: "training: hours" }),
  drillType: ShortText.optional().meta({ description: "drill: type (综合演练, 火灾逃生 …)" }),
  participantCount: Count.optional().meta({ description: "drill: number of participants" }),
  target: ShortText.optional().meta({ description: "publicity, training: the audience, one of the obligation's targets where it names some (a 五进 target)" }),
  campaign: ShortText.optional().meta({ description: "publicity: the campaign day or month it was made for, an occasion of the obligation (id or name) where it names some" }),
  audienceCount: Count.optional().meta({ description: "publicity: people reached" }),
  ledgerMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual("月份格式须为 YYYY-MM", "The month is YYYY-MM"))
    .optional()
    .meta({ description: "ledger_report: the month reported (YYYY-MM)" }),
  ledgerCounts: z
    .object(Object.fromEntries(LEDGER_STATES.map((s) => [s, Count.optional()])) as Record<LedgerState, z.ZodOptional<typeof Count>>)
    .optional()
    .meta({ description: "ledger_report: the month's hazards by state (discovered: reported in the month; closed: closed in the month), checked against the hazard counters" }),
};

export const CreateRecordInput = z.object({ kind: RecordKind, ...recordFields, ...noticeFields }).meta({ id: "CreateRecordInput" });

export const UpdateRecordInput = z
  .object({
    ...Object.fromEntries(Object.entries(recordFields).map(([k, v]) => [k, v.optional()])),
    date: DateOnly.optional(),
    obligationId: ProfileId.nullable().optional(),
  } as { [K in keyof typeof recordFields]: z.ZodOptional<(typeof recordFields)[K]> } & { obligationId: z.ZodOptional<z.ZodNullable<typeof ProfileId>> })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .meta({ id: "UpdateRecordInput" });

export const RecordViewSchema = CreateRecordInput.extend({
  recordId: z.string(),
  nodeId: z.string(),
  attendees: z.array(Attendee),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "ObligationRecord" });

export type RecordView = z.infer<typeof RecordViewSchema>;

export function toRecordView(r: RecordView & { tenantId: string }): RecordView {
  const { tenantId: _t, ...view } = r;
  return view;
}

export const RecordPageSchema = pageOf(RecordViewSchema).meta({ id: "ObligationRecordPage" });

type Input = { kind: string; obligationId?: string | null | undefined; date?: string | undefined; target?: string | undefined; campaign?: string | undefined; attendees?: { personId: string; nodeId: string }[] | undefined; ledgerMonth?: string | undefined; ledgerCounts?: Partial<Record<LedgerState, number | undefined>> | undefined };

/** A hazard ledger report names its month (not one still to come) and its counts; no other record carries them. */
function checkLedger(input: Input, creating: boolean): FieldError[] {
  if (input.kind !== "ledger_report") {
    return (["ledgerMonth", "ledgerCounts"] as const).flatMap((f) => (input[f] !== undefined ? [fieldError(`body.${f}`, "org.ledger_only", "只有隐患台账报送记录填写此项", "Only a hazard ledger report has this field")] : []));
  }
  const errors: FieldError[] = [];
  if (creating && input.ledgerMonth === undefined) errors.push(fieldError("body.ledgerMonth", "org.ledger_month_missing", "请填写报送的月份", "Name the month reported"));
  if (input.ledgerMonth && input.ledgerMonth > latestToday().slice(0, 7)) errors.push(fieldError("body.ledgerMonth", "org.date_in_future", "月份不能晚于本月", "The month cannot be in the future"));
  const counts = input.ledgerCounts;
  if ((creating || counts !== undefined) && (counts === undefined || LEDGER_STATES.every((s) => counts[s] === undefined))) errors.push(fieldError("body.ledgerCounts", "org.ledger_counts_missing", "请填写本月隐患数（发现、结案）", "Give the month's hazard counts (reported, closed)"));
  return errors;
}

/**
 * The obligation must be the profile's and of the record's kind; no record
 * of a day still to come. A target or campaign is judged against the
 * profile's targets and occasions (compliance counts a record for the ones
 * it names), so where the obligations it may count for name some, it must
 * be one of them: those of the obligation it fulfils (`fulfils`, the record's
 * own or the one it keeps on edit), else those of every obligation of its kind.
 */
function checkRecord(profile: PolicyProfile, input: Input, fulfils: string | null | undefined = input.obligationId): FieldError[] {
  const errors: FieldError[] = [...unknownWord(profile, "recordKinds", input.kind, "body.kind")];
  if (input.obligationId) {
    const ob = profile.obligations.find((o) => o.id === input.obligationId);
    if (!ob) errors.push(fieldError("body.obligationId", "org.obligation_unknown", `“${input.obligationId}”不是政策档案中的工作要求`, `“${input.obligationId}” is not an obligation of the profile`));
    else if (ob.kind !== input.kind) errors.push(fieldError("body.obligationId", "org.obligation_kind", `“${ob.name.zh}”不是此类记录`, `“${ob.name.en}” is not an obligation of this kind`));
  }
  if (input.date && input.date > latestToday()) errors.push(fieldError("body.date", "org.date_in_future", "日期不能晚于今天", "The date cannot be in the future"));
  const named = fulfils ? profile.obligations.filter((o) => o.id === fulfils) : profile.obligations.filter((o) => o.kind === input.kind);
  const targets = [...new Set(named.flatMap((o) => o.targets ?? []))];
  if (input.target && targets.length && !targets.includes(input.target)) {
    errors.push(fieldError("body.target", "org.target_unknown", `“${input.target}”不是工作要求中的对象，可选：${targets.join("、")}`, `“${input.target}” is not a target of the obligation; one of: ${targets.join(", ")}`));
  }
  const occasions = named.flatMap((o) => (o.occasions ?? []).filter((x) => typeof x === "object"));
  if (input.campaign && occasions.length && !occasions.some((x) => [x.id, x.name.zh, x.name.en].includes(input.campaign!))) {
    const known = [...new Set(occasions.map((x) => x.name.zh))];
    errors.push(fieldError("body.campaign", "org.campaign_unknown", `“${input.campaign}”不是工作要求中的活动节点，可选：${known.join("、")}`, `“${input.campaign}” is not a campaign occasion of the obligation; one of: ${[...new Set(occasions.map((x) => x.name.en))].join(", ")}`));
  }
  return errors;
}

/** Attendees: active people, each within what the caller manages (one BatchGet). */
async function checkAttendees(attendees: readonly { personId: string; nodeId: string }[]): Promise<FieldError[]> {
  if (!attendees.length) return [];
  const actor = useUser();
  const keys = [...new Map(attendees.map((a) => [`${a.nodeId}/${a.personId}`, { tenantId: actor.tenantId, nodeId: a.nodeId, personId: a.personId }])).values()];
  const { data } = await tenantDb().service.entities.person.get(keys).go();
  const found = new Map(data.map((p) => [`${p.nodeId}/${p.personId}`, p]));
  const seen = new Set<string>();
  return attendees.flatMap((a, i) => {
    const key = `${a.nodeId}/${a.personId}`;
    const person = found.get(key);
    const path = `body.attendees[${i}]`;
    if (seen.has(key)) return [fieldError(path, "org.attendee_twice", "同一人不能重复登记", "The same person is listed twice")];
    seen.add(key);
    if (!person || person.status !== "active") return [fieldError(path, "org.attendee_unknown", "找不到该在岗人员", "No such active person")];
    if (!can(actor, "org.manage", person)) return [fieldError(path, "org.attendee_out_of_scope", "该人员不在您管理的范围内", "This person is outside what you manage")];
    return [];
  });
}

function reject(errors: FieldError[]) {
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
}

async function loadRecord(node: NodeItem, recordId: string, consistent = false) {
  const { data } = await tenantDb().service.entities.obligationRecord.get({ tenantId: node.tenantId, nodeId: node.nodeId, recordId }).go({ consistent });
  if (!data) throw new AppError("not_found", "record.not_found");
  return data;
}

export const RecordParams = z.object({ nodeId: Id, recordId: Id });

/** Who a meeting's work notices went to and who has read them (read N of M, with names): anyone who may read the record. */
export async function recordReceipts(nodeId: string, recordId: string): Promise<ReceiptsView> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  await loadRecord(node, recordId);
  authorize(useUser(), "org.read", node);
  return noticeReceipts(recordId);
}

export async function getRecord(nodeId: string, recordId: string): Promise<RecordView> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  const record = await loadRecord(node, recordId);
  authorize(useUser(), "org.read", node);
  return toRecordView(record);
}

export const ListRecordsInput = z.object({
  kind: RecordKind.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * A node's records, newest first (ids sort by creation): one Query. The node
 * itself is read only when the caller's token cannot settle access (a caller
 * scoped at the root may read every node; a caller's own node's path is in
 * the token), or when the page is empty or refused, to answer 404 for a node
 * that does not exist, as before.
 */
export const listRecords = useCase(
  ListRecordsInput,
  async (input, nodeId: string) => {
    const actor = useUser();
    const settledByToken = (isRootScope(actor.scopePath) || nodeId === actor.scopeNodeId) && can(actor, "org.read", { path: actor.scopePath });
    if (!settledByToken) authorize(actor, "org.read", await nodeOrNotFound(nodeId, { allowRetired: true }));
    const query = tenantDb().service.entities.obligationRecord.query.byNode({ tenantId: actor.tenantId, nodeId });
    // The kind is a filter, so the page reads on until it holds `limit` records of that kind.
    const read = () =>
      withCursor(input.cursor, (cursor) =>
        input.kind ? query.where((a, op) => op.eq(a.kind, input.kind!)).go({ order: "desc", cursor, ...filledPage(input.limit) }) : query.go({ order: "desc", cursor, limit: input.limit }),
      );
    if (!settledByToken) {
      const page = await read();
      return { items: page.data.map(toRecordView), cursor: page.cursor };
    }
    // A missing node answers 404 before anything else, as when it was read first.
    const exists = () => nodeOrNotFound(nodeId, { allowRetired: true });
    const page = await read().catch(async (err: unknown) => {
      await exists();
      throw err;
    });
    if (page.data.length === 0) await exists();
    return { items: page.data.map(toRecordView), cursor: page.cursor };
  },
  "query",
);

/** The root's path is one segment (`/<rootId>`): every node of the tenant lies under it. */
const isRootScope = (scopePath: string) => scopePath.lastIndexOf("/") === 0;

const attendanceKey = (recordId: string, a: { personId: string; nodeId: string }) => ({ tenantId: useTenant(), nodeId: a.nodeId, personId: a.personId, recordId });

/** A meeting, training, drill, publicity activity … at a node, with an attendance item per attendee, in one transaction. */
export const createRecord = useCase(CreateRecordInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}): Promise<RecordView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const attendees = input.attendees ?? [];
  const notice = await noticeRecipients(profile, input);
  reject([...checkRecord(profile, input), ...checkLedger(input, true), ...checkDutyReport(profile, node.level, input), ...(await checkAttendees(attendees)), ...notice.errors]);
  const deliveries = noticeDelivery(input, notice.users);
  if (2 + attendees.length + noticeCost(deliveries) > 100) {
    throw invalid("body.noticeTo", "org.notice_too_many", "工作提示的接收人过多（连同参会人员超出一次保存的上限），请减少接收人", "Too many work-notice recipients to save with this record (with its attendees); name fewer");
  }
  const now = new Date();
  const recordId = timeOrderedId();
  const item = { tenantId: actor.tenantId, nodeId, recordId, ...input, attendees, createdBy: actor.userId };
  const stored = await writeTransaction<{ recordId: string }>((tx) => { const { obligationRecord, attendance, audit } = tx; return [
      obligationRecord.create(item).commit(),
      ...attendees.map((a) =>
        attendance.create({ ...attendanceKey(recordId, a), recordNodeId: nodeId, kind: input.kind, obligationId: input.obligationId, date: input.date }).commit(),
      ),
      auditItem({ audit }, { action: "record.create", targetType: "record", targetId: recordId, details: defined({ nodeId, kind: input.kind, obligationId: input.obligationId, date: input.date, attendees: attendees.length, notified: notice.users.length || undefined }) }, now),
      ...noticeItems(tx, recordId, deliveries, now),
    ]; },
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { recordId } } : undefined,
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    },
  );
  return toRecordView(await loadRecord(node, stored?.recordId ?? recordId, true));
});

/**
 * Edit a record. Attendance follows: removed attendees lose their item,
 * added ones get one, and a new date or obligation is copied to the rest,
 * all in the record's transaction.
 */
export const updateRecord = useCase(UpdateRecordInput, async (input, nodeId: string, recordId: string): Promise<RecordView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  const current = await loadRecord(node, recordId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const added = (input.attendees ?? []).filter((a) => !current.attendees.some((c) => c.personId === a.personId && c.nodeId === a.nodeId));
  const keeps = input.obligationId === undefined ? current.obligationId : input.obligationId;
  reject([...checkRecord(profile, { ...input, kind: current.kind, obligationId: input.obligationId ?? undefined }, keeps), ...checkLedger({ ...input, kind: current.kind }, false), ...(input.responsibilityId !== undefined ? checkDutyReport(profile, node.level, { kind: current.kind, responsibilityId: input.responsibilityId }) : []), ...(input.attendees ? await checkAttendees(input.attendees) : [])]);
  const attendees = input.attendees ?? current.attendees;
  const removed = current.attendees.filter((c) => !attendees.some((a) => a.personId === c.personId && a.nodeId === c.nodeId));
  const kept = attendees.filter((a) => !added.includes(a));
  const date = input.date ?? current.date;
  const obligationId = input.obligationId === null ? undefined : (input.obligationId ?? current.obligationId);
  const moved = date !== current.date || obligationId !== current.obligationId;
  const itemCount = 2 + removed.length + added.length + (moved ? kept.length : 0);
  if (itemCount > 100) throw invalid("body.attendees", "org.too_many_changes", "一次修改的参加人员过多，请分两次修改", "Too many attendance changes at once; make them in two steps");
  const set: Record<string, unknown> = {};
  const remove: "obligationId"[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === null) remove.push("obligationId");
    else set[key] = value;
  }
  await writeTransaction(({ obligationRecord, attendance, audit }: TxEntities) => [
      obligationRecord
        .patch({ tenantId: actor.tenantId, nodeId, recordId })
        .set(set)
        .remove(remove)
        .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
        .commit(),
      ...removed.map((a) => attendance.delete(attendanceKey(recordId, a)).commit()),
      ...added.map((a) => attendance.create({ ...attendanceKey(recordId, a), recordNodeId: nodeId, kind: current.kind, obligationId, date }).commit()),
      ...(moved
        ? kept.map((a) => {
            const patch = attendance.patch(attendanceKey(recordId, a)).set({ date, ...(obligationId ? { obligationId } : {}) });
            return (obligationId ? patch : patch.remove(["obligationId"])).commit();
          })
        : []),
      auditItem({ audit }, { action: "record.update", targetType: "record", targetId: recordId, details: { nodeId, fields: [...Object.keys(set), ...remove] } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toRecordView(await loadRecord(node, recordId, true));
});
