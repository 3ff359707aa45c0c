import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A maintained count for a node's subtree (the node and everything under
 * it): one item per metric in the node's partition `T#<tenant>#HZC#<nodeId>`.
 * Changed by `ADD` in the transaction of every hazard change, for the
 * hazard's node and each node above it (entries.ts says which metrics).
 */
export const HazardCounterEntity = new Entity({
  model: { entity: "hazardCounter", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    metric: { type: "string", required: true, readOnly: true },
    value: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byNode: { pk: tenantPk("pk", "#HZC#${nodeId}", ["nodeId"]), sk: sortKey("sk", "${metric}", ["metric"]) },
  },
});

// Access patterns
// - every counter of a node's subtree (dashboard): byNode (one Query)

declare module "../db/service.ts" {
  interface Entities {
    hazardCounter: typeof HazardCounterEntity;
  }
}
registerEntities({ hazardCounter: HazardCounterEntity });
