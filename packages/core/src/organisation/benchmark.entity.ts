import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { nodePk, sortKey } from "../db/key-templates.ts";

/**
 * A published local statistic a rule is measured against, by year, entered
 * at a node (usually the county or city): so far the average wage of urban
 * non-private employees (城镇非私营单位在岗职工平均工资), which full-time
 * firefighters' pay may not fall below. A node uses the figure entered at
 * itself or at its nearest ancestor.
 */
export const WageBenchmarkEntity = new Entity({
  model: { entity: "wageBenchmark", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    /** The statistical year the figure is of. */
    year: { type: "number", required: true, readOnly: true },
    /** Yuan per year. */
    amount: { type: "number", required: true },
    /** Where it was published (统计公报 …). */
    source: { type: "string" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "BENCH#WAGE#${year}", ["year"]) },
  },
});

// Access patterns
// - a node's figures, by year (list, set): byNode begins_with(BENCH#WAGE#)
// - the figure of a year for a node and its ancestors, for compliance: BatchGet of byNode keys along the path

declare module "../db/service.ts" {
  interface Entities {
    wageBenchmark: typeof WageBenchmarkEntity;
  }
}
registerEntities({ wageBenchmark: WageBenchmarkEntity });
