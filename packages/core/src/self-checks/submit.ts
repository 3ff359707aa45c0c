import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useRequestMeta, useTenant, withActor } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { raiseHazard, raisedHazardItems, raisedItemCount, type Context, type RaisedHazard } from "../hazards/index.ts";
import { MAX_TRANSACTION_ITEMS } from "../inspections/index.ts";
import { atPlace, nodeMoving } from "../jurisdiction/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound, type VenueItem } from "../venues/index.ts";
import { entryKey, selfCheckList, selfCheckPeriod, type SelfCheckEntry } from "./list.ts";
import { verifyLinkToken, type LinkClaims } from "./token.ts";

// The public side: the person in charge of a venue opens the venue's link (or
// scans its QR code), sees the venue and its self-check list, answers each
// item and sends it, without an account. The tenant comes only from the
// verified link; the venue only from it too.

/**
 * How many self-checks one link, and one address, may send per window. A
 * venue sends one a period, and perhaps a correction: more from one link in
 * an hour is someone replaying a leaked link; an address is allowed more,
 * for a manager of several venues behind one network.
 */
export const SELF_CHECK_LIMITS = { perLink: 5, linkWindowMinutes: 60, perSource: 10, sourceWindowMinutes: 10 } as const;

export const SelfCheckAnswer = z.object({
  category: z.string().min(1).max(64),
  itemId: z.string().min(1).max(64),
  result: z.enum(["pass", "fail"], bilingual("请选择“合格”或“不合格”", "Choose pass or fail")),
  note: z.string().trim().max(500).optional(),
});

export const SubmitSelfCheckInput = z
  .object({
    submissionId: z.uuid(bilingual("提交编号须为 UUID", "The submission id is a UUID")).meta({ description: "Drawn by the form when it opens: sending the same submission again writes nothing and answers the same" }),
    respondent: z.string().trim().min(1, bilingual("请填写自查人姓名", "Name the person who did the check")).max(50),
    phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, bilingual("请填写有效的联系电话", "Give a valid phone number")).optional(),
    note: z.string().trim().max(1000).optional(),
    items: z.array(SelfCheckAnswer).min(1, bilingual("请逐项填写自查结果", "Answer every item")).max(300),
  })
  .meta({ id: "SubmitSelfCheckInput" });

const LocalisedText = z.object({ zh: z.string(), en: z.string() });

export const SelfCheckFormSchema = z
  .object({
    venue: z.object({ name: z.string(), address: z.string().optional() }),
    frequency: z.object({ every: z.number(), unit: z.string() }),
    period: z.object({ key: z.string(), start: z.string(), end: z.string(), dueAt: z.string() }),
    /** The self-check of this period has come in already (another may still be sent). */
    done: z.boolean(),
    items: z.array(z.object({ category: z.string(), categoryName: LocalisedText, itemId: z.string(), name: LocalisedText })),
  })
  .meta({ id: "SelfCheckForm" });
export type SelfCheckForm = z.infer<typeof SelfCheckFormSchema>;

export const SelfCheckReceiptSchema = z
  .object({
    selfCheckId: z.string(),
    period: z.string(),
    submittedAt: z.string(),
    passed: z.number(),
    failed: z.number(),
    message: LocalisedText,
  })
  .meta({ id: "SelfCheckReceipt" });
export type SelfCheckReceipt = z.infer<typeof SelfCheckReceiptSchema>;

interface Opened {
  claims: LinkClaims;
  venue: VenueItem;
  generation: number;
  profile: PolicyProfile;
  version: number;
  timeZone: string;
  list: SelfCheckEntry[];
}

/**
 * What a verified link opens, inside the link's tenant: the tenant active,
 * the link the current one (a replaced link answers 401), the venue active,
 * the profile setting self-checks, a list to check against.
 */
async function open(claims: LinkClaims, now: Date): Promise<Opened> {
  const tenant = await tenantInContext();
  if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
  const { data: link } = await tenantDb().service.entities.selfCheckLink.get({ tenantId: claims.tenantId, venueId: claims.venueId }).go({ consistent: true });
  if (!link || link.linkId !== claims.linkId) throw new AppError("unauthorized", "self_check.link_replaced");
  const venue = await venueOrNotFound(claims.venueId);
  const { version, profile } = await profileAt(now);
  if (!profile.selfCheck) throw new AppError("not_found", "self_check.not_in_profile");
  const list = selfCheckList(profile, venue.categories);
  if (!list.length) throw new AppError("conflict", "self_check.no_items");
  return { claims, venue, generation: link.generation, profile, version, timeZone: tenant.timeZone ?? DEFAULT_TIME_ZONE, list };
}

/** The form a link opens: the venue's name and self-check list, and this period's. */
export async function openSelfCheck(token: string | undefined, opts: { now?: Date } = {}): Promise<SelfCheckForm> {
  const claims = await verifyLinkToken(token);
  return withActor({ type: "public", tenantId: claims.tenantId }, async () => {
    const now = opts.now ?? new Date();
    const o = await open(claims, now);
    const period = selfCheckPeriod(o.profile, now, o.timeZone)!;
    const { data: marker } = await tenantDb().service.entities.selfCheckPeriod.get({ tenantId: claims.tenantId, venueId: claims.venueId, period: period.key }).go();
    return {
      venue: { name: o.venue.name, ...(o.venue.address ? { address: o.venue.address } : {}) },
      frequency: o.profile.selfCheck!.frequency,
      period,
      done: Boolean(marker),
      items: o.list.map(({ category, categoryName, itemId, name }) => ({ category, categoryName, itemId, name })),
    };
  });
}

const field = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, message: { zh, en } });

/** Every item of the list answered once, and nothing else. */
function checkAnswers(list: SelfCheckEntry[], items: z.infer<typeof SelfCheckAnswer>[]): FieldError[] {
  const errors: FieldError[] = [];
  const onList = new Set(list.map(entryKey));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = entryKey(item);
    if (!onList.has(key)) errors.push(field(`body.items[${i}].itemId`, "self_check.item_unknown", `“${item.itemId}”不在该场所的自查清单中`, `“${item.itemId}” is not on this venue's self-check list`));
    else if (seen.has(key)) errors.push(field(`body.items[${i}].itemId`, "self_check.item_repeated", "同一自查项只能填写一次", "Each item is answered once"));
    seen.add(key);
  });
  const missing = list.filter((e) => !seen.has(entryKey(e)));
  if (missing.length) {
    errors.push(field("body.items", "self_check.items_missing", `还有 ${missing.length} 项未填写：${missing.slice(0, 10).map((m) => m.name.zh).join("、")}`, `${missing.length} item(s) not answered: ${missing.slice(0, 10).map((m) => m.name.en).join(", ")}`));
  }
  return errors;
}

interface Window {
  key: string;
  limit: number;
  ends: number;
}

function windows(now: Date, linkId: string, source: string): Window[] {
  const spans = [
    { key: `self_check:link:${linkId}`, limit: SELF_CHECK_LIMITS.perLink, minutes: SELF_CHECK_LIMITS.linkWindowMinutes },
    { key: `self_check:source:${source}`, limit: SELF_CHECK_LIMITS.perSource, minutes: SELF_CHECK_LIMITS.sourceWindowMinutes },
  ];
  return spans.map((w) => {
    const span = w.minutes * 60_000;
    const start = Math.floor(now.getTime() / span);
    return { key: `${w.key}:${start}`, limit: w.limit, ends: (start + 1) * span };
  });
}

/**
 * A self-check sent from a venue's link: the answers, a hazard for each
 * failed item (source `self_check`, in the loop's first state, at the
 * venue's node, so the grid's officers verify it), the period's marker and
 * the per-link and per-address counts, in ONE transaction. Sent again with
 * the same submission id, it writes nothing and answers as the first time.
 */
export const submitSelfCheck = useCase(SubmitSelfCheckInput, async (input, token: string | undefined, opts: { now?: Date } = {}): Promise<SelfCheckReceipt> => {
  const claims = await verifyLinkToken(token);
  return withActor({ type: "public", tenantId: claims.tenantId }, async () => {
    const source = useRequestMeta().sourceIp ?? "unknown";
    for (let attempt = 1; ; attempt++) {
      try {
        return await write(claims, input, source, opts.now ?? new Date());
      } catch (err) {
        // Another write touched the same items meanwhile (a concurrent resend, a count): read again and decide again.
        if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 3) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40));
      }
    }
  });
});

async function write(claims: LinkClaims, input: z.infer<typeof SubmitSelfCheckInput>, source: string, now: Date): Promise<SelfCheckReceipt> {
  const o = await open(claims, now);
  const errors = checkAnswers(o.list, input.items);
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
  const { venue } = o;
  const tenantId = useTenant();
  const period = selfCheckPeriod(o.profile, now, o.timeZone)!;
  const selfCheckId = timeOrderedId(now);
  const entries = new Map(o.list.map((e) => [entryKey(e), e]));
  const ctx: Context = { profile: o.profile, profileVersion: o.version, timeZone: o.timeZone, now, actor: { type: "public" } };
  const contact = [input.respondent, input.phone].filter(Boolean).join(" ");

  const raised: RaisedHazard[] = [];
  const recorded: (z.infer<typeof SelfCheckAnswer> & { hazardCode: string; hazardId?: string })[] = [];
  for (const item of input.items) {
    const entry = entries.get(entryKey(item))!;
    if (item.result === "pass") {
      recorded.push({ ...item, hazardCode: entry.hazardCode });
      continue;
    }
    const hazard = await raiseHazard(
      ctx,
      {
        hazardId: timeOrderedId(now),
        place: { nodeId: venue.nodeId, path: venue.path },
        venueId: venue.venueId,
        locationText: venue.address ?? venue.name,
        code: entry.hazardCode,
        description: item.note || `${entry.name.zh}（${venue.name}，场所自查）`,
        photos: [],
        source: "self_check",
        reporter: { type: "public", contact },
      },
      { details: { selfCheckId, checklistCategory: item.category, checklistItem: item.itemId } },
    );
    raised.push(hazard);
    recorded.push({ ...item, hazardCode: entry.hazardCode, hazardId: hazard.outcome.hazard.hazardId });
  }

  // The hazards store the venue's path: not while its node or one above is on the move.
  const place = atPlace({ nodeId: venue.nodeId, path: venue.path });
  const limits = windows(now, claims.linkId, source);
  // idempotency, limits, link check, self-check, period marker, audit, the place's checks.
  const fixed = 1 + limits.length + 1 + 1 + 1 + 1 + venue.path.split("/").filter(Boolean).length;
  const room = MAX_TRANSACTION_ITEMS - fixed;
  const needed = raisedItemCount(raised, o.timeZone);
  if (needed > room) {
    const max = Math.max(0, Math.floor(room / Math.ceil(needed / raised.length)));
    throw new AppError("validation", "self_check.too_many_failures", { max, count: raised.length }, [
      field("body.items", "self_check.too_many_failures", `一次自查最多记录 ${max} 个不合格项（本次 ${raised.length} 个）`, `At most ${max} failed items fit in one self-check (this one has ${raised.length})`),
    ]);
  }

  const passed = input.items.length - raised.length;
  const hazardIds = raised.map((r) => r.outcome.hazard.hazardId);
  const receipt: SelfCheckReceipt = {
    selfCheckId,
    period: period.key,
    submittedAt: now.toISOString(),
    passed,
    failed: raised.length,
    message: raised.length
      ? { zh: `自查已提交：${raised.length} 项不合格，已转网格核实，请尽快整改。`, en: `Self-check sent: ${raised.length} item(s) failed and go to the grid for verification; please fix them soon.` }
      : { zh: "自查已提交，全部合格。", en: "Self-check sent: every item passed." },
  };
  const linkCheck = limits.length;
  const stored = await writeTransaction<SelfCheckReceipt>(
    (tx) =>
      place.items(tx, [
        ...limits.map((w) =>
          tx.intakeLimit
            .update({ tenantId, key: w.key })
            .add({ value: 1 })
            .set({ expiresAt: Math.floor(w.ends / 1000) + 60 })
            .where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, w.limit)}`)
            .commit() as TxItem,
        ),
        tx.selfCheckLink.check({ tenantId, venueId: venue.venueId }).where((a, op) => op.eq(a.linkId, claims.linkId)).commit() as TxItem,
        tx.selfCheck
          .create(
            plain({
              tenantId,
              venueId: venue.venueId,
              selfCheckId,
              submissionId: input.submissionId,
              period: period.key,
              respondent: input.respondent,
              phone: input.phone,
              note: input.note,
              items: recorded,
              passed,
              failed: raised.length,
              hazardIds,
              linkGeneration: o.generation,
              submittedAt: receipt.submittedAt,
              profileVersion: o.version,
            }),
          )
          .commit() as TxItem,
        tx.selfCheckPeriod
          .update({ tenantId, venueId: venue.venueId, period: period.key })
          .add({ count: 1 })
          .set({ lastSelfCheckId: selfCheckId, lastAt: receipt.submittedAt, lastFailed: raised.length })
          .commit() as TxItem,
        ...raisedHazardItems(tx, raised, { profileVersion: o.version, timeZone: o.timeZone, now, room }),
        auditItem(tx, { action: "self_check.submit", targetType: "venue", targetId: venue.venueId, details: { selfCheckId, period: period.key, failed: raised.length, hazardIds } }, now) as TxItem,
      ]),
    {
      onCanceled: (reasons) => {
        if (place.moved(reasons)) return nodeMoving();
        const limited = reasons.find((r) => r.index < limits.length);
        if (limited) {
          const ends = limits[limited.index]!.ends;
          const seconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
          return new AppError("too_many", "self_check.rate_limited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }, [], { retryAfter: seconds });
        }
        if (reasons.some((r) => r.index === linkCheck)) return new AppError("unauthorized", "self_check.link_replaced");
        return new AppError("conflict", "request.conflict_retry");
      },
      // The venue in the key: a submission id is the client's, and only unique within its form.
      idempotency: { key: `self_check:${venue.venueId}:${input.submissionId}`, request: { submitSelfCheck: input, venueId: venue.venueId }, result: receipt },
    },
  );
  return stored ?? receipt;
}
