import { randomUUID } from "node:crypto";
import { withActor } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { activeUsersUnder, type ScopedUser } from "../identity/index.ts";
import type { Job, JobStats } from "../jobs/index.ts";
import { deliveryItems } from "../notifications/index.ts";
import { householdsUnder, setting, toHouseholdView } from "./households.ts";

// The visits' task list reaches the visitors: each morning, the village
// managers and grid workers nearest to households whose visit is overdue or
// falls due within the week get one message counting them (the page lists
// which). One message per person per day, however often the job runs.

const JOB = "home-visits.remind";
/** The roles that visit (六(一)1: the village and the grid); officers above see the due list on the page. */
const VISITORS = new Set(["village_manager", "grid_worker"]);

const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

/** The visitors of a household: those scoped at its node, or else at the nearest node above that has any. */
export function nearestVisitors(path: string, byPath: Map<string, ScopedUser[]>): ScopedUser[] {
  for (let p = path; p !== ""; p = parentOf(p)) {
    const found = byPath.get(p);
    if (found?.length) return found;
  }
  return [];
}

/** One tenant's reminders for `now`'s local day. */
export async function remindDueVisits(now: Date): Promise<JobStats> {
  const s = await setting(now);
  const due = (await householdsUnder("")).map((h) => toHouseholdView(h, s.policy, s.today)).filter((v) => v.dueStatus !== "not_due");
  if (due.length === 0) return { due: 0, reminded: 0 };
  const byPath = new Map<string, ScopedUser[]>();
  for (const u of await activeUsersUnder("")) {
    if (!VISITORS.has(u.role)) continue;
    byPath.set(u.scopePath, [...(byPath.get(u.scopePath) ?? []), u]);
  }
  const perUser = new Map<string, { user: ScopedUser; overdue: number; soon: number }>();
  for (const v of due) {
    for (const user of nearestVisitors(v.path, byPath)) {
      const row = perUser.get(user.userId) ?? { user, overdue: 0, soon: 0 };
      if (v.dueStatus === "overdue") row.overdue++;
      else row.soon++;
      perUser.set(user.userId, row);
    }
  }
  let reminded = 0;
  for (const { user, overdue, soon } of perUser.values()) {
    const title = {
      zh: `入户走访：${overdue} 户已逾期，${soon} 户七日内到期`,
      en: `Home visits: ${overdue} overdue, ${soon} due within a week`,
    };
    const delivery = { intent: { kind: "home_visit_due", title }, users: [{ userId: user.userId, ...(user.phone ? { phone: user.phone } : {}) }] };
    const key = `${JOB}:${user.userId}:${s.today}`;
    // A replay (a second run the same day) answers the first run's token and writes nothing.
    const token = randomUUID();
    const answer = await writeTransaction<string>((tx) => deliveryItems(tx, { subjectType: "home_visits", subjectId: user.scopeNodeId }, [delivery], now) as never, {
      idempotency: { key, request: { key }, result: token },
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    });
    if (answer === token) reminded++;
  }
  return { due: due.length, reminded };
}

export const homeVisitReminderJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t, now) => withActor({ type: "system", tenantId: t.tenantId, job: JOB }, () => remindDueVisits(now)),
};
