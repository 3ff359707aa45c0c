// Inspections: tasks from the daily job, checklists, visits, coverage.
import type { Checklist, CoverageRow, FinishInspectionInput, Inspection, InspectionTask } from "@firegov/core/contract";
import { idempotent, json, post, queryString, type Page } from "./http.ts";
import { venuePath } from "./venues.ts";

export function listInspectionTasks(params: { nodeId?: string; state?: InspectionTask["state"]; cursor?: string; limit?: number } = {}): Promise<Page<InspectionTask>> {
  return json(`/v1/inspection-tasks${queryString(params)}`);
}

export function openInspectionTask(taskId: string): Promise<{ task: InspectionTask; checklist?: Checklist }> {
  return json(`/v1/inspection-tasks/${encodeURIComponent(taskId)}`);
}

export function getChecklist(venueId: string): Promise<Checklist> {
  return json(`${venuePath(venueId)}/checklist`);
}

export function finishInspection(venueId: string, input: FinishInspectionInput, idempotencyKey: string): Promise<Inspection> {
  return json(`${venuePath(venueId)}/inspections`, post(input, idempotent(idempotencyKey)));
}

export function listVenueInspections(venueId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<Inspection>> {
  return json(`${venuePath(venueId)}/inspections${queryString(params)}`);
}

export function getNodeCoverage(nodeId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<CoverageRow>> {
  return json(`/v1/coverage/nodes/${encodeURIComponent(nodeId)}${queryString(params)}`);
}

export function getCoverageByPeriod(params: { category: string; period: string; nodeId?: string; cursor?: string; limit?: number }): Promise<Page<CoverageRow>> {
  return json(`/v1/coverage${queryString(params)}`);
}
