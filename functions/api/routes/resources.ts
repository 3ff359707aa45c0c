import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Resources, Assessment } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, spreadsheetContent, writeErrors } from "./helpers.ts";

// 经费装备、资质培训: a node's funding ledger, equipment register,
// certificates, training results and their findings.

const authed = signedIn("resources");
const NodeParams = z.object({ nodeId: pathParam("nodeId") });
const EquipmentParams = z.object({ nodeId: pathParam("nodeId"), equipmentId: pathParam("equipmentId") });
const RecordParams = z.object({ nodeId: pathParam("nodeId"), recordId: pathParam("recordId") });
const file = (description: string) => ({ description, content: spreadsheetContent });
const Created = (name: string, key: string) => z.object({ [key]: z.string() }).openapi(name);

const routes = {
  ledger: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/funding", summary: "经费台账 / A node's funding ledger", ...authed,
    description: "Budget lines (of a year, or all) with what was spent on each and the balance, the spending newest first, and the totals.",
    request: { params: NodeParams, query: Resources.LedgerQuery },
    responses: { 200: json(Resources.LedgerSchema, "The ledger"), ...readErrors },
  }),
  ledgerExport: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/funding/export", summary: "导出经费台账 / The funding ledger as xlsx", ...authed,
    request: { params: NodeParams, query: Resources.LedgerQuery },
    responses: { 200: file("Sheets 预算科目 (with a total row) and 支出明细"), ...readErrors },
  }),
  createLine: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/funding/lines", summary: "新增预算科目 / Add a budget line", ...authed,
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Resources.CreateBudgetLineInput) },
    responses: { 201: json(Created("BudgetLineCreated", "lineId"), "Created"), ...writeErrors },
  }),
  createSpending: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/funding/spending", summary: "登记支出 / Record spending against a budget line", ...authed,
    description: "The date falls in the line's budget year; attachments are keys from POST /v1/nodes/{nodeId}/funding/attachments.",
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Resources.CreateSpendingInput) },
    responses: { 201: json(Created("SpendingCreated", "spendingId"), "Created"), ...writeErrors },
  }),
  attachmentUpload: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/funding/attachments", summary: "上传经费凭证 / A presigned upload for a receipt or contract", ...authed,
    description: "PUT the file (JPEG, PNG or WebP, at most 10 MB) to `uploadUrl` with exactly the headers given; then send `key` in `attachments` of a spending entry.",
    request: { params: NodeParams, body: body(Resources.presignFundingAttachment.schema) },
    responses: { 201: json(Assessment.PhotoUploadSchema, "Where to upload"), ...readErrors },
  }),
  attachment: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/funding/attachments", summary: "查看经费凭证 / A short-lived link to a spending attachment", ...authed,
    request: { params: NodeParams, query: Resources.fundingAttachmentUrl.schema },
    responses: { 200: json(Assessment.PhotoUrlSchema, "A short-lived link"), ...readErrors },
  }),
  equipment: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/equipment", summary: "装备台账 / A node's equipment register", ...authed,
    request: { params: NodeParams },
    responses: { 200: json(Resources.EquipmentListSchema, "Every item, retired ones marked"), ...readErrors },
  }),
  createEquipment: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/equipment", summary: "登记装备 / Add equipment", ...authed,
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Resources.CreateEquipmentInput) },
    responses: { 201: json(Resources.EquipmentSchema, "Created"), ...writeErrors },
  }),
  updateEquipment: createRoute({
    method: "patch", path: "/v1/nodes/{nodeId}/equipment/{equipmentId}", summary: "更新装备 / Update equipment (a check, a new expiry, retire)", ...authed,
    request: { params: EquipmentParams, body: body(Resources.UpdateEquipmentInput) },
    responses: { 200: json(Resources.EquipmentSchema, "Updated"), ...writeErrors },
  }),
  registerExport: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/equipment/export", summary: "导出装备与证书 / Equipment and certificates as xlsx", ...authed,
    request: { params: NodeParams },
    responses: { 200: file("Sheets 装备 and 资格证书, each row with its status today"), ...readErrors },
  }),
  certificates: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/certificates", summary: "资格证书 / Certificates of a node's people", ...authed,
    request: { params: NodeParams },
    responses: { 200: json(Resources.CertificateListSchema, "Every certificate"), ...readErrors },
  }),
  createCertificate: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/certificates", summary: "登记资格证书 / Add a certificate", ...authed,
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Resources.CreateCertificateInput) },
    responses: { 201: json(Resources.CertificateSchema, "Created"), ...writeErrors },
  }),
  trainingResults: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/records/{recordId}/results", summary: "培训考核成绩 / A training's scores", ...authed,
    request: { params: RecordParams },
    responses: { 200: json(Resources.TrainingResultsSchema, "Scores against the pass mark: who passed, who failed, who has none"), ...readErrors },
  }),
  setTrainingResults: createRoute({
    method: "put", path: "/v1/nodes/{nodeId}/records/{recordId}/results", summary: "录入培训考核成绩 / Enter a training's scores", ...authed,
    description: "Replaces the scores of the training record's assessment; only its attendees are scored; the pass mark of the profile in effect is kept with them.",
    request: { params: RecordParams, body: body(Resources.SetTrainingResultsInput) },
    responses: { 200: json(Resources.TrainingResultsSchema, "The results"), ...writeErrors },
  }),
  findings: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/resources/findings", summary: "经费装备与资质问题 / Findings of funding, equipment and certificates", ...authed,
    description: "Equipment expiring within the profile's lead days (due_soon) or expired (unmet), checks due or overdue, equipment minimums, the year's budget, certificates lapsing or lapsed; each citing its clause.",
    request: { params: NodeParams, query: Resources.ResourceFindingsInput },
    responses: { 200: json(Resources.ResourceFindingsSchema, "Findings"), ...readErrors },
  }),
};

export function resourceRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.ledger, async (c) => c.json(await Resources.fundingLedger(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.ledgerExport, async (c) => download(c, await Resources.exportFundingLedger(c.req.valid("query"), c.req.valid("param").nodeId), "经费台账"))
    .openapi(routes.createLine, async (c) => c.json(await Resources.createBudgetLine(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.createSpending, async (c) => c.json(await Resources.createSpending(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.attachmentUpload, async (c) => c.json(await Resources.presignFundingAttachment(c.req.valid("json"), c.req.valid("param").nodeId), 201))
    .openapi(routes.attachment, async (c) => c.json(await Resources.fundingAttachmentUrl(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.equipment, async (c) => c.json(await Resources.listEquipment(c.req.valid("param").nodeId), 200))
    .openapi(routes.createEquipment, async (c) => c.json(await Resources.createEquipment(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.updateEquipment, async (c) => {
      const { nodeId, equipmentId } = c.req.valid("param");
      return c.json(await Resources.updateEquipment(c.req.valid("json"), nodeId, equipmentId), 200);
    })
    .openapi(routes.registerExport, async (c) => download(c, await Resources.exportRegister(c.req.valid("param").nodeId), "装备与证书"))
    .openapi(routes.certificates, async (c) => c.json(await Resources.listCertificates(c.req.valid("param").nodeId), 200))
    .openapi(routes.createCertificate, async (c) => c.json(await Resources.createCertificate(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.trainingResults, async (c) => {
      const { nodeId, recordId } = c.req.valid("param");
      return c.json(await Resources.trainingResults(nodeId, recordId), 200);
    })
    .openapi(routes.setTrainingResults, async (c) => {
      const { nodeId, recordId } = c.req.valid("param");
      return c.json(await Resources.setTrainingResults(c.req.valid("json"), nodeId, recordId), 200);
    })
    .openapi(routes.findings, async (c) => c.json(await Resources.resourceFindingsOf(c.req.valid("query"), c.req.valid("param").nodeId), 200));
}
