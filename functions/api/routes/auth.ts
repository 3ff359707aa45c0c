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
    201: json(
      z.object({
        tenantId: z.string(),
        adminUserId: z.string(),
        rootNodeId: z.string(),
        profileId: z.string().openapi({ description: "The county's profile id: the preset's, or its own (blank, or a fork)" }),
        recoveryCodes: z.array(z.string()).optional().openapi({ description: "Shown once: one-time codes to reset the admin's password (POST /v1/auth/recover), issued when the admin gave neither phone nor email" }),
      }),
      "The tenant, its root node and first admin",
    ),
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

const recoverRoute = createRoute({
  method: "post",
  path: "/v1/auth/recover",
  tags: ["auth"],
  summary: "用恢复码重设密码 / Reset a password with a recovery code",
  description: "Each code works once; throttled like sign-in. Sign in with the new password afterwards; the user's sessions end.",
  request: { body: body(Identity.RecoverInput) },
  responses: { 204: { description: "Password reset; the code is spent" }, 400: errors[400], 401: errors[401], 403: errors[403], 429: errors[429] },
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
    .openapi(recoverRoute, async (c) => {
      await Identity.recoverPassword(c.req.valid("json"));
      return c.body(null, 204);
    })
    .openapi(logoutRoute, async (c) => {
      await Identity.logout();
      return c.body(null, 204);
    });
}
