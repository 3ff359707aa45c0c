import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * Public tips taken in from one source (or from everyone) in one window.
 * The count is raised under a `value < limit` condition in the tip's own
 * transaction, so the limit holds under concurrency; TTL clears old windows.
 */
export const IntakeLimitEntity = new Entity({
  model: { entity: "intakeLimit", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    value: { type: "number", required: true, default: 0 },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byKey: { pk: tenantPk("pk", "#INTAKE"), sk: sortKey("sk", "${key}", ["key"]) },
  },
});

// Access patterns
// - the count of a source's window (conditional ADD in the tip transaction): byKey

declare module "../db/service.ts" {
  interface Entities {
    intakeLimit: typeof IntakeLimitEntity;
  }
}
registerEntities({ intakeLimit: IntakeLimitEntity });
