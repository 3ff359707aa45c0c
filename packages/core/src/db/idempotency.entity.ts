import { Entity } from "electrodb";
import { registerEntities } from "./service.ts";
import { sortKey, tenantPk } from "./key-templates.ts";

/**
 * The first result of a request sent with an Idempotency-Key, written in the
 * same transaction as the request's own writes. A retry finds it and gets the
 * same answer with no second write. DynamoDB's TTL clears it after a day.
 */
export const IdempotencyEntity = new Entity({
  model: { entity: "idempotency", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    /** Hash of the request, so a key reused for a different request is refused. */
    fingerprint: { type: "string", required: true, readOnly: true },
    result: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byKey: { pk: tenantPk("pk"), sk: sortKey("sk", "IDEM#${key}", ["key"]) },
  },
});

// Access patterns
// - the stored result of a key: byKey (GetItem)

declare module "./service.ts" {
  interface Entities {
    idempotency: typeof IdempotencyEntity;
  }
}
registerEntities({ idempotency: IdempotencyEntity });
