import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";
import { nodePk } from "../db/key-templates.ts";

/**
 * The maintained roll-up of one town: how many findings of each status its
 * nodes (the town and everything under it) had when last evaluated, by which
 * profile version. Written by the refresh use case (and its job); read by the
 * roll-up in one Query of `byRollup`. `path` follows the town through moves.
 */
export const ComplianceSummaryEntity = new Entity({
  model: { entity: "complianceSummary", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    name: { type: "string", required: true },
    met: { type: "number", required: true },
    unmet: { type: "number", required: true },
    dueSoon: { type: "number", required: true },
    overdue: { type: "number", required: true },
    notApplicable: { type: "number", required: true },
    nodesEvaluated: { type: "number", required: true },
    profileVersion: { type: "number", required: true },
    evaluatedAt: { type: "string", required: true },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "SUMMARY", []) },
    byRollup: { index: "gsi3", pk: tenantPk("gsi3pk", "#ROLLUP"), sk: sortKey("gsi3sk", "${path}", ["path"]) },
  },
});

// Access patterns
// - a town's summary (write on refresh): byNode
// - the towns under a node with their counts, in path order: byRollup begins_with(path)

declare module "../db/service.ts" {
  interface Entities {
    complianceSummary: typeof ComplianceSummaryEntity;
  }
}
registerEntities({ complianceSummary: ComplianceSummaryEntity });
