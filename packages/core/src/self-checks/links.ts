import { randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize, can } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound } from "../venues/index.ts";
import { selfCheckList, selfCheckPeriod } from "./list.ts";
import { signLinkToken } from "./token.ts";

// The staff's side of a venue's self-checks: its link (shown, issued,
// replaced) and whether the self-check of the current period has come in.

/** The web page a link opens; the token rides in the fragment, so it never reaches a server's logs or a Referer. */
export const linkPath = (token: string) => `/self-check#${token}`;

export const SelfCheckLinkSchema = z
  .object({
    token: z.string(),
    path: z.string().meta({ description: "The public page with the token in its fragment: `/self-check#<token>`" }),
    url: z.string().optional().meta({ description: "The full address to share or print as a QR code (the API adds its origin)" }),
    generation: z.number().meta({ description: "1 for the first link; +1 each time it is replaced" }),
    issuedAt: z.string(),
  })
  .meta({ id: "SelfCheckLink" });
export type SelfCheckLinkView = z.infer<typeof SelfCheckLinkSchema>;

const PeriodSchema = z.object({ key: z.string(), start: z.string(), end: z.string(), dueAt: z.string() });

export const SelfCheckStatusSchema = z
  .object({
    enabled: z.boolean().meta({ description: "Whether the profile in force sets venue self-checks" }),
    frequency: z.object({ every: z.number(), unit: z.string() }).optional(),
    rule: z.object({ sourceRef: z.string().nullable(), text: z.string().optional(), assumption: z.object({ zh: z.string(), en: z.string().optional() }).optional() }).optional(),
    period: PeriodSchema.optional(),
    /** True when the self-check of the current period has come in. */
    done: z.boolean(),
    count: z.number().meta({ description: "Self-checks of the current period" }),
    lastAt: z.string().optional(),
    items: z.number().meta({ description: "Items on the venue's self-check list" }),
    mayManageLink: z.boolean(),
    link: SelfCheckLinkSchema.nullable().optional().meta({ description: "Only for those who may manage the link; null: none issued yet" }),
  })
  .meta({ id: "SelfCheckStatus" });
export type SelfCheckStatus = z.infer<typeof SelfCheckStatusSchema>;

async function linkView(link: { venueId: string; linkId: string; generation: number; issuedAt: string }, tenantId: string): Promise<SelfCheckLinkView> {
  const token = await signLinkToken({ tenantId, venueId: link.venueId, linkId: link.linkId });
  return { token, path: linkPath(token), generation: link.generation, issuedAt: link.issuedAt };
}

async function loadLink(venueId: string) {
  const actor = useUser();
  const { data } = await tenantDb().service.entities.selfCheckLink.get({ tenantId: actor.tenantId, venueId }).go({ consistent: true });
  return data ?? undefined;
}

/**
 * A venue's self-check of the current period (done or missing, from the
 * profile's frequency), and its link for those who may manage it. One
 * GetItem of the period's marker (and one of the link, for them).
 */
export const venueSelfCheckStatus = useCase(
  z.object({}),
  async (_input, venueId: string, opts: { now?: Date } = {}): Promise<SelfCheckStatus> => {
    const actor = useUser();
    const venue = await venueOrNotFound(venueId, { allowRetired: true });
    authorize(actor, "venue.read", venue);
    const now = opts.now ?? new Date();
    const [{ profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
    const mayManageLink = can(actor, "self_check.link", venue) && venue.status === "active";
    const period = selfCheckPeriod(profile, now, timeZone);
    const { selfCheckPeriod: marker } = tenantDb().service.entities;
    const [done, link] = await Promise.all([
      period ? marker.get({ tenantId: actor.tenantId, venueId, period: period.key }).go().then((r) => r.data ?? undefined) : undefined,
      mayManageLink ? loadLink(venueId) : undefined,
    ]);
    const config = profile.selfCheck;
    return {
      enabled: config !== undefined,
      ...(config ? { frequency: config.frequency, rule: { sourceRef: config.sourceRef, ...(config.text ? { text: config.text } : {}), ...(config.assumption ? { assumption: config.assumption } : {}) } } : {}),
      ...(period ? { period } : {}),
      done: done !== undefined,
      count: done?.count ?? 0,
      ...(done ? { lastAt: done.lastAt } : {}),
      items: config ? selfCheckList(profile, venue.categories).length : 0,
      mayManageLink,
      ...(mayManageLink ? { link: link ? await linkView(link, actor.tenantId) : null } : {}),
    };
  },
  "query",
);

/**
 * Issues the venue's self-check link, or replaces it: a new link id, so
 * every earlier link stops working at once. Conditioned on the link read, so
 * two officers replacing it at the same moment cannot both think theirs holds.
 */
export const issueSelfCheckLink = useCase(z.object({}), async (_input, venueId: string, opts: { now?: Date } = {}): Promise<SelfCheckLinkView> => {
  const actor = useUser();
  const venue = await venueOrNotFound(venueId);
  authorize(actor, "self_check.link", venue);
  const now = opts.now ?? new Date();
  const { profile } = await profileAt(now);
  if (!profile.selfCheck) throw new AppError("conflict", "self_check.not_in_profile");
  const before = await loadLink(venueId);
  const link = { tenantId: actor.tenantId, venueId, linkId: randomBytes(12).toString("base64url"), generation: (before?.generation ?? 0) + 1, issuedAt: now.toISOString(), issuedBy: actor.userId };
  await writeTransaction(
    (tx) => [
      before
        ? tx.selfCheckLink.patch({ tenantId: link.tenantId, venueId }).set({ linkId: link.linkId, generation: link.generation, issuedAt: link.issuedAt, issuedBy: link.issuedBy }).where((a, op) => op.eq(a.generation, before.generation)).commit()
        : tx.selfCheckLink.create(link).commit(),
      auditItem(tx, { action: before ? "self_check.link_replace" : "self_check.link_issue", targetType: "venue", targetId: venueId, details: { generation: link.generation } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return linkView(link, actor.tenantId);
});
