import { z } from "zod";
import { authorize, can } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { allPages, pageOf, pageQuery, withCursor } from "../db/cursor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError, bilingual, fieldError, type FieldError } from "../errors/index.ts";
import { toXlsx } from "../files/index.ts";
import { localDate } from "../hazards/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound, readPlace } from "../jurisdiction/index.ts";
import { maskIdNumber, maskPhone, validIdNumber } from "../organisation/index.ts";
import { profileAt, HOME_VISIT_FIELDS, type HomeVisitsPolicy } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { dueOf, homeVisitsOf, type DueStatus } from "./policy.ts";

// The register of vulnerable households (入户走访): kept by the village from
// the village up, read by the field staff of the subtree. The ID number is
// masked in every view, list and export; the profile's piiReaders read it in
// full through `revealIdNumber`, and each such read is an audit entry.

export type Stored = {
  householdId: string;
  nodeId: string;
  path: string;
  category: string;
  address: string;
  contactName?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
  consent: Consent;
  note?: string | undefined;
  status: "active" | "removed";
  lastVisitOn?: string | undefined;
  lastVisitId?: string | undefined;
  visits: number;
  version: number;
  registeredAt: string;
  registeredOn: string;
  registeredBy: string;
  updatedAt: string;
};

const LocalDate = z.iso.date(bilingual("日期格式须为 YYYY-MM-DD", "Dates are YYYY-MM-DD"));
const Id = z.string().min(1).max(64);

/** GB 11643: 17 digits and a check character (the same check as the staff register's). */
export const HouseholdIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validIdNumber, bilingual("身份证号码须为 18 位且校验位正确", "Not a valid 18-character resident ID number (format or check digit)"));

export const ConsentInput = z
  .object({
    given: z.boolean(bilingual("请说明是否取得本人或监护人同意", "Say whether consent was given")),
    by: z.enum(["self", "guardian", "family", "village_committee"], bilingual("请选择同意人：本人、监护人、家属或村（居）委", "Choose who consented: self, guardian, family or the village committee")).optional(),
    on: LocalDate.optional(),
    how: z.enum(["written", "oral", "electronic"], bilingual("请选择同意方式：书面、口头或电子", "Choose how: written, oral or electronic")).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.given) return;
    for (const key of ["by", "on", "how"] as const) {
      if (c[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: bilingual("已同意的须写明同意人、日期和方式", "Consent given needs who, when and how") });
    }
  })
  .meta({ id: "HouseholdConsent", description: "Whether the household (or its guardian) agreed that its personal data be kept: who, on which date, how" });

export const RegisterHouseholdInput = z
  .object({
    nodeId: Id.meta({ description: "The village/community or grid the household belongs to" }),
    category: z.string().min(1).max(64).meta({ description: "A category id of the profile's homeVisits" }),
    address: z.string().trim().min(1, bilingual("请填写住址", "The address is required")).max(200, bilingual("住址不超过 200 个字", "At most 200 characters")),
    contactName: z.string().trim().min(1, bilingual("请填写联系人姓名", "Name the contact")).max(40, bilingual("姓名不超过 40 个字", "At most 40 characters")).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, bilingual("请输入 11 位手机号码或带区号的固定电话", "Enter an 11-digit mobile number or a landline with its area code"))
      .optional(),
    idNumber: HouseholdIdNumber.optional().meta({ description: "身份证号: stored once, masked in every answer; read in full only by the profile's piiReaders (audited)" }),
    consent: ConsentInput,
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: "RegisterHouseholdInput" });

const LocalisedText = z.object({ zh: z.string(), en: z.string() });

export const HouseholdViewSchema = z
  .object({
    householdId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    category: z.string(),
    categoryName: LocalisedText,
    address: z.string(),
    contactName: z.string().optional(),
    phone: z.string().optional(),
    idNumber: z.string().optional().meta({ description: "Always masked (3101**********1234)" }),
    consent: z.object({ given: z.boolean(), by: z.string().optional(), on: z.string().optional(), how: z.string().optional(), note: z.string().optional() }),
    note: z.string().optional(),
    frequency: z.object({ every: z.number(), unit: z.string() }),
    lastVisitOn: z.string().optional(),
    dueOn: z.string(),
    dueStatus: z.enum(["overdue", "due_soon", "not_due"]),
    visits: z.number(),
    version: z.number(),
    registeredAt: z.string(),
  })
  .meta({ id: "Household" });
export type HouseholdView = z.infer<typeof HouseholdViewSchema>;
type Consent = HouseholdView["consent"];

export const HouseholdPageSchema = pageOf(HouseholdViewSchema).meta({ id: "HouseholdPage" });

/** How many days ahead a visit counts as due soon. */
export const DUE_SOON_DAYS = 7;

const UNKNOWN_CATEGORY = { zh: "未知类别", en: "Unknown category" };

/**
 * A household as staff see it: the ID number always masked; the phone masked
 * too, except on the one household's own page (its visitor calls ahead).
 */
export function toHouseholdView(h: Stored, policy: HomeVisitsPolicy, today: string, soonDays = DUE_SOON_DAYS, opts: { fullPhone?: boolean } = {}): HouseholdView {
  const category = policy.categories.find((c) => c.id === h.category);
  const frequency = category?.frequency ?? { every: 1, unit: "month" as const };
  const due = dueOf({ lastVisitOn: h.lastVisitOn, registeredOn: h.registeredOn }, frequency, today, soonDays);
  return plain({
    householdId: h.householdId,
    nodeId: h.nodeId,
    path: h.path,
    category: h.category,
    categoryName: category ? { zh: category.name.zh, en: category.name.en } : UNKNOWN_CATEGORY,
    address: h.address,
    contactName: h.contactName,
    phone: h.phone && !opts.fullPhone ? maskPhone(h.phone) : h.phone,
    idNumber: h.idNumber === undefined ? undefined : maskIdNumber(h.idNumber),
    consent: h.consent,
    note: h.note,
    frequency,
    lastVisitOn: h.lastVisitOn,
    dueOn: due.dueOn,
    dueStatus: due.status,
    visits: h.visits,
    version: h.version,
    registeredAt: h.registeredAt,
  });
}

/** The tenant's household, or 404 (another tenant's id is simply not there; a removed one neither). */
export async function householdOrNotFound(householdId: string, opts: { consistent?: boolean } = {}): Promise<Stored> {
  const { data } = await tenantDb().service.entities.household.get({ tenantId: useTenant(), householdId }).go({ consistent: opts.consistent ?? false });
  if (!data || data.status !== "active") throw new AppError("not_found", "home_visit.household_not_found");
  return data as Stored;
}

/** The rules and the clock a read or write needs. */
export async function setting(now: Date) {
  const [{ version, profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  return { version, profile, policy: homeVisitsOf(profile), timeZone, today: localDate(now, timeZone) };
}

const FIELD_NAMES: Record<(typeof HOME_VISIT_FIELDS)[number], { zh: string; en: string }> = {
  contactName: { zh: "联系人", en: "contact name" },
  phone: { zh: "联系电话", en: "phone" },
  idNumber: { zh: "身份证号", en: "ID number" },
};

/** The category one of the profile's; without consent, only what the profile keeps. */
function checkRegister(input: z.infer<typeof RegisterHouseholdInput>, policy: HomeVisitsPolicy, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!policy.categories.some((c) => c.id === input.category)) {
    const names = policy.categories.map((c) => c.name.zh).join("、");
    errors.push(fieldError("body.category", "home_visit.category_unknown", `类别须为：${names}`, `The category must be one of: ${policy.categories.map((c) => c.id).join(", ")}`));
  }
  if (input.consent.on !== undefined && input.consent.on > today) errors.push(fieldError("body.consent.on", "home_visit.consent_future", "同意日期不能晚于今天", "The consent date cannot be after today"));
  if (!input.consent.given) {
    for (const key of HOME_VISIT_FIELDS) {
      if (input[key] !== undefined && !policy.withoutConsent.keep.includes(key)) {
        const name = FIELD_NAMES[key];
        errors.push(fieldError(`body.${key}`, "home_visit.consent_required", `未取得同意，不得登记${name.zh}（只登记类别和住址）`, `No consent: the ${name.en} may not be kept (only the category and address)`));
      }
    }
  }
  return errors;
}

/** A household registered at a village or grid, with its consent, in one transaction with its audit entry. */
export const registerHousehold = useCase(RegisterHouseholdInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<HouseholdView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(input.nodeId);
  authorize(actor, "home_visit.manage", node);
  const now = opts.now ?? new Date();
  const s = await setting(now);
  const errors = checkRegister(input, s.policy, s.today);
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
  const tenantId = useTenant();
  const householdId = timeOrderedId(now.getTime());
  const stored: Stored = plain({
    householdId,
    nodeId: node.nodeId,
    path: node.path,
    category: input.category,
    address: input.address,
    contactName: input.contactName,
    phone: input.phone,
    idNumber: input.idNumber,
    consent: input.consent,
    note: input.note,
    status: "active" as const,
    visits: 0,
    version: 1,
    registeredAt: now.toISOString(),
    registeredOn: s.today,
    registeredBy: actor.userId,
    updatedAt: now.toISOString(),
  });
  const view = toHouseholdView(stored, s.policy, s.today);
  const place = atPlace({ nodeId: node.nodeId, path: node.path });
  const result = await writeTransaction<HouseholdView>(
    (tx) =>
      place.items(tx, [
        tx.household.create({ tenantId, ...stored }).commit() as TxItem,
        // Facts only: never the ID number or phone.
        auditItem(tx, { action: "home_visit.register", targetType: "household", targetId: householdId, details: { nodeId: node.nodeId, category: input.category, consent: input.consent.given } }, now) as TxItem,
      ]),
    {
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
      // The stored answer is the masked view: the idempotency record holds no ID number.
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: { registerHousehold: input }, result: view },
    },
  );
  return result ?? view;
});

export const ListHouseholdsInput = pageQuery({ max: 200, default: 50 }).extend({
  nodeId: Id.optional().meta({ description: "The subtree to list (default: your scope node)" }),
  category: z.string().min(1).max(64).optional(),
});

/** The subtree's households in path order, a page at a time, ID numbers masked. */
export const listHouseholds = useCase(
  ListHouseholdsInput,
  async (input, opts: { now?: Date } = {}): Promise<{ items: HouseholdView[]; cursor: string | null }> => {
    const actor = useUser();
    const place = await readPlace(input.nodeId);
    authorize(actor, "home_visit.read", place);
    const [page, s] = await Promise.all([
      withCursor(input.cursor, (cursor) => {
        const q = tenantDb().service.entities.household.query.bySubtree({ tenantId: useTenant() }).begins({ path: `${place.path}/` });
        const category = input.category;
        return q
          .where((a, op) => (category === undefined ? op.eq(a.status, "active") : `${op.eq(a.status, "active")} AND ${op.eq(a.category, category)}`))
          .go({ cursor, count: input.limit, limit: Math.max(input.limit, 100) });
      }),
      setting(opts.now ?? new Date()),
    ]);
    return { items: (page.data as Stored[]).map((h) => toHouseholdView(h, s.policy, s.today)), cursor: page.cursor };
  },
  "query",
);

/** Every active household of a subtree (the due list and the export read the whole register of a place). */
export async function householdsUnder(path: string): Promise<Stored[]> {
  const tenantId = useTenant();
  const all = await allPages((cursor) => tenantDb().service.entities.household.query.bySubtree({ tenantId }).begins({ path: `${path}/` }).go({ cursor, limit: 500 }));
  return (all as Stored[]).filter((h) => h.status === "active");
}

/** A household of the caller's subtree, masked, or 404/403. */
export async function readableHousehold(householdId: string): Promise<Stored> {
  const h = await householdOrNotFound(householdId);
  authorize(useUser(), "home_visit.read", h);
  return h;
}

export const RevealedIdNumberSchema = z.object({ householdId: z.string(), idNumber: z.string().nullable() }).meta({ id: "RevealedIdNumber" });
export type RevealedIdNumber = z.infer<typeof RevealedIdNumberSchema>;

/**
 * A household's ID number in full: only for the roles the profile's
 * piiReaders name (403 for everyone else), within their subtree, and every
 * read leaves an audit entry (who read whose ID number, when) first.
 */
export const revealIdNumber = useCase(z.object({}), async (_input, householdId: string, opts: { now?: Date } = {}): Promise<RevealedIdNumber> => {
  const actor = useUser();
  const h = await readableHousehold(householdId);
  const now = opts.now ?? new Date();
  const { policy } = await setting(now);
  if (!policy.piiReaders.roles.includes(actor.role)) throw new AppError("forbidden", "home_visit.pii_forbidden");
  await writeTransaction(
    (tx) => [auditItem(tx, { action: "home_visit.id_number_read", targetType: "household", targetId: householdId, details: { nodeId: h.nodeId, had: h.idNumber !== undefined } }, now) as TxItem],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { householdId, idNumber: h.idNumber ?? null };
});

/** Whether the caller may read ID numbers in full (the web shows the reveal button only then). */
export function mayReveal(policy: HomeVisitsPolicy, place: { path: string }): boolean {
  const actor = useUser();
  return policy.piiReaders.roles.includes(actor.role) && can(actor, "home_visit.read", place);
}

export const HOUSEHOLD_EXPORT_HEADERS = ["住户编号", "类别", "住址", "联系人", "联系电话", "身份证号", "是否同意", "同意人", "同意日期", "同意方式", "上次走访", "下次应访", "走访状态", "走访次数"] as const;

const CONSENT_BY: Record<string, string> = { self: "本人", guardian: "监护人", family: "家属", village_committee: "村（居）委" };
const CONSENT_HOW: Record<string, string> = { written: "书面", oral: "口头", electronic: "电子" };
const DUE_NAMES: Record<DueStatus, string> = { overdue: "逾期未访", due_soon: "近期应访", not_due: "未到期" };

export const ExportHouseholdsInput = z.object({ nodeId: Id.optional().meta({ description: "The subtree to export (default: your scope node)" }) });

/** The subtree's register as xlsx: ID numbers and phones masked (a file leaves the product). */
export const exportHouseholds = useCase(
  ExportHouseholdsInput,
  async (input, opts: { now?: Date } = {}): Promise<{ body: Uint8Array; contentType: string; filename: string }> => {
    const actor = useUser();
    const place = await readPlace(input.nodeId);
    authorize(actor, "home_visit.read", place);
    const now = opts.now ?? new Date();
    const [households, s] = await Promise.all([householdsUnder(place.path), setting(now)]);
    const rows = households.map((h) => {
      const v = toHouseholdView(h, s.policy, s.today);
      return [
        v.householdId,
        v.categoryName.zh,
        v.address,
        v.contactName ?? null,
        h.phone === undefined ? null : maskPhone(h.phone),
        v.idNumber ?? null,
        v.consent.given ? "是" : "否",
        v.consent.by ? (CONSENT_BY[v.consent.by] ?? v.consent.by) : null,
        v.consent.on ?? null,
        v.consent.how ? (CONSENT_HOW[v.consent.how] ?? v.consent.how) : null,
        v.lastVisitOn ?? null,
        v.dueOn,
        DUE_NAMES[v.dueStatus],
        v.visits,
      ];
    });
    const body = await toXlsx([{ name: "入户走访台账", rows: [[...HOUSEHOLD_EXPORT_HEADERS], ...rows], widths: [28, 14, 36, 10, 14, 22, 8, 10, 12, 8, 12, 12, 10, 8] }]);
    return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `home-visits-${s.today}.xlsx` };
  },
  "query",
);

export const RemoveHouseholdInput = z
  .object({
    reason: z.enum(["moved_away", "deceased", "no_longer_vulnerable", "withdrew_consent", "duplicate"], bilingual("请选择注销原因", "Choose why the household leaves the register")),
    expectedVersion: z.int().min(1).optional(),
  })
  .meta({ id: "RemoveHouseholdInput" });

export const RemovedHouseholdSchema = z.object({ householdId: z.string(), removedAt: z.string() }).meta({ id: "RemovedHousehold" });

/**
 * A household leaves the register (moved away, deceased, consent withdrawn …):
 * its personal data (contact, phone, ID number) is erased in the same write,
 * keeping only the category, address and visits as the record of the work done.
 */
export const removeHousehold = useCase(RemoveHouseholdInput, async (input, householdId: string, opts: { now?: Date } = {}): Promise<z.infer<typeof RemovedHouseholdSchema>> => {
  const actor = useUser();
  const h = await householdOrNotFound(householdId, { consistent: true });
  authorize(actor, "home_visit.manage", h);
  if (input.expectedVersion !== undefined && input.expectedVersion !== h.version) throw new AppError("conflict", "home_visit.household_changed");
  const now = opts.now ?? new Date();
  const tenantId = useTenant();
  await writeTransaction(
    (tx) => [
      tx.household
        .patch({ tenantId, householdId })
        .set({ status: "removed", version: h.version + 1, updatedAt: now.toISOString() })
        .remove(["contactName", "phone", "idNumber"])
        .where((a, op) => `${op.eq(a.version, h.version)} AND ${op.eq(a.status, "active")}`)
        .commit() as TxItem,
      auditItem(tx, { action: "home_visit.remove", targetType: "household", targetId: householdId, details: { nodeId: h.nodeId, reason: input.reason } }, now) as TxItem,
    ],
    { onCanceled: (reasons) => (reasons.some((r) => r.index === 0) ? new AppError("conflict", "home_visit.household_changed") : new AppError("conflict", "request.conflict_retry")) },
  );
  return { householdId, removedAt: now.toISOString() };
});
