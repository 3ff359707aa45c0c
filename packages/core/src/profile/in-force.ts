import { migrateProfile } from "./migrate.ts";
import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "./schema.ts";

/** ISO instants in one fixed-width form (UTC, milliseconds), so that key order is time order. */
export const normaliseInstant = (instant: string | number | Date) => new Date(instant).toISOString();

/**
 * How long a container trusts the list of a tenant's versions it has read.
 * A version published in this container is seen here at once; one published
 * in another container reaches this one within this bound. A version whose
 * start lies ahead (effective-dated) is known from the list as soon as it is
 * published, so it takes effect exactly at its start, not up to a minute late.
 */
export const VERSIONS_FRESH_SECONDS = 60;
/** Version documents kept per container (they never change once published). */
const MAX_DOCUMENTS = 100;

interface Starts {
  readAt: number;
  /** Every version's number and start, latest start first. */
  versions: { version: number; effectiveFrom: string }[];
}

const startsByTenant = new Map<string, Starts>();
const documents = new Map<string, { item: VersionItem; profile: PolicyProfile }>();

type VersionItem = NonNullable<Awaited<ReturnType<typeof readVersion>>>;

async function readVersion(version: number) {
  // Consistent: a version just published may be asked for at once (its own answer, a diff).
  const { data } = await tenantDb().service.entities.profileVersion.get({ tenantId: useTenant(), version }).go({ consistent: true });
  return data;
}

async function starts(): Promise<Starts["versions"]> {
  const tenantId = useTenant();
  const known = startsByTenant.get(tenantId);
  if (known && Date.now() - known.readAt < VERSIONS_FRESH_SECONDS * 1000) return known.versions;
  const readAt = Date.now();
  const { data } = await tenantDb().service.entities.profileVersion.query.byEffect({ tenantId }).go({ order: "desc", pages: "all", attributes: ["version", "effectiveFrom"] });
  const versions = data.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom }));
  startsByTenant.set(tenantId, { readAt, versions });
  return versions;
}

/** Forget what this container knows of the tenant's versions (after it publishes one). */
export function forgetVersions(): void {
  startsByTenant.delete(useTenant());
}

/** A published version's item and parsed profile, read once per container (versions never change). */
export async function versionDocument(version: number) {
  return document(version);
}

async function document(version: number) {
  const tenantId = useTenant();
  const key = `${tenantId}\u0000${version}`;
  let doc = documents.get(key);
  if (!doc) {
    const item = await readVersion(version);
    if (!item) throw new AppError("not_found", "profile.version_not_found", { version });
    // A version stored in an older shape reads in today's (its bytes stay as published).
    doc = { item, profile: migrateProfile(JSON.parse(item.profile)) as PolicyProfile };
    documents.set(key, doc);
    if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  }
  return doc;
}

/**
 * The stored version in effect at an instant: the latest start at or before
 * it (ties go to the later version), from the tenant's list of starts, then
 * the version's document. Warm, this reads nothing: the list is read once a
 * minute per tenant and container, a document once per container.
 */
async function inEffect(at: Date | string) {
  const instant = normaliseInstant(at);
  const found = (await starts()).filter((v) => v.effectiveFrom <= instant).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
  if (!found) throw new AppError("not_found", "profile.not_in_effect", { at: instant });
  return document(found.version);
}

/** The version in effect at an instant: its item and its parsed profile, as the container keeps them (read-only). */
export async function versionDocumentAt(at: Date | string) {
  return inEffect(at);
}

/** The stored version item in effect at an instant (for readers of the document with its publication details). */
export async function versionItemAt(at: Date | string): Promise<VersionItem> {
  return (await inEffect(at)).item;
}

/**
 * The profile in effect at `at` (default now) for the tenant in context,
 * what every rule is applied with. No authorisation: callers have already
 * decided who may act; reading the profile as a document is `getCurrentProfile`.
 */
export async function profileAt(at: Date = new Date()): Promise<{ version: number; profile: PolicyProfile }> {
  const doc = await inEffect(at);
  return { version: doc.item.version, profile: doc.profile };
}
