import { createHash } from "node:crypto";
import { actorRef, useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { TxEntities, TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { timeOrderedId } from "../db/ids.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { classify, classificationChanged, reclassifyBasis, type VenueFacts } from "./classify.ts";

// What the venue use cases and the import share: the stored shape, the
// classification applied to it, and the transaction items of each change.


export type VenueItem = NonNullable<Awaited<ReturnType<typeof loadVenueItem>>>;

export async function loadVenueItem(venueId: string, consistent = false) {
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.venue.get({ tenantId, venueId }).go({ consistent });
  return data;
}

/**
 * The key units (venues with a key-unit level) registered at one node, not
 * below it: one Query of the subtree index on the node's own prefix, paged.
 */
export async function keyUnitsAt(path: string): Promise<{ venueId: string; name: string; keyUnitLevel: string }[]> {
  const { data } = await tenantDb()
    .service.entities.venue.query.bySubtree({ tenantId: useTenant() })
    .begins({ path: `${path}/#` })
    .where((a, op) => `(${op.exists(a.keyUnitLevel)} OR ${op.exists(a.classified)}) AND ${op.eq(a.status, "active")}`)
    .go({ pages: "all", attributes: ["venueId", "name", "keyUnitLevel", "classified"] });
  // Its own level, else the one a classify policy gave it (高度 ≥ 50 米 → 一级).
  return data.flatMap((v) => {
    const level = v.keyUnitLevel ?? (v.classified as { keyUnitLevel?: string } | undefined)?.keyUnitLevel;
    return level ? [{ venueId: v.venueId, name: v.name, keyUnitLevel: level }] : [];
  });
}

/** The caller's tenant's venue, or 404: another tenant's id is simply not there. */
export async function venueOrNotFound(venueId: string, opts: { allowRetired?: boolean; consistent?: boolean } = {}): Promise<VenueItem> {
  const venue = await loadVenueItem(venueId, opts.consistent);
  if (!venue || (venue.status !== "active" && !opts.allowRetired)) throw new AppError("not_found", "venue.not_found");
  return venue;
}

/** The fields a venue is written with (the classification is derived, never given). */
export interface VenueFields extends VenueFacts {
  kinds: string[];
  flags: string[];
  name: string;
  address?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  nodeId: string;
  path: string;
  features: string[];
  measures?: Record<string, number> | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  externalId?: string | undefined;
}

const OPTIONAL = ["address", "lat", "lng", "keyUnitLevel", "enterpriseGrade", "riskGrade", "contactName", "contactPhone", "externalId", "measures"] as const;
const COMPARED = ["name", "nodeId", "path", "kinds", "flags", "features", ...OPTIONAL] as const;

/** A plain copy without undefined values (DynamoDB refuses them inside a map). */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The classification-relevant facts of a stored venue (its own risk grade only). */
export function factsOf(fields: VenueFacts): VenueFacts {
  return { kinds: fields.kinds, flags: fields.flags, riskGrade: fields.riskGrade, keyUnitLevel: fields.keyUnitLevel, enterpriseGrade: fields.enterpriseGrade, ...(fields.measures ? { measures: fields.measures } : {}) };
}

/** Import hash of a venue's fields: the same row imported twice hashes the same. */
export function fieldsHash(fields: VenueFields): string {
  // Measures count only when given, so rows hashed before venues had measures hash the same.
  const canon = COMPARED.filter((k) => k !== "measures" || fields.measures !== undefined).map((k) => [k, fields[k] ?? null]);
  return createHash("sha256").update(JSON.stringify(canon)).digest("base64url").slice(0, 22);
}

export function changedFields(before: VenueItem, after: VenueFields): string[] {
  return COMPARED.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

const snapshot = (v: { supervisor: string; supervisionRule?: string | undefined; categories: string[]; patrolPlanPolicy?: string | undefined; classified?: unknown } & VenueFacts) =>
  plain({ supervisor: v.supervisor, supervisionRule: v.supervisionRule, categories: v.categories, patrolPlanPolicy: v.patrolPlanPolicy, kinds: v.kinds, flags: v.flags, riskGrade: v.riskGrade, keyUnitLevel: v.keyUnitLevel, enterpriseGrade: v.enterpriseGrade, measures: v.measures, classified: v.classified });

const actorId = () => actorRef();


/** A new venue's items: the venue, its external-id claim, its first history entry. */
export function createItems(tx: TxEntities, input: { venueId: string; fields: VenueFields; profile: PolicyProfile; profileVersion: number; now: Date; action?: "create" | "import" }): TxItem[] {
  const tenantId = useTenant();
  const { venueId, fields, profile, now } = input;
  const c = classify(profile, factsOf(fields));
  const at = now.toISOString();
  const items: TxItem[] = [
    tx.venue
      .create(plain({ tenantId, venueId, ...fields, supervisor: c.supervisor, supervisionRule: c.supervisionRule, categories: c.categories, patrolPlanPolicy: c.patrolPlanPolicy, classified: c.classified, profileVersion: input.profileVersion, status: "active" as const, version: 1, createdAt: at, updatedAt: at }))
      .commit() as TxItem,
    tx.venueEvent
      .create(plain({ tenantId, venueId, eventId: timeOrderedId(now.getTime()), at, action: input.action ?? "create", actorId: actorId(), profileVersion: input.profileVersion, changed: [], after: snapshot({ ...fields, ...c }), basis: c.basis }))
      .commit() as TxItem,
  ];
  if (fields.externalId) items.push(tx.venueExternal.create({ tenantId, externalId: fields.externalId, venueId, hash: fieldsHash(fields) }).commit() as TxItem);
  return items;
}

/**
 * A venue's change: the venue patched on the version read, its classification
 * recomputed (logged as a reclassification when the supervisor or the
 * categories move, citing the profile's reclassify-on-change rule), the
 * external-id claim moved or re-hashed, and a history entry.
 */
export function updateItems(tx: TxEntities, input: { before: VenueItem; fields: VenueFields; profile: PolicyProfile; profileVersion: number; now: Date }): { items: TxItem[]; changed: string[]; reclassified: boolean } {
  const { before, fields, profile, now } = input;
  const { tenantId, venueId } = before;
  const c = classify(profile, factsOf(fields));
  const reclassified = classificationChanged(before, c);
  const changed = changedFields(before, fields);
  const at = now.toISOString();
  const set = plain({ ...Object.fromEntries(COMPARED.map((k) => [k, fields[k]])), supervisor: c.supervisor, supervisionRule: c.supervisionRule, categories: c.categories, patrolPlanPolicy: c.patrolPlanPolicy, classified: c.classified, profileVersion: input.profileVersion, version: before.version + 1, updatedAt: at });
  const cleared = OPTIONAL.filter((k) => fields[k] === undefined && before[k] !== undefined)
    .concat(c.supervisionRule === undefined && before.supervisionRule !== undefined ? (["supervisionRule"] as never[]) : [])
    .concat(c.patrolPlanPolicy === undefined && before.patrolPlanPolicy !== undefined ? (["patrolPlanPolicy"] as never[]) : [])
    .concat(c.classified === undefined && before.classified !== undefined ? (["classified"] as never[]) : []);
  let patch = tx.venue.patch({ tenantId, venueId }).set(set as never);
  if (cleared.length) patch = patch.remove(cleared as never) as typeof patch;
  const items: TxItem[] = [patch.where((a, op) => op.eq(a.version, before.version)).commit() as TxItem];
  items.push(
    tx.venueEvent
      .create(
        plain({
          tenantId,
          venueId,
          eventId: timeOrderedId(now.getTime()),
          at,
          action: reclassified ? ("reclassify" as const) : ("update" as const),
          actorId: actorId(),
          profileVersion: input.profileVersion,
          changed,
          before: snapshot(before),
          after: snapshot({ ...fields, ...c }),
          basis: reclassified ? { classification: c.basis, policy: reclassifyBasis(profile) } : undefined,
        }),
      )
      .commit() as TxItem,
  );
  if (before.externalId !== fields.externalId) {
    if (before.externalId) items.push(tx.venueExternal.delete({ tenantId, externalId: before.externalId }).where((a, op) => op.eq(a.venueId, venueId)).commit() as TxItem);
    if (fields.externalId) items.push(tx.venueExternal.create({ tenantId, externalId: fields.externalId, venueId, hash: fieldsHash(fields) }).commit() as TxItem);
  } else if (fields.externalId) {
    items.push(tx.venueExternal.patch({ tenantId, externalId: fields.externalId }).set({ hash: fieldsHash(fields) }).where((a, op) => op.eq(a.venueId, venueId)).commit() as TxItem);
  }
  return { items, changed, reclassified };
}

/** The stored venue as its fields (for an update that changes only some of them). */
export function fieldsOf(venue: VenueItem): VenueFields {
  return plain({
    name: venue.name,
    address: venue.address,
    lat: venue.lat,
    lng: venue.lng,
    nodeId: venue.nodeId,
    path: venue.path,
    kinds: venue.kinds,
    flags: venue.flags,
    features: venue.features,
    measures: venue.measures as Record<string, number> | undefined,
    riskGrade: venue.riskGrade,
    keyUnitLevel: venue.keyUnitLevel,
    enterpriseGrade: venue.enterpriseGrade,
    contactName: venue.contactName,
    contactPhone: venue.contactPhone,
    externalId: venue.externalId,
  });
}

/** What another domain needs of a venue to choose it by its classification (campaign targets). */
export interface VenueFactsAt {
  venueId: string;
  name: string;
  nodeId: string;
  path: string;
  kinds: string[];
  flags: string[];
  riskGrade?: string | undefined;
  keyUnitLevel?: string | undefined;
  enterpriseGrade?: string | undefined;
}

/** Every active venue at a place and below it, page after page of the subtree index (never a scan). */
export async function activeVenuesUnder(path: string): Promise<VenueFactsAt[]> {
  const tenantId = useTenant();
  const found: VenueFactsAt[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: (VenueFactsAt & { status: string })[]; cursor: string | null } = await tenantDb()
      .service.entities.venue.query.bySubtree({ tenantId })
      .begins({ path: `${path}/` })
      .go({ cursor, limit: 1000, attributes: ["venueId", "name", "nodeId", "path", "kinds", "flags", "riskGrade", "keyUnitLevel", "enterpriseGrade", "status"] });
    for (const { status, ...v } of page.data) if (status === "active") found.push(plain(v));
    cursor = page.cursor;
  } while (cursor);
  return found;
}
