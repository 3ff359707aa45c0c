import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Hazards } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn } from "./helpers.ts";

const authed = signedIn("hazards");
const HazardParams = z.object({ hazardId: pathParam("hazardId") });
const page = (description: string) => json(Hazards.SummaryPageSchema, description);
const listErrors = { 400: errors[400], 401: errors[401], 403: errors[403] };

const conflict = {
  ...errors[409],
  description:
    "The state does not allow the action, or someone changed the hazard first; `errors` carries `current.state` and `current.version`",
};

const routes = {
  photoUpload: createRoute({
    method: "post", path: "/v1/hazards/photos", summary: "上传隐患照片 / A presigned upload for a hazard photo", ...authed,
    description: "PUT the photo to `uploadUrl` with exactly the headers given (JPEG, PNG or WebP, at most 10 MB); with `thumb` asked for, PUT the thumbnail (JPEG, at most 256 KB) to `thumb.uploadUrl` too; then send `key` in `photos` of a report or an action.",
    request: { body: body(Hazards.presignHazardPhotoUpload.schema) },
    responses: { 201: json(Hazards.PhotoUploadSchema, "Where to upload"), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  photo: createRoute({
    method: "get", path: "/v1/hazards/{hazardId}/photo", summary: "查看隐患照片 / A short-lived link to one of the hazard's photos", ...authed,
    request: { params: HazardParams, query: Hazards.HazardPhotoQuery },
    responses: { 200: json(Hazards.PhotoUrlSchema, "A short-lived link"), ...readErrors },
  }),
  create: createRoute({
    method: "post", path: "/v1/hazards", summary: "上报隐患 / Report a hazard", ...authed,
    description: "Deadline and handler come from the profile in effect, by severity. The same code at the same venue found again within the profile's reopen window reopens the closed hazard (200, `reopened: true`).",
    request: { headers: IdempotencyHeader, body: body(Hazards.CreateHazardInput) },
    responses: { 201: json(Hazards.CreatedSchema, "Created"), 200: json(Hazards.CreatedSchema, "A closed hazard reopened"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
  }),
  byState: createRoute({
    method: "get", path: "/v1/hazards", summary: "按辖区和状态 / By subtree and state", ...authed,
    request: { query: Hazards.ListByStateInput },
    responses: { 200: page("Hazards of a subtree in a state (default: all open), in path order"), ...listErrors },
  }),
  assigned: createRoute({
    method: "get", path: "/v1/hazards/assigned", summary: "承办的隐患 / Assigned to a user", ...authed,
    request: { query: Hazards.ListAssignedInput },
    responses: { 200: page("Open hazards assigned to the user (default: you), within your subtree"), ...listErrors },
  }),
  byVenue: createRoute({
    method: "get", path: "/v1/hazards/by-venue", summary: "按场所 / By venue", ...authed,
    request: { query: Hazards.ListByVenueInput },
    responses: { 200: page("A venue's hazards, newest first, within your subtree"), ...listErrors },
  }),
  overdue: createRoute({
    method: "get", path: "/v1/hazards/overdue", summary: "逾期隐患 / Overdue", ...authed,
    request: { query: Hazards.ListWithinInput },
    responses: { 200: page("Open hazards found past their deadline"), ...listErrors },
  }),
  listed: createRoute({
    method: "get", path: "/v1/hazards/listed", summary: "挂牌督办 / Under listed supervision", ...authed,
    request: { query: Hazards.ListWithinInput },
    responses: { 200: page("Open hazards listed at any level"), ...listErrors },
  }),
  awaitingAck: createRoute({
    method: "get", path: "/v1/hazards/awaiting-ack", summary: "待部门报到 / Awaiting a department's acknowledgement", ...authed,
    request: { query: Hazards.ListAwaitingAckInput },
    responses: { 200: page("Hazards reported to the body and not yet acknowledged, earliest due first per node"), ...listErrors },
  }),
  bySource: createRoute({
    method: "get", path: "/v1/hazards/by-source", summary: "按来源 / By source", ...authed,
    request: { query: Hazards.ListBySourceInput },
    responses: { 200: page("A subtree's hazards from one source, all states"), ...listErrors },
  }),
  counters: createRoute({
    method: "get", path: "/v1/hazards/counters", summary: "统计 / Counters of a subtree", ...authed,
    request: { query: Hazards.CountersInput },
    responses: { 200: json(Hazards.CountersSchema, "Open by state and severity, overdue, closed per month, time to close"), ...listErrors },
  }),
  search: createRoute({
    method: "get", path: "/v1/hazards/search", summary: "隐患筛选与排序 / Search the board", ...authed,
    description: "Filters (state, severity, code, node subtree, overdue, source, reported from/to, mine = reported by or assigned to me) and a sort (reported, deadline, severity), with a cursor. Reads the narrowest list the filters name; see `truncated`.",
    request: { query: Hazards.SearchHazardsInput },
    responses: { 200: json(Hazards.SearchPageSchema, "One page of the sorted matches"), ...listErrors },
  }),
  bulk: createRoute({
    method: "post", path: "/v1/hazards/bulk", summary: "批量立案、派遣、指派 / Act on many hazards", ...authed,
    description: "register, dispatch or assign (dispatch to a named person) up to 100 hazards, each in its own transaction with its expected version; the answer lists what succeeded, what was stale and what was refused with the reason. A retry with the same Idempotency-Key answers the same summary.",
    request: { headers: IdempotencyHeader, body: body(Hazards.BulkActionInput) },
    responses: { 200: json(Hazards.BulkResultSchema, "What happened to each hazard"), 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409] },
  }),
  get: createRoute({
    method: "get", path: "/v1/hazards/{hazardId}", summary: "隐患详情与处置记录 / A hazard and its timeline", ...authed,
    request: { params: HazardParams, query: Hazards.TimelineInput },
    responses: { 200: json(Hazards.TimelineSchema, "The hazard and its events in order"), ...readErrors },
  }),
  act: createRoute({
    method: "post", path: "/v1/hazards/{hazardId}/transitions", summary: "办理 / Act on a hazard", ...authed,
    description:
      "One action per request: the loop (register, dispatch, start, submit, close, reject, fix_on_spot, withdraw, reopen) or the overlay (acknowledge, escalate, assess, list, delist). Who may take each is decided by role, scope and the profile's routing.",
    request: { headers: IdempotencyHeader, params: HazardParams, body: body(Hazards.ActionInput) },
    responses: { 200: json(Hazards.HazardViewSchema, "The hazard after the action"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
  }),
};

export function hazardRoutes() {
  // The fixed paths first: `/v1/hazards/overdue` is a list, not a hazard called "overdue".
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.create, async (c) => {
      const created = await Hazards.createHazard(c.req.valid("json"), idempotency(c));
      return created.reopened ? c.json(created, 200) : c.json(created, 201);
    })
    .openapi(routes.photoUpload, async (c) => c.json(await Hazards.presignHazardPhotoUpload(c.req.valid("json")), 201))
    .openapi(routes.photo, async (c) => c.json(await Hazards.hazardPhotoUrl(c.req.valid("param").hazardId, c.req.valid("query").key, c.req.valid("query").variant), 200))
    .openapi(routes.search, async (c) => c.json(await Hazards.searchHazards(c.req.valid("query")), 200))
    .openapi(routes.bulk, async (c) => c.json(await Hazards.bulkAct(c.req.valid("json"), idempotency(c)), 200))
    .openapi(routes.byState, async (c) => c.json(await Hazards.listByState(c.req.valid("query")), 200))
    .openapi(routes.assigned, async (c) => c.json(await Hazards.listAssigned(c.req.valid("query")), 200))
    .openapi(routes.byVenue, async (c) => c.json(await Hazards.listByVenue(c.req.valid("query")), 200))
    .openapi(routes.overdue, async (c) => c.json(await Hazards.listOverdue(c.req.valid("query")), 200))
    .openapi(routes.listed, async (c) => c.json(await Hazards.listListed(c.req.valid("query")), 200))
    .openapi(routes.awaitingAck, async (c) => c.json(await Hazards.listAwaitingAck(c.req.valid("query")), 200))
    .openapi(routes.bySource, async (c) => c.json(await Hazards.listBySource(c.req.valid("query")), 200))
    .openapi(routes.counters, async (c) => c.json(await Hazards.getCounters(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await Hazards.getTimeline(c.req.valid("query"), c.req.valid("param").hazardId), 200))
    .openapi(routes.act, async (c) => c.json(await Hazards.actOnHazard(c.req.valid("json"), c.req.valid("param").hazardId, idempotency(c)), 200));
}
