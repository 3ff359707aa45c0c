import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// A tenant's policy profile lives in its own partition, `T#<tenant>#PROFILE`:
// the published versions, one draft and one head. Keeping them apart from the
// tenant's main partition keeps that one small (a version is tens of KB).

/** Fixed width, so that key order is numeric order (a tenant will not publish a million versions). */
const VERSION_PADDING = { length: 6, char: "0" } as const;

/**
 * A published version: immutable once written (every attribute is read-only
 * and nothing ever updates or deletes it). The profile is kept as a JSON
 * string, opaque to DynamoDB, so the item stays one attribute of known size.
 *
 * Versions roll forward only: a version's effectiveFrom is never before its
 * predecessor's, so (effectiveFrom, version) order is version order, and at
 * an instant shared by two versions the later version wins.
 */
export const ProfileVersionEntity = new Entity({
  model: { entity: "profileVersion", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true, readOnly: true, padding: VERSION_PADDING },
    /** ISO instant in UTC with milliseconds (`toISOString()`): fixed width, so lexical order is time order. */
    effectiveFrom: { type: "string", required: true, readOnly: true },
    publishedAt: { type: "string", required: true, readOnly: true },
    /** User id of the publisher (at signup: the county's first admin). */
    publishedBy: { type: "string", required: true, readOnly: true },
    /** The publisher's name at the time, for readers who may not look users up. */
    publishedByName: { type: "string", readOnly: true },
    /** What it was made from, as a diff reference: `preset:<id>` or `v:<n>`. */
    basedOn: { type: "string", required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    profile: { type: "string", required: true, readOnly: true },
    /** Hash of the Idempotency-Key that published it, so a retried publish finds its own version. */
    requestHash: { type: "string", readOnly: true },
  },
  indexes: {
    byNumber: { pk: tenantPk("pk", "#PROFILE"), sk: sortKey("sk", "V#${version}", ["version"]) },
    byEffect: {
      index: "gsi1",
      pk: tenantPk("gsi1pk", "#PROFILE"),
      sk: sortKey("gsi1sk", "E#${effectiveFrom}#${version}", ["effectiveFrom", "version"]),
    },
  },
});

/**
 * The tenant's one working copy. Saved as given, valid or not, so no edit is
 * lost; publishing refuses it while it has issues. `rev` grows by one with
 * every write (saves and publishes alike) and the item is never deleted, so a
 * rev a client holds can never come back and match a newer draft.
 */
export const ProfileDraftEntity = new Entity({
  model: { entity: "profileDraft", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    profile: { type: "string", required: true },
    basedOnVersion: { type: "number", required: true },
    /** False right after a publish: the draft is then a copy of the version it is based on. */
    pending: { type: "boolean", required: true },
    rev: { type: "number", required: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byTenant: { pk: tenantPk("pk", "#PROFILE"), sk: sortKey("sk", "DRAFT", []) },
  },
});

/**
 * The latest version's number and start. Publishing moves it from N to N+1
 * under a condition, in the transaction that writes version N+1: of two
 * concurrent publishes, exactly one commits.
 */
export const ProfileHeadEntity = new Entity({
  model: { entity: "profileHead", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    effectiveFrom: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byTenant: { pk: tenantPk("pk", "#PROFILE"), sk: sortKey("sk", "HEAD", []) },
  },
});

// Access patterns
// - a version by number (get, export, diff): profileVersion.byNumber (GetItem sk=V#<nnnnnn>)
// - a tenant's versions, newest first (paginated): profileVersion.byNumber begins_with(V#), descending
// - the version in effect at instant T: profileVersion.byEffect sk <= E#<T>#~, descending, limit 1
//   (effectiveFrom leads the sort key, so the first item at or before T is the one in effect;
//   the version number after it breaks ties in favour of the later version)
// - the draft (get, save with rev condition): profileDraft.byTenant (GetItem sk=DRAFT)
// - the latest version number, moved N → N+1 by each publish: profileHead.byTenant (sk=HEAD)

declare module "../db/service.ts" {
  interface Entities {
    profileVersion: typeof ProfileVersionEntity;
    profileDraft: typeof ProfileDraftEntity;
    profileHead: typeof ProfileHeadEntity;
  }
}
registerEntities({ profileVersion: ProfileVersionEntity, profileDraft: ProfileDraftEntity, profileHead: ProfileHeadEntity });
