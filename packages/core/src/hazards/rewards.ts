import { createHash } from "node:crypto";
import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser, withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { localDate } from "./clock.ts";
import { useCase } from "../use-case.ts";
import { loadHazard } from "./store.ts";
import { hazardOrNotFound } from "./support.ts";
import type { Hazard } from "./types.ts";

// Rewards for residents' tips (举报奖励), where the profile has a rule: a tip
// confirmed as a real hazard (registered, not withdrawn as false, of the
// rule's severities if it names any) is eligible; an officer records the
// reward once; the tipster sees both with the receipt code of the tip.

export const hashReceiptCode = (code: string) => createHash("sha256").update(code).digest("base64url");

/** Where a tip stands for the reward: no rule (or not a tip), still to be checked, eligible, or not. */
export type Eligibility = "pending" | "eligible" | "not_eligible";

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const RuleView = z.object({ form: Bilingual, sourceRef: z.string().nullable(), text: z.string().optional(), severities: z.array(z.string()).optional() });

export const TipRewardRecordSchema = z.object({ form: z.string(), amount: z.number().optional(), date: z.string(), note: z.string().optional(), recordedAt: z.string() });

export const TipRewardSchema = z
  .object({
    rule: RuleView.nullable().meta({ description: "The profile's reward rule; null: the county has none (or the hazard is no resident's tip)" }),
    eligibility: z.enum(["pending", "eligible", "not_eligible"]).nullable(),
    reward: TipRewardRecordSchema.extend({ recordedBy: z.string() }).nullable(),
    mayRecord: z.boolean(),
  })
  .meta({ id: "TipReward" });
export type TipRewardView = z.infer<typeof TipRewardSchema>;

/**
 * The reward rule as it applies to a hazard (pure): none when the profile has
 * no rule or the hazard came from elsewhere than a resident's tip. A tip still
 * awaiting registration is pending; registered and not withdrawn, of the
 * rule's severities, it is eligible; withdrawn (not a hazard) it is not.
 */
export function rewardOf(profile: PolicyProfile, hazard: Pick<Hazard, "source" | "state" | "severity">): { rule: NonNullable<NonNullable<PolicyProfile["tips"]>["reward"]>; eligibility: Eligibility } | undefined {
  const rule = profile.tips?.reward;
  if (!rule || hazard.source !== "public_tip") return undefined;
  if (hazard.state === "withdrawn") return { rule, eligibility: "not_eligible" };
  if (hazard.state === "discovered") return { rule, eligibility: "pending" };
  const graded = !rule.severities || (hazard.severity !== undefined && rule.severities.includes(hazard.severity));
  return { rule, eligibility: graded ? "eligible" : "not_eligible" };
}

const ruleView = (rule: NonNullable<NonNullable<PolicyProfile["tips"]>["reward"]>) => plain({ form: { zh: rule.form.zh, en: rule.form.en }, sourceRef: rule.sourceRef, text: rule.text, severities: rule.severities });

async function loadReward(hazardId: string) {
  const { data } = await tenantDb().service.entities.tipReward.get({ tenantId: useTenant(), hazardId }).go({ consistent: true });
  return data ?? undefined;
}

/** Staff: the rule, where the tip stands, and the reward recorded, if any. */
export async function getTipReward(hazardId: string, opts: { now?: Date } = {}): Promise<TipRewardView> {
  const actor = useUser();
  const hazard = await hazardOrNotFound(hazardId);
  authorize(actor, "hazard.read", hazard);
  const { profile } = await profileAt(opts.now ?? new Date());
  const applies = rewardOf(profile, hazard);
  const reward = await loadReward(hazardId);
  let mayRecord = false;
  try {
    authorize(actor, "hazard.act", hazard);
    mayRecord = applies?.eligibility === "eligible" && !reward;
  } catch {
    mayRecord = false;
  }
  return {
    rule: applies ? ruleView(applies.rule) : null,
    eligibility: applies?.eligibility ?? null,
    reward: reward ? plain({ form: reward.form, amount: reward.amount, date: reward.date, note: reward.note, recordedAt: reward.recordedAt, recordedBy: reward.recordedBy }) : null,
    mayRecord,
  };
}

export const RecordTipRewardInput = z
  .object({
    form: z.string().trim().min(1, bilingual("请填写奖励形式（如奖金、表彰）", "Say what the reward is (money, a commendation …)")).max(100),
    amount: z.number(bilingual("金额须为数字（元）", "The amount is a number (yuan)")).min(0, bilingual("金额不能为负", "The amount cannot be negative")).max(1_000_000).optional().meta({ description: "In yuan, when the reward is money" }),
    date: z.iso.date(bilingual("日期格式为 YYYY-MM-DD", "A date as YYYY-MM-DD")),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: "RecordTipRewardInput" });

/**
 * An officer who may act on the hazard records the tip's reward: once, only
 * while the tip is eligible, with its audit entry in one transaction.
 */
export const recordTipReward = useCase(RecordTipRewardInput, async (input, hazardId: string, opts: { now?: Date } = {}): Promise<TipRewardView> => {
  const actor = useUser();
  const hazard = await hazardOrNotFound(hazardId);
  authorize(actor, "hazard.act", hazard);
  const now = opts.now ?? new Date();
  const { profile } = await profileAt(now);
  const applies = rewardOf(profile, hazard);
  if (!applies) throw new AppError("conflict", "hazard.reward_not_in_profile");
  if (applies.eligibility !== "eligible") throw new AppError("conflict", "hazard.reward_not_eligible");
  const record = plain({ tenantId: actor.tenantId, hazardId, form: input.form, amount: input.amount, date: input.date, note: input.note, recordedBy: actor.userId, recordedAt: now.toISOString() });
  await writeTransaction(
    (tx) => [
      tx.tipReward.create(record).commit(),
      auditItem(tx, { action: "hazard.tip_reward", targetType: "hazard", targetId: hazardId, details: plain({ form: input.form, amount: input.amount, date: input.date, rule: applies.rule.sourceRef }) }, now),
    ],
    { onCanceled: (reasons) => (reasons.some((r) => r.index === 0) ? new AppError("conflict", "hazard.reward_recorded") : new AppError("conflict", "request.conflict_retry")) },
  );
  return getTipReward(hazardId, { now });
});

// ── The tipster's view ─────────────────────────────────────────────────────

export const TipStatusSchema = z
  .object({
    stage: z.enum(["received", "confirmed", "closed", "not_confirmed"]).meta({ description: "received: awaiting a check; confirmed: registered as a hazard and being handled; closed; not_confirmed: withdrawn" }),
    receivedAt: z.string(),
    updatedAt: z.string().meta({ description: "When the tip last moved" }),
    deadline: z.string().optional().meta({ description: "The local date the rectification is due, once registered" }),
    closedAt: z.string().optional(),
    publicNote: z.string().optional().meta({ description: "The latest note staff wrote for the public" }),
    notes: z
      .array(z.object({ at: z.string(), stage: z.enum(["received", "confirmed", "closed", "not_confirmed"]), note: z.string() }))
      .meta({ description: "Every note staff wrote for the public, oldest first, with the stage the tip reached by it" }),
    reward: z
      .object({
        status: z.enum(["pending", "eligible", "rewarded", "not_eligible"]),
        form: Bilingual.meta({ description: "What the rule rewards with" }),
        sourceRef: z.string().nullable(),
        text: z.string().optional(),
        given: z.object({ form: z.string(), amount: z.number().optional(), date: z.string() }).optional(),
      })
      .optional()
      .meta({ description: "Only where the county has a reward rule" }),
  })
  .meta({ id: "PublicTipStatus" });
export type TipStatus = z.infer<typeof TipStatusSchema>;

const stageOfState = (state: string): TipStatus["stage"] => (state === "discovered" ? "received" : state === "withdrawn" ? "not_confirmed" : state === "closed" ? "closed" : "confirmed");
const stageOf = (h: Hazard): TipStatus["stage"] => stageOfState(h.state);

/** The notes for the public on a hazard's events, oldest first: only the note, its time and the stage; never who wrote it or any other note. */
async function publicNotes(hazardId: string): Promise<TipStatus["notes"]> {
  const { data } = await tenantDb().service.entities.hazardEvent.query.bySeq({ tenantId: useTenant(), hazardId }).go({ pages: "all", attributes: ["seq", "at", "to", "details"] });
  return data
    .sort((a, b) => a.seq - b.seq)
    .flatMap((e) => {
      const note = (e.details as Record<string, unknown> | undefined)?.publicNote;
      return typeof note === "string" ? [{ at: e.at, stage: stageOfState(e.to), note }] : [];
    });
}

/**
 * The tipster's own tip, by the receipt code (no sign-in): its stage, the
 * note for the public and, where the county rewards tips, eligible or
 * rewarded. Nothing else of the hazard (no place, names or internal notes).
 */
export async function tipStatus(tenantSlug: string, code: string, opts: { now?: Date } = {}): Promise<TipStatus> {
  if (!TENANT_ID_PATTERN.test(tenantSlug) || !/^[A-Za-z0-9_-]{8,64}$/.test(code)) throw new AppError("not_found", "tip.receipt_not_found");
  return withActor({ type: "public", tenantId: tenantSlug }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tip.receipt_not_found");
    const { data } = await tenantDb().service.entities.tipReceipt.get({ tenantId: tenantSlug, codeHash: hashReceiptCode(code) }).go();
    const hazard = data ? await loadHazard(data.hazardId) : undefined;
    if (!hazard) throw new AppError("not_found", "tip.receipt_not_found");
    const { profile } = await profileAt(opts.now ?? new Date());
    const applies = rewardOf(profile, hazard);
    const given = applies ? await loadReward(hazard.hazardId) : undefined;
    const timeZone = tenant.timeZone ?? DEFAULT_TIME_ZONE;
    return plain({
      stage: stageOf(hazard),
      receivedAt: hazard.createdAt,
      updatedAt: hazard.updatedAt,
      deadline: hazard.deadline && hazard.state !== "withdrawn" ? localDate(new Date(hazard.deadline), timeZone) : undefined,
      closedAt: hazard.closedAt,
      publicNote: hazard.publicNote,
      notes: await publicNotes(hazard.hazardId),
      reward: applies
        ? {
            status: given ? "rewarded" : applies.eligibility,
            form: { zh: applies.rule.form.zh, en: applies.rule.form.en },
            sourceRef: applies.rule.sourceRef,
            text: applies.rule.text,
            given: given ? plain({ form: given.form, amount: given.amount, date: given.date }) : undefined,
          }
        : undefined,
    }) as TipStatus;
  });
}
