import { QueryCommand, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { badCursor } from "../db/cursor.ts";
import { documentClient } from "../db/document-client.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { authorize, inSubtree } from "../access/index.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { endOfLocalDate, startOfLocalDay } from "./clock.ts";
import { mineList, subtreePrefix, type Summary } from "./entries.ts";
import { SearchHazardsInput } from "./inputs.ts";
import { OPEN_STATES } from "./types.ts";
import { SummarySchema } from "./views.ts";

// The officers' board: one list of the hazards of a subtree, filtered and
// sorted on the server.
//
// What it costs. Hazards have no GSI of their own: each list is a partition
// of summary rows (entries.ts) whose sort key leads with the node path, so a
// subtree is a key prefix. The search picks the narrowest list the filters
// name, one Query with begins_with(<subtree>/) on it:
//   mine        → `mine:<me>`       (what I reported or am assigned; all states)
//   overdue     → `overdue`         (open and past the deadline)
//   state = s   → `state:<s>`
//   source = s  → `source:<s>`      (all states; the state filter then applies)
//   otherwise   → `open`
// Every other filter (severity, code, source, state, overdue, reported
// from/to) is a FilterExpression on the row's summary: DynamoDB reads (and
// bills) every row of the prefix and returns only matches, so a filter saves
// transfer, not read capacity. A sort other than the list's path order needs
// the whole match set: the search reads it, up to MAX_MATCHES rows (≈1 KB
// each, so ≤ 1 MB, ~250 RCU eventually consistent at worst), sorts it and
// answers a page after the cursor's key. A set larger than that answers
// `truncated: true`, and the board asks for a narrower filter.

/** The most matches one search sorts; past it the answer says `truncated`. */
export const MAX_MATCHES = 1000;

export const SearchPageSchema = z
  .object({
    items: z.array(SummarySchema),
    cursor: z.string().nullable(),
    total: z.int().meta({ description: "Matches found (at most the cap)" }),
    truncated: z.boolean().meta({ description: "More than the cap matched: narrow the filters for a complete sort" }),
  })
  .meta({ id: "HazardSearchPage" });

export interface SearchPage {
  items: Summary[];
  cursor: string | null;
  total: number;
  truncated: boolean;
}

type Input = z.output<typeof SearchHazardsInput>;

/** Which list partition a search reads, and which filters still apply on it. */
export function baseListOf(input: Pick<Input, "mine" | "overdue" | "state" | "source">, userId: string): { list: string; covered: { state: boolean; overdue: boolean; source: boolean } } {
  if (input.mine) return { list: mineList(userId), covered: { state: false, overdue: false, source: false } };
  if (input.overdue) return { list: "overdue", covered: { state: input.state === "open", overdue: true, source: false } };
  if (input.state !== "open") return { list: `state:${input.state}`, covered: { state: true, overdue: false, source: false } };
  if (input.source) return { list: `source:${input.source}`, covered: { state: false, overdue: false, source: true } };
  return { list: "open", covered: { state: true, overdue: false, source: false } };
}

/** A FilterExpression over the rows' `summary` map for the filters the list does not cover. */
function filterOf(input: Input, covered: { state: boolean; overdue: boolean; source: boolean }, range: { from?: string; to?: string }) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const field = (name: string) => {
    names["#sm"] = "summary";
    names[`#${name}`] = name;
    return `#sm.#${name}`;
  };
  if (!covered.state) {
    if (input.state === "open") {
      const keys = OPEN_STATES.map((s, i) => {
        values[`:st${i}`] = s;
        return `:st${i}`;
      });
      parts.push(`${field("state")} IN (${keys.join(", ")})`);
    } else {
      values[":state"] = input.state;
      parts.push(`${field("state")} = :state`);
    }
  }
  if (input.overdue && !covered.overdue) {
    values[":overdue"] = true;
    parts.push(`${field("overdue")} = :overdue`);
  }
  if (input.source && !covered.source) {
    values[":source"] = input.source;
    parts.push(`${field("source")} = :source`);
  }
  if (input.severity) {
    values[":severity"] = input.severity;
    parts.push(`${field("severity")} = :severity`);
  }
  if (input.code) {
    values[":code"] = input.code;
    parts.push(`${field("code")} = :code`);
  }
  if (range.from) {
    values[":from"] = range.from;
    parts.push(`${field("createdAt")} >= :from`);
  }
  if (range.to) {
    values[":to"] = range.to;
    parts.push(`${field("createdAt")} <= :to`);
  }
  return { expression: parts.join(" AND "), names, values };
}

/** The sort's key of a row: strings whose order (with the hazard id to break ties) is the board's order. */
function sortKeyOf(sort: Input["sort"], severityRank: Map<string, number>) {
  return (s: Summary): string => {
    if (sort === "deadline") return s.deadline ?? "~";
    if (sort === "severity") return `${String(s.severity === undefined ? 999 : (severityRank.get(s.severity) ?? 998)).padStart(3, "0")}#${s.createdAt}`;
    return s.createdAt;
  };
}

interface CursorKey {
  k: string;
  id: string;
}

function readCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (v && typeof v === "object" && typeof (v as CursorKey).k === "string" && typeof (v as CursorKey).id === "string" && Object.keys(v).length === 2) return v as CursorKey;
  } catch {
    // falls through to the one answer for a cursor that is not ours
  }
  throw badCursor();
}

/**
 * A subtree's hazards, filtered and sorted (see the cost note above). The
 * tenant comes from the token; a node path outside the caller's scope is 403.
 */
export const searchHazards = useCase(
  SearchHazardsInput,
  async (input): Promise<SearchPage> => {
    const actor = useUser();
    authorize(actor, "hazard.read");
    const path = input.path ?? actor.scopePath;
    if (!inSubtree(actor.scopePath, path)) throw new AppError("forbidden", "auth.forbidden", { action: "hazard.read" });
    const after = readCursor(input.cursor);
    const [timeZone, { profile }] = await Promise.all([tenantTimeZone(), profileAt(new Date())]);
    const severities = profile.hazards.severities.map((s) => s.id);
    if (input.severity && !severities.includes(input.severity)) throw invalid("query.severity", "hazard.severity_unknown", `本县政策档案没有该隐患等级：${input.severity}`, `The profile has no severity ${input.severity}`);
    const range = {
      ...(input.from ? { from: startOfLocalDay(input.from, timeZone).toISOString() } : {}),
      ...(input.to ? { to: endOfLocalDate(input.to, timeZone).toISOString() } : {}),
    };
    if (range.from && range.to && range.from > range.to) throw invalid("query.to", "hazard.range_reversed", "截止日期不能早于起始日期", "`to` cannot be before `from`");

    const { list, covered } = baseListOf(input, actor.userId);
    const db = tenantDb();
    const { hazardEntry } = db.service.entities;
    const base = hazardEntry.query
      .byList({ tenantId: actor.tenantId, list })
      .begins({ order: subtreePrefix(path) })
      .params<{ KeyConditionExpression: string; FilterExpression?: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> }>();
    const filter = filterOf(input, covered, range);
    const filters = [base.FilterExpression, filter.expression].filter((f): f is string => Boolean(f));
    const client = documentClient(db.client);
    const rows: Summary[] = [];
    let start: Record<string, unknown> | undefined;
    let truncated = false;
    do {
      const out: QueryCommandOutput = await client.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: base.KeyConditionExpression,
          ...(filters.length ? { FilterExpression: filters.map((f) => `(${f})`).join(" AND ") } : {}),
          ExpressionAttributeNames: { ...base.ExpressionAttributeNames, ...filter.names },
          ExpressionAttributeValues: { ...base.ExpressionAttributeValues, ...filter.values },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) rows.push(item.summary as Summary);
      start = out.LastEvaluatedKey;
      if (rows.length > MAX_MATCHES) {
        truncated = true;
        rows.length = MAX_MATCHES;
        break;
      }
    } while (start);

    const keyOf = sortKeyOf(input.sort, new Map(severities.map((id, i) => [id, i])));
    const direction = input.order ?? (input.sort === "reported" ? "desc" : "asc");
    const sign = direction === "asc" ? 1 : -1;
    const cmp = (a: CursorKey, b: CursorKey) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const keyed = rows.map((s) => ({ s, key: { k: keyOf(s), id: s.hazardId } })).sort((a, b) => cmp(a.key, b.key));
    const rest = after ? keyed.filter((r) => cmp(r.key, after) > 0) : keyed;
    const page = rest.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => r.s),
      cursor: rest.length > input.limit && last ? Buffer.from(JSON.stringify(last.key)).toString("base64url") : null,
      total: rows.length,
      truncated,
    };
  },
  "query",
);
