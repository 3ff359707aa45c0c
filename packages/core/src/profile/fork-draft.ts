import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { AppError } from "../errors/app-error.ts";
import { useCase } from "../use-case.ts";
import type { PresetLookup } from "./compare.ts";
import { writeDraft } from "./draft.ts";
import { forkProfile, ownProfileId, reciteProfile } from "./fork.ts";
import type { PolicyProfile } from "./schema.ts";
import { currentDraft } from "./store.ts";
import type { DraftView } from "./views.ts";

// Forking a preset into the county's draft, and re-citing a borrowed
// document's clauses as the county's own: two whole-draft rewrites, nothing
// published. Each is idempotent: a draft that already is the result is
// answered as it is, without a new rev.

const PresetId = z.string().trim().min(1).max(64);

export const ForkDraftInput = z
  .object({ presetId: PresetId.meta({ description: "The built-in preset whose rules the draft takes" }) })
  .meta({ id: "ForkProfileDraftInput" });

export const ReciteDraftInput = z
  .object({ from: PresetId.meta({ description: "The borrowed document's profile id whose citations become the county's own" }) })
  .meta({ id: "ReciteProfileDraftInput" });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Saves `next` as the draft unless the draft already is it (a retried request, or a second click). */
async function replaceDraft(draft: DraftView, next: PolicyProfile, action: string, path: string): Promise<DraftView> {
  if (same(draft.profile, next)) return draft;
  return writeDraft(next as unknown as Record<string, unknown>, draft.rev, action, path);
}

/**
 * The preset's rules become the draft under the county's own profile id (its
 * county code) and the county's name as it stands in its profile; the
 * preset's citations stay, declared borrowed (借用), so the draft validates.
 */
export const forkDraft = useCase(ForkDraftInput, async (input, presets: PresetLookup): Promise<DraftView> => {
  const actor = useUser();
  authorize(actor, "profile.edit");
  const preset = await presets(input.presetId);
  if (!preset) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "body.presetId", code: "preset.unknown", message: { zh: `没有名为“${input.presetId}”的内置政策档案`, en: `No built-in policy profile “${input.presetId}”` } },
    ]);
  }
  const draft = await currentDraft();
  const name = (draft.profile as { name?: PolicyProfile["name"] }).name;
  const next = forkProfile(preset, { id: ownProfileId(actor.tenantId), ...(name ? { name } : {}) });
  return replaceDraft(draft, next, "profile.fork", "body");
});

/** Every citation of the borrowed document `from` re-cited as the county's own clause of the same number. */
export const reciteDraft = useCase(ReciteDraftInput, async (input): Promise<DraftView> => {
  authorize(useUser(), "profile.edit");
  const draft = await currentDraft();
  const profile = draft.profile as unknown as PolicyProfile;
  const next = reciteProfile(profile, input.from);
  // Nothing borrowed from `from` (never, or already re-cited by an earlier call): the caller learns it, nothing is written.
  if (next === undefined) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "body.from", code: "profile.not_borrowed", message: { zh: `草稿没有借用“${input.from}”的文件`, en: `The draft borrows no document “${input.from}”` } },
    ]);
  }
  return replaceDraft(draft, next, "profile.recite", "body");
});
