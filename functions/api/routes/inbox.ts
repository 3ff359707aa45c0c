import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Notifications } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, json, pathParam, signedIn } from "./helpers.ts";

const authed = signedIn("inbox");
const Params = z.object({ notificationId: pathParam("notificationId") });

const routes = {
  list: createRoute({
    method: "get", path: "/v1/inbox", summary: "我的消息 / My inbox", ...authed,
    request: { query: Notifications.ListInboxInput },
    responses: { 200: json(Notifications.InboxPageSchema, "Newest first"), 400: errors[400], 401: errors[401] },
  }),
  unread: createRoute({
    method: "get", path: "/v1/inbox/unread-count", summary: "未读数 / Unread count", ...authed,
    responses: { 200: json(Notifications.UnreadSchema, "Messages not yet read"), 401: errors[401] },
  }),
  read: createRoute({
    method: "post", path: "/v1/inbox/{notificationId}/read", summary: "标为已读 / Mark read", ...authed,
    request: { params: Params },
    responses: { 200: json(Notifications.NotificationSchema, "The message, read"), 401: errors[401], 404: errors[404] },
  }),
  readSubject: createRoute({
    method: "post", path: "/v1/inbox/read-subject", summary: "打开事项时标为已读 / Mark a subject's messages read", ...authed,
    description: "Opening a hazard marks the caller's unread messages about it read (the caller's own inbox only).",
    request: { body: body(Notifications.MarkSubjectReadInput) },
    responses: { 200: json(Notifications.MarkedSchema, "How many were marked read"), 400: errors[400], 401: errors[401] },
  }),
};

/** The signed-in user's own messages only: the inbox is keyed by the token's user. */
export function inboxRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => c.json(await Notifications.listInbox(c.req.valid("query")), 200))
    .openapi(routes.unread, async (c) => c.json(await Notifications.unreadCount(), 200))
    .openapi(routes.readSubject, async (c) => c.json(await Notifications.markSubjectRead(c.req.valid("json")), 200))
    .openapi(routes.read, async (c) => c.json(await Notifications.markRead(c.req.valid("param").notificationId), 200));
}
