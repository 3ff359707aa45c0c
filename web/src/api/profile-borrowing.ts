// Forking a preset into the draft and re-citing borrowed clauses: apart from api/profiles.ts, which the app shell loads.
import type { ProfileDraft } from "@firegov/core/contract";
import { json, post } from "./http.ts";

/** A built-in preset's rules become the draft under the county's own id; its citations are kept as borrowed (借用). */
export function forkPresetIntoDraft(presetId: string): Promise<ProfileDraft> {
  return json("/v1/profile/draft/fork", post({ presetId }));
}

/** Every citation of the borrowed document `from` becomes the county's own clause of the same number. */
export function reciteBorrowed(from: string): Promise<ProfileDraft> {
  return json("/v1/profile/draft/recite", post({ from }));
}
