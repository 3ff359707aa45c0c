import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { authorize, inSubtree, policy } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError, invalid } from "../errors/index.ts";
import { bilingual } from "../errors/index.ts";
import { getUser } from "../identity/index.ts";
import { Frequency, profileAt } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { venuesWritten } from "./changes.ts";
import { classify } from "./classify.ts";
import { PATROL_METHODS, type PatrolMethod } from "./patrol-methods.ts";
import { factsOf, plain, venueOrNotFound } from "./store.ts";
import { toVenueView, type VenueView } from "./venues.ts";

// A patrol plan (清单化管理): a venue that a profile's patrol_plan policy
// covers (a high-risk venue) names its patroller, how often and how they
// patrol. The plan is the venue's; its tasks, one per period of the plan's
// frequency for the named patroller alone, are the inspections domain's and
// follow the plan at once.

const METHODS = Object.keys(PATROL_METHODS) as [PatrolMethod, ...PatrolMethod[]];

export const PatrolPlanInput = z
  .object({
    version: z.int().min(1).optional().meta({ description: "The venue version read; refused (409) if the venue changed since" }),
    patrollerId: z.string().min(1, bilingual("请指定巡查人员", "Name the patroller")).max(64).meta({ description: "The user who patrols the venue (巡查人员)" }),
    // A plan makes one task per period: "N times" is for inspection categories and obligations.
    frequency: Frequency.omit({ times: true }).meta({ description: "How often (频次): once every `every` `unit`s" }),
    method: z.enum(METHODS, bilingual(`巡查方式须为：${Object.values(PATROL_METHODS).map((m) => m.zh).join("、")}`, `The method is one of: ${METHODS.join(", ")}`)).meta({ description: "How (方式)" }),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: "PatrolPlanInput" });

/** The patroller: a user of the tenant, active, who may inspect at the venue (their role and scope). */
async function patrollerFor(userId: string, venuePath: string) {
  const user = await getUser(userId).catch((err: unknown) => {
    if (err instanceof AppError && (err.kind === "not_found" || err.kind === "forbidden")) throw invalid("body.patrollerId", "venue.patroller_unknown", "找不到该用户，或该用户不在您的管辖范围内", "No such user within your scope");
    throw err;
  });
  if (user.status !== "active") throw invalid("body.patrollerId", "venue.patroller_disabled", "该用户已停用", "This user is disabled");
  if (!policy["inspection.perform"].includes(user.role) || !inSubtree(user.scopePath, venuePath)) {
    throw invalid("body.patrollerId", "venue.patroller_cannot_inspect", "该用户不能在此场所开展巡查（角色或管辖范围不符）", "This user may not inspect at this venue (role or scope)");
  }
  return user;
}

/**
 * Sets (or replaces) a venue's patrol plan: refused for a venue no
 * patrol_plan policy of the profile covers. One transaction with the venue's
 * history entry and the audit; the patroller's task of the current period
 * follows at once, and a replaced plan's open tasks go.
 */
export const setPatrolPlan = useCase(PatrolPlanInput, async (input, venueId: string, opts: { now?: Date } = {}): Promise<VenueView> => {
  const actor = useUser();
  const before = await venueOrNotFound(venueId, { consistent: true });
  authorize(actor, "venue.plan", before);
  if (input.version !== undefined && input.version !== before.version) throw new AppError("conflict", "venue.changed");
  const now = opts.now ?? new Date();
  const { version, profile } = await profileAt(now);
  const policyId = classify(profile, factsOf(before)).patrolPlanPolicy;
  if (!policyId) throw new AppError("validation", "venue.patrol_plan_not_required");
  const patroller = await patrollerFor(input.patrollerId, before.path);
  const patrolPlan = plain({ patrollerId: patroller.userId, patrollerName: patroller.displayName, frequency: input.frequency, method: input.method, note: input.note, setBy: actor.userId, setAt: now.toISOString() });
  const tenantId = actor.tenantId;
  await writeTransaction(
    (tx) =>
      [
        tx.venue
          .patch({ tenantId, venueId })
          .set({ patrolPlan, patrolPlanPolicy: policyId, version: before.version + 1, updatedAt: now.toISOString() })
          .where((a, op) => op.eq(a.version, before.version))
          .commit(),
        tx.venueEvent
          .create(plain({ tenantId, venueId, eventId: timeOrderedId(now.getTime()), at: now.toISOString(), action: "plan" as const, actorId: actor.userId, profileVersion: version, changed: ["patrolPlan"], before: before.patrolPlan, after: patrolPlan, basis: { policy: policyId } }))
          .commit(),
        auditItem(tx, { action: "venue.patrol_plan", targetType: "venue", targetId: venueId, details: { policy: policyId, patrollerId: patroller.userId, frequency: input.frequency, method: input.method } }, now),
      ] as never,
    { onCanceled: (reasons) => new AppError("conflict", reasons.some((r) => r.index === 0) ? "venue.changed" : "request.conflict_retry") },
  );
  const after = { ...before, patrolPlan, patrolPlanPolicy: policyId, version: before.version + 1, updatedAt: now.toISOString() };
  await venuesWritten([{ venue: after, fresh: false, planChanged: true }], now);
  return toVenueView(after);
});
