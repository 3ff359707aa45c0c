// The tenant's policy profile: versions, the draft, diffs, import and export.
import type { RuleCoverage, ProfileDiff, ProfileDocument, ProfileDraft, ProfileRef, ProfileValidation, ProfileVersion, ProfileVersionSummary, PublishInput } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post, queryString, type Page } from "./http.ts";

const ifMatch = (rev: number) => ({ "if-match": `"${rev}"` });

/** The version in effect at `at` (default now). */
export function getCurrentProfile(at?: string): Promise<ProfileVersion> {
  return json(`/v1/profile${queryString({ at })}`);
}

/** Each rule of the profile in effect, and the code that applies it or why it is data only. */
export function getRuleCoverage(): Promise<RuleCoverage> {
  return json("/v1/profile/coverage");
}

export function listProfileVersions(params: { cursor?: string; limit?: number } = {}): Promise<Page<ProfileVersionSummary>> {
  return json(`/v1/profile/versions${queryString(params)}`);
}

export function getProfileVersion(n: number): Promise<ProfileVersion> {
  return json(`/v1/profile/versions/${n}`);
}

export function getProfileDraft(): Promise<ProfileDraft> {
  return json("/v1/profile/draft");
}

/** 409 `profile.draft_stale` when the draft moved on since `rev`. */
export function saveProfileDraft(profile: ProfileDocument, rev: number): Promise<ProfileDraft> {
  return json("/v1/profile/draft", { method: "PUT", body: JSON.stringify({ profile }), headers: ifMatch(rev) });
}

/** The issues of a document; nothing is saved. */
export function validateProfile(profile: ProfileDocument, signal?: AbortSignal): Promise<ProfileValidation> {
  return json("/v1/profile/draft/validate", { ...post({ profile }), ...(signal ? { signal } : {}) });
}

export function publishProfile(input: PublishInput, idempotencyKey: string): Promise<ProfileVersionSummary> {
  return json("/v1/profile/publish", post(input, idempotent(idempotencyKey)));
}

export function getProfileDiff(from: ProfileRef, to: ProfileRef): Promise<ProfileDiff> {
  return json(`/v1/profile/diff${queryString({ from, to })}`);
}

/** A document becomes the draft (nothing is published); 409 when the draft moved on since `rev`. */
export function importProfile(profile: ProfileDocument, rev: number): Promise<ProfileDraft> {
  return json("/v1/profile/import", { method: "POST", body: JSON.stringify(profile), headers: ifMatch(rev) });
}

/** A version's (or the draft's) document as a file, named as the API names it. */
export async function exportProfile(version: number | "draft"): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/profile/export${queryString({ version })}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `profile-${version}.json`;
  return { filename, blob: await res.blob() };
}

/** How many active venues the saved draft would reclassify if published now (the confirmation's figure). */
export function draftVenueImpact(): Promise<{ checked: number; changed: number }> {
  return json("/v1/profile/draft/venue-impact");
}
