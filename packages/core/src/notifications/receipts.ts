import { z } from "zod";
import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { plain } from "../db/plain.ts";
import type { Subject } from "./deliver.ts";

// Read receipts of messages sent with `receipt: true` (a meeting's work
// notice): one row per recipient, stamped when they mark the message read.
// The caller (the domain owning the subject) checks who may see them.

export const ReceiptsSchema = z
  .object({
    total: z.int(),
    read: z.int(),
    recipients: z.array(z.object({ userId: z.string(), name: z.string().optional(), sentAt: z.string(), readAt: z.string().optional() })),
  })
  .meta({ id: "ReadReceipts" });
export type ReceiptsView = z.infer<typeof ReceiptsSchema>;

/** Who was sent messages about the subject, and who has read them (one Query; at most 1000 recipients). */
export async function receiptsOf(subject: Subject): Promise<ReceiptsView> {
  const { data } = await tenantDb().service.entities.receipt.query.bySubject({ tenantId: useTenant(), ...subject }).go({ pages: "all", limit: 1000 });
  const recipients = data.map((r) => plain({ userId: r.userId, name: r.name, sentAt: r.sentAt, readAt: r.readAt }));
  return { total: recipients.length, read: recipients.filter((r) => r.readAt).length, recipients };
}
