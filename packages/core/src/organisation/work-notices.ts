import { z } from "zod";
import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import { fieldError } from "../errors/index.ts";
import type { FieldError } from "../errors/app-error.ts";
import { deliveryCost, deliveryItems, receiptsOf, type Delivery, type ReceiptsView } from "../notifications/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { DateOnly, Id, ProfileId } from "./fields.ts";

// A meeting's work notices (工作提示: documents ask a town's fire office to
// "定期发布工作提示" and to hold meetings that "部署开展消防工作") reach those the
// meeting names: accounts named one by one and the accounts bound to the bodies
// it names. Saving the meeting writes their inbox messages (with read receipts)
// and the outbox record for their phones in the record's own transaction.

export const NoticeTo = z
  .object({
    userIds: z.array(Id).max(50).optional().meta({ description: "Accounts named" }),
    bodyIds: z.array(ProfileId).max(10).optional().meta({ description: "Bodies of the profile named: their active accounts are told" }),
  })
  .meta({ id: "WorkNoticeRecipients" });

export const noticeFields = {
  noticeTo: NoticeTo.optional().meta({ description: "meeting: who its work notices go to (notified on save, with read receipts)" }),
  noticeDue: DateOnly.optional().meta({ description: "meeting: the date the work notices are due" }),
};

type Meeting = { kind: string; title?: string | undefined; workNotices?: string[] | undefined; noticeTo?: z.infer<typeof NoticeTo> | undefined; noticeDue?: string | undefined; date: string };

const MAX_BODY_USERS = 1000;

/** The accounts a meeting's notices go to, or the field errors naming who cannot be told. */
export async function noticeRecipients(profile: PolicyProfile, input: Meeting): Promise<{ users: Delivery["users"]; errors: FieldError[] }> {
  const to = input.noticeTo;
  if (!to || (!to.userIds?.length && !to.bodyIds?.length)) return { users: [], errors: [] };
  const errors: FieldError[] = [];
  if (input.kind !== "meeting") return { users: [], errors: [fieldError("body.noticeTo", "org.notice_not_meeting", "只有会议记录可以发布工作提示", "Only a meeting issues work notices")] };
  if (!input.workNotices?.length) errors.push(fieldError("body.workNotices", "org.notice_empty", "请填写要发布的工作提示", "Enter the work notices to send"));
  const tenantId = useTenant();
  const users = tenantDb().service.entities.user;
  const found = new Map<string, Delivery["users"][number]>();
  const ids = [...new Set(to.userIds ?? [])];
  if (ids.length) {
    const { data } = await users.get(ids.map((userId) => ({ tenantId, userId }))).go({ attributes: ["userId", "displayName", "phone", "status"] });
    const byId = new Map(data.map((u) => [u.userId, u]));
    (to.userIds ?? []).forEach((id, i) => {
      const u = byId.get(id);
      if (!u || u.status !== "active") errors.push(fieldError(`body.noticeTo.userIds[${i}]`, "org.notice_user_unknown", "找不到该在用账号", "No such active account"));
      else found.set(u.userId, { userId: u.userId, phone: u.phone, name: u.displayName });
    });
  }
  const bodyIds = to.bodyIds ?? [];
  bodyIds.forEach((id, i) => {
    if (!profile.bodies.some((b) => b.id === id)) errors.push(fieldError(`body.noticeTo.bodyIds[${i}]`, "org.notice_body_unknown", `“${id}”不是政策档案中的机构`, `“${id}” is not a body of the profile`));
  });
  if (bodyIds.length && !errors.length) {
    const { data } = await users.query
      .byScope({ tenantId })
      .where((a, op) => `${op.eq(a.status, "active")} AND (${bodyIds.map((b) => op.eq(a.bodyId, b)).join(" OR ")})`)
      .go({ pages: "all", limit: MAX_BODY_USERS, attributes: ["userId", "displayName", "phone"] });
    for (const u of data) found.set(u.userId, { userId: u.userId, phone: u.phone, name: u.displayName });
  }
  return { users: [...found.values()], errors };
}

/** The delivery of a meeting's notices: one message per recipient, with a read receipt each. */
export function noticeDelivery(input: Meeting, users: Delivery["users"]): Delivery[] {
  if (!users.length) return [];
  const first = input.workNotices?.[0] ?? "";
  const more = (input.workNotices?.length ?? 0) > 1 ? ` 等${input.workNotices!.length}项` : "";
  const moreEn = (input.workNotices?.length ?? 0) > 1 ? ` (+${input.workNotices!.length - 1} more)` : "";
  const due = input.noticeDue ? `（${input.noticeDue}前落实）` : "";
  const dueEn = input.noticeDue ? ` (due ${input.noticeDue})` : "";
  return [{ intent: { kind: "work_notice", title: { zh: `工作提示：${first}${more}${due}`, en: `Work notice: ${first}${moreEn}${dueEn}` }, receipt: true }, users }];
}

/** Transaction items of the notices (in the record's own transaction), and what they cost. */
export function noticeItems(tx: TxEntities, recordId: string, deliveries: Delivery[], now: Date): TxItem[] {
  return deliveryItems(tx, { subjectType: "record", subjectId: recordId }, deliveries, now);
}
export const noticeCost = deliveryCost;

/** Who a record's work notices went to and who has read them. */
export const noticeReceipts = (recordId: string): Promise<ReceiptsView> => receiptsOf({ subjectType: "record", subjectId: recordId });
