import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A closed period of a scheme: every assessed node's card as it stood when
 * the period was closed (computed over the whole tree, ranks and lagging
 * flags included), gzipped JSON in `cards`. Written once (create), never
 * updated: later data does not change a closed period. `indicators` keeps
 * the scheme's indicators at closing, for the export's columns.
 */
export const AssessmentSnapshotEntity = new Entity({
  model: { entity: "assessmentSnapshot", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    schemeId: { type: "string", required: true, readOnly: true },
    /** First day of the period (YYYY-MM-DD). */
    period: { type: "string", required: true, readOnly: true },
    periodEnd: { type: "string", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
    evaluatedAt: { type: "string", required: true, readOnly: true },
    /** gzip(JSON of the cards), base64: a county's villages stay far below the 400 KB item limit. */
    cards: { type: "string", required: true, readOnly: true },
    closedAt: { type: "string", required: true, readOnly: true },
    closedBy: { type: "string", required: true, readOnly: true },
    closedByName: { type: "string", readOnly: true },
  },
  indexes: {
    byScheme: { pk: tenantPk("pk", "#ASMS#${schemeId}", ["schemeId"]), sk: sortKey("sk", "${period}", ["period"]) },
  },
});

/**
 * How many times the assessor's scores of a scheme's period have changed:
 * every score write adds one in its own transaction, and a close checks the
 * count it computed from is still the count when it writes the snapshot, so
 * a score entered while a close computes is never left out of it.
 */
export const AssessmentScoreRevisionEntity = new Entity({
  model: { entity: "assessmentScoreRevision", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    schemeId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    revision: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byPeriod: { pk: tenantPk("pk", "#ASMR#${schemeId}", ["schemeId"]), sk: sortKey("sk", "${period}", ["period"]) },
  },
});

// Access patterns
// - one closed period (read, close, the score guard): byScheme get
// - a scheme's closed periods: byScheme (one Query)
// - a period's score revision (close's guard against a score racing it): byPeriod get

declare module "../db/service.ts" {
  interface Entities {
    assessmentSnapshot: typeof AssessmentSnapshotEntity;
    assessmentScoreRevision: typeof AssessmentScoreRevisionEntity;
  }
}
registerEntities({ assessmentSnapshot: AssessmentSnapshotEntity, assessmentScoreRevision: AssessmentScoreRevisionEntity });
