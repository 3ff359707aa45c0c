import { useRequestMeta, withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { AppError } from "../errors/app-error.ts";
import { useCase } from "../use-case.ts";
import { TipInput } from "./inputs.ts";
import { discover, type Context } from "./machine.ts";
import { timeOrderedId } from "../db/ids.ts";
import { profileAt } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { resolveRecipients, withRetry, writeChange } from "./store.ts";
import { assertOwnPhotos } from "./photos.ts";
import type { State } from "./types.ts";
import { randomBytes } from "node:crypto";
import { hashReceiptCode } from "./rewards.ts";

/**
 * How many tips one address may send, and a county may take in, per window.
 * A resident reports a hazard or two; more from one address in ten minutes
 * is a flood, and the county-wide cap keeps a botnet from filling the queue.
 */
export const TIP_LIMITS = { perSource: 5, sourceWindowMinutes: 10, perTenant: 300, tenantWindowMinutes: 60 } as const;

export interface TipReceipt {
  hazardId: string;
  state: State;
  message: { zh: string; en: string };
  /** Shown once: the tipster follows the tip with it. */
  receiptCode: string;
}

/**
 * A resident's tip, without signing in: it lands at the county's root node as
 * a discovered hazard from a public tip, for an officer to register (placing
 * and grading it) or withdraw. An unknown county answers 404. The limits are
 * counted in the tip's own transaction under a condition, so concurrent tips
 * cannot slip past them.
 */
export const submitTip = useCase(TipInput, async (input, tenantSlug: string, opts: { now?: Date } = {}): Promise<TipReceipt> => {
  if (!TENANT_ID_PATTERN.test(tenantSlug)) throw new AppError("not_found", "tenant.not_found");
  const tenantId = tenantSlug;
  return withActor({ type: "public", tenantId }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
    assertOwnPhotos(input.photoKey ? [input.photoKey] : undefined, "body.photoKey");
    const source = useRequestMeta().sourceIp ?? "unknown";
    return withRetry(async () => {
      const now = opts.now ?? new Date();
      const { version, profile } = await profileAt(now);
      const ctx: Context = { profile, profileVersion: version, timeZone: tenant.timeZone ?? DEFAULT_TIME_ZONE, now, actor: { type: "public" } };
      const outcome = discover(ctx, {
        hazardId: timeOrderedId(now),
        place: { nodeId: tenant.rootNodeId, path: `/${tenant.rootNodeId}` },
        locationText: input.locationText,
        lat: input.lat,
        lng: input.lng,
        description: input.description,
        photos: input.photoKey ? [input.photoKey] : [],
        source: "public_tip",
        reporter: { type: "public", contact: input.contact },
        priorOccurrences: [],
      });
      const receiptCode = randomBytes(12).toString("base64url");
      const windows = ([
        { key: `source:${source}`, limit: TIP_LIMITS.perSource, minutes: TIP_LIMITS.sourceWindowMinutes },
        { key: "all", limit: TIP_LIMITS.perTenant, minutes: TIP_LIMITS.tenantWindowMinutes },
      ] as { key: string; limit: number; minutes: number }[]).map((w) => {
        const span = w.minutes * 60_000;
        const start = Math.floor(now.getTime() / span);
        return { ...w, key: `${w.key}:${start}`, ends: (start + 1) * span };
      });
      await writeChange({
        before: undefined,
        outcome,
        profileVersion: version,
        timeZone: ctx.timeZone,
        now,
        deliveries: await resolveRecipients(profile, outcome.hazard, outcome.intents, ctx.actor),
        audit: { action: "hazard.tip", details: { source: "public_tip" } },
        extra: (tx) => [
          ...windows.map((w) =>
            tx.intakeLimit
              .update({ tenantId, key: w.key })
              .add({ value: 1 })
              .set({ expiresAt: Math.floor(w.ends / 1000) + 60 })
              .where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, w.limit)}`)
              .commit(),
          ),
          // After the windows: a canceled window's index is its own.
          tx.tipReceipt.create({ tenantId, codeHash: hashReceiptCode(receiptCode), hazardId: outcome.hazard.hazardId, createdAt: now.toISOString() }).commit(),
        ],
        onExtraCanceled: (reasons) => {
          const hit = windows[reasons[0]!.index] ?? windows[0]!;
          return new AppError("too_many", "hazard.tip_rate_limited", { minutes: Math.max(1, Math.ceil((hit.ends - now.getTime()) / 60_000)) });
        },
      });
      return { hazardId: outcome.hazard.hazardId, state: outcome.hazard.state, message: { zh: "已收到您的举报，我们将尽快核实处理。请保存查询码，用于查看办理进展。", en: "Thank you: your report is in and will be checked soon. Keep the code to follow it up." }, receiptCode };
    });
  });
});
