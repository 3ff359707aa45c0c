import type { PolicyProfile } from "./schema.ts";

// What other domains derive from the profile follows a publish: venues
// re-derive their supervisor and inspection categories from the new version,
// so tasks change without each venue being edited. The profile calls the
// followers without importing them (the domain that derives registers here).

/** What a follower did, merged into the publish's answer (e.g. venues: how many were reclassified). */
export type PublishFollowUp = Record<string, { checked: number; changed: number; stale: number }>;

/** Runs after the publish committed, for a version in force now; a scheduled one is followed when it starts. */
export type PublishFollower = (published: { version: number; profile: PolicyProfile }, now: Date) => Promise<PublishFollowUp>;

const followers: PublishFollower[] = [];

export function followProfilePublishes(follower: PublishFollower): void {
  followers.push(follower);
}

export async function profilePublished(published: { version: number; profile: PolicyProfile }, now: Date): Promise<PublishFollowUp> {
  let done: PublishFollowUp = {};
  for (const follow of followers) done = { ...done, ...(await follow(published, now)) };
  return done;
}
