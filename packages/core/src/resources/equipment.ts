import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { AppError } from "../errors/app-error.ts";
import { fieldError, invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import type { FieldError } from "../errors/app-error.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { getBrigade } from "../organisation/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { resourcesOf } from "../profile/index.ts";
import { DateOnly, Id, ProfileId, ShortText } from "./fields.ts";

// 装备: equipment a node, or one of its brigades or stations, keeps: a kind
// of the profile's vocabulary, a count, its check and expiry dates.

const Count = z.int(bilingual("数量须为整数", "The count is a whole number")).min(1, bilingual("数量至少为 1", "The count is at least 1")).max(100_000, bilingual("数量超出合理范围", "Count out of range"));

const equipmentFields = {
  kind: ProfileId.meta({ description: "An equipment kind of the profile (extinguisher, breathing_apparatus, engine …)" }),
  name: ShortText.optional().meta({ description: "Model or description" }),
  brigadeId: Id.optional().meta({ description: "The brigade or station of this node that keeps it" }),
  count: Count,
  lastCheckOn: DateOnly.optional(),
  nextCheckDue: DateOnly.optional(),
  expiresOn: DateOnly.optional(),
  note: ShortText.optional(),
};

export const CreateEquipmentInput = z.object(equipmentFields).meta({ id: "CreateEquipmentInput" });

export const UpdateEquipmentInput = z
  .object({
    count: Count.optional(),
    name: ShortText.optional(),
    lastCheckOn: DateOnly.optional(),
    nextCheckDue: DateOnly.optional(),
    expiresOn: DateOnly.optional(),
    note: ShortText.optional(),
    status: z.enum(["active", "retired"]).optional().meta({ description: "retired: scrapped or handed over; no longer judged" }),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .meta({ id: "UpdateEquipmentInput" });

export const EquipmentSchema = z
  .object({
    equipmentId: z.string(),
    nodeId: z.string(),
    kind: z.string(),
    kindName: z.object({ zh: z.string(), en: z.string() }),
    name: z.string().optional(),
    brigadeId: z.string().optional(),
    count: z.int(),
    lastCheckOn: z.string().optional(),
    nextCheckDue: z.string().optional(),
    expiresOn: z.string().optional(),
    note: z.string().optional(),
    status: z.enum(["active", "retired"]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Equipment" });

export const EquipmentListSchema = z.object({ items: z.array(EquipmentSchema) }).meta({ id: "EquipmentList" });

type Stored = { tenantId: string; nodeId: string; equipmentId: string; kind: string; name?: string | undefined; brigadeId?: string | undefined; count: number; lastCheckOn?: string | undefined; nextCheckDue?: string | undefined; expiresOn?: string | undefined; note?: string | undefined; status: "active" | "retired"; createdAt: string; updatedAt: string; createdBy: string };

export function toEquipmentView(profile: PolicyProfile, e: Stored): z.infer<typeof EquipmentSchema> {
  const { tenantId: _t, createdBy: _c, ...rest } = e;
  return { ...rest, kindName: resourcesOf(profile).equipmentKinds.find((k) => k.id === e.kind)?.name ?? { zh: e.kind, en: e.kind } };
}

function checkEquipment(profile: PolicyProfile, input: { kind?: string | undefined; lastCheckOn?: string | undefined; nextCheckDue?: string | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  const kinds = resourcesOf(profile).equipmentKinds;
  if (input.kind !== undefined && !kinds.some((k) => k.id === input.kind)) {
    errors.push(fieldError("body.kind", "resources.kind_unknown", `“${input.kind}”不是政策档案中的装备类型，可选：${kinds.map((k) => k.name.zh).join("、")}`, `“${input.kind}” is not an equipment kind of the profile; one of: ${kinds.map((k) => k.id).join(", ")}`));
  }
  if (input.lastCheckOn && input.nextCheckDue && input.nextCheckDue < input.lastCheckOn) {
    errors.push(fieldError("body.nextCheckDue", "resources.check_order", "下次检查日期不能早于上次检查日期", "The next check cannot come before the last one"));
  }
  return errors;
}

const reject = (errors: FieldError[]) => {
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
};

export const createEquipment = useCase(CreateEquipmentInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  reject(checkEquipment(profile, input));
  // The brigade must be one of this node's.
  if (input.brigadeId) {
    await getBrigade(nodeId, input.brigadeId).catch((e: unknown) => {
      if (e instanceof AppError && e.kind === "not_found") throw invalid("body.brigadeId", "resources.brigade_unknown", "该节点没有这支队站", "No such brigade or station at this node");
      throw e;
    });
  }
  const equipmentId = timeOrderedId();
  const stored = await writeTransaction<{ equipmentId: string }>(
    ({ equipment, audit }) => [
      equipment.create({ tenantId: actor.tenantId, nodeId, equipmentId, ...input, createdBy: actor.userId }).commit(),
      auditItem({ audit }, { action: "equipment.create", targetType: "node", targetId: nodeId, details: { equipmentId, kind: input.kind, count: input.count, expiresOn: input.expiresOn ?? null } }),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { equipmentId } } : undefined,
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    },
  );
  return getEquipment(nodeId, stored?.equipmentId ?? equipmentId, profile);
});

async function getEquipment(nodeId: string, equipmentId: string, profile: PolicyProfile) {
  const { data } = await tenantDb().service.entities.equipment.get({ tenantId: useUser().tenantId, nodeId, equipmentId }).go({ consistent: true });
  if (!data) throw new AppError("not_found", "resources.equipment_not_found");
  return toEquipmentView(profile, data as Stored);
}

export const updateEquipment = useCase(UpdateEquipmentInput, async (input, nodeId: string, equipmentId: string) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const { data: before } = await tenantDb().service.entities.equipment.get({ tenantId: actor.tenantId, nodeId, equipmentId }).go();
  if (!before) throw new AppError("not_found", "resources.equipment_not_found");
  reject(checkEquipment(profile, { lastCheckOn: input.lastCheckOn ?? before.lastCheckOn, nextCheckDue: input.nextCheckDue ?? before.nextCheckDue }));
  await writeTransaction(
    ({ equipment, audit }) => [
      equipment.patch({ tenantId: actor.tenantId, nodeId, equipmentId }).set(input).where((a, op) => op.exists(a.equipmentId)).commit(),
      auditItem({ audit }, { action: "equipment.update", targetType: "node", targetId: nodeId, details: { equipmentId, ...input } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return getEquipment(nodeId, equipmentId, profile);
});

/** A node's equipment register (retired items included, marked). */
export async function listEquipment(nodeId: string): Promise<z.infer<typeof EquipmentListSchema>> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(useUser(), "org.read", node);
  const { profile } = await profileAt();
  const { data } = await tenantDb().service.entities.equipment.query.byNode({ tenantId: node.tenantId, nodeId }).go({ pages: "all" });
  return { items: data.map((e) => toEquipmentView(profile, e as Stored)) };
}
