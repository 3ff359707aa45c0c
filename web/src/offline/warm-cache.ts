// Today's tasks loaded: read what each needs offline (the task opened with
// its checklist, its venue) and the nodes a report names, so the service
// worker's data cache (web/vite.config.ts) holds them before the signal goes.
import type { InspectionTask } from "@firegov/core/contract";
import { apiFetch } from "../api/http.ts";
import { venuePath } from "../api/venues.ts";

/** At most this many tasks are read ahead: the soonest due. */
const AHEAD = 40;

export async function warmFieldCache(tasks: InspectionTask[]): Promise<void> {
  // Without a service worker in control nothing would be kept.
  if (!globalThis.navigator?.serviceWorker?.controller || navigator.onLine === false) return;
  // The exact reads the pages make (the cache matches the query string too): see data/queries.ts and pages/inspections/data.ts.
  const paths = new Set<string>(["/v1/nodes?limit=500"]);
  for (const task of tasks.slice(0, AHEAD)) {
    paths.add(`/v1/inspection-tasks/${encodeURIComponent(task.taskId)}`);
    if (task.venueId) {
      paths.add(venuePath(task.venueId));
      paths.add(`${venuePath(task.venueId)}/checklist`);
    }
  }
  // A few at a time, in the background; a failure only means that one is not cached.
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) await apiFetch(path).catch(() => undefined);
  };
  await Promise.all([worker(), worker(), worker()]);
}
