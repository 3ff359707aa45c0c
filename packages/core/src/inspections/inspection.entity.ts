import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A task to inspect: a venue's once-per-period coverage visit (`coverage`,
 * subject = the venue), a responsible node's patrol of the period
 * (`patrol`, subject = the node), a visit of a venue's patrol plan
 * (`plan`, subject = the venue, category = the profile's patrol_plan policy,
 * period = one of the plan's own frequency), or a venue's visit in a campaign
 * (`campaign`, subject = the venue, category = the campaign's id, which no
 * profile category id can be: see campaigns/). The key is deterministic
 * (subject, category, period), so the daily job creating it twice creates it once.
 */
export const InspectionTaskEntity = new Entity({
  model: { entity: "inspectionTask", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    category: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    kind: { type: ["coverage", "patrol", "campaign", "plan"] as const, required: true, readOnly: true },
    venueId: { type: "string" },
    venueName: { type: "string" },
    venuePath: { type: "string" },
    /** The node whose staff holding `responsibleRole` do the task. */
    nodeId: { type: "string", required: true },
    path: { type: "string", required: true },
    responsibleRole: { type: "string", required: true },
    /** The user who may perform the task (a patrol plan's named patroller, a drawn inspector, with `coAssigneeIds`); absent: whoever acts in `responsibleRole`. */
    assigneeId: { type: "string" },
    /** The assignee's display name when the task was made, so a list names them without reading users. */
    assigneeName: { type: "string" },
    dueAt: { type: "string", required: true },
    state: { type: ["open", "done"] as const, required: true, default: "open" },
    doneAt: { type: "string" },
    inspectionId: { type: "string" },
    inspections: { type: "number", required: true, default: 0 },
    createdAt: { type: "string", required: true, readOnly: true },
    /** A drawn spot check's second inspector(s): with `assigneeId`, the only users who may perform the task. */
    coAssigneeIds: { type: "list", items: { type: "string" } },
    /** A campaign task's title (the campaign's name); other tasks are named by their category in the profile. */
    title: { type: "map", properties: { zh: { type: "string" }, en: { type: "string" } }, readOnly: true },
    /** The top of the task's branch (its path's node below the root, or the root), derived from `path`: its partition in `byArea`. */
    area: { type: "string", watch: ["path"], set: (_v: unknown, item: { path?: string }) => areaOf(item.path ?? "") },
  },
  indexes: {
    byId: { pk: tenantPk("pk", "#TASK#${subjectId}", ["subjectId"]), sk: sortKey("sk", "${category}.${period}", ["category", "period"]) },
    byArea: { index: "gsi1", pk: tenantPk("gsi1pk", "#TASKS#${state}#${area}", ["state", "area"]), sk: sortKey("gsi1sk", "${dueAt}#${path}/#${subjectId}#${category}", ["dueAt", "path", "subjectId", "category"]) },
    byDue: { index: "gsi3", pk: tenantPk("gsi3pk", "#TASKS#${state}", ["state"]), sk: sortKey("gsi3sk", "${dueAt}#${path}/#${subjectId}#${category}", ["dueAt", "path", "subjectId", "category"]) },
    byPeriod: { index: "gsi2", pk: tenantPk("gsi2pk", "#TASKP#${category}#${period}", ["category", "period"]), sk: sortKey("gsi2sk", "${subjectId}", ["subjectId"]) },
  },
});

/** The area of a path: the id at depth 2 (a town under the county), or the root's for the root itself. */
export function areaOf(path: string): string {
  const ids = path.split("/").filter(Boolean);
  return ids[1] ?? ids[0] ?? "";
}

/** One finished visit to a venue: every applicable checklist item answered, and the hazards its failures raised. */
export const InspectionEntity = new Entity({
  model: { entity: "inspection", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    venueId: { type: "string", required: true, readOnly: true },
    inspectionId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    categories: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    taskIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    inspectorId: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", readOnly: true },
    finishedAt: { type: "string", required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    /** Where the inspector stood, WGS-84 (the phone's GPS), when the phone gave it. */
    lat: { type: "number", readOnly: true },
    lng: { type: "number", readOnly: true },
    /** [{ category, itemId, result, note?, photos[], hazardCode, hazardId? }] */
    items: { type: "any", required: true, readOnly: true },
    hazardIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    passed: { type: "number", required: true, readOnly: true },
    failed: { type: "number", required: true, readOnly: true },
    notApplicable: { type: "number", required: true, readOnly: true },
    profileVersion: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byVenue: { pk: tenantPk("pk", "#V#${venueId}", ["venueId"]), sk: sortKey("sk", "IN#${inspectionId}", ["inspectionId"]) },
    bySubtree: { index: "gsi1", pk: tenantPk("gsi1pk", "#INSPECTIONS"), sk: sortKey("gsi1sk", "${path}/#${inspectionId}", ["path", "inspectionId"]) },
  },
});

/**
 * Coverage of one node's subtree for one category and period: venues due
 * (a coverage task was set, or a visit came first) and venues inspected at
 * least once. Changed by ADD in the job's and the inspection's transactions.
 */
export const CoverageEntity = new Entity({
  model: { entity: "coverage", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    category: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true },
    /** `<category>#<period>`, repeated outside the key so that an update can place the item in byPeriod. */
    slice: { type: "string", required: true },
    due: { type: "number", required: true, default: 0 },
    inspected: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byNode: { pk: tenantPk("pk", "#COV#${nodeId}", ["nodeId"]), sk: sortKey("sk", "${category}#${period}", ["category", "period"]) },
    byPeriod: { index: "gsi2", pk: tenantPk("gsi2pk", "#COVP#${slice}", ["slice"]), sk: sortKey("gsi2sk", "${path}", ["path"]) },
  },
});

export const coverageSlice = (category: string, period: string) => `${category}#${period}`;

// Access patterns
// - a task by id (subject + category + period): InspectionTask.byId (GetItem)
// - a venue's tasks (dropped when it retires): InspectionTask.byId (Query the subject's partition)
// - the open (or done) tasks of a subtree, soonest due first (a venue task sits at the venue's path, a patrol task at the patrolling node's):
//   the root's: InspectionTask.byDue (the tenant's tasks of a state by due time); a node's below it:
//   InspectionTask.byArea (its area's tasks by due time), filtered to its subtree when it lies below its area's top
// - which subjects already have a task of a category and period (the daily job): InspectionTask.byPeriod
// - a venue's inspections, newest last: Inspection.byVenue begins_with(IN#) in the venue's partition
// - the inspections of a subtree: Inspection.bySubtree begins_with(<path>/)
// - a node's coverage, every category and period: Coverage.byNode (one Query)
// - every node's coverage of one category and period within a subtree: Coverage.byPeriod begins_with(<path>)

declare module "../db/service.ts" {
  interface Entities {
    inspectionTask: typeof InspectionTaskEntity;
    inspection: typeof InspectionEntity;
    coverage: typeof CoverageEntity;
  }
}
registerEntities({ inspectionTask: InspectionTaskEntity, inspection: InspectionEntity, coverage: CoverageEntity });
