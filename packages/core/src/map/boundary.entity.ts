import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A node's boundary for the one map (一张图): the admin's GeoJSON geometry
 * (Polygon or MultiPolygon, WGS-84), validated and kept as compact JSON text
 * in one item of its own partition, `T#<tenant>#NBND#<nodeId>` (the size cap
 * in boundaries.ts keeps it well under DynamoDB's 400 KB item limit, so no
 * file store is needed). Keyed by node id, so it follows the node through moves.
 */
export const BoundaryEntity = new Entity({
  model: { entity: "boundary", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    /** The geometry as JSON text: { type: "Polygon" | "MultiPolygon", coordinates }. */
    geometry: { type: "string", required: true },
    /** [west, south, east, north] */
    bbox: { type: "list", items: { type: "number" }, required: true },
    positions: { type: "number", required: true },
    uploadedBy: { type: "string", required: true },
    uploadedAt: { type: "string", required: true },
  },
  indexes: {
    byNode: { pk: tenantPk("pk", "#NBND#${nodeId}", ["nodeId"]), sk: sortKey("sk", "BOUNDARY", []) },
  },
});

// Access patterns
// - a node's boundary: boundary.byNode (GetItem); a node's and its children's: BatchGet

declare module "../db/service.ts" {
  interface Entities {
    boundary: typeof BoundaryEntity;
  }
}
registerEntities({ boundary: BoundaryEntity });
