import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { authorize } from "../access/index.ts";
import { followProfilePublishes, getDraft, parseProfile, type PolicyProfile, type PublishFollowUp } from "../profile/index.ts";
import { AppError } from "../errors/app-error.ts";
import { venuesWritten, type VenueWritten } from "./changes.ts";
import { classificationChanged, classify } from "./classify.ts";
import { factsOf, fieldsOf, updateItems, type VenueItem } from "./store.ts";

// A published profile re-derives every active venue's supervisor, inspection
// categories and patrol-plan policy, so their tasks follow the new rules
// without each venue being edited. Each changed venue is its own transaction
// conditioned on the version read: one edited meanwhile is counted stale
// (its own write classified it by the profile then in force) and left alone.

const PAGE = 100;

/** The tenant's active venues, a page at a time. */
async function* activeVenues(): AsyncGenerator<VenueItem[]> {
  const tenantId = useUser().tenantId;
  let cursor: string | null = null;
  do {
    const page: { data: VenueItem[]; cursor: string | null } = await tenantDb().service.entities.venue.query.bySubtree({ tenantId }).go({ cursor, limit: PAGE });
    yield page.data.filter((v) => v.status === "active");
    cursor = page.cursor;
  } while (cursor);
}

const differs = (profile: PolicyProfile, v: VenueItem) => classificationChanged(v, classify(profile, factsOf(fieldsOf(v))));

/** How many active venues a profile would reclassify, without writing: the publish confirmation's figure. */
export async function countReclassified(profile: PolicyProfile): Promise<{ checked: number; changed: number }> {
  let checked = 0;
  let changed = 0;
  for await (const page of activeVenues()) {
    checked += page.length;
    changed += page.filter((v) => differs(profile, v)).length;
  }
  return { checked, changed };
}

/** The saved draft's effect on venues, for the confirmation before a publish. */
export async function draftReclassification(): Promise<{ checked: number; changed: number }> {
  authorize(useUser(), "profile.publish");
  const parsed = parseProfile((await getDraft()).profile);
  if (!parsed.ok) throw new AppError("validation", "profile.invalid", { count: parsed.issues.length }, parsed.issues);
  return countReclassified(parsed.profile);
}

/** Re-derives every active venue from `profile` (version `version`), its tasks following each page. */
export async function rederiveVenues(profile: PolicyProfile, version: number, now: Date): Promise<{ checked: number; changed: number; stale: number }> {
  let checked = 0;
  let changed = 0;
  let stale = 0;
  for await (const page of activeVenues()) {
    checked += page.length;
    const written: VenueWritten[] = [];
    for (const before of page.filter((v) => differs(profile, v))) {
      const ok = await writeTransaction((tx) => {
          const u = updateItems(tx, { before, fields: fieldsOf(before), profile, profileVersion: version, now });
          return [...u.items, auditItem(tx, { action: "venue.reclassify", targetType: "venue", targetId: before.venueId, details: { profileVersion: version, version: before.version + 1 } }, now)] as never;
        },
        { onCanceled: () => new AppError("conflict", "venue.changed") },
      ).then(() => true, (err: unknown) => {
        if (err instanceof AppError && err.code === "venue.changed") return false;
        throw err;
      });
      if (!ok) {
        stale += 1;
        continue;
      }
      changed += 1;
      const c = classify(profile, factsOf(fieldsOf(before)));
      written.push({ venue: { ...before, categories: c.categories, supervisor: c.supervisor, patrolPlanPolicy: c.patrolPlanPolicy } as VenueItem, fresh: false });
    }
    await venuesWritten(written, now);
  }
  return { checked, changed, stale };
}

followProfilePublishes(async ({ version, profile }, now): Promise<PublishFollowUp> => ({ venues: await rederiveVenues(profile, version, now) }));
