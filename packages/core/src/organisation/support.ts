import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { getCurrentProfile } from "../profile/versions.ts";
import type { PolicyProfile } from "../profile/schema.ts";

// What the jurisdiction and organisation use cases share: loading the node
// they act on, the profile in effect, and field errors in both languages.

export function fieldError(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, message: { zh, en } };
}

export function invalid(path: string, code: string, zh: string, en: string): AppError {
  return new AppError("validation", "request.invalid", {}, [fieldError(path, code, zh, en)]);
}

/** The caller's tenant's node, or 404: another tenant's id is simply not there. */
export async function loadNode(nodeId: string, opts: { allowRetired?: boolean; consistent?: boolean } = {}) {
  const actor = useUser();
  const { data } = await tenantDb().service.entities.node.get({ tenantId: actor.tenantId, nodeId }).go({ consistent: opts.consistent ?? false });
  if (!data || (data.status !== "active" && !opts.allowRetired)) throw new AppError("not_found", "node.not_found");
  return data;
}

export type NodeItem = Awaited<ReturnType<typeof loadNode>>;

/** The profile version in effect now (or at `at`). */
export async function profileInForce(at?: Date): Promise<{ version: number; profile: PolicyProfile }> {
  const view = await getCurrentProfile(at ? { at: at.toISOString() } : {});
  return { version: view.version, profile: view.profile };
}

/** The levels at which a profile's tiered staffing rules apply (where a node may carry a tier). */
export function tierLevels(profile: PolicyProfile): Set<string> {
  const levelOfBody = (id: string) => profile.bodies.find((b) => b.id === id)?.level;
  return new Set(profile.staffing.rules.filter((r) => r.tier !== undefined).map((r) => r.per ?? levelOfBody(r.body) ?? ""));
}

/** The profile level below `level`, if any. */
export function childLevel(profile: PolicyProfile, level: string) {
  const index = profile.levels.findIndex((l) => l.id === level);
  return index < 0 ? undefined : profile.levels[index + 1];
}

/** Audit details without undefined values (DynamoDB refuses them inside a map). */
export function defined<T extends Record<string, unknown>>(details: T): Partial<T> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const badCursor = () => invalid("query.cursor", "request.cursor_invalid", "分页游标无效，请从第一页重新读取", "The page cursor is not valid; start again from the first page");

/**
 * A page read with a client's cursor: a cursor that is not one of ours
 * answers 400 on `query.cursor` (ElectroDB's cursor is the base64url JSON of
 * DynamoDB's LastEvaluatedKey, and DynamoDB refuses a start key that does not
 * fit the query), never 500.
 */
export async function withCursor<T>(cursor: string | undefined, read: (cursor: string | null) => Promise<T>): Promise<T> {
  if (cursor !== undefined) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    } catch {
      throw badCursor();
    }
    if (!decoded || typeof decoded !== "object" || Array.isArray(decoded) || !Object.values(decoded).every((v) => typeof v === "string")) throw badCursor();
  }
  try {
    return await read(cursor ?? null);
  } catch (err) {
    const cause = (err as { cause?: { name?: string } }).cause;
    if (cursor !== undefined && cause?.name === "ValidationException") throw badCursor();
    throw err;
  }
}

// UTC+14 is the furthest any zone runs ahead: no date after this is "today" anywhere.
const FURTHEST_AHEAD_MS = 14 * 60 * 60 * 1000;

/**
 * The latest date that is today somewhere, for "not in the future" checks on
 * dates people type. Comparing with the UTC date refused today's date before
 * 08:00 in China; this never refuses a local today.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
}
