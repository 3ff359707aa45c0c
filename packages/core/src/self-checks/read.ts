import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { withCursor } from "../db/cursor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { listVenues, venueOrNotFound } from "../venues/index.ts";
import { selfCheckPeriod } from "./list.ts";

// What staff read of self-checks: a venue's, newest first, and for a
// subtree, which venues have sent the self-check of the current period.

const Page = {
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const SelfCheckViewSchema = z
  .object({
    selfCheckId: z.string(),
    period: z.string(),
    respondent: z.string(),
    phone: z.string().optional(),
    note: z.string().optional(),
    items: z.array(z.object({ category: z.string(), itemId: z.string(), result: z.enum(["pass", "fail"]), note: z.string().optional(), hazardCode: z.string(), hazardId: z.string().optional() })),
    passed: z.number(),
    failed: z.number(),
    hazardIds: z.array(z.string()),
    submittedAt: z.string(),
    profileVersion: z.number(),
  })
  .meta({ id: "SelfCheck" });
export type SelfCheckView = z.infer<typeof SelfCheckViewSchema>;
export const SelfCheckPageSchema = z.object({ items: z.array(SelfCheckViewSchema), cursor: z.string().nullable() }).meta({ id: "SelfCheckPage" });

export const ListVenueSelfChecksInput = z.object(Page);

/** A venue's self-checks, newest first, a page at a time. */
export const listVenueSelfChecks = useCase(
  ListVenueSelfChecksInput,
  async (input, venueId: string): Promise<z.infer<typeof SelfCheckPageSchema>> => {
    const actor = useUser();
    const venue = await venueOrNotFound(venueId, { allowRetired: true });
    authorize(actor, "venue.read", venue);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.selfCheck.query.byVenue({ tenantId: actor.tenantId, venueId }).go({ cursor, limit: input.limit, order: "desc" }));
    return { items: page.data.map(({ tenantId: _t, venueId: _v, submissionId: _s, linkGeneration: _g, ...rest }) => plain(rest) as SelfCheckView), cursor: page.cursor };
  },
  "query",
);

export const SelfCheckRollInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree (default: your scope node)" }),
  missing: z.enum(["true", "false"]).optional().meta({ description: "true: only venues whose self-check of the period has not come in" }),
  ...Page,
});

export const SelfCheckRollSchema = z
  .object({
    period: z.object({ key: z.string(), start: z.string(), end: z.string(), dueAt: z.string() }).nullable(),
    items: z.array(z.object({ venueId: z.string(), name: z.string(), nodeId: z.string(), path: z.string(), done: z.boolean(), count: z.number(), lastAt: z.string().optional() })),
    cursor: z.string().nullable(),
  })
  .meta({ id: "SelfCheckRoll" });

/**
 * The active venues of a subtree, a page at a time in path order, each with
 * whether its self-check of the current period has come in: one Query of the
 * venues and one BatchGetItem of their markers. With `missing=true` a page
 * keeps only the venues still missing it (and may hold fewer than `limit`;
 * the cursor goes on).
 */
export const selfCheckRoll = useCase(
  SelfCheckRollInput,
  async (input, opts: { now?: Date } = {}): Promise<z.infer<typeof SelfCheckRollSchema>> => {
    const actor = useUser();
    const now = opts.now ?? new Date();
    const [{ profile }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
    const venues = await listVenues({ nodeId: input.nodeId, status: "active", cursor: input.cursor, limit: input.limit });
    const period = selfCheckPeriod(profile, now, timeZone);
    if (!period) return { period: null, items: [], cursor: null };
    const { selfCheckPeriod: marker } = tenantDb().service.entities;
    const keys = venues.items.map((v) => ({ tenantId: actor.tenantId, venueId: v.venueId, period: period.key }));
    const found = keys.length ? (await marker.get(keys).go()).data : [];
    const byVenue = new Map(found.map((m) => [m.venueId, m]));
    const items = venues.items
      .map((v) => {
        const m = byVenue.get(v.venueId);
        return { venueId: v.venueId, name: v.name, nodeId: v.nodeId, path: v.path, done: m !== undefined, count: m?.count ?? 0, ...(m ? { lastAt: m.lastAt } : {}) };
      })
      .filter((row) => input.missing !== "true" || !row.done);
    return { period, items, cursor: venues.cursor };
  },
  "query",
);
