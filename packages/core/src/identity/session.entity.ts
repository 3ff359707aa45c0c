import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A sign-in session: one refresh-token family. Only the current token's hash
 * is valid; hashes of spent tokens are kept so that a replay is recognised as
 * reuse and revokes the whole family.
 */
export const SessionEntity = new Entity({
  model: { entity: "session", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    currentHash: { type: "string", required: true },
    spentHashes: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    revokedAt: { type: "string" },
    revokedReason: { type: ["logout", "reuse", "disabled", "password_reset", "password_changed"] as const },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    refreshedAt: { type: "string" },
    /** Epoch seconds: DynamoDB's TTL removes the session after its absolute lifetime. */
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: { pk: tenantPk("pk"), sk: sortKey("sk", "SESSION#${sessionId}", ["sessionId"]) },
    byUser: { index: "gsi1", pk: tenantPk("gsi1pk", "#USER#${userId}", ["userId"]), sk: sortKey("gsi1sk", "SESSION#${sessionId}", ["sessionId"]) },
  },
});

// Access patterns
// - check or rotate a session: byId
// - a user's sessions, to revoke them all: byUser

declare module "../db/service.ts" {
  interface Entities {
    session: typeof SessionEntity;
  }
}
registerEntities({ session: SessionEntity });
