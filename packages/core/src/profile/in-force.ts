import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "./schema.ts";

/** ISO instants in one fixed-width form (UTC, milliseconds), so that key order is time order. */
export const normaliseInstant = (instant: string | number | Date) => new Date(instant).toISOString();

/**
 * The stored version in effect at an instant: one Query on byEffect, newest
 * start first, the first item starting at or before the instant. Keys hold
 * instants to the millisecond, so "at or before T" is "before T + 1 ms",
 * which also takes in every version number at T itself.
 */
export async function versionItemAt(at: Date | string) {
  const justAfter = normaliseInstant(new Date(Date.parse(normaliseInstant(at)) + 1));
  const { data } = await tenantDb().service.entities.profileVersion.query.byEffect({ tenantId: useTenant() }).lt({ effectiveFrom: justAfter }).go({ order: "desc", limit: 1 });
  const item = data[0];
  if (!item) throw new AppError("not_found", "profile.not_in_effect", { at: normaliseInstant(at) });
  return item;
}

/**
 * The profile in effect at `at` (default now) for the tenant in context,
 * what every rule is applied with. No authorisation: callers have already
 * decided who may act; reading the profile as a document is `getCurrentProfile`.
 */
export async function profileAt(at: Date = new Date()): Promise<{ version: number; profile: PolicyProfile }> {
  const item = await versionItemAt(at);
  return { version: item.version, profile: JSON.parse(item.profile) as PolicyProfile };
}
