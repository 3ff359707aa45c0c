import { migrateProfile } from "./migrate.ts";
import { createHash } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { forgetVersions, normaliseInstant as normalise, versionDocumentAt } from "./in-force.ts";
import { issuesOf, loadDraftAndHead, loadVersion, loadVersionItem, authorizeProfile } from "./store.ts";
import { profilePublished } from "./published.ts";
import { PolicyProfile } from "./schema.ts";
import { versionDocumentSlot } from "./document/document.entity.ts";
import { toSummary, type VersionSummary, type VersionView } from "./views.ts";

const Instant = z.iso.datetime({ offset: true });


// ── Reading ────────────────────────────────────────────────────────────────

export const CurrentProfileInput = z.object({
  at: Instant.optional().meta({ description: "The instant to ask about; default now" }),
});

/** The version in effect at an instant (default now), as a document the caller may read. */
export const getCurrentProfile = useCase(
  CurrentProfileInput,
  async (input): Promise<VersionView> => {
    authorizeProfile("profile.read");
    // The container's parsed copy (read-only), not the stored JSON parsed again on every read.
    const { item, profile } = await versionDocumentAt(input.at ?? new Date());
    return { ...toSummary(item), profile };
  },
  "query",
);

export const ListVersionsInput = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const SUMMARY_ATTRIBUTES = ["version", "effectiveFrom", "publishedAt", "publishedBy", "publishedByName", "basedOn", "note"] as const;

/** The tenant's versions, newest first, without their (large) profile documents. */
export const listVersions = useCase(
  ListVersionsInput,
  async (input): Promise<{ items: VersionSummary[]; cursor: string | null }> => {
    authorizeProfile("profile.read");
    const tenantId = useTenant();
    const page = await tenantDb()
      .service.entities.profileVersion.query.byNumber({ tenantId })
      .go({ order: "desc", cursor: input.cursor ?? null, limit: input.limit, attributes: SUMMARY_ATTRIBUTES });
    return { items: page.data.map(toSummary), cursor: page.cursor };
  },
  "query",
);

export const VersionParams = z.object({ n: z.coerce.number().int().min(1).max(999_999) });

export const getVersion = useCase(
  VersionParams,
  async ({ n }): Promise<VersionView> => (authorizeProfile("profile.read"), loadVersion(n)),
  "path",
);

// ── Writing ────────────────────────────────────────────────────────────────

/**
 * Version 1, copied from the preset the county chose, as items of the
 * signup transaction: published and in effect from signup time.
 */
export function firstVersionItems(
  tx: Pick<TxEntities, "profileVersion" | "profileHead">,
  input: { tenantId: string; preset: PolicyProfile; basedOn?: string; at: Date; publishedBy: string; publishedByName: string },
) {
  const at = normalise(input.at);
  return [
    tx.profileVersion
      .create({
        tenantId: input.tenantId,
        version: 1,
        effectiveFrom: at,
        publishedAt: at,
        publishedBy: input.publishedBy,
        publishedByName: input.publishedByName,
        basedOn: `preset:${input.basedOn ?? input.preset.id}`,
        profile: JSON.stringify(input.preset),
      })
      .commit(),
    tx.profileHead.create({ tenantId: input.tenantId, version: 1, effectiveFrom: at, updatedAt: at }).commit(),
  ];
}

export const PublishInput = z
  .object({
    effectiveFrom: Instant.optional().meta({
      description: "When the version takes effect: not in the past, not before the previous version's; default now (or the previous version's start, if that is later)",
    }),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: "PublishProfileInput" });

/**
 * The draft becomes version N+1 in one transaction: the version is created
 * (it must not exist), the head moves from N to N+1 (it must still be N),
 * the draft, unchanged since it was read, is marked published, and the audit
 * entry is written. Of two concurrent publishes exactly one commits.
 */
export const publish = useCase(PublishInput, async (input, opts: { idempotencyKey?: string } = {}): Promise<VersionSummary> => {
  const actor = useUser();
  authorize(actor, "profile.publish");
  const tenantId = actor.tenantId;
  const requestHash = opts.idempotencyKey === undefined ? undefined : createHash("sha256").update(opts.idempotencyKey).digest("hex").slice(0, 32);
  const [{ head, draft, document }, publisher] = await Promise.all([
    loadDraftAndHead(),
    tenantDb().service.entities.user.get({ tenantId, userId: actor.userId }).go().then((r) => r.data),
  ]);
  if (!head) throw new AppError("not_found", "profile.none");

  // A client's retry after the publish committed: the draft is no longer pending, so the
  // transaction (which would replay the stored answer) is never reached; answer from the version.
  if (requestHash) {
    const latest = await loadVersionItem(head.version);
    if (latest?.requestHash === requestHash) return toSummary(latest);
  }
  if (!draft?.pending) throw new AppError("conflict", "profile.no_changes");
  // A draft is only ever saved against the head it read; a mismatch means a publish raced it.
  if (draft.basedOnVersion !== head.version) throw new AppError("conflict", "profile.publish_conflict");

  const issues = issuesOf(migrateProfile(JSON.parse(draft.profile)), document?.text);
  if (issues.length) throw new AppError("validation", "profile.invalid", { count: issues.length }, issues);

  const now = new Date();
  const effectiveFrom = startOf(input.effectiveFrom, now, head.effectiveFrom);
  const version = head.version + 1;
  const at = normalise(now);
  const item = {
    tenantId,
    version,
    effectiveFrom,
    publishedAt: at,
    publishedBy: actor.userId,
    publishedByName: publisher?.displayName,
    basedOn: `v:${head.version}`,
    note: input.note || undefined,
    profile: draft.profile,
    requestHash,
  };
  const summary = toSummary(item);
  const stored = await writeTransaction<VersionSummary>(({ profileVersion, profileHead, profileDraft, profileDocument, audit }) => [
      profileVersion.create(item).commit(),
      profileHead
        .patch({ tenantId })
        .set({ version, effectiveFrom, updatedAt: at })
        .where((a, op) => op.eq(a.version, head.version))
        .commit(),
      profileDraft
        .patch({ tenantId })
        .set({ pending: false, basedOnVersion: version, rev: draft.rev + 1, updatedAt: at, updatedBy: actor.userId })
        .where((a, op) => op.eq(a.rev, draft.rev))
        .commit(),
      auditItem({ audit }, { action: "profile.publish", targetType: "profile", targetId: `v:${version}`, details: { version, effectiveFrom, basedOn: item.basedOn } }, now),
      // The version keeps the document it was checked against (≤ 200 KB beside the ≤ 300 KB profile: within a transaction's 4 MB); last, so the indexes above keep their meaning.
      ...(document
        ? [profileDocument.put({ tenantId, slot: versionDocumentSlot(version), text: document.text, source: document.source, fileName: document.fileName, updatedAt: document.updatedAt, updatedBy: document.updatedBy }).commit()]
        : []),
    ],
    {
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request: input, result: summary },
      onCanceled: (reasons) =>
        reasons.every((r) => r.index === 2) ? new AppError("conflict", "profile.draft_stale") : new AppError("conflict", "profile.publish_conflict"),
    },
  );
  forgetVersions();
  const answer = stored ?? summary;
  // In force at once: what is derived from the profile follows now (a retry re-runs it harmlessly: nothing differs).
  if (Date.parse(answer.effectiveFrom) > now.getTime()) return answer;
  // The answer stays the version's summary, so a retry with the same Idempotency-Key answers the same; what followed is audited per venue.
  await profilePublished({ version: answer.version, profile: PolicyProfile.parse(migrateProfile(JSON.parse(draft.profile))) }, now);
  return answer;
});

/** How far in the past a requested start may be and still mean "now" (a time typed to the minute arrives late). */
const NOW_TOLERANCE_MS = 5 * 60_000;

/** Roll forward only: not before now, not before the previous version's start. */
function startOf(requested: string | undefined, now: Date, previous: string): string {
  const earliest = normalise(Math.max(now.getTime(), Date.parse(previous)));
  if (requested === undefined) return earliest;
  const asked = Date.parse(requested);
  const meansNow = asked < now.getTime() && asked >= now.getTime() - NOW_TOLERANCE_MS;
  const start = meansNow ? earliest : normalise(requested);
  const field = (code: string, zh: string, en: string) =>
    new AppError("validation", "profile.effective_from_invalid", { previous }, [{ path: "body.effectiveFrom", code, message: { zh, en } }]);
  if (start < normalise(now)) throw field("profile.effective_from_past", "生效时间不能早于现在", "must not be in the past");
  if (start < previous) throw field("profile.effective_from_before_previous", `不能早于上一版的生效时间 ${previous}`, `must not be before the previous version's ${previous}`);
  return start;
}
