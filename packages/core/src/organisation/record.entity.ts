import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey } from "../db/key-templates.ts";
import { nodePk, viewDated } from "../db/key-templates.ts";

const attendee = { type: "map", properties: { personId: { type: "string", required: true }, nodeId: { type: "string", required: true } } } as const;

/**
 * An obligation carried out at a node: a meeting, training, drill, publicity
 * activity … with the fields of its kind. `obligationId` names the profile
 * obligation it fulfils; without it the record counts for every obligation
 * of its kind. Ids sort by creation, so a node's records list newest first.
 */
export const ObligationRecordEntity = new Entity({
  model: { entity: "obligationRecord", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true, readOnly: true },
    obligationId: { type: "string" },
    /** duty_report: the profile responsibility (履职事项) whose performance it reports. */
    responsibilityId: { type: "string" },
    /** The day it took place (YYYY-MM-DD, tenant's calendar). */
    date: { type: "string", required: true },
    title: { type: "string" },
    note: { type: "string" },
    attendees: { type: "list", items: attendee, required: true, default: () => [] },
    // meeting
    chairPersonId: { type: "string" },
    topics: { type: "list", items: { type: "string" } },
    minutes: { type: "string" },
    workNotices: { type: "list", items: { type: "string" } },
    /** Who the work notices were sent to when the meeting was saved (organisation/work-notices.ts), and their due date. */
    noticeTo: { type: "map", properties: { userIds: { type: "list", items: { type: "string" } }, bodyIds: { type: "list", items: { type: "string" } } } },
    noticeDue: { type: "string" },
    // training
    course: { type: "string" },
    hours: { type: "number" },
    // drill
    drillType: { type: "string" },
    participantCount: { type: "number" },
    // publicity
    target: { type: "string" },
    campaign: { type: "string" },
    audienceCount: { type: "number" },
    // ledger_report
    /** The month reported (YYYY-MM). */
    ledgerMonth: { type: "string" },
    /** Counts by hazard state for that month (LEDGER_STATES). */
    ledgerCounts: { type: "map", properties: { discovered: { type: "number" }, closed: { type: "number" } } },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "REC#${recordId}", ["recordId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewDated("REC#${recordId}", ["recordId"]) },
  },
});

/**
 * That a person attended a training (or meeting), kept in the person's own
 * node partition so that their node's view counts trainings per person per
 * period without reading the organiser's node. Written with the record.
 */
export const AttendanceEntity = new Entity({
  model: { entity: "attendance", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The attendee's node. */
    nodeId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    recordNodeId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true, readOnly: true },
    obligationId: { type: "string" },
    date: { type: "string", required: true },
  },
  indexes: {
    byNode: { pk: nodePk("pk"), sk: sortKey("sk", "ATT#${recordId}#${personId}", ["recordId", "personId"]) },
    nodeView: { index: "gsi2", pk: nodePk("gsi2pk"), sk: viewDated("ATT#${recordId}#${personId}", ["recordId", "personId"]) },
  },
});

// Access patterns
// - a record by node and id (get, edit): obligationRecord.byNode
// - a node's records, newest first (paginated): obligationRecord.byNode begins_with(REC#) descending
// - records and attendance of a node since a date, for compliance: nodeView gsi2sk >= D#<date>

declare module "../db/service.ts" {
  interface Entities {
    obligationRecord: typeof ObligationRecordEntity;
    attendance: typeof AttendanceEntity;
  }
}
registerEntities({ obligationRecord: ObligationRecordEntity, attendance: AttendanceEntity });
