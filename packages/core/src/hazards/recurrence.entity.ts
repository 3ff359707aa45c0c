import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * What is known of one hazard code at one venue: when it was raised or
 * reopened (for the profile's recurrence triggers) and which hazard came
 * last and when it closed (a hazard found again within the reopen window
 * reopens that one). `rev` guards concurrent updates.
 */
export const HazardRecurrenceEntity = new Entity({
  model: { entity: "hazardRecurrence", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    code: { type: "string", required: true, readOnly: true },
    occurrences: { type: "list", items: { type: "string" }, required: true },
    lastHazardId: { type: "string", required: true },
    lastClosedAt: { type: "string" },
    rev: { type: "number", required: true },
  },
  indexes: {
    byVenueCode: { pk: tenantPk("pk", "#HZV#${venueId}", ["venueId"]), sk: sortKey("sk", "CODE#${code}", ["code"]) },
  },
});

// Access patterns
// - the history of a code at a venue (GetItem before a create, reopen or close): byVenueCode

declare module "../db/service.ts" {
  interface Entities {
    hazardRecurrence: typeof HazardRecurrenceEntity;
  }
}
registerEntities({ hazardRecurrence: HazardRecurrenceEntity });
