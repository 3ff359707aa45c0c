import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A score the assessor entered for one indicator of one assessed node in one
 * period of a scheme (a manual indicator, or an override of a computed one),
 * with the note that justifies it. The scheme's period is named by its first
 * day; the node by id, so the score follows the node through moves.
 */
export const AssessmentScoreEntity = new Entity({
  model: { entity: "assessmentScore", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    schemeId: { type: "string", required: true, readOnly: true },
    /** First day of the period (YYYY-MM-DD). */
    period: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    indicatorId: { type: "string", required: true, readOnly: true },
    score: { type: "number", required: true },
    note: { type: "string", required: true },
    /** Files the assessor attached (keys under the tenant's assessment prefix). */
    attachments: { type: "list", items: { type: "string" } },
    enteredBy: { type: "string", required: true },
    enteredByName: { type: "string" },
    enteredAt: { type: "string", required: true },
  },
  indexes: {
    byPeriod: { pk: tenantPk("pk", "#ASMT#${schemeId}#${period}", ["schemeId", "period"]), sk: sortKey("sk", "${nodeId}#${indicatorId}", ["nodeId", "indicatorId"]) },
  },
});

// Access patterns
// - every score of a scheme's period (the scorecards): byPeriod (one Query)
// - one score (enter, replace): byPeriod get

declare module "../db/service.ts" {
  interface Entities {
    assessmentScore: typeof AssessmentScoreEntity;
  }
}
registerEntities({ assessmentScore: AssessmentScoreEntity });
