import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * One row of a hazard list: a copy of the hazard's summary under the list's
 * partition `T#<tenant>#HZL#<list>`, ordered by `order`. Each list a hazard
 * belongs to holds one row for it (see entries.ts for the lists and their
 * order); the rows are rewritten in the transaction of every change to the
 * hazard, so a list is always one Query and never out of step. Where the
 * order leads with the node path (`<path>/#…`), a subtree is a key prefix.
 */
export const HazardEntryEntity = new Entity({
  model: { entity: "hazardEntry", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    list: { type: "string", required: true, readOnly: true },
    order: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true },
    /** Node path, for the lists whose order does not lead with it (scope filter). */
    path: { type: "string", required: true },
    summary: { type: "any", required: true },
  },
  indexes: {
    byList: { pk: tenantPk("pk", "#HZL#${list}", ["list"]), sk: sortKey("sk", "${order}", ["order"]) },
  },
});

// Access patterns (each one Query page)
// - a subtree's hazards in a state (or open):      list state:<state> | open, begins_with(<path>/)
// - a user's open assignments:                     list assignee:<userId>, begins_with(<scope>/)
// - a venue's hazards, newest first:               list venue:<venueId>, descending, filter path
// - overdue hazards in a subtree:                  list overdue, begins_with(<path>/)
// - listed hazards in a subtree:                   list listed, begins_with(<path>/)
// - awaiting a department's acknowledgement:       list ack:<bodyId>, begins_with(<path>/)
// - a subtree's hazards from one source:           list source:<source>, begins_with(<path>/)
// - a subtree's hazards created in a (UTC) month:  list opened:<yyyy-mm>, begins_with(<path>/)
// - hazards the sweep must look at by now:         list wake, order <= <now>#~

declare module "../db/service.ts" {
  interface Entities {
    hazardEntry: typeof HazardEntryEntity;
  }
}
registerEntities({ hazardEntry: HazardEntryEntity });
