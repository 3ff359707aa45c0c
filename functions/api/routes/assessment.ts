import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Assessment } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, errors, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, spreadsheetContent, writeErrors } from "./helpers.ts";

const authed = signedIn("assessment");
const SchemeParams = z.object({ schemeId: pathParam("schemeId", 60) });

const routes = {
  scorecards: createRoute({
    method: "get", path: "/v1/assessment/schemes/{schemeId}/scorecards", summary: "考核评分表 / A scheme's scorecards for a period", ...authed,
    description: "Each assessed node under a place: its indicators scored 0–100 (from compliance findings, the hazards' on-time closes, or the assessor), the weighted total, the rank among siblings and whether it lags, under the profile version in effect at the period's end.",
    request: { params: SchemeParams, query: Assessment.ScorecardsInput },
    responses: { 200: json(Assessment.ScorecardsSchema, "Cards in path order"), ...readErrors },
  }),
  setScore: createRoute({
    method: "put", path: "/v1/assessment/schemes/{schemeId}/scores", summary: "录入评分 / Enter an indicator's score", ...authed,
    description: "The assessor's score (0–100) and note for one indicator of one node in one period: a manual indicator's score, or an override of a computed one. Tenant admins, and officers at the assessor body's level over the nodes below them.",
    request: { params: SchemeParams, body: body(Assessment.SetScoreInput) },
    responses: { 200: json(Assessment.ScoreSchema, "Stored"), ...writeErrors },
  }),
  clearScore: createRoute({
    method: "delete", path: "/v1/assessment/schemes/{schemeId}/scores", summary: "撤回评分 / Withdraw an entered score", ...authed,
    request: { params: SchemeParams, body: body(Assessment.ClearScoreInput) },
    responses: { 204: { description: "Withdrawn" }, ...writeErrors },
  }),
  incentives: createRoute({
    method: "get", path: "/v1/assessment/incentives", summary: "奖惩登记 / The incentive register", ...authed,
    request: { query: Assessment.ListIncentivesInput },
    responses: { 200: json(Assessment.IncentivePageSchema, "Newest first"), ...readErrors },
  }),
  recordIncentive: createRoute({
    method: "post", path: "/v1/assessment/incentives", summary: "登记奖惩 / Record an incentive applied", ...authed,
    description: "A reward or sanction of the profile, to a node, a unit or a person at a node; a candidate's source is recorded once.",
    request: { headers: IdempotencyHeader, body: body(Assessment.RecordIncentiveInput) },
    responses: { 201: json(Assessment.IncentiveRecordSchema, "Recorded"), ...writeErrors },
  }),
  candidates: createRoute({
    method: "get", path: "/v1/assessment/incentives/candidates", summary: "奖惩候选 / Incentive candidates", ...authed,
    description: "Each incentive of the profile with the candidates its data proposes: the lagging units of a scheme, the reporters of hazards judged major; none (with the reason) for those chosen by people.",
    request: { query: Assessment.CandidatesInput },
    responses: { 200: json(Assessment.CandidatesSchema, "By incentive, in profile order"), ...readErrors },
  }),
  close: createRoute({
    method: "post", path: "/v1/assessment/schemes/{schemeId}/close", summary: "考核期归档 / Close a period into its snapshot", ...authed,
    description: "Computes every assessed node's card of the period once more and keeps it as the period's immutable snapshot: reading or exporting the period answers the snapshot whatever data comes later, and scores can no longer be entered for it (409 assessment.period_closed). A period is closed once (a second close is 409). Tenant admins of the whole tree.",
    request: { params: SchemeParams, body: body(Assessment.ClosePeriodInput) },
    responses: { 200: json(Assessment.ScorecardsSchema, "The snapshot, as the scorecards read"), ...writeErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/assessment/schemes/{schemeId}/export", summary: "导出考核结果 / Export a period as the assessors' workbook", ...authed,
    description: "xlsx: sheet 考核结果 with one row per assessed node, one column per indicator (weight in the header), 总分, 排名, 同级数, 是否落后 and a last row of averages; sheet 评分依据 with each score's evidence or note. A closed period exports its snapshot.",
    request: { params: SchemeParams, query: Assessment.ExportInput },
    responses: { 200: { description: "The workbook", content: spreadsheetContent }, ...readErrors },
  }),
  attachmentUpload: createRoute({
    method: "post", path: "/v1/assessment/attachments", summary: "上传考核材料 / A presigned upload for a score's attachment", ...authed,
    description: "PUT the file (a photo or scan: JPEG, PNG or WebP, at most 10 MB) to `uploadUrl` with exactly the headers given; then send `key` in `attachments` of a score.",
    request: { body: body(Assessment.presignAttachmentUpload.schema) },
    responses: { 201: json(Assessment.PhotoUploadSchema, "Where to upload"), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  attachment: createRoute({
    method: "get", path: "/v1/assessment/attachments", summary: "查看考核材料 / A short-lived link to a score's attachment", ...authed,
    request: { query: Assessment.AttachmentQuery },
    responses: { 200: json(Assessment.PhotoUrlSchema, "A short-lived link"), ...readErrors },
  }),
};

export function assessmentRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.scorecards, async (c) => c.json(await Assessment.getScorecards(c.req.valid("query"), c.req.valid("param").schemeId), 200))
    .openapi(routes.setScore, async (c) => c.json(await Assessment.setScore(c.req.valid("json"), c.req.valid("param").schemeId), 200))
    .openapi(routes.clearScore, async (c) => {
      await Assessment.clearScore(c.req.valid("json"), c.req.valid("param").schemeId);
      return c.body(null, 204);
    })
    .openapi(routes.incentives, async (c) => c.json(await Assessment.listIncentives(c.req.valid("query")), 200))
    .openapi(routes.candidates, async (c) => c.json(await Assessment.incentiveCandidates(c.req.valid("query")), 200))
    .openapi(routes.close, async (c) => c.json(await Assessment.closePeriod(c.req.valid("json"), c.req.valid("param").schemeId), 200))
    .openapi(routes.export, async (c) => download(c, await Assessment.exportScorecards(c.req.valid("query"), c.req.valid("param").schemeId), "考核结果"))
    .openapi(routes.attachmentUpload, async (c) => c.json(await Assessment.presignAttachmentUpload(c.req.valid("json")), 201))
    .openapi(routes.attachment, async (c) => c.json(await Assessment.attachmentUrl(c.req.valid("query")), 200))
    .openapi(routes.recordIncentive, async (c) => c.json(await Assessment.recordIncentive(c.req.valid("json"), idempotency(c)), 201));
}
