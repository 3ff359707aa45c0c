import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize, can } from "../access/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { AnnualPay, ContactPhone, DateOnly, Id, IdNumber, LeftFor, maskIdNumber, maskPhone, PersonName, ProfileId } from "./fields.ts";
import { latestToday } from "./dates.ts";
import { fieldError } from "../errors/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound, type NodeItem } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { pageOf, pageQuery, withCursor } from "../db/cursor.ts";
import { Employment, unknownWord } from "./vocabulary.ts";

// ── Views ──────────────────────────────────────────────────────────────────

export const PersonViewSchema = z
  .object({
    personId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    name: z.string(),
    employment: Employment,
    secondedFrom: z.string().optional(),
    bodyId: z.string().optional(),
    roles: z.array(z.string()),
    positions: z.array(z.string()),
    phone: z.string().optional().meta({ description: "Masked (138****5678) unless the reader may see personal data" }),
    idNumber: z.string().optional().meta({ description: "Masked unless the reader may see personal data" }),
    personalData: z.enum(["full", "masked"]),
    userId: z.string().optional(),
    hiredOn: z.string().optional(),
    jobChangedOn: z.string().optional(),
    annualPay: z.number().optional().meta({ description: "Omitted unless the reader may see personal data" }),
    leftOn: z.string().optional(),
    leftFor: LeftFor.optional(),
    longServiceBenefitOn: z.string().optional(),
    status: z.enum(["active", "left"]),
    updatedAt: z.string(),
  })
  .meta({ id: "Person" });

export type PersonView = z.infer<typeof PersonViewSchema>;

type PersonItem = Omit<PersonView, "personalData"> & { tenantId: string; createdAt: string };

/** Phone and ID number in full only for tenant admins and officers whose subtree holds the person. */
export function toPersonView(p: PersonItem): PersonView {
  const full = can(useUser(), "org.personal_data", { path: p.path });
  const { tenantId: _t, createdAt: _c, phone, idNumber, annualPay, ...rest } = p;
  return {
    ...rest,
    ...(phone ? { phone: full ? phone : maskPhone(phone) } : {}),
    ...(idNumber ? { idNumber: full ? idNumber : maskIdNumber(idNumber) } : {}),
    ...(annualPay !== undefined && full ? { annualPay } : {}),
    personalData: full ? "full" : "masked",
  };
}

const PersonPage = pageOf(PersonViewSchema);
export const PersonPageSchema = PersonPage.meta({ id: "PersonPage" });

// ── Checks against the profile ────────────────────────────────────────────

export interface PersonFields {
  employment?: string | undefined;
  secondedFrom?: string | null | undefined;
  bodyId?: string | null | undefined;
  roles?: readonly string[] | undefined;
  positions?: readonly string[] | undefined;
}

/**
 * The profile's word on a person's fields: bodies, roles and positions must
 * be the profile's; a position is a seat in a body of the node's own level;
 * a body can be the node's or one above it (a county brigade's liaison cadre
 * is recorded at the town it serves); seconded staff name who seconds them.
 */
export function checkPersonFields(profile: PolicyProfile, node: { level: string }, p: PersonFields, root = "body"): FieldError[] {
  const errors: FieldError[] = [...unknownWord(profile, "employmentKinds", p.employment, `${root}.employment`)];
  const depth = (level: string) => profile.levels.findIndex((l) => l.id === level);
  const body = (id: string) => profile.bodies.find((b) => b.id === id);
  if (p.bodyId) {
    const b = body(p.bodyId);
    if (!b) errors.push(fieldError(`${root}.bodyId`, "org.body_unknown", `“${p.bodyId}”不是政策档案中的机构`, `“${p.bodyId}” is not a body of the profile`));
    else if (depth(b.level) > depth(node.level)) errors.push(fieldError(`${root}.bodyId`, "org.body_below_node", `“${b.name.zh}”设在更低一级，不能记在本节点`, `“${b.name.en}” sits at a lower level than this node`));
  }
  if (p.employment === "seconded" && !p.secondedFrom) errors.push(fieldError(`${root}.secondedFrom`, "org.seconded_from_required", "派驻（指定）人员须写明派出单位", "Seconded staff need the body that seconds them"));
  if (p.secondedFrom && !body(p.secondedFrom)) errors.push(fieldError(`${root}.secondedFrom`, "org.body_unknown", `“${p.secondedFrom}”不是政策档案中的机构`, `“${p.secondedFrom}” is not a body of the profile`));
  (p.roles ?? []).forEach((role, i) => {
    if (!profile.roles.some((r) => r.id === role)) errors.push(fieldError(`${root}.roles[${i}]`, "org.role_unknown", `“${role}”不是政策档案中的角色`, `“${role}” is not a role of the profile`));
  });
  (p.positions ?? []).forEach((id, i) => {
    const position = profile.composition.find((c) => c.id === id);
    if (!position) errors.push(fieldError(`${root}.positions[${i}]`, "org.position_unknown", `“${id}”不是政策档案中的职务`, `“${id}” is not a position of the profile`));
    else if (body(position.body)?.level !== node.level) errors.push(fieldError(`${root}.positions[${i}]`, "org.position_wrong_level", `“${position.title.zh}”不是本级机构的职务`, `“${position.title.en}” is not a seat of a body at this level`));
  });
  return errors;
}

/** A person's dates and how they left, as they will stand after the write. */
export interface PersonDates {
  status?: "active" | "left" | undefined;
  hiredOn?: string | null | undefined;
  jobChangedOn?: string | null | undefined;
  leftOn?: string | null | undefined;
  leftFor?: string | null | undefined;
  longServiceBenefitOn?: string | null | undefined;
}

/**
 * Dates people type: none still to come; a change of post or leaving not
 * before the hire; leaving and its benefit only for someone who has left,
 * the benefit not before leaving. `changed` names the fields the input
 * sets, which are the ones an error is reported on.
 */
export function checkPersonDates(p: PersonDates, changed: readonly string[], root = "body"): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string) => `${root}.${field}`;
  const report = (field: string, code: string, zh: string, en: string) => {
    if (changed.includes(field)) errors.push(fieldError(at(field), code, zh, en));
  };
  for (const field of ["hiredOn", "jobChangedOn", "leftOn", "longServiceBenefitOn"] as const) {
    const value = p[field];
    if (value && value > latestToday()) report(field, "org.date_in_future", "日期不能晚于今天", "The date cannot be in the future");
  }
  if (p.hiredOn && p.jobChangedOn && p.jobChangedOn < p.hiredOn) report("jobChangedOn", "org.job_change_before_hire", "转岗日期不能早于入职日期", "A change of post cannot precede the hire");
  if (p.hiredOn && p.leftOn && p.leftOn < p.hiredOn) report("leftOn", "org.left_before_hire", "离岗日期不能早于入职日期", "Leaving cannot precede the hire");
  if (p.status !== "left") {
    for (const field of ["leftOn", "leftFor", "longServiceBenefitOn"] as const) {
      if (p[field]) report(field, "org.only_when_left", "仅对已离岗人员填写", "Only for someone who has left");
    }
  }
  if (p.leftOn && p.longServiceBenefitOn && p.longServiceBenefitOn < p.leftOn) report("longServiceBenefitOn", "org.benefit_before_leaving", "补助（安置）日期不能早于离岗日期", "The benefit cannot precede leaving");
  return errors;
}

function rejectIf(errors: FieldError[]) {
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
}

async function checkUser(userId: string | null | undefined) {
  if (!userId) return;
  const { data } = await tenantDb().service.entities.user.get({ tenantId: useUser().tenantId, userId }).go();
  if (!data) rejectIf([fieldError("body.userId", "org.user_unknown", "找不到该用户账号", "No such user account")]);
}

// ── Reading ────────────────────────────────────────────────────────────────

export const PageInput = pageQuery({ max: 200, default: 50 });

/** The people recorded at a node, a page at a time. */
export const listPeople = useCase(
  PageInput,
  async (input, nodeId: string): Promise<z.infer<typeof PersonPage>> => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.person.query.byNode({ tenantId: node.tenantId, nodeId }).go({ cursor, limit: input.limit }));
    return { items: page.data.map(toPersonView), cursor: page.cursor };
  },
  "query",
);

/** The people of a whole subtree in path order, a page at a time. */
export const listPeopleUnder = useCase(
  PageInput,
  async (input, nodeId: string): Promise<z.infer<typeof PersonPage>> => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.person.query.bySubtree({ tenantId: node.tenantId }).begins({ path: node.path }).go({ cursor, limit: input.limit }));
    return { items: page.data.map(toPersonView), cursor: page.cursor };
  },
  "query",
);

async function loadPerson(node: { nodeId: string }, personId: string, consistent = false) {
  const { data } = await tenantDb().service.entities.person.get({ tenantId: useTenant(), nodeId: node.nodeId, personId }).go({ consistent });
  if (!data) throw new AppError("not_found", "person.not_found");
  return data;
}

export const PersonParams = z.object({ nodeId: Id, personId: Id });

/** One GetItem: the person carries their node's path, which is all authorising needs. */
export async function getPerson(nodeId: string, personId: string): Promise<PersonView> {
  const actor = useUser();
  const person = await loadPerson({ nodeId }, personId);
  authorize(actor, "org.read", person);
  return toPersonView(person);
}

// ── Writing ────────────────────────────────────────────────────────────────

const profileIds = (max: number) => z.array(ProfileId).max(max).default([]);

export const CreatePersonInput = z
  .object({
    name: PersonName,
    employment: Employment,
    secondedFrom: ProfileId.optional().meta({ description: "For seconded staff: the profile body that seconds or names them" }),
    bodyId: ProfileId.optional().meta({ description: "The profile body of this node (or above) the person works in" }),
    roles: profileIds(20).meta({ description: "Profile role ids" }),
    positions: profileIds(10).meta({ description: "Profile composition position ids (seats in this node's bodies)" }),
    phone: ContactPhone.optional(),
    idNumber: IdNumber.optional(),
    userId: Id.optional(),
    hiredOn: DateOnly.optional().meta({ description: "入职: the day they took up this post (a full-time firefighter: the start of continuous service)" }),
    jobChangedOn: DateOnly.optional().meta({ description: "转岗: the day of their latest change of post" }),
    annualPay: AnnualPay.optional(),
  })
  .meta({ id: "CreatePersonInput" });

export type CreatePersonInput = z.output<typeof CreatePersonInput>;

/** A person item for a node; the import writes the same. */
export function personItem(node: NodeItem, input: CreatePersonInput, personId: string = randomUUID()) {
  return {
    tenantId: node.tenantId,
    nodeId: node.nodeId,
    personId,
    path: node.path,
    name: input.name,
    employment: input.employment,
    secondedFrom: input.employment === "seconded" ? input.secondedFrom : undefined,
    bodyId: input.bodyId,
    roles: [...new Set(input.roles)],
    positions: [...new Set(input.positions)],
    phone: input.phone,
    idNumber: input.idNumber,
    userId: input.userId,
    hiredOn: input.hiredOn,
    jobChangedOn: input.jobChangedOn,
    annualPay: input.annualPay,
  };
}

export const createPerson = useCase(CreatePersonInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}): Promise<PersonView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  if (input.annualPay !== undefined) authorize(actor, "org.personal_data", node);
  const { profile } = await profileAt();
  rejectIf([...checkPersonFields(profile, node, input), ...checkPersonDates(input, Object.keys(input))]);
  await checkUser(input.userId);
  const item = personItem(node, input);
  const place = atPlace(node);
  const stored = await writeTransaction<{ personId: string }>((tx) =>
      place.items(tx, [
        tx.person.create(item).commit(),
        auditItem(tx, { action: "person.create", targetType: "person", targetId: item.personId, details: { nodeId, employment: item.employment, roles: item.roles, positions: item.positions } }),
      ] as never) as never,
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { personId: item.personId } } : undefined,
      onCanceled: (reasons) => (place.moved(reasons) ? nodeMoving() : new AppError("conflict", "request.conflict_retry")),
    },
  );
  return toPersonView(await loadPerson(node, stored?.personId ?? item.personId, true));
});

export const UpdatePersonInput = z
  .object({
    name: PersonName.optional(),
    employment: Employment.optional(),
    secondedFrom: ProfileId.nullable().optional(),
    bodyId: ProfileId.nullable().optional(),
    roles: z.array(ProfileId).max(20).optional(),
    positions: z.array(ProfileId).max(10).optional(),
    phone: ContactPhone.nullable().optional(),
    idNumber: IdNumber.nullable().optional(),
    userId: Id.nullable().optional(),
    status: z.enum(["active", "left"]).optional().meta({ description: "`left`: no longer in post (kept for history)" }),
    hiredOn: DateOnly.nullable().optional(),
    jobChangedOn: DateOnly.nullable().optional(),
    annualPay: AnnualPay.nullable().optional(),
    leftOn: DateOnly.nullable().optional().meta({ description: "With status `left`: the day they left" }),
    leftFor: LeftFor.nullable().optional().meta({ description: "With status `left`: `retirement`, or `other` (resigned, self-employed …)" }),
    longServiceBenefitOn: DateOnly.nullable().optional().meta({ description: "With status `left`: the day the long-service benefit was granted (subsidy paid, job recommended)" }),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .meta({ id: "UpdatePersonInput" });

/** The brigades of a node whose roster lists a person (a node has a handful: one Query). */
async function brigadesListing(node: { tenantId: string; nodeId: string }, personId: string) {
  const { data } = await tenantDb().service.entities.brigade.query.byNode({ tenantId: node.tenantId, nodeId: node.nodeId }).go({ pages: "all" });
  return data.filter((b) => b.memberIds.includes(personId));
}

/** Edit a person; `null` clears an optional field. Personal data can be set only by those who may see it. */
export const updatePerson = useCase(UpdatePersonInput, async (input, nodeId: string, personId: string): Promise<PersonView> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  const current = await loadPerson(node, personId);
  authorize(actor, "org.manage", node);
  if (input.phone !== undefined || input.idNumber !== undefined || input.annualPay !== undefined) authorize(actor, "org.personal_data", node);
  const { profile } = await profileAt();
  const employment = input.employment ?? current.employment;
  const merged = {
    employment,
    secondedFrom: input.secondedFrom === undefined ? current.secondedFrom : input.secondedFrom,
    bodyId: input.bodyId === undefined ? current.bodyId : input.bodyId,
    roles: input.roles ?? current.roles,
    positions: input.positions ?? current.positions,
  };
  // Back in post: what was recorded of their leaving goes, unless the input sets it (which is then refused).
  const returning = input.status === "active" && current.status === "left";
  const leaving = ["leftOn", "leftFor", "longServiceBenefitOn"] as const;
  const dropped = returning ? leaving.filter((key) => input[key] === undefined && current[key] !== undefined) : [];
  const dated = <K extends keyof PersonDates>(key: K) => (input[key] === undefined ? (dropped.includes(key as never) ? undefined : current[key]) : input[key]) as PersonDates[K];
  const dates: PersonDates = { status: input.status ?? current.status, hiredOn: dated("hiredOn"), jobChangedOn: dated("jobChangedOn"), leftOn: dated("leftOn"), leftFor: dated("leftFor"), longServiceBenefitOn: dated("longServiceBenefitOn") };
  // Only what changes is checked: a role the profile has since dropped does not block renaming a person.
  rejectIf([
    ...checkPersonFields(profile, node, {
      employment,
      secondedFrom: input.secondedFrom !== undefined || input.employment !== undefined ? merged.secondedFrom : undefined,
      bodyId: input.bodyId,
      roles: input.roles,
      positions: input.positions,
    }),
    ...checkPersonDates(dates, Object.keys(input)),
  ]);
  await checkUser(input.userId);
  const optional = ["secondedFrom", "bodyId", "phone", "idNumber", "userId", "hiredOn", "jobChangedOn", "annualPay", "leftOn", "leftFor", "longServiceBenefitOn"] as const;
  const set: Record<string, unknown> = {};
  const remove: (typeof optional)[number][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === null) remove.push(key as (typeof optional)[number]);
    else if (key === "roles" || key === "positions") set[key] = [...new Set(value as string[])];
    else set[key] = value;
  }
  if (employment !== "seconded" && current.secondedFrom && !remove.includes("secondedFrom")) remove.push("secondedFrom");
  remove.push(...dropped.filter((key) => !remove.includes(key)));
  // Someone who leaves goes from the rosters of the node's brigades to their former members, in the same transaction.
  const rosters = input.status === "left" && current.status !== "left" ? await brigadesListing(node, personId) : [];
  await writeTransaction(({ person, brigade, audit }) => [
      person
        .patch({ tenantId: node.tenantId, nodeId, personId })
        .set(set)
        .remove(remove)
        .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
        .commit(),
      ...rosters.map((b) =>
        brigade
          .patch({ tenantId: node.tenantId, nodeId, brigadeId: b.brigadeId })
          .set({ memberIds: b.memberIds.filter((id) => id !== personId), formerMemberIds: [...(b.formerMemberIds ?? []).filter((id) => id !== personId), personId] })
          .where((a, op) => op.eq(a.updatedAt, b.updatedAt))
          .commit(),
      ),
      auditItem({ audit }, { action: "person.update", targetType: "person", targetId: personId, details: { nodeId, fields: [...Object.keys(set), ...remove], ...(rosters.length ? { leftBrigades: rosters.map((b) => b.brigadeId) } : {}) } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toPersonView(await loadPerson(node, personId, true));
});
