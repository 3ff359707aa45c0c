import { Entity } from "electrodb";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A node of the jurisdiction tree (county → town → village → grid). `path` is
 * the materialised path of node ids from the root (`/<root>/<town>/...`), so a
 * subtree is one Query on `bySubtree`.
 */
export const NodeEntity = new Entity({
  model: { entity: "node", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    parentId: { type: "string" },
    path: { type: "string", required: true },
    level: { type: "string", required: true },
    name: { type: "string", required: true },
    status: { type: ["active", "retired"] as const, required: true, default: "active" },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    byId: { pk: tenantPk("pk"), sk: sortKey("sk", "NODE#${nodeId}", ["nodeId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#TREE"), sk: sortKey("gsi1sk", "${path}", ["path"]) },
  },
});

// Access patterns
// - get a node by id: byId
// - a node's subtree, in path order: bySubtree begins_with(path)
