import { QueryCommand, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { decodeCursor, encodeCursor } from "../db/cursor.ts";
import { documentClient } from "../db/document-client.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { authorize, inSubtree } from "../access/index.ts";
import { useCase } from "../use-case.ts";
import { countersView, subtreePrefix, type CountersView, type Summary } from "./entries.ts";
import { CountersInput, ListAssignedInput, ListAwaitingAckInput, ListByStateInput, ListBySourceInput, ListByVenueInput, ListWithinInput, TimelineInput } from "./inputs.ts";
import { segments } from "./rules.ts";
import { availableActions } from "./machine.ts";
import { contextFor, seesContact } from "./support.ts";
import type { Action, Hazard } from "./types.ts";
import { toHazardView, type HazardEvent, type HazardView, type SummaryPage } from "./views.ts";

// Reads: each answer is one Query page (or one GetItem), never a Scan.

/** A cursor is the key a page ended at; one that names another list or partition is refused. */
const checkCursor = (cursor: string | undefined, pk: string, sk: (key: string) => boolean) =>
  decodeCursor(cursor, (k) => k.pk === pk && typeof k.sk === "string" && sk(k.sk) && Object.keys(k).length === 2);

// ── One hazard and its timeline ────────────────────────────────────────────

export interface Timeline {
  hazard?: HazardView;
  allowedActions?: Action[];
  events: HazardEvent[];
  cursor: string | null;
}

/**
 * A hazard with its events in order, from one Query of its partition (the
 * hazard item sorts first, its events after it). A history longer than one
 * page goes on with the cursor; those later pages read the hazard too, for
 * the scope check.
 */
export const getTimeline = useCase(
  TimelineInput,
  async (input, hazardId: string): Promise<Timeline> => {
    const actor = useUser();
    authorize(actor, "hazard.read");
    const db = tenantDb();
    const { entities } = db.service;
    const pk = entities.hazard.get({ tenantId: actor.tenantId, hazardId }).params<{ Key: { pk: string } }>().Key.pk;
    const start = checkCursor(input.cursor, pk, (sk) => sk.startsWith("TL#"));
    if (start) {
      const { data } = await entities.hazard.get({ tenantId: actor.tenantId, hazardId }).go();
      if (!data) throw new AppError("not_found", "hazard.not_found");
      authorize(actor, "hazard.read", data.doc as Hazard);
    }
    const out: QueryCommandOutput = await documentClient(db.client).send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "#pk = :pk", ExpressionAttributeNames: { "#pk": "pk" }, ExpressionAttributeValues: { ":pk": pk }, ExclusiveStartKey: start, Limit: input.limit + (start ? 0 : 1) }),
    );
    const items = (out.Items ?? []) as Record<string, unknown>[];
    const hazardItem = entities.hazard.parse({ Items: items.filter((i) => i.__edb_e__ === "hazard") }).data[0];
    if (!start && !hazardItem) throw new AppError("not_found", "hazard.not_found");
    if (hazardItem) authorize(actor, "hazard.read", hazardItem.doc as Hazard);
    const events = entities.hazardEvent.parse({ Items: items.filter((i) => i.__edb_e__ === "hazardEvent") }).data;
    const last = out.LastEvaluatedKey;
    const allowed = hazardItem ? availableActions(await contextFor(actor, new Date()), hazardItem.doc as Hazard) : undefined;
    return {
      ...(hazardItem ? { hazard: toHazardView(hazardItem.doc as Hazard, seesContact(actor)), allowedActions: allowed } : {}),
      events: events.map(({ tenantId: _t, hazardId: _h, ...event }) => event as HazardEvent),
      cursor: encodeCursor(last ? { pk: last.pk, sk: last.sk } : undefined),
    };
  },
  "query",
);

// ── Lists ──────────────────────────────────────────────────────────────────

/** The subtree a list covers: a node path within the caller's own (default: their scope). */
function scopeOf(path: string | undefined): string {
  const actor = useUser();
  authorize(actor, "hazard.read");
  if (path === undefined) return actor.scopePath;
  if (!inSubtree(actor.scopePath, path)) throw new AppError("forbidden", "auth.forbidden", { action: "hazard.read" });
  return path;
}

async function page(list: string, input: { cursor?: string | undefined; limit: number }, range: { prefix?: string; filterPath?: string; order?: "asc" | "desc" }): Promise<SummaryPage> {
  const actor = useUser();
  const { hazardEntry } = tenantDb().service.entities;
  const query = hazardEntry.query.byList({ tenantId: actor.tenantId, list });
  const pk = query.params<{ ExpressionAttributeValues: Record<string, string> }>().ExpressionAttributeValues[":pk"]!;
  checkCursor(input.cursor, pk, (sk) => range.prefix === undefined || sk.startsWith(range.prefix));
  const ranged = range.prefix === undefined ? query : hazardEntry.query.byList({ tenantId: actor.tenantId, list }).begins({ order: range.prefix });
  const filtered = range.filterPath === undefined ? ranged : ranged.where((a, op) => op.begins(a.path, subtreePrefix(range.filterPath!)) + " OR " + op.eq(a.path, range.filterPath!));
  const result = await filtered.go({ cursor: input.cursor ?? null, limit: input.limit, order: range.order ?? "asc" });
  return { items: result.data.map((row) => row.summary as Summary), cursor: result.cursor };
}

/** A subtree's hazards in one state, or all open ones. */
export const listByState = useCase(ListByStateInput, async (input) => {
  const path = scopeOf(input.path);
  return page(input.state === "open" ? "open" : `state:${input.state}`, input, { prefix: subtreePrefix(path) });
}, "query");

/** Open hazards assigned to a user (default the caller), within the caller's subtree. */
export const listAssigned = useCase(ListAssignedInput, async (input) => {
  const path = scopeOf(undefined);
  return page(`assignee:${input.assigneeId ?? useUser().userId}`, input, { prefix: subtreePrefix(path) });
}, "query");

/** A venue's hazards, newest first, within the caller's subtree. */
export const listByVenue = useCase(ListByVenueInput, async (input) => {
  const path = scopeOf(undefined);
  return page(`venue:${input.venueId}`, input, { filterPath: path, order: "desc" });
}, "query");

/** Open hazards the sweep has found past their deadline, within a subtree. */
export const listOverdue = useCase(ListWithinInput, async (input) => page("overdue", input, { prefix: subtreePrefix(scopeOf(input.path)) }), "query");

/** Open hazards under listed supervision at any level, within a subtree. */
export const listListed = useCase(ListWithinInput, async (input) => page("listed", input, { prefix: subtreePrefix(scopeOf(input.path)) }), "query");

/** Hazards reported to a department and not yet acknowledged by it, within a subtree. */
export const listAwaitingAck = useCase(
  ListAwaitingAckInput,
  async (input) => {
    // A department's liaison sees what awaits their own department unless they name another.
    const bodyId = input.bodyId ?? useUser().bodyId;
    if (bodyId === undefined) throw invalid("query.bodyId", "hazard.body_required", "请指定部门（bodyId）", "Name the department (bodyId)");
    return page(`ack:${bodyId}`, input, { prefix: subtreePrefix(scopeOf(input.path)) });
  },
  "query",
);

/** A subtree's hazards from one source (e.g. residents' tips), all states. */
export const listBySource = useCase(ListBySourceInput, async (input) => page(`source:${input.source}`, input, { prefix: subtreePrefix(scopeOf(input.path)) }), "query");

// ── Counters ───────────────────────────────────────────────────────────────

/** A node's counters (its whole subtree), from one Query of the node's counter partition. */
export const getCounters = useCase(CountersInput, async (input): Promise<CountersView> => {
  const path = scopeOf(input.path);
  const nodeId = segments(path).at(-1)!;
  const { data } = await tenantDb().service.entities.hazardCounter.query.byNode({ tenantId: useUser().tenantId, nodeId }).go();
  return countersView(nodeId, data, { from: input.from, to: input.to });
}, "query");

/**
 * A node's counters for a dashboard over the months `from`..`to`: the standing
 * counts and the window's monthly ones only, so the read stays the same size
 * however long the tenant has kept data (the full partition grows by ~20
 * items a month). Three Queries of the node's partition, side by side:
 * `listed#`…`overdue#` (standing counts and `opened#` per month), the
 * window's `closed#` months and the window's `ttc#` histogram.
 */
export const getWindowCounters = useCase(CountersInput, async (input): Promise<CountersView> => {
  const path = scopeOf(input.path);
  const nodeId = segments(path).at(-1)!;
  const from = input.from ?? "0000-00";
  const to = input.to ?? "9999-99";
  const q = () => tenantDb().service.entities.hazardCounter.query.byNode({ tenantId: useUser().tenantId, nodeId });
  const parts = await Promise.all([
    q().between({ metric: "listed#" }, { metric: "overdue#~" }).go({ pages: "all" }),
    q().between({ metric: `closed#${from}` }, { metric: `closed#${to}~` }).go({ pages: "all" }),
    q().between({ metric: `ttc#${from}` }, { metric: `ttc#${to}#~` }).go({ pages: "all" }),
  ]);
  return countersView(nodeId, parts.flatMap((p) => p.data), { from, to });
}, "query");

// ── States of many hazards at once ─────────────────────────────────────────

/**
 * The current state of each hazard named (BatchGet, a hundred keys a
 * request; what DynamoDB leaves unprocessed is asked again). An id of no
 * hazard of the tenant is simply absent. For other domains' summaries
 * (a campaign's hazards closed); no authorisation of its own.
 */
export async function hazardStates(hazardIds: readonly string[]): Promise<Map<string, Hazard["state"]>> {
  return new Map([...(await hazardDocs(hazardIds))].map(([id, h]) => [id, h.state]));
}

/** The hazards of these ids, whole (one BatchGet per 100): for other domains' views of hazards they took in (Open311); no authorisation of its own. */
export async function hazardDocs(hazardIds: readonly string[]): Promise<Map<string, Hazard>> {
  const tenantId = useTenant();
  const states = new Map<string, Hazard>();
  let keys = [...new Set(hazardIds)].map((hazardId) => ({ tenantId, hazardId }));
  for (let attempt = 1; keys.length && attempt <= 5; attempt++) {
    const { data, unprocessed } = await tenantDb().service.entities.hazard.get(keys).go({ attributes: ["hazardId", "doc"], concurrency: 4 });
    for (const h of data as { hazardId: string; doc: Hazard }[]) states.set(h.hazardId, h.doc);
    keys = (unprocessed as { hazardId: string }[]).map((k) => ({ tenantId, hazardId: k.hazardId }));
  }
  if (keys.length) throw new AppError("unavailable", "server.busy", { seconds: 5 });
  return states;
}
