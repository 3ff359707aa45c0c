import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// Open311 GeoReport v2: the tenant's clients (city service platforms such as
// a 12345 hotline), the requests they filed (each one a hazard), and the
// keys that find a request again (its token, a client's Idempotency-Key, a
// fingerprint of a resent body).

/**
 * A client the tenant admin let in: its API key is shown once and kept only
 * as a SHA-256 hash (the key is 32 random bytes, so a plain hash is enough).
 */
export const Open311ClientEntity = new Entity({
  model: { entity: "open311Client", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    keyHash: { type: "string", required: true, readOnly: true },
    /** The key's first characters, shown in lists so an admin can tell keys apart. */
    keyPrefix: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    revokedAt: { type: "string" },
    revokedBy: { type: "string" },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#O311#CLIENT"), sk: sortKey("sk", "${clientId}", ["clientId"]) },
  },
});

/** A request an Open311 client filed: the hazard it became, and what the client sent beyond the hazard. */
export const Open311RequestEntity = new Entity({
  model: { entity: "open311Request", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The hazard's id, which is also the service_request_id (time-ordered: the partition lists by time). */
    hazardId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    serviceCode: { type: "string", required: true, readOnly: true },
    token: { type: "string", required: true, readOnly: true },
    lat: { type: "number", readOnly: true },
    long: { type: "number", readOnly: true },
    address: { type: "string", readOnly: true },
    addressId: { type: "string", readOnly: true },
    mediaUrl: { type: "string", readOnly: true },
    attributes: { type: "any", readOnly: true },
    requestedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#O311#REQ"), sk: sortKey("sk", "${hazardId}", ["hazardId"]) },
  },
});

/** A key that leads to a request: `token:<token>`, `idem:<client>:<hash>`, `dup:<client>:<hash>:<window>`; made once, under a condition. */
export const Open311KeyEntity = new Entity({
  model: { entity: "open311Key", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true, readOnly: true },
    token: { type: "string", required: true, readOnly: true },
    /** The request's fingerprint: an Idempotency-Key sent again with another body is refused. */
    fingerprint: { type: "string", readOnly: true },
    expiresAt: { type: "number" },
  },
  indexes: {
    byKey: { pk: tenantPk("pk", "#O311#KEY"), sk: sortKey("sk", "${key}", ["key"]) },
  },
});

// Access patterns
// - a client by id (the key names it; its hash is compared): Open311Client byId; the admin's list: the partition
// - a request by id; the requests of a time window: Open311Request byId (between two time-ordered ids)
// - a token, an idempotency key, a resent body: Open311Key byKey (created under attribute_not_exists in the request's transaction)

declare module "../db/service.ts" {
  interface Entities {
    open311Client: typeof Open311ClientEntity;
    open311Request: typeof Open311RequestEntity;
    open311Key: typeof Open311KeyEntity;
  }
}
registerEntities({ open311Client: Open311ClientEntity, open311Request: Open311RequestEntity, open311Key: Open311KeyEntity });
