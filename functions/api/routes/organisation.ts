import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Notifications, Organisation } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, idempotency, IdempotencyHeader, importBody, ImportQuery, json, pathParam, readErrors, signedIn, uploadedRows, writeErrors } from "./helpers.ts";

const authed = signedIn("organisation");
const NodeParams = z.object({ nodeId: pathParam("nodeId") });
const PersonParams = z.object({ nodeId: pathParam("nodeId"), personId: pathParam("personId") });
const BodyParams = z.object({ nodeId: pathParam("nodeId"), bodyId: pathParam("bodyId") });
const ItemParams = z.object({ nodeId: pathParam("nodeId"), standardId: pathParam("standardId"), itemId: pathParam("itemId") });
const MilestoneParams = z.object({ nodeId: pathParam("nodeId"), milestoneId: pathParam("milestoneId") });
const BrigadeParams = z.object({ nodeId: pathParam("nodeId"), brigadeId: pathParam("brigadeId") });
const RecordParams = z.object({ nodeId: pathParam("nodeId"), recordId: pathParam("recordId") });
const PositionParams = z.object({ nodeId: pathParam("nodeId"), positionId: pathParam("positionId") });
const ItemSchema = z.object({ standardId: z.string(), itemId: z.string(), metOn: z.string().optional(), value: z.number().optional(), evidence: z.string().optional(), photoKey: z.string().optional() }).openapi("StandardItem");
const MilestoneSchema = z.object({ milestoneId: z.string(), metOn: z.string(), evidence: z.string().optional() }).openapi("MilestoneRecord");
const BodyViewSchema = Organisation.OrganisationViewSchema.shape.bodies.element;

const routes = {
  organisation: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/organisation", summary: "节点组织 / A node's bodies, people, brigades and milestones", ...authed,
    request: { params: NodeParams },
    responses: { 200: json(Organisation.OrganisationViewSchema, "As the profile in force names them"), ...readErrors },
  }),
  people: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/people", summary: "人员 / People of a node", ...authed,
    request: { params: NodeParams, query: Organisation.PageInput },
    responses: { 200: json(Organisation.PersonPageSchema, "A page; phone and ID number masked unless you may see them"), ...readErrors },
  }),
  peopleUnder: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/subtree/people", summary: "辖区人员 / People of a subtree", ...authed,
    request: { params: NodeParams, query: Organisation.PageInput },
    responses: { 200: json(Organisation.PersonPageSchema, "A page in path order"), ...readErrors },
  }),
  createPerson: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/people", summary: "新增人员 / Add a person", ...authed,
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Organisation.CreatePersonInput) },
    responses: { 201: json(Organisation.PersonViewSchema, "Created"), ...writeErrors },
  }),
  person: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/people/{personId}", summary: "人员详情 / A person", ...authed,
    request: { params: PersonParams },
    responses: { 200: json(Organisation.PersonViewSchema, "The person"), ...readErrors },
  }),
  updatePerson: createRoute({
    method: "patch", path: "/v1/nodes/{nodeId}/people/{personId}", summary: "修改人员 / Edit a person", ...authed,
    request: { params: PersonParams, body: body(Organisation.UpdatePersonInput) },
    responses: { 200: json(Organisation.PersonViewSchema, "Updated"), ...writeErrors },
  }),
  setBody: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/bodies/{bodyId}", summary: "设立机构 / Record a profile body as set up", ...authed,
    request: { params: BodyParams, body: body(Organisation.SetBodyInput) },
    responses: { 200: json(BodyViewSchema, "The body with its members and checklists"), ...writeErrors },
  }),
  setItem: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/standards/{standardId}/items/{itemId}", summary: "建设标准达标项 / A station-standard item", ...authed,
    request: { params: ItemParams, body: body(Organisation.SetStandardItemInput) },
    responses: { 200: json(ItemSchema, "Recorded"), ...writeErrors },
  }),
  setPosting: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/positions/{positionId}/posting", summary: "挂牌公示 / A seat publicly posted", ...authed,
    description: "Records (postedOn a date) or withdraws (postedOn null) the public posting (挂牌公示) of a seat of a body at the node's level.",
    request: { params: PositionParams, body: body(Organisation.SetPostingInput) },
    responses: { 200: json(Organisation.PostingViewSchema, "Recorded"), ...writeErrors },
  }),
  setMilestone: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/milestones/{milestoneId}", summary: "完成节点任务 / A milestone done", ...authed,
    request: { params: MilestoneParams, body: body(Organisation.SetMilestoneInput) },
    responses: { 200: json(MilestoneSchema, "Recorded"), ...writeErrors },
  }),
  brigadesUnder: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/subtree/brigades", summary: "辖区队站 / Brigades of a subtree", ...authed,
    request: { params: NodeParams, query: Organisation.PageInput },
    responses: { 200: json(Organisation.BrigadePageSchema, "A page in path order"), ...readErrors },
  }),
  createBrigade: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/brigades", summary: "新建队站 / Add a brigade or micro station", ...authed,
    request: { params: NodeParams, body: body(Organisation.CreateBrigadeInput) },
    responses: { 201: json(Organisation.BrigadeViewSchema, "Created"), ...writeErrors },
  }),
  brigade: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/brigades/{brigadeId}", summary: "队站详情 / A brigade", ...authed,
    request: { params: BrigadeParams },
    responses: { 200: json(Organisation.BrigadeViewSchema, "The brigade"), ...readErrors },
  }),
  updateBrigade: createRoute({
    method: "patch", path: "/v1/nodes/{nodeId}/brigades/{brigadeId}", summary: "修改队站 / Edit a brigade", ...authed,
    request: { params: BrigadeParams, body: body(Organisation.UpdateBrigadeInput) },
    responses: { 200: json(Organisation.BrigadeViewSchema, "Updated"), ...writeErrors },
  }),
  records: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/records", summary: "工作记录 / Meetings, trainings, drills, publicity", ...authed,
    request: { params: NodeParams, query: Organisation.ListRecordsInput },
    responses: { 200: json(Organisation.RecordPageSchema, "Newest first"), ...readErrors },
  }),
  createRecord: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/records", summary: "新增记录 / Add a record", ...authed,
    request: { params: NodeParams, headers: IdempotencyHeader, body: body(Organisation.CreateRecordInput) },
    responses: { 201: json(Organisation.RecordViewSchema, "Created"), ...writeErrors },
  }),
  record: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/records/{recordId}", summary: "记录详情 / A record", ...authed,
    request: { params: RecordParams },
    responses: { 200: json(Organisation.RecordViewSchema, "The record"), ...readErrors },
  }),
  recordReceipts: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/records/{recordId}/receipts", summary: "工作提示回执 / Who read a meeting's work notices", ...authed,
    request: { params: RecordParams },
    responses: { 200: json(Notifications.ReceiptsSchema, "Read N of M, with names and times"), ...readErrors },
  }),
  updateRecord: createRoute({
    method: "patch", path: "/v1/nodes/{nodeId}/records/{recordId}", summary: "修改记录 / Edit a record", ...authed,
    request: { params: RecordParams, body: body(Organisation.UpdateRecordInput) },
    responses: { 200: json(Organisation.RecordViewSchema, "Updated"), ...writeErrors },
  }),
  wageBenchmarks: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/benchmarks/wage", summary: "平均工资基准 / Average-wage figures entered at a node", ...authed,
    request: { params: NodeParams },
    responses: { 200: json(Organisation.WageBenchmarkListSchema, "By year"), ...readErrors },
  }),
  setWageBenchmark: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/benchmarks/wage/{year}", summary: "录入上年度平均工资 / Enter a year's average wage", ...authed,
    description: "The year's average wage of urban non-private employees (城镇非私营单位在岗职工平均工资), yuan per year; the node's subtree measures full-time firefighters' pay against the previous year's figure of the node or its nearest ancestor.",
    request: { params: z.object({ nodeId: pathParam("nodeId"), year: pathParam("year", 8) }), body: body(Organisation.SetWageBenchmarkInput) },
    responses: { 200: json(Organisation.WageBenchmarkSchema, "Recorded"), ...writeErrors },
  }),
  importStaff: createRoute({
    method: "post", path: "/v1/import/staff", summary: "批量导入人员 / Import staff from xlsx or CSV", ...authed,
    description: "Columns 所在节点 (a path of names below `under`), 姓名, 用工性质, 派出单位, 所在机构, 角色, 职务, 电话, 身份证号; profile words as ids or zh names. all_or_nothing answers 400 naming each bad row and column and writes nothing.",
    request: { query: ImportQuery, body: importBody },
    responses: { 200: json(Organisation.ImportReportSchema, "Imported (skip mode: with the rows skipped)"), ...writeErrors },
  }),
};

export function organisationRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.organisation, async (c) => c.json(await Organisation.getOrganisation(c.req.valid("param").nodeId), 200))
    .openapi(routes.people, async (c) => c.json(await Organisation.listPeople(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.peopleUnder, async (c) => c.json(await Organisation.listPeopleUnder(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.createPerson, async (c) => c.json(await Organisation.createPerson(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.person, async (c) => {
      const { nodeId, personId } = c.req.valid("param");
      return c.json(await Organisation.getPerson(nodeId, personId), 200);
    })
    .openapi(routes.updatePerson, async (c) => {
      const { nodeId, personId } = c.req.valid("param");
      return c.json(await Organisation.updatePerson(c.req.valid("json"), nodeId, personId), 200);
    })
    .openapi(routes.setBody, async (c) => {
      const { nodeId, bodyId } = c.req.valid("param");
      return c.json(await Organisation.setBody(c.req.valid("json"), nodeId, bodyId), 200);
    })
    .openapi(routes.setItem, async (c) => {
      const { nodeId, standardId, itemId } = c.req.valid("param");
      return c.json(await Organisation.setStandardItem(c.req.valid("json"), nodeId, standardId, itemId), 200);
    })
    .openapi(routes.setPosting, async (c) => {
      const { nodeId, positionId } = c.req.valid("param");
      return c.json(await Organisation.setPosting(c.req.valid("json"), nodeId, positionId), 200);
    })
    .openapi(routes.setMilestone, async (c) => {
      const { nodeId, milestoneId } = c.req.valid("param");
      return c.json(await Organisation.setMilestone(c.req.valid("json"), nodeId, milestoneId), 200);
    })
    .openapi(routes.brigadesUnder, async (c) => c.json(await Organisation.listBrigadesUnder(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.createBrigade, async (c) => c.json(await Organisation.createBrigade(c.req.valid("json"), c.req.valid("param").nodeId), 201))
    .openapi(routes.brigade, async (c) => {
      const { nodeId, brigadeId } = c.req.valid("param");
      return c.json(await Organisation.getBrigade(nodeId, brigadeId), 200);
    })
    .openapi(routes.updateBrigade, async (c) => {
      const { nodeId, brigadeId } = c.req.valid("param");
      return c.json(await Organisation.updateBrigade(c.req.valid("json"), nodeId, brigadeId), 200);
    })
    .openapi(routes.records, async (c) => c.json(await Organisation.listRecords(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.createRecord, async (c) => c.json(await Organisation.createRecord(c.req.valid("json"), c.req.valid("param").nodeId, idempotency(c)), 201))
    .openapi(routes.record, async (c) => {
      const { nodeId, recordId } = c.req.valid("param");
      return c.json(await Organisation.getRecord(nodeId, recordId), 200);
    })
    .openapi(routes.recordReceipts, async (c) => {
      const { nodeId, recordId } = c.req.valid("param");
      return c.json(await Organisation.recordReceipts(nodeId, recordId), 200);
    })
    .openapi(routes.updateRecord, async (c) => {
      const { nodeId, recordId } = c.req.valid("param");
      return c.json(await Organisation.updateRecord(c.req.valid("json"), nodeId, recordId), 200);
    })
    .openapi(routes.wageBenchmarks, async (c) => c.json(await Organisation.listWageBenchmarks(c.req.valid("param").nodeId), 200))
    .openapi(routes.setWageBenchmark, async (c) => {
      const { nodeId, year } = c.req.valid("param");
      return c.json(await Organisation.setWageBenchmark(c.req.valid("json"), nodeId, year), 200);
    })
    .openapi(routes.importStaff, async (c) => c.json(await Organisation.importStaff({ ...c.req.valid("query"), rows: await uploadedRows(c) }), 200));
}
