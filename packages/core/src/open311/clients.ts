import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authorize } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";

// The tenant admin's side of Open311: the clients (city service platforms)
// let in, each with its own API key. The key is `o311_<clientId>_<secret>`:
// the client id finds the client in one read, and the secret's SHA-256 is
// compared in constant time. A key of another county names no client here.

const KEY_PATTERN = /^o311_([0-9a-z]{21})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

export const Open311ClientSchema = z
  .object({
    clientId: z.string(),
    name: z.string(),
    keyPrefix: z.string().meta({ description: "The key's first characters, to tell keys apart (the key itself is shown once)" }),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
    revokedBy: z.string().optional(),
    active: z.boolean(),
  })
  .meta({ id: "Open311Client" });
export type Open311ClientView = z.infer<typeof Open311ClientSchema>;

export const IssuedOpen311ClientSchema = Open311ClientSchema.extend({
  apiKey: z.string().meta({ description: "The API key, shown this once: it is kept only as a hash" }),
}).meta({ id: "IssuedOpen311Client" });

export const IssueOpen311ClientInput = z
  .object({
    name: z.string().trim().min(2, bilingual("请填写接入方名称（至少 2 个字）", "Name the client (at least 2 characters)")).max(100, bilingual("名称最多 100 个字", "At most 100 characters")),
  })
  .meta({ id: "IssueOpen311ClientInput" });

type ClientItem = { clientId: string; name: string; keyHash: string; keyPrefix: string; createdBy: string; createdAt: string; revokedAt?: string | undefined; revokedBy?: string | undefined };

const view = (c: ClientItem): Open311ClientView => ({
  clientId: c.clientId,
  name: c.name,
  keyPrefix: c.keyPrefix,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
  ...(c.revokedAt ? { revokedAt: c.revokedAt, revokedBy: c.revokedBy } : {}),
  active: !c.revokedAt,
});

/** The county's Open311 clients, newest first (tenant admins only). */
export async function listOpen311Clients(): Promise<{ items: Open311ClientView[] }> {
  authorize(useUser(), "tenant.configure");
  const { data } = await tenantDb().service.entities.open311Client.query.byId({ tenantId: useTenant() }).go({ pages: "all", order: "desc" });
  return { items: (data as ClientItem[]).map(view) };
}

/** Lets a client in: a new key, shown in this answer only; audited. */
export const issueOpen311Client = useCase(IssueOpen311ClientInput, async (input, opts: { now?: Date } = {}) => {
  const actor = useUser();
  authorize(actor, "tenant.configure");
  const now = opts.now ?? new Date();
  const clientId = timeOrderedId(now);
  const apiKey = `o311_${clientId}_${randomBytes(32).toString("base64url")}`;
  const item: ClientItem = { clientId, name: input.name, keyHash: sha256(apiKey), keyPrefix: apiKey.slice(0, 12), createdBy: actor.userId, createdAt: now.toISOString() };
  await writeTransaction(
    (tx) => [
      tx.open311Client.create({ tenantId: actor.tenantId, ...item }).commit(),
      auditItem(tx, { action: "open311.client_issue", targetType: "open311_client", targetId: clientId, details: { name: input.name } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { ...view(item), apiKey };
});

/** Revokes a client's key at once; its requests stay. Revoking again changes nothing (and writes nothing). */
export async function revokeOpen311Client(clientId: string, opts: { now?: Date } = {}): Promise<Open311ClientView> {
  const actor = useUser();
  const now = opts.now ?? new Date();
  const db = tenantDb().service.entities.open311Client;
  // Read first: an id of no client here (another county's) answers 404 to everyone, as every id does.
  const { data } = await db.get({ tenantId: actor.tenantId, clientId }).go({ consistent: true });
  if (!data) throw new AppError("not_found", "open311.client_not_found");
  authorize(actor, "tenant.configure");
  if (data.revokedAt) return view(data as ClientItem);
  const revoked = { ...(data as ClientItem), revokedAt: now.toISOString(), revokedBy: actor.userId };
  await writeTransaction(
    (tx) => [
      tx.open311Client
        .patch({ tenantId: actor.tenantId, clientId })
        .set({ revokedAt: revoked.revokedAt, revokedBy: revoked.revokedBy })
        .where((a, op) => op.notExists(a.revokedAt))
        .commit(),
      auditItem(tx, { action: "open311.client_revoke", targetType: "open311_client", targetId: clientId, details: { name: data.name } }, now),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return view(revoked);
}

/**
 * The client an API key belongs to, in the tenant of the context: none sent
 * → 401; not a key of this county, or revoked → 403. (The spec's own clients
 * send the key as `api_key`.)
 */
export async function clientOfKey(apiKey: string | undefined): Promise<{ clientId: string; name: string }> {
  if (!apiKey) throw new AppError("unauthorized", "open311.key_missing");
  const match = KEY_PATTERN.exec(apiKey);
  if (!match) throw new AppError("forbidden", "open311.key_invalid");
  const { data } = await tenantDb().service.entities.open311Client.get({ tenantId: useTenant(), clientId: match[1]! }).go();
  const given = Buffer.from(sha256(apiKey));
  const ok = !!data && !data.revokedAt && given.length === Buffer.byteLength(data.keyHash) && timingSafeEqual(given, Buffer.from(data.keyHash));
  if (!ok) throw new AppError("forbidden", "open311.key_invalid");
  return { clientId: data.clientId, name: data.name };
}
