import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Inspections } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("inspections");
const VenueParams = z.object({ venueId: pathParam("venueId") });
const InspectionParams = z.object({ venueId: pathParam("venueId"), inspectionId: pathParam("inspectionId") });
const TaskParams = z.object({ taskId: pathParam("taskId", 200) });
const NodeParams = z.object({ nodeId: pathParam("nodeId") });
const OpenedTask = z.object({ task: Inspections.TaskViewSchema, checklist: Inspections.ChecklistViewSchema.optional() }).openapi("OpenedTask");

const routes = {
  checklist: createRoute({
    method: "get", path: "/v1/venues/{venueId}/checklist", summary: "检查表 / The checklists of a visit (ad hoc start)", ...authed,
    request: { params: VenueParams },
    responses: { 200: json(Inspections.ChecklistViewSchema, "Every item of the venue's categories and those they include"), ...readErrors },
  }),
  finish: createRoute({
    method: "post", path: "/v1/venues/{venueId}/inspections", summary: "完成检查 / Record a finished inspection", ...authed,
    description: "One transaction: the inspection, the tasks it settles, coverage counters, and one hazard per failed item (refused with 400 when the failures do not fit).",
    request: { params: VenueParams, headers: IdempotencyHeader, body: body(Inspections.FinishInspectionInput) },
    responses: { 201: json(Inspections.InspectionViewSchema, "Recorded, with the hazards raised"), ...writeErrors },
  }),
  evaluate: createRoute({
    method: "post", path: "/v1/venues/{venueId}/safety-evaluations", summary: "安全评估 / Record a venue's safety evaluation", ...authed,
    description: "For a venue the profile's safety_evaluation policy matches. Failed: the venue must not operate and a hazard of the policy's code is raised, in one transaction; passed: the status is cleared.",
    request: { params: VenueParams, headers: IdempotencyHeader, body: body(Inspections.SafetyEvaluationInput) },
    responses: { 201: json(Inspections.EvaluationResultSchema, "Recorded: the venue, the evaluation and the hazard raised"), ...writeErrors },
  }),
  list: createRoute({
    method: "get", path: "/v1/venues/{venueId}/inspections", summary: "检查记录 / A venue's inspections", ...authed,
    request: { params: VenueParams, query: Inspections.PageInput },
    responses: { 200: json(Inspections.InspectionPageSchema, "Oldest first"), ...readErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/venues/{venueId}/inspections/{inspectionId}", summary: "检查详情 / An inspection", ...authed,
    request: { params: InspectionParams },
    responses: { 200: json(Inspections.InspectionViewSchema, "The inspection"), ...readErrors },
  }),
  tasks: createRoute({
    method: "get", path: "/v1/inspection-tasks", summary: "检查任务 / Tasks of staff in a subtree", ...authed,
    request: { query: Inspections.ListTasksInput },
    responses: { 200: json(Inspections.TaskPageSchema, "A page in path order"), ...readErrors },
  }),
  task: createRoute({
    method: "get", path: "/v1/inspection-tasks/{taskId}", summary: "打开任务 / Open a task", ...authed,
    request: { params: TaskParams },
    responses: { 200: json(OpenedTask, "The task, with its venue's checklists"), ...readErrors },
  }),
  coverage: createRoute({
    method: "get", path: "/v1/coverage/nodes/{nodeId}", summary: "检查覆盖率 / A node's coverage by category and period", ...authed,
    request: { params: NodeParams, query: Inspections.CoverageInput },
    responses: { 200: json(Inspections.CoverageViewSchema, "Due, inspected and per cent, newest period first"), ...readErrors },
  }),
  coverageByPeriod: createRoute({
    method: "get", path: "/v1/coverage", summary: "辖区覆盖率 / Every node's coverage of one category and period", ...authed,
    request: { query: Inspections.CoverageByPeriodInput },
    responses: { 200: json(Inspections.CoverageViewSchema, "Nodes of the subtree in path order"), ...readErrors },
  }),
};

export function inspectionRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.checklist, async (c) => c.json(await Inspections.getChecklist({}, c.req.valid("param").venueId), 200))
    .openapi(routes.finish, async (c) => c.json(await Inspections.finishInspection(c.req.valid("json"), c.req.valid("param").venueId, idempotency(c)), 201))
    .openapi(routes.evaluate, async (c) => c.json(await Inspections.recordSafetyEvaluation(c.req.valid("json"), c.req.valid("param").venueId, idempotency(c)), 201))
    .openapi(routes.list, async (c) => c.json(await Inspections.listVenueInspections(c.req.valid("query"), c.req.valid("param").venueId), 200))
    .openapi(routes.get, async (c) => c.json(await Inspections.getInspection(c.req.valid("param")), 200))
    .openapi(routes.tasks, async (c) => c.json(await Inspections.listTasks(c.req.valid("query")), 200))
    .openapi(routes.task, async (c) => c.json(await Inspections.getTask({}, c.req.valid("param").taskId), 200))
    .openapi(routes.coverage, async (c) => c.json(await Inspections.getCoverage(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.coverageByPeriod, async (c) => c.json(await Inspections.coverageByPeriod(c.req.valid("query")), 200));
}
