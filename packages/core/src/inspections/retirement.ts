import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities } from "../db/transact.ts";
import type { RetirementBatch, VenueItem } from "../venues/index.ts";
import { coverageSlice } from "./inspection.entity.ts";
import { coverageDeltas } from "./schedule.ts";

type Task = { kind: string; venuePath?: string | undefined; category: string; period: string };

const dropDeltas = (tasks: Task[], path: string) =>
  coverageDeltas(tasks.filter((t) => t.kind === "coverage").map((t) => ({ venuePath: t.venuePath ?? path, category: t.category, period: t.period, due: -1, inspected: 0 })));

/** A retired venue leaves every schedule: its open tasks go, each with the coverage it counted as due. */
export async function openTasksOfRetiredVenue(venue: VenueItem, room: number): Promise<RetirementBatch[]> {
  const tenantId = useTenant();
  const tasks = (await tenantDb().service.entities.inspectionTask.query.byId({ tenantId, subjectId: venue.venueId }).go({ pages: "all" })).data.filter((t) => t.state === "open");
  const lists: (typeof tasks)[] = [];
  let list: typeof tasks = [];
  const cost = (l: typeof tasks) => l.length + dropDeltas(l, venue.path).length;
  for (const t of tasks) {
    if (cost([...list, t]) > room && list.length) {
      lists.push(list);
      list = [];
    }
    list.push(t);
  }
  if (list.length) lists.push(list);
  return lists.map((l) => ({
    dropped: l.length,
    items: (tx: TxEntities) => [
      ...l.map((t) => tx.inspectionTask.delete({ tenantId, subjectId: venue.venueId, category: t.category, period: t.period }).where((a, op) => op.eq(a.state, "open")).commit()),
      ...dropDeltas(l, venue.path).map((d) => tx.coverage.update({ tenantId, nodeId: d.nodeId, category: d.category, period: d.period }).add({ due: d.due }).set({ path: d.path, slice: coverageSlice(d.category, d.period) }).commit()),
    ],
  }));
}
