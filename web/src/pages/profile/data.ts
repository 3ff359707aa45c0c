import { action, json, query, redirect } from "@solidjs/router";
import * as api from "../../api/client.ts";

export const currentProfile = query(() => api.getCurrentProfile(), "profile-current");
export const profileVersion = query((n: number) => api.getProfileVersion(n), "profile-version");
export const versionsPage = query((cursor?: string) => api.listProfileVersions({ cursor, limit: 50 }), "profile-versions");
export const profileDraft = query(() => api.getProfileDraft(), "profile-draft");
export const profileDiff = query((from: string, to: string) => api.getProfileDiff(from, to), "profile-diff");
export const presetList = query(() => api.getPresets(), "profile-presets");

/** Preset names by id, for `preset:<id>` references. */
export const presetNames = query(async () => new Map((await presetList()).map((p) => [p.id, p.name])), "profile-preset-names");

/** Who published: names for the user ids a version records (one page of users; needs user.read). */
export const userNames = query(async () => new Map((await api.listUsers({ limit: 100 })).items.map((u) => [u.userId, u.displayName])), "profile-user-names");

/**
 * A saved draft is the draft to read from now on (a page opened again soon
 * after must not start from the old rev); diffs against the draft are stale.
 */
async function draftSaved(draft: Promise<api.ProfileDraft>) {
  const saved = await draft;
  query.set(profileDraft.keyFor(), saved);
  return json(saved, { revalidate: [profileDiff.key] });
}

export const saveDraftAction = action((profile: api.ProfileDocument, rev: number) => draftSaved(api.saveProfileDraft(profile, rev)), "saveProfileDraft");
export const importAction = action((profile: api.ProfileDocument, rev: number) => draftSaved(api.importProfile(profile, rev)), "importProfile");

/** On success: the new version's page, with every cached read refreshed. */
export const publishAction = action(async (input: { effectiveFrom?: string; note?: string }, idempotencyKey: string) => {
  const published = await api.publishProfile(input, idempotencyKey);
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
