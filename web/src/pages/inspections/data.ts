import { action, query } from "@solidjs/router";
import type { Checklist, FinishInspectionInput, InspectionTask, PatrolPlanInput, SafetyEvaluationInput, UpdateVenueInput, User, VenueListFilter } from "@firegov/core/contract";
import { finishInspection, getChecklist, getCoverageByPeriod, getNodeCoverage, listInspectionTasks, listVenueInspections, openInspectionTask } from "../../api/inspections.ts";
import { getVenue, listVenues, recordSafetyEvaluation, setPatrolPlan, updateVenue, venueHistory } from "../../api/venues.ts";
import { listUsers } from "../../api/users.ts";
import { warmFieldCache } from "../../offline/warm-cache.ts";

/** The open tasks of my subtree, every page, soonest due first: the API sends them in due order. */
export const openTasks = query(async (_opened: number) => {
  const tasks: InspectionTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInspectionTasks({ state: "open", cursor, limit: 200 });
    tasks.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && tasks.length < 1000);
  void warmFieldCache(tasks); // for the day offline
  return tasks;
}, "inspection-tasks");

/** The checklist to fill: the task's (with the task) when one was opened, else the venue's own. */
export const checklistFor = query(async (venueId: string, taskId: string | undefined): Promise<Checklist> => {
  if (taskId) {
    const opened = await openInspectionTask(taskId);
    if (opened.checklist) return { ...opened.checklist, task: opened.task };
  }
  return getChecklist(venueId);
}, "inspection-checklist");

export const finishAction = action((venueId: string, input: FinishInspectionInput, key: string) => finishInspection(venueId, input, key), "inspection-finish");

export const venueById = query((venueId: string) => getVenue(venueId), "venue");
export const venueInspections = query((venueId: string) => listVenueInspections(venueId, { limit: 100 }), "venue-inspections");
export const venueEvents = query((venueId: string) => venueHistory(venueId, { limit: 100 }), "venue-history");
export const venuePage = query((cursor: string | undefined, _opened: number, filter: VenueListFilter = {}) => listVenues({ ...filter, cursor, limit: 200 }), "venues");
export const updateVenueAction = action((venueId: string, input: UpdateVenueInput & { version: number }) => updateVenue(venueId, input), "venue-update");
/** The users I may name as a patroller (the form keeps those who may inspect at the venue), every page up to 1000. */
export const planUsers = query(async () => {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ cursor, limit: 100 });
    users.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && users.length < 1000);
  return users;
}, "plan-users");
export const patrolPlanAction = action((venueId: string, input: PatrolPlanInput) => setPatrolPlan(venueId, input), "venue-patrol-plan");
export const evaluateVenueAction = action((venueId: string, input: SafetyEvaluationInput, idempotencyKey: string) => recordSafetyEvaluation(venueId, input, idempotencyKey), "venue-evaluate");

export const nodeCoverage = query((nodeId: string) => getNodeCoverage(nodeId, { limit: 200 }), "coverage-node");
export const periodCoverage = query((params: { category: string; period: string; nodeId?: string }) => getCoverageByPeriod({ ...params, limit: 200 }), "coverage-period");
