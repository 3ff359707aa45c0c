import { action, json, query, redirect } from "@solidjs/router";
import type { ProfileDocument, ProfileDraft, PublishInput } from "@firegov/core/contract";
import { getProfileDiff, getProfileDraft, getProfileFormSchema, getProfileVersion, importProfile, listProfileVersions, publishProfile, saveProfileDraft } from "../../api/profiles.ts";
import { getPresets } from "../../api/system.ts";

export const profileVersion = query((n: number) => getProfileVersion(n), "profile-version");
export const versionsPage = query((cursor?: string) => listProfileVersions({ cursor, limit: 50 }), "profile-versions");
export const profileDraft = query(() => getProfileDraft(), "profile-draft");
export const profileDiff = query((from: string, to: string) => getProfileDiff(from, to), "profile-diff");
/** The schema does not change while the app runs: read once. */
export const profileFormSchema = query(() => getProfileFormSchema(), "profile-form-schema");
export const presetList = query(() => getPresets(), "profile-presets");

/** Preset names by id, for `preset:<id>` references. */
export const presetNames = query(async () => new Map((await presetList()).map((p) => [p.id, p.name])), "profile-preset-names");

/**
 * A saved draft is the draft to read from now on (a page opened again soon
 * after must not start from the old rev); diffs against the draft are stale.
 */
async function draftSaved(draft: Promise<ProfileDraft>) {
  const saved = await draft;
  query.set(profileDraft.keyFor(), saved);
  return json(saved, { revalidate: [profileDiff.key] });
}

export const saveDraftAction = action((profile: ProfileDocument, rev: number) => draftSaved(saveProfileDraft(profile, rev)), "saveProfileDraft");
export const importAction = action((profile: ProfileDocument, rev: number) => draftSaved(importProfile(profile, rev)), "importProfile");

/** On success: the new version's page, with every cached read refreshed. */
export const publishAction = action(async (input: PublishInput, idempotencyKey: string) => {
  const published = await publishProfile(input, idempotencyKey);
  throw redirect(`/profile/versions/${published.version}`);
}, "publishProfile");

/** Hands a file to the browser to save. */
export function saveFile(file: { filename: string; blob: Blob }) {
  const url = URL.createObjectURL(file.blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: file.filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
