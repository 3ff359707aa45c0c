import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** A page of a list as the API answers it: the items, and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), cursor: z.string().nullable() });
}

/** The query of a page read: an opaque cursor and a page size. */
export function pageQuery(opts: { max: number; default: number }) {
  return z.object({ cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(opts.max).default(opts.default) });
}

/** The one answer to a cursor that is not ours (garbage, or another list's key): 400 naming `query.cursor`. */
export const badCursor = () =>
  new AppError("validation", "request.invalid", {}, [
    { path: "query.cursor", code: "request.cursor_invalid", message: { zh: "分页游标无效，请从第一页重新读取", en: "The page cursor is not valid; start again from the first page" } },
  ]);

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

/**
 * The read options of a page whose Query has a filter: DynamoDB's Limit counts
 * the items it reads, not those the filter keeps, so a page read with a plain
 * limit can come back short (or empty) while matches remain. ElectroDB's
 * `count` reads on, in DynamoDB pages of `limit` or more, until the page holds
 * `limit` matches, and ends the cursor at the last one kept.
 */
export const filledPage = (limit: number) => ({ count: limit, limit: Math.max(limit, 100) });

/** The DynamoDB key a raw Query's page ended at, as an opaque cursor. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null => (key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null);

/** A raw Query's cursor, back to the key it names; one that is not a key of this list (`fits`) is refused, not sent to DynamoDB. */
export function decodeCursor(cursor: string | undefined, fits: (key: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!key || typeof key !== "object" || Array.isArray(key) || !fits(key as Record<string, unknown>)) throw badCursor();
  return key as Record<string, unknown>;
}

/** Every page of a read, for the batch work that must see all of a list (a subtree to move or summarise). */
export async function allPages<T>(page: (cursor: string | null) => Promise<{ data: T[]; cursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const result = await page(cursor);
    items.push(...result.data);
    cursor = result.cursor;
  } while (cursor);
  return items;
}
