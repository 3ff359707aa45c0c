import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";
import { nodePk, viewStatic } from "../db/key-templates.ts";

/**
 * A node of the jurisdiction tree (county → town → village → grid). `path` is
 * the materialised path of node ids from the root (`/<root>/<town>/...`), so a
 * subtree is one Query on `bySubtree`. A node is never deleted: it is retired,
 * and keeps its id through moves, so everything keyed by the id follows it.
 */
export const NodeEntity = new Entity({
  model: { entity: "node", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    parentId: { type: "string" },
    path: { type: "string", required: true },
    /** A level id of the tenant's profile (`town`, `village`, ...). */
    level: { type: "string", required: true },
    name: { type: "string", required: true },
    /** Which kind of unit of its level it is, from the profile's level units (镇 or 园区). */
    unit: { type: "string" },
    /** The town tier (profile.staffing.tiers) that sets its staffing minimums. */
    tier: { type: "string" },
    status: { type: ["active", "retired"] as const, required: true, default: "active" },
    /** Maintained in the transactions that add, move and retire children: a node with active children cannot retire. */
    activeChildren: { type: "number", required: true, default: 0 },
    retiredAt: { type: "string" },
    /** Set while the node is being moved (the new parent's id): writes of paths under it are refused until the move ends. */
    moving: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byId: { pk: tenantPk("pk"), sk: sortKey("sk", "NODE#${nodeId}", ["nodeId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#TREE"), sk: sortKey("gsi1sk", "${path}", ["path"]) },
    /** The node itself heads its organisation view (see db/key-templates.ts). */
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("NODE", []) },
  },
});

// Access patterns
// - get a node by id: byId
// - a node's subtree, in path order (parents before children): bySubtree begins_with(path)
// - a node with all its organisation data, for compliance: nodeView (one Query, see organisation/node-data.ts)

declare module "../db/service.ts" {
  interface Entities {
    node: typeof NodeEntity;
  }
}
registerEntities({ node: NodeEntity });
