import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Warnings } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, spreadsheetContent, writeErrors } from "./helpers.ts";

const authed = signedIn("warnings");
const Params = z.object({ warningId: pathParam("warningId") });
const TargetParams = z.object({ warningId: pathParam("warningId"), nodeId: pathParam("nodeId") });

const routes = {
  list: createRoute({
    method: "get", path: "/v1/warnings", summary: "预警 / Warnings issued in your subtree, with their answer rates", ...authed,
    request: { query: Warnings.ListWarningsInput },
    responses: { 200: json(Warnings.WarningPageSchema, "Newest first"), ...readErrors },
  }),
  issue: createRoute({
    method: "post", path: "/v1/warnings", summary: "发布预警 / Issue a warning to nodes, each to answer (叫应) by a deadline", ...authed,
    description: "County and town officers issue to nodes of their subtree: by id, or every node of a level (and unit kind). Each node's officers get a message. With an Idempotency-Key, a retry answers the first warning (and writes any target rows the first attempt did not).",
    request: { headers: IdempotencyHeader, body: body(Warnings.IssueWarningInput) },
    responses: { 201: json(Warnings.WarningViewSchema, "Issued"), ...writeErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/warnings/{warningId}", summary: "叫应情况 / A warning's live answer rate and every node's state", ...authed,
    request: { params: Params },
    responses: { 200: json(Warnings.WarningDetailSchema, "The warning with one row per target node"), ...readErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/warnings/{warningId}/export", summary: "导出叫应情况 / A warning's answers as xlsx", ...authed,
    request: { params: Params },
    responses: { 200: { description: "The workbook", content: spreadsheetContent }, ...readErrors },
  }),
  answer: createRoute({
    method: "post", path: "/v1/warnings/{warningId}/targets/{nodeId}/answer", summary: "叫应 / Answer a warning for a node (acknowledge, measures taken)", ...authed,
    description: "The first answer acknowledges (its time kept; late after the deadline); answering again updates the measures and photos only.",
    request: { params: TargetParams, body: body(Warnings.AnswerWarningInput) },
    responses: { 200: json(Warnings.NodeWarningSchema, "The node's answer"), ...writeErrors },
  }),
  photo: createRoute({
    method: "post", path: "/v1/warnings/{warningId}/targets/{nodeId}/photos", summary: "上传叫应照片 / A presigned upload for a photo of the measures taken", ...authed,
    description: "PUT the photo to `uploadUrl` with exactly the headers given (JPEG, PNG or WebP, at most 10 MB); then send `key` in `photos` of the answer.",
    request: { params: TargetParams, body: body(Warnings.presignAnswerPhoto.schema) },
    responses: { 201: json(Warnings.PhotoUploadSchema, "Where to PUT the photo"), ...writeErrors },
  }),
  node: createRoute({
    method: "get", path: "/v1/node-warnings", summary: "本节点预警 / The warnings a node was sent, with its answers", ...authed,
    request: { query: Warnings.MyWarningsInput },
    responses: { 200: json(Warnings.NodeWarningPageSchema, "Newest first"), ...readErrors },
  }),
};

export function warningRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Warnings.listWarnings(c.req.valid("query")), 200))
    .openapi(routes.issue, async (c) => c.json(await Warnings.issueWarning(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.node, async (c) => c.json(await Warnings.nodeWarnings(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await Warnings.getWarning(c.req.valid("param").warningId), 200))
    .openapi(routes.export, async (c) => download(c, await Warnings.exportWarningAnswers(c.req.valid("param").warningId), "预警叫应"))
    .openapi(routes.photo, async (c) => {
      const { warningId, nodeId } = c.req.valid("param");
      return c.json(await Warnings.presignAnswerPhoto(c.req.valid("json"), warningId, nodeId), 201);
    })
    .openapi(routes.answer, async (c) => {
      const { warningId, nodeId } = c.req.valid("param");
      return c.json(await Warnings.answerWarning(c.req.valid("json"), warningId, nodeId), 200);
    });
}
