import { useActor } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize, type Action } from "../identity/policy.ts";
import { parseProfile } from "./validate.ts";
import { decodeProfile, toView, type DraftView, type VersionView } from "./views.ts";

// Reads of the profile partition shared by the use cases. GetItems are
// strongly consistent, so a rev or head just written is seen; for writes the
// conditions in the transaction stay the guarantee.

/** The caller's tenant, once the caller may do the action. */
export function tenantFor(action: Action): string {
  const actor = useActor();
  authorize(actor, action);
  return actor.tenantId;
}

export async function loadHead(tenantId: string) {
  const { data } = await tenantDb().service.entities.profileHead.get({ tenantId }).go({ consistent: true });
  return data;
}

export async function loadDraft(tenantId: string) {
  const { data } = await tenantDb().service.entities.profileDraft.get({ tenantId }).go({ consistent: true });
  return data;
}

export async function loadVersionItem(tenantId: string, version: number) {
  const { data } = await tenantDb().service.entities.profileVersion.get({ tenantId, version }).go({ consistent: true });
  return data;
}

export async function loadVersion(tenantId: string, version: number): Promise<VersionView> {
  const item = await loadVersionItem(tenantId, version);
  if (!item) throw new AppError("not_found", "profile.version_not_found", { version });
  return toView(item);
}

/** The draft, or (before the first save) the latest version offered as a draft at rev 0. */
export async function currentDraft(tenantId: string): Promise<DraftView> {
  const draft = await loadDraft(tenantId);
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
  const head = await loadHead(tenantId);
  if (!head) throw new AppError("not_found", "profile.none");
  const latest = await loadVersion(tenantId, head.version);
  return { rev: 0, basedOnVersion: head.version, pending: false, updatedAt: null, updatedBy: null, profile: latest.profile, issues: issuesOf(latest.profile) };
}

export function issuesOf(profile: unknown) {
  const parsed = parseProfile(profile);
  return parsed.ok ? [] : parsed.issues;
}
