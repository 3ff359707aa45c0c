import { useTenant, withActor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { Job } from "../jobs/index.ts";
import { entriesOf } from "./entries.ts";
import { documents } from "./pages.ts";
import { SOURCES } from "./types.ts";

// "My hazards" (the `mine:<user>` lists) came after hazards were first kept:
// a hazard written before them has its rows from its next change only. This
// upkeep gives every such hazard its rows once, then leaves a mark so the
// daily run is one read. Each row is written in a transaction that checks the
// hazard's version as read: a hazard changed meanwhile wrote its own rows.

const JOB = "hazard-mine-upkeep";
/** The mark that the tenant's hazards all have their rows (a row of a list nothing reads). */
const DONE = { list: "upkeep:mine", order: "done" };

/** Gives the tenant's hazards their "mine" rows where missing; how many rows it wrote (0 once done). */
export async function fillMineRows(): Promise<number> {
  const tenantId = useTenant();
  const { hazardEntry } = tenantDb().service.entities;
  if ((await hazardEntry.get({ tenantId, ...DONE }).go()).data) return 0;
  let written = 0;
  for (const source of SOURCES) {
    const rows = await allPages((cursor) => hazardEntry.query.byList({ tenantId, list: `source:${source}` }).go({ cursor, limit: 500, attributes: ["hazardId"] }));
    for (let i = 0; i < rows.length; i += 100) {
      for (const h of await documents(rows.slice(i, i + 100).map((r) => r.hazardId))) {
        const mine = entriesOf(h).filter((e) => e.list.startsWith("mine:"));
        if (!mine.length) continue;
        const result = await tenantDb()
          .service.transaction.write(({ hazard: hz, hazardEntry: entry }) => [
            hz.check({ tenantId, hazardId: h.hazardId }).where((a, op) => op.eq(a.version, h.version)).commit(),
            ...mine.map((e) => entry.put(plain({ tenantId, ...e })).commit()),
          ])
          .go();
        if (!result.canceled) written += mine.length;
      }
    }
  }
  await hazardEntry.put({ tenantId, ...DONE, hazardId: "-", path: "/", summary: {} }).go();
  return written;
}

export const hazardMineUpkeepJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t) => withActor({ type: "system", tenantId: t.tenantId, job: JOB }, async () => ({ written: await fillMineRows() })),
};
