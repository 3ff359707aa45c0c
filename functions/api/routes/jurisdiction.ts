import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Jurisdiction, Organisation } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, importBody, ImportQuery, json, pageSchema, pathParam, readErrors, signedIn, uploadedRows, writeErrors } from "./helpers.ts";

const authed = signedIn("jurisdiction");
const NodeParams = z.object({ nodeId: pathParam("nodeId") });
const NodePage = pageSchema(Jurisdiction.NodeViewSchema, "NodePage");

const routes = {
  list: createRoute({
    method: "get", path: "/v1/nodes", summary: "辖区节点 / Nodes of my subtree", ...authed,
    request: { query: Jurisdiction.ListSubtreeInput },
    responses: { 200: json(NodePage, "A page of nodes in path order"), 401: errors[401], 403: errors[403] },
  }),
  get: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}", summary: "辖区节点 / A node", ...authed,
    request: { params: NodeParams },
    responses: { 200: json(Jurisdiction.NodeViewSchema, "The node"), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  subtree: createRoute({
    method: "get", path: "/v1/nodes/{nodeId}/subtree", summary: "下级节点 / The subtree under a node", ...authed,
    request: { params: NodeParams, query: Jurisdiction.ListSubtreeInput },
    responses: { 200: json(NodePage, "A page of nodes in path order (the node first)"), ...readErrors },
  }),
  create: createRoute({
    method: "post", path: "/v1/nodes", summary: "新建节点 / Add a child node", ...authed,
    description: "The level is the one below the parent's in the profile in force; unit and tier are checked against it.",
    request: { headers: IdempotencyHeader, body: body(Jurisdiction.CreateNodeInput) },
    responses: { 201: json(Jurisdiction.NodeViewSchema, "Created"), ...writeErrors },
  }),
  update: createRoute({
    method: "patch", path: "/v1/nodes/{nodeId}", summary: "改名、类型、类别 / Rename, set unit or tier", ...authed,
    request: { params: NodeParams, body: body(Jurisdiction.UpdateNodeInput) },
    responses: { 200: json(Jurisdiction.NodeViewSchema, "Updated"), ...writeErrors },
  }),
  move: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/move", summary: "移动节点 / Move under another parent", ...authed,
    description: "The node keeps its id; it and every item carrying its path are rewritten.",
    request: { params: NodeParams, body: body(Jurisdiction.MoveNodeInput) },
    responses: { 200: json(Jurisdiction.NodeViewSchema, "Moved"), ...writeErrors },
  }),
  retire: createRoute({
    method: "post", path: "/v1/nodes/{nodeId}/retire", summary: "撤销节点 / Retire a node", ...authed,
    description: "Never deleted; refused (409) while it has active children.",
    request: { params: NodeParams },
    responses: { 200: json(Jurisdiction.NodeViewSchema, "Retired"), ...writeErrors },
  }),
  import: createRoute({
    method: "post", path: "/v1/import/tree", summary: "批量导入辖区 / Import nodes from xlsx or CSV", ...authed,
    description: "Columns 上级 (a path of names below `under`, e.g. 甲镇/甲一村), 名称, 单位类型, 类别. all_or_nothing answers 400 naming each bad row and column and writes nothing.",
    request: { query: ImportQuery, body: importBody },
    responses: { 200: json(Organisation.ImportReportSchema, "Imported (skip mode: with the rows skipped)"), ...writeErrors },
  }),
};

export function jurisdictionRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Jurisdiction.listSubtree(c.req.valid("query")), 200))
    .openapi(routes.get, async (c) => c.json(await Jurisdiction.getNode(c.req.valid("param").nodeId), 200))
    .openapi(routes.subtree, async (c) => c.json(await Jurisdiction.listUnder(c.req.valid("query"), c.req.valid("param").nodeId), 200))
    .openapi(routes.create, async (c) => c.json(await Jurisdiction.createNode(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.update, async (c) => c.json(await Jurisdiction.updateNode(c.req.valid("json"), c.req.valid("param").nodeId), 200))
    .openapi(routes.move, async (c) => c.json(await Jurisdiction.moveNode(c.req.valid("json"), c.req.valid("param").nodeId), 200))
    .openapi(routes.retire, async (c) => c.json(await Jurisdiction.retireNode(c.req.valid("param").nodeId), 200))
    .openapi(routes.import, async (c) => c.json(await Organisation.importTree({ ...c.req.valid("query"), rows: await uploadedRows(c) }), 200));
}
