import { useTenant } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { subtreePrefix, type Summary } from "./entries.ts";
import type { Hazard, Source } from "./types.ts";

// Reads for other domains that judge hazard data (the assessment): the
// counters of a subtree, and the hazards reported from given sources. They
// check no access: the caller has authorized its reader for the subtree.

/** Every counter of a node's subtree (one Query of its counter partition). */
export async function subtreeCounters(nodeId: string): Promise<{ metric: string; value: number }[]> {
  const { data } = await tenantDb().service.entities.hazardCounter.query.byNode({ tenantId: useTenant(), nodeId }).go({ pages: "all" });
  return data.map(({ metric, value }) => ({ metric, value }));
}

/** How many open hazards of a subtree are listed for supervision (挂牌督办) now: one Query of the listed list (listed hazards are few). */
export async function listedUnder(path: string): Promise<number> {
  const rows = await allPages((cursor) => tenantDb().service.entities.hazardEntry.query.byList({ tenantId: useTenant(), list: "listed" }).begins({ order: subtreePrefix(path) }).go({ cursor, limit: 500, attributes: ["hazardId"] }));
  return rows.length;
}

/** A hazard someone reported, and who: a signed-in user (with their name as written on the hazard's first event) or a resident's contact. */
export interface Lead {
  hazardId: string;
  nodeId: string;
  path: string;
  source: Source;
  severity: string;
  state: Hazard["state"];
  description: string;
  createdAt: string;
  reporter: { type: "user" | "public" | "system"; id?: string; name?: string; contact?: string };
}

/** The lead a hazard is: who reported it, from where, judged how; undefined when there is no such hazard. */
export async function leadOf(hazardId: string): Promise<Lead | undefined> {
  const tenantId = useTenant();
  const { entities } = tenantDb().service;
  const [{ data: item }, { data: first }] = await Promise.all([
    entities.hazard.get({ tenantId, hazardId }).go(),
    entities.hazardEvent.get({ tenantId, hazardId, seq: 1 }).go({ attributes: ["actorName"] }),
  ]);
  if (!item) return undefined;
  const h = item.doc as Hazard;
  return toLead(h, h.reporter.type === "user" ? first?.actorName : undefined);
}

function toLead(h: Pick<Hazard, "hazardId" | "nodeId" | "path" | "source" | "severity" | "state" | "description" | "createdAt" | "reporter">, name: string | undefined): Lead {
  const reporter = h.reporter;
  return {
    hazardId: h.hazardId,
    nodeId: h.nodeId,
    path: h.path,
    source: h.source,
    severity: h.severity ?? "",
    state: h.state,
    description: h.description.length > 140 ? `${h.description.slice(0, 139)}…` : h.description,
    createdAt: h.createdAt,
    reporter: { type: reporter.type, ...(reporter.id ? { id: reporter.id } : {}), ...(name ? { name } : {}), ...(reporter.contact ? { contact: reporter.contact } : {}) },
  };
}

/**
 * Hazards of a subtree from these sources, raised within [from, to)
 * (instants), judged of one of these severities and not withdrawn (found
 * invalid), oldest first. One Query per source list (the subtree is its key
 * prefix), then the hazards and their first events by BatchGet for who
 * reported them.
 */
export async function leadsOf(input: { path: string; sources: readonly Source[]; severities: readonly string[]; from: string; to: string }): Promise<Lead[]> {
  const tenantId = useTenant();
  const { entities } = tenantDb().service;
  const rows = (
    await Promise.all(
      input.sources.map((source) =>
        allPages((cursor) => entities.hazardEntry.query.byList({ tenantId, list: `source:${source}` }).begins({ order: subtreePrefix(input.path) }).go({ cursor, limit: 500 })),
      ),
    )
  ).flat();
  const kept = rows
    .map((row) => row.summary as Summary)
    .filter((s) => s.severity !== undefined && input.severities.includes(s.severity) && s.state !== "withdrawn" && s.createdAt >= input.from && s.createdAt < input.to)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (!kept.length) return [];
  const keys = kept.map((s) => ({ tenantId, hazardId: s.hazardId }));
  const [{ data: hazards }, { data: firsts }] = await Promise.all([
    entities.hazard.get(keys).go(),
    entities.hazardEvent.get(keys.map((k) => ({ ...k, seq: 1 }))).go({ attributes: ["hazardId", "actorName"] }),
  ]);
  const docs = new Map(hazards.map((h) => [h.hazardId, h.doc as Hazard]));
  const names = new Map(firsts.map((e) => [e.hazardId, e.actorName]));
  return kept.map((s) => {
    const reporter = docs.get(s.hazardId)?.reporter ?? { type: "system" as const };
    return toLead({ ...s, reporter }, reporter.type === "user" ? names.get(s.hazardId) : undefined);
  });
}

/**
 * A venue's hazards reported since an instant, oldest first: its `venue:<id>` list from that
 * creation time on (one Query page per 500 rows). For an incident's accountability review.
 */
export async function venueHazardsSince(venueId: string, since: string): Promise<Summary[]> {
  const rows = await allPages((cursor) => tenantDb().service.entities.hazardEntry.query.byList({ tenantId: useTenant(), list: `venue:${venueId}` }).gte({ order: since }).go({ cursor, limit: 500 }));
  return rows.map((r) => r.summary as Summary);
}
