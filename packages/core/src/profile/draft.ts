import { migrateProfile } from "./migrate.ts";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { currentDraft, issuesOf, loadDraft, loadDraftAndHead, loadHead, authorizeProfile } from "./store.ts";
import { profileFormSchema, referenceLists, type ProfileForm } from "./form-schema.ts";
import { encodeProfile, ProfileIssueSchema, ProfileJson, type DraftView } from "./views.ts";

// The draft is the editors' workspace: unpublished rules are not policy, so
// reading it takes the edit permission, like writing it.

const Rev = z.int().min(0);

/** The draft to edit (rev 0 and the latest version's profile while none has been saved). */
export async function getDraft(): Promise<DraftView> {
  authorizeProfile("profile.edit");
  return currentDraft();
}

export const SaveDraftInput = z
  .object({
    profile: ProfileJson,
    rev: Rev.optional().meta({ description: "The rev the edit started from; or send it as If-Match" }),
  })
  .meta({ id: "SaveProfileDraftInput" });

/**
 * Saves the draft as given, valid or not, so that no work is lost; the issues
 * come back with it and publishing waits until there are none. The write
 * holds only if the draft is still at the rev the edit started from.
 */
export const saveDraft = useCase(SaveDraftInput, async (input, opts: { expectedRev?: number } = {}): Promise<DraftView> => {
  authorize(useUser(), "profile.edit");
  if (input.rev !== undefined && opts.expectedRev !== undefined && input.rev !== opts.expectedRev) {
    throw revError("profile.rev_mismatch", "rev 与 If-Match 不一致", "rev and If-Match disagree");
  }
  const rev = input.rev ?? opts.expectedRev;
  if (rev === undefined) throw revError("profile.rev_required", "缺少草稿修订号", "the draft's rev is required");
  return writeDraft(input.profile, rev, "profile.draft_save", "body.profile");
});

function revError(code: string, zh: string, en: string) {
  return new AppError("validation", "profile.rev_required", {}, [{ path: "body.rev", code, message: { zh, en } }]);
}

export const ValidateDraftInput = z
  .object({ profile: ProfileJson.optional().meta({ description: "A document to check without saving; default the saved draft" }) })
  .meta({ id: "ValidateProfileInput" });

export const ValidationResultSchema = z.object({ valid: z.boolean(), issues: z.array(ProfileIssueSchema) }).meta({ id: "ProfileValidation" });

/** The issues of a document (nothing is saved), or of the saved draft. */
export const validateDraft = useCase(ValidateDraftInput, async (input) => {
  authorizeProfile("profile.edit");
  const issues = input.profile === undefined ? (await currentDraft()).issues : issuesOf(input.profile, (await loadDraftAndHead()).document?.text);
  return { valid: issues.length === 0, issues };
});

/** A whole document (an export, say) becomes the draft; nothing is published. */
export const importProfile = useCase(
  ProfileJson,
  async (profile, opts: { expectedRev?: number } = {}): Promise<DraftView> => {
    const actor = useUser();
    authorize(actor, "profile.edit");
    // Without If-Match the import replaces whatever draft is there now, still guarded against a write in between.
    const rev = opts.expectedRev ?? (await loadDraft())?.rev ?? 0;
    // An export of an older shape imports into today's.
    return writeDraft(migrateProfile(profile), rev, "profile.import", "body");
  },
);

/** Rev 0 creates the draft (it must not exist yet); rev n moves it to n+1 (it must still be at n). */
export async function writeDraft(profile: Record<string, unknown>, rev: number, action: string, path: string): Promise<DraftView> {
  const actor = useUser();
  const tenantId = actor.tenantId;
  const json = encodeProfile(profile, path);
  const { draft: existing, head, document } = await loadDraftAndHead();
  const issues = issuesOf(profile, document?.text);
  if ((existing?.rev ?? 0) !== rev) throw new AppError("conflict", "profile.draft_stale");
  const basedOnVersion = existing?.basedOnVersion ?? head?.version;
  if (basedOnVersion === undefined) throw new AppError("not_found", "profile.none");

  const updatedAt = new Date().toISOString();
  const next = { profile: json, basedOnVersion, pending: true, rev: rev + 1, updatedAt, updatedBy: actor.userId };
  await writeTransaction(({ profileDraft, audit }) => [
      rev === 0
        ? profileDraft.create({ tenantId, ...next }).commit()
        : profileDraft
            .patch({ tenantId })
            .set({ profile: json, pending: true, rev: rev + 1, updatedAt, updatedBy: actor.userId })
            .where((a, op) => op.eq(a.rev, rev))
            .commit(),
      auditItem({ audit }, { action, targetType: "profile", targetId: "draft", details: { rev: rev + 1, basedOnVersion, issues: issues.length } }),
    ],
    { onCanceled: () => new AppError("conflict", "profile.draft_stale") },
  );
  return { ...next, profile, issues };
}

/** The form description the draft editor builds its forms from (editors only, like the draft). */
export function getFormSchema(): ProfileForm {
  authorizeProfile("profile.edit");
  return { root: profileFormSchema(), targets: referenceLists() };
}
