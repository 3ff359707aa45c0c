import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { toNodeView, NodeViewSchema } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { DateOnly, LongText, ShortText } from "./fields.ts";
import { CURRENT_ONLY, readNodeView } from "./node-data.ts";
import { PersonViewSchema, toPersonView } from "./people.ts";
import { BrigadeViewSchema, toBrigadeView } from "./brigades.ts";
import { defined } from "../db/plain.ts";
import { invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { latestToday } from "./dates.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";

const Label = z.object({ zh: z.string(), en: z.string() });

const MemberSchema = z.object({ personId: z.string(), name: z.string(), positionId: z.string(), title: Label });

const StandardSchema = z.object({
  standardId: z.string(),
  name: Label,
  deadline: z.string().nullable(),
  sourceRef: z.string().nullable(),
  items: z.array(
    z.object({
      itemId: z.string(),
      name: Label,
      min: z.number().optional().meta({ description: "A numeric item's minimum (the value recorded is compared with it)" }),
      unit: Label.optional(),
      value: z.number().optional().meta({ description: "A numeric item's recorded value" }),
      met: z.boolean().optional().meta({ description: "Met: recorded as met, and a numeric item's value reaches its minimum" }),
      metOn: z.string().optional(),
      evidence: z.string().optional(),
      photoKey: z.string().optional(),
    }),
  ),
});

const PostingSchema = z.object({
  positionId: z.string(),
  title: Label,
  required: z.boolean().meta({ description: "The profile asks for the seat to be publicly posted (挂牌公示)" }),
  sourceRef: z.string().nullable(),
  postedOn: z.string().optional(),
  evidence: z.string().optional(),
  photoKey: z.string().optional(),
});

const BodySchema = z.object({
  bodyId: z.string(),
  name: Label.meta({ description: "As the profile names it" }),
  kind: z.string(),
  localName: z.string().optional(),
  establishedOn: z.string().optional(),
  note: z.string().optional(),
  setUp: z.boolean().meta({ description: "Recorded as set up at this node" }),
  members: z.array(MemberSchema).meta({ description: "The node's people holding the profile's positions in this body" }),
  staff: z.number().meta({ description: "People of the node who work in this body" }),
  standards: z.array(StandardSchema),
  postings: z.array(PostingSchema).optional().meta({ description: "The body's seats to be publicly posted (挂牌公示), and those posted" }),
});

export const OrganisationViewSchema = z
  .object({
    node: NodeViewSchema,
    bodies: z.array(BodySchema),
    people: z.array(PersonViewSchema),
    brigades: z.array(BrigadeViewSchema),
    coveredBy: z.array(z.object({ brigadeId: z.string(), homeNodeId: z.string(), name: z.string(), force: z.string(), grade: z.string().optional() })),
    milestones: z.array(z.object({ milestoneId: z.string(), name: Label, by: z.string(), sourceRef: z.string().nullable(), metOn: z.string().optional(), evidence: z.string().optional() })),
  })
  .meta({ id: "NodeOrganisation" });

export type OrganisationView = z.infer<typeof OrganisationViewSchema>;

/**
 * A node's organisation as the profile in force names it: the bodies of its
 * level with their members by position and their station-standard
 * checklists, its people, brigades and the brigades covering it, and the
 * milestones due at its level. The node's data is one Query.
 */
export async function getOrganisation(nodeId: string): Promise<OrganisationView> {
  const actor = useUser();
  const [view, { profile }] = await Promise.all([readNodeView(nodeId, CURRENT_ONLY), profileAt()]);
  const node = view.node;
  if (!node) throw new AppError("not_found", "node.not_found");
  authorize(actor, "org.read", node);
  const people = view.people.filter((p) => p.status === "active");
  const bodies = profile.bodies
    .filter((b) => b.level === node.level)
    .map((b) => {
      const record = view.bodies.find((r) => r.bodyId === b.id);
      const members = profile.composition
        .filter((c) => c.body === b.id)
        .flatMap((c) => people.filter((p) => p.positions.includes(c.id)).map((p) => ({ personId: p.personId, name: p.name, positionId: c.id, title: c.title })));
      const standards = profile.stationStandards
        .filter((s) => s.body === b.id)
        .map((s) => ({
          standardId: s.id,
          name: s.name,
          deadline: s.deadline,
          sourceRef: s.sourceRef,
          items: s.items.map((i) => {
            const got = view.standardItems.find((x) => x.standardId === s.id && x.itemId === i.id);
            const met = got?.metOn !== undefined && (i.min === undefined || (got.value !== undefined && got.value >= i.min));
            return { itemId: i.id, name: i.name, met, ...defined({ min: i.min, unit: i.unit, value: got?.value }), ...(got?.metOn ? { metOn: got.metOn } : {}), ...(got?.evidence ? { evidence: got.evidence } : {}), ...(got?.photoKey ? { photoKey: got.photoKey } : {}) };
          }),
        }));
      const postings = profile.composition
        .filter((c) => c.body === b.id)
        .flatMap((c) => {
          const got = view.postings.find((x) => x.positionId === c.id);
          if (!c.publicPosting && !got) return [];
          return [{ positionId: c.id, title: c.title, required: c.publicPosting !== undefined, sourceRef: c.publicPosting?.sourceRef ?? null, ...defined({ postedOn: got?.postedOn, evidence: got?.evidence, photoKey: got?.photoKey }) }];
        });
      return {
        bodyId: b.id,
        name: b.name,
        kind: b.kind,
        ...(record?.localName ? { localName: record.localName } : {}),
        ...(record?.establishedOn ? { establishedOn: record.establishedOn } : {}),
        ...(record?.note ? { note: record.note } : {}),
        setUp: record !== undefined,
        members,
        staff: people.filter((p) => p.bodyId === b.id).length,
        standards,
        postings,
      };
    });
  return {
    node: toNodeView(node),
    bodies,
    people: view.people.map(toPersonView),
    brigades: view.brigades.map(toBrigadeView),
    coveredBy: view.covers.map((c) => ({ brigadeId: c.brigadeId, homeNodeId: c.homeNodeId, name: c.name, force: c.force, ...(c.grade ? { grade: c.grade } : {}) })),
    milestones: profile.milestones
      .filter((m) => m.level === node.level)
      .map((m) => {
        const got = view.milestones.find((r) => r.milestoneId === m.id);
        return { milestoneId: m.id, name: m.name, by: m.by, sourceRef: m.sourceRef, ...(got ? { metOn: got.metOn } : {}), ...(got?.evidence ? { evidence: got.evidence } : {}) };
      }),
  };
}

export const SetBodyInput = z
  .object({ localName: ShortText.optional(), establishedOn: DateOnly.optional(), note: LongText.optional() })
  .meta({ id: "SetBodyInput" });

/** Record a profile body as set up at a node (its local name, when established). */
export const setBody = useCase(SetBodyInput, async (input, nodeId: string, bodyId: string): Promise<OrganisationView["bodies"][number]> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const body = profile.bodies.find((b) => b.id === bodyId && b.level === node.level);
  if (!body) throw new AppError("not_found", "body.not_found");
  await writeTransaction(({ orgBody, audit }) => [
      orgBody.put({ tenantId: actor.tenantId, nodeId, bodyId, ...input }).commit(),
      auditItem({ audit }, { action: "body.set", targetType: "body", targetId: `${nodeId}/${bodyId}`, details: defined({ ...input }) }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  const view = await getOrganisation(nodeId);
  return view.bodies.find((b) => b.bodyId === bodyId)!;
});

export const SetStandardItemInput = z
  .object({
    metOn: DateOnly.nullable().meta({ description: "The date the item was met (a numeric item: measured); null: not (or no longer) met" }),
    value: z
      .number(bilingual("数值须为数字", "The value is a number"))
      .min(0, bilingual("数值不能为负数", "The value cannot be negative"))
      .max(1_000_000, bilingual("数值超出合理范围", "The value is out of range"))
      .optional()
      .meta({ description: "A numeric item's value (people an office fits, sets of gear …), compared with the item's minimum" }),
    evidence: LongText.optional().meta({ description: "What shows it, e.g. the room and its address" }),
    photoKey: z.string().max(300).optional().meta({ description: "Key of an uploaded photo" }),
  })
  .meta({ id: "SetStandardItemInput" });

/** One checklist item of a station standard at a node (e.g. 有场所 of the 八有). */
export const setStandardItem = useCase(SetStandardItemInput, async (input, nodeId: string, standardId: string, itemId: string) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const standard = profile.stationStandards.find((s) => s.id === standardId && profile.bodies.find((b) => b.id === s.body)?.level === node.level);
  if (!standard || !standard.items.some((i) => i.id === itemId)) throw new AppError("not_found", "body.not_found");
  if (input.metOn && input.metOn > latestToday()) throw invalid("body.metOn", "org.date_in_future", "达标日期不能晚于今天", "The date met cannot be in the future");
  const spec = standard.items.find((i) => i.id === itemId)!;
  if (spec.min === undefined && input.value !== undefined) throw invalid("body.value", "org.value_not_numeric", `“${spec.name.zh}”不是数值项，不录入数值`, `“${spec.name.en}” is not a numeric item; it takes no value`);
  if (spec.min !== undefined && input.metOn && input.value === undefined) throw invalid("body.value", "org.value_missing", `“${spec.name.zh}”须录入实际数值（要求 ≥${spec.min}）`, `“${spec.name.en}” needs its value (required ≥${spec.min})`);
  const item = { tenantId: actor.tenantId, nodeId, standardId, itemId, ...(input.metOn ? { metOn: input.metOn } : {}), ...(input.metOn && input.value !== undefined ? { value: input.value } : {}), evidence: input.evidence, photoKey: input.photoKey };
  await writeTransaction(({ standardItem, audit }) => [
      standardItem.put(item).commit(),
      auditItem({ audit }, { action: "standard.set_item", targetType: "standardItem", targetId: `${nodeId}/${standardId}/${itemId}`, details: defined({ metOn: input.metOn, value: item.value }) }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { standardId, itemId, ...(input.metOn ? { metOn: input.metOn } : {}), ...(item.value !== undefined ? { value: item.value } : {}), ...(input.evidence ? { evidence: input.evidence } : {}), ...(input.photoKey ? { photoKey: input.photoKey } : {}) };
});

export const SetMilestoneInput = z.object({ metOn: DateOnly, evidence: LongText.optional() }).meta({ id: "SetMilestoneInput" });

/** Record a profile milestone of the node's level as done. */
export const setMilestone = useCase(SetMilestoneInput, async (input, nodeId: string, milestoneId: string) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  if (!profile.milestones.some((m) => m.id === milestoneId && m.level === node.level)) throw new AppError("not_found", "body.not_found");
  await writeTransaction(({ milestoneRecord, audit }) => [
      milestoneRecord.put({ tenantId: actor.tenantId, nodeId, milestoneId, metOn: input.metOn, evidence: input.evidence }).commit(),
      auditItem({ audit }, { action: "milestone.set", targetType: "milestone", targetId: `${nodeId}/${milestoneId}`, details: { metOn: input.metOn } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { milestoneId, metOn: input.metOn, ...(input.evidence ? { evidence: input.evidence } : {}) };
});

export const SetPostingInput = z
  .object({
    postedOn: DateOnly.nullable().meta({ description: "The day the seat and its holder were publicly posted (挂牌公示); null: no longer posted" }),
    evidence: LongText.optional().meta({ description: "Where it is posted" }),
    photoKey: z.string().max(300).optional().meta({ description: "Key of an uploaded photo of the posting" }),
  })
  .meta({ id: "SetPostingInput" });

export const PostingViewSchema = z.object({ positionId: z.string(), postedOn: z.string().optional(), evidence: z.string().optional(), photoKey: z.string().optional() }).meta({ id: "PositionPosting" });

/** Record (or withdraw) the public posting (挂牌公示) of a seat of a body at the node's level. */
export const setPosting = useCase(SetPostingInput, async (input, nodeId: string, positionId: string): Promise<z.infer<typeof PostingViewSchema>> => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const position = profile.composition.find((c) => c.id === positionId && profile.bodies.find((b) => b.id === c.body)?.level === node.level);
  if (!position) throw new AppError("not_found", "body.not_found");
  if (input.postedOn && input.postedOn > latestToday()) throw invalid("body.postedOn", "org.date_in_future", "公示日期不能晚于今天", "The date posted cannot be in the future");
  const key = { tenantId: actor.tenantId, nodeId, positionId };
  await writeTransaction(({ positionPosting, audit }) => [
      input.postedOn ? positionPosting.put({ ...key, postedOn: input.postedOn, evidence: input.evidence, photoKey: input.photoKey }).commit() : positionPosting.delete(key).commit(),
      auditItem({ audit }, { action: "posting.set", targetType: "position", targetId: `${nodeId}/${positionId}`, details: { postedOn: input.postedOn } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { positionId, ...(input.postedOn ? defined({ postedOn: input.postedOn, evidence: input.evidence, photoKey: input.photoKey }) : {}) };
});
