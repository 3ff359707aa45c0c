import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Venues } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, idempotency, IdempotencyHeader, importBody, importQuery, json, pathParam, readErrors, signedIn, spreadsheetContent, uploadBytes, writeErrors } from "./helpers.ts";

const authed = signedIn("venues");
const VenueParams = z.object({ venueId: pathParam("venueId") });
const ImportParams = z.object({ importId: z.uuid().openapi({ param: { name: "importId", in: "path" } }) });

const ImportQuery = importQuery(Venues.ImportMode, "The node the names in 所在网格 are relative to (default: your scope node)").extend({
  importId: z.uuid().optional().openapi({ description: "Your id for this import, to poll its progress at /v1/venue-imports/{importId}" }),
});

const routes = {
  list: createRoute({
    method: "get", path: "/v1/venues", summary: "场所列表 / Venues of a subtree", ...authed,
    request: { query: Venues.ListVenuesInput },
    responses: { 200: json(Venues.VenuePageSchema, "A page in path order"), ...readErrors },
  }),
  create: createRoute({
    method: "post", path: "/v1/venues", summary: "登记场所 / Register a venue", ...authed,
    description: "The supervising body and the inspection categories are derived from the profile in force, never sent.",
    request: { headers: IdempotencyHeader, body: body(Venues.CreateVenueInput) },
    responses: { 201: json(Venues.VenueViewSchema, "Registered and classified"), ...writeErrors },
  }),
  evaluationFindings: createRoute({
    method: "get", path: "/v1/venue-evaluations", summary: "安全评估缺失或未通过 / Venues needing a safety evaluation", ...authed,
    description: "Venues of a subtree the profile's safety_evaluation policy matches whose evaluation is missing or failed, in path order.",
    request: { query: Venues.EvaluationFindingsInput },
    responses: { 200: json(Venues.EvaluationFindingPageSchema, "A page of findings"), ...readErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/venues/{venueId}", summary: "场所详情 / A venue", ...authed,
    request: { params: VenueParams },
    responses: { 200: json(Venues.VenueViewSchema, "The venue"), ...readErrors },
  }),
  update: createRoute({
    method: "patch", path: "/v1/venues/{venueId}", summary: "修改场所 / Edit a venue", ...authed,
    description: "A change of kinds, flags, grades or levels reclassifies the venue and logs the reclassification.",
    request: { params: VenueParams, body: body(Venues.UpdateVenueInput) },
    responses: { 200: json(Venues.VenueViewSchema, "Updated"), ...writeErrors },
  }),
  retire: createRoute({
    method: "post", path: "/v1/venues/{venueId}/retire", summary: "注销场所 / Retire a venue", ...authed,
    request: { params: VenueParams, body: body(z.object({ reason: z.string().max(500).optional() }), false) },
    responses: { 200: json(Venues.VenueViewSchema, "Retired; its open tasks dropped"), ...writeErrors },
  }),
  patrolPlan: createRoute({
    method: "post", path: "/v1/venues/{venueId}/patrol-plan", summary: "巡查计划 / Set a venue's patrol plan", ...authed,
    description: "For a venue a patrol_plan rule of the profile covers (e.g. a high-risk venue): the named patroller, frequency and method. The patroller's task of the current period is made at once, for them alone; a replaced plan's open tasks go.",
    request: { params: VenueParams, body: body(Venues.PatrolPlanInput) },
    responses: { 200: json(Venues.VenueViewSchema, "The venue with its plan"), ...writeErrors },
  }),
  history: createRoute({
    method: "get", path: "/v1/venues/{venueId}/history", summary: "场所变更记录 / A venue's history", ...authed,
    request: { params: VenueParams, query: z.object({ cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: json(Venues.VenueHistorySchema, "Oldest first"), ...readErrors },
  }),
  import: createRoute({
    method: "post", path: "/v1/import/venues", summary: "导入场所台账 / Import venues from xlsx or CSV", ...authed,
    description: "Columns 外部编号, 场所名称, 地址, 所在网格, 经度, 纬度, 场所类型, 重点单位级别, 企业分级, 风险等级, 监管标记, 场所特征, 负责人, 联系电话, and one per measure of the profile (venues.measures, e.g. 建筑高度（米）). Rows are matched by 外部编号: an unchanged row changes nothing.",
    request: { query: ImportQuery, body: importBody },
    responses: { 200: json(Venues.VenueImportReportSchema, "Imported (skip mode: with the rows skipped)"), ...writeErrors },
  }),
  progress: createRoute({
    method: "get", path: "/v1/venue-imports/{importId}", summary: "导入进度 / Progress of a venue import", ...authed,
    request: { params: ImportParams },
    responses: { 200: json(Venues.ImportProgressSchema, "Processed of total, and the report when done"), ...readErrors },
  }),
  draftImpact: createRoute({
    method: "get", path: "/v1/profile/draft/venue-impact", summary: "发布前：受影响的场所 / Venues the draft would reclassify", ...authed,
    description: "For the publish confirmation: how many active venues the saved draft would give another supervisor, inspection categories or patrol-plan policy. Publishing one in force at once re-derives them.",
    responses: { 200: json(z.object({ checked: z.int(), changed: z.int() }).openapi("DraftVenueImpact"), "Active venues checked and those that would change"), ...readErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/export/venues", summary: "导出场所台账 / Export the venue ledger", ...authed,
    request: { query: Venues.ExportInput },
    responses: {
      200: {
        description: "The ledger file, Chinese headers",
        content: spreadsheetContent,
      },
      ...readErrors,
    },
  }),
};

export function venueRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Venues.listVenues(c.req.valid("query")), 200))
    .openapi(routes.create, async (c) => c.json(await Venues.createVenue(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.evaluationFindings, async (c) => c.json(await Venues.listEvaluationFindings(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await Venues.getVenue({}, c.req.valid("param").venueId), 200))
    .openapi(routes.update, async (c) => c.json(await Venues.updateVenue(c.req.valid("json"), c.req.valid("param").venueId), 200))
    .openapi(routes.retire, async (c) => {
      const text = await c.req.text();
      return c.json(await Venues.retireVenue(text ? JSON.parse(text) : {}, c.req.valid("param").venueId), 200);
    })
    .openapi(routes.patrolPlan, async (c) => c.json(await Venues.setPatrolPlan(c.req.valid("json"), c.req.valid("param").venueId), 200))
    .openapi(routes.history, async (c) => c.json(await Venues.venueHistory(c.req.valid("query"), c.req.valid("param").venueId), 200))
    .openapi(routes.import, async (c) => c.json(await Venues.importVenues({ ...c.req.valid("query"), rows: await Venues.venueRowsFromUpload(await uploadBytes(c, Venues.VENUE_UPLOAD_LIMITS)) }), 200))
    .openapi(routes.progress, async (c) => c.json(await Venues.importProgress(c.req.valid("param")), 200))
    .openapi(routes.draftImpact, async (c) => c.json(await Venues.draftReclassification(), 200))
    .openapi(routes.export, async (c) => download(c, await Venues.exportVenues(c.req.valid("query")), "场所台账"));
}
