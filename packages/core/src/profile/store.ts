import { useActor, useTenant } from "../context/actor.ts";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../db/document-client.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { versionDocument } from "./in-force.ts";
import { checkedProfile } from "./checked-draft.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize, type Action } from "../access/index.ts";
import { parseProfile } from "./validate.ts";
import { quoteIssues } from "./document/quotes.ts";
import "./document/document.entity.ts";
import { decodeProfile, toSummary, type DraftView, type VersionView } from "./views.ts";

// Reads of the profile partition shared by the use cases. GetItems are
// strongly consistent, so a rev or head just written is seen; for writes the
// conditions in the transaction stay the guarantee.

/** Refuses a caller who may not do the action on the tenant's profile. */
export function authorizeProfile(action: Action): void {
  authorize(useActor(), action);
}

export async function loadHead() {
  return (await loadDraftAndHead()).head;
}

export async function loadDraft() {
  return (await loadDraftAndHead()).draft;
}

/**
 * The draft and the head in one Query: they sort next to each other in the
 * profile partition (`DRAFT` < `HEAD` < `V#…`), so a key range takes both
 * and none of the (large) versions.
 */
export async function loadDraftAndHead() {
  const db = tenantDb();
  const { entities } = db.service;
  const params = entities.profileDraft.get({ tenantId: useTenant() }).params<{ Key: { pk: string } }>();
  const out = await documentClient(db.client).send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :draft AND :head",
      ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
      ExpressionAttributeValues: { ":pk": params.Key.pk, ":draft": "DRAFT", ":head": "HEAD" },
      ConsistentRead: true,
    }),
  );
  const of = (entity: string) => ({ Items: (out.Items ?? []).filter((item) => item.__edb_e__ === entity) });
  return {
    draft: entities.profileDraft.parse(of("profileDraft")).data[0],
    head: entities.profileHead.parse(of("profileHead")).data[0],
    // The draft's document sorts between them (`DRAFT#DOC`): read in the same Query.
    document: entities.profileDocument.parse(of("profileDocument")).data[0],
  };
}

export async function loadVersionItem(version: number) {
  return (await versionDocument(version)).item;
}

/** A published version with its profile as the container keeps it (parsed and lifted once; read-only). */
export async function loadVersion(version: number): Promise<VersionView> {
  const { item, profile } = await versionDocument(version);
  return { ...toSummary(item), profile };
}

/** The draft, or (before the first save) the latest version offered as a draft at rev 0. */
export async function currentDraft(): Promise<DraftView> {
  const { draft, head, document } = await loadDraftAndHead();
  if (draft) {
    const { profile, issues } = checkedProfile("draft", draft.profile, document?.text, () => decodeProfile(draft.profile), issuesOf);
    return {
      rev: draft.rev,
      basedOnVersion: draft.basedOnVersion,
      pending: draft.pending,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      profile,
      issues,
    };
  }
  if (!head) throw new AppError("not_found", "profile.none");
  const latest = await versionDocument(head.version);
  const { profile, issues } = checkedProfile("version", latest.item.profile, document?.text, () => latest.profile as unknown as Record<string, unknown>, issuesOf);
  return { rev: 0, basedOnVersion: head.version, pending: false, updatedAt: null, updatedBy: null, profile, issues };
}

/** The profile's issues; with its document attached, also every quote of it the document does not contain. */
export function issuesOf(profile: unknown, documentText?: string) {
  const parsed = parseProfile(profile);
  const own = parsed.ok ? [] : parsed.issues;
  if (documentText === undefined || typeof profile !== "object" || profile === null) return own;
  const id = (profile as { id?: unknown }).id;
  return typeof id === "string" ? [...own, ...quoteIssues({ ...(profile as object), id }, documentText)] : own;
}
