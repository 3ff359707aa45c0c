import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * One draw of a random spot check (双随机、一公开) for one rule and period,
 * immutable once made: its seed and algorithm, the pools it drew from (ids,
 * sorted: what reproducing it needs), who drew it and when, and what it drew
 * (each venue with its inspectors and the task made for them). The key is
 * (rule, period), so a second draw of the same period cannot be written.
 */
export const SpotCheckDrawEntity = new Entity({
  model: { entity: "spotCheckDraw", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    ruleId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    /** The inspection category the drawn tasks carry. */
    category: { type: "string", required: true, readOnly: true },
    periodStart: { type: "string", required: true, readOnly: true },
    periodEnd: { type: "string", required: true, readOnly: true },
    dueAt: { type: "string", required: true, readOnly: true },
    seed: { type: "string", required: true, readOnly: true },
    algorithm: { type: "string", required: true, readOnly: true },
    drawnAt: { type: "string", required: true, readOnly: true },
    drawnBy: { type: "string", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
    inspectorsPerVenue: { type: "number", required: true, readOnly: true },
    /** The pools' ids, sorted: the draw's inputs. */
    venuePool: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    inspectorPool: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** [{ venueId, venueName, inspectorIds, inspectorNames, taskId }] in draw order. */
    picks: { type: "any", required: true, readOnly: true },
  },
  indexes: {
    byRulePeriod: { pk: tenantPk("pk", "#DRAWS"), sk: sortKey("sk", "${ruleId}#${period}", ["ruleId", "period"]) },
  },
});

// Access patterns
// - a draw by rule and period (also: refuse a second one): SpotCheckDraw.byRulePeriod (GetItem / create's condition)
// - the tenant's draws, newest period first per rule: SpotCheckDraw.byRulePeriod (Query the tenant's #DRAWS partition, descending)

declare module "../db/service.ts" {
  interface Entities {
    spotCheckDraw: typeof SpotCheckDrawEntity;
  }
}
registerEntities({ spotCheckDraw: SpotCheckDrawEntity });
