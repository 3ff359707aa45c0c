import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Identity, Tenancy } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, pageSchema, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const UserParams = z.object({ userId: pathParam("userId") });
const UserPage = pageSchema(Identity.UserViewSchema, "UserPage");
const MeSchema = z
  .object({ user: Identity.UserViewSchema, body: Identity.BodyRefSchema.nullable().openapi({ description: "The profile body the user acts for (null: none)" }), tenant: Tenancy.TenantViewSchema })
  .openapi("Me");
const me = signedIn("auth");
const authed = signedIn("users");

const routes = {
  me: createRoute({ method: "get", path: "/v1/me", summary: "当前用户 / Who am I", ...me, responses: { 200: json(MeSchema, "The signed-in user and tenant"), 401: errors[401] } }),
  changePassword: createRoute({
    method: "post", path: "/v1/me/password", summary: "修改密码 / Change my password", ...me,
    request: { body: body(Identity.ChangePasswordInput) },
    responses: { 204: { description: "Changed; other sessions ended" }, 400: errors[400], 401: errors[401] },
  }),
  recoveryCodes: createRoute({
    method: "post", path: "/v1/me/recovery-codes", summary: "重新生成恢复码 / New recovery codes for my account", ...me,
    description: "A fresh set of one-time codes for POST /v1/auth/recover, shown once; the old ones stop working.",
    request: { body: body(Identity.RenewRecoveryCodesInput) },
    responses: { 200: json(z.object({ recoveryCodes: z.array(z.string()) }), "The new codes, shown once"), 400: errors[400], 401: errors[401] },
  }),
  list: createRoute({
    method: "get", path: "/v1/users", summary: "用户列表 / Users in my subtree", ...authed,
    request: { query: Identity.ListUsersInput },
    responses: { 200: json(UserPage, "A page of users"), 401: errors[401], 403: errors[403] },
  }),
  create: createRoute({
    method: "post", path: "/v1/users", summary: "新建用户 / Create a user", ...authed,
    request: { headers: IdempotencyHeader, body: body(Identity.CreateUserInput) },
    responses: { 201: json(Identity.UserViewSchema, "Created"), ...writeErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/users/{userId}", summary: "用户详情 / A user", ...authed,
    request: { params: UserParams },
    responses: { 200: json(Identity.UserViewSchema, "The user"), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  update: createRoute({
    method: "patch", path: "/v1/users/{userId}", summary: "修改用户 / Edit a user", ...authed,
    request: { params: UserParams, body: body(Identity.UpdateUserInput) },
    responses: { 200: json(Identity.UserViewSchema, "Updated"), ...writeErrors },
  }),
  status: createRoute({
    method: "post", path: "/v1/users/{userId}/status", summary: "停用/启用用户 / Disable or enable a user", ...authed,
    request: { params: UserParams, body: body(Identity.SetUserStatusInput) },
    responses: { 200: json(Identity.UserViewSchema, "Updated"), ...readErrors },
  }),
  resetPassword: createRoute({
    method: "post", path: "/v1/users/{userId}/password-reset", summary: "重置密码 / Set a temporary password", ...authed,
    request: { params: UserParams, body: body(Identity.ResetPasswordInput) },
    responses: { 200: json(Identity.UserViewSchema, "Reset; the user must change it and is signed out"), ...readErrors },
  }),
};

export function userRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.me, async (c) => {
      const [me, tenant] = await Promise.all([Identity.getMe(), Tenancy.getTenant()]);
      return c.json({ ...me, tenant }, 200);
    })
    .openapi(routes.recoveryCodes, async (c) => c.json(await Identity.renewRecoveryCodes(c.req.valid("json")), 200))
    .openapi(routes.changePassword, async (c) => {
      await Identity.changeOwnPassword(c.req.valid("json"));
      return c.body(null, 204);
    })
    .openapi(routes.list, async (c) => c.json(await Identity.listUsers(c.req.valid("query")), 200))
    .openapi(routes.create, async (c) => c.json(await Identity.createUser(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.get, async (c) => c.json(await Identity.getUser(c.req.valid("param").userId), 200))
    .openapi(routes.update, async (c) => c.json(await Identity.updateUser(c.req.valid("json"), c.req.valid("param").userId), 200))
    .openapi(routes.status, async (c) => c.json(await Identity.setUserStatus(c.req.valid("json"), c.req.valid("param").userId), 200))
    .openapi(routes.resetPassword, async (c) => c.json(await Identity.resetPassword(c.req.valid("json"), c.req.valid("param").userId), 200));
}
