import { z } from "zod";
import { useTenant, useUser, actorRef } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { filledPage, withCursor, pageOf } from "../db/cursor.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { readPlace } from "../jurisdiction/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { classify, matchesVenue } from "./classify.ts";
import { factsOf, plain, type VenueItem } from "./store.ts";

// 安全评估 (a profile's `safety_evaluation` policy): venues the policy matches
// need an evaluation, and one found unsafe must not operate (不得经营使用)
// until a later evaluation passes. The venue keeps its latest evaluation and
// its operating status; each evaluation is an entry of its history.

export type EvaluationPolicy = Extract<PolicyProfile["venues"]["policies"][number], { kind: "safety_evaluation" }>;

/** A venue's operating status beyond active/retired: set by a failed safety evaluation, cleared by a passed one. */
export const OPERATING_STATUSES = ["must_not_operate"] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];

export const EVALUATION_RESULTS = ["passed", "failed"] as const;

const LocalDate = z.iso.date(bilingual("日期格式为 YYYY-MM-DD", "A date as YYYY-MM-DD"));

export const SafetyEvaluationInput = z
  .object({
    result: z.enum(EVALUATION_RESULTS, bilingual("评估结论须为 passed（达到安全条件）或 failed（达不到安全条件）", "The result is passed or failed")),
    date: LocalDate.meta({ description: "The day the evaluation was made (not after today)" }),
    evaluator: z.string().trim().min(1, bilingual("请填写评估单位或评估人", "Name the evaluator")).max(100),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "SafetyEvaluationInput" });
export type SafetyEvaluationInput = z.infer<typeof SafetyEvaluationInput>;

export const SafetyEvaluationSchema = z
  .object({
    result: z.enum(EVALUATION_RESULTS),
    date: z.string(),
    evaluator: z.string(),
    note: z.string().optional(),
    policy: z.string().meta({ description: "The profile's safety_evaluation policy it answers" }),
    sourceRef: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    hazardId: z.string().optional().meta({ description: "The hazard raised when it failed" }),
  })
  .meta({ id: "SafetyEvaluation" });
export type SafetyEvaluation = z.infer<typeof SafetyEvaluationSchema>;

/** The profile's safety-evaluation policy that holds of the venue (its classification: kinds' flags and risk grade included). */
export function evaluationPolicyFor(profile: PolicyProfile, venue: Pick<VenueItem, "kinds" | "flags" | "riskGrade" | "keyUnitLevel" | "enterpriseGrade"> & { measures?: unknown }): EvaluationPolicy | undefined {
  const facts = classify(profile, factsOf({ ...venue, measures: venue.measures as Record<string, number> | undefined })).facts;
  return profile.venues.policies.find((p): p is EvaluationPolicy => p.kind === "safety_evaluation" && matchesVenue(p.match, facts));
}

/**
 * The venue's items for an evaluation: the venue (conditioned on the version
 * read) with its latest evaluation and its operating status, and the history
 * entry citing the policy.
 */
export function evaluationItems(tx: TxEntities, input: { before: VenueItem; evaluation: SafetyEvaluation; policy: EvaluationPolicy; profileVersion: number; now: Date }): TxItem[] {
  const { before, evaluation, policy, now } = input;
  const tenantId = useTenant();
  const at = now.toISOString();
  const failed = evaluation.result === "failed";
  let patch = tx.venue
    .patch({ tenantId, venueId: before.venueId })
    .set(plain({ safetyEvaluation: evaluation, version: before.version + 1, updatedAt: at, ...(failed ? { operatingStatus: policy.onFailure } : {}) }) as never);
  if (!failed && before.operatingStatus !== undefined) patch = patch.remove(["operatingStatus"]) as typeof patch;
  return [
    patch.where((a, op) => op.eq(a.version, before.version)).commit() as TxItem,
    tx.venueEvent
      .create(
        plain({
          tenantId,
          venueId: before.venueId,
          eventId: timeOrderedId(now.getTime()),
          at,
          action: "evaluate" as const,
          actorId: actorRef(),
          profileVersion: input.profileVersion,
          changed: ["safetyEvaluation", ...((failed ? policy.onFailure : undefined) !== before.operatingStatus ? ["operatingStatus"] : [])],
          before: { operatingStatus: before.operatingStatus ?? null },
          after: { safetyEvaluation: evaluation, operatingStatus: failed ? policy.onFailure : null },
          basis: plain({ rule: policy.id, sourceRef: policy.sourceRef, text: policy.text, assumption: policy.assumption }),
        }),
      )
      .commit() as TxItem,
  ];
}

// ── The town's list (a compliance-style finding per venue) ─────────────────

export const EvaluationFindingsInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree (default: your scope node)" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const EvaluationFindingSchema = z
  .object({
    venueId: z.string(),
    name: z.string(),
    nodeId: z.string(),
    path: z.string(),
    kinds: z.array(z.string()),
    status: z.enum(["missing", "failed"]).meta({ description: "No evaluation yet, or the latest one failed" }),
    operatingStatus: z.enum(OPERATING_STATUSES).optional(),
    evaluation: SafetyEvaluationSchema.optional(),
    rule: z.object({ id: z.string(), sourceRef: z.string().nullable(), text: z.string().optional() }),
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: "SafetyEvaluationFinding" });
export const EvaluationFindingPageSchema = pageOf(EvaluationFindingSchema).meta({ id: "SafetyEvaluationFindingPage" });
type Finding = z.infer<typeof EvaluationFindingSchema>;

/** What a venue's evaluation says against the policy: a finding when it is missing or failed, else none. */
export function evaluationFinding(profile: PolicyProfile, venue: VenueItem): Finding | undefined {
  const policy = evaluationPolicyFor(profile, venue);
  if (!policy || venue.status !== "active") return undefined;
  const evaluation = venue.safetyEvaluation as SafetyEvaluation | undefined;
  if (evaluation?.result === "passed") return undefined;
  const status = evaluation ? ("failed" as const) : ("missing" as const);
  const message =
    status === "missing"
      ? { zh: "须开展安全评估，尚无评估结论", en: "Needs a safety evaluation; none recorded yet" }
      : { zh: `安全评估未达到安全条件（${evaluation!.date}），不得经营使用`, en: `Failed its safety evaluation (${evaluation!.date}): must not operate` };
  return plain({
    venueId: venue.venueId,
    name: venue.name,
    nodeId: venue.nodeId,
    path: venue.path,
    kinds: venue.kinds,
    status,
    operatingStatus: venue.operatingStatus,
    evaluation,
    rule: { id: policy.id, sourceRef: policy.sourceRef, text: policy.text },
    message,
  });
}

/**
 * The venues of a subtree that need a safety evaluation and have none, or
 * whose latest one failed, a page at a time in path order. The Query reads
 * the active venues whose kinds or own flags could match (its filter); the
 * policy itself is applied to each, so a page may hold fewer than `limit`.
 */
export const listEvaluationFindings = useCase(
  EvaluationFindingsInput,
  async (input): Promise<z.infer<typeof EvaluationFindingPageSchema>> => {
    const actor = useUser();
    const node = await readPlace(input.nodeId);
    authorize(actor, "venue.read", node);
    const { profile } = await profileAt();
    const policies = profile.venues.policies.filter((p): p is EvaluationPolicy => p.kind === "safety_evaluation");
    if (!policies.length) return { items: [], cursor: null };
    // Kinds that carry or are named by a policy's match, and flags a venue may carry itself.
    const flags = [...new Set(policies.flatMap((p) => p.match.flags ?? []))];
    const kinds = [...new Set(policies.flatMap((p) => [...(p.match.kinds ?? []), ...profile.venues.kinds.filter((k) => k.flags.some((f) => flags.includes(f))).map((k) => k.id)]))];
    const narrow = policies.every((p) => p.match.kinds !== undefined || p.match.flags !== undefined);
    const query = tenantDb().service.entities.venue.query.bySubtree({ tenantId: actor.tenantId }).begins({ path: `${node.path}/` });
    const page = await withCursor(input.cursor, (cursor) =>
      query
        .where((a, op) => {
          const candidates = narrow ? [...kinds.map((k) => op.contains(a.kinds, k)), ...flags.map((f) => op.contains(a.flags, f))] : [];
          return [op.eq(a.status, "active"), ...(candidates.length ? [`(${candidates.join(" OR ")})`] : [])].join(" AND ");
        })
        .go({ cursor, ...filledPage(input.limit) }),
    );
    return { items: page.data.flatMap((v) => evaluationFinding(profile, v) ?? []), cursor: page.cursor };
  },
  "query",
);
