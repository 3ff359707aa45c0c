import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Identity, Tenancy } from "@firegov/core";
import type { AppDeps, AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, signedIn } from "./helpers.ts";

const signupRoute = createRoute({
  method: "post",
  path: "/v1/signup",
  tags: ["tenancy"],
  summary: "县（区）注册 / Sign a county up",
  request: { headers: IdempotencyHeader, body: body(Tenancy.SignupInput) },
  responses: {
    201: json(z.object({ tenantId: z.string(), adminUserId: z.string(), rootNodeId: z.string() }), "The tenant, its root node and first admin"),
    400: errors[400],
    409: errors[409],
  },
});

const loginRoute = createRoute({
  method: "post",
  path: "/v1/auth/login",
  tags: ["auth"],
  summary: "登录 / Sign in",
  request: { body: body(Identity.LoginInput) },
  responses: { 200: json(Identity.SignedInSchema, "Tokens and the user"), 400: errors[400], 401: errors[401], 403: errors[403], 429: errors[429] },
});

const refreshRoute = createRoute({
  method: "post",
  path: "/v1/auth/refresh",
  tags: ["auth"],
  summary: "刷新登录 / Rotate the refresh token",
  request: { body: body(Identity.RefreshInput) },
  responses: { 200: json(Identity.SignedInSchema, "New tokens"), 400: errors[400], 401: errors[401] },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/v1/auth/logout",
  summary: "退出登录 / Sign out",
  ...signedIn("auth"),
  responses: { 204: { description: "Session ended" }, 401: errors[401] },
});

/** Public: signup, login and refresh name their tenant themselves (slug or refresh token). */
export function authRoutes(presetExists: AppDeps["presets"]) {
  return new OpenAPIHono<AppEnv>()
    .openapi(signupRoute, async (c) => {
      const input = c.req.valid("json");
      const result = await Tenancy.signup(input, await presetExists(input.presetId), idempotency(c));
      return c.json(result, 201);
    })
    .openapi(loginRoute, async (c) => c.json(await Identity.login(c.req.valid("json")), 200))
    .openapi(refreshRoute, async (c) => c.json(await Identity.refresh(c.req.valid("json")), 200))
    .openapi(logoutRoute, async (c) => {
      await Identity.logout();
      return c.body(null, 204);
    });
}
