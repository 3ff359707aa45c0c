import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";
import { nodePk, viewStatic } from "../db/key-templates.ts";

/**
 * A member of staff recorded at a node: how they are employed, which body of
 * the node they work in, the profile roles and composition positions they
 * hold, and optionally the user account they sign in with. Phone and ID
 * number are personal data (masked for most readers, see people.ts).
 * `path` is the node's path, kept for subtree lists and rewritten on moves.
 */
export const PersonEntity = new Entity({
  model: { entity: "person", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    name: { type: "string", required: true },
    employment: { type: "string", required: true },
    /** For seconded staff: the profile body that seconds or names them (fire service, police station). */
    secondedFrom: { type: "string" },
    /** The profile body of this node they work in (office, station, brigade ...). */
    bodyId: { type: "string" },
    roles: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    positions: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    phone: { type: "string" },
    idNumber: { type: "string" },
    userId: { type: "string" },
    /** The day they took up this post (入职); for a full-time firefighter, the start of continuous service. */
    hiredOn: { type: "string" },
    /** The day of their latest change of post (转岗). */
    jobChangedOn: { type: "string" },
    /** Gross pay per year in yuan (工资), for pay floors; personal data. */
    annualPay: { type: "number" },
    /** The day they left (with status `left`), and whether on retirement. */
    leftOn: { type: "string" },
    leftFor: { type: ["retirement", "other"] as const },
    /** The day the long-service benefit on leaving was granted (补助, 推荐就业). */
    longServiceBenefitOn: { type: "string" },
    status: { type: ["active", "left"] as const, required: true, default: "active" },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "P#${personId}", ["personId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewStatic("P#${personId}", ["personId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#PEOPLE"), sk: sortKey("gsi1sk", "${path}#${personId}", ["path", "personId"]) },
  },
});

// Access patterns
// - a person by node and id (get, edit): byNode
// - the people of one node (paginated): byNode begins_with(P#)
// - the people of a subtree, in path order (paginated): bySubtree begins_with(path)
// - a node's organisation for compliance: nodeView (with the node's other items)

declare module "../db/service.ts" {
  interface Entities {
    person: typeof PersonEntity;
  }
}
registerEntities({ person: PersonEntity });
