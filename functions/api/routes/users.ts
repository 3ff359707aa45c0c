import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Identity, Jurisdiction, Tenancy } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { idempotencyKey, requireUser } from "../middleware.ts";
import { bearer, errors, IdempotencyHeader, json } from "./openapi-common.ts";

const UserParams = z.object({ userId: z.string().min(1).max(64).openapi({ param: { name: "userId", in: "path" } }) });
const UserPage = z.object({ items: z.array(Identity.UserViewSchema), cursor: z.string().nullable() }).openapi("UserPage");
const MeSchema = z.object({ user: Identity.UserViewSchema, tenant: Tenancy.TenantViewSchema }).openapi("Me");
const NodePage = z.object({ items: z.array(Jurisdiction.NodeViewSchema), cursor: z.string().nullable() }).openapi("NodePage");
const authed = { security: bearer, middleware: requireUser };

const routes = {
  me: createRoute({ method: "get", path: "/v1/me", tags: ["auth"], summary: "当前用户 / Who am I", ...authed, responses: { 200: json(MeSchema, "The signed-in user and tenant"), 401: errors[401] } }),
  changePassword: createRoute({
    method: "post", path: "/v1/me/password", tags: ["auth"], summary: "修改密码 / Change my password", ...authed,
    request: { body: { content: { "application/json": { schema: Identity.ChangePasswordInput } }, required: true } },
    responses: { 204: { description: "Changed; other sessions ended" }, 400: errors[400], 401: errors[401] },
  }),
  list: createRoute({
    method: "get", path: "/v1/users", tags: ["users"], summary: "用户列表 / Users in my subtree", ...authed,
    request: { query: Identity.ListUsersInput },
    responses: { 200: json(UserPage, "A page of users"), 401: errors[401], 403: errors[403] },
  }),
  create: createRoute({
    method: "post", path: "/v1/users", tags: ["users"], summary: "新建用户 / Create a user", ...authed,
    request: { headers: IdempotencyHeader, body: { content: { "application/json": { schema: Identity.CreateUserInput } }, required: true } },
    responses: { 201: json(Identity.UserViewSchema, "Created"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  get: createRoute({
    method: "get", path: "/v1/users/{userId}", tags: ["users"], summary: "用户详情 / A user", ...authed,
    request: { params: UserParams },
    responses: { 200: json(Identity.UserViewSchema, "The user"), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  update: createRoute({
    method: "patch", path: "/v1/users/{userId}", tags: ["users"], summary: "修改用户 / Edit a user", ...authed,
    request: { params: UserParams, body: { content: { "application/json": { schema: Identity.UpdateUserInput } }, required: true } },
    responses: { 200: json(Identity.UserViewSchema, "Updated"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  status: createRoute({
    method: "post", path: "/v1/users/{userId}/status", tags: ["users"], summary: "停用/启用用户 / Disable or enable a user", ...authed,
    request: { params: UserParams, body: { content: { "application/json": { schema: Identity.SetUserStatusInput } }, required: true } },
    responses: { 200: json(Identity.UserViewSchema, "Updated"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  resetPassword: createRoute({
    method: "post", path: "/v1/users/{userId}/password-reset", tags: ["users"], summary: "重置密码 / Set a temporary password", ...authed,
    request: { params: UserParams, body: { content: { "application/json": { schema: Identity.ResetPasswordInput } }, required: true } },
    responses: { 200: json(Identity.UserViewSchema, "Reset; the user must change it and is signed out"), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  nodes: createRoute({
    method: "get", path: "/v1/nodes", tags: ["jurisdiction"], summary: "辖区节点 / Nodes of my subtree", ...authed,
    request: { query: Jurisdiction.ListSubtreeInput },
    responses: { 200: json(NodePage, "A page of nodes in path order"), 401: errors[401], 403: errors[403] },
  }),
};

export function userRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.me, async (c) => {
      const actor = c.get("actor");
      return c.json({ user: await Identity.getUser(actor.userId), tenant: await Tenancy.getTenant() }, 200);
    })
    .openapi(routes.changePassword, async (c) => {
      await Identity.changeOwnPassword(c.req.valid("json"));
      return c.body(null, 204);
    })
    .openapi(routes.list, async (c) => c.json(await Identity.listUsers(c.req.valid("query")), 200))
    .openapi(routes.create, async (c) =>
      c.json(await Identity.createUser(c.req.valid("json"), { idempotencyKey: idempotencyKey(c.req.header("idempotency-key")) }), 201),
    )
    .openapi(routes.get, async (c) => c.json(await Identity.getUser(c.req.valid("param").userId), 200))
    .openapi(routes.update, async (c) => c.json(await Identity.updateUser(c.req.valid("json"), c.req.valid("param").userId), 200))
    .openapi(routes.status, async (c) => c.json(await Identity.setUserStatus(c.req.valid("json"), c.req.valid("param").userId), 200))
    .openapi(routes.resetPassword, async (c) => c.json(await Identity.resetPassword(c.req.valid("json"), c.req.valid("param").userId), 200))
    .openapi(routes.nodes, async (c) => c.json(await Jurisdiction.listSubtree(c.req.valid("query")), 200));
}
