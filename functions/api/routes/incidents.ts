import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Incidents } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, spreadsheetContent, writeErrors } from "./helpers.ts";

// 火灾事故: the incident register of a subtree, one incident with its
// accountability review and the nearest forces, and the ledger as xlsx.

const authed = signedIn("incidents");
const Params = z.object({ incidentId: pathParam("incidentId") });

const routes = {
  list: createRoute({
    method: "get", path: "/v1/incidents", summary: "火灾事故 / Fire incidents of your area", ...authed,
    request: { query: Incidents.ListIncidentsInput },
    responses: { 200: json(Incidents.IncidentPageSchema, "In path order, newest first within a node"), ...readErrors },
  }),
  create: createRoute({
    method: "post", path: "/v1/incidents", summary: "登记火灾事故 / Record a fire incident", ...authed,
    description: "At a venue (its node and location come from the venue) or at a node with a location. Forces are brigades of the county; an early-fire save is a micro station's. With an Idempotency-Key, a retry answers the first record.",
    request: { headers: IdempotencyHeader, body: body(Incidents.CreateIncidentInput) },
    responses: { 201: json(Incidents.IncidentViewSchema, "Recorded"), ...writeErrors },
  }),
  nearest: createRoute({
    method: "get", path: "/v1/nearest-forces", summary: "火警派警 / The county's forces nearest a point", ...authed,
    description: "Active brigades with a recorded position, nearest first by straight-line (great-circle) distance: a suggestion for the officer on duty, not a road route.",
    request: { query: Incidents.NearestForcesInput },
    responses: { 200: json(Incidents.NearestForcesSchema, "Nearest first"), ...readErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/incidents/{incidentId}", summary: "火灾事故与倒查 / An incident with its venue's past-year record and the nearest forces", ...authed,
    description: "The venue's inspections and hazards within the review window before the fire (profile.incidents.reviewWindowMonths, 12 months by default): which hazards went overdue, are still overdue, or were closed late; the accountability clauses of the profile; the nearest forces.",
    request: { params: Params },
    responses: { 200: json(Incidents.IncidentDetailSchema, "The incident, its review and the nearest forces"), ...readErrors },
  }),
  update: createRoute({
    method: "patch", path: "/v1/incidents/{incidentId}", summary: "修改火灾事故 / Edit or close an incident", ...authed,
    description: "Conditioned on the version read: a write over a newer version answers 409.",
    request: { params: Params, body: body(Incidents.UpdateIncidentInput) },
    responses: { 200: json(Incidents.IncidentViewSchema, "Edited"), ...writeErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/export/incidents", summary: "导出火灾事故台账 / Export the incident ledger", ...authed,
    request: { query: Incidents.ExportIncidentsInput },
    responses: { 200: { description: "The ledger file, Chinese headers", content: spreadsheetContent }, ...readErrors },
  }),
};

export function incidentRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Incidents.listIncidents(c.req.valid("query")), 200))
    .openapi(routes.create, async (c) => c.json(await Incidents.createIncident(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.nearest, async (c) => c.json(await Incidents.suggestForces(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await Incidents.getIncident(c.req.valid("param")), 200))
    .openapi(routes.update, async (c) => c.json(await Incidents.updateIncident(c.req.valid("json"), c.req.valid("param").incidentId), 200))
    .openapi(routes.export, async (c) => download(c, await Incidents.exportIncidents(c.req.valid("query")), "火灾事故台账"));
}
