import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/** Failed sign-ins from one source within a window; DynamoDB's TTL clears old windows. */
export const ThrottleEntity = new Entity({
  model: { entity: "throttle", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    failures: { type: "number", required: true, default: 0 },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byKey: { pk: tenantPk("pk"), sk: sortKey("sk", "THROTTLE#${key}", ["key"]) },
  },
});

// Access patterns
// - the failure count of a source in the current window: byKey

declare module "../db/service.ts" {
  interface Entities {
    throttle: typeof ThrottleEntity;
  }
}
registerEntities({ throttle: ThrottleEntity });
