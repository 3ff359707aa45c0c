import { useActor, useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize, type Action } from "../access/index.ts";
import { parseProfile } from "./validate.ts";
import { decodeProfile, toView, type DraftView, type VersionView } from "./views.ts";

// Reads of the profile partition shared by the use cases. GetItems are
// strongly consistent, so a rev or head just written is seen; for writes the
// conditions in the transaction stay the guarantee.

/** Refuses a caller who may not do the action on the tenant's profile. */
export function authorizeProfile(action: Action): void {
  authorize(useActor(), action);
}

export async function loadHead() {
  const { data } = await tenantDb().service.entities.profileHead.get({ tenantId: useTenant() }).go({ consistent: true });
  return data;
}

export async function loadDraft() {
  const { data } = await tenantDb().service.entities.profileDraft.get({ tenantId: useTenant() }).go({ consistent: true });
  return data;
}

export async function loadVersionItem(version: number) {
  const { data } = await tenantDb().service.entities.profileVersion.get({ tenantId: useTenant(), version }).go({ consistent: true });
  return data;
}

export async function loadVersion(version: number): Promise<VersionView> {
  const item = await loadVersionItem(version);
  if (!item) throw new AppError("not_found", "profile.version_not_found", { version });
  return toView(item);
}

/** The draft, or (before the first save) the latest version offered as a draft at rev 0. */
export async function currentDraft(): Promise<DraftView> {
  const draft = await loadDraft();
  if (draft) {
    const profile = decodeProfile(draft.profile);
    return {
      rev: draft.rev,
      basedOnVersion: draft.basedOnVersion,
      pending: draft.pending,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      profile,
      issues: issuesOf(profile),
    };
  }
  const head = await loadHead();
  if (!head) throw new AppError("not_found", "profile.none");
  const latest = await loadVersion(head.version);
  return { rev: 0, basedOnVersion: head.version, pending: false, updatedAt: null, updatedBy: null, profile: latest.profile, issues: issuesOf(latest.profile) };
}

export function issuesOf(profile: unknown) {
  const parsed = parseProfile(profile);
  return parsed.ok ? [] : parsed.issues;
}
